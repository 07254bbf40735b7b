//! Resource fit: does what one actor offers answer what another needs, and how closely?
//!
//! Levels, best first: the same List-of-Waste code, the same LoW section, the same chapter
//! (each only within one resource class, since section 15 01 holds every kind of packaging),
//! the same resource class, a known substitution from the knowledge base (wood → biomass
//! fuel, food by-products → digestion...), with temperature checks for heat and quality
//! limits for water, and finally the family-level fallback when a class is unknown. Label
//! similarity only nudges the score: free text is what controlled vocabularies replace.

use serde::{Deserialize, Serialize};

use super::assumptions::Assumptions;
use super::figure::Figure;
use crate::kb::classify::{compatible_need_families, effective_category};
use crate::kb::rules::{self, SubstitutionRule};
use crate::labels;
use crate::model::{Actor, Family, Flow, Position, ResourceCategory};
use crate::refdata::{text::fold, waste};

/// A flow with what matching needs computed once: class, code entry, words, annual quantity.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    pub flow: &'a Flow,
    pub actor: Option<&'a Actor>,
    pub position: Option<Position>,
    /// The cosine of the position's latitude, computed once for the distances.
    pub cos_lat: f64,
    pub category: Option<ResourceCategory>,
    pub code: Option<&'static waste::WasteCode>,
    /// The flow's family and months, copied next to the rest: a scan reads them for every
    /// candidate, and following `flow` into the project for them missed the cache each time.
    pub family: Family,
    pub months: crate::model::Months,
    pub quantity: Option<crate::model::Quantity>,
    pub state: Option<crate::model::PhysicalState>,
    pub purity_percent: Option<f64>,
    /// The offer declares contaminants.
    pub contaminated: bool,
    /// NACE digits of the company's NAF code (`1621`), empty when unknown.
    pub nace: String,
    /// The company's NAF code is in section E (water, waste, remediation): it may receive
    /// waste. Looked up once per flow, not once per proposal.
    pub waste_sector: bool,
    /// Folded label words of four letters or more, as 64-bit hashes, sorted and deduplicated:
    /// a dense territory compares them millions of times, and integers compare in one step.
    pub words: Vec<u64>,
}

/// Whether a company's NAF code is in section E (water, waste, remediation).
pub(crate) fn in_waste_sector(actor: Option<&Actor>) -> bool {
    actor
        .and_then(|a| a.naf.as_deref())
        .and_then(crate::refdata::naf::section_of)
        == Some('E')
}

impl<'a> Prepared<'a> {
    pub fn new(flow: &'a Flow, actor: Option<&'a Actor>) -> Self {
        let mut words: Vec<u64> = fold(&flow.label)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 4)
            .map(word_key)
            .collect();
        words.sort_unstable();
        words.dedup();
        let position = actor.and_then(|a| a.position).filter(Position::is_valid);
        Self {
            flow,
            actor,
            position,
            cos_lat: position.map_or(1.0, |p| p.cos_lat()),
            category: effective_category(flow),
            code: flow.waste_code.as_deref().and_then(waste::lookup),
            family: flow.family,
            months: flow.months,
            quantity: flow.quantity,
            state: flow.quality.state,
            purity_percent: flow.quality.purity_percent,
            contaminated: !flow.quality.contaminants.trim().is_empty(),
            nace: actor
                .and_then(|a| a.naf.as_deref())
                .map(crate::kb::nace_digits)
                .unwrap_or_default(),
            waste_sector: in_waste_sector(actor),
            words,
        }
    }

    pub fn family(&self) -> Family {
        self.family
    }
}

