use super::*;
use crate::demo;
use crate::edit::{History, apply};
use crate::import::preview::{Items, RowKind};
use crate::import::table::Source;
use crate::import::text::Encoding;
use crate::model::{
    Actor, ActorId, Confidentiality, Date, Direction, Family, Period, Provenance, Quantity,
    ResourceCategory, Route, Siret, Unit,
};
use crate::{Bilingual, Lang, UserMessage};

fn message(p: &FlowsPreview, line: usize) -> Bilingual {
    p.rows
        .iter()
        .find_map(|r| match r {
            RowOutcome::Error {
                line: l, message, ..
            } if *l == line => Some(message.clone()),
            RowOutcome::Skipped {
                line: l, reason, ..
            } if *l == line => Some(reason.clone()),
            _ => None,
        })
        .expect("a refused or skipped row")
}

const HEADER: &str = "siret;entreprise;sens;famille;libellé;quantité;unité\n";

#[test]
fn the_template_imports_cleanly_into_the_demonstration() {
    let project = demo::project();
    let p = parse(TEMPLATE_CSV.as_bytes(), &project).unwrap();
    assert_eq!(p.source, Source::Csv(Encoding::Utf8));
    assert_eq!(p.verdicts(), vec!["2:ok", "3:ok", "4:ok"]);
    assert!(p.ignored_columns.is_empty(), "{:?}", p.ignored_columns);
    let flows = p.ready();
    let sawdust = flows[0];
    assert_eq!(
        sawdust.actor.as_str(),
        "a-4",
        "by SIRET: Scierie Orsini & Fils"
    );
    assert_eq!(
        (sawdust.direction, sawdust.family, sawdust.category),
        (
            Direction::Offer,
            Family::Waste,
            Some(ResourceCategory::Wood)
        )
    );
    assert_eq!(sawdust.waste_code.as_deref(), Some("030105"));
    assert_eq!(
        sawdust.quantity,
        Some(Quantity::new(120.0, Unit::Tonne, Period::Year))
    );
    assert_eq!(sawdust.route, Some(Route::EnergyRecovery));
    assert_eq!(sawdust.cost_eur_per_unit, Some(15.0));
    assert_eq!(sawdust.provenance, Some(Provenance::Measured));
    assert_eq!(sawdust.collected_on, Some(Date::new(2026, 3, 12).unwrap()));
    assert_eq!(sawdust.collected_by, "Animatrice EIT");
    let yeast = flows[1];
    assert_eq!(
        yeast.actor.as_str(),
        "a-2",
        "by name: Brasserie de la Marana"
    );
    assert_eq!(yeast.quantity.unwrap().value, 2.5, "a decimal comma");
    assert_eq!(yeast.quantity.unwrap().period, Period::Month);
    assert_eq!(yeast.months.numbers(), vec![3, 4, 5, 6, 7, 8, 9, 10]);
    assert_eq!(yeast.confidentiality, Confidentiality::Anonymised);
    assert_eq!(
        yeast.collected_on,
        Some(Date::new(2026, 3, 14).unwrap()),
        "DD/MM/YYYY"
    );
    let heat = flows[2];
    assert_eq!(
        (heat.direction, heat.family),
        (Direction::Need, Family::Energy)
    );
    assert_eq!(heat.months.numbers(), vec![1, 2, 3, 11, 12]);
    assert_eq!(heat.quality.temperature_c, Some(45.0));
    assert_eq!(heat.confidentiality, Confidentiality::Private);
    // Each ready row says which company it went to.
    let listed = p.listing(Lang::Fr, 10);
    assert_eq!(
        listed[0].name,
        "Scierie Orsini & Fils — Sciure et copeaux (exemple)"
    );
    // And the import is one edit the demonstration takes: three flows more, new ids.
    let mut history = History::default();
    let mut project = project;
    let before = project.flows.len();
    let command = p.command(&project);
    history.apply(&mut project, command).unwrap();
    assert_eq!(project.flows.len(), before + 3);
    let ids: std::collections::HashSet<_> = project.flows.iter().map(|f| &f.id).collect();
    assert_eq!(ids.len(), project.flows.len(), "no id taken twice");
    assert!(crate::validate::validate(&project).is_valid());
}

