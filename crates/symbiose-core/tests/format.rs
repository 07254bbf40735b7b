//! The file format from the outside: fixtures of every version, round trips, and every kind of
//! bad input refused with a message that says where.

use symbiose_core::format::{self, CURRENT_VERSION, LoadError, MAX_BYTES};
use symbiose_core::{Lang, Project, UserMessage};

fn fixture(version: u32) -> Option<String> {
    let path = format!(
        "{}/tests/fixtures/format-v{version}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).ok()
}

#[test]
fn every_version_has_a_fixture_that_loads_into_the_current_model() {
    for v in 1..=CURRENT_VERSION {
        let text = fixture(v).unwrap_or_else(|| {
            panic!("tests/fixtures/format-v{v}.json is missing: add one for each version")
        });
        let loaded = format::load_project(&text)
            .unwrap_or_else(|e| panic!("v{v}: {}", e.message_in(Lang::En)));
        assert_eq!(loaded.migrated_from, (v < CURRENT_VERSION).then_some(v));
        assert_eq!(loaded.value.actors.len(), 2);
        // The fixture's second actor has no SIRET or address: fine, and a warning-free load
        // would mean the validator stopped looking.
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    }
}

#[test]
fn save_then_load_gives_the_same_project() {
    let p = format::load_project(&fixture(1).unwrap()).unwrap().value;
    for pretty in [true, false] {
        let text = format::save_project(&p, pretty);
        assert_eq!(format::load_project(&text).unwrap().value, p);
    }
    let demo = symbiose_core::demo::project();
    assert_eq!(
        format::load_project(&format::save_project(&demo, false))
            .unwrap()
            .value,
        demo
    );
}

fn load_err(text: &str) -> LoadError {
    format::load_project(text)
        .err()
        .unwrap_or_else(|| panic!("should be refused: {text:.120}"))
}

fn with_project(project: serde_json::Value) -> String {
    serde_json::json!({"type": "symbiose-project", "version": 1, "source": "test", "project": project}).to_string()
}

#[test]
fn bad_inputs_are_refused_with_their_location() {
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "malformed",
            r#"{"type": "symbiose-project", "version": 1, "project": {"#.into(),
            "ligne 1",
        ),
        (
            "geojson",
            r#"{"type": "FeatureCollection", "features": []}"#.into(),
            "pas un fichier Symbiose",
        ),
        ("array", "[1, 2, 3]".into(), "pas un fichier Symbiose"),
        (
            "no type",
            r#"{"version": 1, "project": {}}"#.into(),
            "pas un fichier Symbiose",
        ),
        (
            "questionnaire as project",
            r#"{"type": "symbiose-questionnaire", "version": 1, "questionnaire": {}}"#.into(),
            "symbiose-questionnaire",
        ),
        (
            "newer",
            r#"{"type": "symbiose-project", "version": 99, "project": {}}"#.into(),
            "plus récente",
        ),
        (
            "bad version",
            r#"{"type": "symbiose-project", "version": "un", "project": {}}"#.into(),
            "Version",
        ),
        (
            "no body",
            r#"{"type": "symbiose-project", "version": 1}"#.into(),
            "« project »",
        ),
        (
            "text quantity",
            with_project(serde_json::json!({"actors": [{"id": "a-1", "name": "A"}],
            "flows": [{"id": "f-1", "actor": "a-1", "quantity": {"value": "beaucoup", "unit": "t"}}]})),
            "project.flows[0].quantity.value",
        ),
        (
            "unknown unit",
            with_project(serde_json::json!({"actors": [{"id": "a-1", "name": "A"}],
            "flows": [{"id": "f-1", "actor": "a-1", "quantity": {"value": 1, "unit": "furlong"}}]})),
            "project.flows[0].quantity.unit",
        ),
        (
            "bad siret",
            with_project(
                serde_json::json!({"actors": [{"id": "a-1", "name": "A", "siret": "12345678901234"}]}),
            ),
            "project.actors[0].siret",
        ),
        (
            "bad date",
            with_project(
                serde_json::json!({"measurements": [{"indicator": "jobs", "date": "2026-02-30", "value": 1}]}),
            ),
            "project.measurements[0].date",
        ),
        (
            "unknown field",
            with_project(
                serde_json::json!({"actors": [{"id": "a-1", "name": "A", "color": "red"}]}),
            ),
            "project.actors[0]",
        ),
        (
            "negative",
            with_project(serde_json::json!({"actors": [{"id": "a-1", "name": "A"}],
            "flows": [{"id": "f-1", "actor": "a-1", "quantity": {"value": -3, "unit": "t"}}]})),
            "(flows[0].quantity) : valeur négative",
        ),
        (
            "dangling",
            with_project(serde_json::json!({"flows": [{"id": "f-1", "actor": "a-404"}]})),
            "(flows[0].actor) : entreprise « a-404 » inexistante",
        ),
        (
            "duplicate ids",
            with_project(
                serde_json::json!({"actors": [{"id": "a-1", "name": "A"}, {"id": "a-1", "name": "B"}]}),
            ),
            "actors[1].id",
        ),
        (
            "abandoned",
            with_project(serde_json::json!({"synergies": [{"id": "s-1", "stage": "abandoned"}]})),
            "synergies[0].abandon_reason",
        ),
    ];
    for (name, text, expected) in cases {
        let message = load_err(&text).message_in(Lang::Fr);
        assert!(
            message.contains(expected),
            "{name}: «{message}» lacks «{expected}»"
        );
        assert!(!load_err(&text).message_in(Lang::En).is_empty());
    }
}

