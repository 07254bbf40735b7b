//! The company questionnaire round trip: the facilitator sends one actor and its flows as a
//! file, the company fills it in on its own machine, and the returned file is merged back.
//!
//! Merging never deletes and never overwrites with blanks: a field the company left empty keeps
//! the project's value, and the project's flows that the file does not mention are kept. The
//! plan is shown before anything changes, and becomes one command (one undo step).

use super::Command;
use crate::model::{Actor, ActorId, Flow, FlowId, Project, Questionnaire};
use crate::refdata::text::fold;
use crate::{Bilingual, Lang};

/// A filled questionnaire for one actor of the project.
pub fn extract_questionnaire(p: &Project, actor: &ActorId) -> Option<Questionnaire> {
    let a = p.actor(actor)?;
    Some(Questionnaire {
        project_name: p.name.clone(),
        actor: a.clone(),
        flows: p.flows_of(actor).cloned().collect(),
    })
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
    }
}

/// One field whose value the merge would change.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldChange {
    pub field: &'static str,
    pub old: String,
    pub new: String,
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
    Updated { old: Box<Flow>, new: Box<Flow> },
    Unchanged(FlowId),
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
    project_actor: Option<Actor>,
    taken_flow_ids: Vec<FlowId>,
    taken_actor_ids: Vec<ActorId>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "conflit à résoudre : choisissez l'entreprise à compléter / a conflict needs a choice: pick the company to complete"
)]
pub struct NeedsResolution;

fn same_name(a: &str, b: &str) -> bool {
    fold(a.trim()) == fold(b.trim())
}

/// Compares what the file says with the project, changing nothing.
pub fn plan_merge(p: &Project, q: &Questionnaire) -> MergePlan {
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
    let mut plan = MergePlan {
        actor,
        questionnaire: q.clone(),
        flows: Vec::new(),
        kept: Vec::new(),
        project_actor: None,
        taken_flow_ids: p.flows.iter().map(|f| f.id.clone()).collect(),
        taken_actor_ids: p.actors.iter().map(|a| a.id.clone()).collect(),
    };
    if let ActorMatch::Existing { id, .. } = &plan.actor {
        let id = id.clone();
        plan.target(p, &id);
    } else if let ActorMatch::New { id } = &plan.actor {
        let id = id.clone();
        plan.flows = plan.new_flows(&id, &[]);
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

/// The project's actor completed by the file: the file wins where it says something.
fn merged_actor(old: &Actor, new: &Actor) -> Actor {
    let text = |n: &String, o: &String| {
        if n.trim().is_empty() {
            o.clone()
        } else {
            n.clone()
        }
    };
    Actor {
        id: old.id.clone(),
        name: text(&new.name, &old.name),
        siret: new.siret.clone().or_else(|| old.siret.clone()),
        naf: new.naf.clone().or_else(|| old.naf.clone()),
        headcount: new.headcount.or(old.headcount),
        address: text(&new.address, &old.address),
        commune: new.commune.clone().or_else(|| old.commune.clone()),
        position: new.position.or(old.position),
        contact: text(&new.contact, &old.contact),
        tags: if new.tags.is_empty() {
            old.tags.clone()
        } else {
            new.tags.clone()
        },
        notes: text(&new.notes, &old.notes),
    }
}

fn actor_changes(old: &Actor, new: &Actor) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let mut cmp = |field: &'static str, o: String, n: String| {
        if o != n {
            out.push(FieldChange {
                field,
                old: o,
                new: n,
            });
        }
    };
    cmp("name", old.name.clone(), new.name.clone());
    cmp(
        "siret",
        old.siret.as_ref().map(|s| s.spaced()).unwrap_or_default(),
        new.siret.as_ref().map(|s| s.spaced()).unwrap_or_default(),
    );
    cmp(
        "naf",
        old.naf.clone().unwrap_or_default(),
        new.naf.clone().unwrap_or_default(),
    );
    cmp(
        "headcount",
        old.headcount
            .map(|h| h.label().to_string())
            .unwrap_or_default(),
        new.headcount
            .map(|h| h.label().to_string())
            .unwrap_or_default(),
    );
    cmp("address", old.address.clone(), new.address.clone());
    cmp(
        "commune",
        old.commune.clone().unwrap_or_default(),
        new.commune.clone().unwrap_or_default(),
    );
    let pos = |a: &Actor| {
        a.position
            .map(|p| format!("{:.5}, {:.5}", p.lat, p.lon))
            .unwrap_or_default()
    };
    cmp("position", pos(old), pos(new));
    cmp("contact", old.contact.clone(), new.contact.clone());
    cmp("tags", old.tags.join(", "), new.tags.join(", "));
    cmp("notes", old.notes.clone(), new.notes.clone());
    out
}

