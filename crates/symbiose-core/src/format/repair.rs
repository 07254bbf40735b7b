//! Repair mode: a project file the loader refuses for its content still opens.
//!
//! [`super::load_project`] refuses a file with a bad value or a broken rule, which is right for
//! an import the user can fix at the source. But a project already in the browser, or a file that
//! is the only copy the user has, must not be locked out by one bad record. [`load_for_repair`]
//! reads the same file record by record:
//! - a record that does not deserialise (a text where a number goes, an unknown field, a second
//!   record with the same id) is set aside as [`Unreadable`], with its raw JSON, its place and why;
//! - every other record enters the project, faulty or not, and [`Repairable::problems`] lists
//!   what `validate` finds (a longitude of −700, a flow of a company that is not there).
//!
//! Nothing is dropped: [`save_with_unreadable`] writes the set-aside records back in place until
//! the user fixes or removes each one. The envelope (syntax, type, version) is not repairable:
//! a file that is not a Symbiose project at all is refused as before.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::fault::{self, Fault};
use super::{LoadError, PROJECT_TYPE, envelope};
use crate::edit::Command;
use crate::model::Project;
use crate::validate::{self, Problem};
use crate::{Bilingual, Lang, UserMessage};

/// The lists of a project body, in file order.
pub const LISTS: [&str; 8] = [
    "actors",
    "flows",
    "synergies",
    "actions",
    "targets",
    "measurements",
    "workshops",
    "activities",
];

/// A part of the file that could not be read into the model, kept as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// `actors`, `flows`..., or the top-level key (`territory`, `name`, an unknown key).
    pub key: String,
    /// Its position in its list; `None` for a top-level value.
    pub index: Option<usize>,
    /// Why it could not be read.
    pub why: Why,
    /// The record as the file has it.
    pub raw: Value,
}

/// Why a part of a file could not be read into the model.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Why {
    /// A list or the project's name holds something else than what the model expects.
    NotAList,
    /// A key the model does not have (a typo, or a field from another program).
    UnknownField,
    /// A value the record cannot take, at `path` inside the record (`quantity.unit`).
    BadValue { path: String, fault: Fault },
    /// A second record with an id already taken.
    DuplicateId(String),
}

/// For developers and logs: the English message.
impl std::fmt::Display for Why {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_in(Lang::En))
    }
}

impl UserMessage for Why {
    fn message(&self) -> Bilingual {
        Bilingual::from_fn(|lang| match (self, lang) {
            (Why::NotAList, Lang::Fr) => "une liste est attendue ici".into(),
            (Why::NotAList, Lang::En) => "a list is expected here".into(),
            (Why::UnknownField, Lang::Fr) => "champ inconnu de Symbiose".into(),
            (Why::UnknownField, Lang::En) => "a field Symbiose does not know".into(),
            (Why::BadValue { path, fault }, _) if path.is_empty() => fault.message_in(lang),
            (Why::BadValue { path, fault }, Lang::Fr) => {
                format!(
                    "{} : {}",
                    fault::place_with_path(path, lang),
                    fault.message_in(lang)
                )
            }
            (Why::BadValue { path, fault }, Lang::En) => {
                format!(
                    "{}: {}",
                    fault::place_with_path(path, lang),
                    fault.message_in(lang)
                )
            }
            (Why::DuplicateId(id), Lang::Fr) => {
                format!("identifiant « {id} » déjà pris par un autre élément")
            }
            (Why::DuplicateId(id), Lang::En) => {
                format!("id \"{id}\" already taken by another record")
            }
        })
    }
}

impl Unreadable {
    /// Where it sits in the file: `flows[12]`, `territory`.
    pub fn path(&self) -> String {
        match self.index {
            Some(i) => format!("{}[{i}]", self.key),
            None => self.key.clone(),
        }
    }

    /// What the record calls itself when its JSON still has a readable name, label or title (at
    /// most 80 characters), as the records the loader read are named beside their problems;
    /// else the place in words ("flux n° 13").
    pub fn name_in(&self, lang: Lang) -> String {
        ["name", "label", "title"]
            .iter()
            .find_map(|k| self.raw.get(k)?.as_str().filter(|s| !s.trim().is_empty()))
            .map_or_else(
                || fault::place_in(&self.path(), lang),
                |s| format!("« {} »", s.chars().take(80).collect::<String>()),
            )
    }
}

/// A project read record by record, with what stands in the way of a normal load.
#[derive(Debug, Clone)]
pub struct Repairable {
    pub project: Project,
    pub unreadable: Vec<Unreadable>,
    /// The errors `validate` finds in the records that were read.
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
    pub migrated_from: Option<u32>,
}

