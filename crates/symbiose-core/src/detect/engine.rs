//! Candidate generation and selection. The indexed path looks only at needs of a plausible
//! resource class within reach of the offer (bands of latitude read over the longitudes a
//! point of the band can be within the longest road at); the naive path scores every
//! (offer, need) pair. Both run the same `evaluate` and the same selection, so they must
//! return the same proposals: the bench and the tests check it.

use std::collections::HashMap;
use std::ops::Range;

use super::assumptions::Assumptions;
use super::block::{BLOCK, Block};
use super::context::{Context, Scored, regulation};
use super::figure::Figure;
use super::fit::{
    Outline, Prepared, WORDS_BONUS, resource_fit_without_words, with_words, words_ceiling,
};
use super::score;
use super::spatial::{Bands, Span};
use super::steps::{Step, checkpoint, finish, never_pause};
use super::{Detection, Proposal, Refusal, deductive, explain, mutualise, why};
use crate::factors::Factors;
use crate::kb::KnowledgeBase;
use crate::kb::classify::compatible_need_families;
use crate::kb::rules;
use crate::model::{Family, Project, ResourceCategory};

/// The most resource fit can reach for this pair from the outlines: its level as
/// `resource_fit_without_words` finds it (the codes' level, the class's 0.75, the substitution
/// rule's fit, the family's 0.2) before the thermal factor (at most 1), with the words'
/// bonus at its ceiling. The company's sector weight (at most 1) comes after.
#[inline]
pub(crate) fn fit_ceiling(o: &Outline, n: &Outline) -> f64 {
    let level = match (o.category, n.category) {
        (Some(a), Some(b)) if a == b => o.code_score(n).unwrap_or(0.75),
        // No rule, no fit: the pair is never scored.
        (Some(a), Some(b)) => rules::substitution(a, b).map_or(0.0, |r| r.fit),
        _ => o.code_score(n).unwrap_or(0.2),
    };
    (level + WORDS_BONUS * o.words_ceiling(n)).min(1.0)
}

/// The most a pair can score from the two flows' outlines alone: its exact timing, quantity fit
/// and quality, its distance along the meridian (a lower bound of the road's), its resource fit
/// and gains at their ceilings; the quantity that could be exchanged; the distance score it
/// counted; and the fit's ceiling. `None` beyond the longest road or below `floor`. A dense territory ends most of
/// its candidates here, so the quantity's division waits until the rest has left room for it.
fn outline_ceiling(o: &Outline, n: &Outline, asm: &Assumptions, floor: f64) -> Option<Ceiling> {
    let w = &asm.weights;
    let timing = f64::from(o.months.overlap(n.months).count()) * n.per_month;
    let quality = score::quality_score(
        matches!((o.state, n.state), (Some(a), Some(b)) if a != b),
        o.contaminated,
        // False when either purity is unknown (NaN), as in `score::quality`.
        o.purity < n.purity,
    );
    let distance = if o.lat_rad.is_nan() || n.lat_rad.is_nan() {
        score::distance_score(None, asm)
    } else {
        let nearest = crate::model::Position::latitude_km_radians(o.lat_rad, n.lat_rad)
            * asm.road_factor
            * (1.0 - BOUND_SLACK);
        if nearest > asm.max_road_km {
            return None;
        }
        score::distance_score(Some(nearest), asm)
    };
    let fit = fit_ceiling(o, n);
    let without_quantity = w.resource * fit
        + w.timing * timing
        + w.quality * quality
        + w.distance * distance
        + w.economics
        + w.climate;
    if without_quantity + w.quantity < floor - BOUND_SLACK {
        return None;
    }
    // As `score::quantity_fit`: comparable quantities only.
    let (quantity, matched) = if o.quantity_kind == n.quantity_kind && o.quantity_kind != u8::MAX {
        let (lo, score) = score::exchangeable(o.annual, n.annual);
        (score, Some(lo))
    } else {
        (0.5, None)
    };
    let ceiling = without_quantity + w.quantity * quantity;
    (ceiling >= floor - BOUND_SLACK).then_some(Ceiling {
        total: ceiling,
        matched,
        distance,
        fit,
    })
}

/// What [`outline_ceiling`] found for a pair.
struct Ceiling {
    total: f64,
    /// The quantity the two could exchange (`None` when not comparable).
    matched: Option<f64>,
    /// The distance score counted, from the meridian's distance.
    distance: f64,
    /// The resource fit's ceiling (`fit_ceiling`).
    fit: f64,
}

/// The road distance between two outlined flows, as `score::road_km` on their positions (the
/// same bits); `None` when either has no position.
fn outlined_road_km(o: &Outline, n: &Outline, asm: &Assumptions) -> Option<f64> {
    if o.lat_rad.is_nan() || n.lat_rad.is_nan() {
        return None;
    }
    let straight = crate::model::Position::haversine_km(
        (o.lat_rad, o.lon, o.cos_lat),
        (n.lat_rad, n.lon, n.cos_lat),
    );
    Some(straight * asm.road_factor)
}

/// How much a declared need's resource fit keeps for the plausibility of the declaring
/// company's sector (`Fit::sector`): all of it for a sector that often receives this resource
/// in real exchanges, 90 % for one that never does, 95 % when the sector is unknown. A declared
/// need stays a declared need; among several firms declaring the same, the likely one comes
/// first. Never above 1, so the bounds of the scan hold.
pub(crate) fn sector_weight(plausibility: Option<f64>) -> f64 {
    plausibility.map_or(0.95, |p| 0.9 + 0.1 * p.clamp(0.0, 1.0))
}

