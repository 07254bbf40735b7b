//! The regulatory rules inside the real detection: declared needs (substitutions) and
//! knowledge-base leads (deductive), on small projects built like a facilitator's.

use super::*;
use crate::factors::Factors;
use crate::kb::KnowledgeBase;
use crate::kb::regulation::Rule;
use crate::model::*;

fn actor(id: &str, name: &str, naf: &str, lat: f64, lon: f64) -> Actor {
    Actor {
        id: ActorId::new(id),
        name: name.into(),
        naf: Some(naf.into()),
        position: Some(Position::new(lat, lon)),
        ..Actor::default()
    }
}

fn flow(id: &str, actor: &str, dir: Direction, cat: Option<ResourceCategory>, code: &str) -> Flow {
    Flow {
        id: FlowId::new(id),
        actor: ActorId::new(actor),
        direction: dir,
        family: if dir == Direction::Offer {
            Family::Waste
        } else {
            Family::Matter
        },
        label: id.into(),
        category: cat,
        waste_code: (!code.is_empty()).then(|| code.to_string()),
        quantity: Some(Quantity::new(50.0, Unit::Tonne, Period::Year)),
        ..Flow::default()
    }
}

fn offer(id: &str, actor: &str, code: &str) -> Flow {
    flow(id, actor, Direction::Offer, None, code)
}

fn need(id: &str, actor: &str, cat: ResourceCategory) -> Flow {
    flow(id, actor, Direction::Need, Some(cat), "")
}

fn run(p: &Project) -> (Detection, Vec<Refusal>) {
    let asm = Assumptions::for_project(p);
    let out = detect_with_refusals(p, &asm, Factors::bundled(), &KnowledgeBase::full());
    assert_eq!(
        out.0,
        detect(p, &asm, Factors::bundled(), &KnowledgeBase::full()),
        "refusals are told apart, the detection itself is the same"
    );
    out
}

fn proposed<'a>(d: &'a Detection, offer: &str, receiver: &str) -> Vec<&'a Proposal> {
    d.proposals
        .iter()
        .filter(|p| p.offer.as_str() == offer && p.receiver.as_str() == receiver)
        .collect()
}

fn refused<'a>(r: &'a [Refusal], offer: &str, receiver: &str) -> Option<&'a Refusal> {
    r.iter()
        .find(|x| x.offer.as_str() == offer && x.receiver.as_str() == receiver)
}

fn has_flag(p: &Proposal, words: &str) -> bool {
    p.flags()
        .iter()
        .any(|f| f.kind == BarrierKind::Regulatory && f.text.fr.contains(words))
}

/// The issue's case: a restaurant's kitchen waste, a goat farm, a paint maker's sludge and a
/// greenhouse, a few kilometres apart in the plain of Biguglia.
fn issue_case(with_needs: bool, sludge_declared: bool) -> Project {
    let mut sludge = offer("f-paint", "a-paint", "080114");
    if sludge_declared {
        sludge.category = Some(ResourceCategory::Sludge);
    }
    let mut flows = vec![offer("f-kitchen", "a-resto", "200108"), sludge];
    if with_needs {
        flows.extend([
            need("f-goat-feed", "a-goat", ResourceCategory::FoodByproducts),
            need("f-goat-land", "a-goat", ResourceCategory::Organic),
            need("f-greenhouse", "a-serre", ResourceCategory::Organic),
            need("f-compost", "a-compost", ResourceCategory::Organic),
        ]);
    }
    Project {
        actors: vec![
            actor("a-resto", "Restaurant U Fornu", "56.10A", 42.62, 9.44),
            actor("a-goat", "Élevage caprin", "01.45Z", 42.61, 9.42),
            actor("a-paint", "Peintures Tyrrhéniennes", "20.30Z", 42.63, 9.45),
            actor("a-serre", "Serres de Casatorra", "01.13Z", 42.60, 9.43),
            actor("a-compost", "Compostière", "38.21Z", 42.64, 9.43),
        ],
        flows,
        ..Project::default()
    }
}

