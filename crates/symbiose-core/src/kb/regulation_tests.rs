//! Each regulatory rule, where it applies and where it does not.

use super::*;
use crate::refdata::waste;

/// A pair: the offer's code (its class from the code, as detection would), the donor's and
/// the receiver's NAF codes, and the declared need's class (`None` for a lead).
fn pair(
    code: Option<&str>,
    donor: &'static str,
    receiver: &'static str,
    need: Option<ResourceCategory>,
) -> Transfer<'static> {
    Transfer {
        code: code.and_then(waste::lookup),
        category: code.and_then(crate::kb::classify::category_of_waste_code),
        donor_naf: Some(donor),
        receiver_naf: Some(receiver),
        need,
    }
}

fn rule(t: &Transfer) -> Option<Rule> {
    assess(t).map(|f| f.rule)
}

const RESTAURANT: &str = "56.10A";
const GOAT_FARM: &str = "01.45Z";
const PIG_FARM: &str = "01.46Z";
const GREENHOUSE: &str = "01.13Z";
const CEREALS: &str = "01.11Z";
const FEED_MAKER: &str = "10.91Z";
const BOILER_PLANT: &str = "35.30Z";
const COMPOSTING: &str = "38.21Z";
const FEED: Option<ResourceCategory> = Some(C::FoodByproducts);

#[test]
fn catering_waste_never_feeds_farmed_animals() {
    for receiver in [
        GOAT_FARM, PIG_FARM, "01.47Z", "01.50Z", "03.22Z", FEED_MAKER, "46.21Z",
    ] {
        for code in ["200108", "200125"] {
            let t = pair(Some(code), "55.10Z", receiver, FEED);
            assert_eq!(rule(&t), Some(Rule::CateringToFeed), "{code} → {receiver}");
            // Even as a lead, without a declared feed need.
            let lead = pair(Some(code), "55.10Z", receiver, None);
            assert_eq!(
                rule(&lead),
                Some(Rule::CateringToFeed),
                "{code} → {receiver}"
            );
        }
    }
    // Meat by-products from a restaurant are catering waste; from a meat plant they are not.
    let from_restaurant = pair(Some("020202"), RESTAURANT, GOAT_FARM, FEED);
    assert_eq!(rule(&from_restaurant), Some(Rule::CateringToFeed));
    let from_plant = pair(Some("020202"), "10.13B", GOAT_FARM, FEED);
    assert_eq!(rule(&from_plant), Some(Rule::RawAnimalMatter));
    // Food waste of a caterer without a code, declared as food by-products.
    let declared = Transfer {
        category: FEED,
        donor_naf: Some("56.29A"),
        receiver_naf: Some(PIG_FARM),
        need: FEED,
        ..Transfer::default()
    };
    assert_eq!(rule(&declared), Some(Rule::CateringToFeed));
    let f = assess(&from_restaurant).unwrap();
    assert_eq!(f.verdict(), Verdict::Refused);
    let text = f.text();
    assert!(
        text.fr.contains("Règlement (CE) 1069/2009, art. 11"),
        "{}",
        text.fr
    );
    assert!(
        text.en.contains("Regulation (EC) 1069/2009, Art. 11(1)(b)"),
        "{}",
        text.en
    );
    assert!(text.fr.contains("02 02 02"), "{}", text.fr);
    // Negative: kitchen waste to a composting plant or a biogas plant is no feed.
    assert_eq!(
        rule(&pair(Some("200108"), RESTAURANT, COMPOSTING, None)),
        None
    );
    assert_eq!(
        rule(&pair(Some("200108"), RESTAURANT, "35.21Z", None)),
        None
    );
}

