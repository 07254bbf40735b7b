//! The questionnaire round trip, rule by rule: nothing of the facilitator's leaves in the file
//! sent, a blank never erases, a filled field replaces, confidentiality never loosens unless
//! chosen, every change is listed old → new, a file for another project is flagged.

use super::*;
use crate::edit::{History, apply};
use crate::model::*;
use crate::{Lang, format};

const SECRET_NOTE: &str = "Réticent sur les coûts, ne pas citer le prix de reprise";
const SECRET_QUALITY: &str = "Humide l'hiver (vu en visite)";
const SECRET_TAG: &str = "à relancer";

/// A sawmill with a private waste offer and an anonymised heat need, plus a neighbour.
fn project() -> Project {
    let sawmill = Actor {
        id: ActorId::new("a-1"),
        name: "Scierie Orsini".into(),
        siret: Some(Siret::parse("12002701600019").unwrap()),
        address: "Chemin de Casatorra".into(),
        contact: String::new(),
        tags: vec![SECRET_TAG.into(), "bois".into()],
        notes: SECRET_NOTE.into(),
        position: Some(Position::new(42.61, 9.43)),
        ..Default::default()
    };
    let wood = Flow {
        id: FlowId::new("f-1"),
        actor: sawmill.id.clone(),
        direction: Direction::Offer,
        family: Family::Waste,
        label: "Chutes et sciures".into(),
        category: Some(ResourceCategory::Wood),
        waste_code: Some("030105".into()),
        quantity: Some(Quantity::new(40.0, Unit::Tonne, Period::Year)),
        months: Months::from_numbers([6, 7, 8]),
        quality: Quality {
            state: Some(PhysicalState::Solid),
            temperature_c: None,
            purity_percent: Some(95.0),
            contaminants: "clous".into(),
            notes: SECRET_QUALITY.into(),
        },
        route: Some(Route::Landfill),
        cost_eur_per_unit: Some(150.0),
        confidentiality: Confidentiality::Private,
        provenance: None,
        collected_on: None,
        collected_by: String::new(),
        notes: SECRET_NOTE.into(),
    };
    let heat = Flow {
        id: FlowId::new("f-2"),
        actor: sawmill.id.clone(),
        direction: Direction::Need,
        family: Family::Energy,
        label: "Chaleur du séchoir".into(),
        category: Some(ResourceCategory::Heat),
        quantity: Some(Quantity::new(300.0, Unit::MegawattHour, Period::Year)),
        quality: Quality {
            temperature_c: Some(70.0),
            ..Default::default()
        },
        confidentiality: Confidentiality::Anonymised,
        ..Default::default()
    };
    let neighbour = Actor {
        id: ActorId::new("a-2"),
        name: "Serres de Casatorra".into(),
        ..Default::default()
    };
    let greenhouse = Flow {
        id: FlowId::new("f-3"),
        actor: neighbour.id.clone(),
        direction: Direction::Need,
        family: Family::Energy,
        label: "Chaleur des serres".into(),
        ..Default::default()
    };
    Project {
        name: "ZA de Tragone".into(),
        actors: vec![sawmill, neighbour],
        flows: vec![wood, heat, greenhouse],
        ..Default::default()
    }
}

fn a1() -> ActorId {
    ActorId::new("a-1")
}

fn sent() -> Questionnaire {
    extract_questionnaire(&project(), &a1()).unwrap()
}

/// Applies the plan as the dialog does, checks it is one undo step, returns the merged project.
fn merged(p: &Project, plan: MergePlan) -> Project {
    let mut out = p.clone();
    let mut h = History::default();
    h.apply(&mut out, plan.into_command().unwrap()).unwrap();
    let after = out.clone();
    assert!(h.undo(&mut out));
    assert_eq!(&out, p, "the whole merge is one undo step");
    after
}

fn updated_changes(plan: &MergePlan, i: usize) -> Vec<&'static str> {
    match &plan.flows[i] {
        FlowOutcome::Updated { changes, .. } => changes.iter().map(|c| c.field).collect(),
        other => panic!("flow {i} not updated: {other:?}"),
    }
}

