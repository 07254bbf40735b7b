//! Applying a command: check, change, and build the inverse.

use super::{Command, EditError};
use crate::model::{
    ActionId, Actor, ActorId, Flow, FlowId, Project, RoadmapAction, Stage, StageChange, Synergy,
    SynergyId, Workshop, WorkshopId,
};

/// Records kept in a list and found by their id.
trait Identified {
    type Id: PartialEq + ToString;
    const KIND: (&'static str, &'static str);
    fn id(&self) -> &Self::Id;
}

macro_rules! identified {
    ($t:ty, $id:ty, $fr:literal, $en:literal) => {
        impl Identified for $t {
            type Id = $id;
            const KIND: (&'static str, &'static str) = ($fr, $en);
            fn id(&self) -> &$id {
                &self.id
            }
        }
    };
}
identified!(Actor, ActorId, "entreprise", "company");
identified!(Flow, FlowId, "flux", "flow");
identified!(Synergy, SynergyId, "synergie", "synergy");
identified!(RoadmapAction, ActionId, "action", "action");
identified!(Workshop, WorkshopId, "atelier", "workshop");

fn position<T: Identified>(items: &[T], id: &T::Id) -> Result<usize, EditError> {
    items
        .iter()
        .position(|x| x.id() == id)
        .ok_or_else(|| EditError::unknown(T::KIND, id.to_string()))
}

fn check_new<T: Identified>(items: &[T], item: &T) -> Result<(), EditError> {
    let id = item.id().to_string();
    if id.trim().is_empty() {
        return Err(EditError::EmptyId);
    }
    if items.iter().any(|x| x.id() == item.id()) {
        return Err(EditError::DuplicateId(id));
    }
    Ok(())
}

fn check_index(index: usize, len: usize) -> Result<(), EditError> {
    if index > len {
        Err(EditError::OutOfRange { index, len })
    } else {
        Ok(())
    }
}

fn replace<T: Identified>(items: &mut [T], item: T) -> Result<T, EditError> {
    let i = position(items, item.id())?;
    Ok(std::mem::replace(&mut items[i], item))
}

fn check_actor(_: &Project, a: &Actor) -> Result<(), EditError> {
    if a.name.trim().is_empty() {
        Err(EditError::EmptyName)
    } else {
        Ok(())
    }
}

fn check_flow(p: &Project, f: &Flow) -> Result<(), EditError> {
    position(&p.actors, &f.actor).map(|_| ())
}

fn check_synergy(p: &Project, s: &Synergy) -> Result<(), EditError> {
    for f in &s.flows {
        position(&p.flows, f)?;
    }
    for a in &s.actors {
        position(&p.actors, a)?;
    }
    // The reason for abandoning is required when the stage changes (SetStage), not here: an
    // inverse restoring an old record must never be refused.
    Ok(())
}

fn check_action(p: &Project, a: &RoadmapAction) -> Result<(), EditError> {
    a.synergy
        .as_ref()
        .map_or(Ok(()), |s| position(&p.synergies, s).map(|_| ()))
}

fn check_workshop(p: &Project, w: &Workshop) -> Result<(), EditError> {
    w.participants
        .iter()
        .try_for_each(|a| position(&p.actors, a).map(|_| ()))
}

