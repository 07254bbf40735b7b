//! The company questionnaire round trip: the facilitator sends one actor and its flows as a
//! file, the company fills it in on its own machine, and the returned file is merged back.
//!
//! Nothing leaks: the file sent carries none of the facilitator's working text (notes, quality
//! notes, tags). Nothing is lost: merging never deletes and never overwrites with blanks, field by
//! field for the company and for each flow ([`fields`] says what "blank" means for each type),
//! the project's flows the file does not mention are kept, and a flow's confidentiality never
//! becomes less strict unless the facilitator accepts it for that flow. The plan, with every
//! changed field as old → new ([`summary`]), is shown before anything changes, and becomes one
//! command (one undo step).

mod fields;
mod summary;
#[cfg(test)]
mod tests;

pub use summary::{FlowSummary, MergeSummary};

use super::Command;
use crate::model::{Actor, ActorId, Confidentiality, Flow, FlowId, Project, Questionnaire};
use crate::refdata::text::fold;
use fields::{actor_changes, flow_changes, merged_actor, merged_flow};

/// The questionnaire to send to one actor of the project: its record and its flows, without
/// what the facilitator keeps for themself. Notes (on the company, on each flow, on a flow's
/// quality) are the facilitator's working text; tags are the facilitator's own classification
/// ("à relancer", "réticent" as easily as "bois") that the company is never asked to fill in.
/// The company's form cannot even show quality notes, so sending them would only leak them.
pub fn extract_questionnaire(p: &Project, actor: &ActorId) -> Option<Questionnaire> {
    let a = p.actor(actor)?;
    Some(Questionnaire {
        project_name: p.name.clone(),
        actor: Actor {
            notes: String::new(),
            tags: Vec::new(),
            ..a.clone()
        },
        flows: p
            .flows_of(actor)
            .map(|f| {
                let mut f = f.clone();
                f.notes.clear();
                f.quality.notes.clear();
                f
            })
            .collect(),
        from_public_copy: p.public_copy,
    })
}

/// What a questionnaire answered from this project's public copy says in the project's terms.
/// The copy showed the company renamed when its flows are anonymised, its position rounded,
/// its SIRET, address and contact gone, and its name replaced by the public one in its flows'
/// labels (`export::public::anonymise`): none of that is the company's answer. The explorer
/// does not edit the company's record, so the record is the project's; a flow's label or
/// contaminants that are the copy's (in either language's public names) stand for the
/// project's. What the company typed stays as typed.
fn in_project_terms(p: &Project, q: &Questionnaire) -> Questionnaire {
    let mut out = q.clone();
    let Some(actor) = p.actor(&q.actor.id) else {
        return out;
    };
    out.actor = Actor {
        notes: String::new(),
        tags: Vec::new(),
        ..actor.clone()
    };
    let copies = [
        crate::export::public::anonymise_in(p, crate::Lang::Fr),
        crate::export::public::anonymise_in(p, crate::Lang::En),
    ];
    for f in &mut out.flows {
        let Some(own) = p.flow(&f.id).filter(|own| own.actor == actor.id) else {
            continue;
        };
        let shown: Vec<&Flow> = copies.iter().filter_map(|c| c.flow(&f.id)).collect();
        if shown.iter().any(|c| c.label == f.label) {
            f.label = own.label.clone();
        }
        if shown
            .iter()
            .any(|c| c.quality.contaminants == f.quality.contaminants)
        {
            f.quality.contaminants = own.quality.contaminants.clone();
        }
    }
    out
}

/// The name a blank questionnaire's company carries until the company types its own.
pub const BLANK_NAME: &str = "Votre entreprise (à compléter)";

/// A blank questionnaire for a company not yet in the project.
pub fn blank_questionnaire(project_name: &str) -> Questionnaire {
    Questionnaire {
        project_name: project_name.to_string(),
        actor: Actor {
            id: ActorId::new("a-1"),
            ..Default::default()
        },
        flows: Vec::new(),
        from_public_copy: false,
    }
}

