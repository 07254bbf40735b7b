//! The words of a flows file read back as the model's values: direction, family, category,
//! unit, period, months, physical state, route, confidentiality, provenance, dates.
//!
//! A closed list's words are its French and English labels (`labels!`: what the app shows and
//! the CSV export writes), each part of a label cut at its commas (`Bois, palettes` reads
//! `bois` and `palettes`), its name in the project file (`paper_cardboard`) and a few usual
//! synonyms listed here. They are compared by [`key`]: case, accents, punctuation and a final
//! plural `s` ignored, so `Déchets`, `dechet` and `DÉCHET` read the same.

use crate::Lang;
use crate::import::cells::pick;
pub(crate) use crate::import::cells::{date, key};
use crate::model::{
    Confidentiality, Direction, Family, Months, Period, PhysicalState, Provenance,
    ResourceCategory, Route, Unit,
};
use crate::refdata::text::fold;

pub(super) fn direction(cell: &str) -> Option<Direction> {
    use Direction::*;
    pick(
        cell,
        Direction::VARIANTS,
        Direction::label,
        &[
            ("sortant", Offer),
            ("flux sortant", Offer),
            ("output", Offer),
            ("entrant", Need),
            ("flux entrant", Need),
            ("input", Need),
            ("demande", Need),
            ("demand", Need),
        ],
    )
}

pub(super) fn family(cell: &str) -> Option<Family> {
    use Family::*;
    pick(
        cell,
        Family::VARIANTS,
        Family::label,
        &[
            ("matière première", Matter),
            ("material", Matter),
            ("matériel", Equipment),
            ("compétence", Skill),
            ("savoir-faire", Skill),
        ],
    )
}

pub(super) fn category(cell: &str) -> Option<ResourceCategory> {
    use ResourceCategory::*;
    pick(
        cell,
        ResourceCategory::VARIANTS,
        ResourceCategory::label,
        &[
            ("papier", PaperCardboard),
            ("carton", PaperCardboard),
            ("métal", Metals),
            ("metal", Metals),
            ("ferraille", Metals),
            ("biodéchet", Organic),
            ("déchets verts", Organic),
            ("inerte", Minerals),
            ("huile", OilsSolvents),
            ("solvant", OilsSolvents),
            ("boue", Sludge),
            ("dioxyde de carbone", Co2),
            ("eau", ProcessWater),
            ("machine", Equipment),
            ("logistique", Logistics),
            ("transport", Logistics),
        ],
    )
}

pub(super) fn state(cell: &str) -> Option<PhysicalState> {
    use PhysicalState::*;
    pick(
        cell,
        PhysicalState::VARIANTS,
        PhysicalState::label,
        &[("pâteuse", Paste), ("gaz", Gas), ("granulé", Powder)],
    )
}

pub(super) fn route(cell: &str) -> Option<Route> {
    use Route::*;
    pick(
        cell,
        Route::VARIANTS,
        Route::label,
        &[
            ("décharge", Landfill),
            ("ISDND", Landfill),
            ("ISDI", Landfill),
            ("valorisation matière", Recycling),
            ("compost", Composting),
            ("réutilisation", Reuse),
            ("égout", Sewer),
            ("réseau", Sewer),
            ("sewer", Sewer),
        ],
    )
}

pub(super) fn confidentiality(cell: &str) -> Option<Confidentiality> {
    use Confidentiality::*;
    pick(
        cell,
        Confidentiality::VARIANTS,
        Confidentiality::label,
        &[
            ("publique", Public),
            ("anonyme", Anonymised),
            ("anonymisée", Anonymised),
            ("anonymized", Anonymised),
            ("privée", Private),
            ("confidentiel", Private),
            ("confidential", Private),
        ],
    )
}

pub(super) fn provenance(cell: &str) -> Option<Provenance> {
    use Provenance::*;
    pick(
        cell,
        Provenance::VARIANTS,
        Provenance::label,
        &[
            ("déclarée", Declared),
            ("déclaratif", Declared),
            ("estimée", Estimated),
            ("estimation", Estimated),
            ("mesurée", Measured),
            ("mesure", Measured),
            ("measurement", Measured),
            ("pesée", Measured),
            ("comptage", Measured),
        ],
    )
}

pub(super) fn unit(cell: &str) -> Option<Unit> {
    use Unit::{CubicMetre, Hour, Kilogram, Kilowatt, KilowattHour, Litre, MegawattHour, Tonne};
    let wanted = key(cell);
    Unit::ALL
        .into_iter()
        .find(|u| key(u.symbol()) == wanted)
        .or_else(|| {
            pick(
                cell,
                &Unit::ALL,
                |u, _| u.symbol(),
                &[
                    ("tonne", Tonne),
                    ("kilo", Kilogram),
                    ("kilogramme", Kilogram),
                    ("kilogram", Kilogram),
                    ("mètre cube", CubicMetre),
                    ("cubic metre", CubicMetre),
                    ("cubic meter", CubicMetre),
                    ("litre", Litre),
                    ("liter", Litre),
                    ("mégawattheure", MegawattHour),
                    ("megawatt hour", MegawattHour),
                    ("kilowattheure", KilowattHour),
                    ("kilowatt hour", KilowattHour),
                    ("kilowatt", Kilowatt),
                    ("unité", Unit::Unit),
                    ("unit", Unit::Unit),
                    ("pièce", Unit::Unit),
                    ("piece", Unit::Unit),
                    ("heure", Hour),
                    ("hour", Hour),
                ],
            )
        })
}

