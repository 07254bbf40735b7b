//! Bringing data in from files. `text` decides how a file's bytes become text (strict UTF-8
//! for JSON, UTF-8 or Windows-1252 for a CSV). `companies` reads a CSV of companies, `flows` a
//! CSV or an Excel workbook of flows (through `table`, which gives both kinds of file as the
//! same rows of cells): nothing there changes a project, parsing returns a preview with a
//! verdict per row (`preview`), and the accepted rows become one edit command.

pub mod actions;
pub mod cells;
pub mod columns;
pub mod companies;
pub mod flows;
pub mod preview;
pub mod table;
pub mod text;
