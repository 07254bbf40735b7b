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
mod plausible;
pub mod regulation;
pub mod rules;
pub mod words;

use std::collections::HashMap;

use crate::model::ResourceCategory;
use crate::{Bilingual, bilingual};
use maestri::Exchange;
use rules::ReceiverRule;

pub use plausible::Plausible;

/// What the knowledge base is asked about an offer.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub waste_codes: Vec<String>,
    pub category: Option<ResourceCategory>,
    /// NACE digits of the donor (`3511`), when known.
    pub donor_nace: Option<String>,
    /// The offer's description as words ([`words::tokens`] of its label), compared with the
    /// exchanges' descriptions.
    pub words: Vec<String>,
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
    /// The part of `score` that is the popularity prior (how often the sector receives
    /// anything), which [`Plausibility`] leaves out.
    prior: f64,
}

/// The weights of the ranking. [`Weights::default`] is what the app uses; it was chosen by
/// the inner leave-one-case-out of [`crossval::tune`] over the grid [`Weights::grid`], never on
/// the figures it is reported with (see docs/DETECTION.md).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Weights {
    /// Added to an exchange's similarity when its donor has the query's donor class; the
    /// group (3 digits) gets [`DONOR_GROUP`] of it, the division [`DONOR_DIVISION`].
    pub donor: f64,
    /// Weight of the description words' similarity (cosine of IDF-weighted words, 0–1),
    /// added to the resource similarity (0–1).
    pub words: f64,
    /// An exchange votes with its similarity raised to this power: above 1, the most similar
    /// exchanges count for more than many loosely similar ones.
    pub sharpen: f64,
    /// Popularity prior per exchange received, whatever the resource.
    pub prior: f64,
    /// Similarity of an exchange that shares nothing with the query but its donor sector (times
    /// the donor back-off level): who receives from this kind of donor, whatever it gives.
    pub donor_only: f64,
    /// Share of the evidence of the other classes of the same NACE group (3 digits) that a
    /// class receives (half of it for the same division): the back-off of the receiver side.
    pub siblings: f64,
}

/// Donor back-off: a donor of the same group counts this share of a same-class donor.
pub const DONOR_GROUP: f64 = 0.75;
/// Donor back-off: a donor of the same division counts this share of a same-class donor.
pub const DONOR_DIVISION: f64 = 0.5;

impl Default for Weights {
    fn default() -> Self {
        Self {
            donor: 0.15,
            words: 0.5,
            sharpen: 1.0,
            prior: 0.1,
            donor_only: 0.25,
            siblings: 0.2,
        }
    }
}

impl Weights {
    /// The ranking before the words and back-offs (2026-11): what the cross-validation
    /// compares with.
    pub const BEFORE: Self = Self {
        donor: 0.3,
        words: 0.0,
        sharpen: 1.0,
        prior: 0.05,
        donor_only: 0.0,
        siblings: 0.0,
    };

    /// The weights [`crossval::tune`] chooses among, fixed before any evaluation.
    pub fn grid() -> Vec<Self> {
        let mut grid = Vec::new();
        for donor in [0.15, 0.3, 0.6] {
            for words in [0.0, 0.5, 1.0, 2.0] {
                for sharpen in [1.0, 2.0] {
                    for prior in [0.02, 0.05, 0.1] {
                        for donor_only in [0.0, 0.25] {
                            for siblings in [0.0, 0.2] {
                                grid.push(Self {
                                    donor,
                                    words,
                                    sharpen,
                                    prior,
                                    donor_only,
                                    siblings,
                                });
                            }
                        }
                    }
                }
            }
        }
        grid
    }
}

