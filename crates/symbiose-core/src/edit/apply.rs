//! Applying a command: check, change, and build the inverse.

use super::{Command, EditError};
use crate::model::{
    ActionId, Activity, ActivityId, Actor, ActorId, Flow, FlowId, Project, RoadmapAction, Stage,
    StageChange, Synergy, SynergyId, Workshop, WorkshopId,
};
use crate::validate::{self, Report};

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
identified!(Activity, ActivityId, "entrée du journal", "log entry");

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

/// Whether the record rules run. Edits are checked; undo and the rollback of a refused batch
/// put back records exactly as they were, which may be a record the user is repairing (a
/// project opened in repair mode keeps its faulty records until they are fixed or removed).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Edit,
    Restore,
}

/// The record rules of `validate::rules` for one record about to enter the project at `at`.
fn rules(mode: Mode, at: String, check: impl FnOnce(&str, &mut Report)) -> Result<(), EditError> {
    if mode == Mode::Restore {
        return Ok(());
    }
    let mut report = Report::default();
    check(&at, &mut report);
    if report.errors.is_empty() {
        Ok(())
    } else {
        Err(EditError::Invalid(report.errors))
    }
}

fn check_actor(mode: Mode, a: &Actor, index: usize) -> Result<(), EditError> {
    rules(mode, format!("actors[{index}]"), |at, r| {
        validate::rules::actor(a, at, r)
    })
}

fn check_flow(mode: Mode, p: &Project, f: &Flow, index: usize) -> Result<(), EditError> {
    position(&p.actors, &f.actor)?;
    rules(mode, format!("flows[{index}]"), |at, r| {
        validate::rules::flow(f, at, r)
    })
}

fn check_synergy(mode: Mode, p: &Project, s: &Synergy, index: usize) -> Result<(), EditError> {
    for f in &s.flows {
        position(&p.flows, f)?;
    }
    for a in &s.actors {
        position(&p.actors, a)?;
    }
    rules(mode, format!("synergies[{index}]"), |at, r| {
        validate::rules::synergy(s, at, r)
    })
}

fn check_action(mode: Mode, p: &Project, a: &RoadmapAction, index: usize) -> Result<(), EditError> {
    if let Some(s) = &a.synergy {
        position(&p.synergies, s)?;
    }
    rules(mode, format!("actions[{index}]"), |at, r| {
        validate::rules::action(a, at, r)
    })
}

fn check_workshop(mode: Mode, p: &Project, w: &Workshop, index: usize) -> Result<(), EditError> {
    w.participants
        .iter()
        .try_for_each(|a| position(&p.actors, a).map(|_| ()))?;
    rules(mode, format!("workshops[{index}]"), |at, r| {
        validate::rules::workshop(w, at, r)
    })
}

fn check_activity(mode: Mode, p: &Project, a: &Activity, index: usize) -> Result<(), EditError> {
    a.actors
        .iter()
        .try_for_each(|id| position(&p.actors, id).map(|_| ()))?;
    rules(mode, format!("activities[{index}]"), |at, r| {
        validate::rules::activity(a, at, r)
    })
}

/// Where an updated record sits, for the paths of its problems.
fn index_of<T: Identified>(items: &[T], item: &T) -> Result<usize, EditError> {
    position(items, item.id())
}

/// Applies `cmd` to `project` and returns the command that undoes it. When the command is
/// refused, the project is exactly as it was. Every record the command adds or changes must
/// follow the record rules (`EditError::Invalid` lists each problem by field otherwise), so an
/// edit never produces a project the loader would refuse.
pub fn apply(project: &mut Project, cmd: Command) -> Result<Command, EditError> {
    run(project, cmd, Mode::Edit)
}

/// Applies an inverse (undo) without the record rules: it puts back what was there.
pub(crate) fn restore(project: &mut Project, cmd: Command) -> Result<Command, EditError> {
    run(project, cmd, Mode::Restore)
}

