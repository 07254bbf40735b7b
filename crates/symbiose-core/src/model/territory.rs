//! The territory an EIT programme covers and where the programme stands.

use serde::{Deserialize, Serialize};

use super::actor::Position;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TerritoryKind {
    /// Zone d'activités.
    #[default]
    ActivityZone,
    /// Établissement public de coopération intercommunale.
    Epci,
    /// Projet alimentaire territorial.
    FoodProject,
    Cooperative,
    Other,
}

/// The four phases funders split a programme into.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProgrammePhase {
    #[default]
    Diagnostic,
    Accompaniment,
    Implementation,
    Bilan,
}

impl ProgrammePhase {
    pub const ALL: [ProgrammePhase; 4] = [
        Self::Diagnostic,
        Self::Accompaniment,
        Self::Implementation,
        Self::Bilan,
    ];

    /// 1 to 4, as funders number them.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }
}

/// Which funding track the territory follows; the deliverables and dashboard follow it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProgrammeTrack {
    /// A new territory: phases 1–2 (diagnostic and accompaniment).
    #[default]
    NewTerritory,
    /// A pilot territory supported since 2015: phases 3–4 (implementation and bilan).
    Pilot,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Territory {
    pub kind: TerritoryKind,
    /// INSEE codes of the communes covered (`2B037`).
    pub communes: Vec<String>,
    /// SIREN of the EPCI, when the territory is one or lies in one.
    pub epci_siren: Option<String>,
    /// Optional perimeter drawn by the facilitator, as a closed ring of positions.
    pub perimeter: Vec<Position>,
    pub phase: ProgrammePhase,
    pub track: ProgrammeTrack,
    pub start_year: Option<i32>,
    /// The year indicators are measured from (2015 for the pilot territories).
    pub baseline_year: Option<i32>,
    pub facilitator: String,
    pub funders: Vec<String>,
    pub notes: String,
}
