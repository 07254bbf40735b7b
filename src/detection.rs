//! Detection results for the open project: derived from it, never stored. Taking a
//! proposal into the pipeline is the only thing that writes, as a `Synergy` (a decision).

use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::pin::Pin;
use std::rc::Rc;

use symbiose_core::detect::incremental;
use symbiose_core::detect::{
    Assumptions, Audience, Detection, Mutualisation, Proposal, Refusal, Step,
};
use symbiose_core::factors::Factors;
use symbiose_core::kb::KnowledgeBase;

use crate::perf::{SLICE_MS, next_task, now_ms};
use symbiose_core::{Barrier, Date, Project, Stage, StageChange, Synergy, SynergyId, SynergyKind};

use crate::state::ProjectState;

#[derive(Clone, Copy)]
pub struct Detected {
    result: RwSignal<Detection>,
    /// The pairs a regulatory rule kept out, with the rule's sentence (facilitator only).
    refused: RwSignal<Vec<Refusal>>,
    /// A run is under way: what is shown is from before the last edit (or empty at first).
    running: RwSignal<bool>,
}

/// Frees a replaced detection a few thousand proposals at a time: a territory's 100,000
/// proposals take longer to free at once than a task should last.
async fn release_in_slices(mut old: Detection) {
    const CHUNK: usize = 4_000;
    while !old.proposals.is_empty() {
        let keep = old.proposals.len().saturating_sub(CHUNK);
        old.proposals.truncate(keep);
        next_task().await;
    }
}

/// The part of a project detection reads: companies, flows, the territory (its communes
/// choose the emission factors) and the assumptions a person chose.
fn detection_inputs(p: &Project) -> Project {
    Project {
        actors: p.actors.clone(),
        flows: p.flows.clone(),
        territory: p.territory.clone(),
        assumptions: p.assumptions.clone(),
        ..Project::default()
    }
}

/// Whether detection would read the same from `p` as from the snapshot `last`.
fn same_inputs(last: &Project, p: &Project) -> bool {
    last.actors == p.actors
        && last.flows == p.flows
        && last.territory == p.territory
        && last.assumptions == p.assumptions
}

fn empty() -> Detection {
    Detection {
        proposals: Vec::new(),
        mutualisations: Vec::new(),
        factor_sources: Vec::new(),
        not_counted: symbiose_core::Bilingual::new("", ""),
    }
}

/// Provides the detection of the open project, recomputed off the input path after every
/// change to what it reads: the run works on a snapshot in slices of about `SLICE_MS`, and an
/// edit made meanwhile drops it and starts a new one. A small project finishes within its first slice, before
/// the page paints. After an edit, only the offers the edit can affect are scored again
/// (`detect::incremental`), against the inputs of the detection on screen. The knowledge base
/// is built once per open project.
pub fn provide(state: ProjectState) {
    let detected = Detected {
        result: RwSignal::new(empty()),
        refused: RwSignal::new(Vec::new()),
        running: RwSignal::new(false),
    };
    let kb = Rc::new(KnowledgeBase::full());
    let generation = Rc::new(Cell::new(0u64));
    // What the last run read: an edit of the pipeline, the roadmap or the dashboard leaves it
    // as it was, and then nothing is recomputed.
    let last: Rc<RefCell<Option<Rc<Project>>>> = Rc::new(RefCell::new(None));
    // What the detection on screen was computed from (a dropped run never gets there).
    let shown: Rc<RefCell<Option<Rc<Project>>>> = Rc::new(RefCell::new(None));
    Effect::new(move |_| {
        let unchanged = state
            .project
            .with(|p| last.borrow().as_ref().is_some_and(|l| same_inputs(l, p)));
        if unchanged {
            return;
        }
        let project = crate::perf::time("symbiose:detect-snapshot", || {
            Rc::new(state.project.with(detection_inputs))
        });
        *last.borrow_mut() = Some(project.clone());
        let mine = generation.get() + 1;
        generation.set(mine);
        detected.running.set(true);
        let (kb, generation, shown) = (kb.clone(), generation.clone(), shown.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let asm = Assumptions::for_project(&project);
            let slice_start = Rc::new(Cell::new(now_ms()));
            let span = crate::perf::Span::start("symbiose:detect");
            // The flows are prepared in one task and the plan made in the next: together they
            // were one task of 200 ms at 2,000 companies. The plan reads the detection on screen
            // at once, so it is read after the pause, when it is the one this run updates.
            let run = incremental::Run::new(&project, &asm, Factors::bundled(), &kb);
            next_task().await;
            if generation.get() != mine {
                return;
            }
            slice_start.set(now_ms());
            let before = shown.borrow().clone();
            let plan = detected.result.with_untracked(|d| {
                detected
                    .refused
                    .with_untracked(|r| run.plan(before.as_deref().map(|b| (b, d, r.as_slice()))))
            });
            let found = run
                .finish_stepwise(plan, || {
                    if generation.get() != mine {
                        Step::Stop
                    } else if now_ms() - slice_start.get() > SLICE_MS {
                        let slice_start = slice_start.clone();
                        Step::Pause(Box::pin(async move {
                            next_task().await;
                            slice_start.set(now_ms());
                        })
                            as Pin<Box<dyn Future<Output = ()>>>)
                    } else {
                        Step::Go
                    }
                })
                .await;
            match found {
                Some(incremental::Update::Full(mut found, refused)) => {
                    span.end();
                    *shown.borrow_mut() = Some(project);
                    detected.refused.set(refused);
                    crate::perf::time("symbiose:detect-publish", || {
                        detected
                            .result
                            .update(|shown| std::mem::swap(shown, &mut found))
                    });
                    detected.running.set(false);
                    release_in_slices(found).await;
                }
                Some(incremental::Update::Partial(partial)) => {
                    span.end();
                    *shown.borrow_mut() = Some(project);
                    crate::perf::time("symbiose:detect-publish", || {
                        let mut refused = Vec::new();
                        detected
                            .refused
                            .update_untracked(|r| std::mem::swap(r, &mut refused));
                        detected
                            .result
                            .update(|shown| partial.apply(shown, &mut refused));
                        detected.refused.set(refused);
                    });
                    detected.running.set(false);
                }
                None => {}
            }
        });
    });
    provide_context(detected);
}

