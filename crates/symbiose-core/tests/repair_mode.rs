//! A project opened in repair mode holds records that break the rules (a longitude of −700, a
//! flow of a company that is gone, an action ending before it starts, years far outside
//! 1900–2200). The app keeps showing the map, proposals, dashboard, deliverables and exports
//! while the user repairs: none of them may panic or write NaN on such a project.

use serde_json::Value;
use symbiose_core::detect::{Assumptions, detect};
use symbiose_core::factors::Factors;
use symbiose_core::format::repair::load_for_repair;
use symbiose_core::format::save_project;
use symbiose_core::kb::KnowledgeBase;
use symbiose_core::report::{Deliverable, render};
use symbiose_core::{Date, Dimension, IndicatorKind, Lang, charts, export, indicators};

fn hostile_file() -> String {
    let mut f: Value = serde_json::from_str(&save_project(&symbiose_core::demo::build(), false))
        .expect("the demo saves");
    let p = &mut f["project"];
    p["actors"][0]["position"]["lon"] = (-700.0).into();
    p["actors"][1]["position"]["lat"] = 95.0.into();
    p["flows"][0]["actor"] = "a-404".into();
    p["flows"][1]["quantity"]["value"] = (-5.0).into();
    p["flows"][2]["quantity"]["value"] = 1e300.into();
    p["synergies"][0]["flows"] = serde_json::json!(["f-404"]);
    p["synergies"][0]["stage"] = "abandoned".into();
    p["synergies"][0]["abandon_reason"] = "".into();
    p["synergies"][0]["estimated"]["eur_per_year"] = 1e300.into();
    p["actions"][0]["start"] = "2200-12-01".into();
    p["actions"][0]["end"] = "1900-01-01".into();
    p["actions"][0]["investment_eur"] = (-1e300).into();
    p["actions"][0]["synergy"] = "s-404".into();
    p["territory"]["baseline_year"] = 1500.into();
    p["targets"] = serde_json::json!([
        {"indicator": "jobs", "year": 9999, "value": 1e300},
        {"indicator": "jobs", "year": -40, "value": -3}
    ]);
    p["workshops"][0]["participants"] = serde_json::json!(["a-404"]);
    f.to_string()
}

#[test]
fn every_output_survives_a_project_under_repair() {
    let r = load_for_repair(&hostile_file()).expect("opens in repair mode");
    assert!(r.problems.len() >= 10, "{:#?}", r.problems);
    let p = &r.project;
    let d = detect(
        p,
        &Assumptions::for_project(p),
        Factors::bundled(),
        &KnowledgeBase::full(),
    );
    let today = Date::new(2026, 12, 1).unwrap();
    for lang in [Lang::Fr, Lang::En] {
        for kind in Deliverable::ALL {
            let html = render(kind, p, &d, lang, today, &[]);
            assert!(!html.contains("NaN"), "{kind:?} writes NaN");
        }
        let _ = indicators::compute(p, Factors::bundled());
        let _ = export::csv::indicators(p, Factors::bundled(), lang);
        let _ = export::csv::actors(p, lang);
        let _ = export::csv::flows(p, lang);
        let _ = export::csv::synergies(p, lang);
        let _ = export::csv::actions(p, lang);
        let _ = export::csv::measurements(p, lang);
        let _ = export::geojson::project_in(p, lang);
        let _ = export::public::anonymise_in(p, lang);
        let _ = export::roadmap::save_roadmap(p);
        for kind in IndicatorKind::ALL {
            if let Some(svg) = charts::indicator_series(p, kind, lang) {
                assert!(!svg.contains("NaN"), "{kind:?} series writes NaN");
            }
        }
        let rows = charts::investment_by_year(&p.actions).rows;
        assert!(rows.len() <= 400, "{} years of programme", rows.len());
        let gantt = charts::gantt(&p.actions, lang, Some(today));
        assert!(!gantt.contains("NaN"));
        let sankey = charts::sankey(p, Dimension::Mass, lang);
        assert!(!charts::sankey_svg(&sankey, "t", lang).contains("NaN"));
        let funnel = charts::funnel(p, d.proposals.len());
        assert!(!charts::funnel_svg(&funnel, lang).contains("NaN"));
    }
    for a in &p.actors {
        let _ = symbiose_core::neighbourhood::around(
            p,
            &a.id,
            10.0,
            symbiose_core::detect::Audience::Public,
        );
    }
}

/// Assumptions out of range in a file: the loader refuses them by path, repair mode keeps them
/// to show, and resetting them (the panel's button, `SetAssumptions` with defaults) repairs.
#[test]
fn bad_assumptions_are_refused_by_path_and_repaired_by_resetting_them() {
    let mut f: Value = serde_json::from_str(&save_project(&symbiose_core::demo::build(), false))
        .expect("the demo saves");
    f["project"]["assumptions"] = serde_json::json!({"boiler_efficiency": 7, "weights": {
        "resource": 0, "quantity": 0, "timing": 0, "distance": 0, "economics": 0, "climate": 0,
        "quality": 0}});
    let text = f.to_string();
    let refused = symbiose_core::format::load_project(&text).unwrap_err();
    let said = symbiose_core::UserMessage::message_in(&refused, Lang::Fr);
    assert!(said.contains("assumptions.boiler_efficiency"), "{said}");
    assert!(said.contains("assumptions.weights"), "{said}");
    let mut r = load_for_repair(&text).unwrap();
    let paths: Vec<&str> = r.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        ["assumptions.boiler_efficiency", "assumptions.weights"]
    );
    // Detection on the project under repair uses the defaults instead of values out of range.
    let asm = Assumptions::for_project(&r.project);
    assert_eq!(asm.boiler_efficiency, 0.9);
    assert!((asm.weights.as_array().iter().sum::<f64>() - 1.0).abs() < 1e-9);
    symbiose_core::edit::apply(
        &mut r.project,
        symbiose_core::edit::Command::SetAssumptions(Default::default()),
    )
    .unwrap();
    assert!(
        symbiose_core::validate::validate(&r.project)
            .errors
            .is_empty()
    );
}
