//! Leave-one-case-out cross-validation of the knowledge base on the MAESTRI exchanges.
//!
//! Exchanges of one case study share donors, receivers and authors, so holding out single
//! exchanges would leak; we hold out every exchange of one case study, build the knowledge
//! base from the other cases, and check whether the real receiver sector of each held-out
//! exchange ranks in the top k.
//!
//! The ranking's weights are never chosen on the figures they are reported with: [`tune`]
//! runs a nested cross-validation, where the weights used on each held-out case are the grid
//! point ([`Weights::grid`]) that ranks best in an inner leave-one-case-out over the other 29
//! cases only.

use serde::Serialize;

use super::maestri::{self, Exchange};
use super::{KnowledgeBase, Query, Weights, words};

/// How a ranked sector code is compared with the real one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The NACE class (4 digits); a coarser real code (`21`) is hit by any code inside it.
    Class,
    /// The NACE division (2 digits).
    Division,
}

#[derive(Debug, Clone, Serialize)]
pub struct CrossValidation {
    pub level: Level,
    pub with_rules: bool,
    /// Held-out exchanges with a known receiver sector (the others cannot be scored).
    pub evaluated: usize,
    pub skipped_no_receiver: usize,
    pub cases: usize,
    pub recall_at_1: f64,
    pub recall_at_5: f64,
    pub recall_at_10: f64,
    /// The same recalls for a popularity baseline: the most frequent receiver sectors of the
    /// training cases, whatever the resource.
    pub baseline_at_1: f64,
    pub baseline_at_5: f64,
    pub baseline_at_10: f64,
}

fn hit(ranked: &str, truth: &str, level: Level) -> bool {
    match level {
        Level::Class => ranked == truth || (truth.len() < 4 && ranked.starts_with(truth)),
        Level::Division => ranked.get(..2).is_some() && ranked.get(..2) == truth.get(..2),
    }
}

/// The rank (0-based) of the first code matching any real receiver code, in a list of codes
/// reduced to the level (duplicates at that level removed, order kept).
fn rank_of(codes: &[String], truth: &[String], level: Level) -> Option<usize> {
    let mut seen: Vec<&str> = Vec::new();
    for code in codes {
        let key = match level {
            Level::Class => code.as_str(),
            Level::Division => code.get(..2).unwrap_or(code),
        };
        if seen.contains(&key) {
            continue;
        }
        if truth.iter().any(|t| hit(key, t, level)) {
            return Some(seen.len());
        }
        seen.push(key);
    }
    None
}

/// What an offer would ask about a held-out exchange: its waste codes, resource class, donor
/// class and the words of its description (as an offer's label).
fn query_of(e: &Exchange) -> Query {
    Query {
        waste_codes: e.waste_codes.clone(),
        category: e.category,
        donor_nace: e.donor_nace.first().cloned(),
        words: words::tokens(&e.description),
    }
}

fn all_cases() -> Vec<u32> {
    let mut cases: Vec<u32> = maestri::exchanges().iter().map(|e| e.case).collect();
    cases.sort_unstable();
    cases.dedup();
    cases
}

/// Runs the leave-one-case-out evaluation with the default weights (what the app ranks with).
pub fn leave_one_case_out(level: Level, with_rules: bool) -> CrossValidation {
    leave_one_case_out_with(level, with_rules, |_| Weights::default())
}

/// Runs the leave-one-case-out evaluation, ranking each held-out case with `weights(case)`.
pub fn leave_one_case_out_with(
    level: Level,
    with_rules: bool,
    weights: impl Fn(u32) -> Weights,
) -> CrossValidation {
    let all = maestri::exchanges();
    let cases = all_cases();
    let (mut evaluated, mut skipped) = (0usize, 0usize);
    let mut hits = [0usize; 3];
    let mut base_hits = [0usize; 3];
    for &case in &cases {
        let kb = KnowledgeBase::from_exchanges(|e| e.case != case, with_rules)
            .with_weights(weights(case));
        let popularity = popularity(case);
        for e in all.iter().filter(|e| e.case == case) {
            if e.receiver_nace.is_empty() {
                skipped += 1;
                continue;
            }
            evaluated += 1;
            let ranked: Vec<String> = kb.rank(&query_of(e)).into_iter().map(|r| r.nace).collect();
            let rank = rank_of(&ranked, &e.receiver_nace, level);
            let base_rank = rank_of(&popularity, &e.receiver_nace, level);
            for (i, k) in [1, 5, 10].into_iter().enumerate() {
                hits[i] += usize::from(rank.is_some_and(|r| r < k));
                base_hits[i] += usize::from(base_rank.is_some_and(|r| r < k));
            }
        }
    }
    let share = |n: usize| {
        if evaluated == 0 {
            0.0
        } else {
            n as f64 / evaluated as f64
        }
    };
    CrossValidation {
        level,
        with_rules,
        evaluated,
        skipped_no_receiver: skipped,
        cases: cases.len(),
        recall_at_1: share(hits[0]),
        recall_at_5: share(hits[1]),
        recall_at_10: share(hits[2]),
        baseline_at_1: share(base_hits[0]),
        baseline_at_5: share(base_hits[1]),
        baseline_at_10: share(base_hits[2]),
    }
}