/// What the first bounds of a scan read of a flow, packed in 56 bytes: a dense territory
/// visits each need thousands of times, and most visits end at that bound. Reading these from
/// the [`Prepared`] flows (three cache lines each, behind pointers) took most of a scan's time.
#[derive(Debug, Clone, Copy)]
pub struct Outline {
    /// Latitude in radians (`NaN` without a position), for the meridian bound of the distance.
    pub lat_rad: f64,
    /// Longitude in degrees and the latitude's cosine: with the latitude, the distance itself
    /// (`Position::haversine_km`), measured before the flow is read.
    pub lon: f64,
    pub cos_lat: f64,
    /// Annual quantity in the base unit (`NaN` without a quantity).
    pub annual: f64,
    /// The declared cost per base unit (€/t, €/m³, €/MWh…; `NaN` without one): a need's
    /// purchase avoided, an offer's disposal avoided.
    pub cost_per_base: f64,
    /// The declared purity in percent (`NaN` without one), rounded to 32 bits: rounding keeps
    /// the order (a purity short of another never becomes longer), and the outline only bounds.
    pub purity: f32,
    /// How many label words the flow has (`Prepared::words`, at most 255 counted): the most
    /// their similarity can be (`words_ceiling`).
    pub words: u8,
    pub months: crate::model::Months,
    /// One over the number of months (at least one): the share of a need's months an offer
    /// covers, without a division per pair.
    pub per_month: f64,
    /// The quantity's dimension and whether it is a one-off stock: two quantities compare only
    /// when both agree (`Quantity::comparable`); `u8::MAX` without a quantity.
    pub quantity_kind: u8,
    pub state: Option<crate::model::PhysicalState>,
    pub category: Option<ResourceCategory>,
    /// The waste code's six digits as a number ([`NO_CODE`] without one, [`ODD_CODE`] for a code
    /// whose section and chapter are not its first digits): a pair's code level from the
    /// outlines (`code_level`), without reading the table's strings.
    pub code: u32,
    /// Contaminants declared (what an offer's quality loses).
    pub contaminated: bool,
}

impl Outline {
    pub fn new(p: &Prepared) -> Self {
        Self {
            lat_rad: p.position.map_or(f64::NAN, |x| x.lat.to_radians()),
            lon: p.position.map_or(f64::NAN, |x| x.lon),
            cos_lat: p.cos_lat,
            annual: p.quantity.map_or(f64::NAN, |q| q.annual_base()),
            cost_per_base: super::score::per_base_unit(
                p.flow.cost_eur_per_unit,
                p.quantity.map(|q| q.unit),
            )
            .unwrap_or(f64::NAN),
            purity: p.purity_percent.map_or(f32::NAN, |x| x as f32),
            words: u8::try_from(p.words.len()).unwrap_or(u8::MAX),
            months: p.months,
            per_month: 1.0 / f64::from(p.months.count().max(1)),
            quantity_kind: quantity_kind(p),
            state: p.state,
            category: p.category,
            code: p.code.map_or(NO_CODE, code_number),
            contaminated: p.contaminated,
        }
    }
}

/// [`Outline::code`] without a waste code.
pub const NO_CODE: u32 = u32::MAX;
/// [`Outline::code`] for a code whose digits do not give its section and chapter (none in the
/// bundled list: test); the outline's fit is then bounded as for the same code.
pub const ODD_CODE: u32 = u32::MAX - 1;

/// A waste code's six digits as a number, when its section is its first four digits and its
/// chapter its first two, as the European list is built.
fn code_number(c: &waste::WasteCode) -> u32 {
    let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
    match c.code.parse::<u32>() {
        Ok(n)
            if c.code.len() == 6
                && digits(&c.section) == c.code[..4]
                && digits(&c.chapter) == c.code[..2] =>
        {
            n
        }
        _ => ODD_CODE,
    }
}

impl Outline {
    pub fn coded(&self) -> bool {
        self.code != NO_CODE
    }

    /// [`code_level`]'s score from the outlines, or at least it (`ODD_CODE`).
    #[inline]
    pub fn code_score(&self, need: &Outline) -> Option<f64> {
        let (o, n) = (self.code, need.code);
        if o == NO_CODE || n == NO_CODE {
            None
        } else if o == ODD_CODE || n == ODD_CODE || o == n {
            Some(1.0)
        } else if o / 100 == n / 100 {
            Some(0.9)
        } else if o / 10_000 == n / 10_000 {
            Some(0.8)
        } else {
            None
        }
    }

    /// [`words_ceiling`] from the outlines (or above it, past 255 words).
    #[inline]
    pub fn words_ceiling(&self, need: &Outline) -> f64 {
        words_share(usize::from(self.words), usize::from(need.words))
    }
}

