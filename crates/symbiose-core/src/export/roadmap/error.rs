use crate::Lang;
use crate::edit::EditError;
use crate::validate::Problem;

/// Why a roadmap file was not read or not merged. Nothing was changed when one is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RoadmapError {
    #[error("file too large ({bytes} bytes)")]
    TooLarge { bytes: usize },
    #[error("malformed JSON: {0}")]
    Malformed(crate::format::json::JsonFault),
    /// Another file: `found` is its `type` when it has one (a project file, often).
    #[error("not a roadmap file")]
    NotRoadmap { found: Option<String> },
    #[error("missing or invalid version")]
    BadVersion,
    #[error("made by a newer Symbiose (roadmap version {version})")]
    TooNew { version: u32 },
    #[error("missing \"roadmap\"")]
    Missing,
    #[error("{path}: {detail}")]
    Shape { path: String, detail: String },
    /// The project refused a part, typically a synergy naming an actor it does not hold.
    #[error("the project refuses the roadmap: {0}")]
    Conflict(EditError),
    #[error("{} problem(s) once merged", .0.len())]
    Invalid(Vec<Problem>),
}

impl RoadmapError {
    /// What the user reads: what is wrong and what to do.
    pub fn message(&self, lang: Lang) -> String {
        let version = super::ROADMAP_VERSION;
        match (self, lang) {
            (Self::TooLarge { bytes }, _) => crate::format::error::too_large(*bytes, lang),
            (Self::Malformed(fault), _) => fault.message(lang),
            (Self::NotRoadmap { found: Some(kind) }, Lang::Fr) => format!(
                "Ce fichier est de type « {kind} », pas une feuille de route (symbiose-roadmap). Un projet complet s'ouvre avec « Ouvrir un projet »."
            ),
            (Self::NotRoadmap { found: Some(kind) }, Lang::En) => format!(
                "This file is a \"{kind}\", not a roadmap (symbiose-roadmap). A whole project opens with \"Open project\"."
            ),
            (Self::NotRoadmap { found: None }, Lang::Fr) => "Ce fichier n'est pas une feuille de route Symbiose (il faut un « type » symbiose-roadmap).".into(),
            (Self::NotRoadmap { found: None }, Lang::En) => "This is not a Symbiose roadmap file (its \"type\" must be symbiose-roadmap).".into(),
            (Self::BadVersion, Lang::Fr) => "Version du format absente ou invalide (« version » doit être un entier à partir de 1).".into(),
            (Self::BadVersion, Lang::En) => "Format version missing or invalid (\"version\" must be a whole number from 1).".into(),
            (Self::TooNew { version: v }, Lang::Fr) => format!(
                "Feuille de route créée par une version plus récente de Symbiose (format {v}, cette application lit jusqu'au format {version}) : mettez l'application à jour."
            ),
            (Self::TooNew { version: v }, Lang::En) => format!(
                "Roadmap made by a newer Symbiose (format {v}; this app reads up to format {version}): update the app."
            ),
            (Self::Missing, Lang::Fr) => "Le fichier n'a pas de partie « roadmap ».".into(),
            (Self::Missing, Lang::En) => "The file has no \"roadmap\" part.".into(),
            (Self::Shape { path, detail }, Lang::Fr) => format!("{path} : valeur invalide ({detail})."),
            (Self::Shape { path, detail }, Lang::En) => format!("{path}: invalid value ({detail})."),
            (Self::Conflict(e), lang) => format!(
                "{} {}",
                lang.pick(
                    "La feuille de route ne correspond pas à ce projet ; rien n'a été changé :",
                    "The roadmap does not fit this project; nothing was changed:"
                ),
                e.message(lang)
            ),
            (Self::Invalid(problems), lang) => {
                let head = lang.pick(
                    "La feuille de route rendrait le projet invalide ; rien n'a été changé :",
                    "The roadmap would make the project invalid; nothing was changed:",
                );
                let lines: Vec<String> = problems.iter().map(|p| format!("• {}", p.to_string_in(lang))).collect();
                format!("{head}\n{}", lines.join("\n"))
            }
        }
    }
}