#[test]
fn the_file_sent_carries_no_facilitator_notes_or_tags() {
    let q = sent();
    assert_eq!(q.actor.notes, "");
    assert!(q.actor.tags.is_empty());
    assert_eq!(q.flows.len(), 2);
    for f in &q.flows {
        assert_eq!(f.notes, "");
        assert_eq!(f.quality.notes, "");
    }
    let text = format::save_questionnaire(&q);
    for secret in [SECRET_NOTE, SECRET_QUALITY, SECRET_TAG] {
        assert!(!text.contains(secret), "{secret} leaked:\n{text}");
    }
    // What the company must check is all there: its details, and each flow's figures,
    // cost and confidentiality.
    let p = project();
    assert_eq!(q.project_name, p.name);
    assert_eq!(q.actor.siret, p.actors[0].siret);
    assert_eq!(q.actor.address, p.actors[0].address);
    assert_eq!(q.flows[0].quantity, p.flows[0].quantity);
    assert_eq!(q.flows[0].cost_eur_per_unit, Some(150.0));
    assert_eq!(q.flows[0].quality.contaminants, "clous");
    assert_eq!(q.flows[0].confidentiality, Confidentiality::Private);
    assert_eq!(q.flows[0].months, p.flows[0].months);
}

#[test]
fn a_file_returned_untouched_changes_nothing() {
    let p = project();
    let text = format::save_questionnaire(&sent());
    let back = format::load_questionnaire(&text).unwrap().value;
    let plan = plan_merge(&p, &back);
    assert!(plan.changes_nothing(), "{}", plan.summary(Lang::Fr));
    assert_eq!(plan.foreign_project, None);
    assert!(plan.looser.is_empty());
    assert!(plan.summary(Lang::Fr).contains("fiche inchangée"));
    assert!(
        plan.summary(Lang::Fr)
            .contains("0 mis à jour, 2 inchangé(s)")
    );
    let mut out = p.clone();
    apply(&mut out, plan.into_command().unwrap()).unwrap();
    assert_eq!(
        out, p,
        "the missing notes and tags were not read as cleared"
    );
}

#[test]
fn a_file_from_an_older_build_with_the_notes_in_changes_nothing_either() {
    let p = project();
    let q = Questionnaire {
        project_name: p.name.clone(),
        actor: p.actors[0].clone(),
        flows: p.flows_of(&a1()).cloned().collect(),
        from_public_copy: false,
    };
    assert!(plan_merge(&p, &q).changes_nothing());
}

#[test]
fn blank_flow_fields_keep_the_project_values() {
    let p = project();
    let mut q = sent();
    let f = &mut q.flows[0];
    f.label = "  ".into();
    f.category = None;
    f.waste_code = Some(" ".into());
    f.quantity = None;
    f.months = Months::from_numbers([]);
    f.quality = Quality::default();
    f.route = None;
    f.cost_eur_per_unit = None;
    let plan = plan_merge(&p, &q);
    assert!(
        matches!(&plan.flows[0], FlowOutcome::Unchanged(id) if id.as_str() == "f-1"),
        "{:?}",
        plan.flows[0]
    );
    assert_eq!(merged(&p, plan), p);
}

#[test]
fn a_hand_made_flow_naming_only_itself_changes_nothing() {
    // No confidentiality key reads as public, the least strict level: the project's private
    // level stays, and nothing asks to loosen... except the file, which the summary shows.
    let p = project();
    let json = r#"{"project_name": "ZA de Tragone",
        "actor": {"id": "a-1", "name": "Scierie Orsini"},
        "flows": [{"id": "f-1", "actor": "a-1", "direction": "offer", "family": "waste",
                   "months": [6, 7, 8]}]}"#;
    let q: Questionnaire = serde_json::from_str(json).unwrap();
    let plan = plan_merge(&p, &q);
    assert!(matches!(&plan.actor, ActorMatch::Existing { changes, .. } if changes.is_empty()));
    assert!(matches!(&plan.flows[0], FlowOutcome::Unchanged(_)));
    assert_eq!(plan.looser.len(), 1, "public is less strict than private");
    assert!(!plan.looser[0].accepted);
    assert_eq!(merged(&p, plan), p);
}