/// See [`Outline::quantity_kind`].
fn quantity_kind(p: &Prepared) -> u8 {
    p.quantity.map_or(u8::MAX, |q| {
        (q.unit.dimension() as u8) << 1 | u8::from(q.period == crate::model::Period::Once)
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FitLevel {
    SameCode,
    SameSection,
    SameChapter,
    SameCategory,
    KnownSubstitution,
    Family,
}

labels!(FitLevel {
    SameCode => "même code déchet", "same waste code";
    SameSection => "même section de la liste des déchets", "same List-of-Waste section";
    SameChapter => "même chapitre de la liste des déchets", "same List-of-Waste chapter";
    SameCategory => "même classe de ressource", "same resource class";
    KnownSubstitution => "substitution connue", "known substitution";
    Family => "même famille de flux (classe non précisée)", "same flow family (class not given)";
});

/// How a heat offer's temperature compares with the need's.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Thermal {
    Sufficient { offer_c: f64, need_c: f64 },
    WithinMargin { offer_c: f64, need_c: f64 },
    Unknown,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Fit {
    pub level: FitLevel,
    /// 0–1, label bonus included.
    pub score: f64,
    #[serde(with = "super::wire::substitution_rule")]
    pub rule: Option<&'static SubstitutionRule>,
    pub thermal: Option<Thermal>,
    /// Jaccard similarity of the label words, 0–1.
    pub label_similarity: f64,
    /// How plausible a receiver the declaring company's sector is for this resource, from the
    /// knowledge base (0–1; `None` when its NAF code is unknown). Set by the engine; it weighs
    /// on `score` (see `engine::sector_weight`).
    pub sector: Figure,
}

fn is_thermal(c: ResourceCategory) -> bool {
    matches!(
        c,
        ResourceCategory::Heat | ResourceCategory::Steam | ResourceCategory::Cold
    )
}

/// Temperature check; `None` when the offer is too cold (or, for cold, too warm) to serve.
fn thermal(offer: &Flow, need: &Flow, cold: bool, a: &Assumptions) -> Option<(Thermal, f64)> {
    let (Some(o), Some(n)) = (offer.quality.temperature_c, need.quality.temperature_c) else {
        return Some((Thermal::Unknown, 0.7));
    };
    // For cold, an offer colder than the need serves it: flip the comparison.
    let gap = if cold { n - o } else { o - n };
    if gap >= 0.0 {
        Some((
            Thermal::Sufficient {
                offer_c: o,
                need_c: n,
            },
            1.0,
        ))
    } else if gap >= -a.heat_approach_margin_c {
        Some((
            Thermal::WithinMargin {
                offer_c: o,
                need_c: n,
            },
            0.75,
        ))
    } else {
        None
    }
}

/// A word's hash. `DefaultHasher::new()` has fixed keys, so a word has one key in a run.
fn word_key(word: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    word.hash(&mut h);
    h.finish()
}

fn label_similarity<T: Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / (a.len() + b.len() - common) as f64
}

/// Code-level refinement of a pair already in one class (or with a class unknown).
fn code_level(offer: &Prepared, need: &Prepared) -> Option<(FitLevel, f64)> {
    let (o, n) = (offer.code?, need.code?);
    if o.code == n.code {
        Some((FitLevel::SameCode, 1.0))
    } else if o.section == n.section {
        Some((FitLevel::SameSection, 0.9))
    } else if o.chapter == n.chapter {
        Some((FitLevel::SameChapter, 0.8))
    } else {
        None
    }
}

/// The resource fit of an offer for a need, or `None` when the offer cannot serve it.
pub fn resource_fit(offer: &Prepared, need: &Prepared, a: &Assumptions) -> Option<Fit> {
    resource_fit_without_words(offer, need, a).map(|fit| with_words(fit, offer, need))
}

/// The most the label words can add to a fit (see [`with_words`]).
pub const WORDS_BONUS: f64 = 0.1;

/// [`resource_fit`] before the label words are compared: comparing them is the costliest part
/// and adds at most [`WORDS_BONUS`], so a scan bounds with this first.
pub fn resource_fit_without_words(
    offer: &Prepared,
    need: &Prepared,
    a: &Assumptions,
) -> Option<Fit> {
    if !compatible_need_families(offer.family()).contains(&need.family()) {
        return None;
    }
    let (level, mut score, rule, mut thermal_check) = match (offer.category, need.category) {
        (Some(o), Some(n)) if o == n => {
            let (level, score) = code_level(offer, need).unwrap_or((FitLevel::SameCategory, 0.75));
            (level, score, None, None)
        }
        (Some(o), Some(n)) => {
            let r = rules::substitution(o, n)?;
            (FitLevel::KnownSubstitution, r.fit, Some(r), None)
        }
        _ => code_level(offer, need).map_or((FitLevel::Family, 0.2, None, None), |(l, s)| {
            (l, s, None, None)
        }),
    };
    if let (Some(o), Some(n)) = (offer.category, need.category)
        && is_thermal(o)
        && is_thermal(n)
    {
        let (t, factor) = thermal(offer.flow, need.flow, n == ResourceCategory::Cold, a)?;
        score *= factor;
        thermal_check = Some(t);
    }
    Some(Fit {
        level,
        score,
        rule,
        thermal: thermal_check,
        label_similarity: 0.0,
        sector: Figure::UNKNOWN,
    })
}

/// The most the label words of two flows can be alike, from their counts alone: the Jaccard
/// similarity is at most the smaller count over the larger.
pub fn words_ceiling(offer: &Prepared, need: &Prepared) -> f64 {
    words_share(offer.words.len(), need.words.len())
}

/// The most two labels of `a` and `b` words can share, as a share of the longer.
fn words_share(a: usize, b: usize) -> f64 {
    if a == 0 || b == 0 {
        0.0
    } else {
        a.min(b) as f64 / a.max(b) as f64
    }
}

/// A fit from [`resource_fit_without_words`] with the label words' similarity added.
pub fn with_words(fit: Fit, offer: &Prepared, need: &Prepared) -> Fit {
    let similarity = label_similarity(&offer.words, &need.words);
    Fit {
        score: (fit.score + WORDS_BONUS * similarity).min(1.0),
        label_similarity: similarity,
        ..fit
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Quality;

    /// Every code of the bundled list is numbered from its digits, and the outlines' code
    /// level is `code_level`'s for pairs across chapters, sections and codes.
    #[test]
    fn the_outline_s_code_level_is_the_table_s() {
        let codes = waste::all();
        assert!(codes.iter().all(|c| code_number(c) < ODD_CODE));
        let flows: Vec<Flow> = codes
            .iter()
            .step_by(7)
            .map(|c| flow(Family::Waste, None, Some(&c.code), "x"))
            .collect();
        let prepared: Vec<Prepared> = flows.iter().map(|f| Prepared::new(f, None)).collect();
        let outlines: Vec<Outline> = prepared.iter().map(Outline::new).collect();
        let mut levels = std::collections::BTreeSet::new();
        for (a, oa) in prepared.iter().zip(&outlines) {
            for (b, ob) in prepared.iter().zip(&outlines).step_by(3) {
                let level = code_level(a, b).map(|(_, s)| s);
                assert_eq!(
                    oa.code_score(ob),
                    level,
                    "{:?} {:?}",
                    a.flow.waste_code,
                    b.flow.waste_code
                );
                levels.insert(level.map(f64::to_bits));
            }
        }
        // Same code, section, chapter, and none.
        assert_eq!(levels.len(), 4);
        let none = Prepared::new(&flows[0], None);
        let mut uncoded = flows[0].clone();
        uncoded.waste_code = None;
        let uncoded = Prepared::new(&uncoded, None);
        assert_eq!(
            Outline::new(&uncoded).code_score(&Outline::new(&none)),
            None
        );
    }

    /// The words' ceiling from the outlines' counts is `words_ceiling`'s, and never below it
    /// past 255 words.
    #[test]
    fn the_outline_s_words_ceiling_is_the_flows_() {
        let labels = [
            "",
            "huile",
            "huiles usagées moteur",
            "palettes bois cassées triées",
        ];
        let many = (0..300)
            .map(|i| format!("mot{i:04}x"))
            .collect::<Vec<_>>()
            .join(" ");
        let flows: Vec<Flow> = labels
            .iter()
            .map(|l| l.to_string())
            .chain([many])
            .map(|l| flow(Family::Matter, None, None, &l))
            .collect();
        let prepared: Vec<Prepared> = flows.iter().map(|f| Prepared::new(f, None)).collect();
        for a in &prepared {
            for b in &prepared {
                let (oa, ob) = (Outline::new(a), Outline::new(b));
                let exact = words_ceiling(a, b);
                if a.words.len() < 256 && b.words.len() < 256 {
                    assert_eq!(oa.words_ceiling(&ob), exact);
                } else {
                    assert!(oa.words_ceiling(&ob) >= exact);
                }
            }
        }
        assert!(prepared[4].words.len() > 255);
    }

    fn flow(
        family: Family,
        category: Option<ResourceCategory>,
        code: Option<&str>,
        label: &str,
    ) -> Flow {
        Flow {
            family,
            category,
            waste_code: code.map(str::to_string),
            label: label.into(),
            ..Flow::default()
        }
    }

    fn fit(o: &Flow, n: &Flow) -> Option<Fit> {
        resource_fit(
            &Prepared::new(o, None),
            &Prepared::new(n, None),
            &Assumptions::default(),
        )
    }

    #[test]
    fn levels_from_code_to_family() {
        let pallets = flow(Family::Waste, None, Some("150103"), "palettes bois");
        let same = flow(Family::Matter, None, Some("150103"), "palettes");
        assert_eq!(fit(&pallets, &same).unwrap().level, FitLevel::SameCode);
        let sawdust = flow(Family::Matter, None, Some("030105"), "sciure");
        assert_eq!(
            fit(&pallets, &sawdust).unwrap().level,
            FitLevel::SameCategory
        );
        let boiler = flow(
            Family::Energy,
            Some(ResourceCategory::Biomass),
            None,
            "combustible chaufferie",
        );
        let f = fit(&pallets, &boiler).unwrap();
        assert_eq!(f.level, FitLevel::KnownSubstitution);
        assert!(f.rule.is_some());
        let cardboard = flow(Family::Matter, None, Some("150101"), "carton");
        assert!(
            fit(&pallets, &cardboard).is_none(),
            "same section, different class"
        );
        let vague = flow(Family::Matter, None, None, "matière");
        assert_eq!(fit(&pallets, &vague).unwrap().level, FitLevel::Family);
        let skill = flow(Family::Skill, None, None, "soudure");
        assert!(fit(&pallets, &skill).is_none());
        assert!(fit(&pallets, &same).unwrap().score > fit(&pallets, &boiler).unwrap().score);
    }

    #[test]
    fn heat_needs_enough_temperature() {
        let mut heat = flow(
            Family::Energy,
            Some(ResourceCategory::Heat),
            None,
            "chaleur fatale",
        );
        heat.quality = Quality {
            temperature_c: Some(60.0),
            ..Quality::default()
        };
        let mut need = flow(
            Family::Energy,
            Some(ResourceCategory::Heat),
            None,
            "chauffage serre",
        );
        need.quality.temperature_c = Some(55.0);
        assert!(matches!(
            fit(&heat, &need).unwrap().thermal,
            Some(Thermal::Sufficient { .. })
        ));
        need.quality.temperature_c = Some(63.0);
        assert!(matches!(
            fit(&heat, &need).unwrap().thermal,
            Some(Thermal::WithinMargin { .. })
        ));
        need.quality.temperature_c = Some(90.0);
        assert!(fit(&heat, &need).is_none());
        need.quality.temperature_c = None;
        assert!(matches!(
            fit(&heat, &need).unwrap().thermal,
            Some(Thermal::Unknown)
        ));
    }

    #[test]
    fn label_words_only_nudge() {
        assert!((label_similarity(&["bois", "palette"], &["palette"]) - 0.5).abs() < 1e-9);
        let a = flow(Family::Matter, None, None, "fûts métalliques");
        let b = flow(Family::Matter, None, None, "fûts plastiques");
        let f = fit(&a, &b).unwrap();
        assert_eq!(f.level, FitLevel::Family);
        assert!(f.score < 0.3);
    }
}
