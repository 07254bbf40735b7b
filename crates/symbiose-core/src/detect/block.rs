//! What a block of needs can score at most for an offer, from a few figures kept per block:
//! the scan compares it with the offer's floor (its k-th best score so far) and skips the whole
//! block when it is below. In a dense territory, where every need is within reach, distance
//! ends no candidate early; most of an offer's visits were to needs that could never enter its
//! top k, read one by one (2026-12-03, 5,000-company EPCI: 4,900 visits per offer, two thirds
//! of them to needs of a family only, whose resource fit is at most 0.3).

use super::assumptions::Assumptions;
use super::fit::{Outline, WORDS_BONUS};
use super::score;
use crate::kb::rules;
use crate::model::{EARTH_RADIUS_KM, Months, ResourceCategory};

/// How many needs of a list a block holds: small enough that a block's figures say something
/// about its needs, large enough that a block's bound costs little against its needs' bounds.
pub(crate) const BLOCK: usize = 32;

/// The resource classes of a block's needs, as far as the bound needs them.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Classes {
    /// No need of the block has a class.
    None,
    /// Every need of the block has this class.
    One(ResourceCategory),
    /// Some other mix.
    Mixed,
}

/// A block's quantities: the one kind every need's quantity has and their range, or a mix.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Quantities {
    /// Every need has a quantity of this kind (`Outline::quantity_kind`), between these.
    Of { kind: u8, least: f64, most: f64 },
    /// Kinds differ, or some need has no quantity.
    Mixed,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Placed {
    All,
    None,
    Some,
}

/// The figures of a block of needs that bound what any of them can score.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block {
    coded: bool,
    classes: Classes,
    /// The months any need of the block wants, and the largest share one month is of a need's.
    months: Months,
    per_month: f64,
    quantities: Quantities,
    /// The highest purchase cost a need declares (per base unit; `NaN` when none does).
    cost: f64,
    /// Whether the needs have a position: all, none, or some.
    placed: Placed,
    /// The placed needs' least and greatest latitudes, radians.
    lat: (f64, f64),
}

impl Block {
    /// The figures of `needs` (at least one).
    pub fn of(needs: &[(u32, Outline)]) -> Self {
        let first = &needs[0].1;
        let mut block = Block {
            coded: false,
            classes: match first.category {
                Some(c) => Classes::One(c),
                None => Classes::None,
            },
            months: Months::NONE,
            per_month: 0.0,
            quantities: if first.quantity_kind == u8::MAX || first.annual.is_nan() {
                Quantities::Mixed
            } else {
                Quantities::Of {
                    kind: first.quantity_kind,
                    least: first.annual,
                    most: first.annual,
                }
            },
            cost: f64::NAN,
            lat: (f64::INFINITY, f64::NEG_INFINITY),
            placed: if first.lat_rad.is_nan() {
                Placed::None
            } else {
                Placed::All
            },
        };
        for (_, n) in needs {
            block.coded |= n.coded();
            block.classes = match (block.classes, n.category) {
                (Classes::One(a), Some(b)) if a == b => Classes::One(a),
                (Classes::None, None) => Classes::None,
                _ => Classes::Mixed,
            };
            block.months = block.months.union(n.months);
            block.per_month = block.per_month.max(n.per_month);
            block.quantities = match block.quantities {
                Quantities::Of { kind, least, most }
                    if kind == n.quantity_kind && !n.annual.is_nan() =>
                {
                    Quantities::Of {
                        kind,
                        least: least.min(n.annual),
                        most: most.max(n.annual),
                    }
                }
                _ => Quantities::Mixed,
            };
            // `max` keeps the number when one side is NaN.
            block.cost = block.cost.max(n.cost_per_base);
            block.placed = match (block.placed, n.lat_rad.is_nan()) {
                (Placed::All, false) => Placed::All,
                (Placed::None, true) => Placed::None,
                _ => Placed::Some,
            };
            if !n.lat_rad.is_nan() {
                block.lat = (block.lat.0.min(n.lat_rad), block.lat.1.max(n.lat_rad));
            }
        }
        block
    }

    /// At least what any need of the block scores with offer `o`: each term at its most over
    /// the block's figures (a need's own bounds, `engine::outline_ceiling` and
    /// `score::gain_ceilings`, are each at most this).
    pub fn ceiling(&self, o: &Outline, asm: &Assumptions) -> f64 {
        let w = &asm.weights;
        let fit = self.fit(o);
        let timing = (f64::from(o.months.overlap(self.months).count()) * self.per_month).min(1.0);
        let quality = score::quality_score(false, o.contaminated, false);
        let distance = if o.lat_rad.is_nan() || self.placed == Placed::None {
            // As a pair without a position (`score::distance_score`).
            score::distance_score(None, asm)
        } else if self.placed == Placed::Some {
            1.0
        } else {
            score::distance_score(Some(self.nearest_road_km(o, asm)), asm)
        };
        let (quantity, economics) = self.quantity_and_economics(o, asm);
        w.resource * fit
            + w.quantity * quantity
            + w.timing * timing
            + w.distance * distance
            + w.quality * quality
            + w.economics * economics
            + w.climate
    }