#[test]
fn filled_flow_fields_replace_and_the_summary_says_old_and_new() {
    let p = project();
    let mut q = sent();
    q.actor.contact = "Mme Santini, 04 95 00 00 00".into();
    q.actor.address = String::new();
    let f = &mut q.flows[0];
    f.quantity = Some(Quantity::new(55.0, Unit::Tonne, Period::Year));
    f.months = Months::ALL_YEAR;
    f.route = Some(Route::Recycling);
    f.quality.contaminants = "clous, agrafes".into();
    let plan = plan_merge(&p, &q);
    assert_eq!(
        updated_changes(&plan, 0),
        vec!["quantity", "months", "contaminants", "route"]
    );
    assert!(matches!(&plan.flows[1], FlowOutcome::Unchanged(_)));

    let fr = plan.summary(Lang::Fr);
    for line in [
        "« Scierie Orsini » : fiche mise à jour.",
        "contact : (vide) → « Mme Santini, 04 95 00 00 00 »",
        "Flux « Chutes et sciures » mis à jour :",
        "quantité : « 40 t/an » → « 55 t/an »",
        "mois : « juin, juil., août » → « toute l'année »",
        "contaminants : « clous » → « clous, agrafes »",
        "filière actuelle : « Enfouissement » → « Recyclage »",
        "Flux : 0 ajouté(s), 1 mis à jour, 1 inchangé(s), 0 gardé(s)",
    ] {
        assert!(fr.contains(line), "missing {line:?} in:\n{fr}");
    }
    assert!(
        !fr.contains("adresse"),
        "a blank address is no change:\n{fr}"
    );
    let en = plan.summary(Lang::En);
    for line in [
        "contact: (empty) → \"Mme Santini, 04 95 00 00 00\"",
        "quantity: \"40 t/yr\" → \"55 t/yr\"",
        "months: \"Jun, Jul, Aug\" → \"all year\"",
        "current route: \"Landfill\" → \"Recycling\"",
    ] {
        assert!(en.contains(line), "missing {line:?} in:\n{en}");
    }
    let parts = plan.summary_parts(Lang::Fr);
    assert_eq!(parts.company_changes.len(), 1);
    assert_eq!(parts.flows.len(), 1);
    assert_eq!(parts.flows[0].changes.len(), 4);

    let out = merged(&p, plan);
    let wood = out.flow(&FlowId::new("f-1")).unwrap();
    assert_eq!(wood.quantity.unwrap().value, 55.0);
    assert!(wood.months.is_all_year());
    assert_eq!(wood.route, Some(Route::Recycling));
    // Not in the file sent, so not "cleared" by the file returned.
    assert_eq!(wood.notes, SECRET_NOTE);
    assert_eq!(wood.quality.notes, SECRET_QUALITY);
    assert_eq!(wood.cost_eur_per_unit, Some(150.0));
    assert_eq!(wood.confidentiality, Confidentiality::Private);
    let sawmill = out.actor(&a1()).unwrap();
    assert_eq!(sawmill.address, "Chemin de Casatorra");
    assert_eq!(sawmill.notes, SECRET_NOTE);
    assert_eq!(sawmill.tags, vec![SECRET_TAG, "bois"]);
}

