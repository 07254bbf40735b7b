//! Each checklist item, where it applies and where it does not, and the stored answers.

use super::*;
use crate::model::{ActorId, FlowId, SynergyId};

/// A donor offering `offer` (family, code, class) to a receiver of NAF `receiver` that needs it.
fn exchange(
    family: Family,
    code: Option<&str>,
    category: Option<ResourceCategory>,
    donor: &str,
    receiver: &str,
) -> (Project, Synergy) {
    let actor = |id: &str, naf: &str| Actor {
        id: ActorId::new(id),
        name: id.into(),
        naf: Some(naf.into()),
        ..Default::default()
    };
    let offer = Flow {
        id: FlowId::new("f-1"),
        actor: ActorId::new("a-1"),
        direction: Direction::Offer,
        family,
        category,
        waste_code: code.map(str::to_string),
        ..Default::default()
    };
    let need = Flow {
        id: FlowId::new("f-2"),
        actor: ActorId::new("a-2"),
        direction: Direction::Need,
        family: if family == Family::Waste {
            Family::Matter
        } else {
            family
        },
        category,
        ..Default::default()
    };
    let p = Project {
        actors: vec![actor("a-1", donor), actor("a-2", receiver)],
        flows: vec![offer, need],
        ..Default::default()
    };
    let s = Synergy {
        id: SynergyId::new("s-1"),
        flows: vec![FlowId::new("f-1"), FlowId::new("f-2")],
        actors: vec![ActorId::new("a-1"), ActorId::new("a-2")],
        ..Default::default()
    };
    (p, s)
}

fn applying(p: &Project, s: &Synergy) -> Vec<ChecklistItem> {
    checklist(p, s)
        .into_iter()
        .filter(|c| c.applies)
        .map(|c| c.item)
        .collect()
}

fn check(p: &Project, s: &Synergy, item: ChecklistItem) -> Check {
    checklist(p, s)
        .into_iter()
        .find(|c| c.item == item)
        .unwrap()
}

use ChecklistItem as I;

#[test]
fn hazardous_waste_needs_trackdechets_register_transport_and_a_permitted_receiver() {
    // Paint sludge 08 01 13* from a paint maker to a chemical treatment plant.
    let (p, s) = exchange(Family::Waste, Some("080113"), None, "20.30Z", "38.22Z");
    let items = applying(&p, &s);
    for item in [
        I::MaterialStatus,
        I::ReceiverIcpe,
        I::TransporterDeclaration,
        I::WasteRegister,
        I::Trackdechets,
    ] {
        assert!(items.contains(&item), "{item:?} in {items:?}");
    }
    assert!(!items.contains(&I::AnimalByproduct));
    assert!(!items.contains(&I::SpreadingPlan));
    let track = check(&p, &s, I::Trackdechets);
    assert!(track.detail.fr.contains("08 01 13*"), "{}", track.detail.fr);
    assert!(track.reference.fr.contains("R541-45"));
    assert!(track.reference.en.contains("R541-45"));
    assert_eq!(track.status, ItemStatus::ToDo);
    let icpe = check(&p, &s, I::ReceiverIcpe);
    assert!(icpe.detail.fr.contains("2718"), "{}", icpe.detail.fr);
    assert!(
        check(&p, &s, I::WasteRegister)
            .reference
            .fr
            .contains("31 mai 2021")
    );
    assert!(
        check(&p, &s, I::TransporterDeclaration)
            .reference
            .en
            .contains("R541-50")
    );
}

#[test]
fn non_hazardous_waste_has_the_register_but_no_trackdechets() {
    // Wooden packaging 15 01 03 to a biomass boiler plant.
    let (p, s) = exchange(Family::Waste, Some("150103"), None, "16.24Z", "35.30Z");
    let items = applying(&p, &s);
    assert!(items.contains(&I::WasteRegister));
    assert!(items.contains(&I::TransporterDeclaration));
    assert!(!items.contains(&I::Trackdechets), "{items:?}");
    let track = check(&p, &s, I::Trackdechets);
    assert_eq!(track.status, ItemStatus::NotApplicable);
    assert!(track.detail.en.contains("No hazardous waste"));
    // The wood-packaging end-of-waste order is named, with the burning headings.
    let status = check(&p, &s, I::MaterialStatus);
    assert!(
        status.reference.fr.contains("29 juillet 2014"),
        "{}",
        status.reference.fr
    );
    assert!(status.detail.en.contains("29 July 2014"));
    assert!(check(&p, &s, I::ReceiverIcpe).detail.fr.contains("2910-B"));
}

