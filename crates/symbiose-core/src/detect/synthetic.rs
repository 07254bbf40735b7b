//! Synthetic territories for the bench and the tests: actors clustered in activity zones
//! across mainland France, each with a few offers and needs drawn from realistic classes.
//! Deterministic (a fixed-seed SplitMix64), so two runs score the same data.

use crate::model::{
    Actor, ActorId, Direction, Family, Flow, FlowId, Months, Period, Position, Project, Quantity,
    ResourceCategory, Route, Unit,
};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// (family, category, waste code, unit, NAF of a typical holder).
type Profile = (
    Family,
    Option<ResourceCategory>,
    Option<&'static str>,
    Unit,
    &'static str,
);

const PROFILES: &[Profile] = &[
    (
        Family::Waste,
        Some(ResourceCategory::Wood),
        Some("150103"),
        Unit::Tonne,
        "16.10A",
    ),
    (
        Family::Waste,
        Some(ResourceCategory::PaperCardboard),
        Some("150101"),
        Unit::Tonne,
        "47.11F",
    ),
    (
        Family::Waste,
        Some(ResourceCategory::Plastics),
        Some("150102"),
        Unit::Tonne,
        "22.22Z",
    ),
    (
        Family::Waste,
        Some(ResourceCategory::Metals),
        Some("120101"),
        Unit::Tonne,
        "25.62B",
    ),
    (
        Family::Waste,
        Some(ResourceCategory::FoodByproducts),
        Some("020704"),
        Unit::Tonne,
        "11.05Z",
    ),
    (
        Family::Waste,
        Some(ResourceCategory::Organic),
        Some("200108"),
        Unit::Tonne,
        "56.10A",
    ),
    (
        Family::Waste,
        None,
        Some("130205"),
        Unit::Kilogram,
        "45.20A",
    ),
    (
        Family::Waste,
        Some(ResourceCategory::Minerals),
        Some("170107"),
        Unit::Tonne,
        "43.99C",
    ),
    (
        Family::Energy,
        Some(ResourceCategory::Heat),
        None,
        Unit::MegawattHour,
        "10.51A",
    ),
    (
        Family::Energy,
        Some(ResourceCategory::Biomass),
        None,
        Unit::Tonne,
        "35.30Z",
    ),
    (
        Family::Water,
        Some(ResourceCategory::ProcessWater),
        None,
        Unit::CubicMetre,
        "10.13A",
    ),
    (
        Family::Water,
        Some(ResourceCategory::Rainwater),
        None,
        Unit::CubicMetre,
        "52.10B",
    ),
    (
        Family::Matter,
        Some(ResourceCategory::Chemicals),
        None,
        Unit::Kilogram,
        "20.14Z",
    ),
    (Family::Matter, None, None, Unit::Unit, "46.69B"),
    (
        Family::Service,
        Some(ResourceCategory::Logistics),
        None,
        Unit::Hour,
        "49.41A",
    ),
    (
        Family::Equipment,
        Some(ResourceCategory::Equipment),
        None,
        Unit::Hour,
        "28.22Z",
    ),
];

/// A territory of about `flows` flows (four per actor), in zones of about forty actors, all
/// within a 5° × 6.5° area of mainland France whatever their number: the larger, the denser.
pub fn territory(flows: usize, seed: u64) -> Project {
    territory_over(flows, seed, 1.0)
}

/// How many flows the area of [`territory`] holds at the density [`territory_at_density`]
/// keeps: that of the bench's reference size, where the indexed and all-pairs paths are
/// compared.
pub const DENSITY_FLOWS: usize = 20_000;

/// [`territory`] with its area growing with its companies, at the density it has for
/// [`DENSITY_FLOWS`] flows: a real territory of more companies covers more communes (a ZA, an
/// EPCI, a département) rather than packing them tighter. The area's sides are scaled by the
/// square root of `flows / DENSITY_FLOWS` from the same south-west corner.
pub fn territory_at_density(flows: usize, seed: u64) -> Project {
    territory_over(flows, seed, (flows as f64 / DENSITY_FLOWS as f64).sqrt())
}

