//! Exports: CSV tables, GeoJSON, the anonymised public copy that must leak nothing, and the
//! roadmap file. One test binary, one module per export.

mod csv_tables;
mod fixture;
mod geojson;
mod public_copy;
mod roadmap;