/// Room left for rounding when a bound is compared with a score computed in another order.
const BOUND_SLACK: f64 = 1e-9;

/// Scores one (offer, need) pair, or says it cannot be proposed. `floor` is the score an offer's
/// kept pairs already reach (the k-th best so far; `-inf` for the all-pairs reference): a pair
/// whose upper bound is below it can never be kept, so it is not scored further, and its
/// regulatory rule is not looked up. A pair at or above the floor is scored exactly as without it.
pub(crate) fn evaluate(ctx: &Context, oi: usize, ni: usize, floor: f64) -> Option<Scored> {
    evaluate_outlined(ctx, oi, ni, &ctx.need_outlines[ni], floor)
}

/// [`evaluate`] with the need's outline at hand: the scan reads it from the need index, where
/// each list holds its needs' outlines in the order it visits them.
fn evaluate_outlined(
    ctx: &Context,
    oi: usize,
    ni: usize,
    need: &Outline,
    floor: f64,
) -> Option<Scored> {
    let asm = ctx.asm;
    let w = &asm.weights;
    // Below the minimum score a pair is never proposed, whatever the floor.
    let floor = floor.max(asm.min_score);
    let outlines = (&ctx.offer_outlines[oi], need);
    let Ceiling {
        total: ceiling,
        matched,
        distance: nearest,
        fit: fit_most,
    } = outline_ceiling(outlines.0, outlines.1, asm, floor)?;
    let o = &ctx.offers[oi];
    // Economics and climate at most what the exchange avoids, transport not yet taken away.
    let (economics_ceiling, climate_ceiling) = score::gain_ceilings(
        o,
        outlines.0,
        outlines.1,
        matched,
        asm,
        &ctx.climate_factors,
    );
    let gains = w.economics * economics_ceiling + w.climate * climate_ceiling;
    if ceiling - w.economics - w.climate + gains < floor - BOUND_SLACK {
        return None;
    }
    // The distance itself, from the outlines too: the need's flow is read (a cache miss in a
    // large territory) only for a pair still in the running with it.
    let road_km = outlined_road_km(outlines.0, outlines.1, asm);
    if road_km.is_some_and(|d| d > asm.max_road_km) {
        return None;
    }
    let distance = score::distance_score(road_km, asm);
    // The declaring company's sector weight, from a table of its sector number: known before
    // the need's flow is read too.
    let sector = Figure::from(ctx.sector_plausibility(oi, ni));
    let weight = sector_weight(sector.get());
    let unweighted = w.resource * fit_most * (1.0 - weight);
    if ceiling + w.distance * (distance - nearest) - w.economics - w.climate + gains - unweighted
        < floor - BOUND_SLACK
    {
        return None;
    }
    let n = &ctx.needs[ni];
    let timing = score::timing(o.months, Some(n.months));
    let quantity = score::quantity_fit(o, Some(n));
    let quality = score::quality(o, Some(n));
    let known = w.timing * timing.2 + w.quantity * quantity.score + w.quality * quality.score;
    // Same actor. Prepared flows point into the project's one list of actors, so two
    // references to the same actor are one address; ids are compared only without one.
    let same_actor = match (o.actor, n.actor) {
        (Some(a), Some(b)) => std::ptr::eq(a, b),
        _ => o.flow.actor == n.flow.actor,
    };
    if same_actor {
        return None;
    }
    let rest = known + w.distance * distance + gains;
    if w.resource * fit_most + rest < floor - BOUND_SLACK {
        return None;
    }
    let fit = resource_fit_without_words(o, n, asm)?;
    let words = WORDS_BONUS * words_ceiling(o, n);
    if w.resource * (fit.score + words).min(1.0) * weight + rest < floor - BOUND_SLACK {
        return None;
    }
    let mut fit = with_words(fit, o, n);
    fit.sector = sector;
    fit.score *= weight;
    if w.resource * fit.score + rest < floor - BOUND_SLACK {
        return None;
    }
    let economics = score::economics(o, Some(n), &quantity, road_km, asm);
    let climate = score::climate(o, Some(n), &quantity, road_km, asm, &ctx.climate_factors);
    let total = w.resource * fit.score
        + w.quantity * quantity.score
        + w.timing * timing.2
        + w.distance * distance
        + w.economics * score::gain_score(economics.net.get(), asm.eur_scale)
        + w.climate * score::gain_score(climate.net.get(), asm.tco2e_scale)
        + w.quality * quality.score;
    if total < asm.min_score || total < floor {
        return None;
    }
    let receiver_naf = n.actor.and_then(|a| a.naf.as_deref());
    Some(Scored {
        offer: oi,
        need: ni,
        fit,
        quantity,
        timing,
        road_km,
        economics,
        climate,
        quality,
        total,
        regulation: regulation(o, receiver_naf, n.category),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Category(ResourceCategory),
    /// Needs of a family whose class is unknown.
    FamilyUnknown(Family),
    /// Every need of a family.
    FamilyAll(Family),
}

/// Needs filed by key and band of latitude, each band's in longitude order with their
/// outlines: a scan reads, per band, the longitudes within reach of its offer (`Bands::spans`),
/// so the outlines it bounds with come in memory order. Every list is cut in blocks, each with
/// the figures that bound what its needs can score (`Block`).
struct NeedIndex {
    bands: Bands,
    placed: HashMap<Key, KeyBands, CellHashing>,
    unplaced: HashMap<Key, Listing, CellHashing>,
    all: HashMap<Key, Listing, CellHashing>,
}

/// Needs with their outlines, and the figures of each block of [`BLOCK`] of them.
#[derive(Default)]
struct Listing {
    needs: Vec<(u32, Outline)>,
    blocks: Vec<Block>,
}

impl Listing {
    fn new(needs: Vec<(u32, Outline)>) -> Self {
        let blocks = needs.chunks(BLOCK).map(Block::of).collect();
        Self { needs, blocks }
    }

    /// The needs `range` of the list, block by block (cut at the range's ends) with each
    /// block's figures, in `order`.
    fn read<'a>(
        &'a self,
        range: Range<usize>,
        order: Order,
        visit: &mut impl FnMut(Listed<'a>, Order, &'a Block),
    ) {
        if range.is_empty() {
            return;
        }
        let blocks = range.start / BLOCK..(range.end - 1) / BLOCK + 1;
        let mut piece = |b: usize| {
            let from = (b * BLOCK).max(range.start);
            let to = ((b + 1) * BLOCK).min(range.end);
            visit(&self.needs[from..to], order, &self.blocks[b]);
        };
        match order {
            Order::Onwards => blocks.for_each(&mut piece),
            Order::Back => blocks.rev().for_each(&mut piece),
        }
    }
}

/// The bands of one key, from its southernmost: one look-up per key, then each band by its
/// number (a territory spans a few hundred bands at most).
#[derive(Default)]
struct KeyBands {
    first: i32,
    bands: Vec<Band>,
}

impl KeyBands {
    fn get(&self, band: i32) -> Option<&Band> {
        usize::try_from(band - self.first)
            .ok()
            .and_then(|i| self.bands.get(i))
    }
}

/// The needs of one key in one band, by longitude.
#[derive(Default)]
struct Band {
    lons: Vec<f64>,
    listing: Listing,
    /// A crowded band's needs again, by quantity (`Outline::quantity_kind`, then annual
    /// quantity), in blocks of their own: read instead when an offer reaches the whole band
    /// (a dense EPCI's), from its own quantity outwards. The blocks' quantity ranges are then
    /// narrow, so their bound ends most of them (empty for a band of fewer than [`CROWDED`]).
    by_quantity: Listing,
}

/// At most how far apart two needs of a band are: its latitudes' and longitudes' extents in
/// kilometres, a degree of longitude counted as at the equator (their sum is at least the
/// distance).
fn spread_km(lons: &[f64], needs: &[(u32, Outline)]) -> f64 {
    let (mut south, mut north) = (f64::INFINITY, f64::NEG_INFINITY);
    for (_, n) in needs {
        south = south.min(n.lat_rad);
        north = north.max(n.lat_rad);
    }
    let (Some(west), Some(east)) = (lons.first(), lons.last()) else {
        return 0.0;
    };
    crate::model::EARTH_RADIUS_KM * ((north - south) + (east - west).to_radians())
}

/// A band wider than this many longest straight lines is never read whole (an offer's span
/// is at most twice the radius wide), so it is not listed by quantity: 2026-12-03, the bands
/// of the 5,000-company EPCI spread 21–66 km, the synthetic territories' 365–726 km, for a
/// radius of 38.5 km.
const NEAR: f64 = 2.0;

/// How many needs make a band crowded enough to be listed by quantity too.
const CROWDED: usize = 4 * BLOCK;

/// The order needs are listed by quantity in.
fn by_quantity(a: &Outline, b: &Outline) -> std::cmp::Ordering {
    a.quantity_kind
        .cmp(&b.quantity_kind)
        .then(a.annual.total_cmp(&b.annual))
}

impl Band {
    /// The places in the list of the needs between longitudes `min` and `max`, cut at `at`:
    /// those west of it, and those at or east of it.
    fn around(&self, min: f64, at: f64, max: f64) -> (Range<usize>, Range<usize>) {
        let from = self.lons.partition_point(|&x| x < min);
        let mid = from + self.lons[from..].partition_point(|&x| x < at);
        let to = mid + self.lons[mid..].partition_point(|&x| x <= max);
        (from..mid, mid..to)
    }

    /// A band of `needs` at longitudes `lons`; listed by quantity too when crowded and all
    /// within `near_km` of each other (else no offer reaches it whole).
    fn new(lons: Vec<f64>, needs: Filed, near_km: f64) -> Self {
        let mut sorted = Vec::new();
        if needs.len() >= CROWDED && spread_km(&lons, &needs) <= near_km {
            sorted = needs.clone();
            sorted.sort_by(|a, b| by_quantity(&a.1, &b.1).then(a.0.cmp(&b.0)));
        }
        Self {
            lons,
            listing: Listing::new(needs),
            by_quantity: Listing::new(sorted),
        }
    }

    /// Reads the needs of the band within longitudes `min` and `max` for an offer at
    /// longitude `at` with outline `o`: by quantity when the range is the whole band and the
    /// band is crowded, else east of the offer then west, each from the nearest.
    fn read<'a>(
        &'a self,
        min: f64,
        at: f64,
        max: f64,
        o: &Outline,
        visit: &mut impl FnMut(Listed<'a>, Order, &'a Block),
    ) {
        let (west, east) = self.around(min, at, max);
        let whole = west.start == 0 && east.end == self.lons.len();
        if whole && !self.by_quantity.needs.is_empty() {
            let sorted = &self.by_quantity;
            let own = sorted
                .needs
                .partition_point(|(_, n)| by_quantity(n, o).is_lt());
            sorted.read(own..sorted.needs.len(), Order::Onwards, visit);
            sorted.read(0..own, Order::Back, visit);
        } else {
            self.listing.read(east, Order::Onwards, visit);
            self.listing.read(west, Order::Back, visit);
        }
    }
}

