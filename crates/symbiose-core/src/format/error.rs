use crate::{Bilingual, Lang, UserMessage};

const ROADMAP: &str = super::envelope::ROADMAP.type_name;
use crate::validate::Problem;

/// Why a file was not loaded. Nothing was changed anywhere when one is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("file too large ({bytes} bytes)")]
    TooLarge { bytes: usize },
    #[error("malformed JSON: {0}")]
    Malformed(super::json::JsonFault),
    /// Not a Symbiose file at all (no `type`, or one of another program).
    #[error("not a Symbiose file (a {expected} was expected)")]
    NotSymbiose { expected: &'static str },
    #[error("a {found} file where a {expected} was expected")]
    WrongKind {
        found: String,
        expected: &'static str,
    },
    #[error("missing or invalid version")]
    BadVersion,
    #[error("made by a newer Symbiose (format version {version}, this build reads up to {newest})")]
    TooNew { version: u32, newest: u32 },
    #[error("missing \"{key}\"")]
    Missing { key: &'static str },
    /// An older file that a step to the current version could not convert: what it found at
    /// `path` (in the body, `territory.communes[1]`) is not what that version had there.
    #[error("migration from version {from} failed: {path}: {fault}")]
    Migration {
        from: u32,
        path: String,
        fault: super::fault::Fault,
    },
    #[error("{path}: {fault}")]
    Shape {
        path: String,
        fault: super::fault::Fault,
    },
    #[error("{} problem(s) in the file", .0.len())]
    Invalid(Vec<Problem>),
    /// A compressed copy from browser storage that does not unpack (see `format::packed`).
    #[error("damaged stored copy: {detail}")]
    Damaged { detail: String },
}

/// A file refused for its size, before it is read. Shared by every file the app loads.
pub fn too_large(bytes: usize, lang: Lang) -> String {
    use crate::numbers::{Precision::Reading, number};
    let max_mb = super::MAX_BYTES / 1024 / 1024;
    let mb = number(bytes as f64 / 1_048_576.0, lang, Reading);
    crate::bilingual!(in lang,
        "Fichier trop volumineux ({mb} Mo ; maximum {max_mb} Mo). Rien n'a été importé.",
        "File too large ({mb} MB; maximum {max_mb} MB). Nothing was imported."
    )
}

/// What the user reads: what is wrong, where, and what to do. Invalid content lists every
/// problem, one per line.
impl UserMessage for LoadError {
    fn message(&self) -> Bilingual {
        Bilingual::from_fn(|lang| self.in_lang(lang))
    }
}

impl LoadError {
    fn in_lang(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::TooLarge { bytes }, _) => too_large(*bytes, lang),
            (Self::Malformed(fault), _) => fault.message_in(lang),
            (Self::NotSymbiose { expected }, Lang::Fr) if *expected == ROADMAP => format!("Ce fichier n'est pas une feuille de route Symbiose (il faut un « type » {expected})."),
            (Self::NotSymbiose { expected }, Lang::En) if *expected == ROADMAP => format!("This is not a Symbiose roadmap file (its \"type\" must be {expected})."),
            (Self::NotSymbiose { .. }, Lang::Fr) => "Ce fichier n'est pas un fichier Symbiose (il faut un « type » symbiose-project ou symbiose-questionnaire). Pour des entreprises en tableur, utilisez l'import CSV.".into(),
            (Self::NotSymbiose { .. }, Lang::En) => "This is not a Symbiose file (its \"type\" must be symbiose-project or symbiose-questionnaire). For companies in a spreadsheet, use the CSV import.".into(),
            (Self::WrongKind { found, expected }, Lang::Fr) if *expected == ROADMAP => format!("Ce fichier est de type « {found} », pas une feuille de route ({expected}). Un projet complet s'ouvre avec « Ouvrir un projet »."),
            (Self::WrongKind { found, expected }, Lang::En) if *expected == ROADMAP => format!("This file is a \"{found}\", not a roadmap ({expected}). A whole project opens with \"Open project\"."),
            (Self::WrongKind { found, .. }, Lang::Fr) if found == ROADMAP => format!("Ce fichier est une feuille de route ({found}), pas un projet : ouvrez le projet concerné, puis importez-la depuis la page « Exports »."),
            (Self::WrongKind { found, .. }, Lang::En) if found == ROADMAP => format!("This file is a roadmap ({found}), not a project: open its project, then import it from the \"Exports\" page."),
            (Self::WrongKind { found, expected }, Lang::Fr) => format!("Ce fichier est de type « {found} », alors qu'un « {expected} » est attendu ici."),
            (Self::WrongKind { found, expected }, Lang::En) => format!("This file is a \"{found}\" where a \"{expected}\" is expected."),
            (Self::BadVersion, Lang::Fr) => "Version du format absente ou invalide (« version » doit être un entier à partir de 1).".into(),
            (Self::BadVersion, Lang::En) => "Format version missing or invalid (\"version\" must be a whole number from 1).".into(),
            (Self::TooNew { version, newest }, Lang::Fr) => format!(
                "Fichier créé par une version plus récente de Symbiose (format {version}, cette application lit jusqu'au format {newest}) : mettez l'application à jour."
            ),
            (Self::TooNew { version, newest }, Lang::En) => format!(
                "Made by a newer Symbiose (format {version}; this app reads up to format {newest}): update the app."
            ),
            (Self::Missing { key }, Lang::Fr) => format!("Le fichier n'a pas de partie « {key} »."),
            (Self::Missing { key }, Lang::En) => format!("The file has no \"{key}\" part."),
            (Self::Migration { from, path, fault }, Lang::Fr) => format!("Conversion depuis la version {from} impossible : {} : {}.", super::fault::place_with_path(path, lang), fault.message_in(lang)),
            (Self::Migration { from, path, fault }, Lang::En) => format!("Could not convert from version {from}: {}: {}.", super::fault::place_with_path(path, lang), fault.message_in(lang)),
            (Self::Shape { path, fault }, Lang::Fr) => format!("{} : {}.", super::fault::place_with_path(path, lang), fault.message_in(lang)),
            (Self::Shape { path, fault }, Lang::En) => format!("{}: {}.", super::fault::place_with_path(path, lang), fault.message_in(lang)),
            (Self::Damaged { detail }, Lang::Fr) => format!("La copie enregistrée dans ce navigateur est endommagée ({detail}). Elle est laissée telle quelle ; importez votre dernier export."),
            (Self::Damaged { detail }, Lang::En) => format!("The copy stored in this browser is damaged ({detail}). It is left as it is; import your latest export."),
            (Self::Invalid(problems), lang) => {
                let head = lang.pick("Le fichier contient des erreurs ; rien n'a été importé :", "The file has errors; nothing was imported:");
                let lines: Vec<String> = problems.iter().map(|p| format!("• {}", p.to_string_in(lang))).collect();
                format!("{head}\n{}", lines.join("\n"))
            }
        }
    }
}
