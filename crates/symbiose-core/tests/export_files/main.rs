//! Exports: CSV tables, GeoJSON, the anonymised public copy that must leak nothing, the
//! roadmap file, and the one remaining cost every money table uses. One test binary, one module per export.

mod csv_tables;
mod fixture;
mod geojson;
mod programme_money;
mod public_copy;
mod roadmap;