#[test]
fn companies_are_found_by_siret_then_by_name() {
    let project = demo::project();
    // A: SIRET with spaces; B: SIRET and a different name (SIRET wins, a warning says so);
    // C: name only, in capitals, without accents or punctuation; D: a 13-digit SIRET (a
    // spreadsheet took it for a number and dropped its leading zero) is not the case of demo
    // SIRETs, so it is a plain error; E: no company at all.
    let csv = format!(
        "{HEADER}\
         999 990 047 00014;;offre;matière;Écorces de chêne;1;t\n\
         99999004700014;Menuiserie Santucci;offre;matière;Sciure fine;1;t\n\
         ;BRASSERIE DE LA MARANA;offre;matiere;Dreches;1;t\n\
         ;Hotel de l'Etang;besoin;eau;Eau chaude;1;m3\n\
         ;;offre;matière;Orphelin;1;t\n"
    );
    let p = parse(csv.as_bytes(), &project).unwrap();
    assert_eq!(
        p.verdicts(),
        vec!["2:ok", "3:ok", "4:ok", "5:ok", "6:err:entreprise"]
    );
    let actors: Vec<&str> = p.ready().iter().map(|f| f.actor.as_str()).collect();
    assert_eq!(actors, vec!["a-4", "a-4", "a-2", "a-14"]);
    let RowOutcome::Ready { warnings, .. } = &p.rows[1] else {
        panic!()
    };
    assert!(
        warnings[0].fr.contains("rattaché par le SIRET"),
        "{warnings:?}"
    );
    assert!(message(&p, 6).fr.contains("donnez son SIRET ou son nom"));
}

#[test]
fn unknown_and_ambiguous_companies_are_errors_that_name_them() {
    let mut project = demo::project();
    // Two companies of the same name (different sites): a name alone cannot choose.
    project.actors.push(Actor {
        id: ActorId::new("a-41"),
        name: "Boulangerie du Golo".into(),
        ..Default::default()
    });
    let csv = format!(
        "{HEADER}\
         ;Boulangerie du Golo;offre;déchet;Pain invendu;1;t\n\
         ;Fromagerie Imaginaire;offre;déchet;Lactosérum;1;t\n\
         12002701600019;;offre;déchet;Cartons;1;t\n\
         12002701600019;Scierie Orsini & Fils;offre;déchet;Cartons;1;t\n\
         12002701600018;;offre;déchet;Cartons;1;t\n\
         99999001300016;Boulangerie du Golo;offre;déchet;Pain invendu;1;t\n"
    );
    let p = parse(csv.as_bytes(), &project).unwrap();
    assert_eq!(
        p.verdicts(),
        vec![
            "2:err:entreprise",
            "3:err:entreprise",
            "4:err:siret",
            "5:err:siret",
            "6:err:siret",
            "7:ok"
        ]
    );
    let ambiguous = message(&p, 2);
    assert_eq!(
        ambiguous.fr,
        "ligne 2, colonne entreprise : 2 entreprises du projet s'appellent « Boulangerie du Golo » : donnez le SIRET pour choisir"
    );
    assert!(
        ambiguous
            .en
            .starts_with("line 2, column entreprise: 2 companies")
    );
    assert!(message(&p, 3).fr.contains("« Fromagerie Imaginaire »"));
    assert!(
        message(&p, 3)
            .en
            .contains("no company of the project is called")
    );
    assert!(message(&p, 4).fr.contains("SIRET 120 027 016 00019"));
    let other = message(&p, 5).fr;
    assert!(other.contains("y a le SIRET 999 990 047 00014"), "{other}");
    assert!(message(&p, 6).fr.contains("Luhn"), "a bad check digit");
    // The SIRET settles what the name could not.
    assert_eq!(p.ready()[0].actor.as_str(), "a-1");
}

#[test]
fn a_siret_unknown_to_the_project_falls_back_on_a_name_without_siret() {
    let mut project = demo::project();
    project.actors.push(Actor {
        id: ActorId::new("a-41"),
        name: "Fromagerie du Nebbio".into(),
        ..Default::default()
    });
    let csv = format!("{HEADER}12002701600019;Fromagerie du Nebbio;offre;déchet;Lactosérum;1;t\n");
    let p = parse(csv.as_bytes(), &project).unwrap();
    let RowOutcome::Ready {
        item: flow,
        warnings,
        ..
    } = &p.rows[0]
    else {
        panic!("{:?}", p.rows[0])
    };
    assert_eq!(flow.actor.as_str(), "a-41");
    assert!(
        warnings[0].fr.contains("rattaché par le nom"),
        "{warnings:?}"
    );
    // A spreadsheet that read a SIRET as a number loses its leading zeros: put back when the
    // check digit then holds.
    project.actors[40].siret = Some(Siret::parse("00520013500019").unwrap_or_else(|_| {
        // 005 200 135 000 1x: find the check digit that makes it valid.
        (0..10)
            .find_map(|d| Siret::parse(&format!("0052001350001{d}")).ok())
            .unwrap()
    }));
    let siret = project.actors[40].siret.clone().unwrap();
    let csv = format!(
        "{HEADER}{};;offre;déchet;Lactosérum;1;t\n",
        siret.as_str().trim_start_matches('0')
    );
    let p = parse(csv.as_bytes(), &project).unwrap();
    assert_eq!(p.verdicts(), vec!["2:ok"], "{:?}", p.rows);
}

