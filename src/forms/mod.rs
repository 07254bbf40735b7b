//! Form drafts: what the user is typing, as strings, and its conversion to model values with
//! every problem named by field. Pure, so the rules are tested on the host; the views only bind
//! inputs to draft fields and show the errors next to them.

pub mod action;
pub mod activity;
pub mod actor;
pub mod assumptions;
pub mod date;
pub mod flow;
pub mod funding;
pub mod number;
pub mod programme;
pub mod records;
pub mod synergy;
pub mod workshop;

use crate::i18n::{Texts, texts};
use symbiose_core::Lang;

/// A problem with one field of a form, in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: symbiose_core::Bilingual,
}

impl FieldError {
    pub fn new(field: &'static str, fr: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            field,
            message: symbiose_core::Bilingual::new(fr, en),
        }
    }

    /// A message made of the UI texts (`src/i18n`), said in both languages.
    pub fn from_texts(field: &'static str, say: impl Fn(&'static Texts) -> String) -> Self {
        Self::new(field, say(texts(Lang::Fr)), say(texts(Lang::En)))
    }

    /// A command the core refused (`state.apply`): said on the form as a whole.
    pub fn refused(e: &symbiose_core::edit::EditError) -> Self {
        Self {
            field: "form",
            message: symbiose_core::UserMessage::message(e),
        }
    }

    /// "« 12x » is not a number", under a number field.
    pub fn not_a_number(field: &'static str, typed: &str) -> Self {
        let typed = typed.trim();
        Self::from_texts(field, |t| format!("« {typed} » {}", t.common.not_a_number))
    }
}

/// The core's record rules (`validate::rules`, the ones the loader and every edit apply) run on
/// the record a form built, each problem tied back to the form's field through `fields`:
/// (path in the record, form field), the first that the problem's path starts with. A problem
/// with no field of its own is reported on `other`.
pub fn rule_errors(
    check: impl FnOnce(&str, &mut symbiose_core::validate::Report),
    fields: &[(&str, &'static str)],
    other: &'static str,
) -> Vec<FieldError> {
    let mut report = symbiose_core::validate::Report::default();
    check("record", &mut report);
    report
        .errors
        .into_iter()
        .map(|p| {
            let path = p.path.strip_prefix("record.").unwrap_or(&p.path);
            let under = |prefix: &str| {
                path.strip_prefix(prefix)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
            };
            let field = fields
                .iter()
                .find(|(prefix, _)| under(prefix))
                .map_or(other, |(_, field)| *field);
            FieldError {
                field,
                message: p.message,
            }
        })
        .collect()
}

/// Adds the core's problems (`rule_errors`) to the form's own, except on a field the form
/// already found wrong: there its own words ("not a number", "the end comes before the start")
/// say it, and the same problem is not said twice.
pub fn add_rule_errors(errors: &mut Vec<FieldError>, found: Vec<FieldError>) {
    let own: Vec<&'static str> = errors.iter().map(|e| e.field).collect();
    errors.extend(found.into_iter().filter(|e| !own.contains(&e.field)));
}

/// The value of a field that read, or `None` with its problem noted.
pub fn noted<T>(errors: &mut Vec<FieldError>, read: Result<Option<T>, FieldError>) -> Option<T> {
    read.unwrap_or_else(|e| {
        errors.push(e);
        None
    })
}

/// What a form says after a refused Save: that nothing was saved, then every problem once.
pub fn summary(errors: &[FieldError], lang: Lang) -> Option<String> {
    if errors.is_empty() {
        return None;
    }
    let mut said = vec![texts(lang).common.fix_errors];
    for e in errors {
        let m = e.message.get(lang);
        if !said.contains(&m) {
            said.push(m);
        }
    }
    Some(said.join(" "))
}

/// A list typed with commas ("ADEME, Région"): each entry trimmed, empty ones dropped.
pub fn comma_list(typed: &str) -> Vec<String> {
    typed
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The message for a field, if any, in the given language.
pub fn error_for(errors: &[FieldError], field: &str, lang: Lang) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.get(lang).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_says_nothing_was_saved_then_each_problem_once() {
        assert_eq!(summary(&[], Lang::Fr), None);
        let errors = [
            FieldError::from_texts("date", |t| t.common.bad_date.into()),
            FieldError::not_a_number("value", " douze "),
            FieldError::from_texts("other", |t| t.common.bad_date.into()),
        ];
        let fr = summary(&errors, Lang::Fr).unwrap();
        assert!(fr.starts_with("Corrigez les champs signalés"), "{fr}");
        assert_eq!(fr.matches("AAAA-MM-JJ").count(), 1, "{fr}");
        assert!(fr.ends_with("« douze » n'est pas un nombre"), "{fr}");
        assert!(
            summary(&errors, Lang::En)
                .unwrap()
                .contains("« douze » is not a number")
        );
    }

    #[test]
    fn the_core_does_not_repeat_a_field_the_form_found_wrong() {
        let mut errors = vec![FieldError::new("end", "La fin précède le début.", "x")];
        add_rule_errors(
            &mut errors,
            vec![
                FieldError::new("end", "fin avant le début", "y"),
                FieldError::new("title", "texte trop long", "z"),
            ],
        );
        let said: Vec<_> = errors.iter().map(|e| e.message.fr.as_str()).collect();
        assert_eq!(said, ["La fin précède le début.", "texte trop long"]);
    }

    #[test]
    fn comma_lists_drop_empty_entries() {
        assert_eq!(comma_list(" ADEME, ,Région ,"), ["ADEME", "Région"]);
        assert!(comma_list("  ").is_empty());
    }
}
