//! User preferences: the language and the map background. They belong to the browser, not to a
//! project, so they live under their own storage key and never enter an exported file. What is
//! read back from storage is checked like what is typed (`Prefs::from_stored`).

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use symbiose_core::Lang;

pub const PREFS_KEY: &str = "symbiose.prefs";

/// The default map background: OpenStreetMap's standard tiles (credited on the map).
pub const OSM_TILES: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

/// Whether the map asks this server's tiles with CORS, which lets the service worker keep them
/// for a room with no network (public/sw.js keeps only answers it may read). OpenStreetMap's
/// servers allow it; another server might not, and its tiles would then not show at all, so
/// its tiles are asked as before and not kept.
pub fn tiles_keepable(url: &str) -> bool {
    url == OSM_TILES
}

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
            tile_url: OSM_TILES.to_string(),
            welcomed: false,
        }
    }
}

/// Why a stored tile address was not used, in French and English.
pub type Refusal = (String, String);

impl Prefs {
    /// The stored preferences, and why the stored tile address was set aside, if it was.
    pub fn load() -> (Self, Option<Refusal>) {
        let text = LocalStorage::raw().get_item(PREFS_KEY).ok().flatten();
        Self::from_stored(text.as_deref())
    }

    /// Reads each preference on its own: missing or unreadable ones fall back to their default
    /// (they are cheap to set again, unlike project data, which is never treated this way), and
    /// one bad field does not cost the others. The tile address is checked again as if typed:
    /// a hand-edited or damaged one would otherwise reach Leaflet, which throws on an unknown
    /// placeholder for every tile. It is replaced by the default and the reason returned, for
    /// the notice.
    pub fn from_stored(text: Option<&str>) -> (Self, Option<Refusal>) {
        let mut prefs = Prefs::default();
        let Some(text) = text else {
            return (prefs, None);
        };
        let Ok(serde_json::Value::Object(stored)) = serde_json::from_str(text) else {
            return (
                prefs,
                Some((
                    "préférences enregistrées illisibles".into(),
                    "stored preferences unreadable".into(),
                )),
            );
        };
        if let Some(lang) = stored
            .get("lang")
            .and_then(|v| serde_json::from_value(v.clone()).ok())
        {
            prefs.lang = lang;
        }
        if let Some(tiles) = stored.get("tiles").and_then(serde_json::Value::as_bool) {
            prefs.tiles = tiles;
        }
        if let Some(welcomed) = stored.get("welcomed").and_then(serde_json::Value::as_bool) {
            prefs.welcomed = welcomed;
        }
        let refused = match stored.get("tile_url") {
            None => None,
            Some(serde_json::Value::String(url)) => match check_tile_url(url) {
                Ok(url) => {
                    prefs.tile_url = url;
                    None
                }
                Err(reason) => Some(reason),
            },
            Some(_) => Some((
                "l'adresse enregistrée n'est pas un texte".into(),
                "the stored address is not text".into(),
            )),
        };
        (prefs, refused)
    }

    pub fn save(&self) {
        // A full storage must not break the app for a preference; projects report it themselves.
        let _ = LocalStorage::set(PREFS_KEY, self);
    }
}

/// The placeholders Leaflet 1.9.4 fills in a tile address (`TileLayer.getTileUrl`): subdomain,
/// zoom, column, row, the row counted from the south (TMS), and `@2x` on high-density screens.
/// Leaflet also fills any name of the layer's options, which makes no sense in an address;
/// any other `{name}` makes it throw for every tile.
pub const TILE_PLACEHOLDERS: [&str; 6] = ["{s}", "{z}", "{x}", "{y}", "{-y}", "{r}"];

/// An address longer than this is not a tile server's (a pasted page, a damaged preference).
pub const MAX_TILE_URL_CHARS: usize = 2_000;

