use super::questionnaire::{
    ActorMatch, FlowOutcome, Resolution, blank_questionnaire, extract_questionnaire, plan_merge,
};
use super::*;
use crate::UserMessage;
use crate::model::*;

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// A small project with every kind of record and every kind of reference between them.
fn project() -> Project {
    let actor = |i: u32, name: &str| Actor {
        id: ActorId::new(format!("a-{i}")),
        name: name.into(),
        position: Some(Position::new(42.6 + f64::from(i) / 1000.0, 9.44)),
        ..Default::default()
    };
    let flow = |i: u32, a: u32, dir| Flow {
        id: FlowId::new(format!("f-{i}")),
        actor: ActorId::new(format!("a-{a}")),
        direction: dir,
        label: format!("flux {i}"),
        ..Default::default()
    };
    Project {
        name: "Zone".into(),
        actors: vec![
            actor(1, "Scierie"),
            actor(2, "Serres"),
            actor(3, "Brasserie"),
        ],
        flows: vec![
            flow(1, 1, Direction::Offer),
            flow(2, 2, Direction::Need),
            flow(3, 1, Direction::Offer),
            flow(4, 3, Direction::Offer),
        ],
        synergies: vec![Synergy {
            id: SynergyId::new("s-1"),
            title: "Chaufferie bois".into(),
            flows: vec![FlowId::new("f-1"), FlowId::new("f-2")],
            actors: vec![ActorId::new("a-1"), ActorId::new("a-2")],
            ..Default::default()
        }],
        actions: vec![RoadmapAction {
            id: ActionId::new("r-1"),
            title: "Étude".into(),
            synergy: Some(SynergyId::new("s-1")),
            ..Default::default()
        }],
        targets: vec![Target {
            indicator: IndicatorKind::TonnesPerYear,
            year: 2027,
            value: 100.0,
        }],
        measurements: vec![Measurement {
            indicator: IndicatorKind::TonnesPerYear,
            date: date("2026-06-30"),
            value: 12.0,
            note: String::new(),
        }],
        workshops: vec![Workshop {
            id: WorkshopId::new("w-1"),
            participants: vec![ActorId::new("a-1"), ActorId::new("a-3")],
            ..Default::default()
        }],
        activities: vec![Activity {
            id: ActivityId::new("m-1"),
            kind: ActivityKind::SiteVisit,
            date: Some(date("2026-01-15")),
            actors: vec![ActorId::new("a-1"), ActorId::new("a-2")],
            hours: Some(3.0),
            ..Default::default()
        }],
        ..Default::default()
    }
}

