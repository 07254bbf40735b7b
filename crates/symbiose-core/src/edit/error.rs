use crate::Lang;
use crate::validate::Problem;

/// Why a command was refused. The project is unchanged whenever one is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("{kind_fr} « {id} » introuvable / {kind_en} \"{id}\" not found")]
    Unknown {
        kind_fr: &'static str,
        kind_en: &'static str,
        id: String,
    },
    #[error("identifiant « {0} » déjà utilisé / id \"{0}\" already used")]
    DuplicateId(String),
    #[error("identifiant vide / empty id")]
    EmptyId,
    #[error(
        "position {index} hors de la liste ({len} éléments) / position {index} outside the list ({len} items)"
    )]
    OutOfRange { index: usize, len: usize },
    #[error("donnez la raison de l'abandon / give the reason for abandoning")]
    MissingAbandonReason,
    /// The record breaks the record rules (`validate::rules`): each problem with its field.
    #[error("{} problème(s) dans l'enregistrement / {} problem(s) in the record", .0.len(), .0.len())]
    Invalid(Vec<Problem>),
}

impl EditError {
    pub(crate) fn unknown(kind: (&'static str, &'static str), id: impl ToString) -> Self {
        Self::Unknown {
            kind_fr: kind.0,
            kind_en: kind.1,
            id: id.to_string(),
        }
    }

    /// The message in one language (the Display form holds both, "fr / en").
    pub fn message(&self, lang: Lang) -> String {
        if let Self::Invalid(problems) = self {
            let lines: Vec<String> = problems.iter().map(|p| p.to_string_in(lang)).collect();
            return format!(
                "{} {}",
                lang.pick("Refusé :", "Refused:"),
                lines.join(lang.pick(" ; ", "; "))
            );
        }
        let both = self.to_string();
        let (fr, en) = both.split_once(" / ").unwrap_or((&both, &both));
        let text = lang.pick(fr, en);
        let mut chars = text.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + chars.as_str() + ".")
            .unwrap_or_default()
    }
}