#[test]
fn a_private_flow_made_public_stays_private_until_the_facilitator_accepts() {
    let p = project();
    let mut q = sent();
    q.flows[0].confidentiality = Confidentiality::Public;
    q.flows[1].confidentiality = Confidentiality::Public;
    let mut plan = plan_merge(&p, &q);
    assert_eq!(
        plan.looser
            .iter()
            .map(|l| (l.flow.as_str(), l.project, l.file, l.accepted))
            .collect::<Vec<_>>(),
        vec![
            (
                "f-1",
                Confidentiality::Private,
                Confidentiality::Public,
                false
            ),
            (
                "f-2",
                Confidentiality::Anonymised,
                Confidentiality::Public,
                false
            ),
        ]
    );
    assert!(
        plan.changes_nothing(),
        "refused by default: nothing to change"
    );
    let fr = plan.summary(Lang::Fr);
    assert!(
        fr.contains(
            "« Chutes et sciures » : le fichier demande « Public » ; « Privé », plus strict, est gardé."
        ),
        "{fr}"
    );
    assert!(plan.summary(Lang::En).contains(
        "\"Chutes et sciures\": the file asks for \"Public\"; \"Private\", stricter, is kept."
    ),);
    assert_eq!(merged(&p, plan.clone()), p);

    plan.accept_looser(&FlowId::new("f-1"), true);
    assert!(plan.looser[0].accepted && !plan.looser[1].accepted);
    assert_eq!(updated_changes(&plan, 0), vec!["confidentiality"]);
    assert!(matches!(&plan.flows[1], FlowOutcome::Unchanged(_)));
    let fr = plan.summary(Lang::Fr);
    assert!(
        fr.contains("confidentialité : « Privé » → « Public »"),
        "{fr}"
    );
    assert!(fr.contains("« Chutes et sciures » : « Privé » → « Public », accepté."));
    let out = merged(&p, plan.clone());
    assert_eq!(
        out.flow(&FlowId::new("f-1")).unwrap().confidentiality,
        Confidentiality::Public
    );
    assert_eq!(
        out.flow(&FlowId::new("f-2")).unwrap().confidentiality,
        Confidentiality::Anonymised
    );

    // The choice can be taken back before confirming.
    plan.accept_looser(&FlowId::new("f-1"), false);
    assert!(plan.changes_nothing());
    // A flow the file does not loosen cannot be "accepted" into anything.
    plan.accept_looser(&FlowId::new("f-3"), true);
    assert!(plan.changes_nothing());
}

#[test]
fn confidentiality_is_the_stricter_of_the_two_for_every_pair_unless_accepted() {
    use Confidentiality::{Anonymised, Private, Public};
    for project_level in [Public, Anonymised, Private] {
        for file_level in [Public, Anonymised, Private] {
            let mut p = project();
            p.flows[0].confidentiality = project_level;
            let mut q = extract_questionnaire(&p, &a1()).unwrap();
            q.flows[0].confidentiality = file_level;
            let mut plan = plan_merge(&p, &q);
            let out = merged(&p, plan.clone());
            let kept = out.flow(&FlowId::new("f-1")).unwrap().confidentiality;
            assert_eq!(
                kept,
                project_level.max(file_level),
                "{project_level:?} ← {file_level:?}"
            );
            assert_eq!(plan.looser.len(), usize::from(file_level < project_level));
            plan.accept_looser(&FlowId::new("f-1"), true);
            let out = merged(&p, plan);
            assert_eq!(
                out.flow(&FlowId::new("f-1")).unwrap().confidentiality,
                file_level
            );
        }
    }
}

#[test]
fn a_questionnaire_for_another_project_is_flagged_with_both_names() {
    let p = project();
    let mut q = sent();
    // Case, accents and spaces do not make another project.
    q.project_name = "  za DE  Tragône ".into();
    assert_eq!(plan_merge(&p, &q).foreign_project, None);

    q.project_name = "ZA du Bevinco".into();
    let plan = plan_merge(&p, &q);
    assert_eq!(
        plan.foreign_project,
        Some(ForeignProject {
            file: "ZA du Bevinco".into(),
            project: "ZA de Tragone".into()
        })
    );
    let fr = plan.summary(Lang::Fr);
    assert!(
        fr.starts_with(
            "Attention : ce questionnaire a été fait pour le projet « ZA du Bevinco », pas pour « ZA de Tragone »."
        ),
        "{fr}"
    );
    assert!(plan.summary(Lang::En).starts_with(
        "Warning: this questionnaire was made for the project \"ZA du Bevinco\", not \"ZA de Tragone\"."
    ));
    // Flagged, not refused: the facilitator may have renamed the project since.
    assert!(plan.into_command().is_ok());

    q.project_name = String::new();
    let fr = plan_merge(&p, &q).summary(Lang::Fr);
    assert!(fr.contains("ne nomme aucun projet"), "{fr}");
}