/// One command of every kind, valid against `project()`.
fn every_command() -> Vec<Command> {
    let p = project();
    let mut actor = p.actors[1].clone();
    actor.name = "Serres du Golo".into();
    let mut flow = p.flows[0].clone();
    flow.quantity = Some(Quantity::new(40.0, Unit::Tonne, Period::Year));
    let mut synergy = p.synergies[0].clone();
    synergy.next_step = "Visite".into();
    let mut action = p.actions[0].clone();
    action.owner = "CC Marana-Golo".into();
    let mut workshop = p.workshops[0].clone();
    workshop.title = "Atelier 1".into();
    let mut activity = p.activities[0].clone();
    activity.hours = Some(4.5);
    vec![
        Command::SetProjectName("Autre nom".into()),
        Command::SetTerritory(Territory {
            communes: vec![CommuneRef::new("2B037", "Biguglia")],
            ..Default::default()
        }),
        Command::SetAssumptions(AssumptionChoices {
            boiler_efficiency: Some(0.8),
            ..Default::default()
        }),
        Command::AddActor(Actor {
            id: ActorId::new("a-9"),
            name: "Nouveau".into(),
            ..Default::default()
        }),
        Command::InsertActor {
            index: 0,
            actor: Actor {
                id: ActorId::new("a-8"),
                name: "Premier".into(),
                ..Default::default()
            },
        },
        Command::UpdateActor(actor),
        Command::RemoveActor(ActorId::new("a-1")),
        Command::AddFlow(Flow {
            id: FlowId::new("f-9"),
            actor: ActorId::new("a-2"),
            ..Default::default()
        }),
        Command::InsertFlow {
            index: 1,
            flow: Flow {
                id: FlowId::new("f-8"),
                actor: ActorId::new("a-3"),
                ..Default::default()
            },
        },
        Command::UpdateFlow(flow),
        Command::RemoveFlow(FlowId::new("f-1")),
        Command::AddSynergy(Synergy {
            id: SynergyId::new("s-2"),
            flows: vec![FlowId::new("f-4")],
            ..Default::default()
        }),
        Command::InsertSynergy {
            index: 0,
            synergy: Synergy {
                id: SynergyId::new("s-3"),
                ..Default::default()
            },
        },
        Command::UpdateSynergy(synergy),
        Command::RemoveSynergy(SynergyId::new("s-1")),
        Command::SetStage {
            id: SynergyId::new("s-1"),
            stage: Stage::UnderStudy,
            date: date("2026-11-28"),
            note: "atelier".into(),
        },
        Command::SetStage {
            id: SynergyId::new("s-1"),
            stage: Stage::Abandoned,
            date: date("2026-11-28"),
            note: "trop loin".into(),
        },
        Command::AddAction(RoadmapAction {
            id: ActionId::new("r-2"),
            ..Default::default()
        }),
        Command::InsertAction {
            index: 0,
            action: RoadmapAction {
                id: ActionId::new("r-3"),
                ..Default::default()
            },
        },
        Command::UpdateAction(action),
        Command::RemoveAction(ActionId::new("r-1")),
        Command::AddTarget(Target {
            indicator: IndicatorKind::Jobs,
            year: 2028,
            value: 2.0,
        }),
        Command::InsertTarget {
            index: 0,
            target: Target {
                indicator: IndicatorKind::Jobs,
                year: 2029,
                value: 3.0,
            },
        },
        Command::RemoveTarget(0),
        Command::AddMeasurement(Measurement {
            indicator: IndicatorKind::Jobs,
            date: date("2027-01-01"),
            value: 1.0,
            note: String::new(),
        }),
        Command::InsertMeasurement {
            index: 0,
            measurement: Measurement {
                indicator: IndicatorKind::Jobs,
                date: date("2027-02-01"),
                value: 1.0,
                note: String::new(),
            },
        },
        Command::RemoveMeasurement(0),
        Command::AddWorkshop(Workshop {
            id: WorkshopId::new("w-2"),
            participants: vec![ActorId::new("a-2")],
            ..Default::default()
        }),
        Command::InsertWorkshop {
            index: 0,
            workshop: Workshop {
                id: WorkshopId::new("w-3"),
                ..Default::default()
            },
        },
        Command::UpdateWorkshop(workshop),
        Command::RemoveWorkshop(WorkshopId::new("w-1")),
        Command::AddActivity(Activity {
            id: ActivityId::new("m-2"),
            kind: ActivityKind::SteeringCommittee,
            people: vec!["ADEME".into()],
            ..Default::default()
        }),
        Command::InsertActivity {
            index: 0,
            activity: Activity {
                id: ActivityId::new("m-3"),
                actors: vec![ActorId::new("a-3")],
                ..Default::default()
            },
        },
        Command::UpdateActivity(activity),
        Command::RemoveActivity(ActivityId::new("m-1")),
        Command::Batch(vec![
            Command::SetProjectName("B".into()),
            Command::RemoveFlow(FlowId::new("f-2")),
        ]),
        Command::ReplaceProject(Box::new(Project {
            name: "Importé".into(),
            ..Default::default()
        })),
    ]
}

#[test]
fn every_command_changes_the_project_and_its_inverse_restores_it_exactly() {
    for cmd in every_command() {
        let original = project();
        let mut p = original.clone();
        let inverse = apply(&mut p, cmd.clone()).unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
        assert_ne!(p, original, "{cmd:?} changed nothing");
        let redo = apply(&mut p, inverse).unwrap();
        assert_eq!(p, original, "undo of {cmd:?}");
        apply(&mut p, redo).unwrap();
        let mut expected = original.clone();
        apply(&mut expected, cmd.clone()).unwrap();
        assert_eq!(p, expected, "redo of {cmd:?}");
    }
}

