use super::*;
use crate::model::*;

#[test]
fn problems_read_well_in_both_languages() {
    let p = Problem::new("flows[12].quantity", "valeur négative", "negative value");
    assert_eq!(
        p.to_string_in(Lang::Fr),
        "flows[12].quantity : valeur négative"
    );
    assert_eq!(
        p.to_string_in(Lang::En),
        "flows[12].quantity: negative value"
    );
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