#[test]
fn every_verdict_kind_and_a_bad_row_does_not_stop_the_others() {
    let project = demo::project();
    let csv = "\
siret;entreprise;sens;famille;libellé;catégorie;code déchet;quantité;unité;période;mois;température (°C);exutoire;coût €/unité;confidentialité;provenance;collecté le;collecté par;notes;couleur
;Scierie Orsini & Fils;offre;déchet;Écorces de pin;Bois;;40;t;an;;;;;;;;;;bleu
;Scierie Orsini & Fils;offre;déchet;Écorces de pin;;;40;t;an;;;;;;;;;;
;;;;;;;;;;;;;;;;;;;
;Scierie Orsini & Fils;offre;déchet;Sciure;;;beaucoup;t;;;;;;;;;;;
;Scierie Orsini & Fils;peut-être;déchet;Sciure;;;;;;;;;;;;;;;
;Scierie Orsini & Fils;offre;;Sciure;;;;;;;;;;;;;;;
;Scierie Orsini & Fils;offre;déchet;;;;;;;;;;;;;;;;
;Scierie Orsini & Fils;offre;déchet;Sciure;licorne;;;;;;;;;;;;;;
;Scierie Orsini & Fils;offre;déchet;Sciure;;1501;;;;;;;;;;;;;
;Scierie Orsini & Fils;offre;déchet;Sciure;;;3;;;;;;;;;;;;
;Scierie Orsini & Fils;offre;déchet;Sciure;;;3;brouettes;;;;;;;;;;;
;Scierie Orsini & Fils;offre;déchet;Sciure;;;3;t;par siècle;;;;;;;;;;
;Scierie Orsini & Fils;offre;déchet;Sciure;;;-3;t;;;;;;;;;;;
;Scierie Orsini & Fils;offre;déchet;Sciure;;;;;;l'été;;;;;;;;;
;Scierie Orsini & Fils;offre;énergie;Chaleur;;;;;;;20000;;;;;;;;
;Scierie Orsini & Fils;offre;déchet;Sciure;;;;;;;;la mer;;;;;;;
;Scierie Orsini & Fils;offre;déchet;Sciure;;;;;;;;;gratuit;;;;;;
;Scierie Orsini & Fils;offre;déchet;Sciure;;;;;;;;;;secret;;;;;
;Scierie Orsini & Fils;offre;déchet;Sciure;;;;;;;;;;;au doigt mouillé;;;;
;Scierie Orsini & Fils;offre;déchet;Sciure;;;;;;;;;;;;mars 2026;;;
;Scierie Orsini & Fils;offre;déchet;Sciure;;;;;;;;;;;;1850-01-01;;;
;Scierie Orsini & Fils;besoin;service;Transport de sciure;Transport;;;;;;;;;;;;;;
;Scierie Orsini & Fils;offre;déchet;Palettes cassées;;15 01 03;12,5;t/mois;;1-3;;Enfouissement;25 €;anonymisé;Déclaré;12/03/2026;Animatrice;à revoir;
;Scierie Orsini & Fils;offre;équipement;Chariot télescopique disponible le samedi;;;;;;;;;;;;;;;
;;;;;;;;;;;;;;;;;;;
";
    let p = parse(csv.as_bytes(), &project).unwrap();
    assert_eq!(
        p.verdicts(),
        vec![
            "2:ok",
            "3:skip",
            "4:skip",
            "5:err:quantité",
            "6:err:sens",
            "7:err:famille",
            "8:err:libellé",
            "9:err:catégorie",
            "10:err:code déchet",
            "11:err:unité",
            "12:err:unité",
            "13:err:période",
            "14:err:quantité",
            "15:err:mois",
            "16:err:température (°C)",
            "17:err:exutoire",
            "18:err:coût €/unité",
            "19:err:confidentialité",
            "20:err:provenance",
            "21:err:collecté le",
            "22:err:collecté le",
            "23:ok",
            "24:ok",
            "25:skip",
        ],
        "the trailing blank row is not listed"
    );
    assert_eq!(p.count(), (3, 3, 18));
    assert_eq!(p.ignored_columns, vec!["couleur"]);
    // Skips say why.
    assert!(message(&p, 3).fr.contains("même flux qu'à la ligne 2"));
    assert_eq!(message(&p, 4).fr, "ligne vide");
    assert!(message(&p, 25).fr.contains("déjà dans le projet"));
    // Errors say where and what, in both languages.
    let bad = message(&p, 5);
    assert_eq!(
        bad.fr,
        "ligne 5, colonne quantité : « beaucoup » n'est pas un nombre (ex. 12,5)"
    );
    assert_eq!(
        bad.en,
        "line 5, column quantité: \"beaucoup\" is not a number (e.g. 12.5)"
    );
    assert!(message(&p, 6).en.contains("expected: offer, need"));
    assert!(
        message(&p, 12)
            .fr
            .contains("t, kg, m³, L, MWh, kWh, kW, u, h")
    );
    assert!(
        message(&p, 14).fr.contains("valeur négative"),
        "a record rule"
    );
    assert!(message(&p, 16).fr.contains("température impossible"));
    assert!(
        message(&p, 22).fr.contains("1850"),
        "{}",
        message(&p, 22).fr
    );
    // The full row reads every column.
    let RowOutcome::Ready {
        item: flow,
        warnings,
        ..
    } = &p.rows[22]
    else {
        panic!("{:?}", p.rows[22])
    };
    assert_eq!(flow.waste_code.as_deref(), Some("150103"));
    assert_eq!(
        flow.quantity,
        Some(Quantity::new(12.5, Unit::Tonne, Period::Month)),
        "unit and period in one cell"
    );
    assert_eq!(flow.months.numbers(), vec![1, 2, 3]);
    assert_eq!(flow.route, Some(Route::Landfill));
    assert_eq!(flow.cost_eur_per_unit, Some(25.0), "a euro sign is allowed");
    assert_eq!(flow.provenance, Some(Provenance::Declared));
    assert_eq!(flow.notes, "à revoir");
    assert!(warnings.is_empty(), "{warnings:?}");
    // A waste without a code gets the record rules' warning.
    let RowOutcome::Ready { warnings, .. } = &p.rows[0] else {
        panic!()
    };
    assert!(warnings[0].fr.contains("déchet sans code"), "{warnings:?}");
    // The listing puts the errors first.
    let listed = p.listing(Lang::En, 100);
    assert_eq!(listed[0].kind, RowKind::Error);
    assert_eq!(listed[0].name, "Scierie Orsini & Fils — Sciure");
    assert_eq!(listed.last().unwrap().kind, RowKind::Skipped);
    assert_eq!(p.listing(Lang::Fr, 5).len(), 5);
}