#[test]
fn every_problem_is_listed_not_just_the_first() {
    let text = with_project(serde_json::json!({
        "actors": [{"id": "a-1", "name": ""}, {"id": "a-1", "name": "B"}],
        "flows": [{"id": "f-1", "actor": "a-9", "quantity": {"value": -1, "unit": "t"}}]
    }));
    let LoadError::Invalid(problems) = load_err(&text) else {
        panic!("expected validation errors")
    };
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    for expected in [
        "actors[1].id",
        "flows[0].actor",
        "actors[0].name",
        "flows[0].quantity",
    ] {
        assert!(
            paths.contains(&expected),
            "{expected} missing from {paths:?}"
        );
    }
}

#[test]
fn unknown_codes_are_warnings_and_the_data_is_kept() {
    let text = with_project(serde_json::json!({
        "actors": [{"id": "a-1", "name": "A", "naf": "99.99Q", "position": {"lat": 42.6, "lon": 9.4}}],
        "flows": [{"id": "f-1", "actor": "a-1", "family": "waste", "waste_code": "999999"}]
    }));
    let loaded = format::load_project(&text).unwrap();
    assert_eq!(loaded.value.actors[0].naf.as_deref(), Some("99.99Q"));
    assert_eq!(loaded.value.flows[0].waste_code.as_deref(), Some("999999"));
    let paths: Vec<&str> = loaded.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(paths, vec!["actors[0].naf", "flows[0].waste_code"]);
}

#[test]
fn an_oversize_file_is_refused_before_parsing() {
    let big = " ".repeat(50 * 1024 * 1024);
    assert!(big.len() > MAX_BYTES);
    // The size is checked before any parsing: the error says so, whatever the content.
    assert!(matches!(
        format::load_project(&big),
        Err(LoadError::TooLarge { .. })
    ));
    assert!(
        load_err(&big)
            .message_in(Lang::Fr)
            .contains("trop volumineux")
    );
}

#[test]
fn questionnaires_round_trip_and_their_flows_belong_to_their_actor() {
    let p: Project = format::load_project(&fixture(1).unwrap()).unwrap().value;
    let q = symbiose_core::edit::questionnaire::extract_questionnaire(&p, &p.actors[0].id).unwrap();
    let text = format::save_questionnaire(&q);
    assert_eq!(format::load_questionnaire(&text).unwrap().value, q);
    assert!(
        format::load_project(&text).is_err(),
        "a questionnaire is not a project"
    );
    let mut bad = q.clone();
    bad.flows[0].actor = symbiose_core::ActorId::new("a-2");
    let err = format::load_questionnaire(&format::save_questionnaire(&bad)).unwrap_err();
    assert!(
        err.message_in(Lang::Fr).contains("flows[0].actor"),
        "{}",
        err.message_in(Lang::Fr)
    );
}

#[test]
fn computed_numbers_survive_save_and_load_bit_for_bit() {
    // serde_json's default float parsing is not exact: without `float_roundtrip`, about one value
    // in ten below 12,345 came back one step off, and a reloaded project differed from the saved one.
    let mut p = format::load_project(&fixture(1).unwrap()).unwrap().value;
    let mut x = 0.0_f64;
    for i in 0..p.flows.len() {
        for _ in 0..2_000 {
            x += 12_345.678 / 2_000_001.0 * 7.0;
            p.flows[i].cost_eur_per_unit = Some(x);
            let again = format::load_project(&format::save_project(&p, false))
                .unwrap()
                .value;
            assert_eq!(again, p, "{x:?} changed on reload");
        }
    }
    // The input found by fuzzing: a long mantissa that read differently the second time.
    p.actions[0].investment_eur = Some(12000444444444444444444444444444444444444444444444444.0);
    let once = format::load_project(&format::save_project(&p, false))
        .unwrap()
        .value;
    assert_eq!(
        format::load_project(&format::save_project(&once, false))
            .unwrap()
            .value,
        once
    );
}

/// JSON that parsers disagree on: each is refused with where, never read one way here and
/// another way elsewhere.
#[test]
fn ambiguous_or_hostile_json_is_refused_with_its_place() {
    let deep = format!(
        r#"{{"type": "symbiose-project", "version": 1, "project": {{"actors": [{{"id": "a-1", "name": "A", "tags": {}{}}}]}}}}"#,
        "[".repeat(5_000),
        "]".repeat(5_000)
    );
    let cases: Vec<(&str, String, &str)> =
        vec![
        (
            "duplicate key",
            r#"{"type": "symbiose-project", "version": 1, "project": {"name": "A", "name": "B"}}"#
                .into(),
            "la clé « name » apparaît deux fois dans le même objet, ligne 1",
        ),
        ("deep nesting", deep, "plus de 128 niveaux imbriqués, ligne 1"),
        (
            "NaN",
            with_project(serde_json::json!({"actors": [{"id": "a-1", "name": "A"}]}))
                .replace("\"name\":\"A\"", "\"name\":\"A\",\"lat\":NaN"),
            "erreur de syntaxe, ligne 1",
        ),
        (
            "Infinity",
            with_project(serde_json::json!({"actors": [{"id": "a-1", "name": "A"}]}))
                .replace("\"name\":\"A\"", "\"name\":\"A\",\"lat\":Infinity"),
            "erreur de syntaxe, ligne 1",
        ),
        (
            "1e400",
            with_project(serde_json::json!({"actors": [{"id": "a-1", "name": "A"}],
            "flows": [{"id": "f-1", "actor": "a-1", "quantity": {"value": 1, "unit": "t"}}]}))
            .replace("\"value\":1", "\"value\":1e400"),
            "nombre trop grand, ligne 1",
        ),
    ];
    for (name, text, expected) in cases {
        let message = load_err(&text).message_in(Lang::Fr);
        assert!(
            message.contains(expected),
            "{name}: «{message:.300}» lacks «{expected}»"
        );
        assert!(!load_err(&text).message_in(Lang::En).is_empty());
    }
}