#[test]
fn notes_and_tags_the_company_writes_are_added_never_replacing() {
    let p = project();
    let mut q = sent();
    q.actor.notes = "Nouveau responsable à partir de mars.".into();
    q.actor.tags = vec!["BOIS".into(), "certifié PEFC".into()];
    q.flows[0].notes = "Benne de 30 m³ sur place.".into();
    let plan = plan_merge(&p, &q);
    let ActorMatch::Existing { changes, .. } = &plan.actor else {
        panic!("{:?}", plan.actor)
    };
    assert_eq!(
        changes.iter().map(|c| c.field).collect::<Vec<_>>(),
        vec!["tags", "notes"]
    );
    assert_eq!(updated_changes(&plan, 0), vec!["notes"]);
    let out = merged(&p, plan);
    let sawmill = out.actor(&a1()).unwrap();
    assert_eq!(
        sawmill.notes,
        format!("{SECRET_NOTE}\n\nNouveau responsable à partir de mars.")
    );
    assert_eq!(sawmill.tags, vec![SECRET_TAG, "bois", "certifié PEFC"]);
    assert_eq!(
        out.flow(&FlowId::new("f-1")).unwrap().notes,
        format!("{SECRET_NOTE}\n\nBenne de 30 m³ sur place.")
    );
    // The same file merged twice adds nothing the second time.
    let again = plan_merge(&out, &q);
    assert!(again.changes_nothing(), "{}", again.summary(Lang::Fr));
}

#[test]
fn added_and_kept_flows_are_named_in_the_summary() {
    let p = project();
    let mut q = sent();
    q.flows.remove(1);
    q.flows.push(Flow {
        id: FlowId::new("f-9"),
        actor: a1(),
        direction: Direction::Offer,
        family: Family::Waste,
        label: "Écorces".into(),
        quantity: Some(Quantity::new(12.5, Unit::Tonne, Period::Year)),
        confidentiality: Confidentiality::Anonymised,
        ..Default::default()
    });
    let plan = plan_merge(&p, &q);
    assert_eq!(plan.kept, vec![FlowId::new("f-2")]);
    let fr = plan.summary(Lang::Fr);
    assert!(
        fr.contains("Nouveau flux « Écorces » (Offre · Déchet · 12,5 t/an · Anonymisé)."),
        "{fr}"
    );
    assert!(fr.contains("Gardés tels quels (absents du fichier) : « Chaleur du séchoir »."));
    let en = plan.summary(Lang::En);
    assert!(en.contains("New flow \"Écorces\" (Offer · Waste · 12.5 t/yr · Anonymised)."));
    let out = merged(&p, plan);
    assert_eq!(out.flows_of(&a1()).count(), 3);
}

#[test]
fn a_conflict_still_needs_a_choice_and_the_choices_survive_nothing_stale() {
    // SIRET names a-2 while id and name name a-1.
    let mut p = project();
    let siret = p.actors[0].siret.take().unwrap();
    p.actors[1].siret = Some(siret);
    let mut q = sent();
    q.actor.siret = p.actors[1].siret.clone();
    q.flows[0].confidentiality = Confidentiality::Public;
    let mut plan = plan_merge(&p, &q);
    assert!(plan.has_conflict());
    assert!(
        plan.looser.is_empty(),
        "no flow is compared before the choice"
    );
    assert!(plan.clone().into_command().is_err());
    plan.resolve(&p, Resolution::IdMatch);
    assert_eq!(plan.looser.len(), 1);
    plan.accept_looser(&FlowId::new("f-1"), true);
    let out = merged(&p, plan);
    assert_eq!(
        out.flow(&FlowId::new("f-1")).unwrap().confidentiality,
        Confidentiality::Public
    );
}

#[test]
fn long_values_are_shortened_in_the_middle_and_stay_on_one_line() {
    let p = project();
    let mut q = sent();
    let long = format!("début\n{}\nfin ajoutée", "x".repeat(400));
    q.flows[0].notes = long;
    let fr = plan_merge(&p, &q).summary(Lang::Fr);
    let line = fr.lines().find(|l| l.contains("notes : ")).unwrap();
    assert!(
        line.contains(" … ") && line.ends_with("fin ajoutée »"),
        "{line}"
    );
    assert!(line.chars().count() < 400, "{line}");
}

