//! The numbers behind a proposal, computed without allocating so every candidate pair can be
//! scored: quantity fit, timing, distance, economics, climate, quality. Texts are written
//! later, in `explain`, for the proposals that are kept.

use serde::{Deserialize, Serialize};

use super::assumptions::Assumptions;
use super::figure::Figure;
use super::fit::Prepared;
use crate::factors::{FactorKey, Factors};
use crate::model::{Dimension, Family, Months, Position, ResourceCategory, Route, Unit};

/// The part of both annual quantities that can be exchanged.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct QuantityFit {
    /// In the base unit (t, m³, MWh, kW, u, h) per year; `None` when unknown or incomparable.
    pub matched: Figure,
    pub unit: Option<Unit>,
    pub offer_annual: Figure,
    pub need_annual: Figure,
    /// min/max of the two quantities; 0.5 when they cannot be compared.
    pub score: f64,
}

pub fn quantity_fit(offer: &Prepared, need: Option<&Prepared>) -> QuantityFit {
    let oq = offer.quantity;
    let offer_annual = oq.map(|q| q.annual_base());
    let unit = oq.map(|q| q.unit.base());
    let Some(need) = need else {
        // Deductive: no declared need, the whole offer is what could move.
        return QuantityFit {
            matched: offer_annual.into(),
            unit,
            offer_annual: offer_annual.into(),
            need_annual: Figure::UNKNOWN,
            score: 0.5,
        };
    };
    let nq = need.quantity;
    let need_annual = nq.map(|q| q.annual_base());
    match (oq, nq) {
        (Some(o), Some(n)) if o.comparable(&n) => {
            let (lo, score) = exchangeable(o.annual_base(), n.annual_base());
            QuantityFit {
                matched: Some(lo).into(),
                unit,
                offer_annual: offer_annual.into(),
                need_annual: need_annual.into(),
                score,
            }
        }
        _ => QuantityFit {
            matched: Figure::UNKNOWN,
            unit,
            offer_annual: offer_annual.into(),
            need_annual: need_annual.into(),
            score: 0.5,
        },
    }
}

/// Of two comparable annual quantities, what can be exchanged (the smaller) and the fit's score
/// (smaller over larger; 0 when both are nothing).
pub(crate) fn exchangeable(a: f64, b: f64) -> (f64, f64) {
    let (lo, hi) = (a.min(b), a.max(b));
    (lo, if hi > 0.0 { lo / hi } else { 0.0 })
}

/// Months both flows share, over the months the need has.
pub fn timing(offer: Months, need: Option<Months>) -> (u32, u32, f64) {
    let Some(need) = need else {
        return (offer.count(), 12, 0.5);
    };
    let overlap = offer.overlap(need).count();
    let wanted = need.count().max(1);
    (overlap, wanted, f64::from(overlap) / f64::from(wanted))
}

/// Road distance: haversine × road factor; `None` when a position is missing.
pub fn road_km(a: Option<Position>, b: Option<Position>, asm: &Assumptions) -> Option<f64> {
    Some(a?.distance_km(&b?) * asm.road_factor)
}

/// 1 next door, 0 at the maximum distance; 0.5 when unknown.
pub fn distance_score(road_km: Option<f64>, asm: &Assumptions) -> f64 {
    road_km.map_or(0.5, |d| (1.0 - d / asm.max_road_km).clamp(0.0, 1.0))
}

/// Tonnes moved by road for a matched quantity, when it is carried by truck at all: masses,
/// and volumes of water or liquids (1 t/m³). Energy travels by pipe or cable.
pub fn road_tonnes(offer: &Prepared, matched: Option<f64>, unit: Option<Unit>) -> Option<f64> {
    let (m, u) = (matched?, unit?);
    match u.dimension() {
        Dimension::Mass => Some(m),
        Dimension::Volume
            if offer.family() == Family::Water
                || offer.flow.quality.state == Some(crate::model::PhysicalState::Liquid) =>
        {
            Some(m)
        }
        _ => None,
    }
}

