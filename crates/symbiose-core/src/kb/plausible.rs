//! The knowledge base's ranking reduced to what detection asks of it: how plausible a receiver
//! sector is for an offer ([`super::Plausibility`]'s numbers), without the evidence lists, the sorting
//! and the maps by sector name that a card or a report needs. A territory asks it once per
//! distinct offer (a few hundred times), and the full ranking made that most of a small
//! territory's detection.
//!
//! Same sums in the same order as [`KnowledgeBase::rank_with`] and [`super::Plausibility::new`], so
//! the same bits: a test compares them on every case of the base and on a synthetic territory.

use std::collections::HashMap;

use super::{
    KnowledgeBase, PLAUSIBLE_DIVISION, PLAUSIBLE_GROUP, Query, RULE_WEIGHT, maestri, rules,
};
use crate::model::ResourceCategory;

/// Every receiver sector a base can rank, numbered in code order (the order its group sums
/// are made in), with what the ranking needs of each.
#[derive(Debug, Clone, Default)]
pub(super) struct Sectors {
    codes: Vec<&'static str>,
    index: HashMap<&'static str, u32>,
    /// Each code's group (3 digits) and division among `groups` and `divisions`; `u32::MAX`
    /// for a code of two digits, which has no group.
    group: Vec<u32>,
    division: Vec<u32>,
    groups: usize,
    divisions: usize,
    /// The receivers of each exchange of the base (parallel to `KnowledgeBase::exchanges`).
    receivers: Vec<Box<[u32]>>,
    /// Every 2- and 3-digit prefix of a code, numbered; and each code's strictly shorter ones.
    prefixes: HashMap<&'static str, u32>,
    shorter: Vec<Box<[u32]>>,
}

impl Sectors {
    /// The sectors of the exchanges `exchanges` (indices into [`maestri::exchanges`]) and of
    /// every own rule.
    pub(super) fn new(exchanges: &[usize]) -> Self {
        let all = maestri::exchanges();
        let mut codes: Vec<&'static str> = exchanges
            .iter()
            .flat_map(|&i| all[i].receiver_nace.iter().map(String::as_str))
            .chain(
                rules::RECEIVERS
                    .iter()
                    .flat_map(|r| r.nace_prefixes.iter().copied()),
            )
            .filter(|c| c.len() >= 2 && c.is_ascii())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        let index: HashMap<&'static str, u32> = codes
            .iter()
            .enumerate()
            .map(|(i, c)| (*c, i as u32))
            .collect();
        let numbered = |map: &mut HashMap<&'static str, u32>, key: &'static str| {
            let next = map.len() as u32;
            *map.entry(key).or_insert(next)
        };
        let (mut groups, mut divisions, mut prefixes) =
            (HashMap::new(), HashMap::new(), HashMap::new());
        let mut group = Vec::with_capacity(codes.len());
        let mut division = Vec::with_capacity(codes.len());
        let mut shorter = Vec::with_capacity(codes.len());
        for code in &codes {
            group.push(code.get(..3).map_or(u32::MAX, |g| numbered(&mut groups, g)));
            division.push(numbered(&mut divisions, &code[..2]));
            shorter.push(
                (2..code.len())
                    .map(|len| numbered(&mut prefixes, &code[..len]))
                    .collect(),
            );
        }
        let receivers = exchanges
            .iter()
            .map(|&i| {
                all[i]
                    .receiver_nace
                    .iter()
                    .filter_map(|n| index.get(n.as_str()).copied())
                    .collect()
            })
            .collect();
        Self {
            codes,
            index,
            group,
            division,
            groups: groups.len(),
            divisions: divisions.len(),
            receivers,
            prefixes,
            shorter,
        }
    }
}

/// How plausible each receiver sector is for one offer: [`super::Plausibility`]'s numbers, held
/// by sector number.
#[derive(Debug, Clone)]
pub struct Plausible<'kb> {
    category: Option<ResourceCategory>,
    sectors: &'kb Sectors,
    /// Each code's plausibility (0 when not ranked), and the best of the codes under each
    /// prefix.
    cover: Vec<f64>,
    near: Vec<f64>,
}

