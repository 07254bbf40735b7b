use super::*;
use crate::model::*;

#[test]
fn problems_read_well_in_both_languages() {
    let p = Problem::new("flows[12].quantity", "valeur négative", "negative value");
    assert_eq!(
        p.to_string_in(Lang::Fr),
        "flux n° 13 › quantité (flows[12].quantity) : valeur négative"
    );
    assert_eq!(
        p.to_string_in(Lang::En),
        "flow 13 › quantity (flows[12].quantity): negative value"
    );
    // A path with no other words is said as it is.
    let p = Problem::new("mystery", "x", "x");
    assert_eq!(p.to_string_in(Lang::En), "mystery: x");
}

#[test]
fn roadmap_and_quality_checks() {
    let d = |s: &str| s.parse::<Date>().unwrap();
    let p = Project {
        actors: vec![Actor {
            id: ActorId::new("a-1"),
            name: "A".into(),
            position: Some(Position::new(200.0, 0.0)),
            ..Default::default()
        }],
        flows: vec![Flow {
            id: FlowId::new("f-1"),
            actor: ActorId::new("a-1"),
            quality: Quality {
                purity_percent: Some(140.0),
                ..Default::default()
            },
            months: Months::from_numbers([]),
            ..Default::default()
        }],
        actions: vec![RoadmapAction {
            id: ActionId::new("r-1"),
            start: Some(d("2026-05-01")),
            end: Some(d("2026-01-01")),
            ..Default::default()
        }],
        ..Default::default()
    };
    let r = validate(&p);
    let paths: Vec<&str> = r.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "actors[0].position",
            "flows[0].quality.purity_percent",
            "flows[0].months",
            "actions[0].end"
        ]
    );
}

#[test]
fn questionnaire_paths_name_the_actor() {
    let q = Questionnaire {
        actor: Actor {
            id: ActorId::new("a-1"),
            name: " ".into(),
            ..Default::default()
        },
        ..Default::default()
    };
    let r = validate_questionnaire(&q);
    assert_eq!(r.errors[0].path, "actor.name");
}

#[test]
fn every_record_kind_bounds_its_texts_years_and_numbers() {
    let long = "x".repeat(rules::limits::TEXT_CHARS + 1);
    let d = |s: &str| s.parse::<Date>().unwrap();
    let mut p = crate::demo::build();
    assert!(validate(&p).errors.is_empty(), "the demo is valid");
    p.name = "n".repeat(rules::limits::NAME_CHARS + 1);
    p.territory.baseline_year = Some(1500);
    p.territory.notes = long.clone();
    p.actors[0].notes = long.clone();
    p.actors[1].tags = vec!["t".into(); rules::limits::LIST_ITEMS + 1];
    p.flows[0].label = "l".repeat(rules::limits::NAME_CHARS + 1);
    p.flows[1].quality.temperature_c = Some(1e9);
    p.synergies[0].next_step = long.clone();
    p.actions[0].start = Some(d("2300-01-01"));
    p.actions[0].end = Some(d("2300-02-01"));
    p.actions[0].investment_eur = Some(-5.0);
    p.targets.push(Target {
        indicator: IndicatorKind::Jobs,
        year: 9999,
        value: 1.0,
    });
    p.measurements[0].note = "m".repeat(rules::limits::NAME_CHARS + 1);
    p.workshops[0].decisions = vec![long];
    p.workshops[0].id = WorkshopId::new("w".repeat(rules::limits::ID_CHARS + 1));
    let r = validate(&p);
    let paths: Vec<&str> = r.errors.iter().map(|e| e.path.as_str()).collect();
    for expected in [
        "name",
        "territory.baseline_year",
        "territory.notes",
        "actors[0].notes",
        "actors[1].tags",
        "flows[0].label",
        "flows[1].quality.temperature_c",
        "synergies[0].next_step",
        "actions[0].start",
        "actions[0].end",
        "actions[0].investment_eur",
        "measurements[0].note",
        "workshops[0].id",
        "workshops[0].decisions[0]",
    ] {
        assert!(
            paths.contains(&expected),
            "{expected} missing from {paths:?}"
        );
    }
    assert!(
        paths
            .iter()
            .any(|p| p.starts_with("targets[") && p.ends_with(".year"))
    );
    assert!(
        r.errors[0]
            .message
            .fr
            .contains("301 caractères, au plus 300"),
        "{:?}",
        r.errors[0]
    );
}

#[test]
fn limits_are_on_characters_not_bytes() {
    let mut p = crate::demo::build();
    p.name = "é".repeat(rules::limits::NAME_CHARS);
    assert!(validate(&p).errors.is_empty(), "300 accented letters fit");
}

#[test]
fn a_click_on_a_repeated_world_wraps_to_the_same_place() {
    let wrap = |lat, lon| rules::wrap_position(Position::new(lat, lon));
    let p = wrap(42.6, 9.44 - 720.0).unwrap();
    assert!((p.lon - 9.44).abs() < 1e-9 && p.lat == 42.6);
    assert!((wrap(42.6, 189.0).unwrap().lon + 171.0).abs() < 1e-9);
    assert_eq!(wrap(42.6, -180.0).unwrap().lon, -180.0);
    assert!(wrap(95.0, 9.0).is_none());
    assert!(wrap(f64::NAN, 9.0).is_none());
    assert!(wrap(42.6, f64::INFINITY).is_none());
}

