//! The roadmap file: round trip through a project without roadmap, errors in both languages.

use serde_json::Value;
use symbiose_core::edit::{self, Command};
use symbiose_core::export::roadmap::{
    self, ROADMAP_TYPE, RoadmapError, load_roadmap, merge_roadmap, save_roadmap,
};
use symbiose_core::format::LoadError;
use symbiose_core::format::envelope::ROADMAP;
use symbiose_core::{ActorId, Lang, Project, Territory, UserMessage, demo, format};

/// The demo with every part a roadmap carries emptied, and the programme fields at default.
fn without_roadmap(p: &Project) -> Project {
    Project {
        synergies: vec![],
        actions: vec![],
        targets: vec![],
        measurements: vec![],
        workshops: vec![],
        territory: Territory {
            kind: p.territory.kind,
            communes: p.territory.communes.clone(),
            epci: p.territory.epci.clone(),
            perimeter: p.territory.perimeter.clone(),
            notes: p.territory.notes.clone(),
            ..Territory::default()
        },
        ..p.clone()
    }
}

#[test]
fn round_trip_into_a_project_without_roadmap() {
    let original = demo::build();
    // The fixture must exercise every part, or the round trip proves little.
    assert!(!original.synergies.is_empty() && !original.actions.is_empty());
    assert!(!original.targets.is_empty() && !original.measurements.is_empty());
    assert!(!original.workshops.is_empty() && !original.territory.funders.is_empty());

    let text = save_roadmap(&original);
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        (&json["type"], &json["version"]),
        (&ROADMAP_TYPE.into(), &ROADMAP.version.into())
    );
    assert!(json["roadmap"].get("actors").is_none() && json["roadmap"].get("flows").is_none());
    assert!(!text.contains(original.actors[0].siret.as_ref().unwrap().as_str()));

    let parts = load_roadmap(&text).unwrap();
    assert_eq!(parts, roadmap::extract(&original));
    let mut project = without_roadmap(&original);
    assert_ne!(project, original);
    let command = merge_roadmap(&project, parts).unwrap();
    assert!(matches!(command, Command::Batch(_)));
    let undo = edit::apply(&mut project, command).unwrap();
    assert_eq!(project, original);
    edit::apply(&mut project, undo).unwrap();
    assert_eq!(
        project,
        without_roadmap(&original),
        "one undo step restores it all"
    );
}

#[test]
fn merging_replaces_what_the_project_had() {
    let original = demo::build();
    let mut colleague = original.clone();
    colleague.synergies.truncate(1);
    colleague.synergies[0].title = "Titre revu en atelier".into();
    colleague.actions.retain(|a| a.synergy.is_none());
    colleague.targets.reverse();
    colleague.territory.facilitator = "Nouvelle animatrice".into();
    let parts = load_roadmap(&save_roadmap(&colleague)).unwrap();

    let mut project = original.clone();
    let command = merge_roadmap(&project, parts).unwrap();
    edit::apply(&mut project, command).unwrap();
    assert_eq!(project, colleague);
    assert_eq!(
        project.actors, original.actors,
        "the inventory is untouched"
    );
}

#[test]
fn a_roadmap_for_another_project_is_refused_with_nothing_changed() {
    let original = demo::build();
    let parts = load_roadmap(&save_roadmap(&original)).unwrap();
    let mut other = without_roadmap(&original);
    other
        .actors
        .retain(|a| a.id != original.synergies[0].actors[0]);
    other
        .flows
        .retain(|f| other.actors.iter().any(|a| a.id == f.actor));
    let err = merge_roadmap(&other, parts).unwrap_err();
    assert!(matches!(err, RoadmapError::Conflict(_)), "{err:?}");
    assert!(
        err.message_in(Lang::Fr)
            .contains("ne correspond pas à ce projet")
    );
    assert!(
        err.message_in(Lang::En)
            .contains("does not fit this project")
    );
}

#[test]
fn errors_name_the_problem_in_both_languages() {
    let project_file = format::save_project(&demo::build(), false);
    let err = load_roadmap(&project_file).unwrap_err();
    assert_eq!(
        err,
        RoadmapError::File(LoadError::WrongKind {
            found: "symbiose-project".into(),
            expected: "symbiose-roadmap"
        })
    );
    assert!(err.message_in(Lang::Fr).contains("« symbiose-project »"));
    assert!(err.message_in(Lang::En).contains("Open project"));

    let (now, next) = (ROADMAP.version, ROADMAP.version + 1);
    let newer = save_roadmap(&demo::build()).replacen(
        &format!("\"version\": {now}"),
        &format!("\"version\": {next}"),
        1,
    );
    let err = load_roadmap(&newer).unwrap_err();
    assert_eq!(
        err,
        RoadmapError::File(LoadError::TooNew {
            version: next,
            newest: now
        })
    );
    // A v1 file (no checklist could be in it) still loads.
    let older =
        save_roadmap(&demo::build()).replacen(&format!("\"version\": {now}"), "\"version\": 1", 1);
    assert!(load_roadmap(&older).is_ok());
    assert!(
        err.message_in(Lang::Fr)
            .contains("mettez l'application à jour")
    );

    let err = load_roadmap("{\"type\": \"symbiose-roadmap\",").unwrap_err();
    assert!(
        matches!(&err, RoadmapError::File(LoadError::Malformed(fault)) if fault.line == 1),
        "{err:?}"
    );

    let bad_stage = save_roadmap(&demo::build()).replacen("\"stage\": \"", "\"stage\": \"x", 1);
    let err = load_roadmap(&bad_stage).unwrap_err();
    let RoadmapError::File(LoadError::Shape { path, .. }) = &err else {
        panic!("{err:?}")
    };
    // Fields are written in the model's order: the synergy's stage comes before its history.
    assert_eq!(path, "roadmap.synergies[0].stage");
    // Said in words, with the path for whoever mends the file by hand, and the stages it takes.
    let message = err.message_in(Lang::En);
    assert!(
        message.starts_with("synergy 1 › stage (roadmap.synergies[0].stage): \"x")
            && message.contains("is not a possible value; possible values: "),
        "{message}"
    );

    let mut p = demo::build();
    p.workshops[0].participants.push(ActorId::new("a-999"));
    assert!(matches!(
        merge_roadmap(&demo::build(), roadmap::extract(&p)),
        Err(RoadmapError::Conflict(_))
    ));

    // Refused by the record rules: reported with its path before anything changes.
    let mut p = demo::build();
    p.actions[0].end = Some("2000-01-01".parse().unwrap());
    let err = merge_roadmap(&demo::build(), roadmap::extract(&p)).unwrap_err();
    let RoadmapError::Invalid(problems) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "actions[0].end");
    assert!(
        err.message_in(Lang::Fr)
            .contains("(actions[0].end) : fin avant le début")
    );
    assert!(
        err.message_in(Lang::En)
            .contains("(actions[0].end): ends before it starts")
    );
}