/// One field whose value the merge would change, as the user reads it in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub field: &'static str,
    pub old: crate::Bilingual,
    pub new: crate::Bilingual,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ActorMatch {
    /// No actor of the project is this company: it will be added under `id`.
    New { id: ActorId },
    /// This actor of the project, matched by SIRET or by id and name.
    Existing {
        id: ActorId,
        changes: Vec<FieldChange>,
    },
    /// The SIRET names one actor and the id another: the user must choose.
    Conflict { by_siret: ActorId, by_id: ActorId },
}

#[derive(Debug, Clone, PartialEq)]
pub enum FlowOutcome {
    Added(Box<Flow>),
    Updated {
        old: Box<Flow>,
        new: Box<Flow>,
        changes: Vec<FieldChange>,
    },
    Unchanged(FlowId),
}

/// A flow of the project whose returned file asks for a less strict confidentiality.
#[derive(Debug, Clone, PartialEq)]
pub struct LooserConfidentiality {
    /// The project's flow.
    pub flow: FlowId,
    pub label: String,
    pub project: Confidentiality,
    pub file: Confidentiality,
    /// The facilitator chose the file's level; by default the project's, stricter, is kept.
    pub accepted: bool,
}

/// The file names another project than the open one (compared with case, accents and spaces
/// folded): probably a questionnaire sent for another territory, or the wrong file.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignProject {
    pub file: String,
    pub project: String,
}

/// How the user settles a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Merge into the actor with the same SIRET.
    SiretMatch,
    /// Merge into the actor with the same id and name.
    IdMatch,
    /// Add the company as a new actor.
    AddAsNew,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MergePlan {
    pub actor: ActorMatch,
    questionnaire: Questionnaire,
    /// What would happen to each flow of the file, for the matched (or new) actor.
    pub flows: Vec<FlowOutcome>,
    /// Flows of the project's actor that the file does not mention: they are kept.
    pub kept: Vec<FlowId>,
    /// Set when the file was made for another project.
    pub foreign_project: Option<ForeignProject>,
    /// Matched flows whose file asks for a less strict confidentiality, with the choice made.
    pub looser: Vec<LooserConfidentiality>,
    project_actor: Option<Actor>,
    /// The matched actor's flows in the project when the plan was made.
    existing: Vec<Flow>,
    /// Project flows whose less strict level the facilitator accepted.
    accepted: Vec<FlowId>,
    taken_flow_ids: Vec<FlowId>,
    taken_actor_ids: Vec<ActorId>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("a conflict needs a choice: pick the company to complete")]
pub struct NeedsResolution;

/// The English message is the `Display` form.
impl crate::UserMessage for NeedsResolution {
    fn message(&self) -> crate::Bilingual {
        let fr = "conflit à résoudre : choisissez l'entreprise à compléter";
        crate::Bilingual::new(fr, self.to_string())
    }
}

/// Names compared loosely: case, accents and runs of spaces do not count.
fn same_name(a: &str, b: &str) -> bool {
    let folded = |s: &str| fold(s).split_whitespace().collect::<Vec<_>>().join(" ");
    folded(a) == folded(b)
}

