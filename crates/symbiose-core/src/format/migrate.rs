//! Migrations, one chain per kind of file: step `i` of a chain turns a body of version `i + 1`
//! into version `i + 2`.
//!
//! To change a file's shape: bump its `version` in `format::envelope`, append a step to its
//! chain here that rewrites the older JSON (rename, split, default a field), add a fixture of
//! the old version (`tests/fixtures/format-vN.json` for the project file), and write the change
//! in docs/FORMAT.md. Steps work on `serde_json::Value` because
//! the old Rust types no longer exist.

use serde_json::Value;

use super::LoadError;
use super::fault::{Expected, Fault, Found};

/// What a step could not convert: where in the file's body (`territory.communes[0]`), and what
/// was wrong there, said as a fault of the file is (`format::fault`), in French and English.
pub type StepFault = (String, Fault);
pub type Step = fn(Value) -> Result<Value, StepFault>;

/// The value at `path` is not the kind of value the older version had there.
fn not_a(path: impl Into<String>, value: &Value, expected: Expected) -> StepFault {
    let found = Found::of(value);
    (path.into(), Fault::Expected { found, expected })
}

pub const PROJECT_STEPS: &[Step] = &[project_v1_to_v2, financing_and_provenance, public_copy_mark];
pub const QUESTIONNAIRE_STEPS: &[Step] = &[financing_and_provenance, answered_from_public_copy];
pub const ROADMAP_STEPS: &[Step] = &[roadmap_v1_to_v2, financing_and_provenance];

/// v1 → v2 (2026-12-01): the territory names its communes and its EPCI, and says which kind
/// of cooperative it is.
/// - `territory.communes`: `["2B033"]` → `[{"insee": "2B033", "name": "Bastia"}]`, the name
///   from the bundled Corsican table when the code is there, else empty (the code is kept);
/// - `territory.epci_siren`: `"200036499"` → `territory.epci`: `{"siren": …, "name": …}`;
/// - `territory.kind`: `"cooperative"` → `"agricultural_cooperative"` (v1 had one cooperative
///   kind; those in EIT programmes are mostly agricultural, and the territory page changes it);
/// - the new `assumptions` object is absent, which means the territory's defaults.
fn project_v1_to_v2(mut body: Value) -> Result<Value, StepFault> {
    use crate::refdata::communes;
    let Some(territory) = body.get_mut("territory") else {
        return Ok(body);
    };
    let t = match territory {
        Value::Object(t) => t,
        other => {
            return Err(not_a(
                "territory",
                other,
                Expected::Record("Territory".into()),
            ));
        }
    };
    if let Some(list) = t.get_mut("communes") {
        let codes = list
            .as_array()
            .ok_or_else(|| not_a("territory.communes", list, Expected::List))?;
        let refs = codes
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let code = c
                    .as_str()
                    .ok_or_else(|| not_a(format!("territory.communes[{i}]"), c, Expected::Text))?;
                let name = communes::lookup(code).map_or("", |c| c.name.as_str());
                Ok(serde_json::json!({"insee": code, "name": name}))
            })
            .collect::<Result<Vec<_>, StepFault>>()?;
        *list = Value::Array(refs);
    }
    if let Some(siren) = t.remove("epci_siren")
        && !siren.is_null()
    {
        let siren = siren
            .as_str()
            .ok_or_else(|| not_a("territory.epci_siren", &siren, Expected::Text))?;
        let name = communes::all()
            .iter()
            .find(|c| c.epci_siren == siren)
            .map_or("", |c| c.epci_name.as_str());
        t.insert(
            "epci".into(),
            serde_json::json!({"siren": siren, "name": name}),
        );
    }
    if t.get("kind").and_then(Value::as_str) == Some("cooperative") {
        t.insert("kind".into(), Value::from("agricultural_cooperative"));
    }
    Ok(body)
}

/// Roadmap file v1 → v2 (2026-12-01): its synergies may carry a regulatory checklist
/// (`regulatory`); a v1 file has none, which is what an absent list means. Nothing to rewrite:
/// the version says that an older build cannot read a v2 file's checklist.
fn roadmap_v1_to_v2(body: Value) -> Result<Value, StepFault> {
    Ok(body)
}

/// Project v2 → v3, questionnaire v1 → v2, roadmap v2 → v3 (2026-12-02): financing and
/// provenance.
/// - an action may give its eligible cost (`eligible_eur`), the kind of aid (`aid_kind`) and the
///   beneficiary company's size (`beneficiary_size`); absent means not given;
/// - a funding line has a `status` (planned, requested, granted, paid, refused), its dates and
///   the amounts granted and paid when they differ; an older line is a planned one (`status`
///   absent means `planned`), which is all an older file could say;
/// - a flow may say how its figures were obtained (`provenance`), when (`collected_on`) and by
///   whom (`collected_by`); absent means nobody said.
///
/// Nothing to rewrite: every new field has a default that means "not given". The version says
/// that an older build cannot read them (it refuses unknown fields rather than drop them).
fn financing_and_provenance(body: Value) -> Result<Value, StepFault> {
    Ok(body)
}