pub fn use_detected() -> ReadSignal<Detection> {
    expect_context::<Detected>().result.read_only()
}

/// The pairs a regulatory rule kept out of the proposals, each with its rule and reference.
pub fn use_refused() -> ReadSignal<Vec<Refusal>> {
    expect_context::<Detected>().refused.read_only()
}

/// True while the proposals shown predate the last change.
pub fn use_detection_running() -> ReadSignal<bool> {
    expect_context::<Detected>().running.read_only()
}

/// Keys of the proposals already taken into the pipeline.
pub fn taken_keys(p: &Project) -> Vec<String> {
    p.synergies
        .iter()
        .filter_map(|s| s.proposal_key.clone())
        .collect()
}

/// The first entry of a taken proposal's history. Stored in the project, so written once, in
/// French like the synergy's title and barriers (the project's working language), never in
/// both languages at once.
fn first_stage(today: Date) -> Vec<StageChange> {
    vec![StageChange {
        stage: Stage::Idea,
        date: today,
        note: "Proposition retenue".into(),
    }]
}

/// The synergy a substitution or deductive proposal becomes when the group takes it.
pub fn synergy_from_proposal(p: &Project, proposal: &Proposal, today: Date) -> Synergy {
    let title = proposal
        .render(p, Audience::Facilitator)
        .map(|r| r.title.fr)
        .unwrap_or_else(|| proposal.key.clone());
    let mut flows = vec![proposal.offer.clone()];
    flows.extend(proposal.need.clone());
    Synergy {
        id: SynergyId::next_free(p.synergies.iter().map(|s| &s.id)),
        kind: SynergyKind::Substitution,
        title,
        flows,
        actors: vec![proposal.offer_actor.clone(), proposal.receiver.clone()],
        stage: Stage::Idea,
        history: first_stage(today),
        barriers: proposal
            .flags()
            .iter()
            .map(|f| Barrier {
                kind: f.kind,
                note: f.text.fr.clone(),
            })
            .collect(),
        estimated: proposal.estimated_gains(),
        proposal_key: Some(proposal.key.clone()),
        ..Default::default()
    }
}

/// The synergy a pooling proposal becomes.
pub fn synergy_from_mutualisation(p: &Project, m: &Mutualisation, today: Date) -> Synergy {
    Synergy {
        id: SynergyId::next_free(p.synergies.iter().map(|s| &s.id)),
        kind: SynergyKind::Mutualisation,
        title: m.title.fr.clone(),
        flows: m.flows.clone(),
        actors: m.members.clone(),
        stage: Stage::Idea,
        history: first_stage(today),
        estimated: symbiose_core::Gains {
            eur_per_year: m.estimated_gain_eur,
            ..Default::default()
        },
        proposal_key: Some(m.key.clone()),
        // The obligations that make the pooling worthwhile follow it into the pipeline.
        notes: std::iter::once(&m.assumptions)
            .chain(&m.obligations)
            .map(|b| b.fr.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        ..Default::default()
    }
}

/// Today's date in the browser.
pub fn today() -> Date {
    crate::files::today_iso().parse().unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_reruns_on_what_it_reads_and_only_that() {
        let p = symbiose_core::demo::project();
        let snapshot = detection_inputs(&p);
        assert!(same_inputs(&snapshot, &p));
        let mut chosen = p.clone();
        chosen.assumptions.boiler_efficiency = Some(0.75);
        assert!(!same_inputs(&snapshot, &chosen), "an assumption changed");
        // The snapshot carries the choice, so the run uses it.
        assert_eq!(
            Assumptions::for_project(&detection_inputs(&chosen)),
            Assumptions::for_project(&chosen)
        );
        let mut roadmap = p.clone();
        roadmap.actions.clear();
        assert!(same_inputs(&snapshot, &roadmap), "the roadmap is not read");
    }
}