/// € per year, each part optional: unknown is not zero.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Economics {
    pub avoided_disposal: Figure,
    pub avoided_purchase: Figure,
    pub transport: Figure,
    pub net: Figure,
    /// Net € per base unit exchanged, for the optimiser.
    pub net_per_unit: Figure,
}

/// € per base unit from a declared cost per declared unit (0.1 €/kg → 100 €/t).
pub(crate) fn per_base_unit(cost: Option<f64>, unit: Option<Unit>) -> Option<f64> {
    Some(cost? / unit?.to_base())
}

pub fn economics(
    offer: &Prepared,
    need: Option<&Prepared>,
    q: &QuantityFit,
    road: Option<f64>,
    asm: &Assumptions,
) -> Economics {
    let Some(matched) = q.matched.get() else {
        return Economics::default();
    };
    let offer_unit = offer.flow.quantity.map(|x| x.unit);
    // A positive offer cost is what disposal costs today; a negative one, revenue given up.
    let disposal = per_base_unit(offer.flow.cost_eur_per_unit, offer_unit);
    let purchase =
        need.and_then(|n| per_base_unit(n.flow.cost_eur_per_unit, n.flow.quantity.map(|x| x.unit)));
    let transport_per_unit = road_tonnes(offer, Some(1.0), q.unit)
        .zip(road)
        .map(|(t, d)| t * d * asm.transport_eur_per_tkm);
    if disposal.is_none() && purchase.is_none() {
        return Economics {
            transport: transport_per_unit.map(|t| t * matched).into(),
            ..Economics::default()
        };
    }
    let per_unit =
        disposal.unwrap_or(0.0) + purchase.unwrap_or(0.0) - transport_per_unit.unwrap_or(0.0);
    Economics {
        avoided_disposal: disposal.map(|d| d * matched).into(),
        avoided_purchase: purchase.map(|p| p * matched).into(),
        transport: transport_per_unit.map(|t| t * matched).into(),
        net: Some(per_unit * matched).into(),
        net_per_unit: Some(per_unit).into(),
    }
}

/// tCO2e per year, with the factors used.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Climate {
    /// Fossil energy or tap water the exchange replaces, and the factor used.
    pub avoided_supply: Option<(f64, FactorKey)>,
    /// Transport to the current outlet, no longer needed.
    pub avoided_outlet_transport: Figure,
    pub transport: Figure,
    pub net: Figure,
    pub net_per_unit: Figure,
}

/// The factor values climate figures need, looked up once per detection rather than per pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClimateFactors {
    /// tCO2e per t.km.
    pub freight: f64,
    /// tCO2e per MWh of useful heat replaced (boiler efficiency included), and which factor.
    pub heat: (f64, FactorKey),
    pub electricity: (f64, FactorKey),
    /// tCO2e per m³ of tap water replaced.
    pub water: f64,
}

impl ClimateFactors {
    pub fn new(asm: &Assumptions, f: &Factors) -> Self {
        // kgCO2e/kWh = tCO2e/MWh; kgCO2e/t.km and kgCO2e/m³ are divided by 1000.
        Self {
            freight: f.get(asm.freight_factor).value / 1000.0,
            heat: (asm.heat_factor(f), asm.replaced_heat_fuel),
            electricity: (f.get(asm.electricity).value, asm.electricity),
            water: f.get(FactorKey::TapWater).value / 1000.0,
        }
    }

