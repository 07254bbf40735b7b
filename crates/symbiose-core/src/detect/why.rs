//! What a proposal keeps of its scoring: the numbers its seven reasons and its flags are written
//! from, and nothing written yet. A territory of 5,000 companies has 250,000 proposals and a
//! screen shows a few dozen: the sentences (French and English, with their figures and sources)
//! are written by [`Why::components`] and [`Why::flags`] only when something shows them, and are
//! the same sentences as when they were written at detection time (`tests/texts.rs`).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::assumptions::Assumptions;
use super::context::{Context, Scored};
use super::figure::Figure;
use super::fit::{Fit, Prepared};
use super::score::{self, Climate, Economics, QualityCheck, QuantityFit};
use super::{ComponentKind, Proposal, ProposalKind};
use crate::factors::Factors;
use crate::kb::Evidence;
use crate::kb::regulation::Finding;
use crate::refdata::{naf, waste::WasteCode};

/// The assumptions and factors a detection ran with, shared by all its proposals: a sentence
/// quotes the detour, the transport cost and the factors as they were for that run.
#[derive(PartialEq)]
pub(crate) struct Setting {
    pub asm: Assumptions,
    pub factors: Factors,
}

/// Shown once per proposal in a debug print: the factor table would bury everything else.
impl std::fmt::Debug for Setting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Setting { .. }")
    }
}

/// Why the resource fits: a declared need's fit, or a receiver sector the knowledge base knows.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) enum ResourceWhy {
    Need(Fit),
    Sector {
        /// The lead's resource score (0.3–0.8, below a declared need's best).
        score: f64,
        /// The ranked sector's NACE digits.
        nace: String,
        /// The receiver's own NAF entry, named in the sentence when known.
        #[serde(with = "super::wire::naf_code")]
        receiver_naf: Option<&'static naf::NafCode>,
        evidence: Evidence,
    },
}

/// The numbers behind one proposal (see the module's comment). Sent between the detection
/// worker and the page as they are (`wire`): the setting once per message, not per proposal.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Why {
    pub resource: ResourceWhy,
    pub quantity: QuantityFit,
    /// Months of the need covered, months wanted, score; `None` when the receiver declared no
    /// calendar (a deductive lead).
    pub timing: Option<(u32, u32, f64)>,
    pub road_km: Figure,
    pub economics: Economics,
    pub climate: Climate,
    pub quality: QualityCheck,
    pub regulation: Option<Finding>,
    /// A flow's costs may not be shown to a public audience.
    pub confidential: bool,
    /// The offer's code when it is hazardous (a flag quotes it).
    #[serde(with = "super::wire::waste_code")]
    pub hazardous: Option<&'static WasteCode>,
    /// A waste goes to a receiver outside the waste sector (ICPE flag).
    pub receives_waste: bool,
    #[serde(skip, default = "super::wire::unset")]
    pub setting: Arc<Setting>,
}

impl Why {
    pub fn asm(&self) -> &Assumptions {
        &self.setting.asm
    }

    /// Each reason's kind, score (0–1) and weight, in the order they are shown.
    pub fn scores(&self) -> [(ComponentKind, f64, f64); 7] {
        let asm = self.asm();
        let w = &asm.weights;
        let resource = match &self.resource {
            ResourceWhy::Need(fit) => fit.score,
            ResourceWhy::Sector { score, .. } => *score,
        };
        [
            (ComponentKind::Resource, resource, w.resource),
            (ComponentKind::Quantity, self.quantity.score, w.quantity),
            (
                ComponentKind::Timing,
                self.timing.map_or(0.5, |t| t.2),
                w.timing,
            ),
            (
                ComponentKind::Distance,
                score::distance_score(self.road_km.get(), asm),
                w.distance,
            ),
            (
                ComponentKind::Economics,
                score::gain_score(self.economics.net.get(), asm.eur_scale),
                w.economics,
            ),
            (
                ComponentKind::Climate,
                score::gain_score(self.climate.net.get(), asm.tco2e_scale),
                w.climate,
            ),
            (ComponentKind::Quality, self.quality.score, w.quality),
        ]
    }
}

/// The barriers' facts of moving `offer` to a receiver that is, or not, in the waste sector
/// (NAF section E).
fn barriers(
    offer: &Prepared,
    receiver_in_waste_sector: bool,
) -> (Option<&'static WasteCode>, bool) {
    let hazardous = offer.code.filter(|c| c.hazardous);
    let is_waste = offer.code.is_some() || offer.family() == crate::model::Family::Waste;
    (hazardous, is_waste && !receiver_in_waste_sector)
}