    /// At least what `engine::fit_ceiling` gives between `o` and any need of the block.
    fn fit(&self, o: &Outline) -> f64 {
        if o.coded() && self.coded {
            return 1.0;
        }
        let words = WORDS_BONUS;
        match (o.category, self.classes) {
            (Some(a), Classes::One(b)) if a == b => 0.75 + words,
            (Some(a), Classes::One(b)) => {
                rules::substitution(a, b).map_or(0.0, |r| (r.fit + words).min(1.0))
            }
            (Some(_), Classes::Mixed) => 1.0,
            _ => 0.2 + words,
        }
    }

    /// The least road distance from the placed offer `o` to a need of the block (all placed),
    /// along the meridian from the block's nearest latitude (no trigonometry: a sparse
    /// territory's spans hold a few needs each, and the bound must cost less than they do),
    /// a little short for rounding.
    fn nearest_road_km(&self, o: &Outline, asm: &Assumptions) -> f64 {
        let dlat = (self.lat.0 - o.lat_rad)
            .max(o.lat_rad - self.lat.1)
            .max(0.0);
        EARTH_RADIUS_KM * dlat * asm.road_factor * (1.0 - 1e-9)
    }

    /// The most the quantity fit and the economics' ceiling reach between `o` and a need of
    /// the block (`score::exchangeable`, `score::gain_ceilings`).
    fn quantity_and_economics(&self, o: &Outline, asm: &Assumptions) -> (f64, f64) {
        let Quantities::Of { kind, least, most } = self.quantities else {
            return (1.0, 1.0);
        };
        if o.quantity_kind == u8::MAX || o.quantity_kind != kind {
            // Not comparable: the fit's neutral half, and no exchanged quantity.
            return (0.5, 0.5);
        }
        let a = o.annual;
        if !(a >= 0.0 && least >= 0.0) {
            return (1.0, 1.0);
        }
        // lo / hi is largest at the need nearest `a`.
        let quantity = if a < least {
            a / least
        } else if a > most {
            if a > 0.0 { most / a } else { 0.0 }
        } else {
            1.0
        };
        let matched = a.min(most);
        let economics = if o.cost_per_base.is_nan() && self.cost.is_nan() {
            0.5
        } else {
            let avoided = o.cost_per_base.max(0.0) + self.cost.max(0.0);
            score::gain_ceiling(avoided * matched, asm.eur_scale)
        };
        (quantity, economics)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::context::Context;
    use crate::detect::engine::evaluate;
    use crate::detect::synthetic;
    use crate::factors::Factors;
    use crate::kb::KnowledgeBase;

    /// A block's ceiling is at least the score of every pair it stands for, however its needs
    /// are grouped: in file order (blocks of every kind of need) and sorted by quantity (narrow
    /// ranges, where the quantity's bound bites), on a territory with states, purities,
    /// contaminants, one-off stocks, negative costs, flows without a quantity and companies
    /// without a position (`synthetic::varied_territory`).
    #[test]
    fn a_block_s_ceiling_is_never_below_a_pair_s_score() {
        let project = synthetic::varied_territory(600, 3);
        let asm = Assumptions {
            min_score: f64::NEG_INFINITY,
            ..Assumptions::default()
        };
        let kb = KnowledgeBase::full();
        let ctx = Context::new(&project, &asm, Factors::bundled(), &kb);
        let listed: Vec<(u32, Outline)> = ctx
            .need_outlines
            .iter()
            .enumerate()
            .map(|(i, o)| (i as u32, *o))
            .collect();
        let mut by_quantity = listed.clone();
        by_quantity.sort_by(|a, b| {
            (a.1.quantity_kind, a.1.annual)
                .partial_cmp(&(b.1.quantity_kind, b.1.annual))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let (mut pairs, mut below) = (0, 0);
        for grouping in [&listed, &by_quantity] {
            for needs in grouping.chunks(BLOCK) {
                let block = Block::of(needs);
                for oi in 0..ctx.offers.len() {
                    let ceiling = block.ceiling(&ctx.offer_outlines[oi], &asm);
                    for (ni, _) in needs {
                        if let Some(s) = evaluate(&ctx, oi, *ni as usize, f64::NEG_INFINITY) {
                            pairs += 1;
                            assert!(
                                ceiling + 1e-9 >= s.total,
                                "{oi} {ni}: {ceiling} < {}",
                                s.total
                            );
                            below += usize::from(ceiling < 0.9);
                        }
                    }
                }
            }
        }
        assert!(pairs > 5_000, "{pairs} pairs scored");
        // The bound says something: many blocks are known to stay below 0.9.
        assert!(below > pairs / 10, "{below} of {pairs}");
    }
}