#[test]
fn the_issue_case_proposes_no_feed_for_kitchen_waste_and_no_farm_for_paint_sludge() {
    for (with_needs, declared) in [(true, false), (true, true), (false, false), (false, true)] {
        let p = issue_case(with_needs, declared);
        let (d, refusals) = run(&p);
        let case = format!("needs {with_needs}, sludge declared {declared}");
        assert!(proposed(&d, "f-kitchen", "a-goat").is_empty(), "{case}");
        for farm in ["a-goat", "a-serre"] {
            assert!(proposed(&d, "f-paint", farm).is_empty(), "{case}: {farm}");
        }
        // Kitchen waste still has its legitimate outlet: the composting plant.
        assert!(!proposed(&d, "f-kitchen", "a-compost").is_empty(), "{case}");
        // The refusals say why, with the legal reference.
        let goat = refused(&refusals, "f-kitchen", "a-goat").expect("kitchen waste → goat farm");
        assert_eq!(goat.rule, Rule::CateringToFeed, "{case}");
        assert!(
            goat.text.fr.contains("1069/2009, art. 11"),
            "{}",
            goat.text.fr
        );
        assert!(goat.text.en.contains("1069/2009, Art. 11(1)(b)"));
        let kind = if with_needs {
            ProposalKind::Substitution
        } else {
            ProposalKind::Deductive
        };
        assert_eq!(goat.kind, kind, "{case}");
        // Paint sludge reaches a farm by a declared need only when declared as sludge, and
        // as a lead through the chemicals received by agriculture in the real exchanges.
        if let Some(paint) = refused(&refusals, "f-paint", "a-serre") {
            assert_eq!(paint.rule, Rule::NoAgronomicValue, "{case}");
            assert!(paint.text.fr.contains("arrêté du 2 février 1998, art. 36"));
        }
    }
    // The declared-need case refuses the paint sludge to both farms by name.
    let (_, refusals) = run(&issue_case(true, true));
    for farm in ["a-goat", "a-serre"] {
        let r = refused(&refusals, "f-paint", farm).expect("paint sludge → farm");
        assert_eq!(
            (r.rule, r.kind),
            (Rule::NoAgronomicValue, ProposalKind::Substitution)
        );
    }
    // And the lead case does too, where the knowledge base would have sent it.
    let (_, refusals) = run(&issue_case(false, false));
    let paint = refused(&refusals, "f-paint", "a-serre").expect("paint sludge lead → greenhouse");
    assert_eq!(
        (paint.rule, paint.kind),
        (Rule::NoAgronomicValue, ProposalKind::Deductive)
    );
}

#[test]
fn kitchen_waste_to_a_greenhouse_carries_the_composting_condition() {
    let (d, _) = run(&issue_case(true, false));
    let p = &proposed(&d, "f-kitchen", "a-serre")[0];
    assert!(has_flag(p, "1069/2009, art. 10, p)"), "{:?}", p.flags());
}

fn pair(offer_naf: &str, code: &str, receiver_naf: &str, cat: ResourceCategory) -> Project {
    Project {
        actors: vec![
            actor("a-1", "Donneur", offer_naf, 42.62, 9.44),
            actor("a-2", "Receveur", receiver_naf, 42.61, 9.43),
        ],
        flows: vec![offer("f-1", "a-1", code), need("f-2", "a-2", cat)],
        ..Project::default()
    }
}

#[test]
fn bakery_by_products_feed_a_pig_farm_with_the_feed_caution_kitchen_waste_never() {
    let (d, _) = run(&pair(
        "10.71C",
        "020601",
        "01.46Z",
        ResourceCategory::FoodByproducts,
    ));
    let p = proposed(&d, "f-1", "a-2");
    assert_eq!(p.len(), 1);
    assert!(has_flag(p[0], "183/2005, art. 9"), "{:?}", p[0].flags());
    assert!(
        p[0].flags()[0]
            .text
            .en
            .contains("category 3 animal by-products")
    );
    let kitchen = pair(
        "56.10A",
        "200108",
        "01.45Z",
        ResourceCategory::FoodByproducts,
    );
    let (d, refusals) = run(&kitchen);
    assert!(proposed(&d, "f-1", "a-2").is_empty());
    assert_eq!(
        refused(&refusals, "f-1", "a-2").unwrap().rule,
        Rule::CateringToFeed
    );
}