/// The key that recognises a flow when ids differ: same direction, family and waste code, or
/// the same label when there is no code.
fn flow_key(f: &Flow) -> (crate::Direction, crate::Family, String) {
    let what = f.waste_code.clone().unwrap_or_else(|| fold(f.label.trim()));
    (f.direction, f.family, what)
}

impl MergePlan {
    fn target(&mut self, p: &Project, id: &ActorId) {
        let existing: Vec<Flow> = p.flows_of(id).cloned().collect();
        self.project_actor = p.actor(id).cloned();
        self.flows = self.new_flows(id, &existing);
        let mentioned: Vec<FlowId> = self
            .flows
            .iter()
            .filter_map(|o| match o {
                FlowOutcome::Updated { old, .. } => Some(old.id.clone()),
                FlowOutcome::Unchanged(id) => Some(id.clone()),
                FlowOutcome::Added(_) => None,
            })
            .collect();
        self.kept = existing
            .iter()
            .map(|f| f.id.clone())
            .filter(|f| !mentioned.contains(f))
            .collect();
    }

    fn new_flows(&self, actor: &ActorId, existing: &[Flow]) -> Vec<FlowOutcome> {
        let mut taken = self.taken_flow_ids.clone();
        let mut used: Vec<FlowId> = Vec::new();
        let mut out = Vec::new();
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
                    let new = Flow {
                        id: old.id.clone(),
                        actor: actor.clone(),
                        ..incoming.clone()
                    };
                    out.push(if &new == old {
                        FlowOutcome::Unchanged(old.id.clone())
                    } else {
                        FlowOutcome::Updated {
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
        out
    }

    pub fn has_conflict(&self) -> bool {
        matches!(self.actor, ActorMatch::Conflict { .. })
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
                self.flows = self.new_flows(&id, &[]);
                self.kept.clear();
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

    /// A field's name as the user reads it.
    fn field_label(field: &str, lang: Lang) -> &str {
        let (fr, en) = match field {
            "name" => ("nom", "name"),
            "siret" => ("SIRET", "SIRET"),
            "naf" => ("code NAF", "NAF code"),
            "headcount" => ("effectif", "employees"),
            "address" => ("adresse", "address"),
            "commune" => ("commune", "municipality"),
            "position" => ("position", "position"),
            "contact" => ("contact", "contact"),
            "tags" => ("étiquettes", "tags"),
            "notes" => ("notes", "notes"),
            other => (other, other),
        };
        lang.pick(fr, en)
    }

    /// What the user reads before confirming.
    pub fn summary(&self, lang: Lang) -> String {
        let count = |f: fn(&FlowOutcome) -> bool| self.flows.iter().filter(|o| f(o)).count();
        let added = count(|o| matches!(o, FlowOutcome::Added(_)));
        let updated = count(|o| matches!(o, FlowOutcome::Updated { .. }));
        let unchanged = count(|o| matches!(o, FlowOutcome::Unchanged(_)));
        let name = &self.questionnaire.actor.name;
        let head = match &self.actor {
            ActorMatch::New { .. } => Bilingual::new(
                format!("Nouvelle entreprise « {name} »."),
                format!("New company \"{name}\"."),
            ),
            ActorMatch::Existing { changes, .. } if changes.is_empty() => Bilingual::new(
                format!("« {name} » : fiche inchangée."),
                format!("\"{name}\": details unchanged."),
            ),
            ActorMatch::Existing { changes, .. } => {
                let list = changes
                    .iter()
                    .map(|c| {
                        format!(
                            "{} : « {} » → « {} »",
                            Self::field_label(c.field, Lang::Fr),
                            c.old,
                            c.new
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" ; ");
                let list_en = changes
                    .iter()
                    .map(|c| {
                        format!(
                            "{}: \"{}\" → \"{}\"",
                            Self::field_label(c.field, Lang::En),
                            c.old,
                            c.new
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                Bilingual::new(
                    format!("« {name} » : fiche mise à jour ({list})."),
                    format!("\"{name}\": details updated ({list_en})."),
                )
            }
            ActorMatch::Conflict { by_siret, by_id } => Bilingual::new(
                format!(
                    "Conflit : le SIRET désigne {by_siret}, l'identifiant désigne {by_id}. Choisissez."
                ),
                format!("Conflict: the SIRET names {by_siret}, the id names {by_id}. Choose."),
            ),
        };
        let flows = Bilingual::new(
            format!(
                "Flux : {added} ajouté(s), {updated} mis à jour, {unchanged} inchangé(s), {} gardé(s) (absents du fichier).",
                self.kept.len()
            ),
            format!(
                "Flows: {added} added, {updated} updated, {unchanged} unchanged, {} kept (not in the file).",
                self.kept.len()
            ),
        );
        format!("{}\n{}", head.get(lang), flows.get(lang))
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
