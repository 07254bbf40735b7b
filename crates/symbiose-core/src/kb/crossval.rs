//! Leave-one-case-out cross-validation of the knowledge base on the MAESTRI exchanges.
//!
//! Exchanges of one case study share donors, receivers and authors, so holding out single
//! exchanges would leak; we hold out every exchange of one case study, build the knowledge
//! base from the other cases, and check whether the real receiver sector of each held-out
//! exchange ranks in the top k.

use serde::Serialize;

use super::maestri::{self, Exchange};
use super::{KnowledgeBase, Query};

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

fn query_of(e: &Exchange) -> Query {
    Query {
        waste_codes: e.waste_codes.clone(),
        category: e.category,
        donor_nace: e.donor_nace.first().cloned(),
    }
}

/// Runs the leave-one-case-out evaluation.
pub fn leave_one_case_out(level: Level, with_rules: bool) -> CrossValidation {
    let all = maestri::exchanges();
    let mut cases: Vec<u32> = all.iter().map(|e| e.case).collect();
    cases.sort_unstable();
    cases.dedup();
    let (mut evaluated, mut skipped) = (0usize, 0usize);
    let mut hits = [0usize; 3];
    let mut base_hits = [0usize; 3];
    for &case in &cases {
        let kb = KnowledgeBase::from_exchanges(|e| e.case != case, with_rules);
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
}