impl Repairable {
    /// Nothing left to repair: the file would load normally.
    pub fn is_clean(&self) -> bool {
        self.unreadable.is_empty() && self.problems.is_empty()
    }
}

/// Reads a project file leniently (see the module doc). Fails only where the envelope fails:
/// malformed JSON, not a Symbiose project, too new, too large, or a body that is not an object.
pub fn load_for_repair(text: &str) -> Result<Repairable, LoadError> {
    let (body, migrated_from) = envelope::read(text, envelope::PROJECT)?;
    let Value::Object(map) = body else {
        return Err(LoadError::Shape {
            path: "project".into(),
            fault: Fault::Expected {
                found: fault::Found::of(&body),
                expected: fault::Expected::Record(String::new()),
            },
        });
    };
    let mut project = Project::default();
    let mut unreadable = Vec::new();
    for (key, value) in map {
        match key.as_str() {
            "name" => take(&key, value, &mut project.name, &mut unreadable),
            "territory" => take(&key, value, &mut project.territory, &mut unreadable),
            "assumptions" => take(&key, value, &mut project.assumptions, &mut unreadable),
            "actors" => list(&key, value, &mut project.actors, &mut unreadable),
            "flows" => list(&key, value, &mut project.flows, &mut unreadable),
            "synergies" => list(&key, value, &mut project.synergies, &mut unreadable),
            "actions" => list(&key, value, &mut project.actions, &mut unreadable),
            "targets" => list(&key, value, &mut project.targets, &mut unreadable),
            "measurements" => list(&key, value, &mut project.measurements, &mut unreadable),
            "workshops" => list(&key, value, &mut project.workshops, &mut unreadable),
            "activities" => list(&key, value, &mut project.activities, &mut unreadable),
            _ => unreadable.push(Unreadable {
                why: Why::UnknownField,
                key,
                index: None,
                raw: value,
            }),
        }
    }
    set_aside_duplicates(&mut project, &mut unreadable);
    let report = validate::validate(&project);
    Ok(Repairable {
        project,
        unreadable,
        problems: report.errors,
        warnings: report.warnings,
        migrated_from,
    })
}

fn take<T: DeserializeOwned>(key: &str, value: Value, into: &mut T, out: &mut Vec<Unreadable>) {
    match serde_path_to_error::deserialize::<_, T>(&value) {
        Ok(v) => *into = v,
        Err(e) => out.push(Unreadable {
            key: key.to_string(),
            index: None,
            why: describe(e),
            raw: value,
        }),
    }
}

fn list<T: DeserializeOwned>(
    key: &str,
    value: Value,
    into: &mut Vec<T>,
    out: &mut Vec<Unreadable>,
) {
    let Value::Array(items) = value else {
        out.push(Unreadable {
            key: key.to_string(),
            index: None,
            why: Why::NotAList,
            raw: value,
        });
        return;
    };
    for (index, item) in items.into_iter().enumerate() {
        match serde_path_to_error::deserialize::<_, T>(&item) {
            Ok(v) => into.push(v),
            Err(e) => out.push(Unreadable {
                key: key.to_string(),
                index: Some(index),
                why: describe(e),
                raw: item,
            }),
        }
    }
}

fn describe(e: serde_path_to_error::Error<serde_json::Error>) -> Why {
    let (path, fault) = fault::read_at(&e.path().to_string(), &e.into_inner().to_string());
    Why::BadValue {
        path: if path == "." { String::new() } else { path },
        fault,
    }
}

/// A second record with an id already taken cannot enter the project (every command finds
/// records by id): it waits aside, where the user can give it another id.
fn set_aside_duplicates(p: &mut Project, out: &mut Vec<Unreadable>) {
    fn split<T: serde::Serialize>(
        key: &str,
        items: &mut Vec<T>,
        id: impl Fn(&T) -> &str,
        out: &mut Vec<Unreadable>,
    ) {
        let mut seen = std::collections::HashSet::new();
        let mut kept = Vec::with_capacity(items.len());
        for (index, item) in std::mem::take(items).into_iter().enumerate() {
            let first = id(&item).trim().is_empty() || seen.insert(id(&item).to_string());
            if first {
                kept.push(item);
            } else {
                out.push(Unreadable {
                    key: key.to_string(),
                    index: Some(index),
                    why: Why::DuplicateId(id(&item).to_string()),
                    raw: serde_json::to_value(&item).unwrap_or(Value::Null),
                });
            }
        }
        *items = kept;
    }
    split("actors", &mut p.actors, |a| a.id.as_str(), out);
    split("flows", &mut p.flows, |f| f.id.as_str(), out);
    split("synergies", &mut p.synergies, |s| s.id.as_str(), out);
    split("actions", &mut p.actions, |a| a.id.as_str(), out);
    split("workshops", &mut p.workshops, |w| w.id.as_str(), out);
    split("activities", &mut p.activities, |a| a.id.as_str(), out);
}