#[test]
fn vegetable_sludge_may_be_spread_paint_sludge_never() {
    let (d, _) = run(&pair(
        "10.39A",
        "020305",
        "01.11Z",
        ResourceCategory::Organic,
    ));
    let p = proposed(&d, "f-1", "a-2");
    assert_eq!(p.len(), 1, "food-industry sludge → crop farm");
    assert!(has_flag(p[0], "plan d'épandage"), "{:?}", p[0].flags());
    let mut paint = pair("20.30Z", "080114", "01.11Z", ResourceCategory::Organic);
    paint.flows[0].category = Some(ResourceCategory::Sludge);
    let (d, refusals) = run(&paint);
    assert!(proposed(&d, "f-1", "a-2").is_empty());
    assert_eq!(
        refused(&refusals, "f-1", "a-2").unwrap().rule,
        Rule::NoAgronomicValue
    );
}

#[test]
fn untreated_sawdust_fuels_a_boiler_treated_wood_only_flagged() {
    let (d, _) = run(&pair(
        "16.23Z",
        "030105",
        "35.30Z",
        ResourceCategory::Biomass,
    ));
    let p = proposed(&d, "f-1", "a-2");
    assert_eq!(p.len(), 1);
    let resource = &p[0].components()[0].text;
    assert!(
        resource.fr.contains("R541-8 ; ICPE 2910"),
        "{}",
        resource.fr
    );
    assert!(
        resource.en.contains("R541-8; ICPE heading 2910"),
        "{}",
        resource.en
    );
    assert!(!has_flag(p[0], "ICPE 2770"), "a plain proposal");
    let (d, refusals) = run(&pair(
        "16.23Z",
        "030104",
        "35.30Z",
        ResourceCategory::Biomass,
    ));
    let p = proposed(&d, "f-1", "a-2");
    assert_eq!(p.len(), 1, "treated wood is proposed, flagged");
    assert!(has_flag(p[0], "ICPE 2770"), "{:?}", p[0].flags());
    assert!(
        p[0].flags()[0]
            .text
            .fr
            .starts_with("Bois traité (03 01 04*")
    );
    assert!(refusals.is_empty());
}

#[test]
fn a_sawmill_is_no_receiver_of_sawdust() {
    let p = Project {
        actors: vec![
            actor("a-1", "Menuiserie", "16.23Z", 42.62, 9.44),
            actor("a-2", "Scierie", "16.10A", 42.61, 9.43),
            actor("a-3", "Panneaux", "16.21Z", 42.63, 9.42),
            actor("a-4", "Chaufferie", "35.30Z", 42.60, 9.45),
            actor("a-5", "Autre scierie", "16.10A", 42.62, 9.41),
        ],
        flows: vec![offer("f-1", "a-1", "030105"), offer("f-2", "a-2", "030105")],
        ..Project::default()
    };
    let (d, _) = run(&p);
    let receivers = |offer: &str| -> Vec<&str> {
        d.proposals
            .iter()
            .filter(|x| x.offer.as_str() == offer)
            .map(|x| x.receiver.as_str())
            .collect()
    };
    let from_joinery = receivers("f-1");
    assert!(
        from_joinery.contains(&"a-3") && from_joinery.contains(&"a-4"),
        "{from_joinery:?}"
    );
    assert!(!from_joinery.contains(&"a-2") && !from_joinery.contains(&"a-5"));
    let from_sawmill = receivers("f-2");
    assert!(!from_sawmill.contains(&"a-5"), "{from_sawmill:?}");
    // The heat plant's lead names the biomass rule.
    let boiler = d
        .proposals
        .iter()
        .find(|x| x.has_key("ded:f-1:a-4"))
        .expect("sawdust → heat plant");
    assert!(boiler.components()[0].text.fr.contains("ICPE 2910"));
}