/// Donor back-off level of an exchange for a query's donor: 1 for the same NACE class,
/// [`DONOR_GROUP`] for the same group, [`DONOR_DIVISION`] for the same division, else 0. An
/// exchange whose donor is only known as a group or division (`21`) matches at that level.
fn donor_level(query_donor: &str, exchange_donor: &[String]) -> f64 {
    exchange_donor
        .iter()
        .map(|d| {
            let common = query_donor
                .bytes()
                .zip(d.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            match common {
                4.. => 1.0,
                3 => DONOR_GROUP,
                2 => DONOR_DIVISION,
                _ => 0.0,
            }
        })
        .fold(0.0, f64::max)
}

/// Resource similarity of a query and an exchange, 0–1: the waste code is the strongest
/// signal (same code 1, same section 0.7, same chapter 0.35), the resource class next (0.5).
fn resource_similarity(q: &Query, e: &Exchange) -> f64 {
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
    f64::max(code_level, category_level)
}

/// A knowledge base over a chosen subset of the exchanges (all of them, or all but one case
/// study for cross-validation), with or without Symbiose's own rules.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    exchanges: Vec<usize>,
    use_rules: bool,
    weights: Weights,
    /// Inverse document frequency of each description word over this base's exchanges.
    idf: HashMap<String, f64>,
    /// IDF norm of each exchange's words, parallel to `exchanges`.
    norms: Vec<f64>,
    /// The sectors it can rank, numbered, for [`KnowledgeBase::plausible`].
    sectors: plausible::Sectors,
}

/// Weight of an own rule, next to one exchange of similarity 0.5 (same resource class): a rule
/// counts like one observed case, so data outweighs it as soon as there are two.
const RULE_WEIGHT: f64 = 0.5;

/// Plausibility back-off: a receiver whose NACE group (3 digits) holds a ranked sector gets
/// this share of that sector's plausibility; [`PLAUSIBLE_DIVISION`] for the same division.
pub const PLAUSIBLE_GROUP: f64 = 0.5;
/// See [`PLAUSIBLE_GROUP`].
pub const PLAUSIBLE_DIVISION: f64 = 0.25;

impl KnowledgeBase {
    /// Every bundled exchange plus the own rules: what the app uses.
    pub fn full() -> Self {
        Self::from_exchanges(|_| true, true)
    }

    /// The exchanges `keep` accepts, with or without the own rules, and the default weights.
    pub fn from_exchanges(keep: impl Fn(&Exchange) -> bool, use_rules: bool) -> Self {
        let all = maestri::exchanges();
        let exchanges: Vec<usize> = all
            .iter()
            .enumerate()
            .filter(|(_, e)| keep(e) && !e.receiver_nace.is_empty())
            .map(|(i, _)| i)
            .collect();
        let mut df: HashMap<&str, usize> = HashMap::new();
        for &i in &exchanges {
            for w in &all[i].words {
                *df.entry(w).or_default() += 1;
            }
        }
        let n = exchanges.len() as f64;
        let idf: HashMap<String, f64> = df
            .into_iter()
            .map(|(w, d)| (w.to_string(), (1.0 + n / d as f64).ln()))
            .collect();
        let norms = exchanges
            .iter()
            .map(|&i| {
                all[i]
                    .words
                    .iter()
                    .map(|w| idf.get(w).map_or(0.0, |x| x * x))
                    .sum::<f64>()
                    .sqrt()
            })
            .collect();
        Self {
            sectors: plausible::Sectors::new(&exchanges),
            exchanges,
            use_rules,
            weights: Weights::default(),
            idf,
            norms,
        }
    }

    /// The same base ranking with other weights.
    pub fn with_weights(mut self, weights: Weights) -> Self {
        self.weights = weights;
        self
    }

    pub fn weights(&self) -> Weights {
        self.weights
    }

    pub fn len(&self) -> usize {
        self.exchanges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.exchanges.is_empty()
    }