pub(super) fn period(cell: &str) -> Option<Period> {
    use Period::*;
    let export = |p: Period, l: Lang| crate::export::csv::period_label(p, l);
    pick(
        cell,
        &Period::ALL,
        export,
        &[
            ("année", Year),
            ("annuel", Year),
            ("par an", Year),
            ("yr", Year),
            ("per year", Year),
            ("yearly", Year),
            ("annual", Year),
            ("mensuel", Month),
            ("par mois", Month),
            ("monthly", Month),
            ("per month", Month),
            ("hebdomadaire", Week),
            ("par semaine", Week),
            ("weekly", Week),
            ("per week", Week),
            ("jour", Day),
            ("par jour", Day),
            ("quotidien", Day),
            ("daily", Day),
            ("day", Day),
            ("per day", Day),
            ("une fois", Once),
            ("une fois (stock)", Once),
            ("stock", Once),
            ("once", Once),
        ],
    )
}

/// A unit cell that also holds the period (`t/an`, `MWh / mois`): the unit and the period's
/// text; `None` when the cell has no `/`.
pub(super) fn unit_per(cell: &str) -> Option<(&str, &str)> {
    cell.split_once('/').map(|(u, p)| (u.trim(), p.trim()))
}

const MONTHS: [&[&str]; 12] = [
    &["janvier", "january", "janv", "jan"],
    &["fevrier", "february", "fevr", "fev", "feb"],
    &["mars", "march", "mar"],
    &["avril", "april", "avr", "apr"],
    &["mai", "may"],
    &["juin", "june", "jun"],
    &["juillet", "july", "juil", "jul"],
    &["aout", "august", "aou", "aug"],
    &["septembre", "september", "sept", "sep"],
    &["octobre", "october", "oct"],
    &["novembre", "november", "nov"],
    &["decembre", "december", "dec"],
];

