//! User preferences: the language and the map background. They belong to the browser, not to a
//! project, so they live under their own storage key and never enter an exported file.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use symbiose_core::Lang;

pub const PREFS_KEY: &str = "symbiose.prefs";

/// The tile server the map uses, provided by `App` and saved with the preferences.
#[derive(Clone, Copy)]
pub struct TileUrl(pub leptos::prelude::RwSignal<String>);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    /// Show OpenStreetMap tiles behind the markers (needs a network; off in a closed room).
    pub tiles: bool,
    /// The tile server, `{z}/{x}/{y}` template: an agency may use its own (IGN, a local cache).
    pub tile_url: String,
    /// Set once the first visit stored the demonstration project, so that a user who deleted
    /// every project is not handed the demonstration again.
    pub welcomed: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            lang: Lang::Fr,
            tiles: true,
            tile_url: crate::map::OSM_TILES.to_string(),
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

/// The tile URL as typed, checked: a web address with the `{z}`, `{x}` and `{y}` placeholders
/// Leaflet fills in. The error says what is missing, in French and English.
pub fn check_tile_url(input: &str) -> Result<String, (String, String)> {
    let url = input.trim();
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err((
            "L'adresse doit commencer par https:// (ou http://).".into(),
            "The address must start with https:// (or http://).".into(),
        ));
    }
    let missing: Vec<&str> = ["{z}", "{x}", "{y}"]
        .into_iter()
        .filter(|p| !url.contains(p))
        .collect();
    if !missing.is_empty() {
        let list = missing.join(", ");
        return Err((
            format!("Il manque {list} dans l'adresse des tuiles."),
            format!("The tile address lacks {list}."),
        ));
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
    {
        return Err((
            "L'adresse ne doit contenir ni espace, ni guillemet, ni chevron.".into(),
            "The address may not contain spaces, quotes or angle brackets.".into(),
        ));
    }
    Ok(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tile_urls_are_checked() {
        assert!(check_tile_url(crate::map::OSM_TILES).is_ok());
        let ign = " https://data.geopf.fr/wmts?TILEMATRIX={z}&TILECOL={x}&TILEROW={y} ";
        assert_eq!(check_tile_url(ign).unwrap(), ign.trim());
        let (fr, en) = check_tile_url("https://tiles.example/{z}/{x}.png").unwrap_err();
        assert!(fr.contains("{y}") && en.contains("{y}"));
        assert!(check_tile_url("javascript:alert(1)/{z}/{x}/{y}").is_err());
        assert!(check_tile_url("https://a.example/{z}/{x}/{y}\"><img>").is_err());
    }

    #[test]
    fn old_preferences_without_a_tile_url_get_openstreetmap() {
        let p: Prefs = serde_json::from_str(r#"{"lang":"en","tiles":false}"#).unwrap();
        assert_eq!(p.tile_url, crate::map::OSM_TILES);
        assert!(!p.tiles);
    }
}