#[test]
fn heat_water_and_services_carry_no_waste_item() {
    for (family, category) in [
        (Family::Energy, C::Heat),
        (Family::Water, C::ProcessWater),
        (Family::Service, C::Logistics),
    ] {
        let (p, s) = exchange(family, None, Some(category), "10.51A", "10.71C");
        let list = checklist(&p, &s);
        assert_eq!(list.len(), ChecklistItem::ALL.len());
        assert!(list.iter().all(|c| !c.applies), "{category:?}");
        assert!(
            list.iter()
                .all(|c| c.status == ItemStatus::NotApplicable && !c.shown())
        );
        assert!(list[0].detail.fr.contains("ni déchet ni matière"));
    }
}

#[test]
fn animal_by_products_get_their_category() {
    // Raw meat by-products from a meat plant to a pet-food maker.
    let (p, s) = exchange(Family::Waste, Some("020202"), None, "10.13B", "10.92Z");
    assert!(applying(&p, &s).contains(&I::AnimalByproduct));
    let c = check(&p, &s, I::AnimalByproduct);
    assert!(c.detail.fr.contains("catégorie 3"), "{}", c.detail.fr);
    assert!(c.reference.en.contains("1069/2009"));
    // Manure is category 2.
    let (p, s) = exchange(Family::Waste, Some("020106"), None, "01.41Z", "35.21Z");
    assert!(
        check(&p, &s, I::AnimalByproduct)
            .detail
            .en
            .contains("category 2")
    );
    // Kitchen waste is catering waste.
    let (p, s) = exchange(Family::Waste, Some("200108"), None, "56.10A", "35.21Z");
    assert!(
        check(&p, &s, I::AnimalByproduct)
            .detail
            .en
            .contains("Art. 10(p)")
    );
    // Food by-products without a code from a dairy: category to determine.
    let (p, s) = exchange(
        Family::Matter,
        None,
        Some(C::FoodByproducts),
        "10.51A",
        "01.45Z",
    );
    assert!(
        check(&p, &s, I::AnimalByproduct)
            .detail
            .fr
            .contains("à déterminer")
    );
    // Plant matter from a vegetable processor is not an animal by-product.
    let (p, s) = exchange(Family::Waste, Some("020304"), None, "10.39A", "01.45Z");
    assert!(!applying(&p, &s).contains(&I::AnimalByproduct));
}

#[test]
fn sludge_to_farmland_needs_a_spreading_plan() {
    // Dairy effluent sludge to a crop farm.
    let (p, s) = exchange(Family::Waste, Some("020502"), None, "10.51A", "01.11Z");
    assert!(applying(&p, &s).contains(&I::SpreadingPlan));
    let c = check(&p, &s, I::SpreadingPlan);
    assert!(c.reference.fr.contains("2 février 1998"));
    // Urban wastewater sludge: the sewage-sludge texts.
    let (p, s) = exchange(Family::Waste, Some("190805"), None, "37.00Z", "01.11Z");
    let c = check(&p, &s, I::SpreadingPlan);
    assert!(c.applies);
    assert!(c.reference.fr.contains("R211-25"), "{}", c.reference.fr);
    // The same sludge to a digester: no spreading plan in this synergy.
    let (p, s) = exchange(Family::Waste, Some("190805"), None, "37.00Z", "35.21Z");
    assert!(!applying(&p, &s).contains(&I::SpreadingPlan));
    // Wood to a farm is not sludge.
    let (p, s) = exchange(Family::Waste, Some("150103"), None, "16.24Z", "01.11Z");
    assert!(!applying(&p, &s).contains(&I::SpreadingPlan));
}

