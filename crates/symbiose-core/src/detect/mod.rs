//! Detection: substitution proposals (an offer meets a declared need), deductive proposals
//! (an offer meets an actor whose sector is a known receiver), and mutualisation proposals.
//!
//! Proposals are computed, never stored: each has a stable `key` so the app can mark the ones
//! taken into the pipeline (`Synergy::proposal_key`).

pub mod assumption_lines;
pub mod assumptions;
mod block;
mod context;
mod deductive;
mod engine;
mod explain;
pub mod figure;
pub mod fit;
pub mod incremental;
pub mod mutualise;
pub mod public;
#[cfg(test)]
mod regulation_tests;
pub mod score;
pub mod seen;
pub mod share;
pub mod spatial;
mod steps;
pub mod synthetic;
#[cfg(test)]
mod tests;
pub(crate) mod why;
pub mod wire;

use serde::{Deserialize, Serialize};

pub use crate::model::Weights;
pub use assumptions::{Assumptions, TerritoryBasis};
pub use engine::{
    detect, detect_naive, detect_stepwise, detect_stepwise_with_refusals, detect_with_refusals,
    substitutions, substitutions_naive,
};
pub use mutualise::{Mutualisation, PoolingTheme, mutualisations};
pub use public::{Audience, Sight, actor_label, index_for, sight};
pub use steps::Step;

use crate::Bilingual;
use crate::kb::regulation::Rule;
use crate::labels;
use crate::model::{ActorId, BarrierKind, FlowId, Gains, Unit};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// A proposal keeps its numbers; its sentences are written when it is shown
/// ([`Proposal::components`], [`Proposal::flags`], [`Proposal::render`]). Serialised, it has
/// them written out, as a file or the CLI shows it.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub kind: ProposalKind,
    pub offer: FlowId,
    pub offer_actor: ActorId,
    pub receiver: ActorId,
    pub need: Option<FlowId>,
    /// Weighted total of the components, 0–1.
    pub score: f64,
    /// What the figures and sentences are read and written from: the figures are not copied
    /// beside it (a territory's 250,000 proposals are held by the page).
    pub(crate) why: Box<why::Why>,
}

/// A pair detection would have proposed but a regulatory rule refuses (`kb::regulation`): kept
/// with the rule's sentence, so a facilitator can say why the obvious exchange is not there.
/// It names flows and companies by their ids only: no audience but the facilitator sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// A proposal from its pair, its score and its numbers: its key and figures follow from them.
    pub(crate) fn from_why(
        kind: ProposalKind,
        offer: FlowId,
        offer_actor: ActorId,
        receiver: ActorId,
        need: Option<FlowId>,
        score: f64,
        why: Box<why::Why>,
    ) -> Self {
        Self {
            kind,
            offer,
            offer_actor,
            receiver,
            need,
            score,
            why,
        }
    }

    /// `sub:<offer flow>:<need flow>` or `ded:<offer flow>:<receiver actor>`: what the pipeline
    /// and the screens know a proposal by. Written when asked, not kept: the page holds a
    /// territory's 250,000 proposals, and their keys took 9 MB (docs/PERFORMANCE.md, run AC).
    pub fn key(&self) -> String {
        let (prefix, offer, other) = self.key_parts();
        format!("{prefix}{offer}:{other}")
    }

    /// Whether `key` is this proposal's [`Proposal::key`], without writing it.
    pub fn has_key(&self, key: &str) -> bool {
        let (prefix, offer, other) = self.key_parts();
        key.strip_prefix(prefix)
            .and_then(|k| k.strip_prefix(offer))
            .and_then(|k| k.strip_prefix(':'))
            == Some(other)
    }

    fn key_parts(&self) -> (&'static str, &str, &str) {
        match (self.kind, &self.need) {
            (ProposalKind::Substitution, Some(n)) => ("sub:", self.offer.as_str(), n.as_str()),
            _ => ("ded:", self.offer.as_str(), self.receiver.as_str()),
        }
    }

    /// Quantity that could move per year, in [`Proposal::unit`] (a base unit: t, m³, MWh...).
    pub fn matched(&self) -> Option<f64> {
        self.why.quantity.matched.get()
    }

    pub fn unit(&self) -> Option<Unit> {
        self.why.quantity.unit
    }

    /// The offer's own annual quantity in [`Proposal::unit`] (the optimiser's limit).
    pub fn offer_quantity(&self) -> Option<f64> {
        self.why.quantity.offer_annual.get()
    }

    /// The need's own annual quantity in [`Proposal::unit`] (the optimiser's limit).
    pub fn need_quantity(&self) -> Option<f64> {
        self.why.quantity.need_annual.get()
    }

    pub fn road_km(&self) -> Option<f64> {
        self.why.road_km.get()
    }

    pub fn net_eur_per_year(&self) -> Option<f64> {
        self.why.economics.net.get()
    }

    pub fn net_tco2e_per_year(&self) -> Option<f64> {
        self.why.climate.net.get()
    }

    /// Per unit of [`Proposal::matched`], for the optimiser.
    pub fn eur_per_unit(&self) -> Option<f64> {
        self.why.economics.net_per_unit.get()
    }

    pub fn tco2e_per_unit(&self) -> Option<f64> {
        self.why.climate.net_per_unit.get()
    }

    /// The seven reasons of the score, each with its sentence in both languages, written now.
    pub fn components(&self) -> Vec<Component> {
        self.why.components()
    }

    /// The barriers the exchange runs into, written now.
    pub fn flags(&self) -> Vec<Flag> {
        self.why.flags()
    }

    /// The estimated gains to copy into a synergy taken from this proposal.
    pub fn estimated_gains(&self) -> Gains {
        let mut g = Gains {
            eur_per_year: self.net_eur_per_year(),
            tco2e_per_year: self.net_tco2e_per_year(),
            ..Gains::default()
        };
        match self.unit() {
            Some(Unit::Tonne) => g.tonnes_per_year = self.matched(),
            Some(Unit::MegawattHour) => g.mwh_per_year = self.matched(),
            Some(Unit::CubicMetre) => g.m3_per_year = self.matched(),
            _ => {}
        }
        g
    }
}

