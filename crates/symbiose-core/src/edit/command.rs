use serde::{Deserialize, Serialize};

use crate::model::{
    ActionId, Activity, ActivityId, Actor, ActorId, AssumptionChoices, Date, Flow, FlowId,
    Measurement, Project, RoadmapAction, Stage, Synergy, SynergyId, Target, Territory, Workshop,
    WorkshopId,
};

/// An edit a user can make. Removals that other records point to also clear those references
/// (and their inverse restores them); `Insert*` variants put a record back at its position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", content = "args", rename_all = "snake_case")]
pub enum Command {
    SetProjectName(String),
    SetTerritory(Territory),
    /// Replaces the assumptions a person chose (the settings panel).
    SetAssumptions(AssumptionChoices),

    AddActor(Actor),
    InsertActor {
        index: usize,
        actor: Actor,
    },
    UpdateActor(Actor),
    /// Removes the actor, its flows, and its mentions in synergies, workshops and the log.
    RemoveActor(ActorId),

    AddFlow(Flow),
    InsertFlow {
        index: usize,
        flow: Flow,
    },
    UpdateFlow(Flow),
    /// Removes the flow and its mentions in synergies.
    RemoveFlow(FlowId),

    AddSynergy(Synergy),
    InsertSynergy {
        index: usize,
        synergy: Synergy,
    },
    UpdateSynergy(Synergy),
    /// Removes the synergy and clears the roadmap actions' links to it.
    RemoveSynergy(SynergyId),
    /// Moves a synergy to a stage and records the change, dated, in its history.
    SetStage {
        id: SynergyId,
        stage: Stage,
        date: Date,
        note: String,
    },

    AddAction(RoadmapAction),
    InsertAction {
        index: usize,
        action: RoadmapAction,
    },
    UpdateAction(RoadmapAction),
    RemoveAction(ActionId),

    AddTarget(Target),
    InsertTarget {
        index: usize,
        target: Target,
    },
    RemoveTarget(usize),
    AddMeasurement(Measurement),
    InsertMeasurement {
        index: usize,
        measurement: Measurement,
    },
    RemoveMeasurement(usize),

    AddWorkshop(Workshop),
    InsertWorkshop {
        index: usize,
        workshop: Workshop,
    },
    UpdateWorkshop(Workshop),
    RemoveWorkshop(WorkshopId),

    AddActivity(Activity),
    InsertActivity {
        index: usize,
        activity: Activity,
    },
    UpdateActivity(Activity),
    RemoveActivity(ActivityId),

    /// Several commands as one step: all are applied, or none.
    Batch(Vec<Command>),
    /// Puts another project in place of this one (an import that replaces the open project).
    ReplaceProject(Box<Project>),
}

impl Command {
    /// Whether the edit can change what detection reads: the companies, their flows, the
    /// territory (its communes choose the emission factors) and the assumptions a person chose.
    /// The app starts a detection run only after these: an edit of the pipeline, the roadmap or
    /// the dashboard leaves the proposals as they are. Every variant is named, so a new one
    /// needs a decision here.
    pub fn changes_detection_inputs(&self) -> bool {
        match self {
            Self::SetTerritory(_)
            | Self::SetAssumptions(_)
            | Self::AddActor(_)
            | Self::InsertActor { .. }
            | Self::UpdateActor(_)
            | Self::RemoveActor(_)
            | Self::AddFlow(_)
            | Self::InsertFlow { .. }
            | Self::UpdateFlow(_)
            | Self::RemoveFlow(_)
            | Self::ReplaceProject(_) => true,
            Self::Batch(commands) => commands.iter().any(Self::changes_detection_inputs),
            Self::SetProjectName(_)
            | Self::AddSynergy(_)
            | Self::InsertSynergy { .. }
            | Self::UpdateSynergy(_)
            | Self::RemoveSynergy(_)
            | Self::SetStage { .. }
            | Self::AddAction(_)
            | Self::InsertAction { .. }
            | Self::UpdateAction(_)
            | Self::RemoveAction(_)
            | Self::AddTarget(_)
            | Self::InsertTarget { .. }
            | Self::RemoveTarget(_)
            | Self::AddMeasurement(_)
            | Self::InsertMeasurement { .. }
            | Self::RemoveMeasurement(_)
            | Self::AddWorkshop(_)
            | Self::InsertWorkshop { .. }
            | Self::UpdateWorkshop(_)
            | Self::RemoveWorkshop(_)
            | Self::AddActivity(_)
            | Self::InsertActivity { .. }
            | Self::UpdateActivity(_)
            | Self::RemoveActivity(_) => false,
        }
    }
}