/// Needs as the index lists them: each need's number and outline.
type Listed<'a> = &'a [(u32, Outline)];
/// Needs as the index files them, before they are cut in blocks.
type Filed = Vec<(u32, Outline)>;

/// The order a list of needs is read in: a band's needs east of the offer onwards, those west
/// of it back, so that both begin with the nearest.
#[derive(Clone, Copy)]
enum Order {
    Onwards,
    Back,
}

/// Hashing for the need index's keys, a few small integers: an offer's scan looks up 30 to 60
/// lists, and the standard hasher (SipHash, made to resist chosen keys, which grid cells are
/// not) was 6 % of a scan at 20,000 flows. Multiply-rotate, as the Rust compiler's own maps.
#[derive(Default, Clone, Copy)]
struct CellHashing;

struct CellHasher(u64);

impl std::hash::BuildHasher for CellHashing {
    type Hasher = CellHasher;
    fn build_hasher(&self) -> CellHasher {
        CellHasher(0)
    }
}

impl std::hash::Hasher for CellHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_u32(&mut self, x: u32) {
        self.write_u64(u64::from(x));
    }
    fn write_i32(&mut self, x: i32) {
        self.write_u64(u64::from(x as u32));
    }
    fn write_isize(&mut self, x: isize) {
        self.write_u64(x as u64);
    }
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

