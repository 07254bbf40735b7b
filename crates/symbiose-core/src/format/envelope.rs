//! The envelope every Symbiose file shares, whatever it carries:
//!
//! ```json
//! {"type": "symbiose-<kind>", "version": N, "source": "symbiose 0.1.0", "<key>": {...}}
//! ```
//!
//! One reader (size, strict JSON, type, version, the migration chain of that kind, then the
//! body with the path of any bad value) and one writer, for the project, the questionnaire and
//! the roadmap file alike, with one error type, [`LoadError`]. Each kind's version counts on
//! its own: a roadmap file can change shape without the project file.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::migrate::{self, Step};
use super::{LoadError, MAX_BYTES, SOURCE, json};

/// A kind of file: how it is named in its envelope, and how older versions become current.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKind {
    /// The envelope's `type`.
    pub type_name: &'static str,
    /// Where the body sits in the envelope.
    pub key: &'static str,
    /// The version this build writes, and the newest it reads.
    pub version: u32,
    /// The migration chain: `steps[i]` turns a version `i + 1` body into version `i + 2`;
    /// there are `version - 1` of them.
    pub steps: &'static [Step],
}

/// A whole project (an export, or what browser storage holds).
pub const PROJECT: FileKind = FileKind {
    type_name: "symbiose-project",
    key: "project",
    version: 2,
    steps: migrate::PROJECT_STEPS,
};

/// One company and its flows, sent to the company and returned filled in.
pub const QUESTIONNAIRE: FileKind = FileKind {
    type_name: "symbiose-questionnaire",
    key: "questionnaire",
    version: 1,
    steps: migrate::QUESTIONNAIRE_STEPS,
};

/// The roadmap and dashboard without the inventory (`export::roadmap`).
pub const ROADMAP: FileKind = FileKind {
    type_name: "symbiose-roadmap",
    key: "roadmap",
    version: 2,
    steps: migrate::ROADMAP_STEPS,
};

/// Every kind, for telling a file of another kind from something that is not ours.
pub const KINDS: [FileKind; 3] = [PROJECT, QUESTIONNAIRE, ROADMAP];

/// Checks size, syntax, type and version; returns the body migrated to the current version,
/// and the version it came from when it was older.
pub fn read(text: &str, kind: FileKind) -> Result<(Value, Option<u32>), LoadError> {
    if text.len() > MAX_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len() });
    }
    let value = json::parse(text).map_err(LoadError::Malformed)?;
    let not_ours = LoadError::NotSymbiose {
        expected: kind.type_name,
    };
    let Value::Object(mut map) = value else {
        return Err(not_ours);
    };
    match map.get("type") {
        Some(Value::String(found)) if found == kind.type_name => {}
        Some(Value::String(found)) if KINDS.iter().any(|k| k.type_name == found) => {
            return Err(LoadError::WrongKind {
                found: found.clone(),
                expected: kind.type_name,
            });
        }
        _ => return Err(not_ours),
    }
    let version = match map.get("version").and_then(Value::as_u64) {
        Some(v) if v >= 1 => u32::try_from(v).unwrap_or(u32::MAX),
        _ => return Err(LoadError::BadVersion),
    };
    if version > kind.version {
        return Err(LoadError::TooNew {
            version,
            newest: kind.version,
        });
    }
    let body = map
        .remove(kind.key)
        .ok_or(LoadError::Missing { key: kind.key })?;
    let migrated = migrate::to_current(body, version, kind.steps)?;
    Ok((migrated, (version < kind.version).then_some(version)))
}

/// The body as `T`, or the path of the first bad value (`project.flows[3].quantity`).
pub fn deserialise<T: DeserializeOwned>(body: Value, kind: FileKind) -> Result<T, LoadError> {
    serde_path_to_error::deserialize(body).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." {
            kind.key.to_string()
        } else {
            format!("{}.{path}", kind.key)
        };
        LoadError::Shape {
            path,
            detail: e.into_inner().to_string(),
        }
    })
}

/// The file: its header first (type, version, source), then the body. Written straight to
/// text, with no intermediate JSON tree: an autosave of a 20,000-flow territory runs on the
/// page's only thread.
pub fn write<T: Serialize>(kind: FileKind, body: &T, pretty: bool) -> String {
    let file = Envelope { kind, body };
    if pretty {
        serde_json::to_string_pretty(&file)
    } else {
        serde_json::to_string(&file)
    }
    .expect("the model serialises")
}

struct Envelope<'a, T> {
    kind: FileKind,
    body: &'a T,
}

impl<T: Serialize> Serialize for Envelope<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("type", self.kind.type_name)?;
        map.serialize_entry("version", &self.kind.version)?;
        map.serialize_entry("source", SOURCE)?;
        map.serialize_entry(self.kind.key, self.body)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Lang, UserMessage};

    #[test]
    fn every_kind_has_a_step_per_older_version() {
        for kind in KINDS {
            assert_eq!(
                kind.steps.len(),
                usize::try_from(kind.version - 1).unwrap(),
                "{}",
                kind.type_name
            );
        }
    }

    #[test]
    fn a_file_of_another_kind_is_named_and_a_foreign_one_is_not_ours() {
        let roadmap = write(ROADMAP, &serde_json::json!({}), false);
        assert_eq!(
            read(&roadmap, PROJECT).unwrap_err(),
            LoadError::WrongKind {
                found: "symbiose-roadmap".into(),
                expected: "symbiose-project"
            }
        );
        assert!(
            crate::format::load_project(&roadmap)
                .unwrap_err()
                .message_in(Lang::Fr)
                .contains("importez-la depuis la page « Exports »")
        );
        let err = read(r#"{"type": "FeatureCollection"}"#, ROADMAP).unwrap_err();
        assert_eq!(
            err,
            LoadError::NotSymbiose {
                expected: "symbiose-roadmap"
            }
        );
        assert!(err.message_in(Lang::Fr).contains("symbiose-roadmap"));
        let newer = roadmap.replace("\"version\":2", "\"version\":3");
        let err = read(&newer, ROADMAP).unwrap_err();
        assert_eq!(
            err,
            LoadError::TooNew {
                version: 3,
                newest: 2
            }
        );
        assert!(
            err.message_in(Lang::Fr)
                .contains("format 3, cette application lit jusqu'au format 2")
        );
    }

    #[test]
    fn written_and_read_back() {
        let body = serde_json::json!({"a": [1, 2.5, "é"]});
        for pretty in [false, true] {
            let text = write(QUESTIONNAIRE, &body, pretty);
            assert!(text.starts_with("{") && text.contains("symbiose-questionnaire"));
            assert_eq!(read(&text, QUESTIONNAIRE).unwrap(), (body.clone(), None));
        }
    }
}
