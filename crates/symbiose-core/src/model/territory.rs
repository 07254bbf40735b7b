//! The territory an EIT programme covers and where the programme stands.

use serde::{Deserialize, Serialize};

use super::actor::Position;
use crate::labels;

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
    /// Coopérative agricole (CUMA, coopérative de collecte ou de transformation).
    AgriculturalCooperative,
    /// Coopérative d'activité et d'emploi, or a cooperative of firms sharing a site.
    ActivityCooperative,
    Other,
}

labels!(TerritoryKind {
    ActivityZone => "Zone d'activités", "Activity zone";
    Epci => "EPCI (intercommunalité)", "EPCI (inter-municipal body)";
    FoodProject => "Projet alimentaire territorial (PAT)", "Territorial food project (PAT)";
    AgriculturalCooperative => "Coopérative agricole", "Agricultural cooperative";
    ActivityCooperative => "Coopérative d'activités", "Activity cooperative";
    Other => "Autre territoire", "Other territory";
});

/// A commune of the territory: its INSEE code, and its name as it was when chosen, so that a
/// file and its deliverables name it without the national table (35,000 communes, loaded by
/// the app only when the territory is edited).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct CommuneRef {
    /// INSEE code (`2B033`).
    pub insee: String,
    pub name: String,
}

impl CommuneRef {
    pub fn new(insee: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            insee: insee.into(),
            name: name.into(),
        }
    }

    /// `Bastia (2B033)`, or the code alone when no name was kept.
    pub fn display(&self) -> String {
        if self.name.trim().is_empty() {
            self.insee.clone()
        } else {
            format!("{} ({})", self.name, self.insee)
        }
    }

    /// Corsican communes have INSEE codes starting 2A or 2B.
    pub fn is_corsican(&self) -> bool {
        is_corsican_insee(&self.insee)
    }
}

/// Corsica's departments are 2A and 2B: no natural-gas network, an island electricity mix.
pub fn is_corsican_insee(insee: &str) -> bool {
    let code = insee.trim().to_ascii_uppercase();
    code.starts_with("2A") || code.starts_with("2B")
}

/// The EPCI the territory is, or lies in, with its name as it was when chosen.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct EpciRef {
    pub siren: String,
    pub name: String,
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

/// A follow-up indicator's value at the baseline year, as the facilitator recorded it (from the
/// earlier programme's reports, for a pilot territory followed since 2015).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BaselineValue {
    /// The indicator's code (`indicators::elipse::CODES`: `site_visits`, `tonnes_per_year`…).
    pub indicator: String,
    pub value: f64,
}

impl Territory {
    /// The value recorded for `indicator` at the baseline year, if any.
    pub fn baseline_of(&self, indicator: &str) -> Option<f64> {
        self.baseline_values
            .iter()
            .find(|b| b.indicator == indicator)
            .map(|b| b.value)
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

impl ProgrammeTrack {
    /// The phases the call funds on this track.
    pub fn phases(self) -> [ProgrammePhase; 2] {
        match self {
            Self::NewTerritory => [ProgrammePhase::Diagnostic, ProgrammePhase::Accompaniment],
            Self::Pilot => [ProgrammePhase::Implementation, ProgrammePhase::Bilan],
        }
    }

    pub fn funds(self, phase: ProgrammePhase) -> bool {
        self.phases().contains(&phase)
    }

    /// The call's rule, as the warnings quote it.
    pub fn rule(lang: crate::Lang) -> &'static str {
        lang.pick(
            "l'appel à projets (ADEME, Office de l'Environnement de la Corse) finance les phases 1–2 (diagnostic, accompagnement) des nouveaux territoires et les phases 3–4 (mise en œuvre, bilan) des territoires pilotes suivis depuis 2015",
            "the call for projects (ADEME, Office de l'Environnement de la Corse) funds phases 1–2 (diagnostic, accompaniment) for new territories and phases 3–4 (implementation, bilan) for pilot territories followed since 2015",
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Territory {
    pub kind: TerritoryKind,
    /// The communes covered. Empty: the companies' communes stand for the territory where a
    /// default depends on it (emission factors, see `detect::Assumptions::for_project`).
    pub communes: Vec<CommuneRef>,
    /// The EPCI, when the territory is one or lies in one.
    pub epci: Option<EpciRef>,
    /// Optional perimeter drawn by the facilitator, as a closed ring of positions.
    pub perimeter: Vec<Position>,
    pub phase: ProgrammePhase,
    pub track: ProgrammeTrack,
    pub start_year: Option<i32>,
    /// The year indicators are measured from (2015 for the pilot territories).
    pub baseline_year: Option<i32>,
    /// How far the démarche has come, as the facilitator assesses it (v3).
    pub maturity: Option<super::activity::Maturity>,
    /// The follow-up indicators' values at the baseline year (v3), for the progress table.
    pub baseline_values: Vec<BaselineValue>,
    pub facilitator: String,
    pub funders: Vec<String>,
    pub notes: String,
}