/// Compares what the file says with the project, changing nothing.
pub fn plan_merge(p: &Project, q: &Questionnaire) -> MergePlan {
    // An answer from this project's public copy, read in the project's terms; one from another
    // project's copy keeps the usual rules (its ids mean nothing here).
    let translated;
    let q = if q.from_public_copy && same_name(&q.project_name, &p.name) {
        translated = in_project_terms(p, q);
        &translated
    } else {
        q
    };
    let by_siret = q
        .actor
        .siret
        .as_ref()
        .and_then(|s| p.actors.iter().find(|a| a.siret.as_ref() == Some(s)));
    let by_id = p
        .actor(&q.actor.id)
        .filter(|a| same_name(&a.name, &q.actor.name));
    let actor = match (by_siret, by_id) {
        (Some(s), Some(i)) if s.id != i.id => ActorMatch::Conflict {
            by_siret: s.id.clone(),
            by_id: i.id.clone(),
        },
        (Some(a), _) | (None, Some(a)) => ActorMatch::Existing {
            id: a.id.clone(),
            changes: actor_changes(a, &merged_actor(a, &q.actor)),
        },
        (None, None) => ActorMatch::New {
            id: fresh_actor_id(p, &q.actor.id),
        },
    };
    let foreign_project = (!same_name(&q.project_name, &p.name)).then(|| ForeignProject {
        file: q.project_name.clone(),
        project: p.name.clone(),
    });
    let mut plan = MergePlan {
        actor,
        questionnaire: q.clone(),
        flows: Vec::new(),
        kept: Vec::new(),
        foreign_project,
        looser: Vec::new(),
        project_actor: None,
        existing: Vec::new(),
        accepted: Vec::new(),
        taken_flow_ids: p.flows.iter().map(|f| f.id.clone()).collect(),
        taken_actor_ids: p.actors.iter().map(|a| a.id.clone()).collect(),
    };
    match plan.actor.clone() {
        ActorMatch::Existing { id, .. } => plan.target(p, &id),
        ActorMatch::New { id } => plan.flows = plan.new_flows(&id).0,
        ActorMatch::Conflict { .. } => {}
    }
    plan
}

fn fresh_actor_id(p: &Project, wanted: &ActorId) -> ActorId {
    if p.actor(wanted).is_none() && !wanted.as_str().is_empty() {
        wanted.clone()
    } else {
        ActorId::next_free(p.actors.iter().map(|a| &a.id))
    }
}

/// The key that recognises a flow when ids differ: same direction, family and waste code, or
/// the same label when there is no code.
fn flow_key(f: &Flow) -> (crate::Direction, crate::Family, String) {
    let what = f.waste_code.clone().unwrap_or_else(|| fold(f.label.trim()));
    (f.direction, f.family, what)
}

impl MergePlan {
    /// Merges into the project's actor `id`: remembers its record and flows, then plans.
    fn target(&mut self, p: &Project, id: &ActorId) {
        self.project_actor = p.actor(id).cloned();
        self.existing = p.flows_of(id).cloned().collect();
        self.accepted.clear();
        self.replan(id);
    }

    /// The flows' outcomes, the kept flows and the confidentiality requests, from the file,
    /// the remembered project flows and the choices made so far.
    fn replan(&mut self, id: &ActorId) {
        let (flows, looser) = self.new_flows(id);
        let mentioned: Vec<&FlowId> = flows
            .iter()
            .filter_map(|o| match o {
                FlowOutcome::Updated { old, .. } => Some(&old.id),
                FlowOutcome::Unchanged(id) => Some(id),
                FlowOutcome::Added(_) => None,
            })
            .collect();
        self.kept = self
            .existing
            .iter()
            .map(|f| f.id.clone())
            .filter(|f| !mentioned.contains(&f))
            .collect();
        self.flows = flows;
        self.looser = looser;
    }

    fn new_flows(&self, actor: &ActorId) -> (Vec<FlowOutcome>, Vec<LooserConfidentiality>) {
        let existing = &self.existing;
        let mut taken = self.taken_flow_ids.clone();
        let mut used: Vec<FlowId> = Vec::new();
        let mut out = Vec::new();
        let mut looser = Vec::new();
        for incoming in &self.questionnaire.flows {
            let matched = existing
                .iter()
                .find(|f| f.id == incoming.id && !used.contains(&f.id))
                .or_else(|| {
                    existing
                        .iter()
                        .find(|f| !used.contains(&f.id) && flow_key(f) == flow_key(incoming))
                });
            match matched {
                Some(old) => {
                    used.push(old.id.clone());
                    let accepted = self.accepted.contains(&old.id);
                    if incoming.confidentiality < old.confidentiality {
                        looser.push(LooserConfidentiality {
                            flow: old.id.clone(),
                            label: old.label.clone(),
                            project: old.confidentiality,
                            file: incoming.confidentiality,
                            accepted,
                        });
                    }
                    let new = merged_flow(old, incoming, actor, accepted);
                    out.push(if &new == old {
                        FlowOutcome::Unchanged(old.id.clone())
                    } else {
                        FlowOutcome::Updated {
                            changes: flow_changes(old, &new),
                            old: Box::new(old.clone()),
                            new: Box::new(new),
                        }
                    });
                }
                None => {
                    let id = if taken.contains(&incoming.id) || incoming.id.as_str().is_empty() {
                        FlowId::next_free(taken.iter())
                    } else {
                        incoming.id.clone()
                    };
                    taken.push(id.clone());
                    out.push(FlowOutcome::Added(Box::new(Flow {
                        id,
                        actor: actor.clone(),
                        ..incoming.clone()
                    })));
                }
            }
        }
        (out, looser)
    }

