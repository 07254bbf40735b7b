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

/// The message for a field, if any, in the given language.
pub fn error_for(errors: &[FieldError], field: &str, lang: symbiose_core::Lang) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.get(lang).to_string())
}