/// How well a grid point ranks in an inner leave-one-case-out: class-level hits in the top
/// 10 first (the target), then the sum of reciprocal class-level ranks to break ties.
#[derive(Debug, Clone, Copy, Default, PartialEq, PartialOrd)]
struct Merit {
    hits_at_10: usize,
    reciprocal: f64,
}

/// The grid point ([`Weights::grid`]) that ranks best, at class level, in a leave-one-case-out
/// over `training` cases only (each held out in turn, the base built from the others); ties
/// go to the earlier grid point.
pub fn choose(training: &[u32], with_rules: bool) -> Weights {
    let grid = Weights::grid();
    let mut merit = vec![Merit::default(); grid.len()];
    let all = maestri::exchanges();
    for &inner in training {
        let kb = KnowledgeBase::from_exchanges(
            |e| e.case != inner && training.contains(&e.case),
            with_rules,
        );
        for e in all
            .iter()
            .filter(|e| e.case == inner && !e.receiver_nace.is_empty())
        {
            let q = query_of(e);
            for (w, m) in grid.iter().zip(merit.iter_mut()) {
                let ranked: Vec<String> = kb.rank_with(&q, w).into_iter().map(|r| r.nace).collect();
                if let Some(r) = rank_of(&ranked, &e.receiver_nace, Level::Class) {
                    m.hits_at_10 += usize::from(r < 10);
                    m.reciprocal += 1.0 / (r + 1) as f64;
                }
            }
        }
    }
    let mut best = 0;
    for (i, m) in merit.iter().enumerate() {
        if m.partial_cmp(&merit[best]) == Some(std::cmp::Ordering::Greater) {
            best = i;
        }
    }
    grid[best]
}

/// The nested cross-validation: for each held-out case, the weights [`choose`] picks on the
/// 29 others, then the case ranked once with them.
#[derive(Debug, Clone, Serialize)]
pub struct Tuning {
    pub with_rules: bool,
    /// The weights chosen for each held-out case.
    pub chosen: Vec<(u32, Weights)>,
    /// Class and division figures of the held-out cases, each ranked with its fold's weights.
    pub nested: Vec<CrossValidation>,
    /// The weights [`choose`] picks on all 30 cases: what the app should ship.
    pub on_all_cases: Weights,
}

/// Runs the nested cross-validation (a few minutes on two cores: the folds run in parallel).
pub fn tune(with_rules: bool) -> Tuning {
    let cases = all_cases();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut chosen: Vec<(u32, Weights)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let cases = &cases;
                scope.spawn(move || {
                    cases
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % threads == t)
                        .map(|(_, &held_out)| {
                            let training: Vec<u32> =
                                cases.iter().copied().filter(|&c| c != held_out).collect();
                            (held_out, choose(&training, with_rules))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a tuning fold panicked"))
            .collect()
    });
    chosen.sort_by_key(|(c, _)| *c);
    let weights_of = |case: u32| {
        chosen
            .iter()
            .find(|(c, _)| *c == case)
            .map_or_else(Weights::default, |(_, w)| *w)
    };
    let nested = [Level::Class, Level::Division]
        .into_iter()
        .map(|level| leave_one_case_out_with(level, with_rules, weights_of))
        .collect();
    Tuning {
        with_rules,
        nested,
        on_all_cases: choose(&cases, with_rules),
        chosen,
    }
}

/// Receiver sectors of every case but `held_out`, most frequent first.
fn popularity(held_out: u32) -> Vec<String> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for e in maestri::exchanges().iter().filter(|e| e.case != held_out) {
        for n in &e.receiver_nace {
            *counts.entry(n).or_default() += 1;
        }
    }
    let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    v.into_iter().map(|(n, _)| n.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_matching_levels() {
        let ranked = vec!["2351".to_string(), "2361".to_string(), "2410".to_string()];
        assert_eq!(rank_of(&ranked, &["2361".into()], Level::Class), Some(1));
        assert_eq!(rank_of(&ranked, &["23".into()], Level::Class), Some(0));
        assert_eq!(rank_of(&ranked, &["2410".into()], Level::Division), Some(1));
        assert_eq!(rank_of(&ranked, &["0111".into()], Level::Class), None);
    }

    #[test]
    fn cross_validation_runs_over_all_cases_and_beats_popularity() {
        let cv = leave_one_case_out(Level::Class, false);
        assert_eq!(cv.cases, 30);
        assert_eq!(cv.evaluated + cv.skipped_no_receiver, 311);
        assert!(cv.recall_at_1 <= cv.recall_at_5 && cv.recall_at_5 <= cv.recall_at_10);
        assert!(cv.recall_at_10 >= cv.baseline_at_10, "{cv:?}");
    }

    #[test]
    fn the_choice_is_a_grid_point_made_on_the_training_cases_only() {
        // Two small case studies: quick, and the choice cannot see any other case.
        let chosen = choose(&[11, 12], true);
        assert!(Weights::grid().contains(&chosen), "{chosen:?}");
        assert!(Weights::grid().contains(&Weights::default()));
        assert!(Weights::grid().contains(&Weights::BEFORE));
    }
}
