//! All French communes and EPCI, to choose a territory by name or postcode.
//!
//! The national files (data/communes_fr.csv, 2.2 MB, and data/epci_fr.csv) are not compiled
//! into the app: that would double every first visit for a table only the territory settings
//! need. The app serves them as files next to itself, fetches them when the territory is
//! edited (the offline cache keeps them), and parses them here.

use std::collections::HashMap;

use serde::Deserialize;

use super::text::{Place, find_places, fold};
use crate::model::{CommuneRef, EpciRef, Position};

#[derive(Debug, Clone, PartialEq)]
pub struct Commune {
    pub insee: String,
    pub name: String,
    pub department: String,
    pub postcodes: Vec<String>,
    pub population: u32,
    /// Empty for the few communes outside any EPCI (island communes).
    pub epci_siren: String,
    pub position: Option<Position>,
    folded: String,
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

impl Commune {
    pub fn to_ref(&self) -> CommuneRef {
        CommuneRef::new(&self.insee, &self.name)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Epci {
    pub siren: String,
    pub name: String,
    /// CC, CA, CU, METRO, MET69.
    pub kind: String,
    pub population: u32,
}

impl Epci {
    pub fn to_ref(&self) -> EpciRef {
        EpciRef {
            siren: self.siren.clone(),
            name: self.name.clone(),
        }
    }
}

#[derive(Deserialize)]
struct CommuneRow {
    code_insee: String,
    nom: String,
    departement: String,
    codes_postaux: String,
    population: Option<u32>,
    epci_siren: String,
    lat: Option<f64>,
    lon: Option<f64>,
}

#[derive(Deserialize)]
struct EpciRow {
    epci_siren: String,
    nom: String,
    #[serde(rename = "type")]
    kind: String,
    population_totale: Option<u32>,
}

/// The two tables, indexed.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    communes: Vec<Commune>,
    epci: HashMap<String, Epci>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("unreadable {file}, line {line}: {message}")]
pub struct GazetteerError {
    pub file: &'static str,
    pub line: u64,
    pub message: String,
}

impl crate::UserMessage for GazetteerError {
    fn message(&self) -> crate::Bilingual {
        crate::bilingual!(
            |l| "fichier {} illisible, ligne {} : {}",
            "unreadable {}, line {}: {}",
            self.file,
            self.line,
            self.message
        )
    }
}

fn rows<T: for<'de> Deserialize<'de>>(
    text: &str,
    file: &'static str,
) -> Result<Vec<T>, GazetteerError> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .map(|r| {
            r.map_err(|e| GazetteerError {
                file,
                line: e.position().map_or(0, |p| p.line()),
                message: e.to_string(),
            })
        })
        .collect()
}

impl Gazetteer {
    /// Parses the two files as published in data/ (their header names the columns read).
    pub fn from_csv(communes: &str, epci: &str) -> Result<Self, GazetteerError> {
        let mut list: Vec<Commune> = rows::<CommuneRow>(communes, "communes_fr.csv")?
            .into_iter()
            .map(|r| Commune {
                folded: fold(&r.nom).replace('-', " "),
                position: r
                    .lat
                    .zip(r.lon)
                    .map(|(lat, lon)| Position::new(lat, lon))
                    .filter(Position::is_valid),
                insee: r.code_insee,
                name: r.nom,
                department: r.departement,
                postcodes: r
                    .codes_postaux
                    .split_whitespace()
                    .map(str::to_string)
                    .collect(),
                population: r.population.unwrap_or(0),
                epci_siren: r.epci_siren,
            })
            .collect();
        list.sort_by(|a, b| a.insee.cmp(&b.insee));
        let epci = rows::<EpciRow>(epci, "epci_fr.csv")?
            .into_iter()
            .map(|r| {
                let e = Epci {
                    siren: r.epci_siren,
                    name: r.nom,
                    kind: r.kind,
                    population: r.population_totale.unwrap_or(0),
                };
                (e.siren.clone(), e)
            })
            .collect();
        Ok(Self {
            communes: list,
            epci,
        })
    }

    pub fn len(&self) -> usize {
        self.communes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.communes.is_empty()
    }

    /// Every commune, in the table's order.
    pub fn communes(&self) -> &[Commune] {
        &self.communes
    }

    pub fn commune(&self, insee: &str) -> Option<&Commune> {
        let key = insee.trim().to_ascii_uppercase();
        self.communes
            .binary_search_by(|c| c.insee.as_str().cmp(&key))
            .ok()
            .map(|i| &self.communes[i])
    }

    pub fn epci(&self, siren: &str) -> Option<&Epci> {
        self.epci.get(siren.trim())
    }

    /// Communes by name, postcode or INSEE code ([`find_places`]).
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Commune> {
        find_places(&self.communes, query, limit)
    }

    /// The EPCI most of the chosen communes belong to (by population when tied): what a
    /// facilitator would pick, offered, not imposed.
    pub fn suggest_epci(&self, communes: &[CommuneRef]) -> Option<&Epci> {
        let mut weight: HashMap<&str, (usize, u64)> = HashMap::new();
        for c in communes.iter().filter_map(|c| self.commune(&c.insee)) {
            if c.epci_siren.is_empty() {
                continue;
            }
            let w = weight.entry(c.epci_siren.as_str()).or_default();
            w.0 += 1;
            w.1 += u64::from(c.population);
        }
        weight
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
            .and_then(|(siren, _)| self.epci(siren))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn national() -> Gazetteer {
        Gazetteer::from_csv(
            include_str!("../../data/communes_fr.csv"),
            include_str!("../../data/epci_fr.csv"),
        )
        .unwrap()
    }

    #[test]
    fn the_national_tables_parse_whole() {
        let g = national();
        assert_eq!(g.len(), 34_969);
        assert_eq!(g.epci.len(), 1_255);
        let bastia = g.commune("2b033").unwrap();
        assert_eq!(bastia.name, "Bastia");
        assert_eq!(g.epci(&bastia.epci_siren).unwrap().kind, "CA");
    }

    #[test]
    fn search_by_name_postcode_and_code() {
        let g = national();
        assert_eq!(g.search("bastia", 3)[0].insee, "2B033");
        assert_eq!(
            g.search("Saint-Étienne", 1)[0].insee,
            "42218",
            "largest first"
        );
        assert!(g.search("69001", 5).iter().any(|c| c.insee == "69123"));
        assert_eq!(g.search("2B037", 1)[0].name, "Biguglia");
        assert!(g.search("  ", 5).is_empty());
        assert!(g.search("zzzqqq", 5).is_empty());
    }

    #[test]
    fn the_epci_of_most_communes_is_suggested() {
        let g = national();
        let refs: Vec<CommuneRef> = ["2B037", "2B033", "2B120"]
            .iter()
            .map(|c| g.commune(c).unwrap().to_ref())
            .collect();
        // Bastia and Furiani are in the CA de Bastia, Biguglia in Marana-Golo.
        assert_eq!(g.suggest_epci(&refs).unwrap().name, "CA de Bastia");
        assert!(g.suggest_epci(&[]).is_none());
    }

    #[test]
    fn a_broken_file_says_which_and_where() {
        let bad = "code_insee,nom,departement,codes_postaux,population,epci_siren,lat,lon\n01001,X,01,01400,abc,,1,2\n";
        let e = Gazetteer::from_csv(bad, "epci_siren,nom,type,population_totale\n").unwrap_err();
        assert_eq!((e.file, e.line), ("communes_fr.csv", 2));
    }
}
