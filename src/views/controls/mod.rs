//! Controls shared by the views, one per file: each is written once, so a fix (keyboard use,
//! clearing, labelling, how an error is said) reaches every place it appears. Forms bind these
//! to a draft of `crate::forms` and show its errors by field.

pub mod companies_field;
pub mod field_message;
pub mod file_picker;
pub mod form_footer;
pub mod notice_line;
pub mod select_field;
pub mod text_field;

pub use companies_field::CompaniesField;
pub use field_message::{FieldMessage, error_of};
pub use file_picker::FilePicker;
pub use form_footer::FormFooter;
pub use notice_line::{NoticeLine, Outcome, failure};
pub use select_field::{SelectField, choices};
pub use text_field::TextField;
pub(crate) use text_field::draft_text;