/// Whether the economic figures must be hidden from a public audience.
pub(crate) fn costs_confidential(flows: &[&Prepared]) -> bool {
    flows
        .iter()
        .any(|p| !super::public::costs_public(p.flow.confidentiality))
}

/// The proposal of a kept (offer, need) pair.
pub(crate) fn substitution(ctx: &Context, s: &Scored) -> Proposal {
    let (o, n) = (&ctx.offers[s.offer], &ctx.needs[s.need]);
    let (hazardous, receives_waste) = barriers(o, n.waste_sector);
    let why = Why {
        resource: ResourceWhy::Need(s.fit),
        quantity: s.quantity,
        timing: Some(s.timing),
        road_km: s.road_km.into(),
        economics: s.economics,
        climate: s.climate,
        quality: s.quality,
        regulation: s.regulation,
        confidential: costs_confidential(&[o, n]),
        hazardous,
        receives_waste,
        setting: ctx.setting.clone(),
    };
    Proposal::from_why(
        ProposalKind::Substitution,
        o.flow.id.clone(),
        o.flow.actor.clone(),
        n.flow.actor.clone(),
        Some(n.flow.id.clone()),
        s.total,
        Box::new(why),
    )
}

/// What a deductive lead was scored with (see `deductive::for_offer`).
pub(crate) struct LeadNumbers<'a> {
    pub receiver: &'a crate::model::Actor,
    pub resource: f64,
    pub nace: String,
    pub evidence: Evidence,
    pub road_km: Option<f64>,
    pub total: f64,
    pub regulation: Option<Finding>,
}

/// The proposal of a kept deductive lead.
pub(crate) fn lead(ctx: &Context, offer: &Prepared, lead: LeadNumbers) -> Proposal {
    let asm = ctx.asm;
    let quantity = score::quantity_fit(offer, None);
    let economics = score::economics(offer, None, &quantity, lead.road_km, asm);
    let climate = score::climate(
        offer,
        None,
        &quantity,
        lead.road_km,
        asm,
        &ctx.climate_factors,
    );
    let receiver_naf = lead.receiver.naf.as_deref();
    let (hazardous, receives_waste) =
        barriers(offer, super::fit::in_waste_sector(Some(lead.receiver)));
    let why = Why {
        resource: ResourceWhy::Sector {
            score: lead.resource,
            nace: lead.nace,
            receiver_naf: receiver_naf.and_then(naf::lookup),
            evidence: lead.evidence,
        },
        quantity,
        timing: None,
        road_km: lead.road_km.into(),
        economics,
        climate,
        quality: score::quality(offer, None),
        regulation: lead.regulation,
        confidential: costs_confidential(&[offer]),
        hazardous,
        receives_waste,
        setting: ctx.setting.clone(),
    };
    Proposal::from_why(
        ProposalKind::Deductive,
        offer.flow.id.clone(),
        offer.flow.actor.clone(),
        lead.receiver.id.clone(),
        None,
        lead.total,
        Box::new(why),
    )
}

#[cfg(test)]
impl Why {
    /// A proposal's numbers with nothing known, for tests that need only its figures.
    pub fn unknown() -> Box<Why> {
        Box::new(Why {
            resource: ResourceWhy::Need(Fit {
                level: super::fit::FitLevel::SameCategory,
                score: 0.75,
                rule: None,
                thermal: None,
                label_similarity: 0.0,
                sector: Figure::UNKNOWN,
            }),
            quantity: QuantityFit {
                matched: Figure::UNKNOWN,
                unit: None,
                offer_annual: Figure::UNKNOWN,
                need_annual: Figure::UNKNOWN,
                score: 0.5,
            },
            timing: None,
            road_km: Figure::UNKNOWN,
            economics: Economics::default(),
            climate: Climate::default(),
            quality: QualityCheck::default(),
            regulation: None,
            confidential: false,
            hazardous: None,
            receives_waste: false,
            setting: Arc::new(Setting {
                asm: Assumptions::default(),
                factors: Factors::bundled().clone(),
            }),
        })
    }
}

#[cfg(test)]
mod size {
    /// The page holds a territory's proposals (250,000 at 5,000 companies), each with its `Why`:
    /// a field that makes it larger should be a choice (docs/PERFORMANCE.md, run AB).
    #[test]
    fn the_numbers_of_a_proposal_stay_compact() {
        if cfg!(target_pointer_width = "64") {
            assert!(std::mem::size_of::<super::Why>() <= 296);
        }
    }
}
