//! The project model: a territory, its actors, their flows, and the decisions the group took.
//!
//! Computed things (proposals, indicators, map view models) are deliberately absent: they are
//! derived from this model on demand and never stored, so they can never disagree with it.

mod activity;
mod actor;
mod assumptions;
mod date;
mod financing;
mod flow;
mod ids;
mod index;
mod quantity;
mod questionnaire;
mod roadmap;
mod synergy;
mod territory;

pub use activity::{Activity, ActivityKind, Maturity};
pub(crate) use actor::luhn_valid as luhn_ok;
pub use actor::{Actor, EARTH_RADIUS_KM, HeadcountBand, Position, Siret, SiretError};
pub use assumptions::{AssumptionChoices, Weights};
pub use date::{Date, DateError};
pub use financing::{AidKind, AidStatus, CompanySize, FundingLine};
pub use flow::{
    Confidentiality, Direction, Family, Flow, Months, PhysicalState, Provenance, Quality,
    ResourceCategory, Route,
};
pub use ids::{ActionId, ActivityId, ActorId, FlowId, SynergyId, WorkshopId};
pub use index::Index;
pub use quantity::{Dimension, Period, Quantity, Unit};
pub use questionnaire::Questionnaire;
pub use roadmap::{
    ActionMoney, ActionStatus, FundingSource, IndicatorKind, InterventionField, Measurement,
    Milestone, MissingFigure, ProgrammePlace, RoadmapAction, Target, Workshop,
};
pub use synergy::{
    Barrier, BarrierKind, ChecklistEntry, ChecklistItem, Gains, ItemStatus, MaterialStatus, Stage,
    StageChange, Synergy, SynergyKind,
};
pub use territory::{
    BaselineValue, CommuneRef, EpciRef, ProgrammePhase, ProgrammeTrack, Territory, TerritoryKind,
    is_corsican_insee,
};

use serde::{Deserialize, Serialize};

/// One EIT project: the territory and everything recorded about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Project {
    pub name: String,
    pub territory: Territory,
    pub actors: Vec<Actor>,
    pub flows: Vec<Flow>,
    pub synergies: Vec<Synergy>,
    pub actions: Vec<RoadmapAction>,
    pub targets: Vec<Target>,
    pub measurements: Vec<Measurement>,
    pub workshops: Vec<Workshop>,
    /// The mission's activity log (v3): visits, interviews, questionnaires, committees.
    pub activities: Vec<Activity>,
    /// Detection assumptions a person changed for this project (v2).
    #[serde(skip_serializing_if = "AssumptionChoices::is_empty")]
    pub assumptions: AssumptionChoices,
    /// Set on a public copy (`export::public::anonymise`, v4): what a company receives to
    /// explore the zone's resources, opened in the explorer, not in the facilitator's workspace.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub public_copy: bool,
}

impl Project {
    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| &a.id == id)
    }

    pub fn flow(&self, id: &FlowId) -> Option<&Flow> {
        self.flows.iter().find(|f| &f.id == id)
    }

    pub fn synergy(&self, id: &SynergyId) -> Option<&Synergy> {
        self.synergies.iter().find(|s| &s.id == id)
    }

    /// The latest measurement recorded for an indicator: the last by date, and of one date
    /// the last recorded. A dashboard shows it beside the figure computed from the synergies,
    /// which can differ (companies present at the workshops against companies in a synergy).
    pub fn latest_measurement(&self, indicator: IndicatorKind) -> Option<&Measurement> {
        self.measurements
            .iter()
            .filter(|m| m.indicator == indicator)
            .max_by_key(|m| m.date)
    }

    /// Facilitation hours recorded, log entries and workshops together; `None` when no entry
    /// gives its time (unknown is not zero).
    pub fn facilitation_hours(&self) -> Option<f64> {
        self.activities
            .iter()
            .filter_map(|a| a.hours)
            .chain(self.workshops.iter().filter_map(|w| w.hours))
            .reduce(|a, b| a + b)
    }

    /// The log's entries of each kind that has any, in `ActivityKind::ALL` order: how many, the
    /// companies they name, the hours they give.
    pub fn log_totals(&self) -> Vec<(ActivityKind, usize, usize, f64)> {
        ActivityKind::ALL
            .iter()
            .filter_map(|k| {
                let entries: Vec<&Activity> =
                    self.activities.iter().filter(|a| a.kind == *k).collect();
                (!entries.is_empty()).then(|| {
                    (
                        *k,
                        entries.len(),
                        entries.iter().map(|a| a.actors.len()).sum(),
                        entries.iter().filter_map(|a| a.hours).sum(),
                    )
                })
            })
            .collect()
    }

    /// The flows an actor declared, in file order.
    pub fn flows_of<'a>(&'a self, actor: &'a ActorId) -> impl Iterator<Item = &'a Flow> + 'a {
        self.flows.iter().filter(move |f| &f.actor == actor)
    }
}
