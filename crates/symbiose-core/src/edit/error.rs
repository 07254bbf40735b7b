use crate::validate::Problem;
use crate::{Bilingual, Lang, UserMessage};

/// Why a command was refused. The project is unchanged whenever one is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("{kind_en} \"{id}\" not found")]
    Unknown {
        kind_fr: &'static str,
        kind_en: &'static str,
        id: String,
    },
    #[error("id \"{0}\" already used")]
    DuplicateId(String),
    #[error("empty id")]
    EmptyId,
    #[error("position {index} outside the list ({len} items)")]
    OutOfRange { index: usize, len: usize },
    #[error("give the reason for abandoning")]
    MissingAbandonReason,
    /// The record breaks the record rules (`validate::rules`): each problem with its field.
    #[error("{} problem(s) in the record", .0.len())]
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
}

/// A sentence: capitalised and ended with a full stop. The English message is the `Display`
/// form, but for a record's problems, listed in each language.
impl UserMessage for EditError {
    fn message(&self) -> Bilingual {
        Bilingual::from_fn(|lang| self.sentence(lang))
    }
}

impl EditError {
    fn sentence(&self, lang: Lang) -> String {
        let text = match (self, lang) {
            (Self::Invalid(problems), _) => {
                let lines: Vec<String> = problems.iter().map(|p| p.to_string_in(lang)).collect();
                return format!(
                    "{} {}",
                    lang.pick("Refusé :", "Refused:"),
                    lines.join(lang.pick(" ; ", "; "))
                );
            }
            (Self::Unknown { kind_fr, id, .. }, Lang::Fr) => {
                format!("{kind_fr} « {id} » introuvable")
            }
            (Self::DuplicateId(id), Lang::Fr) => format!("identifiant « {id} » déjà utilisé"),
            (Self::EmptyId, Lang::Fr) => "identifiant vide".to_string(),
            (Self::OutOfRange { index, len }, Lang::Fr) => {
                format!("position {index} hors de la liste ({len} éléments)")
            }
            (Self::MissingAbandonReason, Lang::Fr) => "donnez la raison de l'abandon".to_string(),
            (_, Lang::En) => self.to_string(),
        };
        let mut chars = text.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + chars.as_str() + ".")
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Siret;

    #[test]
    fn each_language_gets_its_own_message_even_with_a_slash_in_the_id() {
        let e = EditError::DuplicateId("a / b".into());
        assert_eq!(
            e.message_in(Lang::Fr),
            "Identifiant « a / b » déjà utilisé."
        );
        assert_eq!(e.message_in(Lang::En), "Id \"a / b\" already used.");
        let siret = Siret::parse("12002701600018").unwrap_err();
        assert_eq!(
            siret.message_in(Lang::Fr),
            "SIRET « 12002701600018 » : clé de contrôle (Luhn) invalide"
        );
        assert_eq!(
            siret.message_in(Lang::En),
            "SIRET \"12002701600018\": bad check digit (Luhn)"
        );
    }
}
