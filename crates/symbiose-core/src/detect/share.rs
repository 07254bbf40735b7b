//! A whole run split between several workers (a browser's Web Workers, one per core).
//!
//! An offer's proposals depend on the whole territory but on no other offer, so a whole run
//! cuts into shares of contiguous offers: each worker scores and explains its share, one of
//! them pools (pooling reads the whole territory and is not split), and the shares' results
//! put end to end are the whole run's, in the same order (tests below). The shares are cut by
//! the work the scan will do (the needs each offer visits), not by the count of offers: a
//! territory's offers of a common category visit thousands of needs, a rare one a handful.

use std::ops::Range;

use super::context::Context;
use super::engine::OfferScorer;
use super::{Detection, Refusal, mutualise};

/// Share `index` of a whole run cut into `of` shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub index: usize,
    pub of: usize,
}

/// Work counted for writing an offer's proposals or leads, beside the needs its scan visits.
const OFFER_WORK: usize = 16;
/// Work counted per distance pooling measures, in quarters of a need visited: measured on the
/// 5,000-company EPCI (2026-12-02, `symbiose bench --project`), a share's 62 M visits took
/// 2.1–2.3 s and pooling's 11.1 M distances (a chord each, no trigonometry) 0.1 s, about a
/// quarter of a visit each.
const POOLING_QUARTERS: usize = 1;

impl Share {
    /// The whole run as one share.
    pub const WHOLE: Share = Share { index: 0, of: 1 };

    /// The share that pools (there is one pooling for the whole territory).
    pub fn pools(self) -> bool {
        self.index == 0
    }

    /// Its offers: contiguous, each share with about an `of`-th of the run's work, pooling
    /// counted in the first share's. The shares of one run are disjoint and cover every
    /// offer, in order.
    pub(crate) fn offers(self, ctx: &Context) -> Range<usize> {
        let n = ctx.offers.len();
        if self.of <= 1 {
            return 0..n;
        }
        let work = offer_work(ctx);
        let pooling =
            (mutualise::pooling_work(ctx.project, ctx.asm) * POOLING_QUARTERS / 4) as u128;
        let total = work.iter().sum::<usize>() as u128 + pooling;
        // The first offer whose work before it, with pooling's, reaches `j` shares' worth.
        let bound = |j: usize| -> usize {
            if j >= self.of {
                return n;
            }
            let wanted = (total * j as u128)
                .div_ceil(self.of as u128)
                .saturating_sub(pooling);
            let mut before = 0u128;
            for (oi, w) in work.iter().enumerate() {
                if before >= wanted {
                    return oi;
                }
                before += *w as u128;
            }
            n
        };
        bound(self.index)..bound(self.index + 1)
    }
}

/// The work of each offer: the needs its scan visits, and writing its proposals.
fn offer_work(ctx: &Context) -> Vec<usize> {
    let mut scorer = OfferScorer::new(ctx);
    (0..ctx.offers.len())
        .map(|oi| scorer.visits(ctx, oi) + OFFER_WORK)
        .collect()
}

/// The shares' results, in share order, put end to end: the whole run's detection and
/// refusals. Pooling, the factor list and the "not counted" sentence come from the share that
/// pooled (the others' are the same or empty). `None` when there is no share.
pub fn join(
    shares: impl IntoIterator<Item = (Detection, Vec<Refusal>)>,
) -> Option<(Detection, Vec<Refusal>)> {
    let mut shares = shares.into_iter();
    let (mut whole, mut refused) = shares.next()?;
    for (d, r) in shares {
        whole.proposals.extend(d.proposals);
        whole.mutualisations.extend(d.mutualisations);
        refused.extend(r);
    }
    Some((whole, refused))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::incremental::{Run, Update};
    use crate::detect::{Assumptions, detect_with_refusals, synthetic};
    use crate::factors::Factors;
    use crate::kb::KnowledgeBase;
    use crate::model::Project;

    fn shares_run(project: &Project, of: usize) -> (Detection, Vec<Refusal>) {
        let asm = Assumptions::for_project(project);
        let kb = KnowledgeBase::full();
        let parts = (0..of).map(|index| {
            let run = Run::new(project, &asm, Factors::bundled(), &kb);
            let plan = run.plan_share(Share { index, of });
            match run.finish(plan) {
                Update::Full(d, r) => (d, r),
                Update::Partial(_) => panic!("a share is a whole run's part"),
            }
        });
        join(parts).expect("at least one share")
    }

    #[test]
    fn the_shares_put_end_to_end_are_the_whole_run() {
        let kb = KnowledgeBase::full();
        for project in [crate::demo::project(), synthetic::territory(3_000, 7)] {
            let asm = Assumptions::for_project(&project);
            let whole = detect_with_refusals(&project, &asm, Factors::bundled(), &kb);
            assert!(!whole.0.proposals.is_empty() && !whole.0.mutualisations.is_empty());
            for of in [1, 2, 3, 5] {
                assert_eq!(shares_run(&project, of), whole, "{of} shares");
            }
        }
    }

    #[test]
    fn shares_are_disjoint_cover_every_offer_and_split_the_work() {
        let project = synthetic::territory(5_000, 3);
        let asm = Assumptions::for_project(&project);
        let kb = KnowledgeBase::full();
        let ctx = Context::new(&project, &asm, Factors::bundled(), &kb);
        let n = ctx.offers.len();
        let each = offer_work(&ctx);
        let pooling = mutualise::pooling_work(&project, &asm) * POOLING_QUARTERS / 4;
        assert!(pooling > 0);
        let work = |r: &Range<usize>| -> usize { each[r.clone()].iter().sum() };
        let total = work(&(0..n)) + pooling;
        // Each share within one offer's work of its fair part.
        let most = each.iter().copied().max().unwrap_or(0);
        for of in [2, 3, 4] {
            let ranges: Vec<Range<usize>> = (0..of)
                .map(|index| Share { index, of }.offers(&ctx))
                .collect();
            assert_eq!(ranges[0].start, 0);
            assert_eq!(ranges[of - 1].end, n);
            for pair in ranges.windows(2) {
                assert_eq!(pair[0].end, pair[1].start, "{of} shares: {ranges:?}");
            }
            for (index, r) in ranges.iter().enumerate() {
                let w = work(r) + if index == 0 { pooling } else { 0 };
                assert!(
                    w.abs_diff(total / of) <= most,
                    "{of} shares: {w} of {total} in {r:?}"
                );
            }
        }
        // More shares than offers: the last ones are empty, none is lost.
        let tiny = crate::demo::project();
        let asm = Assumptions::for_project(&tiny);
        let ctx = Context::new(&tiny, &asm, Factors::bundled(), &kb);
        let of = ctx.offers.len() + 3;
        let covered: usize = (0..of)
            .map(|index| Share { index, of }.offers(&ctx).len())
            .sum();
        assert_eq!(covered, ctx.offers.len());
    }
}
