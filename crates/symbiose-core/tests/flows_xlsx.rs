//! Flows from an Excel workbook, end to end through the core: `tests/fixtures/flux.xlsx`, made
//! by the minimal writer in `tests/xlsx/` from the rows below (regenerate it with
//! `SNAPSHOT_UPDATE=1 cargo test -p symbiose-core --test flows_xlsx`; a test fails when the
//! two differ), imported into the demonstration project. The app's end-to-end test imports
//! the same file.
//!
//! The sheet is written as a facilitator's would be: a title above the header, the SIRET and
//! a waste code typed as numbers (Excel drops the code's leading zero), dates as date cells,
//! a quantity typed as words on one row (the bad row, line 6).

mod xlsx;

use symbiose_core::import::flows::{self, ImportError, RowOutcome};
use symbiose_core::import::preview::Items;
use symbiose_core::import::table::{self, Source, TableError};
use symbiose_core::{
    Confidentiality, Date, Lang, Period, Provenance, ResourceCategory, UserMessage, demo,
};
use xlsx::Cell::{self, Date as Day, Empty, Number, Text};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/flux.xlsx");

fn fixture_rows() -> Vec<Vec<Cell>> {
    vec![
        vec![Text(
            "Inventaire des flux collectés — ZA de démonstration (exemple fictif)",
        )],
        vec![],
        [
            "SIRET",
            "Entreprise",
            "Sens",
            "Famille",
            "Libellé",
            "Catégorie",
            "Code déchet",
            "Quantité",
            "Unité",
            "Période",
            "Mois",
            "Température (°C)",
            "Exutoire",
            "Coût €/unité",
            "Confidentialité",
            "Provenance",
            "Collecté le",
            "Collecté par",
            "Notes",
        ]
        .into_iter()
        .map(Text)
        .collect(),
        vec![
            Number(99999004700014.0),
            Text("Scierie Orsini & Fils"),
            Text("Offre"),
            Text("Déchet"),
            Text("Chutes de bois non traité"),
            Text("Bois, palettes"),
            Number(30105.0),
            Number(35.0),
            Text("t"),
            Text("an"),
            Empty,
            Empty,
            Text("Valorisation énergétique"),
            Number(12.0),
            Text("Public"),
            Text("Mesuré"),
            Day(46093),
            Text("Animatrice EIT"),
            Text("Pesée sur trois mois"),
        ],
        vec![
            Empty,
            Text("Brasserie de la Marana"),
            Text("Offre"),
            Text("Matière"),
            Text("Drêches humides pour l'élevage"),
            Text("Coproduits alimentaires"),
            Empty,
            Number(18.5),
            Text("t"),
            Text("mois"),
            Text("mars-octobre"),
            Empty,
            Empty,
            Empty,
            Text("Anonymisé"),
            Text("Déclaré"),
            Day(46095),
            Text("Questionnaire retourné"),
        ],
        vec![
            Empty,
            Text("Laiterie Biguglienne"),
            Text("Besoin"),
            Text("Eau"),
            Text("Eau de lavage des cuves"),
            Text("Eau de process"),
            Empty,
            Text("environ 300"),
            Text("m³"),
            Text("an"),
            Empty,
            Empty,
            Empty,
            Empty,
            Empty,
            Text("Estimé"),
            Day(46101),
            Text("Animatrice EIT"),
        ],
        vec![
            Empty,
            Text("Serres de Casatorra"),
            Text("Besoin"),
            Text("Énergie"),
            Text("Chaleur basse température pour les semis"),
            Text("Chaleur"),
            Empty,
            Number(250.0),
            Text("MWh"),
            Text("an"),
            Text("nov-mars"),
            Number(40.0),
            Text("Achat"),
            Number(85.5),
            Text("Privé"),
            Text("Estimé"),
            Day(46114),
            Text("Bureau d'études"),
            Text("Estimée sur les factures de gaz"),
        ],
    ]
}

#[test]
fn the_fixture_is_what_the_writer_makes() {
    let made = xlsx::workbook("Flux", &fixture_rows());
    if std::env::var_os("SNAPSHOT_UPDATE").is_some() {
        std::fs::write(FIXTURE, &made).unwrap();
    }
    let committed = std::fs::read(FIXTURE).expect("tests/fixtures/flux.xlsx");
    assert!(
        committed == made,
        "tests/fixtures/flux.xlsx differs from its rows: regenerate it with SNAPSHOT_UPDATE=1"
    );
}

