//! The mission's activity log (journal de mission): what the facilitation did, when, with whom
//! and how long it took. It feeds the process indicators (`indicators::elipse`) and the "Bilan
//! de fin de mission". Workshops keep their own record (`Workshop`, with their decisions); the
//! log holds everything else the funder counts.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::ids::{ActivityId, ActorId};
use crate::labels;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// A visit of a company's site, usually to collect its flows.
    #[default]
    SiteVisit,
    /// An interview (by phone, video or at the office).
    Interview,
    QuestionnaireSent,
    QuestionnaireReturned,
    /// Comité de pilotage: the funders and elected officials steering the programme.
    SteeringCommittee,
    /// Comité technique: the technical partners following the work.
    TechnicalCommittee,
    /// A meeting or event presenting the démarche (club of companies, public meeting).
    Event,
    Other,
}

labels!(ActivityKind {
    SiteVisit => "Visite de site", "Site visit";
    Interview => "Entretien", "Interview";
    QuestionnaireSent => "Questionnaire envoyé", "Questionnaire sent";
    QuestionnaireReturned => "Questionnaire retourné", "Questionnaire returned";
    SteeringCommittee => "Comité de pilotage (COPIL)", "Steering committee (COPIL)";
    TechnicalCommittee => "Comité technique (COTECH)", "Technical committee (COTECH)";
    Event => "Réunion ou événement", "Meeting or event";
    Other => "Autre", "Other";
});

impl ActivityKind {
    pub const ALL: [ActivityKind; 8] = [
        Self::SiteVisit,
        Self::Interview,
        Self::QuestionnaireSent,
        Self::QuestionnaireReturned,
        Self::SteeringCommittee,
        Self::TechnicalCommittee,
        Self::Event,
        Self::Other,
    ];
}

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Activity {
    pub id: ActivityId,
    pub kind: ActivityKind,
    pub date: Option<Date>,
    pub title: String,
    /// The companies concerned (the visited site, the interviewed firm, those present).
    pub actors: Vec<ActorId>,
    /// Other people present, by name or role ("Élu CC Marana-Golo", "ADEME").
    pub people: Vec<String>,
    /// Facilitation time spent, preparation and report included, in hours.
    pub hours: Option<f64>,
    pub notes: String,
}

/// How far the démarche has come, in four levels after those of ELIPSE (OREE), which assesses
/// maturity on governance, economic model, and activities and results. The facilitator says it
/// at each review; the dashboard reports it as said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Maturity {
    /// Companies being met, the first flows collected, no synergy yet under study.
    Emerging,
    /// Synergies under study, a steering committee in place.
    Launched,
    /// Synergies implemented, governance and funding established.
    Developing,
    /// The démarche runs on its own: its economic model no longer depends on the initial aid.
    Lasting,
}

labels!(Maturity {
    Emerging => "1 — Émergence : rencontres, premiers flux collectés", "1 — Emerging: companies met, first flows collected";
    Launched => "2 — Lancement : synergies à l'étude, pilotage en place", "2 — Launched: synergies under study, steering in place";
    Developing => "3 — Développement : synergies mises en œuvre, gouvernance et financement établis", "3 — Developing: synergies implemented, governance and funding established";
    Lasting => "4 — Pérennité : modèle économique autonome", "4 — Lasting: an economic model of its own";
});

impl Maturity {
    pub const ALL: [Maturity; 4] = [
        Self::Emerging,
        Self::Launched,
        Self::Developing,
        Self::Lasting,
    ];

    /// 1 to 4.
    pub fn level(self) -> u8 {
        self as u8 + 1
    }
}
