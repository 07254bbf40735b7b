//! Bringing companies in from spreadsheets. Nothing here changes a project: parsing returns a
//! preview with a verdict per row; the app turns the accepted rows into one edit command.

pub mod companies;
mod decode;
