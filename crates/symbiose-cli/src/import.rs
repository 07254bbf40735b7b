//! `symbiose import companies|flows|actions FILE --into PROJECT.json [-o OUT.json]`: the app's imports
//! on the command line, through the same core functions. Prints the verdict of every row
//! (errors first, as the app's preview lists them), then writes the project with the ready
//! rows: to OUT.json, or in place of PROJECT.json (through a temporary file, so an
//! interrupted write leaves the old file whole).
//!
//! Exit 0 when at least one row was added; 1 when the file or the project cannot be read, or
//! no row is ready (nothing is written then).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use symbiose_core::edit::{self, Command};
use symbiose_core::import::preview::{Listed, Preview, RowKind};
use symbiose_core::import::{actions, companies, flows};
use symbiose_core::numbers::{Precision::Reading, number};
use symbiose_core::{Lang, Project, UserMessage, bilingual, format};

#[derive(Clone)]
pub enum What {
    Companies,
    Flows,
    /// An earlier action plan; rows without an origin take this one (the core's default
    /// when not given).
    Actions {
        origin: Option<String>,
    },
}

/// What a preview gives this command, whichever import made it.
struct Outcome {
    /// How the file was read (its kind, encoding, sheet).
    read_as: String,
    counts: (usize, usize, usize),
    listing: Vec<Listed>,
    /// A remark on the whole file (columns ignored), if any.
    remark: Option<String>,
    command: Command,
}

pub fn run(what: &What, file: &Path, into: &Path, out: Option<&PathBuf>, lang: Lang) -> ExitCode {
    let fail = |message: String| {
        eprintln!("{message}");
        ExitCode::FAILURE
    };
    let project = match crate::load::project(into) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let bytes = match crate::load::bytes(file) {
        Ok(b) => b,
        Err(e) => return fail(e),
    };
    let outcome = match what {
        What::Companies => companies::parse(&bytes, &project)
            .map(|p| Outcome {
                read_as: format!(
                    "{}, {}",
                    match p.format {
                        companies::CsvFormat::Sirene => "SIRENE StockEtablissement",
                        companies::CsvFormat::Template => lang.pick("modèle", "template"),
                    },
                    p.encoding.label(lang)
                ),
                counts: p.count(),
                listing: p.listing(lang, usize::MAX),
                remark: None,
                command: p.command(&project),
            })
            .map_err(|e| e.message_in(lang)),
        What::Flows => flows::parse(&bytes, &project)
            .map(|p| outcome_of(&p, p.command(&project), lang))
            .map_err(|e| e.message_in(lang)),
        What::Actions { origin } => {
            let origin = origin.clone().unwrap_or_else(|| {
                lang.pick(actions::DEFAULT_ORIGIN.0, actions::DEFAULT_ORIGIN.1)
                    .to_string()
            });
            actions::parse(&bytes, &project, &origin)
                .map(|p| outcome_of(&p, p.command(&project), lang))
                .map_err(|e| e.message_in(lang))
        }
    };
    let outcome = match outcome {
        Ok(o) => o,
        Err(e) => return fail(format!("{}{}{e}", file.display(), lang.pick(" : ", ": "))),
    };
    print(file, &outcome, lang);
    let (ready, ..) = outcome.counts;
    if ready == 0 {
        return fail(
            lang.pick(
                "Aucune ligne prête : rien n'a été écrit.",
                "No row is ready: nothing was written.",
            )
            .to_string(),
        );
    }
    let mut project: Project = project;
    if let Err(e) = edit::apply(&mut project, outcome.command) {
        return fail(e.message_in(lang));
    }
    let target = out.map_or(into, PathBuf::as_path);
    if let Err(e) = write(target, &format::save_project(&project, true)) {
        return fail(format!("{}{}{e}", target.display(), lang.pick(" : ", ": ")));
    }
    let n = number(ready as f64, lang, Reading);
    let target = target.display();
    println!(
        "{}",
        match what {
            What::Companies => bilingual!(
                in lang,
                "{n} entreprise(s) ajoutée(s) : {target}",
                "{n} companies added: {target}"
            ),
            What::Flows =>
                bilingual!(in lang, "{n} flux ajouté(s) : {target}", "{n} flows added: {target}"),
            What::Actions { .. } => bilingual!(
                in lang,
                "{n} action(s) ajoutée(s) à la feuille de route : {target}",
                "{n} actions added to the roadmap: {target}"
            ),
        }
    );
    ExitCode::SUCCESS
}

/// What a table import's preview (flows, actions) gives this command.
fn outcome_of<T>(p: &Preview<T>, command: Command, lang: Lang) -> Outcome {
    Outcome {
        read_as: bilingual!(
            in lang,
            "{}, en-tête à la ligne {}",
            "{}, header at line {}",
            p.source.describe(lang),
            p.header_line
        ),
        counts: p.count(),
        listing: p.listing(lang, usize::MAX),
        remark: (!p.ignored_columns.is_empty()).then(|| {
            bilingual!(
                in lang,
                "colonnes ignorées (non reconnues) : {}",
                "columns ignored (not recognised): {}",
                p.ignored_columns.join(", ")
            )
        }),
        command,
    }
}

fn print(file: &Path, o: &Outcome, lang: Lang) {
    let (ready, skipped, errors) = o.counts;
    let n = |count: usize| number(count as f64, lang, Reading);
    println!("{}{}{}", file.display(), lang.pick(" : ", ": "), o.read_as);
    println!(
        "{}",
        bilingual!(
            in lang,
            "{} prête(s), {} écartée(s), {} en erreur",
            "{} ready, {} skipped, {} with errors",
            n(ready),
            n(skipped),
            n(errors)
        )
    );
    for row in &o.listing {
        let kind = match row.kind {
            RowKind::Error => lang.pick("erreur", "error"),
            RowKind::Ready => lang.pick("prête", "ready"),
            RowKind::Skipped => lang.pick("écartée", "skipped"),
        };
        let name = if row.name.is_empty() {
            String::new()
        } else if row.note.is_empty() {
            row.name.clone()
        } else {
            format!("{}{}", row.name, lang.pick(" : ", ": "))
        };
        println!(
            "  {} {:>4}  {kind:<8} {name}{}",
            lang.pick("ligne", "line"),
            row.line,
            row.note
        );
    }
    if let Some(remark) = &o.remark {
        println!("{remark}");
    }
}

/// Writes `text` to `path` through a temporary file beside it, renamed over it once written.
fn write(path: &Path, text: &str) -> std::io::Result<()> {
    let mut temp = path.as_os_str().to_owned();
    temp.push(".tmp");
    let temp = PathBuf::from(temp);
    std::fs::write(&temp, text)?;
    std::fs::rename(&temp, path)
}
