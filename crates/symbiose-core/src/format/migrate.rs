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

pub type Step = fn(Value) -> Result<Value, String>;

/// No migration yet: version 1 is the first of each kind.
pub const PROJECT_STEPS: &[Step] = &[];
pub const QUESTIONNAIRE_STEPS: &[Step] = &[];
pub const ROADMAP_STEPS: &[Step] = &[];

/// Runs the steps from `from` up to the last one.
pub fn to_current(mut body: Value, from: u32, steps: &[Step]) -> Result<Value, LoadError> {
    let start = usize::try_from(from.saturating_sub(1)).unwrap_or(usize::MAX);
    for (i, step) in steps.iter().enumerate().skip(start) {
        let version = u32::try_from(i + 1).unwrap_or(u32::MAX);
        body = step(body).map_err(|detail| LoadError::Migration {
            from: version,
            detail,
        })?;
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A pretend v1 → v2 step: `flows[].qty` became `flows[].quantity`.
    fn rename_qty(mut v: Value) -> Result<Value, String> {
        let flows = v
            .get_mut("flows")
            .and_then(Value::as_array_mut)
            .ok_or("flows missing")?;
        for f in flows {
            let obj = f.as_object_mut().ok_or("a flow is not an object")?;
            if let Some(q) = obj.remove("qty") {
                obj.insert("quantity".into(), q);
            }
        }
        Ok(v)
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
