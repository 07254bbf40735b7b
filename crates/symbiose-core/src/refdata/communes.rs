//! The 360 communes of Corsica (2A, 2B) with their centroid, postcodes and EPCI.
//!
//! Only Corsica is bundled: the national file (35,000 communes, 2.2 MB) would double the app's
//! download for every user; it belongs to lazy loading (see issue on scale). Centroids were
//! computed from IGN boundaries (shared/refdata README).

use serde::Deserialize;
use std::sync::OnceLock;

use super::text::{Place, find_places, fold};
use crate::model::Position;

#[derive(Debug, Clone, PartialEq)]
pub struct Commune {
    /// INSEE code, `2B037`.
    pub insee: String,
    pub name: String,
    pub department: String,
    pub postcodes: Vec<String>,
    pub population: u32,
    pub epci_siren: String,
    pub epci_name: String,
    /// Centroid of the commune's area.
    pub position: Position,
    folded: String,
}

#[derive(Deserialize)]
struct Row {
    code_insee: String,
    nom: String,
    departement: String,
    codes_postaux: String,
    population: u32,
    epci_siren: String,
    epci_nom: String,
    centroid_lat: f64,
    centroid_lon: f64,
}

fn table() -> &'static [Commune] {
    static TABLE: OnceLock<Vec<Commune>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut reader =
            csv::Reader::from_reader(include_str!("../../data/communes_corse.csv").as_bytes());
        let mut rows: Vec<Commune> = reader
            .deserialize::<Row>()
            .map(|r| {
                let r = r.expect("bundled communes_corse.csv is valid (checked by tests)");
                Commune {
                    folded: fold(&r.nom).replace('-', " "),
                    insee: r.code_insee,
                    name: r.nom,
                    department: r.departement,
                    postcodes: r
                        .codes_postaux
                        .split_whitespace()
                        .map(str::to_string)
                        .collect(),
                    population: r.population,
                    epci_siren: r.epci_siren,
                    epci_name: r.epci_nom,
                    position: Position::new(r.centroid_lat, r.centroid_lon),
                }
            })
            .collect();
        rows.sort_by(|a, b| a.insee.cmp(&b.insee));
        rows
    })
}

pub fn all() -> &'static [Commune] {
    table()
}

pub fn lookup(insee: &str) -> Option<&'static Commune> {
    let key = insee.trim().to_ascii_uppercase();
    let t = table();
    t.binary_search_by(|c| c.insee.as_str().cmp(&key))
        .ok()
        .map(|i| &t[i])
}

/// The commune whose centroid is nearest, when it is within `max_km`: a click on the map names
/// the commune a new company is probably in. Centroids are not boundaries, so this is a
/// suggestion the user can change, and nothing is suggested far out at sea or off the island.
pub fn nearest(position: &Position, max_km: f64) -> Option<&'static Commune> {
    table()
        .iter()
        .map(|c| (c, c.position.distance_km(position)))
        .filter(|(_, d)| *d <= max_km)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

/// Communes by name, postcode or INSEE code ([`find_places`]).
pub fn search(query: &str, limit: usize) -> Vec<&'static Commune> {
    find_places(table(), query, limit)
}

impl Place for Commune {
    fn folded_name(&self) -> &str {
        &self.folded
    }
    fn insee(&self) -> &str {
        &self.insee
    }
    fn postcodes(&self) -> &[String] {
        &self.postcodes
    }
    fn population(&self) -> u32 {
        self.population
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_table_is_complete() {
        assert_eq!(all().len(), 360);
        assert!(
            all()
                .iter()
                .all(|c| c.position.is_valid() && (41.3..43.1).contains(&c.position.lat))
        );
    }

    #[test]
    fn lookup_and_search() {
        let b = lookup("2b037").unwrap();
        assert_eq!(b.name, "Biguglia");
        assert_eq!(b.epci_name, "CC de Marana-Golo");
        assert_eq!(search("bigu", 5)[0].insee, "2B037");
        assert_eq!(search("FURIANI", 5)[0].insee, "2B120");
        assert_eq!(search("san martino lota", 5)[0].insee, "2B305");
        assert!(search("20620", 5).iter().any(|c| c.insee == "2B037"));
        assert!(search("", 5).is_empty());
    }

    #[test]
    fn nearest_commune_to_a_click() {
        let biguglia = lookup("2B037").unwrap().position;
        assert_eq!(nearest(&biguglia, 10.0).unwrap().insee, "2B037");
        // Paris is not in the bundled table: no suggestion rather than a wrong one.
        assert!(nearest(&Position::new(48.85, 2.35), 10.0).is_none());
    }
}