    /// Similarity of a query and an exchange of this base (`k`-th of `self.exchanges`): the
    /// resource similarity plus the weighted word similarity, then the donor bonus with its
    /// back-off, and whether the resource or the words matched. When neither does, only the
    /// donor can count ([`Weights::donor_only`]), and the exchange is no evidence to quote.
    fn similarity(
        &self,
        w: &Weights,
        q: &Query,
        q_words: &[(&str, f64)],
        q_norm: f64,
        k: usize,
    ) -> (f64, bool) {
        let e = &maestri::exchanges()[self.exchanges[k]];
        let mut words = 0.0;
        if w.words > 0.0 && q_norm > 0.0 && self.norms[k] > 0.0 {
            let dot: f64 = q_words
                .iter()
                .filter(|(t, _)| e.words.iter().any(|x| x == t))
                .map(|(_, idf)| idf * idf)
                .sum();
            words = dot / (q_norm * self.norms[k]);
        }
        let base = resource_similarity(q, e) + w.words * words;
        let donor = q
            .donor_nace
            .as_deref()
            .map_or(0.0, |d| donor_level(d, &e.donor_nace));
        if base == 0.0 {
            return (w.donor_only * donor, false);
        }
        (base + w.donor * donor, true)
    }

    /// The query's words this base knows, each with its IDF, and their norm (for the cosine
    /// of [`KnowledgeBase::similarity`]).
    fn query_words<'q>(&self, q: &'q Query) -> (Vec<(&'q str, f64)>, f64) {
        let words: Vec<(&str, f64)> = q
            .words
            .iter()
            .filter_map(|t| self.idf.get(t).map(|idf| (t.as_str(), *idf)))
            .collect();
        let norm = words.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
        (words, norm)
    }

    /// Receiver sectors for a query, best first (ties broken by code for stable output).
    ///
    /// Each exchange of the base votes for its receiver sector(s) with its similarity to the
    /// query raised to [`Weights::sharpen`], shared among the alternatives when the data lists
    /// several (only those of the same resource or words are listed as the sector's evidence); own rules add [`RULE_WEIGHT`]; every receiver gets a popularity prior; then
    /// each class gets [`Weights::siblings`] of the evidence of the other classes of its group
    /// (half of it for its division), so that a class next to well-supported ones comes before
    /// an isolated one.
    pub fn rank(&self, q: &Query) -> Vec<ReceiverSector> {
        self.rank_with(q, &self.weights)
    }

    /// [`KnowledgeBase::rank`] with other weights (the cross-validation's tuning).
    pub fn rank_with(&self, q: &Query, w: &Weights) -> Vec<ReceiverSector> {
        let all = maestri::exchanges();
        let (q_words, q_norm) = self.query_words(q);
        let mut by_sector: HashMap<&str, ReceiverSector> = HashMap::new();
        fn entry<'a, 'm>(
            map: &'m mut HashMap<&'a str, ReceiverSector>,
            nace: &'a str,
        ) -> &'m mut ReceiverSector {
            map.entry(nace).or_insert_with(|| ReceiverSector {
                nace: nace.to_string(),
                score: 0.0,
                exchanges: Vec::new(),
                rule: None,
                similarity: Vec::new(),
                prior: 0.0,
            })
        }
        for (k, &i) in self.exchanges.iter().enumerate() {
            let e = &all[i];
            let (s, resource) = self.similarity(w, q, &q_words, q_norm, k);
            if s == 0.0 {
                continue;
            }
            let vote = s.powf(w.sharpen) / e.receiver_nace.len() as f64;
            for nace in &e.receiver_nace {
                let r = entry(&mut by_sector, nace);
                r.score += vote;
                // An exchange of another resource from the same kind of donor weighs in the
                // score but is not quoted as evidence that the sector takes this resource.
                if resource {
                    r.exchanges.push(i);
                    r.similarity.push(s);
                }
            }
        }
        if self.use_rules
            && let Some(category) = q.category
        {
            for rule in rules::receivers_for(category) {
                for nace in rule.nace_prefixes {
                    let r = entry(&mut by_sector, nace);
                    r.score += RULE_WEIGHT;
                    r.rule = Some(rule);
                }
            }
        }
        // Every receiver sector of the base gets a small prior by how often it receives
        // anything, so sectors the resource alone cannot tell apart are ordered by how common
        // a receiver they are rather than by code.
        // In code order: the back-off sums these, and a sum in a map's order would differ in its
        // last bits from one run to the next.
        let mut evidence: Vec<(&str, f64)> = by_sector.iter().map(|(n, r)| (*n, r.score)).collect();
        evidence.sort_by(|a, b| a.0.cmp(b.0));
        for &i in &self.exchanges {
            let e = &all[i];
            let prior = w.prior / e.receiver_nace.len() as f64;
            for nace in &e.receiver_nace {
                let r = entry(&mut by_sector, nace);
                r.score += prior;
                r.prior += prior;
            }
        }
        // Receiver back-off: every sector shares in the evidence of the other codes of its
        // group, and half as much in those of its division.
        if w.siblings > 0.0 {
            let mut group: HashMap<&str, f64> = HashMap::new();
            let mut division: HashMap<&str, f64> = HashMap::new();
            let mut own: HashMap<&str, f64> = HashMap::new();
            for &(nace, score) in &evidence {
                if let Some(g) = nace.get(..3) {
                    *group.entry(g).or_default() += score;
                }
                *division.entry(&nace[..2]).or_default() += score;
                own.insert(nace, score);
            }
            for (nace, r) in by_sector.iter_mut() {
                let own = own.get(nace).copied().unwrap_or(0.0);
                let in_group = nace
                    .get(..3)
                    .and_then(|g| group.get(g))
                    .map_or(0.0, |g| g - own);
                let in_division = division.get(&nace[..2]).map_or(0.0, |d| d - own) - in_group;
                r.score += w.siblings * (in_group + 0.5 * in_division);
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

/// The plausibility of receivers for one offer, from its ranking: the definition, which the
/// tests state with hand-made rankings. Detection asks [`KnowledgeBase::plausible`] instead,
/// which makes the same numbers without the ranking (host tests compare the two bit for bit).
///
/// A ranked sector's plausibility is its score without the popularity prior (the evidence
/// that it takes this resource, from the exchanges, the own rules and its group's back-off)
/// over the best such score, so the best-supported sector is 1; a
/// receiver gets the plausibility of the ranked sector that covers its NAF code (its class, or
/// a coarser ranked code such as `01`), else [`PLAUSIBLE_GROUP`] of the best ranked sector of
/// its group, else [`PLAUSIBLE_DIVISION`] of the best of its division, else 0. An activity that
/// makes the offered resource (`rules::PRODUCERS`: a sawmill for wood) gets 0.
#[derive(Debug, Clone, Default)]
pub struct Plausibility {
    category: Option<ResourceCategory>,
    /// Ranked code (2 to 4 digits) → its plausibility.
    cover: HashMap<String, f64>,
    /// Group or division → the best plausibility of a ranked code inside it.
    near: HashMap<String, f64>,
}

impl Plausibility {
    /// From an offer's query and its ranking ([`KnowledgeBase::rank`]).
    pub fn new(query: &Query, ranked: &[ReceiverSector]) -> Self {
        let evidence = |r: &ReceiverSector| (r.score - r.prior).max(0.0);
        let top = ranked.iter().map(evidence).fold(0.0, f64::max);
        let mut p = Self {
            category: query.category,
            ..Self::default()
        };
        if top <= 0.0 {
            return p;
        }
        for r in ranked {
            let s = (evidence(r) / top).clamp(0.0, 1.0);
            let c = p.cover.entry(r.nace.clone()).or_default();
            *c = c.max(s);
            for len in 2..r.nace.len() {
                let n = p.near.entry(r.nace[..len].to_string()).or_default();
                *n = n.max(s);
            }
        }
        p
    }

    /// The plausibility of a receiver of NAF code `naf` (`16.21Z`, or NACE digits), 0–1: at
    /// most five hash look-ups.
    pub fn of(&self, naf: &str) -> f64 {
        self.of_digits(&nace_digits(naf))
    }

    /// [`Plausibility::of`] for NACE digits already extracted (`1621`).
    pub fn of_digits(&self, digits: &str) -> f64 {
        if digits.len() < 2 || self.category.is_some_and(|c| rules::produces(c, digits)) {
            return 0.0;
        }
        let get = |m: &HashMap<String, f64>, len: usize| {
            digits
                .get(..len)
                .and_then(|k| m.get(k))
                .copied()
                .unwrap_or(0.0)
        };
        let cover = (2..=4).map(|len| get(&self.cover, len)).fold(0.0, f64::max);
        cover
            .max(PLAUSIBLE_GROUP * get(&self.near, 3))
            .max(PLAUSIBLE_DIVISION * get(&self.near, 2))
    }
}

/// What supports a receiver sector: how many real exchanges and case studies, the most similar
/// exchange (an index into [`maestri::exchanges`]) and the own rule. Kept with a deductive lead
/// instead of its sentence, which is written when the lead is shown.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct Evidence {
    pub exchanges: usize,
    pub cases: usize,
    pub first: Option<usize>,
    #[serde(with = "crate::detect::wire::receiver_rule")]
    pub rule: Option<&'static ReceiverRule>,
}

impl Evidence {
    pub fn text(&self) -> Bilingual {
        let first = self.first.map(|i| &maestri::exchanges()[i]);
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
                    self.exchanges,
                    self.cases,
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
}

impl ReceiverSector {
    /// What supports this sector, in numbers: [`Evidence::text`] writes it.
    pub fn summary(&self) -> Evidence {
        let all = maestri::exchanges();
        let mut cases: Vec<u32> = self.exchanges.iter().map(|&i| all[i].case).collect();
        cases.sort_unstable();
        cases.dedup();
        Evidence {
            exchanges: self.exchanges.len(),
            cases: cases.len(),
            first: self.exchanges.first().copied(),
            rule: self.rule,
        }
    }

    /// "observé dans 3 cas réels, p. ex. ..." / "observed in 3 real cases, e.g. ...", or the
    /// own rule's reason when no real exchange supports it.
    pub fn evidence(&self) -> Bilingual {
        self.summary().text()
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
            words: words::tokens("Laitier de haut fourneau"),
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

    #[test]
    fn donor_backs_off_from_class_to_group_to_division() {
        let d = |x: &str| vec![x.to_string()];
        assert_eq!(donor_level("2410", &d("2410")), 1.0);
        assert_eq!(donor_level("2410", &d("241")), DONOR_GROUP);
        assert_eq!(donor_level("2410", &d("2420")), DONOR_DIVISION);
        assert_eq!(donor_level("2410", &d("24")), DONOR_DIVISION);
        assert_eq!(donor_level("2410", &d("3511")), 0.0);
        assert_eq!(
            donor_level("2410", &[d("3511"), d("2411")].concat()),
            DONOR_GROUP
        );
        // Within the ranking: the same exchanges, a donor of the group weighs between.
        let kb = KnowledgeBase::full();
        let q = |donor: &str| Query {
            waste_codes: vec!["100202".into()],
            category: Some(ResourceCategory::Minerals),
            donor_nace: Some(donor.into()),
            words: Vec::new(),
        };
        let score = |donor: &str| {
            kb.rank(&q(donor))
                .into_iter()
                .find(|r| r.nace == "2351")
                .unwrap()
                .score
        };
        assert!(score("2410") > score("2420") && score("2420") > score("0111"));
    }

    #[test]
    fn description_words_find_receivers_without_codes() {
        let kb = KnowledgeBase::full();
        // Words alone, French or English: fly ash goes to cement works.
        for label in ["Fly ash", "Cendres volantes de chaudière"] {
            let q = Query {
                words: words::tokens(label),
                ..Query::default()
            };
            let ranked = kb.rank(&q);
            let top: Vec<&str> = ranked.iter().take(3).map(|r| r.nace.as_str()).collect();
            assert!(top.contains(&"2351"), "{label}: {top:?}");
            let cement = ranked.iter().find(|r| r.nace == "2351").unwrap();
            let first = &maestri::exchanges()[cement.exchanges[0]];
            assert!(first.words.contains(&"ash".to_string()), "{first:?}");
        }
        // Without the words weight, the same query has no evidence at all.
        let q = Query {
            words: words::tokens("Fly ash"),
            ..Query::default()
        };
        let none = Weights {
            words: 0.0,
            ..Weights::default()
        };
        assert!(
            kb.rank_with(&q, &none)
                .iter()
                .all(|r| r.exchanges.is_empty())
        );
    }

    #[test]
    fn a_class_shares_in_the_evidence_of_its_group() {
        let kb = KnowledgeBase::full();
        let q = Query {
            waste_codes: vec!["100202".into()],
            category: Some(ResourceCategory::Minerals),
            donor_nace: Some("2410".into()),
            words: words::tokens("Blast furnace slag"),
        };
        let on = Weights {
            siblings: 0.2,
            ..Weights::default()
        };
        let off = Weights {
            siblings: 0.0,
            ..on
        };
        let score = |w: &Weights, nace: &str| {
            kb.rank_with(&q, w)
                .into_iter()
                .find(|r| r.nace == nace)
                .map_or(0.0, |r| r.score)
        };
        // 23.61 (concrete) gets a share of the cement works' (23.51) evidence, same division.
        assert!(score(&on, "2361") > score(&off, "2361"));
    }

    #[test]
    fn plausibility_of_receivers_for_wood() {
        let kb = KnowledgeBase::full();
        let q = Query {
            waste_codes: vec!["030105".into()],
            category: Some(ResourceCategory::Wood),
            donor_nace: Some("1623".into()),
            words: words::tokens("Sciure et copeaux de bois brut"),
        };
        let ranked = kb.rank(&q);
        let p = Plausibility::new(&q, &ranked);
        let best = ranked
            .iter()
            .max_by(|a, b| (a.score - a.prior).total_cmp(&(b.score - b.prior)))
            .unwrap();
        assert_eq!(p.of(&best.nace), 1.0);
        let boiler = p.of("35.30Z");
        let panels = p.of("16.21Z");
        let bakery = p.of("10.71C");
        assert!(boiler > 0.3 && panels > 0.3, "{boiler} {panels}");
        assert!(bakery < 0.1 && bakery < boiler / 4.0, "{bakery}");
        assert_eq!(
            p.of("16.10A"),
            0.0,
            "a sawmill makes sawdust, it does not take it"
        );
        // Back-off: a class next to a ranked one (same group, then division) gets a share.
        let manual = Plausibility::new(
            &q,
            &[ReceiverSector {
                nace: "1621".into(),
                score: 2.5,
                exchanges: Vec::new(),
                rule: None,
                similarity: Vec::new(),
                prior: 0.5,
            }],
        );
        assert_eq!(manual.of("16.21Z"), 1.0);
        assert_eq!(manual.of("16.22Z"), PLAUSIBLE_GROUP);
        assert_eq!(manual.of("16.10A"), 0.0);
        assert_eq!(manual.of("10.71C"), 0.0);
        assert_eq!(manual.of(""), 0.0);
        let sector = |nace: &str, score: f64| ReceiverSector {
            nace: nace.into(),
            score,
            exchanges: Vec::new(),
            rule: None,
            similarity: Vec::new(),
            prior: 0.0,
        };
        let other = Plausibility::new(&Query::default(), &[sector("2351", 4.0), sector("01", 2.0)]);
        assert_eq!(other.of("23.51Z"), 1.0);
        assert_eq!(other.of("23.52Z"), PLAUSIBLE_GROUP);
        assert_eq!(other.of("23.61Z"), PLAUSIBLE_DIVISION);
        assert_eq!(
            other.of("01.13Z"),
            0.5,
            "a division-wide rule covers its classes"
        );
        assert_eq!(Plausibility::default().of("35.30Z"), 0.0);
    }
}
