//! The project file: a JSON envelope with a type and a version around the project.
//!
//! ```json
//! {"type": "symbiose-project", "version": 1, "source": "symbiose 0.1.0", "project": {...}}
//! {"type": "symbiose-questionnaire", "version": 1, "source": "...", "questionnaire": {...}}
//! ```
//!
//! Loading reads the header first (type, version), refuses a newer version with a plain
//! message, migrates older versions step by step (see [`migrate`]), then deserialises with the
//! path of any bad value, then validates. Import and browser storage both call
//! [`load_project`], so they share migrations, validation and errors.
//!
//! History (also in docs/FORMAT.md):
//! - v1 (2026-11-28): first version.

pub(crate) mod error;
pub mod json;
pub mod migrate;
pub mod packed;
pub mod repair;
#[cfg(feature = "schema")]
pub mod schema;

pub use error::{LoadError, too_large};

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::model::{Project, Questionnaire};
use crate::validate::{self, Problem};

/// The version this build writes.
pub const CURRENT_VERSION: u32 = 1;
/// Files larger than this are refused before parsing: a project of 5,000 companies with ten
/// flows each is about 20 MB.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;
pub const PROJECT_TYPE: &str = "symbiose-project";
pub const QUESTIONNAIRE_TYPE: &str = "symbiose-questionnaire";
/// What wrote the file, for people reading it.
pub const SOURCE: &str = concat!("symbiose ", env!("CARGO_PKG_VERSION"));

/// A loaded value with the warnings found (kept data that deserves a look) and the version it
/// was migrated from, if any.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub value: T,
    pub warnings: Vec<Problem>,
    pub migrated_from: Option<u32>,
}

/// Reads a project file (an import, or what browser storage holds).
pub fn load_project(text: &str) -> Result<Loaded<Project>, LoadError> {
    load(text, PROJECT_TYPE, "project", validate::validate)
}

/// Reads a company questionnaire file.
pub fn load_questionnaire(text: &str) -> Result<Loaded<Questionnaire>, LoadError> {
    load(
        text,
        QUESTIONNAIRE_TYPE,
        "questionnaire",
        validate::validate_questionnaire,
    )
}

/// Envelope, migrations, deserialisation with paths, then validation: errors refuse the file,
/// warnings come back with the value.
fn load<T: DeserializeOwned>(
    text: &str,
    kind: &'static str,
    key: &'static str,
    check: fn(&T) -> validate::Report,
) -> Result<Loaded<T>, LoadError> {
    let (body, migrated_from) = read_envelope(text, kind, key)?;
    let value: T = deserialise(body, key)?;
    let report = check(&value);
    if !report.errors.is_empty() {
        return Err(LoadError::Invalid(report.errors));
    }
    Ok(Loaded {
        value,
        warnings: report.warnings,
        migrated_from,
    })
}

pub fn save_project(project: &Project, pretty: bool) -> String {
    envelope(PROJECT_TYPE, "project", project, pretty)
}

pub fn save_questionnaire(q: &Questionnaire) -> String {
    envelope(QUESTIONNAIRE_TYPE, "questionnaire", q, true)
}

/// The file: its header first (type, version, source), then the body under `key`. Written
/// straight to text, with no intermediate JSON tree: an autosave of a 20,000-flow territory
/// runs on the page's only thread.
struct Envelope<'a, T> {
    kind: &'a str,
    key: &'a str,
    body: &'a T,
}

impl<T: serde::Serialize> serde::Serialize for Envelope<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("type", self.kind)?;
        map.serialize_entry("version", &CURRENT_VERSION)?;
        map.serialize_entry("source", SOURCE)?;
        map.serialize_entry(self.key, self.body)?;
        map.end()
    }
}

fn envelope<T: serde::Serialize>(kind: &str, key: &str, body: &T, pretty: bool) -> String {
    let file = Envelope { kind, key, body };
    if pretty {
        serde_json::to_string_pretty(&file)
    } else {
        serde_json::to_string(&file)
    }
    .expect("the model serialises")
}

/// Checks size, syntax, type and version; returns the body migrated to the current version.
fn read_envelope(
    text: &str,
    expected: &'static str,
    key: &'static str,
) -> Result<(Value, Option<u32>), LoadError> {
    if text.len() > MAX_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len() });
    }
    let value = json::parse(text).map_err(LoadError::Malformed)?;
    let Value::Object(mut map) = value else {
        return Err(LoadError::NotSymbiose);
    };
    let kind = match map.get("type") {
        Some(Value::String(s)) => s.clone(),
        _ => return Err(LoadError::NotSymbiose),
    };
    if kind != expected {
        return Err(if kind == PROJECT_TYPE || kind == QUESTIONNAIRE_TYPE {
            LoadError::WrongKind {
                found: kind,
                expected,
            }
        } else {
            LoadError::NotSymbiose
        });
    }
    let version = match map.get("version").and_then(Value::as_u64) {
        Some(v) if v >= 1 => u32::try_from(v).unwrap_or(u32::MAX),
        _ => return Err(LoadError::BadVersion),
    };
    if version > CURRENT_VERSION {
        return Err(LoadError::TooNew { version });
    }
    let body = map.remove(key).ok_or(LoadError::Missing { key })?;
    let migrated = migrate::to_current(body, version, migrate::STEPS)?;
    Ok((migrated, (version < CURRENT_VERSION).then_some(version)))
}

fn deserialise<T: DeserializeOwned>(body: Value, root: &str) -> Result<T, LoadError> {
    serde_path_to_error::deserialize(body).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." {
            root.to_string()
        } else {
            format!("{root}.{path}")
        };
        LoadError::Shape {
            path,
            detail: e.into_inner().to_string(),
        }
    })
}
