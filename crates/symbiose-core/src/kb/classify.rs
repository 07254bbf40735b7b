//! Which resource class a waste code, a CPA product code or a flow belongs to.
//!
//! Matching works on the controlled [`ResourceCategory`] vocabulary. A flow that only gives a
//! List-of-Waste code gets its category from the code, by the list's own structure (chapter,
//! section, and a few codes that cut across sections, like `15 01 03` wooden packaging).
//! Chapters whose sections hold different materials are mapped section by section: chapter 02
//! (agriculture and food) holds manure, crop residues, meat, dairy and beet soil, and chapter 03
//! holds wood, wood preservatives and paper-mill residues, which go to different outlets.

use crate::model::{Family, Flow, ResourceCategory};
use crate::refdata::waste;

use ResourceCategory as C;

/// Code prefixes, most specific first: the first prefix the code starts with decides.
const CODE_PREFIXES: &[(&str, ResourceCategory)] = &[
    // Single codes that cut across their section.
    ("150101", C::PaperCardboard),
    ("150102", C::Plastics),
    ("150103", C::Wood),
    ("150104", C::Metals),
    ("150107", C::Glass),
    ("150109", C::Textiles),
    ("170201", C::Wood),
    ("170202", C::Glass),
    ("170203", C::Plastics),
    // "Glass, plastic and wood containing hazardous substances": in practice treated wood from
    // demolition, which the regulatory rules send only to permitted installations.
    ("170204", C::Wood),
    ("191201", C::PaperCardboard),
    ("191202", C::Metals),
    ("191203", C::Metals),
    ("191204", C::Plastics),
    ("191205", C::Glass),
    ("191206", C::Wood),
    ("191207", C::Wood),
    ("191208", C::Textiles),
    ("200101", C::PaperCardboard),
    ("200102", C::Glass),
    ("200108", C::Organic),
    ("200110", C::Textiles),
    ("200111", C::Textiles),
    ("200125", C::OilsSolvents),
    ("200126", C::OilsSolvents),
    ("200137", C::Wood),
    ("200138", C::Wood),
    ("200139", C::Plastics),
    ("200140", C::Metals),
    ("200201", C::Organic),
    // Chapter 02, section by section. 02 01 agriculture: animal tissue and manure are organic
    // matter, crop and forestry residues are biomass, the rest is what its label says.
    ("020102", C::Organic),
    ("020103", C::Biomass),
    ("020104", C::Plastics),
    ("020106", C::Organic),
    ("020107", C::Biomass),
    ("020108", C::Chemicals),
    ("020109", C::Chemicals),
    ("020110", C::Metals),
    ("0201", C::Organic),
    // 02 02 meat and fish: food by-products of animal origin (the animal by-products rules
    // of `kb::regulation` apply to them).
    ("0202", C::FoodByproducts),
    // 02 03 fruit, vegetables, cereals, oils, coffee...: preserving agents and solvent
    // extraction wastes are chemicals.
    ("020302", C::Chemicals),
    ("020303", C::Chemicals),
    ("0203", C::FoodByproducts),
    // 02 04 sugar: beet-washing soil and off-specification lime are minerals.
    ("020401", C::Minerals),
    ("020402", C::Minerals),
    ("0204", C::FoodByproducts),
    // 02 05 dairy.
    ("0205", C::FoodByproducts),
    // 02 06 bakery and confectionery.
    ("020602", C::Chemicals),
    ("0206", C::FoodByproducts),
    // 02 07 beverages: chemical-treatment wastes are chemicals.
    ("020703", C::Chemicals),
    ("0207", C::FoodByproducts),
    // Chapter 03: wood processing (03 01), wood preservation (03 02, all chemicals), pulp and
    // paper (03 03), whose bark is wood and lime mud a mineral.
    ("0301", C::Wood),
    ("0302", C::Chemicals),
    ("030301", C::Wood),
    ("030309", C::Minerals),
    ("030307", C::PaperCardboard),
    ("030308", C::PaperCardboard),
    ("0303", C::PaperCardboard),
    ("160103", C::Other),
    ("160117", C::Metals),
    ("160118", C::Metals),
    ("160119", C::Plastics),
    ("160120", C::Glass),
    ("101112", C::Glass),
    ("120105", C::Plastics),
    ("1905", C::Organic),
    ("1704", C::Metals),
    ("1201", C::Metals),
    ("0401", C::Other),
    ("0402", C::Textiles),
    ("1001", C::Minerals),
    ("1002", C::Minerals),
    ("1012", C::Minerals),
    ("1013", C::Minerals),
    ("1011", C::Glass),
    ("1605", C::Chemicals),
    ("1601", C::Metals),
    // Whole chapters.
    ("01", C::Minerals),
    ("05", C::OilsSolvents),
    ("06", C::Chemicals),
    ("07", C::Chemicals),
    ("08", C::Chemicals),
    ("09", C::Chemicals),
    ("10", C::Minerals),
    ("11", C::Chemicals),
    ("12", C::Metals),
    ("13", C::OilsSolvents),
    ("14", C::OilsSolvents),
    ("17", C::Minerals),
];