#[test]
fn a_workbook_with_a_bad_row_imports_its_good_rows() {
    let bytes = std::fs::read(FIXTURE).unwrap();
    let project = demo::project();
    let p = flows::parse(&bytes, &project).unwrap();
    assert_eq!(
        p.source,
        Source::Xlsx {
            sheet: "Flux".into()
        }
    );
    assert_eq!(p.header_line, 3, "after the title and a blank row");
    assert_eq!(p.count(), (3, 0, 1));
    let RowOutcome::Error {
        line,
        column,
        message,
        ..
    } = &p.rows[2]
    else {
        panic!("{:?}", p.rows[2])
    };
    assert_eq!((*line, column.as_str()), (6, "Quantité"));
    assert_eq!(
        message.get(Lang::Fr),
        "ligne 6, colonne Quantité : « environ 300 » n'est pas un nombre (ex. 12,5)"
    );
    assert_eq!(
        message.get(Lang::En),
        "line 6, column Quantité: \"environ 300\" is not a number (e.g. 12.5)"
    );

    let ready = p.ready();
    let wood = ready[0];
    assert_eq!(wood.actor.as_str(), "a-4", "a SIRET typed as a number");
    assert_eq!(wood.category, Some(ResourceCategory::Wood));
    assert_eq!(
        wood.waste_code.as_deref(),
        Some("030105"),
        "its zero put back"
    );
    assert_eq!(wood.quantity.map(|q| q.value), Some(35.0));
    assert_eq!(wood.cost_eur_per_unit, Some(12.0));
    assert_eq!(wood.provenance, Some(Provenance::Measured));
    assert_eq!(
        wood.collected_on,
        Date::new(2026, 3, 12).ok(),
        "a date cell"
    );
    let RowOutcome::Ready { warnings, .. } = &p.rows[0] else {
        panic!()
    };
    assert!(
        warnings
            .iter()
            .any(|w| w.fr.contains("zéro initial rétabli"))
    );

    let grain = ready[1];
    assert_eq!(grain.actor.as_str(), "a-2");
    assert_eq!(
        grain.quantity.map(|q| (q.value, q.period)),
        Some((18.5, Period::Month))
    );
    assert_eq!(grain.months.numbers(), (3..=10).collect::<Vec<u8>>());
    assert_eq!(grain.confidentiality, Confidentiality::Anonymised);

    let heat = ready[2];
    assert_eq!(heat.actor.as_str(), "a-17");
    assert_eq!(heat.quality.temperature_c, Some(40.0));
    assert_eq!(heat.cost_eur_per_unit, Some(85.5));
    assert_eq!(heat.collected_on, Date::new(2026, 4, 2).ok());
    assert_eq!(heat.notes, "Estimée sur les factures de gaz");

    // The three good rows enter as one edit.
    let mut project = project;
    let before = project.flows.len();
    let command = p.command(&project);
    symbiose_core::edit::apply(&mut project, command).unwrap();
    assert_eq!(project.flows.len(), before + 3);
}

#[test]
fn an_empty_or_headerless_workbook_says_so() {
    let project = demo::project();
    let empty = xlsx::workbook("Feuil1", &[]);
    assert_eq!(
        flows::parse(&empty, &project),
        Err(ImportError::Empty(Items::Flows))
    );
    let other = xlsx::workbook(
        "Feuil1",
        &[
            vec![Text("Nom"), Text("Téléphone")],
            vec![Text("A"), Number(1.0)],
        ],
    );
    let e = flows::parse(&other, &project).unwrap_err();
    assert!(matches!(
        e,
        ImportError::NoHeader {
            what: Items::Flows,
            ..
        }
    ));
    assert!(e.message_in(Lang::Fr).contains("Nom, Téléphone"), "{e:?}");
    // A workbook cut short is refused as a workbook, with its reason.
    let bytes = std::fs::read(FIXTURE).unwrap();
    let cut = &bytes[..bytes.len() / 2];
    match table::read(cut) {
        Err(TableError::Xlsx(_)) => {}
        other => panic!("{other:?}"),
    }
}
