//! Bringing data in from files. `text` decides how a file's bytes become text (strict UTF-8
//! for JSON, UTF-8 or Windows-1252 for a company CSV). `companies` reads a CSV of companies:
//! nothing there changes a project, parsing returns a preview with a verdict per row, and the
//! accepted rows become one edit command.

pub mod companies;
pub mod text;