/// The command that puts a repaired part back into the project: `json` is the part as the user
/// corrected it. The command still goes through `edit::apply`, so the record rules and the
/// references are checked there; this only reads the JSON into the right record type.
pub fn reinsert(p: &Project, key: &str, index: Option<usize>, json: &str) -> Result<Command, Why> {
    fn read<T: DeserializeOwned>(json: &str) -> Result<T, Why> {
        let mut de = serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(&mut de).map_err(describe)
    }
    let at = |len: usize| index.unwrap_or(len).min(len);
    Ok(match key {
        "name" => Command::SetProjectName(read(json)?),
        "territory" => Command::SetTerritory(read(json)?),
        "assumptions" => Command::SetAssumptions(read(json)?),
        "actors" => Command::InsertActor {
            index: at(p.actors.len()),
            actor: read(json)?,
        },
        "flows" => Command::InsertFlow {
            index: at(p.flows.len()),
            flow: read(json)?,
        },
        "synergies" => Command::InsertSynergy {
            index: at(p.synergies.len()),
            synergy: read(json)?,
        },
        "actions" => Command::InsertAction {
            index: at(p.actions.len()),
            action: read(json)?,
        },
        "targets" => Command::InsertTarget {
            index: at(p.targets.len()),
            target: read(json)?,
        },
        "measurements" => Command::InsertMeasurement {
            index: at(p.measurements.len()),
            measurement: read(json)?,
        },
        "workshops" => Command::InsertWorkshop {
            index: at(p.workshops.len()),
            workshop: read(json)?,
        },
        "activities" => Command::InsertActivity {
            index: at(p.activities.len()),
            activity: read(json)?,
        },
        _ => return Err(Why::UnknownField),
    })
}