#[test]
fn raw_animal_matter_goes_to_an_approved_plant() {
    for receiver in [PIG_FARM, CEREALS, "46.21Z"] {
        let t = pair(Some("020102"), "01.41Z", receiver, None);
        assert_eq!(rule(&t), Some(Rule::RawAnimalMatter), "{receiver}");
    }
    let maker = pair(Some("020203"), "10.20Z", FEED_MAKER, None);
    let f = assess(&maker).unwrap();
    assert_eq!(f.rule, Rule::AnimalByproductPlant);
    assert_eq!(f.verdict(), Verdict::Caution);
    assert!(f.text().fr.contains("999/2001, art. 7"), "{}", f.text().fr);
    // Negative: to a biogas plant, and a meat plant's effluent sludge to a crop farm.
    assert_eq!(rule(&pair(Some("020202"), "10.11Z", "35.21Z", None)), None);
    let sludge = pair(Some("020204"), "10.11Z", CEREALS, None);
    assert_eq!(rule(&sludge), Some(Rule::SpreadingPlan));
}

#[test]
fn feed_takes_food_by_products_under_conditions_and_nothing_banned() {
    // Bakery by-products to a pig farm: proposed, with the feed and animal by-products caution.
    let bread = pair(Some("020601"), "10.71C", PIG_FARM, FEED);
    let f = assess(&bread).unwrap();
    assert_eq!((f.rule, f.verdict()), (Rule::FeedHygiene, Verdict::Caution));
    assert!(f.text().fr.contains("183/2005, art. 9"), "{}", f.text().fr);
    assert!(
        f.text().en.contains("1069/2009, Art. 10(f)"),
        "{}",
        f.text().en
    );
    // As a lead too (no declared need), and to a feed maker.
    assert_eq!(
        rule(&pair(Some("020701"), "11.05Z", "01.41Z", None)),
        Some(Rule::FeedHygiene)
    );
    assert_eq!(
        rule(&pair(Some("020501"), "10.51C", FEED_MAKER, None)),
        Some(Rule::FeedHygiene)
    );
    // Banned materials: manure, sludge, preserving agents, green waste, compost.
    for code in ["020106", "020301", "020602", "200201", "190503"] {
        let t = pair(Some(code), "01.41Z", GOAT_FARM, FEED);
        assert_eq!(rule(&t), Some(Rule::NotFeedMaterial), "{code}");
    }
    // Biowaste without a code cannot be told from compost: refused, and the sentence asks for it.
    let compost = Transfer {
        category: Some(C::Organic),
        donor_naf: Some(COMPOSTING),
        receiver_naf: Some(GOAT_FARM),
        need: FEED,
        ..Transfer::default()
    };
    let f = assess(&compost).unwrap();
    assert_eq!(f.rule, Rule::NotFeedMaterial);
    assert!(
        f.text().en.contains("give the waste code"),
        "{}",
        f.text().en
    );
    assert!(f.text().fr.contains("767/2009, art. 6 et annexe III"));
    // Negative: a livestock farm's compost need is no feed use; wood to a feed maker is no feed.
    let to_land = pair(Some("020304"), "47.11F", GOAT_FARM, Some(C::Organic));
    assert_eq!(rule(&to_land), None);
    assert_eq!(
        rule(&pair(Some("150103"), "52.10B", FEED_MAKER, None)),
        None
    );
}

#[test]
fn catering_waste_reaches_crops_only_through_approved_composting() {
    let t = pair(Some("200108"), RESTAURANT, GREENHOUSE, Some(C::Organic));
    let f = assess(&t).unwrap();
    assert_eq!(
        (f.rule, f.verdict()),
        (Rule::CateringToLand, Verdict::Caution)
    );
    assert!(
        f.text().fr.contains("1069/2009, art. 10, p)"),
        "{}",
        f.text().fr
    );
    // Negative: a supermarket's unsold vegetables are not catering waste.
    assert_eq!(
        rule(&pair(
            Some("020304"),
            "47.11F",
            GREENHOUSE,
            Some(C::Organic)
        )),
        None
    );
}