impl Plausible<'_> {
    /// As [`super::Plausibility::of_digits`].
    pub fn of_digits(&self, digits: &str) -> f64 {
        if digits.len() < 2 || self.category.is_some_and(|c| rules::produces(c, digits)) {
            return 0.0;
        }
        let cover = (2..=4)
            .filter_map(|len| digits.get(..len))
            .filter_map(|code| self.sectors.index.get(code))
            .map(|&i| self.cover[i as usize])
            .fold(0.0, f64::max);
        let near = |len: usize| {
            digits
                .get(..len)
                .and_then(|p| self.sectors.prefixes.get(p))
                .map_or(0.0, |&i| self.near[i as usize])
        };
        cover
            .max(PLAUSIBLE_GROUP * near(3))
            .max(PLAUSIBLE_DIVISION * near(2))
    }
}

impl KnowledgeBase {
    /// How plausible each receiver sector is for query `q`: the numbers of
    /// `Plausibility::new(q, &self.rank(q))`, made without the ranking's lists and maps.
    pub fn plausible(&self, q: &Query) -> Plausible<'_> {
        let w = &self.weights;
        let t = &self.sectors;
        let all = maestri::exchanges();
        let (q_words, q_norm) = self.query_words(q);
        let n = t.codes.len();
        // A sector is ranked once it has a vote, a rule or a prior (`present`); the evidence is
        // what it has before the priors.
        let mut score = vec![0.0; n];
        let mut present = vec![false; n];
        for (k, &i) in self.exchanges.iter().enumerate() {
            let (s, _) = self.similarity(w, q, &q_words, q_norm, k);
            if s == 0.0 {
                continue;
            }
            let vote = s.powf(w.sharpen) / all[i].receiver_nace.len() as f64;
            for &r in &t.receivers[k] {
                score[r as usize] += vote;
                present[r as usize] = true;
            }
        }
        if self.use_rules
            && let Some(category) = q.category
        {
            for rule in rules::receivers_for(category) {
                for code in rule.nace_prefixes {
                    if let Some(&r) = t.index.get(code) {
                        score[r as usize] += RULE_WEIGHT;
                        present[r as usize] = true;
                    }
                }
            }
        }
        let evidence: Vec<Option<f64>> = score
            .iter()
            .zip(&present)
            .map(|(s, p)| p.then_some(*s))
            .collect();
        let mut prior = vec![0.0; n];
        for (k, &i) in self.exchanges.iter().enumerate() {
            let p = w.prior / all[i].receiver_nace.len() as f64;
            for &r in &t.receivers[k] {
                score[r as usize] += p;
                prior[r as usize] += p;
                present[r as usize] = true;
            }
        }
        if w.siblings > 0.0 {
            let mut group = vec![0.0; t.groups];
            let mut division = vec![0.0; t.divisions];
            // In code order, as the ranking sums them.
            for (r, e) in evidence.iter().enumerate() {
                if let Some(e) = e {
                    if t.group[r] != u32::MAX {
                        group[t.group[r] as usize] += e;
                    }
                    division[t.division[r] as usize] += e;
                }
            }
            for r in (0..n).filter(|&r| present[r]) {
                let own = evidence[r].unwrap_or(0.0);
                let in_group = match t.group[r] {
                    u32::MAX => 0.0,
                    g => group[g as usize] - own,
                };
                let in_division = division[t.division[r] as usize] - own - in_group;
                score[r] += w.siblings * (in_group + 0.5 * in_division);
            }
        }
        // As `Plausibility::new` on the ranked sectors: a sector that makes the resource is
        // not ranked; each keeps its evidence over the best one's.
        let ranked = |r: usize| {
            present[r]
                && score[r] > 0.0
                && !q.category.is_some_and(|c| rules::produces(c, t.codes[r]))
        };
        let evidence_of = |r: usize| (score[r] - prior[r]).max(0.0);
        let top = (0..n)
            .filter(|&r| ranked(r))
            .map(evidence_of)
            .fold(0.0, f64::max);
        let mut cover = vec![0.0; n];
        let mut near = vec![0.0_f64; t.prefixes.len()];
        if top > 0.0 {
            for r in (0..n).filter(|&r| ranked(r)) {
                let s = (evidence_of(r) / top).clamp(0.0, 1.0);
                cover[r] = f64::max(cover[r], s);
                for &p in &t.shorter[r] {
                    near[p as usize] = near[p as usize].max(s);
                }
            }
        }
        Plausible {
            category: q.category,
            sectors: t,
            cover,
            near,
        }
    }
}