/// Non-hazardous sludges of organic matter: from food and drink making (chapter 02), paper
/// mills (03 03), leather and textile effluents (04), urban and biological industrial
/// wastewater treatment (19 08 05, 19 08 12) and septic tanks (20 03 04). They share outlets
/// (digestion, composting, and spreading where the rules allow it). Sludges of paint, ink,
/// machining, concrete, metals or flue gas are not organic matter: they keep their chapter's
/// class, so they are never offered to a digester, a compost site or a farm as sludge.
const ORGANIC_SLUDGES: &[&str] = &[
    "020101", "020201", "020204", "020301", "020305", "020403", "020502", "020603", "020705",
    "030302", "030305", "030310", "030311", "040107", "040220", "190805", "190812", "200304",
];

/// Whether a code's label names a sludge (`boues`), whatever its chapter or hazard.
pub fn is_sludge_code(code: &waste::WasteCode) -> bool {
    code.label_en.to_ascii_lowercase().contains("sludge")
}

/// The category a List-of-Waste code belongs to. Sludges of organic matter are their own class
/// ([`ORGANIC_SLUDGES`]); other sludges belong to their chapter's class.
pub fn category_of_waste_code(code: &str) -> Option<ResourceCategory> {
    let entry = waste::lookup(code)?;
    if ORGANIC_SLUDGES.contains(&entry.code.as_str()) {
        return Some(C::Sludge);
    }
    Some(
        CODE_PREFIXES
            .iter()
            .find(|(prefix, _)| entry.code.starts_with(prefix))
            .map_or(C::Other, |(_, c)| *c),
    )
}

/// The category of a CPA 2.1 product code (used by the MAESTRI exchanges without a waste code).
pub fn category_of_cpa(cpa: &str) -> Option<ResourceCategory> {
    let digits: String = cpa.chars().filter(char::is_ascii_digit).collect();
    let prefix = digits.get(..3)?;
    Some(match prefix {
        "351" => C::Electricity,
        "352" | "062" => C::Gas,
        "353" => C::Steam,
        "360" | "370" => C::ProcessWater,
        "192" => C::OilsSolvents,
        "201" | "202" | "203" | "205" => C::Chemicals,
        "101" | "102" | "103" | "104" | "105" | "106" | "107" | "108" | "109" | "110" => {
            C::FoodByproducts
        }
        "161" | "162" | "022" => C::Wood,
        "171" | "172" => C::PaperCardboard,
        "222" => C::Plastics,
        "241" | "242" | "243" | "244" | "245" => C::Metals,
        "081" | "089" | "235" | "236" => C::Minerals,
        _ => return None,
    })
}

/// A flow's category: the declared one, else the one its waste code implies. `Other` counts
/// as unknown for matching: two "other" flows share nothing.
pub fn effective_category(flow: &Flow) -> Option<ResourceCategory> {
    flow.category
        .or_else(|| flow.waste_code.as_deref().and_then(category_of_waste_code))
        .filter(|c| *c != C::Other)
}

