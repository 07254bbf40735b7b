//! Reading a project file from disk, through the same loader as the app.

use std::path::Path;

use symbiose_core::import::text;
use symbiose_core::{Lang, Project, UserMessage, format};

/// The project in `path`, or a message in French and English saying what is wrong.
pub fn project(path: &Path) -> Result<Project, String> {
    let text = read(path)?;
    let path = path.display();
    format::load_project(&text).map(|l| l.value).map_err(|e| {
        let m = e.message();
        format!("{path} :\n{}\n---\n{}", m.fr, m.en)
    })
}

/// The bytes of the file at `path` (a CSV or a workbook to import): refused from its size
/// alone when too large, as the app refuses it.
pub fn bytes(path: &Path) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let cannot = |e: std::io::Error| {
        format!("impossible de lire « {shown} » : {e}\n---\ncannot read \"{shown}\": {e}")
    };
    let size = std::fs::metadata(path).map_err(cannot)?.len();
    if size > format::MAX_BYTES as u64 {
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        return Err(format!(
            "« {shown} » : {}\n---\n\"{shown}\": {}",
            format::too_large(size, Lang::Fr),
            format::too_large(size, Lang::En)
        ));
    }
    std::fs::read(path).map_err(cannot)
}

/// The text of the file at `path`: refused from its size alone when too large (as the app
/// does, without reading it), and read as strict UTF-8 like every file the app opens.
pub fn read(path: &Path) -> Result<String, String> {
    let shown = path.display();
    let both = |fr: String, en: String| format!("« {shown} » : {fr}\n---\n\"{shown}\": {en}");
    let cannot = |e: std::io::Error| {
        format!("impossible de lire « {shown} » : {e} / cannot read \"{shown}\": {e}")
    };
    let size = std::fs::metadata(path).map_err(cannot)?.len();
    if size > format::MAX_BYTES as u64 {
        let size = usize::try_from(size).unwrap_or(usize::MAX);
        return Err(both(
            format::too_large(size, Lang::Fr),
            format::too_large(size, Lang::En),
        ));
    }
    let bytes = std::fs::read(path).map_err(cannot)?;
    text::utf8_text(bytes).map_err(|e| {
        let m = e.message();
        both(m.fr, m.en)
    })
}

/// The project in `path`, or exit code 1 after printing why it does not load.
pub fn project_or_exit(path: &Path) -> Result<Project, std::process::ExitCode> {
    project(path).map_err(|e| {
        eprintln!("{e}");
        std::process::ExitCode::FAILURE
    })
}