fn need_keys(n: &Prepared) -> [Key; 2] {
    let f = n.family();
    match n.category {
        Some(c) => [Key::Category(c), Key::FamilyAll(f)],
        None => [Key::FamilyUnknown(f), Key::FamilyAll(f)],
    }
}

/// The keys under which every need `resource_fit` could accept for this offer is filed.
fn offer_keys(o: &Prepared, out: &mut Vec<Key>) {
    out.clear();
    let families = compatible_need_families(o.family());
    match o.category {
        Some(c) => {
            out.push(Key::Category(c));
            out.extend(rules::substitutes_for(c).map(|r| Key::Category(r.need)));
            out.extend(families.iter().map(|f| Key::FamilyUnknown(*f)));
        }
        None => out.extend(families.iter().map(|f| Key::FamilyAll(*f))),
    }
}

/// A need with a position, as the index files it: its band, longitude, number and outline.
type Placed = (i32, f64, u32, Outline);

impl NeedIndex {
    fn build(ctx: &Context) -> Self {
        let bands = Bands::new(ctx.asm.max_straight_km());
        let near_km = ctx.asm.max_straight_km() * NEAR;
        type Lists<T> = HashMap<Key, Vec<T>, CellHashing>;
        let mut placed: Lists<Placed> = HashMap::default();
        let mut unplaced: Lists<(u32, Outline)> = HashMap::default();
        let mut all: Lists<(u32, Outline)> = HashMap::default();
        for (i, (n, outline)) in ctx.needs.iter().zip(&ctx.need_outlines).enumerate() {
            let entry = (i as u32, *outline);
            for key in need_keys(n) {
                all.entry(key).or_default().push(entry);
                match n.position {
                    Some(p) => placed.entry(key).or_default().push((
                        bands.band(p.lat),
                        p.lon,
                        i as u32,
                        *outline,
                    )),
                    None => unplaced.entry(key).or_default().push(entry),
                }
            }
        }
        fn listings(lists: Lists<(u32, Outline)>) -> HashMap<Key, Listing, CellHashing> {
            lists
                .into_iter()
                .map(|(key, needs)| (key, Listing::new(needs)))
                .collect()
        }
        Self {
            bands,
            placed: placed
                .into_iter()
                .map(|(key, needs)| (key, KeyBands::new(needs, near_km)))
                .collect(),
            unplaced: listings(unplaced),
            all: listings(all),
        }
    }
}

impl KeyBands {
    /// One key's needs, filed by band (from the southernmost to the northernmost, empty ones
    /// included) and by longitude within each.
    fn new(mut needs: Vec<Placed>, near_km: f64) -> Self {
        needs.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
        let first = needs.first().map_or(0, |n| n.0);
        let last = needs.last().map_or(0, |n| n.0);
        // Each band's longitudes and needs, then cut in blocks.
        let mut bands: Vec<(Vec<f64>, Filed)> = Vec::new();
        bands.resize_with((last - first) as usize + 1, Default::default);
        for (band, lon, i, outline) in needs {
            let (lons, needs) = &mut bands[(band - first) as usize];
            lons.push(lon);
            needs.push((i, outline));
        }
        Self {
            first,
            bands: bands
                .into_iter()
                .map(|(lons, needs)| Band::new(lons, needs, near_km))
                .collect(),
        }
    }
}

/// What one offer keeps: its best pairs, and the pairs a regulatory rule refused that would
/// otherwise have been among them (said, never proposed).
#[derive(Debug, Clone, Default)]
pub(crate) struct Kept {
    pub pairs: Vec<Scored>,
    pub refused: Vec<Scored>,
}

/// The best `k` pairs, in a deterministic order (score, then the need's place in the file). In
/// a dense territory an offer has thousands of candidates: only the kept few are sorted.
fn best(scored: &mut Vec<Scored>, k: usize) {
    let order = |a: &Scored, b: &Scored| b.total.total_cmp(&a.total).then(a.need.cmp(&b.need));
    if scored.len() > k && k > 0 {
        scored.select_nth_unstable_by(k - 1, order);
    }
    scored.truncate(k);
    scored.sort_by(order);
}