#[test]
fn a_regulatory_checklist_answers_each_item_once() {
    let mut p = crate::demo::build();
    let entry = |item, material| ChecklistEntry {
        material,
        ..ChecklistEntry::new(item, ItemStatus::Done)
    };
    p.synergies[0].regulatory = vec![
        entry(
            ChecklistItem::MaterialStatus,
            Some(MaterialStatus::ByProduct),
        ),
        entry(ChecklistItem::WasteRegister, None),
    ];
    assert!(validate(&p).errors.is_empty());
    p.synergies[0].regulatory.push(ChecklistEntry {
        note: "x".repeat(rules::limits::TEXT_CHARS + 1),
        ..entry(ChecklistItem::WasteRegister, Some(MaterialStatus::Waste))
    });
    let r = validate(&p);
    let paths: Vec<&str> = r.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "synergies[0].regulatory[2].item",
            "synergies[0].regulatory[2].material",
            "synergies[0].regulatory[2].note"
        ]
    );
    assert!(r.errors[0].message.en.contains("twice"));
}

/// The funder's ceilings and the aid's steps, each named where it is wrong, in both languages.
#[test]
fn financing_ceilings_and_aid_steps() {
    let d = |s: &str| s.parse::<Date>().unwrap();
    let action = |eligible: f64, funding: Vec<FundingLine>| RoadmapAction {
        id: ActionId::new("r-1"),
        start: Some(d("2026-03-01")),
        investment_eur: Some(40_000.0),
        eligible_eur: Some(eligible),
        funding,
        ..Default::default()
    };
    let check = |a: RoadmapAction| {
        let mut r = Report::default();
        rules::action(&a, "actions[0]", &mut r);
        r.errors
    };
    // Within both ceilings; the companies' share is not an aid; a refused aid counts nothing.
    let fine = action(
        30_000.0,
        vec![
            FundingLine::planned(FundingSource::Ademe, 20_000.0),
            FundingLine::planned(FundingSource::Companies, 20_000.0),
            FundingLine {
                status: AidStatus::Refused,
                ..FundingLine::planned(FundingSource::Epci, 15_000.0)
            },
        ],
    );
    assert_eq!(check(fine.clone()), vec![]);
    assert_eq!(fine.aid(), 20_000.0);
    assert_eq!(fine.aid_rate(), Some(20_000.0 / 30_000.0));

    let over_cost = check(action(45_000.0, vec![]));
    assert_eq!(over_cost[0].path, "actions[0].eligible_eur");
    assert_eq!(
        over_cost[0].message.fr,
        "dépense éligible (45\u{202f}000\u{a0}€) supérieure au coût de l'action (40\u{202f}000\u{a0}€ HT)"
    );
    assert_eq!(
        over_cost[0].message.en,
        "eligible cost (45,000\u{a0}€) above the action's cost (40,000\u{a0}€ excl. VAT)"
    );

    let over_eligible = check(action(
        30_000.0,
        vec![
            FundingLine::planned(FundingSource::Ademe, 20_000.0),
            FundingLine {
                status: AidStatus::Granted,
                granted_eur: Some(12_000.0),
                ..FundingLine::planned(FundingSource::RegionalAgency, 15_000.0)
            },
        ],
    ));
    assert_eq!(over_eligible[0].path, "actions[0].funding");
    assert!(
        over_eligible[0]
            .message
            .fr
            .contains("aides (32\u{202f}000\u{a0}€)")
    );

    let backwards = check(action(
        30_000.0,
        vec![FundingLine {
            status: AidStatus::Paid,
            requested_on: Some(d("2026-04-01")),
            granted_on: Some(d("2026-03-01")),
            granted_eur: Some(10_000.0),
            paid_eur: Some(11_000.0),
            ..FundingLine::planned(FundingSource::Ademe, 10_000.0)
        }],
    ));
    let paths: Vec<&str> = backwards.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "actions[0].funding[0].paid_eur",
            "actions[0].funding[0].granted_on"
        ]
    );
    assert_eq!(
        backwards[1].message.fr,
        "date antérieure à celle de la demande (2026-04-01)"
    );
}

#[test]
fn an_action_outside_the_tracks_phases_is_kept_with_the_calls_rule() {
    let mut p = crate::demo::project();
    p.territory.track = ProgrammeTrack::Pilot;
    let r = validate(&p);
    assert!(r.is_valid());
    let phases: Vec<&Problem> = r
        .warnings
        .iter()
        .filter(|w| w.path.ends_with(".phase"))
        .collect();
    // Both demo actions are in phase 2, which a pilot territory's track does not fund.
    assert_eq!(phases.len(), 2);
    assert!(phases[0].message.fr.starts_with("phase 2 hors du parcours"));
    assert!(
        phases[0]
            .message
            .fr
            .contains("phases 3–4 (mise en œuvre, bilan)")
    );
    p.territory.track = ProgrammeTrack::NewTerritory;
    assert!(
        !validate(&p)
            .warnings
            .iter()
            .any(|w| w.path.ends_with(".phase"))
    );
}