/// Applies `cmd` to `project` and returns the command that undoes it. When the command is
/// refused, the project is exactly as it was.
pub fn apply(project: &mut Project, cmd: Command) -> Result<Command, EditError> {
    use Command as C;
    let p = project;
    Ok(match cmd {
        C::SetProjectName(name) => C::SetProjectName(std::mem::replace(&mut p.name, name)),
        C::SetTerritory(t) => C::SetTerritory(std::mem::replace(&mut p.territory, t)),

        C::AddActor(actor) => {
            let index = p.actors.len();
            apply(p, C::InsertActor { index, actor })?
        }
        C::InsertActor { index, actor } => {
            check_new(&p.actors, &actor)?;
            check_actor(p, &actor)?;
            check_index(index, p.actors.len())?;
            let id = actor.id.clone();
            p.actors.insert(index, actor);
            C::RemoveActor(id)
        }
        C::UpdateActor(actor) => {
            check_actor(p, &actor)?;
            C::UpdateActor(replace(&mut p.actors, actor)?)
        }
        C::RemoveActor(id) => remove_actor(p, &id)?,

        C::AddFlow(flow) => {
            let index = p.flows.len();
            apply(p, C::InsertFlow { index, flow })?
        }
        C::InsertFlow { index, flow } => {
            check_new(&p.flows, &flow)?;
            check_flow(p, &flow)?;
            check_index(index, p.flows.len())?;
            let id = flow.id.clone();
            p.flows.insert(index, flow);
            C::RemoveFlow(id)
        }
        C::UpdateFlow(flow) => {
            check_flow(p, &flow)?;
            C::UpdateFlow(replace(&mut p.flows, flow)?)
        }
        C::RemoveFlow(id) => {
            let index = position(&p.flows, &id)?;
            let flow = p.flows.remove(index);
            let mut undo = vec![C::InsertFlow { index, flow }];
            for s in p.synergies.iter_mut().filter(|s| s.flows.contains(&id)) {
                undo.push(C::UpdateSynergy(s.clone()));
                s.flows.retain(|f| f != &id);
            }
            C::Batch(undo)
        }

        C::AddSynergy(synergy) => {
            let index = p.synergies.len();
            apply(p, C::InsertSynergy { index, synergy })?
        }
        C::InsertSynergy { index, synergy } => {
            check_new(&p.synergies, &synergy)?;
            check_synergy(p, &synergy)?;
            check_index(index, p.synergies.len())?;
            let id = synergy.id.clone();
            p.synergies.insert(index, synergy);
            C::RemoveSynergy(id)
        }
        C::UpdateSynergy(synergy) => {
            check_synergy(p, &synergy)?;
            C::UpdateSynergy(replace(&mut p.synergies, synergy)?)
        }
        C::RemoveSynergy(id) => {
            let index = position(&p.synergies, &id)?;
            let synergy = p.synergies.remove(index);
            let mut undo = vec![C::InsertSynergy { index, synergy }];
            for a in p
                .actions
                .iter_mut()
                .filter(|a| a.synergy.as_ref() == Some(&id))
            {
                undo.push(C::UpdateAction(a.clone()));
                a.synergy = None;
            }
            C::Batch(undo)
        }
        C::SetStage {
            id,
            stage,
            date,
            note,
        } => {
            let i = position(&p.synergies, &id)?;
            let s = &mut p.synergies[i];
            if stage == Stage::Abandoned
                && note.trim().is_empty()
                && s.abandon_reason.trim().is_empty()
            {
                return Err(EditError::MissingAbandonReason);
            }
            let old = s.clone();
            s.stage = stage;
            if stage == Stage::Abandoned && !note.trim().is_empty() {
                s.abandon_reason = note.clone();
            }
            s.history.push(StageChange { stage, date, note });
            C::UpdateSynergy(old)
        }

        C::AddAction(action) => {
            let index = p.actions.len();
            apply(p, C::InsertAction { index, action })?
        }
        C::InsertAction { index, action } => {
            check_new(&p.actions, &action)?;
            check_action(p, &action)?;
            check_index(index, p.actions.len())?;
            let id = action.id.clone();
            p.actions.insert(index, action);
            C::RemoveAction(id)
        }
        C::UpdateAction(action) => {
            check_action(p, &action)?;
            C::UpdateAction(replace(&mut p.actions, action)?)
        }
        C::RemoveAction(id) => {
            let index = position(&p.actions, &id)?;
            C::InsertAction {
                index,
                action: p.actions.remove(index),
            }
        }

        C::AddTarget(target) => {
            let index = p.targets.len();
            apply(p, C::InsertTarget { index, target })?
        }
        C::InsertTarget { index, target } => {
            check_index(index, p.targets.len())?;
            p.targets.insert(index, target);
            C::RemoveTarget(index)
        }
        C::RemoveTarget(index) => {
            check_index(index + 1, p.targets.len())?;
            C::InsertTarget {
                index,
                target: p.targets.remove(index),
            }
        }
        C::AddMeasurement(measurement) => {
            let index = p.measurements.len();
            apply(p, C::InsertMeasurement { index, measurement })?
        }
        C::InsertMeasurement { index, measurement } => {
            check_index(index, p.measurements.len())?;
            p.measurements.insert(index, measurement);
            C::RemoveMeasurement(index)
        }
        C::RemoveMeasurement(index) => {
            check_index(index + 1, p.measurements.len())?;
            C::InsertMeasurement {
                index,
                measurement: p.measurements.remove(index),
            }
        }

        C::AddWorkshop(workshop) => {
            let index = p.workshops.len();
            apply(p, C::InsertWorkshop { index, workshop })?
        }
        C::InsertWorkshop { index, workshop } => {
            check_new(&p.workshops, &workshop)?;
            check_workshop(p, &workshop)?;
            check_index(index, p.workshops.len())?;
            let id = workshop.id.clone();
            p.workshops.insert(index, workshop);
            C::RemoveWorkshop(id)
        }
        C::UpdateWorkshop(workshop) => {
            check_workshop(p, &workshop)?;
            C::UpdateWorkshop(replace(&mut p.workshops, workshop)?)
        }
        C::RemoveWorkshop(id) => {
            let index = position(&p.workshops, &id)?;
            C::InsertWorkshop {
                index,
                workshop: p.workshops.remove(index),
            }
        }

        C::Batch(commands) => apply_batch(p, commands)?,
        C::ReplaceProject(other) => C::ReplaceProject(Box::new(std::mem::replace(p, *other))),
    })
}