    /// The supply an exchange defensibly replaces, per base unit: heat and steam replace the
    /// receiver's fuel, electricity the grid, water the tap. Materials have no "avoided
    /// virgin material" factor in the table, so nothing is counted for them.
    fn replaced_supply(
        &self,
        need_category: Option<ResourceCategory>,
        unit: Option<Unit>,
    ) -> Option<(f64, FactorKey)> {
        match (need_category?, unit?.dimension()) {
            (ResourceCategory::Heat | ResourceCategory::Steam, Dimension::Energy) => {
                Some(self.heat)
            }
            (ResourceCategory::Electricity, Dimension::Energy) => Some(self.electricity),
            (ResourceCategory::ProcessWater, Dimension::Volume) => {
                Some((self.water, FactorKey::TapWater))
            }
            _ => None,
        }
    }
}

pub fn climate(
    offer: &Prepared,
    need: Option<&Prepared>,
    q: &QuantityFit,
    road: Option<f64>,
    asm: &Assumptions,
    cf: &ClimateFactors,
) -> Climate {
    let Some(matched) = q.matched.get() else {
        return Climate::default();
    };
    let freight = cf.freight;
    let tonnes_per_unit = road_tonnes(offer, Some(1.0), q.unit);
    let supply = cf.replaced_supply(need.and_then(|n| n.category), q.unit);
    let outlet = match offer.flow.route {
        Some(Route::Sewer | Route::Purchase | Route::Reuse) | None => None,
        Some(_) => tonnes_per_unit.map(|t| t * asm.current_outlet_road_km * freight),
    };
    let transport = tonnes_per_unit.zip(road).map(|(t, d)| t * d * freight);
    if supply.is_none() && outlet.is_none() && transport.is_none() {
        return Climate::default();
    }
    let per_unit = supply.map_or(0.0, |s| s.0) + outlet.unwrap_or(0.0) - transport.unwrap_or(0.0);
    Climate {
        avoided_supply: supply.map(|(s, k)| (s * matched, k)),
        avoided_outlet_transport: outlet.map(|o| o * matched).into(),
        transport: transport.map(|t| t * matched).into(),
        net: Some(per_unit * matched).into(),
        net_per_unit: Some(per_unit).into(),
    }
}

/// A gain mapped to 0–1: 0.5 for nothing or unknown, towards 1 for large gains, 0 for losses.
pub fn gain_score(value: Option<f64>, scale: f64) -> f64 {
    value.map_or(0.5, |v| 0.5 + 0.5 * (v / scale).tanh())
}

/// The most the economics and climate scores of a declared pair can reach, known before its
/// road distance: transport only ever takes away (it is a cost and an emission), so the gain
/// per unit is at most what is avoided (disposal and purchase; replaced supply and the current
/// outlet's trip), times the matched quantity. Read from the need's outline, so that a dense
/// territory's scan drops most candidates before reading their flows or any trigonometry.
pub fn gain_ceilings(
    offer: &Prepared,
    offer_outline: &super::fit::Outline,
    need: &super::fit::Outline,
    matched: Option<f64>,
    asm: &Assumptions,
    cf: &ClimateFactors,
) -> (f64, f64) {
    let Some(matched) = matched else {
        return (0.5, 0.5);
    };
    if matched < 0.0 {
        // Not a quantity a user can declare; no bound rather than a wrong one.
        return (1.0, 1.0);
    }
    let (disposal, purchase) = (offer_outline.cost_per_base, need.cost_per_base);
    let economics = if disposal.is_nan() && purchase.is_nan() {
        0.5
    } else {
        // `max` ignores a NaN: an unknown cost avoids nothing.
        let avoided = disposal.max(0.0) + purchase.max(0.0);
        gain_ceiling(avoided * matched, asm.eur_scale)
    };
    let unit = offer.quantity.map(|q| q.unit.base());
    let supply = cf.replaced_supply(need.category, unit).map_or(0.0, |s| s.0);
    let outlet = match offer.flow.route {
        Some(Route::Sewer | Route::Purchase | Route::Reuse) | None => None,
        Some(_) => {
            road_tonnes(offer, Some(1.0), unit).map(|t| t * asm.current_outlet_road_km * cf.freight)
        }
    };
    let avoided = supply.max(0.0) + outlet.unwrap_or(0.0).max(0.0);
    let climate = gain_ceiling(avoided * matched, asm.tco2e_scale);
    (economics, climate)
}