/// The app reruns detection only after a command that says it changes detection's inputs: each
/// command (and its inverse, which undo applies) must say so exactly when it changes the
/// companies, the flows, the territory or the assumptions.
#[test]
fn a_command_says_whether_it_changes_what_detection_reads() {
    let inputs = |p: &Project| {
        (
            p.actors.clone(),
            p.flows.clone(),
            p.territory.clone(),
            p.assumptions.clone(),
        )
    };
    let mut both = 0;
    for cmd in every_command() {
        let original = project();
        let mut p = original.clone();
        let inverse = apply(&mut p, cmd.clone()).unwrap();
        let changed = inputs(&p) != inputs(&original);
        assert_eq!(cmd.changes_detection_inputs(), changed, "{cmd:?}");
        assert_eq!(
            inverse.changes_detection_inputs(),
            changed,
            "inverse of {cmd:?}"
        );
        let batch = Command::Batch(vec![Command::SetProjectName("Autre".into()), cmd.clone()]);
        assert_eq!(
            batch.changes_detection_inputs(),
            changed,
            "{cmd:?} in a batch"
        );
        both += usize::from(changed);
    }
    assert!(both > 5, "every kind of command is tried");
}

#[test]
fn removing_an_actor_clears_every_reference_to_it() {
    let mut p = project();
    apply(&mut p, Command::RemoveActor(ActorId::new("a-1"))).unwrap();
    assert!(p.flows.iter().all(|f| f.actor.as_str() != "a-1"));
    assert_eq!(p.synergies[0].actors, vec![ActorId::new("a-2")]);
    assert_eq!(p.synergies[0].flows, vec![FlowId::new("f-2")]);
    assert_eq!(p.workshops[0].participants, vec![ActorId::new("a-3")]);
    assert_eq!(p.activities[0].actors, vec![ActorId::new("a-2")]);
}

#[test]
fn a_log_entry_names_only_companies_of_the_project_and_sensible_hours() {
    let mut p = project();
    let before = p.clone();
    let unknown = Command::AddActivity(Activity {
        id: ActivityId::new("m-9"),
        actors: vec![ActorId::new("a-404")],
        ..Default::default()
    });
    assert!(apply(&mut p, unknown).is_err());
    let endless = Command::AddActivity(Activity {
        id: ActivityId::new("m-9"),
        hours: Some(-2.0),
        ..Default::default()
    });
    let err = apply(&mut p, endless).unwrap_err();
    assert!(
        err.message_in(crate::Lang::Fr)
            .contains("durée hors de 0 à 8"),
        "{}",
        err.message_in(crate::Lang::Fr)
    );
    assert_eq!(p, before);
}

#[test]
fn refused_commands_change_nothing() {
    let refused = vec![
        (
            Command::AddActor(Actor {
                id: ActorId::new("a-1"),
                name: "Doublon".into(),
                ..Default::default()
            }),
            "déjà utilisé",
        ),
        (
            Command::AddActor(Actor {
                id: ActorId::new(""),
                name: "X".into(),
                ..Default::default()
            }),
            "vide",
        ),
        (
            Command::AddActor(Actor {
                id: ActorId::new("a-5"),
                name: " ".into(),
                ..Default::default()
            }),
            "nom",
        ),
        (
            Command::UpdateActor(Actor {
                id: ActorId::new("a-404"),
                name: "X".into(),
                ..Default::default()
            }),
            "introuvable",
        ),
        (
            Command::AddFlow(Flow {
                id: FlowId::new("f-9"),
                actor: ActorId::new("a-404"),
                ..Default::default()
            }),
            "a-404",
        ),
        (Command::RemoveFlow(FlowId::new("f-404")), "f-404"),
        (
            Command::AddSynergy(Synergy {
                id: SynergyId::new("s-9"),
                flows: vec![FlowId::new("f-404")],
                ..Default::default()
            }),
            "f-404",
        ),
        (
            Command::SetStage {
                id: SynergyId::new("s-1"),
                stage: Stage::Abandoned,
                date: date("2026-01-01"),
                note: " ".into(),
            },
            "raison",
        ),
        (
            Command::AddAction(RoadmapAction {
                id: ActionId::new("r-9"),
                synergy: Some(SynergyId::new("s-404")),
                ..Default::default()
            }),
            "s-404",
        ),
        (Command::RemoveTarget(5), "hors"),
        (
            Command::InsertMeasurement {
                index: 9,
                measurement: Measurement {
                    indicator: IndicatorKind::Jobs,
                    date: date("2027-01-01"),
                    value: 1.0,
                    note: String::new(),
                },
            },
            "hors",
        ),
        (
            Command::AddWorkshop(Workshop {
                id: WorkshopId::new("w-9"),
                participants: vec![ActorId::new("a-404")],
                ..Default::default()
            }),
            "a-404",
        ),
        // The click on a repeated copy of the world that once locked a project (issue 12).
        (
            Command::AddActor(Actor {
                id: ActorId::new("a-7"),
                name: "Clic".into(),
                position: Some(Position::new(42.6, -700.0)),
                ..Default::default()
            }),
            "(actors[3].position) : position hors des limites",
        ),
        (
            Command::SetProjectName("n".repeat(4 * 1024 * 1024)),
            "nom (name) : texte trop long (4194304 caractères, au plus 300)",
        ),
        (
            Command::AddTarget(Target {
                indicator: IndicatorKind::Jobs,
                year: 9999,
                value: 1.0,
            }),
            "(targets[1].year) : année 9999 hors de 1900–2200",
        ),
        (
            Command::InsertMeasurement {
                index: 0,
                measurement: Measurement {
                    indicator: IndicatorKind::Jobs,
                    date: date("2026-01-01"),
                    value: f64::NAN,
                    note: String::new(),
                },
            },
            "(measurements[0].value) : valeur non numérique",
        ),
        (
            Command::SetStage {
                id: SynergyId::new("s-1"),
                stage: Stage::UnderStudy,
                date: date("1500-01-01"),
                note: String::new(),
            },
            "(synergies[0].history[0].date) : année 1500",
        ),
        // A batch whose second step is refused: the first must be rolled back.
        (
            Command::Batch(vec![
                Command::SetProjectName("Changé".into()),
                Command::RemoveFlow(FlowId::new("f-404")),
            ]),
            "f-404",
        ),
    ];
    for (cmd, words) in refused {
        let mut p = project();
        let err = apply(&mut p, cmd.clone()).expect_err(&format!("{cmd:?} should be refused"));
        assert_eq!(p, project(), "{cmd:?} changed the project");
        assert!(
            err.message_in(crate::Lang::Fr).contains(words),
            "{cmd:?}: {}",
            err.message_in(crate::Lang::Fr)
        );
        assert!(!err.message_in(crate::Lang::En).is_empty());
    }
}