/// All or nothing: on the first refusal, the commands already applied are undone.
fn apply_batch(p: &mut Project, commands: Vec<Command>) -> Result<Command, EditError> {
    let mut inverses = Vec::with_capacity(commands.len());
    for cmd in commands {
        match apply(p, cmd) {
            Ok(inv) => inverses.push(inv),
            Err(e) => {
                for inv in inverses.into_iter().rev() {
                    // Inverses restore records that were valid a moment ago; they cannot be refused.
                    let _ = apply(p, inv);
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(Command::Batch(inverses))
}

fn remove_actor(p: &mut Project, id: &ActorId) -> Result<Command, EditError> {
    use Command as C;
    let index = position(&p.actors, id)?;
    let actor = p.actors.remove(index);
    let mut undo = vec![C::InsertActor { index, actor }];
    // Flows go back in ascending order, so each index is valid when re-inserted.
    let mut removed_flows = Vec::new();
    let mut i = 0;
    let mut original = 0;
    while i < p.flows.len() {
        if &p.flows[i].actor == id {
            let flow = p.flows.remove(i);
            removed_flows.push(flow.id.clone());
            undo.push(C::InsertFlow {
                index: original,
                flow,
            });
        } else {
            i += 1;
        }
        original += 1;
    }
    for s in &mut p.synergies {
        if s.actors.contains(id) || s.flows.iter().any(|f| removed_flows.contains(f)) {
            undo.push(C::UpdateSynergy(s.clone()));
            s.actors.retain(|a| a != id);
            s.flows.retain(|f| !removed_flows.contains(f));
        }
    }
    for w in p
        .workshops
        .iter_mut()
        .filter(|w| w.participants.contains(id))
    {
        undo.push(C::UpdateWorkshop(w.clone()));
        w.participants.retain(|a| a != id);
    }
    Ok(C::Batch(undo))
}
