//! The knowledge base behind deductive proposals: which sectors receive which resource.
//!
//! It is built from the MAESTRI real exchanges (donor sector → waste → receiver sector) and
//! from Symbiose's own rules ([`rules`]) where the data is thin. Asked about an offer (its
//! waste codes, resource class and donor sector), it ranks receiver sectors, each with the
//! evidence behind it, so a proposal can say "observed in N real cases, e.g. ...".

pub mod checklist;
pub mod classify;
pub mod crossval;
pub mod maestri;
pub mod regulation;
pub mod rules;
pub mod words;

use std::collections::HashMap;

use crate::model::ResourceCategory;
use crate::{Bilingual, bilingual};
use maestri::Exchange;
use rules::ReceiverRule;

/// What the knowledge base is asked about an offer.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub waste_codes: Vec<String>,
    pub category: Option<ResourceCategory>,
    /// NACE digits of the donor (`3511`), when known.
    pub donor_nace: Option<String>,
}

/// A ranked receiver sector and why.
#[derive(Debug, Clone)]
pub struct ReceiverSector {
    /// NACE digits: a class (`2351`) or a coarser division/group (`01`, `011`).
    pub nace: String,
    pub score: f64,
    /// The real exchanges supporting it (indices into [`maestri::exchanges`]).
    pub exchanges: Vec<usize>,
    pub rule: Option<&'static ReceiverRule>,
    /// Similarity of each supporting exchange to the query, parallel to `exchanges`.
    similarity: Vec<f64>,
}

/// How much one real exchange says about a query: resource similarity first (the waste code
/// is the strongest signal), then a bonus when the donor sector is also the same.
fn similarity(q: &Query, e: &Exchange) -> f64 {
    let code_level = q
        .waste_codes
        .iter()
        .flat_map(|a| e.waste_codes.iter().map(move |b| (a, b)))
        .map(|(a, b)| {
            if a == b {
                1.0
            } else if a.get(..4) == b.get(..4) {
                0.7
            } else if a.get(..2) == b.get(..2) {
                0.35
            } else {
                0.0
            }
        })
        .fold(0.0, f64::max);
    let category_level = match (q.category, e.category) {
        (Some(a), Some(b)) if a == b => 0.5,
        _ => 0.0,
    };
    let resource = f64::max(code_level, category_level);
    if resource == 0.0 {
        return 0.0;
    }
    let donor_bonus = match &q.donor_nace {
        Some(d) if e.donor_nace.iter().any(|x| x == d) => 0.3,
        Some(d) if e.donor_nace.iter().any(|x| x.get(..2) == d.get(..2)) => 0.15,
        _ => 0.0,
    };
    resource + donor_bonus
}

/// A knowledge base over a chosen subset of the exchanges (all of them, or all but one case
/// study for cross-validation), with or without Symbiose's own rules.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    exchanges: Vec<usize>,
    use_rules: bool,
}

/// Weight of an own rule, next to one exchange of similarity 0.5 (same resource class): a rule
/// counts like one observed case, so data outweighs it as soon as there are two.
const RULE_WEIGHT: f64 = 0.5;

/// The popularity prior per exchange received: one exchange similar at class level (0.5)
/// outweighs a sector receiving nine unrelated ones. Chosen on the cross-validation (0.02 to 0.1 tried).
const PRIOR_PER_EXCHANGE: f64 = 0.05;

impl KnowledgeBase {
    /// Every bundled exchange plus the own rules: what the app uses.
    pub fn full() -> Self {
        Self::from_exchanges(|_| true, true)
    }

    /// The exchanges `keep` accepts, with or without the own rules.
    pub fn from_exchanges(keep: impl Fn(&Exchange) -> bool, use_rules: bool) -> Self {
        let exchanges = maestri::exchanges()
            .iter()
            .enumerate()
            .filter(|(_, e)| keep(e) && !e.receiver_nace.is_empty())
            .map(|(i, _)| i)
            .collect();
        Self {
            exchanges,
            use_rules,
        }
    }

    pub fn len(&self) -> usize {
        self.exchanges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.exchanges.is_empty()
    }

