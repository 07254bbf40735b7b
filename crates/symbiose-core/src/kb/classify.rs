//! Which resource class a waste code, a CPA product code or a flow belongs to.
//!
//! Matching works on the controlled [`ResourceCategory`] vocabulary. A flow that only gives a
//! List-of-Waste code gets its category from the code, by the list's own structure (chapter,
//! section, and a few codes that cut across sections, like `15 01 03` wooden packaging).

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
    ("191201", C::PaperCardboard),
    ("191202", C::Metals),
    ("191203", C::Metals),
    ("191204", C::Plastics),
    ("191205", C::Glass),
    ("191207", C::Wood),
    ("191208", C::Textiles),
    ("200101", C::PaperCardboard),
    ("200102", C::Glass),
    ("200108", C::Organic),
    ("200110", C::Textiles),
    ("200111", C::Textiles),
    ("200125", C::OilsSolvents),
    ("200126", C::OilsSolvents),
    ("200138", C::Wood),
    ("200139", C::Plastics),
    ("200140", C::Metals),
    ("200201", C::Organic),
    ("020106", C::Organic),
    ("020104", C::Plastics),
    ("030307", C::PaperCardboard),
    ("030308", C::PaperCardboard),
    ("160103", C::Other),
    ("160117", C::Metals),
    ("160118", C::Metals),
    ("160119", C::Plastics),
    ("160120", C::Glass),
    ("101112", C::Glass),
    ("120105", C::Plastics),
    ("1905", C::Organic),
    ("1908", C::Sludge),
    ("1704", C::Metals),
    ("1201", C::Metals),
    ("0401", C::Other),
    ("0402", C::Textiles),
    ("0301", C::Wood),
    ("0303", C::PaperCardboard),
    ("1001", C::Minerals),
    ("1002", C::Minerals),
    ("1012", C::Minerals),
    ("1013", C::Minerals),
    ("1011", C::Glass),
    ("1605", C::Chemicals),
    ("1601", C::Metals),
    // Whole chapters.
    ("01", C::Minerals),
    ("02", C::FoodByproducts),
    ("03", C::Wood),
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

/// The category a List-of-Waste code belongs to; sludges (`boues`) are their own class
/// whatever the chapter, since they go to the same outlets (spreading, digestion, drying).
pub fn category_of_waste_code(code: &str) -> Option<ResourceCategory> {
    let entry = waste::lookup(code)?;
    if entry.label_en.to_ascii_lowercase().contains("sludge") && !entry.hazardous {
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
        assert_eq!(category_of_waste_code("100202"), Some(C::Minerals));
        assert_eq!(category_of_waste_code("130205"), Some(C::OilsSolvents));
        assert_eq!(category_of_waste_code("999999"), None);
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