/// Keeps the best proposals of one offer in `kept`; the candidate buffer `found` is left empty
/// for the next one. Refused pairs take no place: the next allowed ones are kept instead. Both
/// are the scan's buffers, reused from offer to offer: a fresh list per offer was 10,000
/// allocations at 20,000 flows, and all the offers' lists held at once 24 MB.
fn select(found: &mut Vec<Scored>, ctx: &Context, kept: &mut Kept) {
    let k = ctx.asm.max_proposals_per_offer;
    kept.refused.clear();
    if found.iter().any(Scored::refused) {
        kept.refused.extend_from_slice(found);
        best(&mut kept.refused, k);
        kept.refused.retain(Scored::refused);
        found.retain(|s| !s.refused());
    }
    best(found, k);
    // The kept pairs take the candidates' buffer, and the next candidates the last pairs'.
    std::mem::swap(&mut kept.pairs, found);
    found.clear();
}

/// The k best scores an offer's allowed pairs reach so far: the k-th is the floor below which
/// a candidate can no longer be kept. Refused pairs take no place, as in [`select`].
struct Floor {
    k: usize,
    best: std::collections::BinaryHeap<std::cmp::Reverse<Total>>,
}

/// A score ordered for the heap (scores are finite).
#[derive(Debug, Clone, Copy)]
struct Total(f64);
impl PartialEq for Total {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}
impl Eq for Total {}
impl PartialOrd for Total {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Total {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl Floor {
    fn new(k: usize) -> Self {
        Self {
            k,
            best: std::collections::BinaryHeap::with_capacity(k + 1),
        }
    }

    fn clear(&mut self) {
        self.best.clear();
    }

    fn value(&self) -> f64 {
        match self.best.peek() {
            Some(std::cmp::Reverse(Total(t))) if self.best.len() >= self.k && self.k > 0 => *t,
            _ => f64::NEG_INFINITY,
        }
    }

    fn add(&mut self, s: &Scored) {
        if s.refused() || self.k == 0 {
            return;
        }
        self.best.push(std::cmp::Reverse(Total(s.total)));
        if self.best.len() > self.k {
            self.best.pop();
        }
    }
}

/// Below this many needs a piece of a block is read without its block's bound: in a sparse
/// territory a span holds a few needs of a key, and their own bounds cost about what the
/// block's would.
const FEW: usize = 8;

/// Scores one offer at a time against the need index; the candidate buffers are reused.
pub(crate) struct OfferScorer {
    index: NeedIndex,
    keys: Vec<Key>,
    spans: Vec<Span>,
    found: Vec<Scored>,
    floor: Floor,
    kept: Kept,
}

impl OfferScorer {
    pub fn new(ctx: &Context) -> Self {
        Self {
            index: NeedIndex::build(ctx),
            keys: Vec::with_capacity(8),
            spans: Vec::with_capacity(16),
            found: Vec::new(),
            floor: Floor::new(ctx.asm.max_proposals_per_offer),
            kept: Kept::default(),
        }
    }

    /// The kept pairs of offer `oi`, until the next offer is scored.
    pub fn score(&mut self, ctx: &Context, oi: usize) -> &Kept {
        let Self {
            index,
            keys,
            spans,
            found,
            floor,
            kept,
        } = self;
        found.clear();
        floor.clear();
        let offer = &ctx.offer_outlines[oi];
        let least = ctx.asm.min_score;
        let scan = |floor: &mut Floor, found: &mut Vec<Scored>, (ni, outline): &(u32, Outline)| {
            if let Some(s) = evaluate_outlined(ctx, oi, *ni as usize, outline, floor.value()) {
                floor.add(&s);
                found.push(s);
            }
        };
        index.candidates(&ctx.offers[oi], offer, keys, spans, |list, order, block| {
            // A block none of whose needs can reach the floor is passed whole. (Reading the
            // blocks highest ceiling first was tried: the floor rose no sooner, as the blocks'
            // ceilings differ little, and the sort cost 3 % of a dense EPCI's scan.)
            if list.len() >= FEW
                && block.ceiling(offer, ctx.asm) < floor.value().max(least) - BOUND_SLACK
            {
                return;
            }
            match order {
                Order::Onwards => list.iter().for_each(|n| scan(floor, found, n)),
                Order::Back => list.iter().rev().for_each(|n| scan(floor, found, n)),
            }
        });
        select(found, ctx, kept);
        kept
    }

    /// How many needs offer `oi`'s scan visits: the measure of its work that splits a whole
    /// run between workers (`detect::share`).
    pub fn visits(&mut self, ctx: &Context, oi: usize) -> usize {
        self.index
            .reach(&ctx.offers[oi], &mut self.keys, &mut self.spans)
    }
}

impl NeedIndex {
    /// How many needs the lists [`NeedIndex::candidates`] gives for offer `o` hold, counted
    /// from the lists' ends, not read: every worker weighs every offer's scan this way before a
    /// whole run is split (`detect::share`), and reading the lists block by block, in the
    /// scan's order, was 40 % of that planning (2026-12-03, 5,000 companies: 150–216 ms).
    fn reach(&self, o: &Prepared, keys: &mut Vec<Key>, spans: &mut Vec<Span>) -> usize {
        offer_keys(o, keys);
        let Some(p) = o.position else {
            return keys
                .iter()
                .filter_map(|key| self.all.get(key))
                .map(|l| l.needs.len())
                .sum();
        };
        spans.clear();
        spans.extend(self.bands.spans(p));
        let mut reach = 0;
        for key in keys.iter() {
            if let Some(bands) = self.placed.get(key) {
                for span in spans.iter() {
                    if let Some(band) = bands.get(span.band) {
                        let from = band.lons.partition_point(|&x| x < span.lon_min);
                        let to = band.lons.partition_point(|&x| x <= span.lon_max);
                        reach += to.saturating_sub(from);
                    }
                }
            }
            reach += self.unplaced.get(key).map_or(0, |l| l.needs.len());
        }
        reach
    }

