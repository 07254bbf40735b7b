//! Deductive leads: an offer nobody declared a need for, and actors of the zone whose sector
//! is a known receiver of it in real exchanges (MAESTRI) or by Symbiose's rules. An actor of
//! the donor's own activity, or of an activity that makes the resource, is no lead (it has the
//! same residue), and the regulatory rules judge every lead as they judge declared needs.

use std::collections::HashMap;

use super::context::{Context, regulation};
use super::fit::Prepared;
use super::score;
use super::why;
use super::{Proposal, ProposalKind, Refusal};
use crate::kb::regulation::{Finding, Verdict};
use crate::kb::{KnowledgeBase, Query, ReceiverSector, nace_digits, rules};
use crate::model::{Actor, ActorId};

/// Receiver sectors looked at per offer: generous, since most sectors have no actor in a
/// given zone, and the popularity prior puts frequent receivers (power plants) high.
const SECTORS_PER_OFFER: usize = 25;

fn query_of(offer: &Prepared) -> Query {
    Query {
        waste_codes: offer.code.map(|c| vec![c.code.clone()]).unwrap_or_default(),
        category: offer.category,
        donor_nace: offer
            .actor
            .and_then(|a| a.naf.as_deref())
            .map(nace_digits)
            .filter(|d| d.len() == 4),
        words: crate::kb::words::tokens(&offer.flow.label),
    }
}

struct Lead<'a> {
    actor: &'a Actor,
    sector: &'a ReceiverSector,
    resource: f64,
    road_km: Option<f64>,
    total: f64,
    regulation: Option<Finding>,
}

/// Whether an actor makes what is offered: the donor's own activity (NACE class), or an
/// activity that produces this resource as its residue (`rules::PRODUCERS`).
fn produces(actor: &Actor, donor_class: Option<&str>, offer: &Prepared) -> bool {
    let class = actor.naf.as_deref().map(nace_digits).unwrap_or_default();
    (class.len() == 4 && donor_class == Some(class.as_str()))
        || offer.category.is_some_and(|c| rules::produces(c, &class))
}

/// The leads of one offer, and the leads a regulatory rule refused.
pub(crate) fn for_offer(
    ctx: &Context,
    oi: usize,
    kb: &KnowledgeBase,
) -> (Vec<Proposal>, Vec<Refusal>) {
    let offer = &ctx.offers[oi];
    if offer.category.is_none() && offer.code.is_none() {
        return (Vec::new(), Vec::new());
    }
    let query = query_of(offer);
    let donor_class = query.donor_nace.clone();
    let ranked: Vec<ReceiverSector> = kb
        .rank(&query)
        .into_iter()
        .filter(|r| !r.exchanges.is_empty() || r.rule.is_some())
        .take(SECTORS_PER_OFFER)
        .collect();
    let Some(top) = ranked.first().map(|r| r.score) else {
        return (Vec::new(), Vec::new());
    };
    let asm = ctx.asm;
    let w = &asm.weights;
    let quantity = score::quantity_fit(offer, None);
    let quality = score::quality(offer, None);
    let mut best: HashMap<&ActorId, Lead> = HashMap::new();
    let mut refused: HashMap<&ActorId, Lead> = HashMap::new();
    for sector in &ranked {
        // Weaker than a declared need at best: nobody said they want it.
        let resource = 0.3 + 0.5 * sector.score / top;
        for actor in ctx.actors_by_nace.get(&sector.nace).into_iter().flatten() {
            if actor.id == offer.flow.actor || produces(actor, donor_class.as_deref(), offer) {
                continue;
            }
            let road_km = score::road_km(offer.position, actor.position, asm);
            if road_km.is_some_and(|d| d > asm.max_road_km) {
                continue;
            }
            let economics = score::economics(offer, None, &quantity, road_km, asm);
            let climate =
                score::climate(offer, None, &quantity, road_km, asm, &ctx.climate_factors);
            let total = w.resource * resource
                + w.quantity * quantity.score
                + w.timing * 0.5
                + w.distance * score::distance_score(road_km, asm)
                + w.economics * score::gain_score(economics.net.get(), asm.eur_scale)
                + w.climate * score::gain_score(climate.net.get(), asm.tco2e_scale)
                + w.quality * quality.score;
            let finding = regulation(offer, actor.naf.as_deref(), None);
            let kept = match finding.map(|f| f.verdict()) {
                Some(Verdict::Refused) => &mut refused,
                _ => &mut best,
            };
            if total < asm.min_score || kept.get(&actor.id).is_some_and(|l| l.total >= total) {
                continue;
            }
            kept.insert(
                &actor.id,
                Lead {
                    actor,
                    sector,
                    resource,
                    road_km,
                    total,
                    regulation: finding,
                },
            );
        }
    }
    let leads = best_leads(best, asm.max_proposals_per_offer);
    let refusals = best_leads(refused, asm.max_proposals_per_offer)
        .into_iter()
        .map(|l| refusal(offer, &l))
        .collect();
    let proposals = leads.into_iter().map(|l| proposal(ctx, offer, l)).collect();
    (proposals, refusals)
}

/// The `k` best leads, best first (ties by actor id, for a stable output).
fn best_leads<'a>(leads: HashMap<&ActorId, Lead<'a>>, k: usize) -> Vec<Lead<'a>> {
    let mut leads: Vec<Lead> = leads.into_values().collect();
    leads.sort_by(|a, b| {
        b.total
            .total_cmp(&a.total)
            .then_with(|| a.actor.id.cmp(&b.actor.id))
    });
    leads.truncate(k);
    leads
}

fn refusal(offer: &Prepared, lead: &Lead) -> Refusal {
    let finding = lead.regulation.expect("a refused lead has its rule");
    Refusal {
        key: format!("ded:{}:{}", offer.flow.id, lead.actor.id),
        kind: ProposalKind::Deductive,
        offer: offer.flow.id.clone(),
        offer_actor: offer.flow.actor.clone(),
        receiver: lead.actor.id.clone(),
        need: None,
        rule: finding.rule,
        text: finding.text(),
    }
}

fn proposal(ctx: &Context, offer: &Prepared, lead: Lead) -> Proposal {
    why::lead(
        ctx,
        offer,
        why::LeadNumbers {
            receiver: lead.actor,
            resource: lead.resource,
            nace: lead.sector.nace.clone(),
            evidence: lead.sector.summary(),
            road_km: lead.road_km,
            total: lead.total,
            regulation: lead.regulation,
        },
    )
}
