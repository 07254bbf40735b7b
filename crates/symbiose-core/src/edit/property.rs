//! The property behind "one click can never lock a project": from a valid project, any sequence
//! of commands, each applied or refused, with undo and redo mixed in, leaves a project that
//! `validate` accepts and that the file loader opens again.
//!
//! Commands are drawn from a seeded generator (no dependency, the same runs every time) that
//! favours the values users and files actually produce when things go wrong: longitudes of a
//! repeated world (−700), NaN and infinities, negative amounts, years 1500 and 9999, empty and
//! 4 MB names, ids that collide or dangle, indices past the end. A failure prints its seed and
//! step, so it can be replayed alone.

use super::{Command, History};
use crate::format;
use crate::model::*;
use crate::validate::validate;

/// SplitMix64: small, fast and good enough to spread cases (the edit tests use it too).
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn text(&mut self) -> String {
        match self.below(8) {
            0 => String::new(),
            1 => "   ".into(),
            2 => "<img src=x onerror=alert(1)> / \"quote\"".into(),
            3 => "x".repeat(301),
            4 => "é".repeat(20_001),
            _ => format!("Texte {}", self.below(1000)),
        }
    }

    fn number(&mut self) -> f64 {
        *self.pick(&[
            0.0,
            12.5,
            -3.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e308,
            250.0,
        ])
    }

    fn position(&mut self) -> Position {
        *self.pick(&[
            Position::new(42.6, 9.44),
            Position::new(42.6, -700.0),
            Position::new(95.0, 9.0),
            Position::new(f64::NAN, 9.0),
            Position::new(42.7, 189.0),
            Position::new(-89.9, -179.9),
        ])
    }

    fn date(&mut self) -> Date {
        let year = *self.pick(&[1500, 1899, 1900, 2015, 2026, 2200, 2201, 9999]);
        Date::new(year, 1 + self.below(12) as u8, 1 + self.below(28) as u8).expect("a real day")
    }
}

/// An id of this kind: one that exists, a new one, an empty one or one far too long.
fn some_id(rng: &mut Rng, existing: &[String], prefix: &str) -> String {
    match rng.below(6) {
        0..=2 if !existing.is_empty() => rng.pick(existing).clone(),
        3 => String::new(),
        4 => "i".repeat(65),
        _ => format!("{prefix}-{}", 100 + rng.below(50)),
    }
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|x| id(x).to_string()).collect()
}