#[test]
fn spreading_only_for_sludge_of_agronomic_value() {
    // Food-industry, paper-mill and urban wastewater sludges: under a spreading plan.
    for (code, donor) in [
        ("020305", "10.39A"),
        ("030305", "17.12Z"),
        ("190805", "37.00Z"),
    ] {
        let t = pair(Some(code), donor, CEREALS, Some(C::Organic));
        let f = assess(&t).unwrap();
        assert_eq!(
            (f.rule, f.verdict()),
            (Rule::SpreadingPlan, Verdict::Caution)
        );
        assert!(f.text().fr.contains("plan d'épandage"), "{}", f.text().fr);
    }
    let urban = assess(&pair(Some("190805"), "37.00Z", GREENHOUSE, None)).unwrap();
    assert!(urban.text().fr.contains("arrêté du 8 janvier 1998"));
    let dairy = assess(&pair(Some("020502"), "10.51C", GREENHOUSE, None)).unwrap();
    assert!(
        dairy
            .text()
            .fr
            .contains("arrêté du 2 février 1998, art. 36 à 42")
    );
    // Paint, ink, machining and concrete sludges: never, to a crop farm or a livestock farm.
    for code in [
        "080114", "080116", "080315", "080307", "120115", "101314", "190902",
    ] {
        for receiver in [GREENHOUSE, GOAT_FARM, "01.61Z"] {
            let t = pair(Some(code), "20.30Z", receiver, Some(C::Organic));
            assert_eq!(
                rule(&t),
                Some(Rule::NoAgronomicValue),
                "{code} → {receiver}"
            );
        }
    }
    let paint = assess(&pair(Some("080114"), "20.30Z", GREENHOUSE, None)).unwrap();
    assert_eq!(paint.verdict(), Verdict::Refused);
    assert!(
        paint
            .text()
            .fr
            .contains("arrêté du 2 février 1998, art. 36")
    );
    assert!(paint.text().en.contains("paint"), "{}", paint.text().en);
    // Hazardous codes: never, sludge or not.
    for code in ["080113", "190811", "100116"] {
        let t = pair(Some(code), "20.30Z", CEREALS, None);
        assert_eq!(rule(&t), Some(Rule::HazardousSpreading), "{code}");
    }
    // A sludge whose origin decides, and a sludge declared without a code: conditions.
    let industrial = pair(Some("190812"), "38.21Z", CEREALS, None);
    assert_eq!(rule(&industrial), Some(Rule::SludgeOriginToCheck));
    let unknown = Transfer {
        category: Some(C::Sludge),
        receiver_naf: Some(CEREALS),
        ..Transfer::default()
    };
    assert_eq!(rule(&unknown), Some(Rule::SludgeOriginToCheck));
    // A user may declare a paint sludge as "sludge": the code still decides.
    let declared = Transfer {
        category: Some(C::Sludge),
        ..pair(Some("080114"), "20.30Z", GREENHOUSE, Some(C::Organic))
    };
    assert_eq!(rule(&declared), Some(Rule::NoAgronomicValue));
    // Negative: sludge to a composting plant or a cement kiln is no spreading.
    assert_eq!(
        rule(&pair(Some("020305"), "10.39A", COMPOSTING, None)),
        None
    );
    assert_eq!(rule(&pair(Some("101314"), "23.63Z", "23.51Z", None)), None);
}

