//! Symbiose's domain core: everything that is not the browser.
//!
//! The web shell (the root crate) and the `symbiose` command both call into this crate, so a
//! behaviour tested here with plain `cargo test` is the behaviour users see. Nothing here may
//! depend on leptos, web-sys, gloo, wasm-bindgen or leaflet (see docs/ARCHITECTURE.md).

pub mod charts;
pub mod demo;
pub mod detect;
pub mod edit;
pub mod export;
pub mod factors;
pub mod format;
pub mod geo;
pub mod import;
pub mod indicators;
pub mod kb;
pub mod lang;
pub mod model;
pub mod neighbourhood;
pub mod numbers;
pub mod optimise;
pub mod palette;
pub mod pmtiles;
pub mod portfolio;
pub mod refdata;
pub mod report;
pub mod validate;

#[cfg(test)]
mod messages_tests;

pub use lang::{Bilingual, Lang, UserMessage};

pub use model::*;