/// Families a need may be met from, for an offer of `offer` family. A waste is a raw
/// material or a fuel for someone else, so waste offers reach matter and energy needs.
pub fn compatible_need_families(offer: Family) -> &'static [Family] {
    match offer {
        Family::Waste => &[Family::Waste, Family::Matter, Family::Energy],
        Family::Matter => &[Family::Matter, Family::Waste],
        Family::Energy => &[Family::Energy],
        Family::Water => &[Family::Water],
        Family::Equipment => &[Family::Equipment],
        Family::Skill => &[Family::Skill],
        Family::Service => &[Family::Service],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_to_categories() {
        assert_eq!(category_of_waste_code("150103"), Some(C::Wood));
        assert_eq!(category_of_waste_code("15 01 01"), Some(C::PaperCardboard));
        assert_eq!(category_of_waste_code("020304"), Some(C::FoodByproducts));
        assert_eq!(category_of_waste_code("190805"), Some(C::Sludge));
        assert_eq!(category_of_waste_code("999999"), None);
    }

    #[test]
    fn chapter_02_is_mapped_section_by_section() {
        // 02 01 agriculture.
        assert_eq!(category_of_waste_code("020106"), Some(C::Organic));
        assert_eq!(category_of_waste_code("020103"), Some(C::Biomass));
        assert_eq!(category_of_waste_code("020107"), Some(C::Biomass));
        assert_eq!(category_of_waste_code("020109"), Some(C::Chemicals));
        assert_eq!(category_of_waste_code("020110"), Some(C::Metals));
        // 02 02 meat and fish, 02 05 dairy, 02 06 bakery, 02 07 beverages.
        assert_eq!(category_of_waste_code("020202"), Some(C::FoodByproducts));
        assert_eq!(category_of_waste_code("020501"), Some(C::FoodByproducts));
        assert_eq!(category_of_waste_code("020601"), Some(C::FoodByproducts));
        assert_eq!(category_of_waste_code("020602"), Some(C::Chemicals));
        assert_eq!(category_of_waste_code("020702"), Some(C::FoodByproducts));
        assert_eq!(category_of_waste_code("020703"), Some(C::Chemicals));
        // 02 03 and 02 04: solvent extraction is chemical, beet soil and lime are minerals.
        assert_eq!(category_of_waste_code("020303"), Some(C::Chemicals));
        assert_eq!(category_of_waste_code("020401"), Some(C::Minerals));
        assert_eq!(category_of_waste_code("020402"), Some(C::Minerals));
        assert_eq!(category_of_waste_code("020499"), Some(C::FoodByproducts));
        // Every section's sludges are organic sludges.
        for code in [
            "020101", "020204", "020305", "020403", "020502", "020603", "020705",
        ] {
            assert_eq!(category_of_waste_code(code), Some(C::Sludge), "{code}");
        }
        // Every code of chapter 02 gets a class of its own section, none falls to `Other`.
        for entry in waste::all().iter().filter(|c| c.chapter == "02") {
            assert_ne!(
                category_of_waste_code(&entry.code),
                Some(C::Other),
                "{}",
                entry.code
            );
        }
    }

    #[test]
    fn only_organic_sludges_are_sludge_and_wood_codes_are_wood() {
        // Paint, ink, machining and concrete sludges keep their chapter's class.
        assert_eq!(category_of_waste_code("080114"), Some(C::Chemicals));
        assert_eq!(category_of_waste_code("080315"), Some(C::Chemicals));
        assert_eq!(category_of_waste_code("120115"), Some(C::Metals));
        assert_eq!(category_of_waste_code("101314"), Some(C::Minerals));
        assert_eq!(category_of_waste_code("030305"), Some(C::Sludge));
        assert_eq!(category_of_waste_code("200304"), Some(C::Sludge));
        assert!(is_sludge_code(waste::lookup("080114").unwrap()));
        assert!(!is_sludge_code(waste::lookup("080112").unwrap()));
        // Treated and untreated wood, wherever the list files it; preservatives are not wood.
        for code in [
            "030104", "030105", "030301", "150103", "170201", "170204", "191206", "191207",
            "200137", "200138",
        ] {
            assert_eq!(category_of_waste_code(code), Some(C::Wood), "{code}");
        }
        assert_eq!(category_of_waste_code("030201"), Some(C::Chemicals));
        assert_eq!(category_of_waste_code("030309"), Some(C::Minerals));
    }

    #[test]
    fn other_chapters_and_products() {
        assert_eq!(category_of_waste_code("100202"), Some(C::Minerals));
        assert_eq!(category_of_waste_code("130205"), Some(C::OilsSolvents));
        assert_eq!(category_of_cpa("353011"), Some(C::Steam));
        assert_eq!(category_of_cpa("360012"), Some(C::ProcessWater));
    }

    #[test]
    fn declared_category_wins_and_other_is_unknown() {
        let mut f = Flow {
            waste_code: Some("150103".into()),
            ..Flow::default()
        };
        assert_eq!(effective_category(&f), Some(C::Wood));
        f.category = Some(C::Biomass);
        assert_eq!(effective_category(&f), Some(C::Biomass));
        f.category = Some(C::Other);
        assert_eq!(effective_category(&f), None);
    }
}
