//! User preferences: the language and the map background. They belong to the browser, not to a
//! project, so they live under their own storage key and never enter an exported file.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use symbiose_core::Lang;

pub const PREFS_KEY: &str = "symbiose.prefs";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    /// Show OpenStreetMap tiles behind the markers (needs a network; off in a closed room).
    pub tiles: bool,
    /// Set once the first visit stored the demonstration project, so that a user who deleted
    /// every project is not handed the demonstration again.
    pub welcomed: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            lang: Lang::Fr,
            tiles: true,
            welcomed: false,
        }
    }
}

impl Prefs {
    /// Missing or unreadable preferences fall back to the defaults: they are cheap to set again,
    /// unlike project data, which is never treated this way.
    pub fn load() -> Self {
        LocalStorage::get(PREFS_KEY).unwrap_or_default()
    }

    pub fn save(&self) {
        // A full storage must not break the app for a preference; projects report it themselves.
        let _ = LocalStorage::set(PREFS_KEY, self);
    }
}
