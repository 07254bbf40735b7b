//! How projects are laid out in browser storage. Pure functions, tested on the host.
//!
//! Each project has two keys: its file envelope (`symbiose.project.<id>`, the same text an
//! export writes, so storage load and import share one path) and a small metadata record
//! (`symbiose.meta.<id>`) so the home view can list projects without parsing every file.

use serde::{Deserialize, Serialize};

pub const PROJECT_PREFIX: &str = "symbiose.project.";
pub const META_PREFIX: &str = "symbiose.meta.";

pub fn project_key(id: &str) -> String {
    format!("{PROJECT_PREFIX}{id}")
}

pub fn meta_key(id: &str) -> String {
    format!("{META_PREFIX}{id}")
}

/// The project id of a storage key, when the key holds a project file.
pub fn project_id_of(key: &str) -> Option<&str> {
    key.strip_prefix(PROJECT_PREFIX).filter(|id| !id.is_empty())
}

/// What the home view shows of a stored project, and what detects a write by another tab.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Meta {
    pub name: String,
    pub actors: usize,
    pub flows: usize,
    pub synergies: usize,
    /// Milliseconds since the epoch of the last save.
    pub saved_at: f64,
    /// Incremented by every save; a tab that finds a revision it did not write knows another
    /// tab saved in between, and must not overwrite it silently.
    pub revision: u64,
    /// The tab that wrote this revision.
    pub writer: String,
}

/// A storage id for a new project: time-ordered (for any date of this century), with a random tail so two tabs creating a
/// project in the same millisecond do not collide.
pub fn new_project_id(now_ms: f64, random: f64) -> String {
    let tail = (random * 1_679_616.0) as u64; // 36^4
    format!("{}-{}", to_base36(now_ms as u64), to_base36(tail))
}

fn to_base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n == 0 {
        return "0".into();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).expect("ascii digits")
}

/// A file name for an export: the project's name in lower-case ASCII words, the date, the kind.
pub fn export_file_name(project_name: &str, date_iso: &str, kind: &str) -> String {
    export_file_name_ext(project_name, date_iso, kind, "json")
}

/// Like [`export_file_name`], with another extension (`csv`, `geojson`).
pub fn export_file_name_ext(project_name: &str, date_iso: &str, kind: &str, ext: &str) -> String {
    let folded = symbiose_core::refdata::text::fold(project_name);
    let slug: String = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "projet".to_string()
    } else {
        slug
    };
    format!("{slug}-{date_iso}.{kind}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        assert_eq!(project_id_of(&project_key("abc-1")), Some("abc-1"));
        assert_eq!(project_id_of("symbiose.prefs"), None);
        assert_eq!(project_id_of(PROJECT_PREFIX), None);
    }

    #[test]
    fn ids_are_distinct_and_ordered_by_time() {
        let a = new_project_id(1_764_000_000_000.0, 0.1);
        let b = new_project_id(1_764_000_000_000.0, 0.2);
        assert_ne!(a, b);
        assert!(
            new_project_id(1_764_000_000_000.0, 0.9) < new_project_id(1_764_000_000_001.0, 0.0)
        );
    }

    #[test]
    fn export_names_are_safe() {
        assert_eq!(
            export_file_name("ZA de Tragone — Biguglia", "2026-11-28", "symbiose"),
            "za-de-tragone-biguglia-2026-11-28.symbiose.json"
        );
        assert_eq!(
            export_file_name("<script>", "2026-11-28", "symbiose"),
            "script-2026-11-28.symbiose.json"
        );
        assert_eq!(
            export_file_name("", "2026-11-28", "questionnaire"),
            "projet-2026-11-28.questionnaire.json"
        );
    }
}
