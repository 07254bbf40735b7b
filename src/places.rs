//! The built-in map background's places: the communes named on the map when no tile background
//! is there (tiles off, or none to be had offline), derived from the project and the commune
//! tables, host-tested. The map draws them (map/background.rs); the tables are read through
//! `gazetteer::place` and `gazetteer::communes_within`.

use symbiose_core::{Position, Project};

pub use symbiose_core::geo::PlaceName;

/// A commune a table knows, for the built-in background: INSEE code, name, centre, population.
pub type KnownCommune = (String, String, Position, u32);

/// The most communes around the zone the built-in background names besides its own.
pub const NEARBY_PLACES: usize = 40;

/// How far around the companies the built-in background looks for communes, in degrees of
/// latitude (about 7 km: the neighbouring towns a room finds its way by).
const NEARBY_MARGIN_DEG: f64 = 0.06;

/// Farther around (about 40 km), the most populous communes besides: the towns the
/// deliverables' zone map points at beyond its edge ("↑ Bastia, 11 km", `report::map`), and
/// that the built-in background names when the map is zoomed out.
const TOWNS_MARGIN_DEG: f64 = 0.36;
pub const TOWNS: usize = 6;

/// The communes the built-in background names (drawn when no tile background is there): the
/// territory's and its companies', each once, placed by `locate` (an INSEE code → the commune's
/// name, centre and population; `None` when no table knows it, and it is left out), then the
/// most populous of the others around the companies (`within` a south-west and north-east
/// corner), at most [`NEARBY_PLACES`], so a map with no tiles still shows the towns a room
/// knows its way by, then the [`TOWNS`] most populous farther around.
pub fn place_names(
    p: &Project,
    locate: impl Fn(&str) -> Option<(String, Position, u32)>,
    within: impl Fn(Position, Position) -> Vec<KnownCommune>,
) -> Vec<PlaceName> {
    let codes: std::collections::BTreeSet<&str> = p
        .territory
        .communes
        .iter()
        .map(|c| c.insee.as_str())
        .chain(p.actors.iter().filter_map(|a| a.commune.as_deref()))
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let mut places: Vec<PlaceName> = codes
        .iter()
        .filter_map(|insee| {
            let (name, position, population) = locate(insee)?;
            position.is_valid().then(|| PlaceName {
                insee: insee.to_string(),
                name,
                position,
                population,
            })
        })
        .collect();
    let Some((sw, ne)) = symbiose_core::geo::bounds(p.actors.iter().filter_map(|a| a.position))
    else {
        return places;
    };
    // One look through the tables, over the wider box: the nearby communes are those of it
    // within the narrow one (two looks read the national table's 35,000 communes twice on
    // every edit).
    let k = sw.lat.to_radians().cos().max(0.1);
    let corners = |margin: f64| {
        (
            Position::new(sw.lat - margin, sw.lon - margin / k),
            Position::new(ne.lat + margin, ne.lon + margin / k),
        )
    };
    let (near_sw, near_ne) = corners(NEARBY_MARGIN_DEG);
    let is_near = |q: &Position| {
        (near_sw.lat..=near_ne.lat).contains(&q.lat) && (near_sw.lon..=near_ne.lon).contains(&q.lon)
    };
    let (wide_sw, wide_ne) = corners(TOWNS_MARGIN_DEG);
    let mut found: Vec<KnownCommune> = within(wide_sw, wide_ne)
        .into_iter()
        .filter(|(insee, _, position, _)| position.is_valid() && !codes.contains(insee.as_str()))
        .collect();
    // The most populous first; among equals, by code.
    found.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.0.cmp(&b.0)));
    let (near, far): (Vec<KnownCommune>, Vec<KnownCommune>) =
        found.into_iter().partition(|c| is_near(&c.2));
    let named = |c: KnownCommune| {
        let (insee, name, position, population) = c;
        PlaceName {
            insee,
            name,
            position,
            population,
        }
    };
    // Nearby communes left over past the first forty are farther towns' rivals too.
    let mut near = near.into_iter();
    places.extend(near.by_ref().take(NEARBY_PLACES).map(named));
    let mut rest: Vec<KnownCommune> = near.chain(far).collect();
    rest.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.0.cmp(&b.0)));
    places.extend(rest.into_iter().take(TOWNS).map(named));
    places
}

#[cfg(test)]
mod tests {
    use super::*;
    use symbiose_core::{Actor, ActorId};

    #[test]
    fn the_background_names_the_territorys_and_the_companies_communes_once() {
        let actor = |id: &str| Actor {
            id: ActorId::new(id),
            position: Some(Position::new(42.6, 9.44)),
            ..Default::default()
        };
        let mut p = Project {
            actors: vec![actor("a-1"), actor("a-2"), actor("a-3")],
            ..Default::default()
        };
        p.territory.communes = vec![symbiose_core::CommuneRef::new("2B120", "Furiani")];
        p.actors[0].commune = Some("2B033".into());
        p.actors[1].commune = Some("2B120".into());
        p.actors[2].commune = Some("99999".into());
        let locate = |insee: &str| {
            symbiose_core::refdata::communes::lookup(insee)
                .map(|c| (c.name.clone(), c.position, c.population))
        };
        let none = |_: Position, _: Position| Vec::new();
        let places = place_names(&p, locate, none);
        let names: Vec<(&str, &str)> = places
            .iter()
            .map(|c| (c.insee.as_str(), c.name.as_str()))
            .collect();
        assert_eq!(names, [("2B033", "Bastia"), ("2B120", "Furiani")]);
        assert!(places.iter().all(|c| c.position.is_valid()));
        assert!(place_names(&Project::default(), locate, none).is_empty());

        // Around the companies, the most populous others, each once, within the margin.
        let bundled = |sw: Position, ne: Position| {
            symbiose_core::refdata::communes::all()
                .iter()
                .filter(|c| {
                    (sw.lat..=ne.lat).contains(&c.position.lat)
                        && (sw.lon..=ne.lon).contains(&c.position.lon)
                })
                .map(|c| (c.insee.clone(), c.name.clone(), c.position, c.population))
                .collect()
        };
        let around = place_names(&p, locate, bundled);
        assert_eq!(&around[..2], &places[..]);
        assert!(around.len() > 2 + TOWNS && around.len() <= 2 + NEARBY_PLACES + TOWNS);
        // Then, farther around, the most populous others: Corte is 40 km away.
        let towns = &around[around.len() - TOWNS..];
        assert!(towns.windows(2).all(|w| w[0].population >= w[1].population));
        assert!(towns.iter().any(|c| c.name == "Corte"), "{towns:?}");
        let mut codes: Vec<&str> = around.iter().map(|c| c.insee.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), around.len(), "each commune once");
    }
}
