//! A proposal taken into the pipeline: the synergy it becomes, written once and stored (a
//! decision), and the keys of those already taken.

use symbiose_core::detect::{Audience, Mutualisation, Proposal};
use symbiose_core::{Barrier, Date, Project, Stage, StageChange, Synergy, SynergyId, SynergyKind};

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
        .unwrap_or_else(|| proposal.key());
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
        proposal_key: Some(proposal.key()),
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
