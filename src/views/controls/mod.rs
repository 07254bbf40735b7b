//! Controls shared by the views, one per file: each is written once, so a fix (keyboard use,
//! clearing, labelling) reaches every place it appears.

pub mod enum_select;
pub mod file_picker;
pub mod form_footer;
pub mod text_field;

pub use enum_select::EnumSelect;
pub use file_picker::FilePicker;
pub use form_footer::FormFooter;
pub use text_field::TextField;