    pub fn has_conflict(&self) -> bool {
        matches!(self.actor, ActorMatch::Conflict { .. })
    }

    /// Whether confirming would change nothing (the file brings nothing new).
    pub fn changes_nothing(&self) -> bool {
        match &self.actor {
            ActorMatch::Existing { changes, .. } => {
                changes.is_empty()
                    && self
                        .flows
                        .iter()
                        .all(|o| matches!(o, FlowOutcome::Unchanged(_)))
            }
            ActorMatch::New { .. } | ActorMatch::Conflict { .. } => false,
        }
    }

    /// Accepts (or refuses again) the file's less strict confidentiality for the project's
    /// flow `flow`. Nothing else changes; a flow the file does not loosen is ignored.
    pub fn accept_looser(&mut self, flow: &FlowId, accept: bool) {
        if !self.looser.iter().any(|l| &l.flow == flow) {
            return;
        }
        self.accepted.retain(|f| f != flow);
        if accept {
            self.accepted.push(flow.clone());
        }
        if let ActorMatch::Existing { id, .. } = self.actor.clone() {
            self.replan(&id);
        }
    }

    /// Settles a conflict against the same project the plan was made from.
    pub fn resolve(&mut self, p: &Project, how: Resolution) {
        let ActorMatch::Conflict { by_siret, by_id } = self.actor.clone() else {
            return;
        };
        let id = match how {
            Resolution::SiretMatch => by_siret,
            Resolution::IdMatch => by_id,
            Resolution::AddAsNew => {
                let id = ActorId::next_free(self.taken_actor_ids.iter());
                self.actor = ActorMatch::New { id: id.clone() };
                // A new actor cannot share the other's SIRET: the validator would flag it.
                self.questionnaire.actor.siret = None;
                self.existing.clear();
                self.accepted.clear();
                self.replan(&id);
                return;
            }
        };
        let old = p.actor(&id).cloned().unwrap_or_default();
        self.actor = ActorMatch::Existing {
            id: id.clone(),
            changes: actor_changes(&old, &merged_actor(&old, &self.questionnaire.actor)),
        };
        self.target(p, &id);
    }

    /// The merge as one command (one undo step). Refused while a conflict is unsettled.
    pub fn into_command(self) -> Result<Command, NeedsResolution> {
        let mut commands = Vec::new();
        match &self.actor {
            ActorMatch::Conflict { .. } => return Err(NeedsResolution),
            ActorMatch::New { id } => commands.push(Command::AddActor(Actor {
                id: id.clone(),
                ..self.questionnaire.actor.clone()
            })),
            ActorMatch::Existing { changes, .. } => {
                if let (false, Some(old)) = (changes.is_empty(), &self.project_actor) {
                    commands.push(Command::UpdateActor(merged_actor(
                        old,
                        &self.questionnaire.actor,
                    )));
                }
            }
        }
        for outcome in self.flows {
            match outcome {
                FlowOutcome::Added(f) => commands.push(Command::AddFlow(*f)),
                FlowOutcome::Updated { new, .. } => commands.push(Command::UpdateFlow(*new)),
                FlowOutcome::Unchanged(_) => {}
            }
        }
        Ok(Command::Batch(commands))
    }
}
