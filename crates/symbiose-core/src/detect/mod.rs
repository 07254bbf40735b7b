//! Detection: substitution proposals (an offer meets a declared need), deductive proposals
//! (an offer meets an actor whose sector is a known receiver), and mutualisation proposals.
//!
//! Proposals are computed, never stored: each has a stable `key` so the app can mark the ones
//! taken into the pipeline (`Synergy::proposal_key`).

pub mod assumption_lines;
pub mod assumptions;
mod context;
mod deductive;
mod engine;
mod explain;
pub mod fit;
pub mod mutualise;
pub mod public;
#[cfg(test)]
mod regulation_tests;
pub mod score;
pub mod spatial;
mod steps;
pub mod synthetic;
#[cfg(test)]
mod tests;

use serde::Serialize;

pub use crate::model::Weights;
pub use assumptions::{Assumptions, TerritoryBasis};
pub use engine::{
    detect, detect_naive, detect_stepwise, detect_stepwise_with_refusals, detect_with_refusals,
    substitutions, substitutions_naive,
};
pub use mutualise::{Mutualisation, PoolingTheme, mutualisations};
pub use public::{Audience, Lookup, Sight, actor_label, sight};
pub use steps::Step;

use crate::Bilingual;
use crate::kb::regulation::Rule;
use crate::labels;
use crate::model::{ActorId, BarrierKind, FlowId, Gains, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalKind {
    /// An offer meets a need someone declared.
    Substitution,
    /// An offer meets an actor whose sector is a known receiver of it; no need was declared.
    Deductive,
}

labels!(ProposalKind {
    Substitution => "Substitution", "Substitution";
    Deductive => "Piste déductive", "Deductive lead";
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    Resource,
    Quantity,
    Timing,
    Distance,
    Economics,
    Climate,
    Quality,
}

labels!(ComponentKind {
    Resource => "Adéquation de la ressource", "Resource fit";
    Quantity => "Quantités", "Quantities";
    Timing => "Calendrier", "Timing";
    Distance => "Distance", "Distance";
    Economics => "Économie", "Economics";
    Climate => "Climat (CO₂e)", "Climate (CO₂e)";
    Quality => "Qualité", "Quality";
});

/// One reason in the score: its value (0–1), its weight, and what it means in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Component {
    pub kind: ComponentKind,
    pub score: f64,
    pub weight: f64,
    pub text: Bilingual,
    /// The text for a public audience when it differs (costs of non-public flows removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub public_text: Option<Bilingual>,
}

/// A barrier the proposal runs into, shown, never used to hide it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flag {
    pub kind: BarrierKind,
    pub text: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    /// `sub:<offer flow>:<need flow>` or `ded:<offer flow>:<receiver actor>`.
    pub key: String,
    pub kind: ProposalKind,
    pub offer: FlowId,
    pub offer_actor: ActorId,
    pub receiver: ActorId,
    pub need: Option<FlowId>,
    /// Weighted total of the components, 0–1.
    pub score: f64,
    pub components: Vec<Component>,
    pub flags: Vec<Flag>,
    /// Quantity that could move per year, in `unit` (a base unit: t, m³, MWh...).
    pub matched: Option<f64>,
    pub unit: Option<Unit>,
    /// The offer's and the need's own annual quantities in `unit` (the optimiser's limits).
    pub offer_quantity: Option<f64>,
    pub need_quantity: Option<f64>,
    pub road_km: Option<f64>,
    pub net_eur_per_year: Option<f64>,
    pub net_tco2e_per_year: Option<f64>,
    /// Per unit of `matched`, for the optimiser.
    pub eur_per_unit: Option<f64>,
    pub tco2e_per_unit: Option<f64>,
}

/// A pair detection would have proposed but a regulatory rule refuses (`kb::regulation`): kept
/// with the rule's sentence, so a facilitator can say why the obvious exchange is not there.
/// It names flows and companies by their ids only: no audience but the facilitator sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Refusal {
    /// The key the proposal would have had (`sub:…` or `ded:…`).
    pub key: String,
    pub kind: ProposalKind,
    pub offer: FlowId,
    pub offer_actor: ActorId,
    pub receiver: ActorId,
    pub need: Option<FlowId>,
    pub rule: Rule,
    /// What the rule decides and its legal reference.
    pub text: Bilingual,
}

impl Proposal {
    /// The estimated gains to copy into a synergy taken from this proposal.
    pub fn estimated_gains(&self) -> Gains {
        let mut g = Gains {
            eur_per_year: self.net_eur_per_year,
            tco2e_per_year: self.net_tco2e_per_year,
            ..Gains::default()
        };
        match self.unit {
            Some(Unit::Tonne) => g.tonnes_per_year = self.matched,
            Some(Unit::MegawattHour) => g.mwh_per_year = self.matched,
            Some(Unit::CubicMetre) => g.m3_per_year = self.matched,
            _ => {}
        }
        g
    }
}

/// Everything detection found in a project.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Detection {
    /// Substitution then deductive proposals, grouped by offer, best first within an offer.
    pub proposals: Vec<Proposal>,
    pub mutualisations: Vec<Mutualisation>,
    /// Every emission factor the figures may use, with its full source, given once.
    pub factor_sources: Vec<Bilingual>,
    /// What the climate figures do not count, given once.
    pub not_counted: Bilingual,
}
