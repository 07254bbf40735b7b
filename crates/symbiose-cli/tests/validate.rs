//! `symbiose validate` from the outside: exit codes and what it prints.

use std::process::Command;

fn run(file: &str) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_symbiose"))
        .args(["validate", file])
        .output()
        .expect("the binary runs");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

fn temp(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("symbiose-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn a_valid_file_gives_a_one_line_summary() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../symbiose-core/tests/fixtures/format-v1.json"
    );
    let (code, text) = run(fixture);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.starts_with("valide : 2 acteurs, 2 flux, 1 synergies, 0 avertissement(s)"),
        "{text}"
    );
    let demo = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../symbiose-core/data/demo_za.json"
    );
    assert_eq!(run(demo).0, 0);
}

#[test]
fn invalid_foreign_and_newer_files_fail_listing_every_problem() {
    let invalid = temp(
        "invalid.json",
        r#"{"type":"symbiose-project","version":1,"project":{
        "actors":[{"id":"a-1","name":""}],"flows":[{"id":"f-1","actor":"a-9","quantity":{"value":-1,"unit":"t"}}]}}"#,
    );
    let (code, text) = run(&invalid);
    assert_eq!(code, 1);
    for expected in [
        "actors[0].name",
        "flows[0].actor",
        "(flows[0].quantity) : valeur négative",
        "(flows[0].quantity): negative value",
    ] {
        assert!(text.contains(expected), "{expected} missing in {text}");
    }
    let (code, text) = run(&temp(
        "geo.json",
        r#"{"type":"FeatureCollection","features":[]}"#,
    ));
    assert_eq!(code, 1);
    assert!(text.contains("pas un fichier Symbiose"), "{text}");
    let (code, text) = run(&temp(
        "new.json",
        r#"{"type":"symbiose-project","version":7,"project":{}}"#,
    ));
    assert_eq!(code, 1);
    assert!(text.contains("plus récente"), "{text}");
    assert_eq!(run("/nonexistent/file.json").0, 1);
}

#[test]
fn the_published_schema_is_the_generated_one() {
    let out = Command::new(env!("CARGO_BIN_EXE_symbiose"))
        .arg("schema")
        .output()
        .unwrap();
    let generated = String::from_utf8(out.stdout).unwrap();
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/project.schema.json"
    ))
    .expect("docs/project.schema.json exists");
    assert!(
        generated == committed,
        "docs/project.schema.json is stale: run `cargo run -p symbiose-cli -- schema > docs/project.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&generated).unwrap();
    assert!(
        schema["$defs"]["Flow"]["properties"]["waste_code"].is_object(),
        "flows are described field by field"
    );
}