#[test]
fn a_waste_code_that_lost_its_leading_zero_gets_it_back() {
    let csv = "entreprise;sens;libellé;code déchet\n\
               Scierie Orsini & Fils;offre;Sciure;30105\n";
    let p = parse(csv.as_bytes(), &demo::project()).unwrap();
    let RowOutcome::Ready {
        item: flow,
        warnings,
        ..
    } = &p.rows[0]
    else {
        panic!("{:?}", p.rows[0])
    };
    assert_eq!(
        (flow.family, flow.waste_code.as_deref()),
        (Family::Waste, Some("030105")),
        "a waste code says the family"
    );
    assert!(warnings[0].fr.contains("zéro initial rétabli"));
}

#[test]
fn windows_1252_english_headers_and_commas() {
    // French Excel's "CSV (séparateur : point-virgule)" is Windows-1252; an English header
    // with commas reads the same.
    let mut cp = b"Company,Direction,Family,Label,Quantity,Unit\r\nH".to_vec();
    cp.extend([0xF4]); // ô
    cp.extend(b"tel de l'");
    cp.extend([0xC9]); // É
    cp.extend(b"tang,Need,Water,Eau de nettoyage des sols ");
    cp.extend([0x80]); // €
    cp.extend(b",\"1,5\",m3\r\n");
    let p = parse(&cp, &demo::project()).unwrap();
    assert_eq!(p.verdicts(), vec!["2:ok"], "{:?}", p.rows);
    assert_eq!(p.source, Source::Csv(Encoding::Windows1252));
    let flow = p.ready()[0];
    assert_eq!(flow.actor.as_str(), "a-14", "Hôtel de l'Étang");
    assert_eq!(flow.label, "Eau de nettoyage des sols €");
    assert_eq!(flow.quantity.unwrap().value, 1.5);
    assert_eq!(flow.quantity.unwrap().unit, Unit::CubicMetre);
}

