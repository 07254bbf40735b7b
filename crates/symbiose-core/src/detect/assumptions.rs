//! Every number the engine assumes rather than reads from the project, in one editable place,
//! each with why it has this default. Proposals quote the ones they used.

use serde::{Deserialize, Serialize};

use crate::factors::FactorKey;
use crate::model::Project;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assumptions {
    /// Road distance over straight-line distance. 1.3 is the usual detour factor for French
    /// road networks between nearby sites; mountains (Corsica) may justify 1.5.
    pub road_factor: f64,
    /// Beyond this road distance (km) an exchange is not proposed: local loops are the point of
    /// EIT, and transport cost and emissions grow with distance.
    pub max_road_km: f64,
    /// Transport cost in € per tonne-kilometre. Default 0.20 €/t.km: a short trip with a part
    /// load on a rigid truck costs several times the long-haul full-truck rate (~0.07 €/t.km).
    pub transport_eur_per_tkm: f64,
    /// Road distance (km) from the offerer to its current outlet (sorting centre, landfill,
    /// incinerator), used for the transport it avoids. Not declared in the project: edit it.
    pub current_outlet_road_km: f64,
    /// Truck used for both the new trip and the avoided one.
    pub freight_factor: FactorKey,
    /// Fuel a recovered heat replaces at the receiver. Natural gas on the mainland; fuel oil
    /// where there is no gas network (Corsica), see [`Assumptions::for_project`].
    pub replaced_heat_fuel: FactorKey,
    /// Electricity mix of the territory (Corsica's is ten times the mainland's).
    pub electricity: FactorKey,
    /// Declared temperatures are approximate: an offer up to this many °C below the need is
    /// still proposed, with a note that a heat pump or a process adjustment may be needed.
    pub heat_approach_margin_c: f64,
    /// Only the best proposals per offer are kept, so a workshop sees leads, not lists.
    pub max_proposals_per_offer: usize,
    /// Proposals scoring below this total (0–1) are not shown.
    pub min_score: f64,
    /// Net gains at which the economic and climate components reach about 0.88 (tanh(1.5)).
    pub eur_scale: f64,
    pub tco2e_scale: f64,
    /// Radius (km, straight line) of a mutualisation group around its seed actor.
    pub pooling_radius_km: f64,
    /// Share of current costs a pooled collection or purchase saves. Default 15 %: an order of
    /// magnitude facilitators quote for fuller trucks and volume prices, not a measurement;
    /// replace it with the quotes the group obtains.
    pub pooling_saving_share: f64,
    pub weights: Weights,
}

/// Weights of the score components in the total (they sum to 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Weights {
    pub resource: f64,
    pub quantity: f64,
    pub timing: f64,
    pub distance: f64,
    pub economics: f64,
    pub climate: f64,
    pub quality: f64,
}

impl Default for Weights {
    fn default() -> Self {
        // The resource fit decides whether an exchange makes sense at all; distance and
        // quantity decide whether it is worth it; the rest refine the order.
        Self {
            resource: 0.35,
            quantity: 0.15,
            timing: 0.1,
            distance: 0.2,
            economics: 0.1,
            climate: 0.05,
            quality: 0.05,
        }
    }
}

impl Default for Assumptions {
    fn default() -> Self {
        Self {
            road_factor: 1.3,
            max_road_km: 50.0,
            transport_eur_per_tkm: 0.20,
            current_outlet_road_km: 30.0,
            freight_factor: FactorKey::FreightRigid19t,
            replaced_heat_fuel: FactorKey::NaturalGas,
            electricity: FactorKey::ElectricityMainland,
            heat_approach_margin_c: 5.0,
            max_proposals_per_offer: 10,
            min_score: 0.3,
            eur_scale: 10_000.0,
            tco2e_scale: 10.0,
            pooling_radius_km: 5.0,
            pooling_saving_share: 0.15,
            weights: Weights::default(),
        }
    }
}

impl Assumptions {
    /// Defaults fitted to the territory: Corsican communes (INSEE codes 2A…, 2B…) have no gas
    /// network and an island electricity mix.
    pub fn for_project(project: &Project) -> Self {
        let corsican = !project.territory.communes.is_empty()
            && project
                .territory
                .communes
                .iter()
                .all(|c| c.starts_with("2A") || c.starts_with("2B"));
        if corsican {
            Self {
                replaced_heat_fuel: FactorKey::FuelOilKwh,
                electricity: FactorKey::ElectricityCorsica,
                ..Self::default()
            }
        } else {
            Self::default()
        }
    }

    /// The straight-line radius equivalent to the maximum road distance.
    pub fn max_straight_km(&self) -> f64 {
        self.max_road_km / self.road_factor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corsica_switches_energy_defaults() {
        let mut p = Project::default();
        assert_eq!(
            Assumptions::for_project(&p).electricity,
            FactorKey::ElectricityMainland
        );
        p.territory.communes = vec!["2B033".into(), "2A004".into()];
        let a = Assumptions::for_project(&p);
        assert_eq!(a.electricity, FactorKey::ElectricityCorsica);
        assert_eq!(a.replaced_heat_fuel, FactorKey::FuelOilKwh);
        let w = Weights::default();
        let sum =
            w.resource + w.quantity + w.timing + w.distance + w.economics + w.climate + w.quality;
        assert!((sum - 1.0).abs() < 1e-9);
    }
}