    /// Calls `visit` with every list of needs the scan of offer `o` reads, in the scan's order:
    /// key by key (its own class first, whose needs fit best and raise the floor soonest), in
    /// each the bands from the offer's own outwards and in each band from the offer's longitude
    /// outwards, then the key's needs without a position.
    /// (Band by band across keys was tried: the floor rose later, and more pairs were scored.)
    fn candidates<'a>(
        &'a self,
        o: &Prepared,
        outline: &Outline,
        keys: &mut Vec<Key>,
        spans: &mut Vec<Span>,
        mut visit: impl FnMut(Listed<'a>, Order, &'a Block),
    ) {
        offer_keys(o, keys);
        let whole = |l: &'a Listing, visit: &mut _| l.read(0..l.needs.len(), Order::Onwards, visit);
        let Some(p) = o.position else {
            for key in keys.iter() {
                if let Some(l) = self.all.get(key) {
                    whole(l, &mut visit);
                }
            }
            return;
        };
        spans.clear();
        spans.extend(self.bands.spans(p));
        for key in keys.iter() {
            if let Some(bands) = self.placed.get(key) {
                for span in spans.iter() {
                    if let Some(band) = bands.get(span.band) {
                        band.read(span.lon_min, p.lon, span.lon_max, outline, &mut visit);
                    }
                }
            }
            if let Some(l) = self.unplaced.get(key) {
                whole(l, &mut visit);
            }
        }
    }
}

/// Where an offer's kept pairs come from: the need index's scan, or every need (the all-pairs
/// reference the index must agree with). Both hand them out of buffers reused from offer to
/// offer, and a run writes each offer's proposals as soon as its pairs are known.
pub(crate) enum Pairs {
    Indexed(Box<OfferScorer>),
    AllNeeds { found: Vec<Scored>, kept: Kept },
}

impl Pairs {
    pub fn indexed(ctx: &Context) -> Self {
        Self::Indexed(Box::new(OfferScorer::new(ctx)))
    }

    pub fn all_needs() -> Self {
        Self::AllNeeds {
            found: Vec::new(),
            kept: Kept::default(),
        }
    }