fn random_command(rng: &mut Rng, p: &Project) -> Command {
    let actors = ids(&p.actors, |a| a.id.as_str());
    let flows = ids(&p.flows, |f| f.id.as_str());
    let synergies = ids(&p.synergies, |s| s.id.as_str());
    let actions = ids(&p.actions, |a| a.id.as_str());
    let workshops = ids(&p.workshops, |w| w.id.as_str());
    let actor = |rng: &mut Rng| Actor {
        id: ActorId::new(some_id(rng, &actors, "a")),
        name: rng.text(),
        position: rng.chance(80).then(|| rng.position()),
        tags: vec![rng.text()],
        notes: rng.text(),
        ..Default::default()
    };
    let flow = |rng: &mut Rng| Flow {
        id: FlowId::new(some_id(rng, &flows, "f")),
        actor: ActorId::new(some_id(rng, &actors, "a")),
        label: rng.text(),
        quantity: rng
            .chance(70)
            .then(|| Quantity::new(rng.number(), Unit::Tonne, Period::Year)),
        cost_eur_per_unit: rng.chance(30).then(|| rng.number()),
        months: if rng.chance(10) {
            Months::from_numbers([])
        } else {
            Months::ALL_YEAR
        },
        quality: Quality {
            temperature_c: rng.chance(30).then(|| rng.number() - 300.0),
            purity_percent: rng.chance(30).then(|| rng.number()),
            ..Default::default()
        },
        notes: rng.text(),
        ..Default::default()
    };
    let synergy = |rng: &mut Rng| Synergy {
        id: SynergyId::new(some_id(rng, &synergies, "s")),
        title: rng.text(),
        flows: vec![FlowId::new(some_id(rng, &flows, "f"))],
        actors: vec![ActorId::new(some_id(rng, &actors, "a"))],
        stage: *rng.pick(&Stage::ALL),
        abandon_reason: rng.text(),
        estimated: Gains {
            tonnes_per_year: Some(rng.number()),
            ..Default::default()
        },
        history: vec![StageChange {
            stage: Stage::Idea,
            date: rng.date(),
            note: String::new(),
        }],
        ..Default::default()
    };
    let action = |rng: &mut Rng| RoadmapAction {
        id: ActionId::new(some_id(rng, &actions, "r")),
        title: rng.text(),
        synergy: rng
            .chance(50)
            .then(|| SynergyId::new(some_id(rng, &synergies, "s"))),
        start: Some(rng.date()),
        end: Some(rng.date()),
        investment_eur: Some(rng.number()),
        funding: vec![FundingLine {
            note: rng.text(),
            ..FundingLine::planned(FundingSource::Ademe, rng.number())
        }],
        ..Default::default()
    };
    let workshop = |rng: &mut Rng| Workshop {
        id: WorkshopId::new(some_id(rng, &workshops, "w")),
        title: rng.text(),
        date: Some(rng.date()),
        participants: vec![ActorId::new(some_id(rng, &actors, "a"))],
        decisions: vec![rng.text()],
        ..Default::default()
    };
    let index = |rng: &mut Rng, len: usize| rng.below(len + 3);
    match rng.below(24) {
        0 => Command::SetProjectName(rng.text()),
        1 => Command::SetTerritory(Territory {
            start_year: Some(rng.date().year),
            baseline_year: Some(rng.date().year),
            perimeter: vec![rng.position(), rng.position(), rng.position()],
            notes: rng.text(),
            ..Default::default()
        }),
        2 => Command::AddActor(actor(rng)),
        3 => Command::InsertActor {
            index: index(rng, p.actors.len()),
            actor: actor(rng),
        },
        4 => Command::UpdateActor(actor(rng)),
        5 => Command::RemoveActor(ActorId::new(some_id(rng, &actors, "a"))),
        6 => Command::AddFlow(flow(rng)),
        7 => Command::UpdateFlow(flow(rng)),
        8 => Command::RemoveFlow(FlowId::new(some_id(rng, &flows, "f"))),
        9 => Command::AddSynergy(synergy(rng)),
        10 => Command::UpdateSynergy(synergy(rng)),
        11 => Command::RemoveSynergy(SynergyId::new(some_id(rng, &synergies, "s"))),
        12 => Command::SetStage {
            id: SynergyId::new(some_id(rng, &synergies, "s")),
            stage: *rng.pick(&Stage::ALL),
            date: rng.date(),
            note: rng.text(),
        },
        13 => Command::AddAction(action(rng)),
        14 => Command::UpdateAction(action(rng)),
        15 => Command::RemoveAction(ActionId::new(some_id(rng, &actions, "r"))),
        16 => Command::AddTarget(Target {
            indicator: IndicatorKind::TonnesPerYear,
            year: rng.date().year,
            value: rng.number(),
        }),
        17 => Command::RemoveTarget(index(rng, p.targets.len())),
        18 => Command::AddMeasurement(Measurement {
            indicator: IndicatorKind::Jobs,
            date: rng.date(),
            value: rng.number(),
            note: rng.text(),
        }),
        19 => Command::RemoveMeasurement(index(rng, p.measurements.len())),
        20 => Command::AddWorkshop(workshop(rng)),
        21 => Command::UpdateWorkshop(workshop(rng)),
        22 => Command::RemoveWorkshop(WorkshopId::new(some_id(rng, &workshops, "w"))),
        _ => Command::Batch(
            (0..1 + rng.below(3))
                .map(|_| random_command(rng, p))
                .collect(),
        ),
    }
}

#[test]
fn no_sequence_of_edits_makes_a_project_the_loader_refuses() {
    let mut applied = 0;
    let mut refused = 0;
    for seed in 0..120u64 {
        let mut rng = Rng(seed);
        let mut p = crate::demo::build();
        let mut history = History::default();
        for step in 0..60 {
            match rng.below(10) {
                0 => {
                    history.undo(&mut p);
                }
                1 => {
                    history.redo(&mut p);
                }
                _ => {
                    let cmd = random_command(&mut rng, &p);
                    let shown = format!("{cmd:?}");
                    let before = p.clone();
                    match history.apply(&mut p, cmd) {
                        Ok(()) => applied += 1,
                        Err(_) => {
                            refused += 1;
                            assert_eq!(
                                p, before,
                                "seed {seed}, step {step}: a refused command changed the project: {shown:.400}"
                            );
                        }
                    }
                    let errors = validate(&p).errors;
                    assert!(
                        errors.is_empty(),
                        "seed {seed}, step {step}: {shown:.400}\nleft {errors:?}"
                    );
                }
            }
        }
        let text = format::save_project(&p, false);
        assert!(
            format::load_project(&text).is_ok(),
            "seed {seed}: the saved project does not load"
        );
    }
    // The generator must exercise both sides, or the property says nothing.
    assert!(
        applied > 1000 && refused > 1000,
        "applied {applied}, refused {refused}"
    );
}
