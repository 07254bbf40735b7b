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
    version: 4,
    steps: migrate::PROJECT_STEPS,
};

/// One company and its flows, sent to the company and returned filled in.
pub const QUESTIONNAIRE: FileKind = FileKind {
    type_name: "symbiose-questionnaire",
    key: "questionnaire",
    version: 3,
    steps: migrate::QUESTIONNAIRE_STEPS,
};

/// The roadmap and dashboard without the inventory (`export::roadmap`).
pub const ROADMAP: FileKind = FileKind {
    type_name: "symbiose-roadmap",
    key: "roadmap",
    version: 3,
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

/// The body of a current-version file read in one pass, straight into `T`, with no JSON tree
/// in between: the tree of a 20 MB territory (every key of every flow its own string) held
/// most of the page's memory at the first map. `None` when anything is off: an older version,
/// a fault, a bad value, an envelope key this build does not write; then [`read`] and
/// [`deserialise`] say what, and where. When it succeeds it gives what they give: the model's
/// types refuse a duplicated field, an unknown one and a number beyond `f64` as the strict
/// tree does, and the model has no map type in which a duplicated key could hide.
pub fn read_current<T: DeserializeOwned>(text: &str, kind: FileKind) -> Option<T> {
    if text.len() > MAX_BYTES {
        return None;
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let body = serde::de::DeserializeSeed::deserialize(
        CurrentFile::<T> {
            kind,
            body: std::marker::PhantomData,
        },
        &mut de,
    )
    .ok()?;
    de.end().ok()?;
    Some(body)
}

/// What [`read_current`] reads: the envelope of `kind` at its current version, and its body.
struct CurrentFile<T> {
    kind: FileKind,
    body: std::marker::PhantomData<T>,
}

impl<'de, T: DeserializeOwned> serde::de::DeserializeSeed<'de> for CurrentFile<T> {
    type Value = T;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: DeserializeOwned> serde::de::Visitor<'de> for CurrentFile<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "a {} file", self.kind.type_name)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        use serde::de::Error;
        let kind = self.kind;
        let (mut typed, mut versioned, mut sourced) = (false, false, false);
        let mut body = None;
        let once = |seen: &mut bool| {
            if std::mem::replace(seen, true) {
                Err(A::Error::custom("a key twice"))
            } else {
                Ok(())
            }
        };
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => {
                    once(&mut typed)?;
                    if map.next_value::<String>()? != kind.type_name {
                        return Err(A::Error::custom("another type"));
                    }
                }
                "version" => {
                    once(&mut versioned)?;
                    if map.next_value::<u64>()? != u64::from(kind.version) {
                        return Err(A::Error::custom("another version"));
                    }
                }
                "source" => {
                    once(&mut sourced)?;
                    map.next_value::<String>()?;
                }
                k if k == kind.key && body.is_none() => body = Some(map.next_value::<T>()?),
                _ => return Err(A::Error::custom("a key the reader checks")),
            }
        }
        match (typed, versioned, body) {
            (true, true, Some(body)) => Ok(body),
            _ => Err(A::Error::custom("an incomplete envelope")),
        }
    }
}

/// The body as `T`, or the path of the first bad value (`project.flows[3].quantity`).
pub fn deserialise<T: DeserializeOwned>(body: Value, kind: FileKind) -> Result<T, LoadError> {
    serde_path_to_error::deserialize(body).map_err(|e| {
        let (path, fault) =
            super::fault::read_at(&e.path().to_string(), &e.into_inner().to_string());
        let path = if path == "." {
            kind.key.to_string()
        } else {
            format!("{}.{path}", kind.key)
        };
        LoadError::Shape { path, fault }
    })
}

