use crate::edit::EditError;
use crate::format::LoadError;
use crate::validate::Problem;
use crate::{Bilingual, UserMessage};

/// Why a roadmap file was not read or not merged. Nothing was changed when one is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RoadmapError {
    /// The file itself: size, JSON, type, version, shape (the envelope every file shares).
    #[error(transparent)]
    File(#[from] LoadError),
    /// The project refused a part, typically a synergy naming an actor it does not hold.
    #[error("the project refuses the roadmap: {0}")]
    Conflict(EditError),
    #[error("{} problem(s) once merged", .0.len())]
    Invalid(Vec<Problem>),
}

/// What the user reads: what is wrong and what to do.
impl UserMessage for RoadmapError {
    fn message(&self) -> Bilingual {
        Bilingual::from_fn(|lang| match self {
            Self::File(e) => e.message_in(lang),
            Self::Conflict(e) => format!(
                "{} {}",
                lang.pick(
                    "La feuille de route ne correspond pas à ce projet ; rien n'a été changé :",
                    "The roadmap does not fit this project; nothing was changed:"
                ),
                e.message_in(lang)
            ),
            Self::Invalid(problems) => {
                let head = lang.pick(
                    "La feuille de route rendrait le projet invalide ; rien n'a été changé :",
                    "The roadmap would make the project invalid; nothing was changed:",
                );
                let lines: Vec<String> = problems
                    .iter()
                    .map(|p| format!("• {}", p.to_string_in(lang)))
                    .collect();
                format!("{head}\n{}", lines.join("\n"))
            }
        })
    }
}