#[test]
fn a_by_product_sheds_the_waste_items() {
    let (p, s) = exchange(Family::Waste, Some("080113"), None, "20.30Z", "38.22Z");
    let s = with_material(&s, Some(MaterialStatus::ByProduct));
    let items = applying(&p, &s);
    assert_eq!(items, vec![I::MaterialStatus], "{items:?}");
    let status = check(&p, &s, I::MaterialStatus);
    assert_eq!(status.status, ItemStatus::Done);
    assert_eq!(
        status.entry.as_ref().and_then(|e| e.material),
        Some(MaterialStatus::ByProduct)
    );
    assert!(
        check(&p, &s, I::WasteRegister)
            .detail
            .fr
            .contains("Sous-produit")
    );
    // Back to waste: the items return.
    let s = with_material(&s, Some(MaterialStatus::Waste));
    assert!(applying(&p, &s).contains(&I::Trackdechets));
    // Matter without a code: no waste item until recorded as waste.
    let (p, s) = exchange(Family::Matter, None, Some(C::Minerals), "23.51Z", "23.61Z");
    assert_eq!(applying(&p, &s), vec![I::MaterialStatus]);
    let s = with_material(&s, Some(MaterialStatus::Waste));
    assert!(applying(&p, &s).contains(&I::WasteRegister));
}

#[test]
fn a_pooled_collection_is_waste_whatever_is_recorded() {
    let (mut p, mut s) = exchange(Family::Waste, Some("150101"), None, "47.11F", "47.11F");
    p.flows[1].direction = Direction::Offer;
    p.flows[1].family = Family::Waste;
    p.flows[1].waste_code = Some("150101".into());
    s.kind = SynergyKind::Mutualisation;
    let items = applying(&p, &s);
    assert!(!items.contains(&I::MaterialStatus));
    assert!(items.contains(&I::WasteRegister));
    assert!(items.contains(&I::ReceiverIcpe));
    assert!(check(&p, &s, I::ReceiverIcpe).detail.en.contains("2714"));
}

#[test]
fn uncoded_chemicals_ask_for_the_code() {
    let (p, s) = exchange(
        Family::Waste,
        None,
        Some(C::OilsSolvents),
        "45.20A",
        "38.22Z",
    );
    let c = check(&p, &s, I::Trackdechets);
    assert!(c.applies);
    assert!(c.detail.en.contains("Give the code"));
}

#[test]
fn answers_are_kept_once_per_item_in_order_and_survive_a_file() {
    let (p, s) = exchange(Family::Waste, Some("080113"), None, "20.30Z", "38.22Z");
    let s = with_status(&s, I::Trackdechets, ItemStatus::Done);
    let s = with_note(&s, I::Trackdechets, "  compte créé le 3 mars ");
    let s = with_status(&s, I::ReceiverIcpe, ItemStatus::NotApplicable);
    let s = with_status(&s, I::Trackdechets, ItemStatus::Done);
    assert_eq!(s.regulatory.len(), 2);
    assert_eq!(s.regulatory[0].item, I::ReceiverIcpe);
    assert_eq!(s.regulatory[1].note, "compte créé le 3 mars");
    let list = checklist(&p, &s);
    let icpe = list.iter().find(|c| c.item == I::ReceiverIcpe).unwrap();
    // The group's answer wins over the derivation, and stays shown.
    assert!(icpe.applies);
    assert_eq!(icpe.status, ItemStatus::NotApplicable);
    assert!(icpe.shown());
    assert_eq!(
        list.iter()
            .find(|c| c.item == I::Trackdechets)
            .unwrap()
            .status,
        ItemStatus::Done
    );

    // Through JSON, and an older synergy without the field still reads.
    let json = serde_json::to_string(&s).unwrap();
    assert!(
        json.contains(
            r#""regulatory":[{"item":"receiver_icpe","status":"not_applicable","note":""}"#
        ),
        "{json}"
    );
    let back: Synergy = serde_json::from_str(&json).unwrap();
    assert_eq!(back, s);
    let old: Synergy = serde_json::from_str(r#"{"id":"s-9","title":"Ancienne"}"#).unwrap();
    assert!(old.regulatory.is_empty());
    assert!(!serde_json::to_string(&old).unwrap().contains("regulatory"));
    let with_material = with_material(&old, Some(MaterialStatus::EndOfWaste));
    let json = serde_json::to_string(&with_material).unwrap();
    assert!(json.contains(r#""material":"end_of_waste""#), "{json}");
    assert_eq!(
        serde_json::from_str::<Synergy>(&json).unwrap(),
        with_material
    );
    // An unknown key inside an entry is refused, like everywhere in the file.
    assert!(
        serde_json::from_str::<Synergy>(
            r#"{"id":"s-9","regulatory":[{"item":"waste_register","status":"done","x":1}]}"#
        )
        .is_err()
    );
}
