//! NAF rév. 2, the French activity classification (732 sub-classes), with the NACE class label
//! in English. The section letter (A–U) colours the map and groups sectors in the knowledge base.

use serde::Deserialize;
use std::sync::OnceLock;

use super::text::{all_words_in, fold};
use crate::Lang;

#[derive(Debug, Clone, Deserialize)]
pub struct NafCode {
    /// `10.71C`.
    #[serde(rename = "naf_code")]
    pub code: String,
    pub label_fr: String,
    /// `10.71`: the NACE class, shared with the rest of Europe.
    pub naf_class: String,
    pub class_label_fr: String,
    pub group: String,
    pub group_label_fr: String,
    /// `10`.
    pub division: String,
    pub division_label_fr: String,
    /// `C`.
    pub section: String,
    pub section_label_fr: String,
    /// English label of the NACE class (no English exists for French sub-classes).
    pub nace_class_label_en: String,
    #[serde(skip)]
    folded: String,
}

impl NafCode {
    pub fn label(&self, lang: Lang) -> &str {
        lang.pick(&self.label_fr, &self.nace_class_label_en)
    }

    pub fn section_letter(&self) -> char {
        self.section.chars().next().unwrap_or('?')
    }
}

/// The 21 NACE sections with short labels fit for a map legend.
pub const SECTIONS: [(char, &str, &str); 21] = [
    (
        'A',
        "Agriculture, sylviculture, pêche",
        "Agriculture, forestry, fishing",
    ),
    ('B', "Industries extractives", "Mining and quarrying"),
    ('C', "Industrie manufacturière", "Manufacturing"),
    ('D', "Électricité, gaz, vapeur", "Electricity, gas, steam"),
    (
        'E',
        "Eau, assainissement, déchets",
        "Water, sewerage, waste",
    ),
    ('F', "Construction", "Construction"),
    ('G', "Commerce, réparation auto", "Trade, motor repair"),
    ('H', "Transports, entreposage", "Transport, storage"),
    (
        'I',
        "Hébergement, restauration",
        "Accommodation, food service",
    ),
    (
        'J',
        "Information, communication",
        "Information, communication",
    ),
    ('K', "Finance, assurance", "Finance, insurance"),
    ('L', "Immobilier", "Real estate"),
    (
        'M',
        "Activités scientifiques, techniques",
        "Professional, scientific, technical",
    ),
    (
        'N',
        "Services administratifs, de soutien",
        "Administrative, support services",
    ),
    ('O', "Administration publique", "Public administration"),
    ('P', "Enseignement", "Education"),
    ('Q', "Santé, action sociale", "Health, social work"),
    (
        'R',
        "Arts, spectacles, loisirs",
        "Arts, entertainment, recreation",
    ),
    ('S', "Autres services", "Other services"),
    ('T', "Ménages employeurs", "Households as employers"),
    (
        'U',
        "Organisations extraterritoriales",
        "Extraterritorial organisations",
    ),
];

/// Short label of a section letter.
pub fn section_label(letter: char, lang: Lang) -> Option<&'static str> {
    SECTIONS
        .iter()
        .find(|(l, _, _)| *l == letter)
        .map(|(_, fr, en)| lang.pick(fr, en))
}

fn table() -> &'static [NafCode] {
    static TABLE: OnceLock<Vec<NafCode>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut reader =
            csv::Reader::from_reader(include_str!("../../data/naf_rev2_subclasses.csv").as_bytes());
        let mut codes: Vec<NafCode> = reader
            .deserialize()
            .collect::<Result<_, _>>()
            .expect("bundled naf_rev2_subclasses.csv is valid (checked by tests)");
        for c in &mut codes {
            c.folded = fold(&format!(
                "{} {} {} {}",
                c.code, c.label_fr, c.class_label_fr, c.nace_class_label_en
            ));
        }
        codes.sort_by(|a, b| a.code.cmp(&b.code));
        codes
    })
}

pub fn all() -> &'static [NafCode] {
    table()
}

/// Normalises `1071c`, `10 71 C` or `10.71c` to `10.71C`; returns the input trimmed when it
/// does not have the shape of a NAF code.
pub fn normalise(input: &str) -> String {
    let compact: String = input
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let b = compact.as_bytes();
    if b.len() == 5 && b[..4].iter().all(u8::is_ascii_digit) && b[4].is_ascii_alphabetic() {
        format!(
            "{}.{}{}",
            &compact[..2],
            &compact[2..4],
            compact[4..].to_ascii_uppercase()
        )
    } else {
        input.trim().to_string()
    }
}

pub fn lookup(code: &str) -> Option<&'static NafCode> {
    let key = normalise(code);
    let t = table();
    t.binary_search_by(|c| c.code.as_str().cmp(&key))
        .ok()
        .map(|i| &t[i])
}

/// The section letter of a NAF code, from the table; `None` for an unknown code.
pub fn section_of(code: &str) -> Option<char> {
    lookup(code).map(NafCode::section_letter)
}

/// Sub-classes whose code or label (FR, or the English class label) contains every word.
pub fn search(query: &str, limit: usize) -> Vec<&'static NafCode> {
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let code_like = fold(&normalise(query));
    let mut hits: Vec<&NafCode> = table()
        .iter()
        .filter(|c| fold(&c.code).starts_with(&code_like) || all_words_in(&q, &c.folded))
        .collect();
    hits.truncate(limit);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_table_is_complete() {
        assert_eq!(all().len(), 732);
        assert!(
            all()
                .iter()
                .all(|c| SECTIONS.iter().any(|(l, _, _)| *l == c.section_letter()))
        );
    }

    #[test]
    fn lookup_normalises() {
        let c = lookup("1071c").unwrap();
        assert_eq!(c.code, "10.71C");
        assert_eq!(c.section_letter(), 'C');
        assert_eq!(section_of("38.11Z"), Some('E'));
        assert!(lookup("99.99Z").is_none());
    }

    #[test]
    fn search_words_fr_en() {
        assert!(search("boulangerie", 20).iter().any(|c| c.code == "10.71C"));
        assert!(search("bread", 20).iter().any(|c| c.naf_class == "10.71"));
        assert!(
            search("10.71", 20)
                .iter()
                .all(|c| c.code.starts_with("10.71"))
        );
    }
}