/// Two proposals are equal when they say the same: same pair, same figures, same sentences.
impl PartialEq for Proposal {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.offer == other.offer
            && self.offer_actor == other.offer_actor
            && self.receiver == other.receiver
            && self.need == other.need
            && self.score == other.score
            && self.matched() == other.matched()
            && self.unit() == other.unit()
            && self.offer_quantity() == other.offer_quantity()
            && self.need_quantity() == other.need_quantity()
            && self.road_km() == other.road_km()
            && self.net_eur_per_year() == other.net_eur_per_year()
            && self.net_tco2e_per_year() == other.net_tco2e_per_year()
            && self.eur_per_unit() == other.eur_per_unit()
            && self.tco2e_per_unit() == other.tco2e_per_unit()
            && self.components() == other.components()
            && self.flags() == other.flags()
    }
}

/// The proposal as files and the CLI show it: its sentences written out, in the field order
/// the JSON has always had.
impl Serialize for Proposal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Shown<'a> {
            key: String,
            kind: ProposalKind,
            offer: &'a FlowId,
            offer_actor: &'a ActorId,
            receiver: &'a ActorId,
            need: &'a Option<FlowId>,
            score: f64,
            components: Vec<Component>,
            flags: Vec<Flag>,
            matched: Option<f64>,
            unit: Option<Unit>,
            offer_quantity: Option<f64>,
            need_quantity: Option<f64>,
            road_km: Option<f64>,
            net_eur_per_year: Option<f64>,
            net_tco2e_per_year: Option<f64>,
            eur_per_unit: Option<f64>,
            tco2e_per_unit: Option<f64>,
        }
        Shown {
            key: self.key(),
            kind: self.kind,
            offer: &self.offer,
            offer_actor: &self.offer_actor,
            receiver: &self.receiver,
            need: &self.need,
            score: self.score,
            components: self.components(),
            flags: self.flags(),
            matched: self.matched(),
            unit: self.unit(),
            offer_quantity: self.offer_quantity(),
            need_quantity: self.need_quantity(),
            road_km: self.road_km(),
            net_eur_per_year: self.net_eur_per_year(),
            net_tco2e_per_year: self.net_tco2e_per_year(),
            eur_per_unit: self.eur_per_unit(),
            tco2e_per_unit: self.tco2e_per_unit(),
        }
        .serialize(serializer)
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