use super::property::Rng;

fn random_command(p: &Project, rng: &mut Rng) -> Command {
    match rng.below(7) {
        0 => Command::AddActor(Actor {
            id: ActorId::next_free(p.actors.iter().map(|a| &a.id)),
            name: format!("Entreprise {}", rng.next() % 100),
            ..Default::default()
        }),
        1 if !p.actors.is_empty() => {
            Command::RemoveActor(p.actors[rng.below(p.actors.len())].id.clone())
        }
        2 if !p.actors.is_empty() => Command::AddFlow(Flow {
            id: FlowId::next_free(p.flows.iter().map(|f| &f.id)),
            actor: p.actors[rng.below(p.actors.len())].id.clone(),
            ..Default::default()
        }),
        3 if !p.flows.is_empty() => {
            Command::RemoveFlow(p.flows[rng.below(p.flows.len())].id.clone())
        }
        4 if !p.flows.is_empty() => {
            let mut f = p.flows[rng.below(p.flows.len())].clone();
            f.label.push('+');
            Command::UpdateFlow(f)
        }
        5 if !p.synergies.is_empty() => Command::SetStage {
            id: p.synergies[0].id.clone(),
            stage: Stage::ALL[rng.below(4)],
            date: "2026-11-28".parse().unwrap(),
            note: String::new(),
        },
        _ => Command::SetProjectName(format!("Nom {}", rng.next() % 1000)),
    }
}

#[test]
fn random_edits_then_undoing_all_restores_the_original() {
    for seed in 1..=20u64 {
        let original = project();
        let mut p = original.clone();
        let mut h = History::default();
        let mut rng = Rng(seed * 7919);
        let mut applied = 0;
        for _ in 0..150 {
            let cmd = random_command(&p, &mut rng);
            if h.apply(&mut p, cmd).is_ok() {
                applied += 1;
            }
        }
        assert_eq!(h.undo_len(), applied.min(HISTORY_LIMIT));
        let after = p.clone();
        while h.undo(&mut p) {}
        assert_eq!(p, original, "seed {seed}");
        while h.redo(&mut p) {}
        assert_eq!(p, after, "seed {seed}: redo all");
    }
}