    /// The kept pairs of offer `oi`, until the next offer's are asked for.
    pub fn of(&mut self, ctx: &Context, oi: usize) -> &Kept {
        match self {
            Self::Indexed(scorer) => scorer.score(ctx, oi),
            Self::AllNeeds { found, kept } => {
                found.extend(
                    (0..ctx.needs.len()).filter_map(|ni| evaluate(ctx, oi, ni, f64::NEG_INFINITY)),
                );
                select(found, ctx, kept);
                kept
            }
        }
    }
}

/// The offers `offers` in the order their scans and their proposals are best made in: along a
/// Z-order curve over cells of the need index's band height (`Bands::z_order`), then by
/// longitude; those without a position last, in the file's order. Offers near each other on
/// the map read mostly the same needs, which are then still in the processor's cache: in the
/// file's order a large territory's offers jump across it, and every need, flow and company
/// read missed the cache (2026-12-04, 100,000 flows: the scan 1.6–2.1 s in the file's order,
/// 0.8–0.9 s in rows of bands, whole runs 3–8 % quicker again along the curve; DETECTION.md,
/// session 39). Results are placed back in the file's order, so the order changes no result.
fn in_reading_order(ctx: &Context, offers: Range<usize>) -> Vec<usize> {
    let bands = Bands::new(ctx.asm.max_straight_km());
    let mut placed: Vec<(u64, f64, usize)> = Vec::with_capacity(offers.len());
    let mut unplaced = Vec::new();
    for oi in offers {
        match ctx.offers[oi].position {
            Some(p) => placed.push((bands.z_order(p), p.lon, oi)),
            None => unplaced.push(oi),
        }
    }
    placed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    placed
        .into_iter()
        .map(|(_, _, oi)| oi)
        .chain(unplaced)
        .collect()
}

/// How many of the index's bands are listed by quantity too (for the tests).
#[cfg(test)]
pub(crate) fn read_by_quantity(ctx: &Context) -> usize {
    NeedIndex::build(ctx)
        .placed
        .values()
        .flat_map(|k| &k.bands)
        .filter(|b| !b.by_quantity.needs.is_empty())
        .count()
}

/// Every offer's kept pairs, in the file's order (for the tests).
#[cfg(test)]
pub(crate) fn kept_pairs(ctx: &Context, mut pairs: Pairs) -> Vec<Kept> {
    (0..ctx.offers.len())
        .map(|oi| pairs.of(ctx, oi).clone())
        .collect()
}

/// Indexed substitution scoring in one go (for the tests).
#[cfg(test)]
pub(crate) fn scored_indexed(ctx: &Context) -> Vec<Kept> {
    kept_pairs(ctx, Pairs::indexed(ctx))
}

/// All-pairs substitution scoring, the reference the index must agree with (for the tests).
#[cfg(test)]
pub(crate) fn scored_naive(ctx: &Context) -> Vec<Kept> {
    kept_pairs(ctx, Pairs::all_needs())
}

/// The substitution proposals of every offer, in the file's order, each offer's written as
/// soon as its pairs are known (in reading order, `in_reading_order`).
fn substitution_proposals(ctx: &Context, mut pairs: Pairs) -> Vec<Proposal> {
    let mut each: Vec<Vec<Proposal>> = Vec::new();
    each.resize_with(ctx.offers.len(), Vec::new);
    for oi in in_reading_order(ctx, 0..ctx.offers.len()) {
        let kept = pairs.of(ctx, oi);
        each[oi] = kept
            .pairs
            .iter()
            .map(|s| why::substitution(ctx, s))
            .collect();
    }
    drop(pairs);
    // Sized once: at 100,000 flows the list holds half a million proposals, and growing it
    // by doubling copied it again and again.
    let mut proposals = Vec::with_capacity(each.iter().map(Vec::len).sum());
    each.into_iter().for_each(|p| proposals.extend(p));
    proposals
}

/// Substitution proposals, indexed path.
pub fn substitutions(
    project: &Project,
    asm: &Assumptions,
    factors: &Factors,
    kb: &KnowledgeBase,
) -> Vec<Proposal> {
    let ctx = Context::new(project, asm, factors, kb);
    substitution_proposals(&ctx, Pairs::indexed(&ctx))
}

/// Substitution proposals, all pairs: same result, slower; for the bench and the tests.
pub fn substitutions_naive(
    project: &Project,
    asm: &Assumptions,
    factors: &Factors,
    kb: &KnowledgeBase,
) -> Vec<Proposal> {
    let ctx = Context::new(project, asm, factors, kb);
    substitution_proposals(&ctx, Pairs::all_needs())
}

/// What one offer gives: its kept pairs as proposals, or when it has none its deductive leads;
/// and the pairs and leads a regulatory rule refused.
pub(crate) fn offer_results(
    ctx: &Context,
    oi: usize,
    kept: &Kept,
    kb: &KnowledgeBase,
) -> (Vec<Proposal>, Vec<Refusal>) {
    let mut refused: Vec<Refusal> = kept
        .refused
        .iter()
        .map(|s| explain::refusal(ctx, s))
        .collect();
    if kept.pairs.is_empty() {
        let (leads, refusals) = deductive::for_offer(ctx, oi, kb);
        refused.extend(refusals);
        (leads, refused)
    } else {
        let pairs = kept
            .pairs
            .iter()
            .map(|s| why::substitution(ctx, s))
            .collect();
        (pairs, refused)
    }
}

/// The detection's parts that hold for the whole run: the factors its figures cite.
fn finish_detection(
    ctx: &Context,
    proposals: Vec<Proposal>,
    mutualisations: Vec<super::Mutualisation>,
) -> Detection {
    Detection {
        proposals,
        mutualisations,
        factor_sources: ctx
            .asm
            .factor_keys()
            .iter()
            .map(|k| ctx.factors.get(*k).citation())
            .collect(),
        not_counted: crate::Bilingual::new(explain::NOT_COUNTED_FR, explain::NOT_COUNTED_EN),
    }
}

/// A whole run of the offers `offers` (all of them, or a worker's share): each offer scored
/// and its proposals written at once, one offer after the other in reading order
/// (`in_reading_order`), then the offers' results joined in the file's order; and the pooling
/// when `pooling` (a whole run split between workers pools in one of them). `between` is asked
/// after each offer.
pub(crate) async fn run_offers<P: Future<Output = ()>>(
    ctx: &Context<'_>,
    mut pairs: Pairs,
    offers: Range<usize>,
    pooling: bool,
    kb: &KnowledgeBase,
    between: &mut impl FnMut() -> Step<P>,
) -> Option<(Detection, Vec<Refusal>)> {
    let mut results: Vec<(Vec<Proposal>, Vec<Refusal>)> = Vec::new();
    results.resize_with(offers.len(), Default::default);
    for oi in in_reading_order(ctx, offers.clone()) {
        results[oi - offers.start] = offer_results(ctx, oi, pairs.of(ctx, oi), kb);
        if !checkpoint(between).await {
            return None;
        }
    }
    // The index is not needed for pooling.
    drop(pairs);
    let mut proposals = Vec::with_capacity(results.iter().map(|r| r.0.len()).sum());
    let mut refused = Vec::new();
    for (found, refusals) in results {
        proposals.extend(found);
        refused.extend(refusals);
    }
    let mutualisations = if pooling {
        mutualise::mutualisations_stepwise(ctx.project, ctx.asm, between).await?
    } else {
        Vec::new()
    };
    Some((finish_detection(ctx, proposals, mutualisations), refused))
}

/// [`detect`] in small pieces: `between` is asked after every offer scored and every offer
/// explained, so a browser can keep each task short (it pauses when its time slice is spent)
/// and drop a run the user's next edit made stale. The result equals [`detect`]'s.
pub async fn detect_stepwise<P: Future<Output = ()>>(
    project: &Project,
    asm: &Assumptions,
    factors: &Factors,
    kb: &KnowledgeBase,
    between: impl FnMut() -> Step<P>,
) -> Option<Detection> {
    detect_stepwise_with_refusals(project, asm, factors, kb, between)
        .await
        .map(|(detection, _)| detection)
}

/// [`detect_stepwise`], and the pairs a regulatory rule refused (see [`detect_with_refusals`]):
/// what the app shows the facilitator under the proposals.
pub async fn detect_stepwise_with_refusals<P: Future<Output = ()>>(
    project: &Project,
    asm: &Assumptions,
    factors: &Factors,
    kb: &KnowledgeBase,
    mut between: impl FnMut() -> Step<P>,
) -> Option<(Detection, Vec<Refusal>)> {
    let ctx = Context::new(project, asm, factors, kb);
    if !checkpoint(&mut between).await {
        return None;
    }
    let pairs = Pairs::indexed(&ctx);
    run_offers(&ctx, pairs, 0..ctx.offers.len(), true, kb, &mut between).await
}

/// Every proposal of a project: substitutions where a need was declared, deductive leads
/// for offers with none, and mutualisations.
pub fn detect(
    project: &Project,
    asm: &Assumptions,
    factors: &Factors,
    kb: &KnowledgeBase,
) -> Detection {
    finish(detect_stepwise(project, asm, factors, kb, never_pause))
}

/// [`detect`], and the pairs a regulatory rule refused (`kb::regulation`), each with the
/// sentence that says which rule and which legal text: what a facilitator may ask about.
pub fn detect_with_refusals(
    project: &Project,
    asm: &Assumptions,
    factors: &Factors,
    kb: &KnowledgeBase,
) -> (Detection, Vec<Refusal>) {
    let ctx = Context::new(project, asm, factors, kb);
    finish(run_offers(
        &ctx,
        Pairs::indexed(&ctx),
        0..ctx.offers.len(),
        true,
        kb,
        &mut never_pause,
    ))
}

/// [`detect`] with the all-pairs substitution path.
pub fn detect_naive(
    project: &Project,
    asm: &Assumptions,
    factors: &Factors,
    kb: &KnowledgeBase,
) -> Detection {
    let ctx = Context::new(project, asm, factors, kb);
    let offers = 0..ctx.offers.len();
    finish(run_offers(
        &ctx,
        Pairs::all_needs(),
        offers,
        true,
        kb,
        &mut never_pause,
    ))
    .0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::synthetic;

    /// The work counted to split a run is every need the scan's lists hold, as reading them
    /// gives: in a varied territory (needs and offers without a position included) and in a
    /// dense one whose crowded bands are read by quantity.
    #[test]
    fn an_offer_s_reach_counts_what_its_scan_reads() {
        let dense = synthetic::dense_territory(4_000, 5);
        let (asm, kb) = (Assumptions::default(), KnowledgeBase::full());
        for (project, crowded) in [
            (synthetic::varied_territory(1_000, 5), false),
            (dense, true),
        ] {
            let ctx = Context::new(&project, &asm, Factors::bundled(), &kb);
            assert!(!crowded || read_by_quantity(&ctx) > 0, "no crowded band");
            let mut scorer = OfferScorer::new(&ctx);
            let mut total = 0;
            for oi in 0..ctx.offers.len() {
                let mut read = 0;
                scorer.index.candidates(
                    &ctx.offers[oi],
                    &ctx.offer_outlines[oi],
                    &mut Vec::new(),
                    &mut Vec::new(),
                    |list, _, _| read += list.len(),
                );
                assert_eq!(scorer.visits(&ctx, oi), read, "offer {oi}");
                total += read;
            }
            assert!(total > 10 * ctx.offers.len(), "{total} needs read");
        }
    }

    /// The scan drops a pair when a ceiling is below the floor, so every ceiling must be at least
    /// what the pair scores. Checked on every pair of `synthetic::varied_territory`.
    #[test]
    fn the_scan_s_ceilings_are_never_below_a_pair_s_score() {
        let project = synthetic::varied_territory(1_000, 5);
        let asm = Assumptions {
            min_score: f64::NEG_INFINITY,
            ..Assumptions::default()
        };
        let kb = KnowledgeBase::full();
        let ctx = Context::new(&project, &asm, Factors::bundled(), &kb);
        let w = &asm.weights;
        let mut scored = 0;
        for oi in 0..ctx.offers.len() {
            for ni in 0..ctx.needs.len() {
                let Some(s) = evaluate(&ctx, oi, ni, f64::NEG_INFINITY) else {
                    continue;
                };
                scored += 1;
                let (o, n) = (&ctx.offer_outlines[oi], &ctx.need_outlines[ni]);
                let Ceiling {
                    total: ceiling,
                    matched,
                    distance: nearest,
                    fit,
                } = outline_ceiling(o, n, &asm, f64::NEG_INFINITY).expect("a scored pair");
                assert!(
                    fit + BOUND_SLACK >= s.fit.score,
                    "{oi} {ni}: fit {fit} < {}",
                    s.fit.score
                );
                assert!(
                    ceiling + BOUND_SLACK >= s.total,
                    "{oi} {ni}: {ceiling} < {}",
                    s.total
                );
                // The distance from the outlines is the pair's, bit for bit, and the ceiling
                // with it in place of the meridian's still holds.
                let road_km = outlined_road_km(o, n, &asm);
                assert_eq!(road_km.map(f64::to_bits), s.road_km.map(f64::to_bits));
                let with_road =
                    ceiling + w.distance * (score::distance_score(road_km, &asm) - nearest);
                assert!(
                    with_road + BOUND_SLACK >= s.total,
                    "{oi} {ni}: {with_road} < {}",
                    s.total
                );
                assert_eq!(matched, s.quantity.matched.get());
                let (economics, climate) = score::gain_ceilings(
                    &ctx.offers[oi],
                    o,
                    n,
                    matched,
                    &asm,
                    &ctx.climate_factors,
                );
                let gains = w.economics * economics + w.climate * climate;
                let actual = w.economics * score::gain_score(s.economics.net.get(), asm.eur_scale)
                    + w.climate * score::gain_score(s.climate.net.get(), asm.tco2e_scale);
                assert!(
                    gains + BOUND_SLACK >= actual,
                    "{oi} {ni}: {gains} < {actual}"
                );
            }
        }
        assert!(scored > 10_000, "{scored} pairs scored");
    }
}