fn month(word: &str) -> Option<u8> {
    if let Ok(n) = word.parse::<u8>() {
        return (1..=12).contains(&n).then_some(n);
    }
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// The months a cell names: empty or "toute l'année" is all year; else month numbers or
/// names, French or English, full or short (`janv`, `Feb.`), listed (`1, 2, 3`; `juin et
/// juillet`) or as ranges (`1-3`, `nov-mars`, `octobre à mars`: a range may wrap round the
/// new year). `None` when a word is not a month.
pub(super) fn months(cell: &str) -> Option<Months> {
    let folded = fold(cell.trim());
    let all_year = [
        "",
        "toute l'annee",
        "toute l annee",
        "toute annee",
        "all year",
        "annuel",
    ];
    if all_year.contains(&folded.as_str()) || folded == "12 mois" {
        return Some(Months::ALL_YEAR);
    }
    // Range marks become '-', every other separator a space; then "a - b" closes up.
    let mut text = format!(" {folded} ");
    for word in [" a ", " au ", " to ", " jusqu'a "] {
        text = text.replace(word, "-");
    }
    let text: String = text
        .chars()
        .map(|c| match c {
            '–' | '—' => '-',
            ',' | ';' | '/' | '+' | '&' => ' ',
            '.' => ' ',
            c => c,
        })
        .collect();
    let mut text = text.replace(" et ", " ").replace(" and ", " ");
    while text.contains(" -") || text.contains("- ") {
        text = text.replace(" -", "-").replace("- ", "-");
    }
    let mut set = Vec::new();
    for token in text.split_whitespace() {
        match token.split_once('-') {
            None => set.push(month(token)?),
            Some((from, to)) => {
                let (from, to) = (month(from)?, month(to)?);
                let mut m = from;
                loop {
                    set.push(m);
                    if m == to {
                        break;
                    }
                    m = m % 12 + 1;
                }
            }
        }
    }
    (!set.is_empty()).then(|| Months::from_numbers(set))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_read_in_both_languages_with_or_without_accents() {
        assert_eq!(direction("OFFRE"), Some(Direction::Offer));
        assert_eq!(direction("need"), Some(Direction::Need));
        assert_eq!(direction("Besoins"), Some(Direction::Need));
        assert_eq!(direction("flux entrant"), Some(Direction::Need));
        assert_eq!(direction("peut-être"), None);
        assert_eq!(family("Déchets"), Some(Family::Waste));
        assert_eq!(family("energie"), Some(Family::Energy));
        assert_eq!(family("Skill"), Some(Family::Skill));
        assert_eq!(category("bois"), Some(ResourceCategory::Wood));
        assert_eq!(category("Palettes"), Some(ResourceCategory::Wood));
        assert_eq!(
            category("Paper, cardboard"),
            Some(ResourceCategory::PaperCardboard)
        );
        assert_eq!(
            category("paper_cardboard"),
            Some(ResourceCategory::PaperCardboard)
        );
        assert_eq!(category("CO2"), Some(ResourceCategory::Co2));
        assert_eq!(category("co₂"), Some(ResourceCategory::Co2));
        assert_eq!(
            category("Coproduits alimentaires"),
            Some(ResourceCategory::FoodByproducts)
        );
        assert_eq!(
            category("Autre service"),
            Some(ResourceCategory::OtherService)
        );
        assert_eq!(category("Autre"), Some(ResourceCategory::Other));
        assert_eq!(category("licorne"), None);
        assert_eq!(
            route("valorisation énergétique"),
            Some(Route::EnergyRecovery)
        );
        assert_eq!(
            route("Anaerobic digestion"),
            Some(Route::AnaerobicDigestion)
        );
        assert_eq!(
            confidentiality("anonymisé"),
            Some(Confidentiality::Anonymised)
        );
        assert_eq!(confidentiality("PRIVATE"), Some(Confidentiality::Private));
        assert_eq!(provenance("déclaré"), Some(Provenance::Declared));
        assert_eq!(provenance("Estimee"), Some(Provenance::Estimated));
        assert_eq!(provenance("measured"), Some(Provenance::Measured));
        assert_eq!(state("liquide"), Some(PhysicalState::Liquid));
        assert_eq!(state("granulés"), Some(PhysicalState::Powder));
    }

    #[test]
    fn units_and_periods() {
        assert_eq!(unit("t"), Some(Unit::Tonne));
        assert_eq!(unit("tonnes"), Some(Unit::Tonne));
        assert_eq!(unit("m³"), Some(Unit::CubicMetre));
        assert_eq!(unit("m3"), Some(Unit::CubicMetre));
        assert_eq!(unit("MWh"), Some(Unit::MegawattHour));
        assert_eq!(unit("kwh"), Some(Unit::KilowattHour));
        assert_eq!(unit("kW"), Some(Unit::Kilowatt));
        assert_eq!(unit("L"), Some(Unit::Litre));
        assert_eq!(unit("heures"), Some(Unit::Hour));
        assert_eq!(unit("brouettes"), None);
        assert_eq!(period("an"), Some(Period::Year));
        assert_eq!(period("par mois"), Some(Period::Month));
        assert_eq!(period("jour ouvré"), Some(Period::Day));
        assert_eq!(
            period("ponctuel"),
            Some(Period::Once),
            "as the CSV export writes it"
        );
        assert_eq!(period("one-off"), Some(Period::Once));
        assert_eq!(period("week"), Some(Period::Week));
        assert_eq!(unit_per("t/an"), Some(("t", "an")));
        assert_eq!(unit_per("t"), None);
    }

    #[test]
    fn months_as_numbers_names_and_ranges() {
        let m = |s: &str| months(s).map(Months::numbers);
        assert_eq!(months(""), Some(Months::ALL_YEAR));
        assert_eq!(months("Toute l'année"), Some(Months::ALL_YEAR));
        assert_eq!(m("1, 2, 3"), Some(vec![1, 2, 3]));
        assert_eq!(m("1-3; 10"), Some(vec![1, 2, 3, 10]));
        assert_eq!(
            m("6 7 8"),
            Some(vec![6, 7, 8]),
            "as the CSV export writes them"
        );
        assert_eq!(
            m("nov-mars"),
            Some(vec![1, 2, 3, 11, 12]),
            "round the new year"
        );
        assert_eq!(m("octobre à décembre"), Some(vec![10, 11, 12]));
        assert_eq!(m("Juin et juillet"), Some(vec![6, 7]));
        assert_eq!(m("Feb. - Apr."), Some(vec![2, 3, 4]));
        assert_eq!(m("13"), None);
        assert_eq!(m("l'été"), None);
    }

    #[test]
    fn dates_iso_french_and_with_a_time() {
        let d = |s: &str| date(s).map(|d| d.to_string());
        assert_eq!(d("2026-03-12").as_deref(), Some("2026-03-12"));
        assert_eq!(d("12/03/2026").as_deref(), Some("2026-03-12"));
        assert_eq!(d("1/3/2026").as_deref(), Some("2026-03-01"));
        assert_eq!(d("12.03.2026").as_deref(), Some("2026-03-12"));
        assert_eq!(d("2026-03-12T09:30:00").as_deref(), Some("2026-03-12"));
        assert_eq!(d("31/02/2026"), None);
        assert_eq!(d("03/2026"), None);
        assert_eq!(d("mars 2026"), None);
    }
}
