//! Every number the engine assumes rather than reads from the project, in one editable place,
//! each with why it has this default. Proposals quote the ones they used.

use serde::{Deserialize, Serialize};

use crate::factors::FactorKey;
use crate::model::{AssumptionChoices, Project, Weights, is_corsican_insee};
use crate::validate::rules::assumption_in_range;

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
    /// Seasonal efficiency of the boiler a recovered heat replaces, on the lower heating value
    /// (PCI): a MWh of recovered heat saves 1 ÷ efficiency MWh of fuel. Default 0.9, an order
    /// of magnitude for a recent non-condensing boiler, not a measurement: enter the
    /// receiver's own figure when known (an old fuel-oil boiler may be nearer 0.75).
    pub boiler_efficiency: f64,
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

impl Default for Assumptions {
    fn default() -> Self {
        Self {
            road_factor: 1.3,
            max_road_km: 50.0,
            transport_eur_per_tkm: 0.20,
            current_outlet_road_km: 30.0,
            freight_factor: FactorKey::FreightRigid19t,
            replaced_heat_fuel: FactorKey::NaturalGas,
            boiler_efficiency: 0.9,
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

/// What the territory's defaults were decided from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TerritoryBasis {
    /// The communes set in the territory settings.
    TerritoryCommunes { corsican: bool },
    /// The territory has no communes: those of the companies stand for it.
    CompanyCommunes { corsican: bool },
    /// Neither the territory nor any company has a commune: mainland defaults.
    Unknown,
}

impl TerritoryBasis {
    pub fn of(project: &Project) -> Self {
        let t = &project.territory;
        if !t.communes.is_empty() {
            let corsican = t.communes.iter().all(|c| c.is_corsican());
            return Self::TerritoryCommunes { corsican };
        }
        let codes: Vec<&str> = project
            .actors
            .iter()
            .filter_map(|a| a.commune.as_deref())
            .filter(|c| !c.trim().is_empty())
            .collect();
        if codes.is_empty() {
            return Self::Unknown;
        }
        Self::CompanyCommunes {
            corsican: codes.iter().all(|c| is_corsican_insee(c)),
        }
    }

    pub fn corsican(self) -> bool {
        matches!(
            self,
            Self::TerritoryCommunes { corsican: true } | Self::CompanyCommunes { corsican: true }
        )
    }
}

impl Assumptions {
    /// The defaults of the territory: Corsican communes (INSEE codes 2A…, 2B…) have no gas
    /// network and an island electricity mix. The territory's communes decide; when it has
    /// none, the companies' communes do (a project created in the app starts without any).
    pub fn territory_defaults(project: &Project) -> Self {
        if TerritoryBasis::of(project).corsican() {
            Self {
                replaced_heat_fuel: FactorKey::FuelOilKwh,
                electricity: FactorKey::ElectricityCorsica,
                ..Self::default()
            }
        } else {
            Self::default()
        }
    }

    /// The assumptions detection uses for a project: the territory's defaults, with what a
    /// person chose for it (stored in the project) in their place.
    pub fn for_project(project: &Project) -> Self {
        Self::territory_defaults(project).with_choices(&project.assumptions)
    }

    /// These assumptions with a person's choices in place. A number outside its accepted range
    /// (a project opened in repair mode may hold one) is not used: the default stays.
    pub fn with_choices(mut self, c: &AssumptionChoices) -> Self {
        fn set<T: Clone>(slot: &mut T, choice: &Option<T>) {
            if let Some(v) = choice {
                *slot = v.clone();
            }
        }
        let set_number = |slot: &mut f64, choice: Option<f64>, name: &str| {
            if let Some(v) = choice.filter(|v| assumption_in_range(name, *v)) {
                *slot = v;
            }
        };
        set(&mut self.replaced_heat_fuel, &c.replaced_heat_fuel);
        set(&mut self.electricity, &c.electricity);
        set(&mut self.freight_factor, &c.freight_factor);
        set_number(
            &mut self.boiler_efficiency,
            c.boiler_efficiency,
            "boiler_efficiency",
        );
        set_number(&mut self.road_factor, c.road_factor, "road_factor");
        set_number(&mut self.max_road_km, c.max_road_km, "max_road_km");
        set_number(
            &mut self.transport_eur_per_tkm,
            c.transport_eur_per_tkm,
            "transport_eur_per_tkm",
        );
        set_number(
            &mut self.current_outlet_road_km,
            c.current_outlet_road_km,
            "current_outlet_road_km",
        );
        set_number(
            &mut self.pooling_radius_km,
            c.pooling_radius_km,
            "pooling_radius_km",
        );
        set_number(
            &mut self.pooling_saving_share,
            c.pooling_saving_share,
            "pooling_saving_share",
        );
        if let Some(w) = &c.weights {
            self.weights = w.normalised();
        }
        if let Some(k) = c
            .proposals_per_offer
            .filter(|k| assumption_in_range("proposals_per_offer", f64::from(*k)))
        {
            self.max_proposals_per_offer = k as usize;
        }
        self
    }

    /// The factors the climate figures of these assumptions use, each once: what a detection
    /// and the dashboard cite.
    pub fn factor_keys(&self) -> Vec<FactorKey> {
        let mut keys = Vec::with_capacity(4);
        for k in [
            self.replaced_heat_fuel,
            self.electricity,
            self.freight_factor,
            FactorKey::TapWater,
        ] {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        keys
    }

    /// tCO2e per MWh of useful heat a recovered heat replaces: the fuel's factor per kWh PCI
    /// divided by the boiler's efficiency; a heat network's or electricity's factor as it is.
    pub fn heat_factor(&self, factors: &crate::factors::Factors) -> f64 {
        let key = self.replaced_heat_fuel;
        let per_kwh = factors.get(key).value;
        if key.is_boiler_fuel() {
            per_kwh * key.pcs_per_pci().unwrap_or(1.0) / self.boiler_efficiency
        } else {
            per_kwh
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
    use crate::model::{Actor, CommuneRef};

    #[test]
    fn corsica_switches_energy_defaults() {
        let mut p = Project::default();
        assert_eq!(
            Assumptions::for_project(&p).electricity,
            FactorKey::ElectricityMainland
        );
        p.territory.communes = vec![commune("2B033"), commune("2A004")];
        let a = Assumptions::for_project(&p);
        assert_eq!(a.electricity, FactorKey::ElectricityCorsica);
        assert_eq!(a.replaced_heat_fuel, FactorKey::FuelOilKwh);
        let sum: f64 = Weights::default().as_array().iter().sum();
        assert!((sum - 1.0).abs() < 1e-9);
        // One mainland commune: the territory is not all Corsican, mainland defaults.
        p.territory.communes.push(commune("69123"));
        assert_eq!(
            Assumptions::for_project(&p).replaced_heat_fuel,
            FactorKey::NaturalGas
        );
    }

    fn commune(insee: &str) -> CommuneRef {
        CommuneRef {
            insee: insee.into(),
            name: String::new(),
        }
    }

    fn actor_in(commune: &str) -> Actor {
        Actor {
            commune: Some(commune.into()),
            ..Actor::default()
        }
    }

    #[test]
    fn companies_communes_decide_when_the_territory_has_none() {
        let mut p = Project::default();
        assert_eq!(TerritoryBasis::of(&p), TerritoryBasis::Unknown);
        p.actors = vec![actor_in("2B033"), actor_in("2B037"), Actor::default()];
        assert_eq!(
            TerritoryBasis::of(&p),
            TerritoryBasis::CompanyCommunes { corsican: true }
        );
        assert_eq!(
            Assumptions::for_project(&p).electricity,
            FactorKey::ElectricityCorsica
        );
        p.actors.push(actor_in("13055"));
        assert_eq!(
            Assumptions::for_project(&p).electricity,
            FactorKey::ElectricityMainland
        );
        // The territory's own communes win over the companies'.
        p.territory.communes = vec![commune("2A004")];
        assert_eq!(
            Assumptions::for_project(&p).replaced_heat_fuel,
            FactorKey::FuelOilKwh
        );
    }

    #[test]
    fn choices_replace_defaults_and_weights_are_scaled() {
        let mut p = Project::default();
        p.territory.communes = vec![commune("2B033")];
        p.assumptions.replaced_heat_fuel = Some(FactorKey::Lpg);
        p.assumptions.boiler_efficiency = Some(0.8);
        p.assumptions.weights = Some(Weights {
            resource: 2.0,
            ..Weights::default()
        });
        let a = Assumptions::for_project(&p);
        assert_eq!(a.replaced_heat_fuel, FactorKey::Lpg);
        assert_eq!(a.electricity, FactorKey::ElectricityCorsica, "kept");
        assert_eq!(a.boiler_efficiency, 0.8);
        let sum: f64 = a.weights.as_array().iter().sum();
        assert!((sum - 1.0).abs() < 1e-9);
        assert!(a.weights.resource > 0.7);
    }

    #[test]
    fn heat_factor_is_per_useful_kwh() {
        let f = crate::factors::Factors::bundled();
        let mut a = Assumptions::default();
        // Gas: 0.215 kgCO2e/kWh PCS x 1.111 (PCS/PCI) / 0.9.
        assert!((a.heat_factor(f) - 0.215 * 1.111 / 0.9).abs() < 1e-12);
        a.replaced_heat_fuel = FactorKey::FuelOilKwh;
        assert!((a.heat_factor(f) - 0.323 / 0.9).abs() < 1e-12);
        a.replaced_heat_fuel = FactorKey::HeatNetwork;
        assert_eq!(a.heat_factor(f), 0.113, "delivered heat: no boiler");
    }
}
