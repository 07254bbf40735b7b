//! `symbiose detect FILE --json` from the outside: the issue's case (kitchen waste and a goat
//! farm, paint sludge and a greenhouse) gives no forbidden proposal, and says why.

use std::process::Command;

fn detect(file: &str, extra: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_symbiose"))
        .args(["detect", file, "--json"])
        .args(extra)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on standard output")
}

fn temp(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("symbiose-cli-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

const ISSUE_CASE: &str = r#"{"type":"symbiose-project","version":1,"project":{
  "name":"Cas du ticket 14",
  "actors":[
    {"id":"a-resto","name":"Restaurant U Fornu","naf":"56.10A","commune":"2B037","position":{"lat":42.62,"lon":9.44}},
    {"id":"a-goat","name":"Élevage caprin","naf":"01.45Z","commune":"2B120","position":{"lat":42.61,"lon":9.42}},
    {"id":"a-paint","name":"Peintures Tyrrhéniennes","naf":"20.30Z","commune":"2B037","position":{"lat":42.63,"lon":9.45}},
    {"id":"a-serre","name":"Serres de Casatorra","naf":"01.13Z","commune":"2B037","position":{"lat":42.60,"lon":9.43}},
    {"id":"a-dc","name":"Datacentre de Lupino","naf":"63.11Z","commune":"2B037","position":{"lat":42.605,"lon":9.435}}
  ],
  "flows":[
    {"id":"f-kitchen","actor":"a-resto","direction":"offer","family":"waste","label":"Biodéchets de cuisine",
     "waste_code":"200108","quantity":{"value":12,"unit":"t","period":"year"}},
    {"id":"f-paint","actor":"a-paint","direction":"offer","family":"waste","label":"Boues de peinture",
     "category":"sludge","waste_code":"080114","quantity":{"value":8,"unit":"t","period":"year"}},
    {"id":"f-feed","actor":"a-goat","direction":"need","family":"matter","label":"Aliments pour chèvres",
     "category":"food_byproducts","quantity":{"value":40,"unit":"t","period":"year"}},
    {"id":"f-amend","actor":"a-serre","direction":"need","family":"matter","label":"Amendement organique",
     "category":"organic","quantity":{"value":30,"unit":"t","period":"year"}},
    {"id":"f-dc-heat","actor":"a-dc","direction":"offer","family":"energy","label":"Chaleur des serveurs",
     "category":"heat","quantity":{"value":1000,"unit":"MWh","period":"year"},"quality":{"temperature_c":45}},
    {"id":"f-serre-heat","actor":"a-serre","direction":"need","family":"energy","label":"Chauffage des serres",
     "category":"heat","quantity":{"value":1000,"unit":"MWh","period":"year"},"quality":{"temperature_c":35}}
  ]}}"#;

fn pairs(v: &serde_json::Value, list: &str) -> Vec<(String, String)> {
    v[list]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|p| {
            (
                p["offer"].as_str().unwrap_or_default().to_string(),
                p["receiver"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn no_feed_for_kitchen_waste_no_farm_for_paint_sludge() {
    let file = temp("issue14.json", ISSUE_CASE);
    let out = detect(&file, &[]);
    let proposed = pairs(&out, "proposals");
    let has = |list: &[(String, String)], o: &str, r: &str| {
        list.iter().any(|p| p == &(o.into(), r.into()))
    };
    assert!(!has(&proposed, "f-kitchen", "a-goat"), "{proposed:?}");
    assert!(!has(&proposed, "f-paint", "a-serre"), "{proposed:?}");
    assert!(!has(&proposed, "f-paint", "a-goat"), "{proposed:?}");
    // The kitchen waste may go to the greenhouse, through approved composting only.
    let greenhouse = out["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["key"] == "sub:f-kitchen:f-amend")
        .expect("kitchen waste → greenhouse compost need");
    assert!(
        greenhouse["flags"][0]["text"]["fr"]
            .as_str()
            .unwrap()
            .contains("1069/2009"),
        "{greenhouse}"
    );
    // The refusals are listed with their rule and legal reference.
    let refused = out["refused"].as_array().expect("refusals listed");
    let find = |key: &str| refused.iter().find(|r| r["key"] == key);
    let goat = find("sub:f-kitchen:f-feed").expect("kitchen waste → goat feed refused");
    assert_eq!(goat["rule"], "catering_to_feed");
    assert!(
        goat["text"]["en"]
            .as_str()
            .unwrap()
            .contains("Regulation (EC) 1069/2009, Art. 11(1)(b)")
    );
    let paint = find("sub:f-paint:f-amend").expect("paint sludge → greenhouse refused");
    assert_eq!(paint["rule"], "no_agronomic_value");
    assert!(
        paint["text"]["fr"]
            .as_str()
            .unwrap()
            .contains("arrêté du 2 février 1998")
    );
    // The territory is empty and the companies are in Corsica: the heat replaces fuel oil
    // burnt at 0.9 efficiency (1,000 ÷ 0.9 × 0.323 t), not natural gas (215 t before).
    let heat = out["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["key"] == "sub:f-dc-heat:f-serre-heat")
        .expect("datacentre heat → greenhouse heating");
    let t = heat["net_tco2e_per_year"].as_f64().unwrap();
    assert!((t - 1000.0 / 0.9 * 0.323).abs() < 1e-6, "{t}");
    let sources = out["factor_sources"].to_string();
    assert!(sources.contains("Fioul domestique (kWh PCI)"), "{sources}");
    assert!(!sources.contains("Gaz naturel"), "{sources}");
    // A public audience sees neither the refusals nor the companies behind them.
    let public = detect(&file, &["--public"]);
    assert!(public.get("refused").is_none());
}
