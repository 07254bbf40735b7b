//! `symbiose validate FILE`: exit 0 with a one-line summary for a valid project or
//! questionnaire file; exit 1 with every problem listed otherwise.

use std::path::Path;
use std::process::ExitCode;

use symbiose_core::format::{self, LoadError};
use symbiose_core::validate::Problem;
use symbiose_core::{Lang, UserMessage};

pub fn run(path: &Path) -> ExitCode {
    let text = match crate::load::read(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let outcome = match format::load_project(&text) {
        Ok(l) => {
            let p = &l.value;
            Ok((
                format!(
                    "{} acteurs, {} flux, {} synergies",
                    p.actors.len(),
                    p.flows.len(),
                    p.synergies.len()
                ),
                format!(
                    "{} actors, {} flows, {} synergies",
                    p.actors.len(),
                    p.flows.len(),
                    p.synergies.len()
                ),
                l.warnings,
            ))
        }
        // A questionnaire file is valid input too; report the project error if it is neither.
        Err(project_err @ LoadError::WrongKind { .. }) => match format::load_questionnaire(&text) {
            Ok(l) => Ok((
                format!(
                    "questionnaire de « {} », {} flux",
                    l.value.actor.name,
                    l.value.flows.len()
                ),
                format!(
                    "questionnaire of \"{}\", {} flows",
                    l.value.actor.name,
                    l.value.flows.len()
                ),
                l.warnings,
            )),
            Err(_) => Err(project_err),
        },
        Err(e) => Err(e),
    };
    match outcome {
        Ok((fr, en, warnings)) => {
            println!(
                "valide : {fr}, {} avertissement(s) / valid: {en}, {} warning(s)",
                warnings.len(),
                warnings.len()
            );
            print_problems(&warnings);
            ExitCode::SUCCESS
        }
        Err(e) => {
            let path = path.display();
            let m = e.message();
            eprintln!(
                "invalide : {path}\n{}\n---\ninvalid: {path}\n{}",
                m.fr, m.en
            );
            ExitCode::FAILURE
        }
    }
}

fn print_problems(problems: &[Problem]) {
    for p in problems {
        println!("  ! {}", p.to_string_in(Lang::Fr));
    }
}