#[test]
fn the_naive_path_applies_the_same_rules() {
    let p = issue_case(true, true);
    let asm = Assumptions::for_project(&p);
    let (f, kb) = (Factors::bundled(), KnowledgeBase::full());
    let indexed = detect(&p, &asm, f, &kb);
    assert_eq!(indexed, detect_naive(&p, &asm, f, &kb));
}

/// The issue's whole case as a new user builds it in the app: the territory left empty, the
/// companies placed in Corsican communes, a datacentre's heat for greenhouses beside the
/// kitchen waste and the paint sludge.
fn corsican_case() -> Project {
    let mut p = issue_case(true, false);
    for (a, commune) in p
        .actors
        .iter_mut()
        .zip(["2B037", "2B120", "2B037", "2B037", "2B120"])
    {
        a.commune = Some(commune.into());
    }
    p.actors.push(actor(
        "a-dc",
        "Datacentre de Lupino",
        "63.11Z",
        42.605,
        9.435,
    ));
    let heat = |id: &str, actor: &str, dir: Direction| Flow {
        id: FlowId::new(id),
        actor: ActorId::new(actor),
        direction: dir,
        family: Family::Energy,
        label: id.into(),
        category: Some(ResourceCategory::Heat),
        quantity: Some(Quantity::new(1000.0, Unit::MegawattHour, Period::Year)),
        quality: Quality {
            temperature_c: Some(if dir == Direction::Offer { 45.0 } else { 35.0 }),
            ..Quality::default()
        },
        ..Flow::default()
    };
    p.actors[5].commune = Some("2B037".into());
    p.flows.push(heat("f-dc-heat", "a-dc", Direction::Offer));
    p.flows
        .push(heat("f-serre-heat", "a-serre", Direction::Need));
    p
}

#[test]
fn a_corsican_zone_made_in_the_app_gets_fuel_oil_heat_figures_and_no_forbidden_proposal() {
    let p = corsican_case();
    assert!(p.territory.communes.is_empty(), "territory left empty");
    let (d, _) = run(&p);
    let heat = proposed(&d, "f-dc-heat", "a-serre");
    let heat = heat.first().expect("datacentre heat → greenhouses");
    // 1,000 MWh of useful heat ÷ 0.9 boiler efficiency × 0.323 tCO2e/MWh PCI of fuel oil,
    // not 215 t with the natural-gas factor (Corsica has no gas network).
    let t = heat.net_tco2e_per_year().expect("climate figure");
    assert!((t - 1000.0 / 0.9 * 0.323).abs() < 1e-6, "{t}");
    let components = heat.components();
    let climate = &components
        .iter()
        .find(|c| c.kind == ComponentKind::Climate)
        .unwrap()
        .text;
    assert!(
        climate.fr.contains("Fioul domestique (kWh PCI)"),
        "{}",
        climate.fr
    );
    assert!(climate.fr.contains("rendement 0,9"), "{}", climate.fr);
    assert!(!climate.fr.contains("Gaz naturel"));
    // The detection cites the island's electricity mix and fuel oil, never gas.
    let cited: Vec<&str> = d.factor_sources.iter().map(|s| s.fr.as_str()).collect();
    assert!(cited.iter().any(|s| s.contains("Corse")), "{cited:?}");
    assert!(
        !cited.iter().any(|s| s.contains("Gaz naturel")),
        "{cited:?}"
    );
    // And the forbidden exchanges stay out.
    assert!(proposed(&d, "f-kitchen", "a-goat").is_empty());
    assert!(proposed(&d, "f-paint", "a-goat").is_empty());
    assert!(proposed(&d, "f-paint", "a-serre").is_empty());

    // The same companies on the mainland: gas, with the PCS → PCI step and the efficiency.
    let mut mainland = p.clone();
    for a in &mut mainland.actors {
        a.commune = Some("69123".into());
    }
    let (d, _) = run(&mainland);
    let t = proposed(&d, "f-dc-heat", "a-serre")[0]
        .net_tco2e_per_year()
        .unwrap();
    assert!((t - 1000.0 / 0.9 * 0.215 * 1.111).abs() < 1e-6, "{t}");
}