    /// Receiver sectors for a query, best first (ties broken by code for stable output).
    pub fn rank(&self, q: &Query) -> Vec<ReceiverSector> {
        let all = maestri::exchanges();
        let mut by_sector: HashMap<&str, ReceiverSector> = HashMap::new();
        for &i in &self.exchanges {
            let e = &all[i];
            let s = similarity(q, e);
            if s == 0.0 {
                continue;
            }
            for nace in &e.receiver_nace {
                let entry = by_sector.entry(nace).or_insert_with(|| ReceiverSector {
                    nace: nace.clone(),
                    score: 0.0,
                    exchanges: Vec::new(),
                    rule: None,
                    similarity: Vec::new(),
                });
                entry.score += s;
                entry.exchanges.push(i);
                entry.similarity.push(s);
            }
        }
        if self.use_rules
            && let Some(category) = q.category
        {
            for rule in rules::receivers_for(category) {
                for nace in rule.nace_prefixes {
                    let entry = by_sector.entry(nace).or_insert_with(|| ReceiverSector {
                        nace: (*nace).to_string(),
                        score: 0.0,
                        exchanges: Vec::new(),
                        rule: None,
                        similarity: Vec::new(),
                    });
                    entry.score += RULE_WEIGHT;
                    entry.rule = Some(rule);
                }
            }
        }
        // Back-off: every receiver sector of the base gets a small prior by how often it
        // receives anything, so sectors the resource alone cannot tell apart are ordered by
        // how common a receiver they are rather than by code.
        for &i in &self.exchanges {
            for nace in &all[i].receiver_nace {
                let entry = by_sector.entry(nace).or_insert_with(|| ReceiverSector {
                    nace: nace.clone(),
                    score: 0.0,
                    exchanges: Vec::new(),
                    rule: None,
                    similarity: Vec::new(),
                });
                entry.score += PRIOR_PER_EXCHANGE;
            }
        }
        // A sector that makes the resource is not its receiver (`rules::PRODUCERS`).
        by_sector.retain(|nace, s| {
            s.score > 0.0 && !q.category.is_some_and(|c| rules::produces(c, nace))
        });
        let mut ranked: Vec<ReceiverSector> = by_sector.into_values().collect();
        // The most similar exchange first, so evidence quotes the best example.
        for r in &mut ranked {
            let mut pairs: Vec<(usize, f64)> = r
                .exchanges
                .iter()
                .copied()
                .zip(r.similarity.iter().copied())
                .collect();
            pairs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            (r.exchanges, r.similarity) = pairs.into_iter().unzip();
        }
        ranked.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.nace.cmp(&b.nace))
        });
        ranked
    }
}

impl ReceiverSector {
    /// "observé dans 3 cas réels, p. ex. ..." / "observed in 3 real cases, e.g. ...", or the
    /// own rule's reason when no real exchange supports it.
    pub fn evidence(&self) -> Bilingual {
        let all = maestri::exchanges();
        let mut cases: Vec<u32> = self.exchanges.iter().map(|&i| all[i].case).collect();
        cases.sort_unstable();
        cases.dedup();
        let first = self.exchanges.first().map(|&i| &all[i]);
        let reference = first
            .and_then(maestri::reference_of)
            .map(maestri::Reference::short)
            .unwrap_or_default();
        Bilingual::from_fn(|l| {
            let mut parts = Vec::new();
            if let Some(e) = first {
                parts.push(bilingual!(in l,
                    "observé dans {} échange(s) réel(s) de {} étude(s) de cas, p. ex. « {} » de {} vers {} ({}, échange {})",
                    "observed in {} real exchange(s) from {} case stud(ies), e.g. \"{}\" from {} to {} ({}, exchange {})",
                    self.exchanges.len(),
                    cases.len(),
                    e.description,
                    e.donor_business,
                    e.receiver_business,
                    reference,
                    e.id
                ));
            }
            if let Some(rule) = self.rule {
                parts.push(bilingual!(in l,
                    "règle Symbiose : {}",
                    "Symbiose rule: {}",
                    l.pick(rule.why_fr, rule.why_en)
                ));
            }
            parts.join(l.pick(" ; ", "; "))
        })
    }

    /// Whether an actor's NAF code (`23.51Z`) falls in this sector.
    pub fn covers_naf(&self, naf: &str) -> bool {
        let digits: String = naf.chars().filter(char::is_ascii_digit).collect();
        digits.starts_with(&self.nace)
    }
}

/// NACE digits of a NAF code: `23.51Z` → `2351`.
pub fn nace_digits(naf: &str) -> String {
    naf.chars().filter(char::is_ascii_digit).take(4).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steel_slag_goes_to_cement_and_concrete() {
        let kb = KnowledgeBase::full();
        let q = Query {
            waste_codes: vec!["100202".into()],
            category: Some(ResourceCategory::Minerals),
            donor_nace: Some("2410".into()),
        };
        let ranked = kb.rank(&q);
        let top: Vec<&str> = ranked.iter().take(3).map(|r| r.nace.as_str()).collect();
        assert!(top.contains(&"2351"), "{top:?}");
        let ev = ranked[0].evidence();
        assert!(ev.fr.contains("observé dans"), "{}", ev.fr);
        assert!(ev.en.contains("real exchange"), "{}", ev.en);
    }

    #[test]
    fn rules_fill_in_where_data_is_thin() {
        let without = KnowledgeBase::from_exchanges(|_| false, false);
        assert!(without.is_empty());
        let q = Query {
            category: Some(ResourceCategory::Wood),
            ..Query::default()
        };
        assert!(without.rank(&q).is_empty());
        let with_rules = KnowledgeBase::from_exchanges(|_| false, true);
        let ranked = with_rules.rank(&q);
        assert!(ranked.iter().any(|r| r.nace == "3530"));
        assert!(ranked[0].evidence().fr.starts_with("règle Symbiose"));
        assert!(
            ranked
                .iter()
                .find(|r| r.nace == "1621")
                .unwrap()
                .covers_naf("16.21Z")
        );
        assert_eq!(nace_digits("23.51Z"), "2351");
    }
}
