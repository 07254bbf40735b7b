//! Files made from a project: spreadsheets ([`csv`]), maps ([`geojson`]), the public,
//! anonymised copy those can be made from ([`public`]), and the roadmap file ([`roadmap`]).
//!
//! Every function here is pure: a project in, a `String` out. The shell turns the string into a
//! download; the command line writes it to a file. Text from the project is written as data,
//! escaped for the format (CSV quoting, JSON strings), never interpreted.

pub mod csv;
pub mod geojson;
pub mod public;
pub mod roadmap;
