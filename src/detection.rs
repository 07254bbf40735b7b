//! Detection results for the open project: derived from it (a `Memo`), never stored. Taking a
//! proposal into the pipeline is the only thing that writes, as a `Synergy` (a decision).

use leptos::prelude::*;
use symbiose_core::detect::{Assumptions, Audience, Detection, Mutualisation, Proposal, detect};
use symbiose_core::factors::Factors;
use symbiose_core::kb::KnowledgeBase;
use symbiose_core::{Barrier, Date, Project, Stage, StageChange, Synergy, SynergyId, SynergyKind};

use crate::state::ProjectState;

#[derive(Clone, Copy)]
pub struct Detected(pub Memo<Detection>);

/// Provides the detection memo. The knowledge base is built once per page.
pub fn provide(state: ProjectState) -> Memo<Detection> {
    let kb = StoredValue::new_local(KnowledgeBase::full());
    let memo = Memo::new(move |_| {
        state.project.with(|p| {
            kb.with_value(|kb| detect(p, &Assumptions::for_project(p), Factors::bundled(), kb))
        })
    });
    provide_context(Detected(memo));
    memo
}

pub fn use_detected() -> Memo<Detection> {
    expect_context::<Detected>().0
}

/// Keys of the proposals already taken into the pipeline.
pub fn taken_keys(p: &Project) -> Vec<String> {
    p.synergies
        .iter()
        .filter_map(|s| s.proposal_key.clone())
        .collect()
}

fn first_stage(today: Date) -> Vec<StageChange> {
    vec![StageChange {
        stage: Stage::Idea,
        date: today,
        note: "Proposition retenue / proposal taken".into(),
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
            .flags
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
        notes: m.assumptions.fr.clone(),
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
