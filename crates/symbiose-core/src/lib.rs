//! Symbiose's domain core: everything that is not the browser.
//!
//! The web shell (the root crate) and the `symbiose` command both call into this crate, so a
//! behaviour tested here with plain `cargo test` is the behaviour users see. Nothing here may
//! depend on leptos, web-sys, gloo, wasm-bindgen or leaflet (see docs/ARCHITECTURE.md).

pub mod detect;
pub mod factors;
pub mod indicators;

pub mod kb;
pub mod lang;
pub mod optimise;

pub mod model;
pub mod refdata;

pub use lang::{Bilingual, Lang};

pub use model::*;
