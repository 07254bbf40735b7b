//! Controls shared by the views, one per file: each is written once, so a fix (keyboard use,
//! clearing, labelling) reaches every place it appears.

pub mod file_picker;

pub use file_picker::FilePicker;