fn run(project: &mut Project, cmd: Command, mode: Mode) -> Result<Command, EditError> {
    use Command as C;
    let p = project;
    Ok(match cmd {
        C::SetProjectName(name) => {
            rules(mode, String::new(), |_, r| {
                validate::rules::project_name(&name, r)
            })?;
            C::SetProjectName(std::mem::replace(&mut p.name, name))
        }
        C::SetTerritory(t) => {
            rules(mode, "territory".into(), |at, r| {
                validate::rules::territory(&t, at, r)
            })?;
            C::SetTerritory(std::mem::replace(&mut p.territory, t))
        }
        C::SetAssumptions(a) => {
            rules(mode, "assumptions".into(), |at, r| {
                validate::rules::assumptions(&a, at, r)
            })?;
            C::SetAssumptions(std::mem::replace(&mut p.assumptions, a))
        }

        C::AddActor(actor) => {
            let index = p.actors.len();
            run(p, C::InsertActor { index, actor }, mode)?
        }
        C::InsertActor { index, actor } => {
            check_new(&p.actors, &actor)?;
            check_index(index, p.actors.len())?;
            check_actor(mode, &actor, index)?;
            let id = actor.id.clone();
            p.actors.insert(index, actor);
            C::RemoveActor(id)
        }
        C::UpdateActor(actor) => {
            check_actor(mode, &actor, index_of(&p.actors, &actor)?)?;
            C::UpdateActor(replace(&mut p.actors, actor)?)
        }
        C::RemoveActor(id) => remove_actor(p, &id)?,

        C::AddFlow(flow) => {
            let index = p.flows.len();
            run(p, C::InsertFlow { index, flow }, mode)?
        }
        C::InsertFlow { index, flow } => {
            check_new(&p.flows, &flow)?;
            check_index(index, p.flows.len())?;
            check_flow(mode, p, &flow, index)?;
            let id = flow.id.clone();
            p.flows.insert(index, flow);
            C::RemoveFlow(id)
        }
        C::UpdateFlow(flow) => {
            check_flow(mode, p, &flow, index_of(&p.flows, &flow)?)?;
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
            run(p, C::InsertSynergy { index, synergy }, mode)?
        }
        C::InsertSynergy { index, synergy } => {
            check_new(&p.synergies, &synergy)?;
            check_index(index, p.synergies.len())?;
            check_synergy(mode, p, &synergy, index)?;
            let id = synergy.id.clone();
            p.synergies.insert(index, synergy);
            C::RemoveSynergy(id)
        }
        C::UpdateSynergy(synergy) => {
            check_synergy(mode, p, &synergy, index_of(&p.synergies, &synergy)?)?;
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
            let mut s = p.synergies[i].clone();
            if stage == Stage::Abandoned
                && note.trim().is_empty()
                && s.abandon_reason.trim().is_empty()
            {
                return Err(EditError::MissingAbandonReason);
            }
            s.stage = stage;
            if stage == Stage::Abandoned && !note.trim().is_empty() {
                s.abandon_reason = note.clone();
            }
            s.history.push(StageChange { stage, date, note });
            check_synergy(mode, p, &s, i)?;
            C::UpdateSynergy(std::mem::replace(&mut p.synergies[i], s))
        }

        C::AddAction(action) => {
            let index = p.actions.len();
            run(p, C::InsertAction { index, action }, mode)?
        }
        C::InsertAction { index, action } => {
            check_new(&p.actions, &action)?;
            check_index(index, p.actions.len())?;
            check_action(mode, p, &action, index)?;
            let id = action.id.clone();
            p.actions.insert(index, action);
            C::RemoveAction(id)
        }
        C::UpdateAction(action) => {
            check_action(mode, p, &action, index_of(&p.actions, &action)?)?;
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
            run(p, C::InsertTarget { index, target }, mode)?
        }
        C::InsertTarget { index, target } => {
            check_index(index, p.targets.len())?;
            rules(mode, format!("targets[{index}]"), |at, r| {
                validate::rules::target(&target, at, r)
            })?;
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
            run(p, C::InsertMeasurement { index, measurement }, mode)?
        }
        C::InsertMeasurement { index, measurement } => {
            check_index(index, p.measurements.len())?;
            rules(mode, format!("measurements[{index}]"), |at, r| {
                validate::rules::measurement(&measurement, at, r)
            })?;
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
            run(p, C::InsertWorkshop { index, workshop }, mode)?
        }
        C::InsertWorkshop { index, workshop } => {
            check_new(&p.workshops, &workshop)?;
            check_index(index, p.workshops.len())?;
            check_workshop(mode, p, &workshop, index)?;
            let id = workshop.id.clone();
            p.workshops.insert(index, workshop);
            C::RemoveWorkshop(id)
        }
        C::UpdateWorkshop(workshop) => {
            check_workshop(mode, p, &workshop, index_of(&p.workshops, &workshop)?)?;
            C::UpdateWorkshop(replace(&mut p.workshops, workshop)?)
        }
        C::AddActivity(activity) => {
            let index = p.activities.len();
            run(p, C::InsertActivity { index, activity }, mode)?
        }
        C::InsertActivity { index, activity } => {
            check_new(&p.activities, &activity)?;
            check_index(index, p.activities.len())?;
            check_activity(mode, p, &activity, index)?;
            let id = activity.id.clone();
            p.activities.insert(index, activity);
            C::RemoveActivity(id)
        }
        C::UpdateActivity(activity) => {
            check_activity(mode, p, &activity, index_of(&p.activities, &activity)?)?;
            C::UpdateActivity(replace(&mut p.activities, activity)?)
        }
        C::RemoveActivity(id) => {
            let index = position(&p.activities, &id)?;
            C::InsertActivity {
                index,
                activity: p.activities.remove(index),
            }
        }
        C::RemoveWorkshop(id) => {
            let index = position(&p.workshops, &id)?;
            C::InsertWorkshop {
                index,
                workshop: p.workshops.remove(index),
            }
        }

        C::Batch(commands) => apply_batch(p, commands, mode)?,
        C::ReplaceProject(other) => {
            if mode == Mode::Edit {
                let report = validate::validate(&other);
                if !report.errors.is_empty() {
                    return Err(EditError::Invalid(report.errors));
                }
            }
            C::ReplaceProject(Box::new(std::mem::replace(p, *other)))
        }
    })
}

/// All or nothing: on the first refusal, the commands already applied are undone.
fn apply_batch(p: &mut Project, commands: Vec<Command>, mode: Mode) -> Result<Command, EditError> {
    let mut inverses = Vec::with_capacity(commands.len());
    for cmd in commands {
        match run(p, cmd, mode) {
            Ok(inv) => inverses.push(inv),
            Err(e) => {
                for inv in inverses.into_iter().rev() {
                    // Inverses put back records that were there a moment ago: never refused.
                    let _ = restore(p, inv);
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
    for a in p.activities.iter_mut().filter(|a| a.actors.contains(id)) {
        undo.push(C::UpdateActivity(a.clone()));
        a.actors.retain(|x| x != id);
    }
    Ok(C::Batch(undo))
}
