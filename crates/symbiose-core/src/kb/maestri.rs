//! The MAESTRI exchanges (311 real industrial-symbiosis exchanges from 30 published case
//! studies) and their literature references, read from the bundled CSV files.
//!
//! `exchange_id` is `case,source,n`: the case study, the reference it was taken from, and the
//! exchange number; a reference is identified by (case, source).

use serde::Deserialize;
use std::sync::OnceLock;

use super::classify::{category_of_cpa, category_of_waste_code};
use crate::model::ResourceCategory;

#[derive(Debug, Clone, Deserialize)]
struct RawExchange {
    exchange_id: String,
    donor_business: String,
    donor_nace: String,
    receiver_business: String,
    receiver_nace: String,
    waste_description: String,
    ewc_code: String,
    cpa_code: String,
    final_use: String,
    status: String,
}

#[derive(Debug, Clone, Deserialize)]
struct RawReference {
    #[serde(rename = "Case Identifier")]
    case: u32,
    #[serde(rename = "Source Identifier")]
    source: u32,
    #[serde(rename = "Authors")]
    authors: String,
    #[serde(rename = "Year of publication")]
    year: String,
    #[serde(rename = "Title")]
    title: String,
    #[serde(rename = "Country")]
    country: String,
}

/// One real exchange, reduced to what the knowledge base needs.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub id: String,
    pub case: u32,
    pub source: u32,
    pub donor_business: String,
    /// NACE codes as digits (`3511`, `21`, `011`); several when the file lists alternatives.
    pub donor_nace: Vec<String>,
    pub receiver_business: String,
    pub receiver_nace: Vec<String>,
    pub description: String,
    /// The description's words as the knowledge base compares them ([`super::words::tokens`]).
    pub words: Vec<String>,
    /// Six-digit List-of-Waste codes (several when the file lists alternatives).
    pub waste_codes: Vec<String>,
    pub category: Option<ResourceCategory>,
    pub final_use: String,
    pub implemented: bool,
}

#[derive(Debug, Clone)]
pub struct Reference {
    pub case: u32,
    pub source: u32,
    pub authors: String,
    pub year: String,
    pub title: String,
    pub country: String,
}

impl Reference {
    /// `Notarnicola et al. 2016 (Italy)`.
    pub fn short(&self) -> String {
        format!("{} {} ({})", self.authors, self.year, self.country)
    }
}

/// NACE digits from the file's forms: `3511`, `011 / 012`, `101/102/103`; `NA`, `ND` → none.
/// A few codes are groups or divisions written with trailing zeros (`1710` pulp and paper
/// plant, `0140` animal raising, `2700` electrical equipment): no NACE class has those digits,
/// so they become the group (`171`) or division (`27`) and match the activities inside it.
fn nace_codes(field: &str) -> Vec<String> {
    field
        .split('/')
        .map(|p| {
            p.trim()
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
        })
        .filter(|p| p.len() >= 2)
        .map(real_nace)
        .collect()
}

/// The code itself when some NAF sub-class falls in it; else, for a code ending in zeros, the
/// group or division those zeros stand for (`2700` → `27`).
fn real_nace(mut code: String) -> String {
    let exists = |prefix: &str| {
        crate::refdata::naf::all()
            .iter()
            .any(|c| super::nace_digits(&c.code).starts_with(prefix))
    };
    while code.len() > 2 && code.ends_with('0') && !exists(&code) {
        code.pop();
    }
    code
}

/// Keyword fallback for exchanges with neither a waste code nor a useful CPA code.
fn category_from_words(description: &str) -> Option<ResourceCategory> {
    use ResourceCategory as C;
    let d = description.to_ascii_lowercase();
    let table: &[(&str, ResourceCategory)] = &[
        ("steam", C::Steam),
        ("vapour", C::Steam),
        ("heat", C::Heat),
        ("water", C::ProcessWater),
        ("electric", C::Electricity),
        ("gas", C::Gas),
        ("co2", C::Co2),
        ("sludge", C::Sludge),
        ("mud", C::Sludge),
        ("ash", C::Minerals),
        ("slag", C::Minerals),
        ("gypsum", C::Minerals),
        ("wood", C::Wood),
        ("sawdust", C::Wood),
        ("paper", C::PaperCardboard),
        ("plastic", C::Plastics),
        ("oil", C::OilsSolvents),
        ("solvent", C::OilsSolvents),
    ];
    table.iter().find(|(w, _)| d.contains(w)).map(|(_, c)| *c)
}