/// The tile URL as typed, checked: a web address with the `{z}`, `{x}` and `{y}` (or `{-y}`)
/// placeholders Leaflet fills in, and no other. The error says what is wrong, in French and
/// English.
pub fn check_tile_url(input: &str) -> Result<String, Refusal> {
    let url = input.trim();
    if url.chars().count() > MAX_TILE_URL_CHARS {
        return Err((
            format!("L'adresse dépasse {MAX_TILE_URL_CHARS} caractères."),
            format!("The address is longer than {MAX_TILE_URL_CHARS} characters."),
        ));
    }
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err((
            "L'adresse doit commencer par https:// (ou http://).".into(),
            "The address must start with https:// (or http://).".into(),
        ));
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
    {
        return Err((
            "L'adresse ne doit contenir ni espace, ni guillemet, ni chevron.".into(),
            "The address may not contain spaces, quotes or angle brackets.".into(),
        ));
    }
    let known = TILE_PLACEHOLDERS.join(", ");
    let mut rest = url;
    while let Some(open) = rest.find(['{', '}']) {
        let tail = &rest[open..];
        let placeholder = if tail.starts_with('{') {
            tail.find('}').map(|close| &tail[..=close])
        } else {
            None
        };
        match placeholder {
            Some(p) if TILE_PLACEHOLDERS.contains(&p) => rest = &tail[p.len()..],
            Some(p) => {
                let shown: String = p.chars().take(40).collect();
                return Err((
                    format!(
                        "Emplacement inconnu {shown} dans l'adresse : Leaflet ne remplit que {known}."
                    ),
                    format!(
                        "Unknown placeholder {shown} in the address: Leaflet fills only {known}."
                    ),
                ));
            }
            None => {
                return Err((
                    format!("Accolade isolée dans l'adresse : les emplacements sont {known}."),
                    format!("Unmatched brace in the address: the placeholders are {known}."),
                ));
            }
        }
    }
    let has = |p: &str| url.contains(p);
    let missing: Vec<&str> = [
        ("{z}", has("{z}")),
        ("{x}", has("{x}")),
        ("{y}", has("{y}") || has("{-y}")),
    ]
    .into_iter()
    .filter(|(_, present)| !present)
    .map(|(p, _)| p)
    .collect();
    if !missing.is_empty() {
        let list = missing.join(", ");
        return Err((
            format!("Il manque {list} dans l'adresse des tuiles."),
            format!("The tile address lacks {list}."),
        ));
    }
    Ok(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tile_urls_are_checked() {
        assert!(check_tile_url(OSM_TILES).is_ok());
        let ign = " https://data.geopf.fr/wmts?TILEMATRIX={z}&TILECOL={x}&TILEROW={y} ";
        assert_eq!(check_tile_url(ign).unwrap(), ign.trim());
        let (fr, en) = check_tile_url("https://tiles.example/{z}/{x}.png").unwrap_err();
        assert!(fr.contains("{y}") && en.contains("{y}"));
        assert!(check_tile_url("javascript:alert(1)/{z}/{x}/{y}").is_err());
        assert!(check_tile_url("https://a.example/{z}/{x}/{y}\"><img>").is_err());
    }

    #[test]
    fn leaflet_placeholders_only() {
        let tms = "https://tms.example/{z}/{x}/{-y}.png";
        assert_eq!(check_tile_url(tms).unwrap(), tms);
        let retina = "https://{s}.tiles.example/{z}/{x}/{y}{r}.png";
        assert!(check_tile_url(retina).is_ok());
        let (fr, en) = check_tile_url("https://tiles.example/{foo}/{z}/{x}/{y}.png").unwrap_err();
        assert!(fr.starts_with("Emplacement inconnu {foo}"), "{fr}");
        assert!(
            en.starts_with("Unknown placeholder {foo}") && en.contains("{-y}"),
            "{en}"
        );
        // Leaflet does not trim inside braces, and names are case-sensitive.
        assert!(check_tile_url("https://t.example/{Z}/{x}/{y}.png").is_err());
        assert!(check_tile_url("https://t.example/{tileSize}/{z}/{x}/{y}").is_err());
        let (fr, en) = check_tile_url("https://t.example/{z}/{x}/{y.png").unwrap_err();
        assert!(fr.starts_with("Accolade isolée") && en.starts_with("Unmatched brace"));
        assert!(check_tile_url("https://t.example/{z}/{x}/{y}}").is_err());
        assert!(check_tile_url("https://t.example/{z/{x}/{y}").is_err());
        let long = format!("https://t.example/{}/{{z}}/{{x}}/{{y}}", "a".repeat(2_000));
        assert!(
            check_tile_url(&long)
                .unwrap_err()
                .1
                .contains("longer than 2000")
        );
        assert!(check_tile_url("https://t.example/{z}/{x}/{y}\u{0}").is_err());
    }

    #[test]
    fn stored_preferences_are_read_field_by_field_and_the_tile_url_checked_again() {
        // Old preferences without a tile address get OpenStreetMap, silently.
        let (p, refused) = Prefs::from_stored(Some(r#"{"lang":"en","tiles":false}"#));
        assert_eq!(p.tile_url, OSM_TILES);
        assert!(!p.tiles && p.lang == Lang::En && refused.is_none());
        // Nothing stored: the defaults, no notice.
        assert_eq!(Prefs::from_stored(None), (Prefs::default(), None));
        // A good stored address is kept.
        let ign = "https://data.geopf.fr/wmts?TILEMATRIX={z}&TILECOL={x}&TILEROW={y}";
        let (p, refused) =
            Prefs::from_stored(Some(&format!(r#"{{"lang":"en","tile_url":"{ign}"}}"#)));
        assert_eq!((p.tile_url.as_str(), refused), (ign, None));
        // A hand-edited one with an unknown placeholder: the default, the reason, and the
        // other preferences kept.
        let (p, refused) = Prefs::from_stored(Some(
            r#"{"lang":"en","tiles":false,"welcomed":true,"tile_url":"https://x.example/{foo}/{z}/{x}/{y}"}"#,
        ));
        assert_eq!(p.tile_url, OSM_TILES);
        assert!((p.lang, p.tiles, p.welcomed) == (Lang::En, false, true));
        assert!(refused.unwrap().0.contains("{foo}"));
        // A script address, a number, a damaged file: the default, with a reason each time.
        for stored in [
            r#"{"tile_url":"javascript:alert(1)//{z}/{x}/{y}"}"#,
            r#"{"tile_url":42}"#,
            r#"{"lang":"en","tile_u"#,
        ] {
            let (p, refused) = Prefs::from_stored(Some(stored));
            assert_eq!(p.tile_url, OSM_TILES, "{stored}");
            assert!(refused.is_some(), "{stored}");
        }
        // A bad language alone falls back to French without touching the rest.
        let (p, refused) = Prefs::from_stored(Some(r#"{"lang":"xx","tiles":false}"#));
        assert!((p.lang, p.tiles, refused) == (Lang::Fr, false, None));
    }
}