#[test]
fn wood_burns_in_a_biomass_boiler_only_untreated() {
    let fuel = Some(C::Biomass);
    for code in ["030105", "150103", "170201", "191207", "200138"] {
        let t = pair(Some(code), "16.23Z", "86.10Z", fuel);
        let f = assess(&t).unwrap();
        assert_eq!(
            (f.rule, f.verdict()),
            (Rule::UntreatedWood, Verdict::Allowed)
        );
        assert!(
            f.text().fr.contains("R541-8 ; ICPE 2910"),
            "{}",
            f.text().fr
        );
    }
    // As a lead to a heat plant, with no need declared.
    assert_eq!(
        rule(&pair(Some("030105"), "16.10A", BOILER_PLANT, None)),
        Some(Rule::UntreatedWood)
    );
    for code in ["030104", "170204", "191206", "200137"] {
        let t = pair(Some(code), "43.11Z", BOILER_PLANT, fuel);
        let f = assess(&t).unwrap();
        assert_eq!(
            (f.rule, f.verdict()),
            (Rule::TreatedWood, Verdict::Caution),
            "{code}"
        );
        assert!(f.text().fr.contains("ICPE 2770"), "{}", f.text().fr);
        assert!(f.text().fr.contains("*"), "the star shows: {}", f.text().fr);
    }
    // A code decides even when the flow is declared as biomass fuel.
    let declared = Transfer {
        category: Some(C::Biomass),
        ..pair(Some("030104"), "16.10A", BOILER_PLANT, fuel)
    };
    assert_eq!(rule(&declared), Some(Rule::TreatedWood));
    // Negative: wood to a panel maker or to a joinery's need for timber is no combustion.
    assert_eq!(rule(&pair(Some("030105"), "16.10A", "16.21Z", None)), None);
    assert_eq!(
        rule(&pair(Some("170201"), "43.11Z", "16.23Z", Some(C::Wood))),
        None
    );
}

#[test]
fn every_rule_names_its_reference_in_both_languages() {
    for &r in Rule::VARIANTS {
        for lang in [Lang::Fr, Lang::En] {
            let reference = r.reference(lang);
            assert!(
                reference.contains("Règlement")
                    || reference.contains("Regulation")
                    || reference.contains("arrêté")
                    || reference.contains("order of")
                    || reference.contains("R541-8"),
                "{r:?}: {reference}"
            );
            assert!(!r.label(lang).is_empty());
        }
    }
    // The sentence of each rule cites the reference (the sewage-sludge plan cites its order).
    let samples = [
        pair(Some("200108"), RESTAURANT, GOAT_FARM, FEED),
        pair(Some("020102"), "01.41Z", PIG_FARM, None),
        pair(Some("020202"), "10.11Z", FEED_MAKER, None),
        pair(Some("020106"), "01.41Z", GOAT_FARM, FEED),
        pair(Some("020601"), "10.71C", PIG_FARM, FEED),
        pair(Some("200108"), RESTAURANT, GREENHOUSE, None),
        pair(Some("080113"), "20.30Z", GREENHOUSE, None),
        pair(Some("080114"), "20.30Z", GREENHOUSE, None),
        pair(Some("030305"), "17.12Z", GREENHOUSE, None),
        pair(Some("190812"), "38.21Z", GREENHOUSE, None),
        pair(Some("030104"), "16.10A", BOILER_PLANT, None),
        pair(Some("030105"), "16.10A", BOILER_PLANT, None),
    ];
    let mut seen = Vec::new();
    for t in &samples {
        let f = assess(t).expect("a rule applies");
        seen.push(f.rule);
        let text = f.text();
        let cites = |s: &str, lang| {
            let r = f.rule.reference(lang);
            s.contains(r) || r.split(" ; ").chain(r.split("; ")).any(|p| s.contains(p))
        };
        assert!(cites(&text.fr, Lang::Fr), "{:?}: {}", f.rule, text.fr);
        assert!(cites(&text.en, Lang::En), "{:?}: {}", f.rule, text.en);
    }
    seen.sort_by_key(|r| Rule::VARIANTS.iter().position(|v| v == r));
    assert_eq!(seen, Rule::VARIANTS, "one sample per rule");
}

#[test]
fn naf_prefixes_are_compared_on_digits_without_allocating() {
    assert!(naf_starts("01.45Z", "014"));
    assert!(naf_starts("0145Z", "0145"));
    assert!(!naf_starts("01.45Z", "0146"));
    assert!(!naf_starts("01", "014"));
    assert!(naf_in(Some("56.10A"), CATERERS));
    assert!(!naf_in(None, CATERERS));
}
