//! What detection works on, shared downward: the project's flows prepared once ([`Context`])
//! and the numbers of a pair that passed every filter ([`Scored`]). The engine builds and
//! selects them; explain and deductive read them; none of these imports the engine.

use std::cell::{Cell, OnceCell};
use std::collections::HashMap;

use super::assumptions::Assumptions;
use super::fit::{Fit, Outline, Prepared};
use super::score::{self, Climate, Economics, QualityCheck, QuantityFit};
use crate::factors::Factors;
use crate::kb::regulation::{self, Finding, Transfer, Verdict};
use crate::kb::{KnowledgeBase, Plausible, Query};
use crate::model::{Actor, ActorId, Direction, Project, ResourceCategory};

/// The flows and actors of a project, prepared once for matching.
pub(crate) struct Context<'a> {
    pub project: &'a Project,
    pub asm: &'a Assumptions,
    pub factors: &'a Factors,
    pub climate_factors: score::ClimateFactors,
    /// The assumptions and factors every proposal of this run quotes.
    pub setting: std::sync::Arc<super::why::Setting>,
    pub offers: Vec<Prepared<'a>>,
    pub needs: Vec<Prepared<'a>>,
    /// The same flows, outlined for the scan's first bound (same indices).
    pub offer_outlines: Vec<Outline>,
    pub need_outlines: Vec<Outline>,
    /// Actors by every 2-, 3- and 4-digit prefix of their NAF code, for deductive leads.
    pub actors_by_nace: HashMap<String, Vec<&'a Actor>>,
    /// How plausible each receiver sector is for an offer: one query per distinct (code, class,
    /// donor class), since a territory repeats them, ranked the first time a need asks (an update
    /// after an edit scores a few offers and asks for few), and the index of each offer's.
    plausibility: Vec<Asked<'a>>,
    offer_plausibility: Vec<u32>,
    /// Each need's company's NACE digits as an index into `receiver_naces` (`u32::MAX` when
    /// unknown): a plausibility is asked millions of times for a few hundred distinct sectors,
    /// and kept per (query, sector) once computed.
    need_nace: Vec<u32>,
    receiver_naces: Vec<String>,
    kb: &'a KnowledgeBase,
}

impl<'a> Context<'a> {
    pub fn new(
        project: &'a Project,
        asm: &'a Assumptions,
        factors: &'a Factors,
        kb: &'a KnowledgeBase,
    ) -> Self {
        let actors: HashMap<&ActorId, &Actor> = project.actors.iter().map(|a| (&a.id, a)).collect();
        let prepare = |dir: Direction| {
            project
                .flows
                .iter()
                .filter(|f| f.direction == dir)
                .map(|f| Prepared::new(f, actors.get(&f.actor).copied()))
                .collect::<Vec<_>>()
        };
        let (offers, needs) = (prepare(Direction::Offer), prepare(Direction::Need));
        let mut actors_by_nace: HashMap<String, Vec<&Actor>> = HashMap::new();
        for a in &project.actors {
            let digits = a
                .naf
                .as_deref()
                .map(crate::kb::nace_digits)
                .unwrap_or_default();
            for len in 2..=digits.len() {
                actors_by_nace
                    .entry(digits[..len].to_string())
                    .or_default()
                    .push(a);
            }
        }
        let mut plausibility = Vec::new();
        let mut seen: HashMap<(Option<&str>, Option<ResourceCategory>, &str), u32> = HashMap::new();
        let offer_plausibility = offers
            .iter()
            .map(|o| {
                let key = (o.code.map(|c| c.code.as_str()), o.category, o.nace.as_str());
                *seen.entry(key).or_insert_with(|| {
                    let query = Query {
                        waste_codes: o.code.map(|c| vec![c.code.clone()]).unwrap_or_default(),
                        category: o.category,
                        donor_nace: Some(o.nace.clone()).filter(|d| d.len() == 4),
                        words: Vec::new(),
                    };
                    plausibility.push((query, OnceCell::new(), OnceCell::new()));
                    plausibility.len() as u32 - 1
                })
            })
            .collect();
        let mut receiver_naces = Vec::new();
        let mut nace_index: HashMap<&str, u32> = HashMap::new();
        let need_nace = needs
            .iter()
            .map(|n| {
                if n.nace.len() < 2 {
                    return u32::MAX;
                }
                *nace_index.entry(n.nace.as_str()).or_insert_with(|| {
                    receiver_naces.push(n.nace.clone());
                    receiver_naces.len() as u32 - 1
                })
            })
            .collect();
        Self {
            plausibility,
            offer_plausibility,
            need_nace,
            receiver_naces,
            kb,
            project,
            asm,
            factors,
            climate_factors: score::ClimateFactors::new(asm, factors),
            setting: std::sync::Arc::new(super::why::Setting {
                asm: asm.clone(),
                factors: factors.clone(),
            }),
            offer_outlines: offers.iter().map(Outline::new).collect(),
            need_outlines: needs.iter().map(Outline::new).collect(),
            offers,
            needs,
            actors_by_nace,
        }
    }
}

impl Context<'_> {
    /// How plausible a receiver the need's company is for the offer (`None`: its NAF unknown).
    pub fn sector_plausibility(&self, offer: usize, need: usize) -> Option<f64> {
        let nace = *self.need_nace.get(need).filter(|&&i| i != u32::MAX)? as usize;
        let (query, ranked, known) = &self.plausibility[self.offer_plausibility[offer] as usize];
        let known = known.get_or_init(|| vec![Cell::new(f64::NAN); self.receiver_naces.len()]);
        let value = known[nace].get();
        if !value.is_nan() {
            return Some(value);
        }
        let value = ranked
            .get_or_init(|| self.kb.plausible(query))
            .of_digits(&self.receiver_naces[nace]);
        known[nace].set(value);
        Some(value)
    }
}

/// One offer query's receiver plausibility: the query, its ranking once made, and the value for
/// each receiver sector once asked (`NaN` until then).
type Asked<'a> = (Query, OnceCell<Plausible<'a>>, OnceCell<Vec<Cell<f64>>>);

/// The regulatory rule that applies to moving `offer` to a receiver of NAF `receiver_naf`, for
/// a declared need of class `need` (`None` for a deductive lead).
pub(crate) fn regulation(
    offer: &Prepared,
    receiver_naf: Option<&str>,
    need: Option<ResourceCategory>,
) -> Option<Finding> {
    regulation::assess(&Transfer {
        code: offer.code,
        category: offer.category,
        donor_naf: offer.actor.and_then(|a| a.naf.as_deref()),
        receiver_naf,
        need,
    })
}

/// The numbers of one (offer, need) pair that passed every filter but the regulatory rules.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    pub offer: usize,
    pub need: usize,
    pub fit: Fit,
    pub quantity: QuantityFit,
    pub timing: (u32, u32, f64),
    pub road_km: Option<f64>,
    pub economics: Economics,
    pub climate: Climate,
    pub quality: QualityCheck,
    pub total: f64,
    /// The regulatory rule that applies, if any; a refused pair is never proposed.
    pub regulation: Option<Finding>,
}

impl Scored {
    pub fn refused(&self) -> bool {
        self.regulation
            .is_some_and(|f| f.verdict() == Verdict::Refused)
    }
}