/// The project file of a project under repair: the project as it is now, with every part that
/// is still unreadable written back where it was (a list entry at its former position, or as
/// far as the list now goes; a top-level value in place of the model's). So a save in repair
/// mode never drops what the user has not chosen to drop.
pub fn save_with_unreadable(p: &Project, unreadable: &[Unreadable]) -> String {
    if unreadable.is_empty() {
        return super::save_project(p, false);
    }
    let Ok(Value::Object(mut body)) = serde_json::to_value(p) else {
        return super::save_project(p, false);
    };
    // Ascending indices, so each lands where it was relative to the ones before it.
    let mut sorted: Vec<&Unreadable> = unreadable.iter().collect();
    sorted.sort_by_key(|u| u.index);
    for u in sorted {
        match (u.index, body.get_mut(&u.key)) {
            (Some(i), Some(Value::Array(items))) => {
                let at = i.min(items.len());
                items.insert(at, u.raw.clone());
            }
            _ => {
                body.insert(u.key.clone(), u.raw.clone());
            }
        }
    }
    let mut file = Map::new();
    file.insert("type".into(), PROJECT_TYPE.into());
    file.insert("version".into(), super::CURRENT_VERSION.into());
    file.insert("source".into(), super::SOURCE.into());
    file.insert("project".into(), Value::Object(body));
    serde_json::to_string(&Value::Object(file)).expect("a JSON value serialises")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{load_project, save_project};

    fn demo_file() -> Value {
        serde_json::from_str(&save_project(&crate::demo::build(), false)).unwrap()
    }

    #[test]
    fn a_clean_file_reads_the_same_as_the_loader() {
        let text = save_project(&crate::demo::build(), false);
        let r = load_for_repair(&text).unwrap();
        assert!(r.is_clean());
        assert_eq!(r.project, load_project(&text).unwrap().value);
        assert_eq!(save_with_unreadable(&r.project, &r.unreadable), text);
    }

    #[test]
    fn a_bad_record_is_set_aside_and_written_back_untouched() {
        let mut file = demo_file();
        let flows = file["project"]["flows"].as_array_mut().unwrap();
        let n = flows.len();
        flows[2]["quantity"] = Value::String("beaucoup".into());
        flows[5]["colour"] = Value::String("vert".into());
        file["project"]["extra"] = Value::Bool(true);
        let text = file.to_string();
        assert!(load_project(&text).is_err(), "the normal loader refuses it");

        let r = load_for_repair(&text).unwrap();
        assert_eq!(r.project.flows.len(), n - 2, "every other flow is read");
        let places: Vec<String> = r.unreadable.iter().map(Unreadable::path).collect();
        assert_eq!(places, vec!["extra", "flows[2]", "flows[5]"]);
        let flow_label = file["project"]["flows"][2]["label"].as_str().unwrap();
        assert_eq!(
            r.unreadable[1].name_in(Lang::Fr),
            format!("« {flow_label} »")
        );
        assert_eq!(r.unreadable[0].name_in(Lang::En), "extra");
        let why = r.unreadable[1].why.message_in(Lang::Fr);
        assert_eq!(
            why,
            "quantité (quantity) : on attend une quantité { value, unit, period }, le fichier donne le texte « beaucoup »"
        );
        // A field the flow does not have is named, with those it has.
        let why = r.unreadable[2].why.message_in(Lang::En);
        assert!(
            why.starts_with("Symbiose has no field \"colour\" here; possible fields: id, actor"),
            "{why}"
        );
        assert!(r.problems.is_empty());

        // Saved as it is, the file is the same records in the same places.
        let saved: Value =
            serde_json::from_str(&save_with_unreadable(&r.project, &r.unreadable)).unwrap();
        assert_eq!(saved["project"], file["project"]);
    }

    #[test]
    fn rule_breaking_records_open_with_their_problems() {
        let mut file = demo_file();
        file["project"]["actors"][0]["position"]["lon"] = (-700.0).into();
        file["project"]["flows"][0]["actor"] = "a-404".into();
        let r = load_for_repair(&file.to_string()).unwrap();
        assert!(r.unreadable.is_empty());
        let paths: Vec<&str> = r.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, vec!["flows[0].actor", "actors[0].position"]);
        assert_eq!(r.project.actors[0].position.unwrap().lon, -700.0);
    }

    #[test]
    fn a_second_record_with_a_taken_id_waits_aside() {
        let mut file = demo_file();
        let actors = file["project"]["actors"].as_array_mut().unwrap();
        let copy = actors[0].clone();
        actors.push(copy);
        let r = load_for_repair(&file.to_string()).unwrap();
        assert_eq!(r.unreadable.len(), 1);
        assert!(matches!(&r.unreadable[0].why, Why::DuplicateId(_)));
        assert!(
            r.unreadable[0]
                .why
                .message_in(Lang::Fr)
                .contains("déjà pris")
        );
        assert!(r.problems.is_empty(), "{:?}", r.problems);
    }

    #[test]
    fn a_corrected_part_goes_back_through_a_checked_command() {
        let mut file = demo_file();
        file["project"]["flows"][2]["quantity"] = Value::String("beaucoup".into());
        let r = load_for_repair(&file.to_string()).unwrap();
        let mut p = r.project.clone();
        let u = &r.unreadable[0];
        let mut fixed = u.raw.clone();
        fixed["quantity"] = serde_json::json!({"value": 3.5, "unit": "t", "period": "year"});
        let cmd = reinsert(&p, &u.key, u.index, &fixed.to_string()).unwrap();
        crate::edit::apply(&mut p, cmd).unwrap();
        assert_eq!(p.flows.len(), r.project.flows.len() + 1);
        assert_eq!(p.flows[2].quantity.unwrap().value, 3.5, "back in its place");
        assert!(crate::validate::validate(&p).errors.is_empty());

        // Still wrong: the reader says where.
        let err = reinsert(&p, "flows", Some(2), &u.raw.to_string()).unwrap_err();
        assert!(
            matches!(&err, Why::BadValue { path, .. } if path.starts_with("quantity")),
            "{err:?}"
        );
        // Read, but refused by the record rules when applied.
        let mut bad = fixed.clone();
        bad["id"] = "f-900".into();
        bad["quality"] = serde_json::json!({"purity_percent": 140.0});
        let cmd = reinsert(&p, "flows", Some(0), &bad.to_string()).unwrap();
        assert!(crate::edit::apply(&mut p, cmd).is_err());
        assert!(reinsert(&p, "extra", None, "1").is_err());
    }

    #[test]
    fn what_is_not_a_project_stays_refused() {
        assert!(matches!(
            load_for_repair("{\"type\": \"autre\"}"),
            Err(LoadError::NotSymbiose { .. })
        ));
        assert!(matches!(
            load_for_repair("{\"type\":\"symbiose-project\",\"version\":1,\"project\":[]}"),
            Err(LoadError::Shape { .. })
        ));
        let too_new = "{\"type\":\"symbiose-project\",\"version\":99,\"project\":{}}";
        assert!(matches!(
            load_for_repair(too_new),
            Err(LoadError::TooNew { .. })
        ));
    }
}
