//! Reading a project file from disk, through the same loader as the app.

use symbiose_core::{Lang, Project, format};

/// The project in `path`, or a message in French and English saying what is wrong.
pub fn project(path: &str) -> Result<Project, String> {
    let text = read(path)?;
    format::load_project(&text).map(|l| l.value).map_err(|e| {
        format!(
            "{path} :\n{}\n---\n{}",
            e.message(Lang::Fr),
            e.message(Lang::En)
        )
    })
}

pub fn read(path: &str) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| {
        format!("impossible de lire « {path} » : {e} / cannot read \"{path}\": {e}")
    })?;
    // Refuse a huge file from its size, as the app does, without reading it.
    if meta.len() > format::MAX_BYTES as u64 {
        return Err(format!(
            "« {path} » : fichier trop volumineux ({} octets) / \"{path}\": file too large ({} bytes)",
            meta.len(),
            meta.len()
        ));
    }
    std::fs::read_to_string(path)
        .map_err(|e| format!("impossible de lire « {path} » : {e} / cannot read \"{path}\": {e}"))
}

/// The project named by the first non-flag argument, or the exit code to return: 2 with the
/// usage line when no file is given, 1 with the loader's message when it does not load.
pub fn project_from_args(args: &[String], usage: &str) -> Result<Project, std::process::ExitCode> {
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("{usage}");
        return Err(std::process::ExitCode::from(2));
    };
    project(path).map_err(|e| {
        eprintln!("{e}");
        std::process::ExitCode::FAILURE
    })
}
