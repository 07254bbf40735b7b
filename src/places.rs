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

/// The communes the built-in background names (drawn when no tile background is there): the
/// territory's and its companies', each once, placed by `locate` (an INSEE code → the commune's
/// name and centre; `None` when no table knows it, and it is left out), then the most populous
/// of the others around the companies (`within` a south-west and north-east corner), at most
/// [`NEARBY_PLACES`], so a map with no tiles still shows the towns a room knows its way by.
pub fn place_names(
    p: &Project,
    locate: impl Fn(&str) -> Option<(String, Position)>,
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
            let (name, position) = locate(insee)?;
            position.is_valid().then(|| PlaceName {
                insee: insee.to_string(),
                name,
                position,
            })
        })
        .collect();
    let spread = symbiose_core::geo::bounds(p.actors.iter().filter_map(|a| a.position));
    if let Some((sw, ne)) = spread {
        let m = NEARBY_MARGIN_DEG;
        let k = sw.lat.to_radians().cos().max(0.1);
        let mut nearby: Vec<KnownCommune> = within(
            Position::new(sw.lat - m, sw.lon - m / k),
            Position::new(ne.lat + m, ne.lon + m / k),
        )
        .into_iter()
        .filter(|(insee, _, position, _)| !codes.contains(insee.as_str()) && position.is_valid())
        .collect();
        nearby.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.0.cmp(&b.0)));
        places.extend(
            nearby
                .into_iter()
                .take(NEARBY_PLACES)
                .map(|(insee, name, position, _)| PlaceName {
                    insee,
                    name,
                    position,
                }),
        );
    }
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
            symbiose_core::refdata::communes::lookup(insee).map(|c| (c.name.clone(), c.position))
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
        assert!(around.len() > 2 && around.len() <= 2 + NEARBY_PLACES);
        let mut codes: Vec<&str> = around.iter().map(|c| c.insee.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), around.len(), "each commune once");
    }
}