#[test]
fn hostile_files_change_nothing_and_say_why() {
    let project = demo::project();
    assert_eq!(parse(b"", &project), Err(ImportError::Empty(Items::Flows)));
    assert_eq!(
        parse(b"\n;;\n", &project),
        Err(ImportError::Empty(Items::Flows))
    );
    assert_eq!(
        parse(HEADER.as_bytes(), &project),
        Err(ImportError::Empty(Items::Flows)),
        "a header alone"
    );
    let e = parse(b"nom;siret;naf\nBoulangerie;;10.71C\n", &project).unwrap_err();
    assert_eq!(
        e,
        ImportError::NoHeader {
            what: Items::Flows,
            found: vec!["nom".into(), "siret".into(), "naf".into()]
        }
    );
    assert!(e.message_in(Lang::Fr).contains("« libellé »"));
    assert!(e.message_in(Lang::En).contains("Nothing was imported"));
    let pdf = parse(b"%PDF-1.4\n", &project).unwrap_err();
    assert!(
        pdf.message_in(Lang::Fr)
            .contains("ni un CSV ni un classeur Excel")
    );
    let utf16 = parse(&[0xFF, 0xFE, b'a', 0], &project).unwrap_err();
    assert!(utf16.message_in(Lang::En).contains("UTF-16"));
}

#[test]
fn the_header_may_follow_a_title_and_lines_are_the_files() {
    let csv = "Inventaire des flux de la ZA (visite du 12 mars)\n\
               \n\
               entreprise;sens;famille;libellé\n\
               Scierie Orsini & Fils;offre;déchet;Sciure\n\
               Scierie Orsini & Fils;offre;déchet;\n";
    let p = parse(csv.as_bytes(), &demo::project()).unwrap();
    assert_eq!(p.header_line, 3);
    assert_eq!(p.verdicts(), vec!["4:ok", "5:err:libellé"]);
}

#[test]
fn the_import_is_one_step_all_or_nothing_with_fresh_ids() {
    let mut project = demo::project();
    let csv = format!(
        "{HEADER};Scierie Orsini & Fils;offre;déchet;Sciure;1;t\n\
         ;Brasserie de la Marana;offre;matière;Drêches sèches;1;t\n"
    );
    let p = parse(csv.as_bytes(), &project).unwrap();
    // A flow added after the preview takes the next id: the import's ids go after it.
    let taken = crate::model::FlowId::next_free(project.flows.iter().map(|f| &f.id));
    let extra = Flow {
        id: taken.clone(),
        actor: ActorId::new("a-1"),
        label: "Ajouté entre-temps".into(),
        ..Default::default()
    };
    apply(&mut project, crate::edit::Command::AddFlow(extra)).unwrap();
    let before = project.clone();
    let mut history = History::default();
    let command = p.command(&project);
    history.apply(&mut project, command).unwrap();
    let added: Vec<&Flow> = project.flows[before.flows.len()..].iter().collect();
    assert_eq!(added.len(), 2);
    assert!(added.iter().all(|f| f.id != taken));
    // One undo takes both away.
    assert!(history.undo(&mut project));
    assert_eq!(project, before);
    // A company removed since the preview: the edit is refused whole, nothing changes.
    let mut gone = before.clone();
    let scierie = ActorId::new("a-4");
    apply(&mut gone, crate::edit::Command::RemoveActor(scierie)).unwrap();
    let snapshot = gone.clone();
    let command = p.command(&gone);
    assert!(apply(&mut gone, command).is_err());
    assert_eq!(gone, snapshot);
}

#[test]
fn the_csv_export_of_flows_reads_back() {
    // The flows table the Exports page writes (French: `;`, BOM, decimal commas, the labels),
    // read into the same companies without their flows, gives the same flows back.
    let demo = demo::project();
    for lang in [Lang::Fr, Lang::En] {
        let csv = crate::export::csv::flows(&demo, lang);
        let empty = Project {
            flows: Vec::new(),
            synergies: Vec::new(),
            ..demo.clone()
        };
        let p = parse(csv.as_bytes(), &empty).unwrap();
        assert_eq!(p.count(), (demo.flows.len(), 0, 0), "{lang:?}");
        assert!(p.ignored_columns.contains(&"id".to_string()));
        for (read, original) in p.ready().into_iter().zip(&demo.flows) {
            let as_exported = Flow {
                id: read.id.clone(),
                // Not in the export: the quality, the provenance and its date and author.
                quality: read.quality.clone(),
                provenance: read.provenance,
                collected_on: read.collected_on,
                collected_by: read.collected_by.clone(),
                ..original.clone()
            };
            assert_eq!(read, &as_exported, "{lang:?}");
        }
    }
}
