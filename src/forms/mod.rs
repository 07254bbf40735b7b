//! Form drafts: what the user is typing, as strings, and its conversion to model values with
//! every problem named by field. Pure, so the rules are tested on the host; the views only bind
//! inputs to draft fields and show the errors next to them.

pub mod actor;
pub mod flow;
pub mod number;

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

/// The message for a field, if any, in the given language.
pub fn error_for(errors: &[FieldError], field: &str, lang: symbiose_core::Lang) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.get(lang).to_string())
}