fn parse_exchange(raw: RawExchange) -> Exchange {
    let mut parts = raw
        .exchange_id
        .split(',')
        .map(|p| p.trim().parse::<u32>().unwrap_or(0));
    let case = parts.next().unwrap_or(0);
    let source = parts.next().unwrap_or(0);
    let waste_codes: Vec<String> = raw
        .ewc_code
        .split('/')
        .map(|p| p.chars().filter(char::is_ascii_digit).collect::<String>())
        .filter(|p| p.len() == 6)
        .collect();
    let category = waste_codes
        .iter()
        .find_map(|c| category_of_waste_code(c))
        .filter(|c| *c != ResourceCategory::Other)
        .or_else(|| category_of_cpa(&raw.cpa_code))
        .or_else(|| category_from_words(&raw.waste_description));
    Exchange {
        id: raw.exchange_id,
        case,
        source,
        donor_business: raw.donor_business,
        donor_nace: nace_codes(&raw.donor_nace),
        receiver_business: raw.receiver_business,
        receiver_nace: nace_codes(&raw.receiver_nace),
        words: super::words::tokens(&raw.waste_description),
        description: raw.waste_description,
        waste_codes,
        category,
        final_use: raw.final_use,
        implemented: raw.status == "Implemented",
    }
}

/// The 311 bundled exchanges, parsed once.
pub fn exchanges() -> &'static [Exchange] {
    static TABLE: OnceLock<Vec<Exchange>> = OnceLock::new();
    TABLE.get_or_init(|| {
        csv::Reader::from_reader(include_str!("../../data/maestri_exchanges_train.csv").as_bytes())
            .deserialize::<RawExchange>()
            .map(|r| {
                parse_exchange(
                    r.expect("bundled maestri_exchanges_train.csv is valid (checked by tests)"),
                )
            })
            .collect()
    })
}

/// The bundled literature references.
pub fn references() -> &'static [Reference] {
    static TABLE: OnceLock<Vec<Reference>> = OnceLock::new();
    TABLE.get_or_init(|| {
        csv::Reader::from_reader(include_str!("../../data/maestri_references_train.csv").as_bytes())
            .deserialize::<RawReference>()
            .map(|r| {
                let r =
                    r.expect("bundled maestri_references_train.csv is valid (checked by tests)");
                Reference {
                    case: r.case,
                    source: r.source,
                    authors: r.authors,
                    year: r.year,
                    title: r.title,
                    country: r.country,
                }
            })
            .collect()
    })
}

/// The reference an exchange was taken from; three (case, source) pairs of the exchanges file
/// are missing from the references file, so those fall back to their case study's reference.
pub fn reference_of(exchange: &Exchange) -> Option<&'static Reference> {
    let refs = references();
    refs.iter()
        .find(|r| r.case == exchange.case && r.source == exchange.source)
        .or_else(|| refs.iter().find(|r| r.case == exchange.case))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_exchanges_parse_with_their_cases() {
        let all = exchanges();
        assert_eq!(all.len(), 311);
        let mut cases: Vec<u32> = all.iter().map(|e| e.case).collect();
        cases.sort_unstable();
        cases.dedup();
        assert_eq!(cases.len(), 30);
        let first = &all[0];
        assert_eq!((first.case, first.source), (1, 12));
        assert_eq!(first.receiver_nace, vec!["1920".to_string()]);
        assert!(
            reference_of(first)
                .unwrap()
                .authors
                .starts_with("Notarnicola")
        );
        assert_eq!(nace_codes("011 / 012"), vec!["011", "012"]);
        assert_eq!(
            nace_codes("1710"),
            vec!["171"],
            "a group written as a class"
        );
        assert_eq!(nace_codes("3510 / 2410"), vec!["351", "2410"]);
        assert_eq!(nace_codes("2700"), vec!["27"]);
        assert!(nace_codes("ND").is_empty());
        // Every exchange gets a resource class from its code, CPA code or words, but a few.
        let classified = all.iter().filter(|e| e.category.is_some()).count();
        assert!(classified > 280, "{classified}");
    }

    #[test]
    fn receiver_sectors_are_real_naf_activities() {
        let digits: Vec<String> = crate::refdata::naf::all()
            .iter()
            .map(|c| super::super::nace_digits(&c.code))
            .collect();
        for e in exchanges() {
            for code in e.receiver_nace.iter().chain(&e.donor_nace) {
                assert!(
                    digits.iter().any(|d| d.starts_with(code.as_str())),
                    "exchange {}: {code} is no NACE activity",
                    e.id
                );
            }
        }
    }

    #[test]
    fn every_exchange_has_its_reference() {
        assert!(exchanges().iter().all(|e| reference_of(e).is_some()));
        let exact = exchanges()
            .iter()
            .filter(|e| {
                references()
                    .iter()
                    .any(|r| (r.case, r.source) == (e.case, e.source))
            })
            .count();
        assert!(exact < 311 && exact > 250, "{exact}");
    }
}
