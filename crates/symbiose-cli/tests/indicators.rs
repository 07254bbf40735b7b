//! `symbiose indicators` on the pilot demonstration: the follow-up set by ELIPSE axis, in text
//! and in JSON, with tonnes achieved.

use std::process::Command;

const PILOT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../symbiose-core/data/demo_pilot.json"
);

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_symbiose"))
        .args(args)
        .output()
        .expect("the binary runs");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn the_pilot_lists_at_least_twenty_indicators_with_tonnes_achieved() {
    let (code, json) = run(&["indicators", PILOT, "--json"]);
    assert_eq!(code, 0, "{json}");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let set = v["elipse"].as_array().unwrap();
    assert!(set.len() >= 20, "{}", set.len());
    let value = |code: &str| {
        set.iter()
            .find(|i| i["code"] == code)
            .and_then(|i| i["value"].as_f64())
    };
    assert!(value("tonnes_per_year").unwrap() > 0.0);
    assert!(value("aids_paid_eur").unwrap() > 0.0);
    let axes: Vec<&str> = set.iter().map(|i| i["axis"].as_str().unwrap()).collect();
    assert_eq!(axes.first(), Some(&"governance"));
    assert_eq!(axes.last(), Some(&"activities_results"));

    let (code, text) = run(&["indicators", PILOT]);
    assert_eq!(code, 0);
    for line in [
        "ELIPSE : Gouvernance / Governance",
        "ELIPSE : Modèle économique / Economic model",
        "ELIPSE : Activités et résultats / Activities and results",
        "[tonnes_per_year]",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
}