/// The file: its header first (type, version, source), then the body. Written straight to
/// text, with no intermediate JSON tree: an autosave of a 20,000-flow territory runs on the
/// page's only thread.
pub fn write<T: Serialize>(kind: FileKind, body: &T, pretty: bool) -> String {
    let mut text = Vec::new();
    if pretty {
        // Through `dyn Write` like every other writer of the model: the code that writes the
        // model is compiled once per kind of writer, and the app's download carries each copy.
        let out: &mut dyn std::io::Write = &mut text;
        serde_json::to_writer_pretty(out, &Envelope { kind, body }).expect("the model serialises");
    } else {
        write_to(&mut text, kind, body);
    }
    String::from_utf8(text).expect("JSON is UTF-8")
}

/// The file, compact, to `out` as it is written: what [`write`] returns, not held whole.
pub fn write_to<T: Serialize>(out: &mut dyn std::io::Write, kind: FileKind, body: &T) {
    // Writing to memory (a buffer, a compressor) does not fail, nor does the model's serialising.
    serde_json::to_writer(out, &Envelope { kind, body }).expect("the model serialises");
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
        let (now, next) = (ROADMAP.version, ROADMAP.version + 1);
        let newer = roadmap.replace(
            &format!("\"version\":{now}"),
            &format!("\"version\":{next}"),
        );
        let err = read(&newer, ROADMAP).unwrap_err();
        assert_eq!(
            err,
            LoadError::TooNew {
                version: next,
                newest: now
            }
        );
        assert!(err.message_in(Lang::Fr).contains(&format!(
            "format {next}, cette application lit jusqu'au format {now}"
        )));
    }

    /// The one-pass reader gives what the strict tree gives, or nothing, and then the tree
    /// says what is wrong.
    #[test]
    fn the_one_pass_reader_agrees_with_the_tree_or_leaves_it_the_word() {
        use crate::model::Project;
        let tree = |text: &str| -> Result<Project, LoadError> {
            let (body, _) = read(text, PROJECT)?;
            deserialise(body, PROJECT)
        };
        for project in [
            crate::demo::project(),
            crate::detect::synthetic::territory(300, 5),
        ] {
            for pretty in [false, true] {
                let text = write(PROJECT, &project, pretty);
                let direct: Project = read_current(&text, PROJECT).expect("a current file");
                assert_eq!(direct, tree(&text).unwrap());
                assert_eq!(direct, project);
            }
        }
        let good = write(PROJECT, &crate::demo::project(), false);
        let first_flow = good.find("\"flows\":[{").unwrap() + "\"flows\":[{".len();
        let current = format!("\"version\":{}", PROJECT.version);
        let faults = [
            // A key twice inside a flow: serde keeps the last in a map, refuses it in a struct.
            format!(
                "{}\"label\":\"x\",{}",
                &good[..first_flow],
                &good[first_flow..]
            ),
            good.replace(&current, "\"version\":1"),
            good.replace(&current, &format!("{current},{current}")),
            good.replace("\"source\":", "\"comment\":\"x\",\"source\":"),
            good.replace("\"source\":\"", "\"source\":{\"a\":1,\"a\":2},\"x\":\""),
            good.replacen("\"lat\":", "\"lat\":1e400,\"x\":", 1),
            format!("{good} []"),
            good.replace("symbiose-project", "symbiose-roadmap"),
            good[..good.len() - 1].to_string(),
        ];
        for text in &faults {
            assert!(
                read_current::<Project>(text, PROJECT).is_none(),
                "{}",
                &text[..80]
            );
            // What the loader then says comes from the tree, as before.
            let tree_says = tree(text).map(|_| ()).map_err(|e| e.to_string());
            let loader_says = crate::format::load_project(text)
                .map(|_| ())
                .map_err(|e| e.to_string());
            if let Err(e) = &tree_says {
                assert_eq!(&loader_says.unwrap_err(), e);
            }
        }
        assert!(
            crate::format::load_project(&faults[0])
                .unwrap_err()
                .to_string()
                .contains("\"label\" appears twice")
        );
        // An older version goes through the tree and its migrations (tests/format.rs reads the
        // version 1 fixtures): this one, a version 2 body labelled 1, does not migrate.
        assert!(matches!(
            crate::format::load_project(&faults[1]),
            Err(LoadError::Migration { from: 1, .. })
        ));
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
