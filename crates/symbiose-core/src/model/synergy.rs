//! Synergies: decisions the group took about an exchange or a pooling, followed stage by stage.
//! A computed proposal becomes a `Synergy` only when someone takes it into the pipeline.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::ids::{ActorId, FlowId, SynergyId};
use crate::labels;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SynergyKind {
    /// One actor's output replaces another's input (échange de flux).
    #[default]
    Substitution,
    /// Actors pool a need or a resource.
    Mutualisation,
}

labels!(SynergyKind {
    Substitution => "Substitution", "Substitution";
    Mutualisation => "Mutualisation", "Pooling";
});

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    #[default]
    Idea,
    UnderStudy,
    Negotiating,
    Implemented,
    Abandoned,
}

labels!(Stage {
    Idea => "Idée", "Idea";
    UnderStudy => "À l'étude", "Under study";
    Negotiating => "En négociation", "Negotiating";
    Implemented => "Mise en œuvre", "Implemented";
    Abandoned => "Abandonnée", "Abandoned";
});

impl Stage {
    pub const ALL: [Stage; 5] = [
        Self::Idea,
        Self::UnderStudy,
        Self::Negotiating,
        Self::Implemented,
        Self::Abandoned,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BarrierKind {
    Organisation,
    Governance,
    /// Adapting a flow to a new process: quality, quantity, regularity.
    Technical,
    /// Waste status, ICPE permits.
    Regulatory,
    /// Transport, treatment, payback.
    Economic,
}

labels!(BarrierKind {
    Organisation => "Organisationnel", "Organisation";
    Governance => "Gouvernance", "Governance";
    Technical => "Technique", "Technical";
    Regulatory => "Réglementaire", "Regulatory";
    Economic => "Économique", "Economic";
});

impl BarrierKind {
    pub const ALL: [BarrierKind; 5] = [
        Self::Organisation,
        Self::Governance,
        Self::Technical,
        Self::Regulatory,
        Self::Economic,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Barrier {
    pub kind: BarrierKind,
    #[serde(default)]
    pub note: String,
}

/// Yearly gains of a synergy, each optional: unknown is not zero.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Gains {
    pub tonnes_per_year: Option<f64>,
    pub mwh_per_year: Option<f64>,
    pub m3_per_year: Option<f64>,
    pub tco2e_per_year: Option<f64>,
    pub eur_per_year: Option<f64>,
    pub investment_eur: Option<f64>,
    pub jobs: Option<f64>,
}

impl Gains {
    /// Every figure in field order: t, MWh, m³, tCO₂e, €/yr, € invested, jobs.
    pub fn values(&self) -> [Option<f64>; 7] {
        [
            self.tonnes_per_year,
            self.mwh_per_year,
            self.m3_per_year,
            self.tco2e_per_year,
            self.eur_per_year,
            self.investment_eur,
            self.jobs,
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StageChange {
    pub stage: Stage,
    pub date: Date,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Synergy {
    pub id: SynergyId,
    pub kind: SynergyKind,
    pub title: String,
    pub flows: Vec<FlowId>,
    pub actors: Vec<ActorId>,
    pub stage: Stage,
    /// Every stage change with its date, oldest first; the current stage is the last one.
    pub history: Vec<StageChange>,
    pub barriers: Vec<Barrier>,
    pub estimated: Gains,
    pub measured: Gains,
    pub next_step: String,
    /// Why the group abandoned it; required when `stage` is `Abandoned`.
    pub abandon_reason: String,
    /// The key of the detection proposal it came from, so the proposal list can mark it taken.
    pub proposal_key: Option<String>,
    pub notes: String,
}