/// [`territory`] over an area whose sides are `scale` times its own.
fn territory_over(flows: usize, seed: u64, scale: f64) -> Project {
    let mut rng = Rng(seed);
    let actors_count = flows.div_ceil(4).max(1);
    let zones = actors_count.div_ceil(40).max(1);
    let centres: Vec<Position> = (0..zones)
        .map(|_| {
            Position::new(
                43.5 + 5.0 * scale * rng.unit(),
                -0.5 + 6.5 * scale * rng.unit(),
            )
        })
        .collect();
    let mut project = Project {
        name: format!("synthétique {flows}"),
        ..Project::default()
    };
    for a in 0..actors_count {
        let c = centres[a % zones];
        let profile = rng.pick(PROFILES);
        project.actors.push(Actor {
            id: ActorId::new(format!("a-{}", a + 1)),
            name: format!("Entreprise {}", a + 1),
            naf: Some(profile.4.to_string()),
            position: Some(Position::new(
                c.lat + 0.06 * (rng.unit() - 0.5),
                c.lon + 0.08 * (rng.unit() - 0.5),
            )),
            ..Actor::default()
        });
    }
    for i in 0..flows {
        let actor = project.actors[i % actors_count].id.clone();
        let flow = random_flow(&mut rng, i, actor);
        project.flows.push(flow);
    }
    project
}

/// One flow of a synthetic actor: a profile's family, class and unit, a direction, a season for
/// three flows in ten, a quantity for most, a cost for more than half.
fn random_flow(rng: &mut Rng, i: usize, actor: ActorId) -> Flow {
    let (family, category, code, unit, _) = rng.pick(PROFILES);
    let direction = if rng.unit() < 0.5 {
        Direction::Offer
    } else {
        Direction::Need
    };
    let start = 1 + (rng.next() % 12) as u8;
    let months = if rng.unit() < 0.7 {
        Months::ALL_YEAR
    } else {
        Months::from_numbers((0..6).map(|k| (start + k - 1) % 12 + 1))
    };
    let with_heat = category == Some(ResourceCategory::Heat);
    Flow {
        id: FlowId::new(format!("f-{}", i + 1)),
        actor,
        direction,
        family,
        label: format!("{family:?} {}", i % 7),
        category: if rng.unit() < 0.9 { category } else { None },
        waste_code: code
            .filter(|_| direction == Direction::Offer || rng.unit() < 0.3)
            .map(str::to_string),
        quantity: (rng.unit() < 0.85)
            .then(|| Quantity::new((1.0 + 200.0 * rng.unit()).round(), unit, Period::Year)),
        months,
        quality: crate::model::Quality {
            temperature_c: with_heat.then(|| (40.0 + 60.0 * rng.unit()).round()),
            ..Default::default()
        },
        route: (direction == Direction::Offer && family == Family::Waste)
            .then_some(Route::Landfill),
        cost_eur_per_unit: (rng.unit() < 0.6).then(|| (20.0 + 100.0 * rng.unit()).round()),
        ..Flow::default()
    }
}

/// A territory the size of a large EPCI around Bastia: `companies` actors placed near the
/// centroids of the Haute-Corse communes within 40 km of Bastia, more of them where more people
/// live (a ZA sits near a town), each with `flows_per_company` flows. For the scale benchmark:
/// realistic positions, NAF and waste codes, not real companies.
pub fn epci(companies: usize, flows_per_company: usize, seed: u64) -> Project {
    use crate::refdata::communes;
    let mut rng = Rng(seed);
    let bastia = Position::new(42.6977, 9.4509);
    let towns: Vec<&communes::Commune> = communes::all()
        .iter()
        .filter(|c| c.department == "2B" && c.position.distance_km(&bastia) <= 40.0)
        .collect();
    let total: f64 = towns.iter().map(|c| f64::from(c.population.max(50))).sum();
    let mut project = Project {
        name: format!("EPCI synthétique, {companies} entreprises"),
        ..Project::default()
    };
    for a in 0..companies {
        let mut pick = rng.unit() * total;
        let town = towns
            .iter()
            .find(|c| {
                pick -= f64::from(c.population.max(50));
                pick <= 0.0
            })
            .unwrap_or(&towns[0]);
        let profile = rng.pick(PROFILES);
        project.actors.push(Actor {
            id: ActorId::new(format!("a-{}", a + 1)),
            name: format!("Entreprise {}", a + 1),
            naf: Some(profile.4.to_string()),
            commune: Some(town.insee.clone()),
            position: Some(Position::new(
                town.position.lat + 0.02 * (rng.unit() - 0.5),
                town.position.lon + 0.026 * (rng.unit() - 0.5),
            )),
            ..Actor::default()
        });
    }
    for i in 0..companies * flows_per_company {
        let actor = project.actors[i / flows_per_company.max(1)].id.clone();
        let flow = random_flow(&mut rng, i, actor);
        project.flows.push(flow);
    }
    project
}