#[test]
fn history_limits_and_redo_rules() {
    let mut p = project();
    let mut h = History::default();
    for i in 0..(HISTORY_LIMIT + 50) {
        h.apply(&mut p, Command::SetProjectName(format!("n{i}")))
            .unwrap();
    }
    assert_eq!(h.undo_len(), HISTORY_LIMIT, "the oldest steps are dropped");
    while h.undo(&mut p) {}
    assert_eq!(p.name, "n49", "undo stops where the kept history starts");
    assert!(h.redo(&mut p));
    assert_eq!(p.name, "n50");
    h.apply(&mut p, Command::SetProjectName("new".into()))
        .unwrap();
    assert!(!h.can_redo(), "a new edit clears redo");
    assert!(h.undo(&mut p) && p.name == "n50");
}

#[test]
fn questionnaire_round_trip_updates_adds_and_keeps() {
    let p = project();
    let mut q = extract_questionnaire(&p, &ActorId::new("a-1")).unwrap();
    assert_eq!(q.flows.len(), 2);
    q.actor.contact = "Mme Santini, 04 95 00 00 00".into();
    q.actor.address = String::new(); // left blank by the company: the project's value stays
    q.flows[0].quantity = Some(Quantity::new(55.0, Unit::Tonne, Period::Year));
    q.flows.remove(1); // not in the returned file: kept
    q.flows.push(Flow {
        id: FlowId::new("f-2"),
        actor: q.actor.id.clone(),
        label: "Sciure".into(),
        ..Default::default()
    });
    let plan = plan_merge(&p, &q);
    let ActorMatch::Existing { id, changes } = &plan.actor else {
        panic!("{:?}", plan.actor)
    };
    assert_eq!(id.as_str(), "a-1");
    assert_eq!(
        changes.iter().map(|c| c.field).collect::<Vec<_>>(),
        vec!["contact"]
    );
    assert!(matches!(&plan.flows[0], FlowOutcome::Updated { .. }));
    let FlowOutcome::Added(added) = &plan.flows[1] else {
        panic!()
    };
    assert_ne!(
        added.id.as_str(),
        "f-2",
        "an id taken by another actor's flow gets a fresh one"
    );
    assert_eq!(plan.kept, vec![FlowId::new("f-3")]);
    assert!(
        plan.summary(crate::Lang::Fr)
            .contains("1 ajouté(s), 1 mis à jour"),
        "{}",
        plan.summary(crate::Lang::Fr)
    );

    let mut merged = p.clone();
    let mut h = History::default();
    h.apply(&mut merged, plan.into_command().unwrap()).unwrap();
    assert_eq!(
        merged.actor(&ActorId::new("a-1")).unwrap().contact,
        "Mme Santini, 04 95 00 00 00"
    );
    assert_eq!(merged.flows.len(), p.flows.len() + 1);
    assert!(merged.flow(&FlowId::new("f-3")).is_some());
    assert!(h.undo(&mut merged));
    assert_eq!(merged, p, "the whole merge is one undo step");
}

#[test]
fn blank_questionnaire_becomes_a_new_actor_and_conflicts_need_a_choice() {
    let p = project();
    let mut q = blank_questionnaire("Zone");
    q.actor.name = "Laverie Bastiaise".into();
    q.flows.push(Flow {
        id: FlowId::new("f-1"),
        actor: q.actor.id.clone(),
        label: "Eaux chaudes".into(),
        ..Default::default()
    });
    let plan = plan_merge(&p, &q);
    let ActorMatch::New { id } = plan.actor.clone() else {
        panic!()
    };
    assert_eq!(id.as_str(), "a-4");
    let mut merged = p.clone();
    apply(&mut merged, plan.into_command().unwrap()).unwrap();
    assert_eq!(merged.flows_of(&id).count(), 1);

    // SIRET names a-2 while id and name name a-1.
    let siret = Siret::parse("12002701600019").unwrap();
    let mut p2 = project();
    p2.actors[1].siret = Some(siret.clone());
    let mut q2 = extract_questionnaire(&p2, &ActorId::new("a-1")).unwrap();
    q2.actor.siret = Some(siret);
    let mut plan = plan_merge(&p2, &q2);
    assert!(plan.has_conflict());
    assert!(plan.clone().into_command().is_err());
    plan.resolve(&p2, Resolution::IdMatch);
    assert!(matches!(&plan.actor, ActorMatch::Existing { id, .. } if id.as_str() == "a-1"));
    let mut merged = p2.clone();
    apply(&mut merged, plan.into_command().unwrap()).unwrap();
}
