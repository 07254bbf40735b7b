//! The roadmap (feuille de route), indicator targets and measurements, and workshops.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::ids::{ActionId, ActorId, SynergyId, WorkshopId};
use super::territory::ProgrammePhase;
use crate::labels;

/// Fields of intervention as the funders' programmes name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InterventionField {
    BehaviourChange,
    /// Waste reduction, recycling, recovery.
    #[default]
    EnvironmentalProject,
    RenewableEnergy,
    /// Animation and AMO (consulting support).
    FacilitationConsulting,
    Other,
}

labels!(InterventionField {
    BehaviourChange => "Changement de comportement", "Behaviour change";
    EnvironmentalProject => "Projet environnemental (réduction, recyclage, valorisation des déchets)", "Environmental project (waste reduction, recycling, recovery)";
    RenewableEnergy => "Développement des énergies renouvelables", "Renewable energy development";
    FacilitationConsulting => "Animation et AMO", "Facilitation and consulting support";
    Other => "Autre", "Other";
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Postponed,
    Cancelled,
}

labels!(ActionStatus {
    Planned => "Prévue", "Planned";
    InProgress => "En cours", "In progress";
    Done => "Réalisée", "Done";
    Postponed => "Reportée", "Postponed";
    Cancelled => "Annulée", "Cancelled";
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FundingSource {
    Ademe,
    RegionalAgency,
    Epci,
    Companies,
    Other,
}

labels!(FundingSource {
    Ademe => "ADEME", "ADEME";
    RegionalAgency => "Agence régionale", "Regional agency";
    Epci => "EPCI", "EPCI";
    Companies => "Entreprises", "Companies";
    Other => "Autre", "Other";
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FundingLine {
    pub source: FundingSource,
    pub amount_eur: f64,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub date: Date,
    pub label: String,
    #[serde(default)]
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct RoadmapAction {
    pub id: ActionId,
    pub title: String,
    pub synergy: Option<SynergyId>,
    /// The project owner (porteur de projet).
    pub owner: String,
    pub partners: Vec<String>,
    pub phase: ProgrammePhase,
    pub field: InterventionField,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub milestones: Vec<Milestone>,
    pub status: ActionStatus,
    pub investment_eur: Option<f64>,
    pub operating_eur_per_year: Option<f64>,
    pub funding: Vec<FundingLine>,
    pub notes: String,
}

/// The indicators a dashboard follows over the years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    TonnesPerYear,
    MwhPerYear,
    M3PerYear,
    Tco2ePerYear,
    EurPerYear,
    InvestmentEur,
    Jobs,
    ActorsEngaged,
    SynergiesImplemented,
}

labels!(IndicatorKind {
    TonnesPerYear => "Tonnes détournées ou substituées par an", "Tonnes diverted or substituted per year";
    MwhPerYear => "MWh par an", "MWh per year";
    M3PerYear => "m³ d'eau par an", "m³ of water per year";
    Tco2ePerYear => "tCO₂e évitées par an", "tCO₂e avoided per year";
    EurPerYear => "€ économisés par an", "€ saved per year";
    InvestmentEur => "€ investis", "€ invested";
    Jobs => "Emplois", "Jobs";
    ActorsEngaged => "Entreprises engagées", "Companies engaged";
    SynergiesImplemented => "Synergies mises en œuvre", "Synergies implemented";
});

impl IndicatorKind {
    pub const ALL: [IndicatorKind; 9] = [
        Self::TonnesPerYear,
        Self::MwhPerYear,
        Self::M3PerYear,
        Self::Tco2ePerYear,
        Self::EurPerYear,
        Self::InvestmentEur,
        Self::Jobs,
        Self::ActorsEngaged,
        Self::SynergiesImplemented,
    ];

    /// The unit a measurement of it is given in.
    pub fn unit(self, lang: crate::Lang) -> &'static str {
        match self {
            Self::TonnesPerYear => lang.pick("t/an", "t/yr"),
            Self::MwhPerYear => lang.pick("MWh/an", "MWh/yr"),
            Self::M3PerYear => lang.pick("m³/an", "m³/yr"),
            Self::Tco2ePerYear => lang.pick("tCO₂e/an", "tCO₂e/yr"),
            Self::EurPerYear => lang.pick("€/an", "€/yr"),
            Self::InvestmentEur => "€",
            Self::Jobs => lang.pick("ETP", "FTE"),
            Self::ActorsEngaged => lang.pick("entreprises", "companies"),
            Self::SynergiesImplemented => lang.pick("synergies", "synergies"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub indicator: IndicatorKind,
    pub year: i32,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    pub indicator: IndicatorKind,
    pub date: Date,
    pub value: f64,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Workshop {
    pub id: WorkshopId,
    pub title: String,
    pub date: Option<Date>,
    pub participants: Vec<ActorId>,
    /// People present who are not actors of the project (funders, consultants).
    pub other_participants: Vec<String>,
    pub decisions: Vec<String>,
    pub notes: String,
}
