use super::*;
use crate::refdata::{naf, waste};

#[test]
fn the_saved_file_is_what_build_makes() {
    assert_eq!(
        project(),
        build(),
        "regenerate data/demo_za.json with the make_demo example"
    );
}

#[test]
fn codes_ids_and_places_are_sound() {
    let p = build();
    assert!(
        (35..=45).contains(&p.actors.len()),
        "{} actors",
        p.actors.len()
    );
    assert!(
        (130..=170).contains(&p.flows.len()),
        "{} flows",
        p.flows.len()
    );
    for a in &p.actors {
        assert!(
            naf::lookup(a.naf.as_deref().unwrap()).is_some(),
            "{}: NAF {:?}",
            a.name,
            a.naf
        );
        let pos = a.position.unwrap();
        assert!(
            (42.605..=42.655).contains(&pos.lat) && (9.420..=9.455).contains(&pos.lon),
            "{} at {pos:?}",
            a.name
        );
        assert!(a.siret.as_ref().unwrap().siren().starts_with("99999"));
    }
    for f in &p.flows {
        if let Some(code) = &f.waste_code {
            assert!(waste::lookup(code).is_some(), "{}: LoW {code}", f.label);
        }
        assert_eq!(
            f.family == Family::Waste,
            f.waste_code.is_some(),
            "{}",
            f.label
        );
    }
    assert!(p.flows.iter().any(|f| {
        f.waste_code
            .as_deref()
            .and_then(waste::lookup)
            .is_some_and(|w| w.hazardous)
    }));
    let report = crate::validate::validate(&p);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn the_intended_opportunities_are_there() {
    let p = build();
    let has = |dir: Direction, cat: ResourceCategory| {
        p.flows
            .iter()
            .filter(|f| f.direction == dir && f.category == Some(cat))
            .count()
    };
    // wood → biomass/structurant; spent grain → feed; biowaste → compost; heat → greenhouses.
    for cat in [
        ResourceCategory::Wood,
        ResourceCategory::FoodByproducts,
        ResourceCategory::Organic,
        ResourceCategory::Heat,
    ] {
        assert!(
            has(Direction::Offer, cat) > 0 && has(Direction::Need, cat) > 0,
            "{cat:?}"
        );
    }
    let cardboard = p
        .flows
        .iter()
        .filter(|f| f.waste_code.as_deref() == Some("150101"))
        .count();
    assert!(
        cardboard >= 8,
        "cardboard from many firms, for a shared collection: {cardboard}"
    );
    let catering = has(Direction::Need, ResourceCategory::Catering);
    assert!(catering >= 3, "several firms need catering: {catering}");
}