/// Project v3 → v4 (2026-12-02): a public copy says it is one (`public_copy: true`, written
/// by `export::public::anonymise`), so the app opens it in the company explorer rather than the
/// facilitator's workspace; a workshop keeps the ideas the room put forward (`ideas`, the
/// workshop mode's record). Nothing to rewrite: an older file is a working project (absent
/// means false) and its workshops noted no ideas. The version says that an older build cannot
/// read them.
fn public_copy_mark(body: Value) -> Result<Value, StepFault> {
    Ok(body)
}

/// Questionnaire v2 → v3 (2026-12-03): a questionnaire answered from a public copy says so
/// (`from_public_copy: true`), so the merge completes the same company rather than adding one
/// under the copy's public name. Nothing to rewrite: an older file was made from the working
/// project (absent means false). The version says that an older build cannot read it.
fn answered_from_public_copy(body: Value) -> Result<Value, StepFault> {
    Ok(body)
}

/// Runs the steps from `from` up to the last one.
pub fn to_current(mut body: Value, from: u32, steps: &[Step]) -> Result<Value, LoadError> {
    let start = usize::try_from(from.saturating_sub(1)).unwrap_or(usize::MAX);
    for (i, step) in steps.iter().enumerate().skip(start) {
        let version = u32::try_from(i + 1).unwrap_or(u32::MAX);
        body = step(body).map_err(|(path, fault)| LoadError::Migration {
            from: version,
            path,
            fault,
        })?;
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A pretend v1 → v2 step: `flows[].qty` became `flows[].quantity`.
    fn rename_qty(mut v: Value) -> Result<Value, StepFault> {
        let flows = v
            .get_mut("flows")
            .and_then(Value::as_array_mut)
            .ok_or_else(|| ("flows".to_string(), Fault::Missing("flows".into())))?;
        for (i, f) in flows.iter_mut().enumerate() {
            let obj = match f {
                Value::Object(obj) => obj,
                other => {
                    return Err(not_a(
                        format!("flows[{i}]"),
                        other,
                        Expected::Record("Flow".into()),
                    ));
                }
            };
            if let Some(q) = obj.remove("qty") {
                obj.insert("quantity".into(), q);
            }
        }
        Ok(v)
    }

    #[test]
    fn v1_territory_gets_named_communes_and_epci() {
        let v1 = json!({"territory": {
            "kind": "cooperative",
            "communes": ["2B037", "69123"],
            "epci_siren": "200036499"
        }});
        let v2 = to_current(v1, 1, PROJECT_STEPS).unwrap();
        assert_eq!(
            v2,
            json!({"territory": {
                "kind": "agricultural_cooperative",
                "communes": [
                    {"insee": "2B037", "name": "Biguglia"},
                    {"insee": "69123", "name": ""}
                ],
                "epci": {"siren": "200036499", "name": "CC de Marana-Golo"}
            }})
        );
        // A body without a territory, or with a null EPCI, passes.
        assert_eq!(
            to_current(json!({"name": "x"}), 1, PROJECT_STEPS).unwrap(),
            json!({"name": "x"})
        );
        // A v1 file that was not v1's shape says where, in words, in French and English.
        let bad = to_current(
            json!({"territory": {"communes": ["2B037", 3]}}),
            1,
            PROJECT_STEPS,
        )
        .unwrap_err();
        assert!(
            matches!(&bad, LoadError::Migration { from: 1, path, .. } if path == "territory.communes[1]")
        );
        use crate::UserMessage;
        let fr = bad.message().fr;
        assert!(
            fr.starts_with("Conversion depuis la version 1 impossible : "),
            "{fr}"
        );
        assert!(fr.contains("un texte entre guillemets"), "{fr}");
        assert!(fr.contains("(territory.communes[1])"), "{fr}");
        assert!(
            bad.message().en.contains("a text in quotes"),
            "{}",
            bad.message().en
        );
    }

    #[test]
    fn steps_run_from_the_file_version_on() {
        let steps: &[Step] = &[rename_qty];
        let v1 = json!({"flows": [{"qty": 3}]});
        assert_eq!(
            to_current(v1, 1, steps).unwrap(),
            json!({"flows": [{"quantity": 3}]})
        );
        let v2 = json!({"flows": [{"qty": 3}]});
        assert_eq!(
            to_current(v2.clone(), 2, steps).unwrap(),
            v2,
            "a v2 body skips the v1 step"
        );
        let err = to_current(json!({}), 1, steps).unwrap_err();
        assert!(matches!(err, LoadError::Migration { from: 1, .. }));
    }
}