/// At least [`gain_score`] of a gain of `value` ≥ 0, without its hyperbolic tangent (tanh x ≤ x):
/// a bound asked millions of times.
pub(crate) fn gain_ceiling(value: f64, scale: f64) -> f64 {
    0.5 + 0.5 * (value / scale).min(1.0)
}

/// Quality issues between the two flows, as a score (1 = nothing known against it).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct QualityCheck {
    pub state_mismatch: bool,
    pub contaminated: bool,
    pub purity_short: bool,
    pub hazardous: bool,
    pub score: f64,
}

pub fn quality(offer: &Prepared, need: Option<&Prepared>) -> QualityCheck {
    let state_mismatch =
        matches!((offer.state, need.and_then(|n| n.state)), (Some(a), Some(b)) if a != b);
    let contaminated = offer.contaminated;
    let purity_short = matches!((offer.purity_percent, need.and_then(|n| n.purity_percent)), (Some(a), Some(b)) if a < b);
    QualityCheck {
        state_mismatch,
        contaminated,
        purity_short,
        hazardous: offer.code.is_some_and(|c| c.hazardous),
        score: quality_score(state_mismatch, contaminated, purity_short),
    }
}

/// The quality score from what is known against the pair (1 = nothing).
pub(crate) fn quality_score(state_mismatch: bool, contaminated: bool, purity_short: bool) -> f64 {
    let mut score: f64 = 1.0;
    if state_mismatch {
        score -= 0.5;
    }
    if contaminated {
        score -= 0.2;
    }
    if purity_short {
        score -= 0.4;
    }
    score.max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Flow, Period, Quantity};

    fn prepared(flow: &Flow) -> Prepared<'_> {
        Prepared::new(flow, None)
    }

    #[test]
    fn quantity_uses_annual_base_units() {
        let offer = Flow {
            quantity: Some(Quantity::new(500.0, Unit::Kilogram, Period::Month)),
            ..Flow::default()
        };
        let need = Flow {
            quantity: Some(Quantity::new(12.0, Unit::Tonne, Period::Year)),
            ..Flow::default()
        };
        let q = quantity_fit(&prepared(&offer), Some(&prepared(&need)));
        assert_eq!(q.matched.get(), Some(6.0));
        assert!((q.score - 0.5).abs() < 1e-9);
        let m3 = Flow {
            quantity: Some(Quantity::new(12.0, Unit::CubicMetre, Period::Year)),
            ..Flow::default()
        };
        let q = quantity_fit(&prepared(&offer), Some(&prepared(&m3)));
        assert_eq!((q.matched.get(), q.score), (None, 0.5));
    }

    #[test]
    fn timing_and_distance() {
        let (o, w, s) = timing(
            Months::from_numbers([6, 7, 8]),
            Some(Months::from_numbers([7, 8, 9, 10])),
        );
        assert_eq!((o, w), (2, 4));
        assert!((s - 0.5).abs() < 1e-9);
        let asm = Assumptions::default();
        let d = road_km(
            Some(Position::new(42.0, 9.0)),
            Some(Position::new(42.0, 9.1)),
            &asm,
        )
        .unwrap();
        let straight = Position::new(42.0, 9.0).distance_km(&Position::new(42.0, 9.1));
        assert!((d - 1.3 * straight).abs() < 1e-9);
        assert_eq!(distance_score(None, &asm), 0.5);
        assert_eq!(distance_score(Some(60.0), &asm), 0.0);
    }

    #[test]
    fn economics_counts_disposal_purchase_and_transport() {
        let offer = Flow {
            quantity: Some(Quantity::new(10.0, Unit::Tonne, Period::Year)),
            cost_eur_per_unit: Some(80.0),
            ..Flow::default()
        };
        let need = Flow {
            quantity: Some(Quantity::new(20_000.0, Unit::Kilogram, Period::Year)),
            cost_eur_per_unit: Some(0.05),
            ..Flow::default()
        };
        let (po, pn) = (prepared(&offer), prepared(&need));
        let q = quantity_fit(&po, Some(&pn));
        let e = economics(&po, Some(&pn), &q, Some(10.0), &Assumptions::default());
        assert_eq!(e.avoided_disposal.get(), Some(800.0));
        assert!((e.avoided_purchase.get().unwrap() - 500.0).abs() < 1e-9);
        assert!((e.transport.get().unwrap() - 20.0).abs() < 1e-9);
        assert!((e.net.get().unwrap() - 1280.0).abs() < 1e-9);
        assert!((e.net_per_unit.get().unwrap() - 128.0).abs() < 1e-9);
    }

    #[test]
    fn climate_counts_replaced_heat_not_materials() {
        let f = Factors::bundled();
        let asm = Assumptions::default();
        let heat = Flow {
            quantity: Some(Quantity::new(100.0, Unit::MegawattHour, Period::Year)),
            ..Flow::default()
        };
        let need = Flow {
            category: Some(ResourceCategory::Heat),
            quantity: Some(Quantity::new(400.0, Unit::MegawattHour, Period::Year)),
            ..Flow::default()
        };
        let (po, pn) = (prepared(&heat), prepared(&need));
        let q = quantity_fit(&po, Some(&pn));
        let c = climate(
            &po,
            Some(&pn),
            &q,
            Some(2.0),
            &asm,
            &ClimateFactors::new(&asm, f),
        );
        let (t, key) = c.avoided_supply.unwrap();
        assert_eq!(key, FactorKey::NaturalGas);
        // Fuel avoided = heat ÷ boiler efficiency, gas factor per kWh PCS turned per kWh PCI.
        assert!(
            (t - 100.0 * 0.215 * 1.111 / 0.9).abs() < 1e-9,
            "100 MWh ÷ 0.9 × 0.215 × 1.111 tCO2e/MWh"
        );
        assert_eq!(c.transport.get(), None, "heat does not travel by road");
        // Cardboard to a recycler: only the transport balance is counted.
        let cardboard = Flow {
            category: Some(ResourceCategory::PaperCardboard),
            route: Some(Route::Landfill),
            quantity: Some(Quantity::new(10.0, Unit::Tonne, Period::Year)),
            ..Flow::default()
        };
        let mill = Flow {
            category: Some(ResourceCategory::PaperCardboard),
            quantity: Some(Quantity::new(50.0, Unit::Tonne, Period::Year)),
            ..Flow::default()
        };
        let (po, pn) = (prepared(&cardboard), prepared(&mill));
        let q = quantity_fit(&po, Some(&pn));
        let c = climate(
            &po,
            Some(&pn),
            &q,
            Some(10.0),
            &asm,
            &ClimateFactors::new(&asm, f),
        );
        assert_eq!(c.avoided_supply, None);
        let freight = f.get(FactorKey::FreightRigid19t).value / 1000.0;
        assert!((c.net.get().unwrap() - 10.0 * (30.0 - 10.0) * freight).abs() < 1e-9);
    }

    #[test]
    fn quality_flags() {
        let mut o = Flow::default();
        o.quality.state = Some(crate::model::PhysicalState::Liquid);
        o.quality.contaminants = "hydrocarbures".into();
        let mut n = Flow::default();
        n.quality.state = Some(crate::model::PhysicalState::Solid);
        let q = quality(&prepared(&o), Some(&prepared(&n)));
        assert!(q.state_mismatch && q.contaminated && !q.hazardous);
        assert!((q.score - 0.3).abs() < 1e-9);
        assert_eq!(gain_score(None, 10.0), 0.5);
        assert!(gain_score(Some(-100.0), 10.0) < 0.01);
    }
}