#[test]
fn a_new_company_whose_ids_are_taken_gets_fresh_ones_and_touches_nothing_else() {
    // A questionnaire made in another project: its company and flows reuse ids this project
    // already gives to the neighbour and to the sawmill's flows.
    let p = project();
    let q = Questionnaire {
        project_name: p.name.clone(),
        actor: Actor {
            id: ActorId::new("a-2"),
            name: "Menuiserie Paoli".into(),
            ..Default::default()
        },
        flows: vec![
            Flow {
                id: FlowId::new("f-1"),
                actor: ActorId::new("a-2"),
                direction: Direction::Offer,
                family: Family::Waste,
                label: "Copeaux".into(),
                ..Default::default()
            },
            Flow {
                id: FlowId::new("f-3"),
                actor: ActorId::new("a-2"),
                direction: Direction::Need,
                family: Family::Energy,
                label: "Chauffage de l'atelier".into(),
                ..Default::default()
            },
        ],
        from_public_copy: false,
    };
    let plan = plan_merge(&p, &q);
    let ActorMatch::New { id } = plan.actor.clone() else {
        panic!("a different name is a new company: {:?}", plan.actor)
    };
    assert!(p.actor(&id).is_none(), "fresh actor id, not {id:?}");
    let out = merged(&p, plan);
    for old in &p.actors {
        assert_eq!(out.actor(&old.id), Some(old), "{:?} untouched", old.id);
    }
    for old in &p.flows {
        assert!(out.flows.contains(old), "{:?} untouched", old.id);
    }
    let added: Vec<&Flow> = out.flows_of(&id).collect();
    assert_eq!(added.len(), 2);
    assert!(added.iter().all(|f| p.flows.iter().all(|o| o.id != f.id)));
    assert!(crate::validate::validate(&out).errors.is_empty());
}

/// A company answering from the public copy (the explorer): its questionnaire carries what the
/// copy showed, its name replaced when its flows are anonymised, its position rounded, its
/// SIRET gone, its name scrubbed from its flows' labels. Merged into the working project, it
/// completes the same company (no second one under the public name), changes none of its
/// record, and proposes only what the company changed: the added flow and the new quantity.
#[test]
fn an_answer_from_the_public_copy_completes_the_same_company() {
    let p = crate::demo::project();
    for lang in [Lang::Fr, Lang::En] {
        let copy = crate::export::public::anonymise_in(&p, lang);
        // A company the copy renamed, with a flow whose label carried its name.
        let renamed = copy
            .actors
            .iter()
            .find(|a| p.actor(&a.id).is_some_and(|o| o.name != a.name))
            .expect("the demo has companies with anonymised flows");
        let original = p.actor(&renamed.id).unwrap();
        let mut answered = copy.clone();
        let first = answered
            .flows
            .iter_mut()
            .find(|f| f.actor == renamed.id)
            .expect("its flows shown in the copy");
        let changed_id = first.id.clone();
        first.quantity = Some(Quantity::new(777.0, Unit::Tonne, Period::Year));
        let new_id = FlowId::next_free(answered.flows.iter().map(|f| &f.id));
        answered.flows.push(Flow {
            id: new_id.clone(),
            actor: renamed.id.clone(),
            direction: Direction::Need,
            family: Family::Energy,
            label: "Chaleur pour le séchage".into(),
            ..Default::default()
        });
        let q = extract_questionnaire(&answered, &renamed.id).unwrap();
        assert!(q.from_public_copy);
        let q = format::load_questionnaire(&format::save_questionnaire(&q))
            .unwrap()
            .value;

        let plan = plan_merge(&p, &q);
        assert_eq!(
            plan.actor,
            ActorMatch::Existing {
                id: original.id.clone(),
                changes: vec![]
            },
            "{lang:?}: the same company, its record untouched"
        );
        assert!(plan.foreign_project.is_none());
        let out = merged(&p, plan);
        assert_eq!(out.actors.len(), p.actors.len(), "no second company");
        assert_eq!(out.actor(&original.id), Some(original));
        for f in p.flows.iter().filter(|f| f.actor == original.id) {
            let now = out
                .flow(&f.id)
                .expect("every flow kept, private ones included");
            assert_eq!(now.label, f.label, "{lang:?}: the label is the project's");
            if f.id != changed_id {
                assert_eq!(now, f, "{lang:?}: unchanged");
            }
        }
        let changed = out.flow(&changed_id).unwrap();
        assert_eq!(changed.quantity.map(|q| q.value), Some(777.0));
        assert!(
            out.flows
                .iter()
                .any(|f| f.label == "Chaleur pour le séchage" && f.actor == original.id)
        );
    }
}
