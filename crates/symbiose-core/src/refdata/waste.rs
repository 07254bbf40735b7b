//! The European List of Waste (LoW / nomenclature des déchets), French and English labels.
//!
//! Codes are stored without spaces (`150103`). A code is hazardous when the list marks it with
//! `*`; for "mirror" entries the hazardous and non-hazardous twins are distinct codes, so the
//! code alone always decides.

use serde::Deserialize;
use std::sync::OnceLock;

use super::text::{all_words_in, fold};
use crate::Lang;

#[derive(Debug, Clone, Deserialize)]
pub struct WasteCode {
    /// Six digits, no spaces.
    pub code: String,
    /// `15 01 03`, as printed in the official list.
    pub code_display: String,
    pub hazardous: bool,
    pub entry_type: String,
    /// Two digits.
    pub chapter: String,
    /// `15 01`.
    pub section: String,
    pub label_fr: String,
    pub label_en: String,
    pub chapter_label_fr: String,
    pub chapter_label_en: String,
    pub section_label_fr: String,
    pub section_label_en: String,
    #[serde(skip)]
    folded: String,
}

impl WasteCode {
    pub fn label(&self, lang: Lang) -> &str {
        lang.pick(&self.label_fr, &self.label_en)
    }

    pub fn chapter_label(&self, lang: Lang) -> &str {
        lang.pick(&self.chapter_label_fr, &self.chapter_label_en)
    }

    pub fn section_label(&self, lang: Lang) -> &str {
        lang.pick(&self.section_label_fr, &self.section_label_en)
    }

    /// `15 01 03*` for a hazardous code, as documents print it.
    pub fn display_with_star(&self) -> String {
        // The bundled display form already carries the star of hazardous codes.
        let bare = self.code_display.trim_end_matches('*');
        if self.hazardous {
            format!("{bare}*")
        } else {
            bare.to_string()
        }
    }

    /// Whether this is a "mirror" entry: hazardous or not depending on the substances it holds.
    pub fn is_mirror(&self) -> bool {
        self.entry_type.starts_with("Mirror")
    }
}

fn table() -> &'static [WasteCode] {
    static TABLE: OnceLock<Vec<WasteCode>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut codes: Vec<WasteCode> =
            serde_json::from_str(include_str!("../../data/list_of_waste_fr_en.json"))
                .expect("bundled list_of_waste_fr_en.json is valid (checked by tests)");
        for c in &mut codes {
            c.folded = fold(&format!(
                "{} {} {} {}",
                c.code, c.code_display, c.label_fr, c.label_en
            ));
        }
        codes.sort_by(|a, b| a.code.cmp(&b.code));
        codes
    })
}

/// Every code, in code order.
pub fn all() -> &'static [WasteCode] {
    table()
}

/// Normalises what a user typed (`15 01 03*`, `15.01.03`) to the six-digit key.
pub fn normalise(input: &str) -> String {
    input.chars().filter(char::is_ascii_digit).collect()
}

/// The entry for a code, written with or without spaces or star.
pub fn lookup(code: &str) -> Option<&'static WasteCode> {
    let key = normalise(code);
    let t = table();
    t.binary_search_by(|c| c.code.as_str().cmp(&key))
        .ok()
        .map(|i| &t[i])
}

/// Codes whose code or label (FR or EN) contains every word of the query, accents and case
/// ignored. Codes that start with the typed digits come first.
pub fn search(query: &str, limit: usize) -> Vec<&'static WasteCode> {
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let digits = normalise(&q);
    let numeric = !digits.is_empty()
        && q.chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '*');
    let mut hits: Vec<&WasteCode> = if numeric {
        table()
            .iter()
            .filter(|c| c.code.starts_with(&digits))
            .collect()
    } else {
        table()
            .iter()
            .filter(|c| all_words_in(&q, &c.folded))
            .collect()
    };
    hits.truncate(limit);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_list_is_complete() {
        assert_eq!(all().len(), 842);
        assert_eq!(all().iter().filter(|c| c.hazardous).count(), 408);
    }

    #[test]
    fn lookup_accepts_printed_forms() {
        let c = lookup("15 01 03").unwrap();
        assert!(c.label_fr.contains("bois"), "{}", c.label_fr);
        assert!(!c.hazardous);
        assert_eq!(c.chapter, "15");
        assert!(lookup("150110*").unwrap().hazardous);
        assert_eq!(lookup("150110").unwrap().display_with_star(), "15 01 10*");
        assert_eq!(lookup("150103").unwrap().display_with_star(), "15 01 03");
        assert!(lookup("999999").is_none());
    }

    #[test]
    fn search_by_words_and_code() {
        let hits = search("emballages bois", 10);
        assert!(hits.iter().any(|c| c.code == "150103"));
        let en = search("wooden packaging", 10);
        assert!(en.iter().any(|c| c.code == "150103"));
        let by_code = search("1501", 50);
        assert!(by_code.iter().all(|c| c.code.starts_with("1501")));
        assert!(!by_code.is_empty());
    }
}