/// [`territory`] squeezed into a few kilometres around Lyon: a dense zone whose crowded bands
/// the scan reads by quantity too (about 40 needs of a class per band at 4,000 flows).
#[cfg(test)]
pub(crate) fn dense_territory(flows: usize, seed: u64) -> Project {
    let mut project = territory(flows, seed);
    for a in project.actors.iter_mut() {
        if let Some(p) = a.position.as_mut() {
            p.lat = 45.75 + (p.lat - 45.75) * 0.03;
            p.lon = 4.85 + (p.lon - 4.85) * 0.03;
        }
    }
    project
}

/// [`territory`] with what it lacks, for the tests of the scan's bounds: physical states,
/// purities, contaminants, one-off stocks, negative costs (revenue given up), flows without a
/// quantity and companies without a position.
#[cfg(test)]
pub(crate) fn varied_territory(flows: usize, seed: u64) -> Project {
    use crate::model::PhysicalState;
    let mut project = territory(flows, seed);
    for (i, f) in project.flows.iter_mut().enumerate() {
        if i % 5 == 0 {
            let states = [PhysicalState::Solid, PhysicalState::Liquid];
            f.quality.state = Some(states[i / 5 % 2]);
        }
        if i % 7 == 0 {
            f.quality.purity_percent = Some((i % 100) as f64);
        }
        if i % 11 == 0 {
            f.quality.contaminants = "huiles".into();
        }
        if i % 13 == 0 {
            f.quantity = f.quantity.map(|q| Quantity {
                period: Period::Once,
                ..q
            });
        }
        if i % 17 == 0 {
            f.cost_eur_per_unit = Some(-40.0);
        }
        if i % 19 == 0 {
            f.quantity = None;
        }
    }
    for a in project.actors.iter_mut().step_by(9) {
        a.position = None;
    }
    project
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_territory_at_constant_density_grows_in_area_with_its_companies() {
        // At the reference size, the same territory.
        assert_eq!(
            territory_at_density(DENSITY_FLOWS, 42),
            territory(DENSITY_FLOWS, 42)
        );
        let spread = |p: &Project| {
            let (sw, ne) = crate::geo::bounds(p.actors.iter().filter_map(|a| a.position)).unwrap();
            (ne.lat - sw.lat, ne.lon - sw.lon)
        };
        // Four times the flows over about four times the area, twice each side; the fixed
        // area's territory keeps its sides.
        let (small, large) = (
            spread(&territory_at_density(DENSITY_FLOWS / 4, 42)),
            spread(&territory_at_density(DENSITY_FLOWS * 4, 42)),
        );
        assert!(
            (3.0..5.0).contains(&(large.0 / small.0)),
            "{small:?} {large:?}"
        );
        assert!(
            (3.0..5.0).contains(&(large.1 / small.1)),
            "{small:?} {large:?}"
        );
        let fixed = spread(&territory(DENSITY_FLOWS * 4, 42));
        assert!(fixed.0 < 5.1 && fixed.1 < 6.6, "{fixed:?}");
    }

    #[test]
    fn an_epci_of_companies_around_bastia() {
        let p = epci(300, 10, 7);
        assert_eq!(p.actors.len(), 300);
        assert_eq!(p.flows.len(), 3000);
        let bastia = Position::new(42.6977, 9.4509);
        assert!(p.actors.iter().all(|a| {
            a.position
                .is_some_and(|pos| pos.distance_km(&bastia) < 45.0)
                && a.naf
                    .as_deref()
                    .and_then(crate::refdata::naf::lookup)
                    .is_some()
        }));
        assert!(p.flows.iter().all(|f| {
            f.waste_code
                .as_deref()
                .is_none_or(|c| crate::refdata::waste::lookup(c).is_some())
        }));
        assert!(crate::validate::validate(&p).is_valid());
        assert_eq!(epci(300, 10, 7), p, "deterministic");
        let communes: std::collections::HashSet<_> =
            p.actors.iter().filter_map(|a| a.commune.clone()).collect();
        assert!(
            communes.len() > 10,
            "spread over many communes: {}",
            communes.len()
        );
    }
}