/// The ranking's plausibility, for the test that the two agree.
#[cfg(test)]
fn ranked(kb: &KnowledgeBase, q: &Query) -> super::Plausibility {
    super::Plausibility::new(q, &kb.rank(q))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kb::{Weights, nace_digits, words};

    /// Every code a base knows, its prefixes, and codes it does not know.
    fn digits(kb: &KnowledgeBase) -> Vec<String> {
        let mut out: Vec<String> = kb.sectors.codes.iter().map(|c| c.to_string()).collect();
        out.extend(kb.sectors.prefixes.keys().map(|p| p.to_string()));
        out.extend(["9999", "0000", "1", "", "3511", "2351", "1621", "4711"].map(String::from));
        out
    }

    fn agree(kb: &KnowledgeBase, q: &Query, codes: &[String]) {
        let (fast, slow) = (kb.plausible(q), ranked(kb, q));
        for d in codes {
            assert_eq!(
                fast.of_digits(d).to_bits(),
                slow.of_digits(d).to_bits(),
                "{q:?} {d}"
            );
        }
    }

    /// Each exchange of the base asked as an offer: its codes, class, donor and words, then
    /// its class alone, and its donor alone.
    fn queries() -> Vec<Query> {
        maestri::exchanges()
            .iter()
            .flat_map(|e| {
                let donor = e.donor_nace.first().cloned().filter(|d| d.len() == 4);
                [
                    Query {
                        waste_codes: e.waste_codes.clone(),
                        category: e.category,
                        donor_nace: donor.clone(),
                        words: words::tokens(&e.description),
                    },
                    Query {
                        category: e.category,
                        ..Query::default()
                    },
                    Query {
                        donor_nace: donor,
                        ..Query::default()
                    },
                ]
            })
            .chain([Query::default()])
            .collect()
    }

    #[test]
    fn the_plausibility_is_the_ranking_s_bit_for_bit() {
        let full = KnowledgeBase::full();
        let codes = digits(&full);
        for q in queries() {
            agree(&full, &q, &codes);
        }
    }

    #[test]
    fn so_it_is_without_rules_other_weights_or_a_case() {
        let bases = [
            KnowledgeBase::from_exchanges(|_| true, false),
            KnowledgeBase::from_exchanges(|e| e.case != 1, true).with_weights(Weights {
                siblings: 0.0,
                sharpen: 1.0,
                ..Weights::default()
            }),
        ];
        for kb in &bases {
            let codes = digits(kb);
            for q in queries().iter().step_by(3) {
                agree(kb, q, &codes);
            }
        }
    }

    #[test]
    fn a_synthetic_territory_s_offers_agree() {
        let kb = KnowledgeBase::full();
        let codes = digits(&kb);
        let project = crate::detect::synthetic::territory(2_000, 7);
        let mut asked = std::collections::HashSet::new();
        for f in project
            .flows
            .iter()
            .filter(|f| f.direction == crate::Direction::Offer)
        {
            let naf = project
                .actors
                .iter()
                .find(|a| a.id == f.actor)
                .and_then(|a| a.naf.as_deref())
                .map(nace_digits)
                .filter(|d| d.len() == 4);
            let q = Query {
                waste_codes: f.waste_code.iter().cloned().collect(),
                category: f.category,
                donor_nace: naf,
                words: Vec::new(),
            };
            if asked.insert(format!("{q:?}")) {
                agree(&kb, &q, &codes);
            }
        }
        assert!(asked.len() > 50, "{}", asked.len());
    }
}
