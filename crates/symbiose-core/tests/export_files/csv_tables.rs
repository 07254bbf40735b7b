//! CSV tables: French spreadsheet conventions, quoting, formula guard, the import round trip.

use symbiose_core::export;
use symbiose_core::{Lang, Project};

use crate::fixture::{XSS_IMG, XSS_QUOTE, project, read_csv};

#[test]
fn flows_csv_in_french() {
    let text = export::csv::flows(&project(), Lang::Fr);
    assert!(text.starts_with("\u{FEFF}id;entreprise;sens;famille;libellé;"));
    assert!(text.ends_with("\r\n"));
    assert_eq!(
        text.matches("\r\n").count(),
        5,
        "header and 4 flows, CRLF each"
    );
    let rows = read_csv(&text);
    let col = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let cardboard = &rows[1];
    assert_eq!(cardboard[col("entreprise")], XSS_IMG);
    assert_eq!(cardboard[col("libellé")], "Cartons; \"propres\"");
    assert_eq!(cardboard[col("code déchet")], "15 01 01");
    assert_eq!(
        cardboard[col("libellé déchet")],
        "emballages en papier/carton"
    );
    assert_eq!(cardboard[col("dangereux")], "non");
    assert_eq!(cardboard[col("quantité")], "1234,5");
    assert_eq!(cardboard[col("unité")], "kg");
    assert_eq!(cardboard[col("période")], "mois");
    // 1234.5 kg a month is 14.814 t a year.
    assert_eq!(cardboard[col("quantité annuelle")], "14,814");
    assert_eq!(cardboard[col("unité annuelle")], "t/an");
    assert_eq!(cardboard[col("mois")], "1 2 12");
    // A hazardous code, and a label a spreadsheet would run as a formula.
    assert_eq!(rows[2][col("dangereux")], "oui");
    assert_eq!(rows[2][col("code déchet")], "07 01 04*");
    assert_eq!(rows[2][col("libellé")], "'=HYPERLINK(\"http://x\")");
    assert_eq!(rows[2][col("entreprise")], XSS_QUOTE);
    assert_eq!(rows[3][col("coût €/unité")], "987,654");
    assert!(
        text.contains(";\"\"\"><script>\";"),
        "quoted verbatim: {text}"
    );
}

#[test]
fn every_table_in_english() {
    let p = project();
    let flows = export::csv::flows(&p, Lang::En);
    assert!(flows.starts_with("\u{FEFF}id;company;direction;family;label;"));
    assert!(flows.contains(";1234.5;kg;month;14.814;t/yr;"));
    let actors = read_csv(&export::csv::actors(&p, Lang::En));
    assert_eq!(actors[0][..3], ["id", "name", "siret"]);
    assert_eq!(actors.len(), 5);
    assert_eq!(actors[1][1], XSS_IMG);
    assert_eq!(actors[3][2], "12002701600019");
    let synergies = read_csv(&export::csv::synergies(&p, Lang::En));
    assert_eq!(synergies[1][4], format!("Distillerie Discrète, {XSS_IMG}"));
    let measured = read_csv(&export::csv::measurements(&p, Lang::En));
    assert_eq!(
        measured[1][..4],
        [
            "Emissions avoided per year",
            "2025-12-31",
            "12.75",
            "tCO₂e/yr"
        ]
    );
    let actions = read_csv(&export::csv::actions(&p, Lang::Fr));
    let col = |name: &str| actions[0].iter().position(|h| h == name).unwrap();
    assert_eq!(actions[1][col("début")], "01/03/2025");
    assert_eq!(actions[1][col("financements total €")], "66666");
    assert_eq!(
        actions[1][col("synergie")],
        "Chaleur de distillerie discrète pour le séchoir"
    );
}

/// The actors table is a superset of the import template (nom, siret, naf, adresse, commune,
/// latitude, longitude), so a facilitator can move companies from one project to another.
#[test]
fn exported_actors_import_back() {
    use symbiose_core::import::companies::{self, CsvFormat};
    let p = project();
    for lang in [Lang::Fr, Lang::En] {
        let text = export::csv::actors(&p, lang);
        let preview = companies::parse(text.as_bytes(), &Project::default()).unwrap();
        assert_eq!(preview.format, CsvFormat::Template);
        assert_eq!(preview.count(), (p.actors.len(), 0, 0), "{lang:?}");
        let back = preview.ready();
        for (a, b) in p.actors.iter().zip(&back) {
            assert_eq!(
                (&a.name, &a.siret, &a.naf, &a.address, &a.position),
                (&b.name, &b.siret, &b.naf, &b.address, &b.position)
            );
        }
    }
}

#[test]
fn roadmap_funding_summed_per_source_with_remaining_cost() {
    use symbiose_core::{ActionId, FundingLine, FundingSource, RoadmapAction};
    let line = |source, amount_eur| FundingLine::planned(source, amount_eur);
    let mut p = project();
    p.actions = vec![
        RoadmapAction {
            id: ActionId::new("r-1"),
            investment_eur: Some(30_000.0),
            funding: vec![
                line(FundingSource::Ademe, 10_000.0),
                line(FundingSource::Epci, 2_000.0),
                line(FundingSource::Ademe, 5_000.5),
            ],
            ..RoadmapAction::default()
        },
        RoadmapAction {
            id: ActionId::new("r-2"),
            funding: vec![line(FundingSource::Companies, 1_000.0)],
            ..RoadmapAction::default()
        },
        RoadmapAction {
            id: ActionId::new("r-3"),
            investment_eur: Some(8_000.0),
            ..RoadmapAction::default()
        },
    ];
    let rows = read_csv(&export::csv::actions(&p, Lang::Fr));
    let col = |name: &str| rows[0].iter().position(|h| h == name).expect(name);
    let cells = |row: usize, names: &[&str]| -> Vec<String> {
        names.iter().map(|n| rows[row][col(n)].clone()).collect()
    };
    let money = [
        "financement ADEME €",
        "financement OEC ou autre agence régionale €",
        "financement EPCI €",
        "financement Entreprises €",
        "financement Autre €",
        "financements total €",
        "reste à charge €",
    ];
    assert_eq!(
        cells(1, &money),
        ["15000,5", "", "2000", "", "", "17000,5", "12999,5"]
    );
    // Unknown investment: no remaining cost is made up; no funding: everything remains.
    assert_eq!(cells(2, &money), ["", "", "", "1000", "", "1000", ""]);
    assert_eq!(cells(3, &money), ["", "", "", "", "", "", "8000"]);
    let english = read_csv(&export::csv::actions(&p, Lang::En));
    let en_col = |name: &str| english[0].iter().position(|h| h == name).expect(name);
    assert_eq!(english[1][en_col("funding ADEME €")], "15000.5");
    assert_eq!(english[1][en_col("remaining cost €")], "12999.5");
}

/// An aid's way from the plan to the payment, as the funder's sheets read it: one row per
/// funding line with its steps, and the follow-up tables with the refusals apart.
#[test]
fn aids_one_row_per_line_and_tables_by_funder_and_year() {
    use symbiose_core::{
        ActionId, AidKind, AidStatus, Date, FundingLine, FundingSource, RoadmapAction,
    };
    let d = |s: &str| s.parse::<Date>().unwrap();
    let mut p = project();
    p.actions = vec![RoadmapAction {
        id: ActionId::new("r-1"),
        title: "Étude réseau de chaleur".into(),
        start: Some(d("2026-03-01")),
        investment_eur: Some(30_000.0),
        eligible_eur: Some(30_000.0),
        aid_kind: Some(AidKind::Study),
        funding: vec![
            FundingLine {
                status: AidStatus::Paid,
                requested_on: Some(d("2026-02-01")),
                granted_on: Some(d("2026-05-04")),
                granted_eur: Some(14_000.0),
                paid_on: Some(d("2027-01-20")),
                paid_eur: Some(7_000.0),
                ..FundingLine::planned(FundingSource::Ademe, 15_000.0)
            },
            FundingLine {
                status: AidStatus::Refused,
                ..FundingLine::planned(FundingSource::Epci, 3_000.0)
            },
        ],
        ..RoadmapAction::default()
    }];
    let rows = read_csv(&export::csv::aids(&p, Lang::Fr));
    let col = |name: &str| rows[0].iter().position(|h| h == name).expect(name);
    assert_eq!(rows.len(), 3);
    let ademe: Vec<&str> = [
        "financeur",
        "type d'aide",
        "montant demandé € HT",
        "statut",
        "accordée le",
        "montant accordé €",
        "versée le",
        "montant versé €",
    ]
    .iter()
    .map(|n| rows[1][col(n)].as_str())
    .collect();
    assert_eq!(
        ademe,
        [
            "ADEME",
            "Étude / AMO",
            "15000",
            "Versée",
            "04/05/2026",
            "14000",
            "20/01/2027",
            "7000"
        ]
    );
    assert_eq!(rows[2][col("statut")], "Refusée");
    assert_eq!(rows[2][col("montant accordé €")], "");

    let actions = read_csv(&export::csv::actions(&p, Lang::Fr));
    let acol = |name: &str| actions[0].iter().position(|h| h == name).expect(name);
    assert_eq!(actions[1][acol("aides €")], "14000");
    assert_eq!(actions[1][acol("taux d'aide %")], "46,7");
    assert_eq!(actions[1][acol("dépense éligible € HT")], "30000");

    let tables = read_csv(&export::csv::aid_tables(&p, Lang::En));
    let line = |table: &str, row: &str| -> Vec<String> {
        tables
            .iter()
            .find(|r| r[0] == table && r[1] == row)
            .unwrap_or_else(|| panic!("{table} {row}"))[2..]
            .to_vec()
    };
    assert_eq!(line("by funder", "ADEME"), ["15000", "14000", "7000"]);
    assert_eq!(line("by funder", "EPCI"), ["0", "0", "0"]);
    assert_eq!(line("by year", "2026"), ["15000", "14000", "0"]);
    assert_eq!(line("by year", "2027"), ["0", "0", "7000"]);
    assert_eq!(line("total", ""), ["15000", "14000", "7000"]);
    assert_eq!(line("refused aids", "1"), ["3000", "", ""]);
}

#[test]
fn indicators_table_matches_the_dashboard() {
    use symbiose_core::factors::Factors;
    use symbiose_core::numbers::{Precision::Exact, number};
    let p = symbiose_core::demo::build();
    let factors = Factors::bundled();
    let dashboard = symbiose_core::indicators::compute(&p, factors);
    let rows = read_csv(&export::csv::indicators(&p, factors, Lang::Fr));
    assert_eq!(
        rows[0][..4],
        ["indicateur", "atteint", "potentiel", "unité"]
    );
    assert_eq!(rows.len(), 1 + dashboard.achieved.len() + 2);
    let col = |name: &str| rows[0].iter().position(|h| h == name).expect(name);
    for (row, (achieved, potential)) in rows[1..]
        .iter()
        .zip(dashboard.achieved.iter().zip(&dashboard.potential))
    {
        assert_eq!(row[0], achieved.label.fr);
        assert_eq!(row[1], number(achieved.value, Lang::Fr, Exact));
        assert_eq!(row[2], number(potential.value, Lang::Fr, Exact));
        assert_eq!(row[3], achieved.unit);
        assert_eq!(
            row[col("atteint : synergies sans chiffre")],
            achieved.without_data.to_string()
        );
        assert_eq!(row[col("méthode (atteint)")], achieved.method.fr);
        assert_eq!(row[col("méthode (potentiel)")], potential.method.fr);
        for source in &achieved.sources {
            assert!(row[col("sources")].contains(&source.fr), "{}", source.fr);
        }
    }
    // The demo has figures in the pipeline, so the test compares real numbers, not zeros.
    assert!(dashboard.potential.iter().any(|i| i.value > 0.0));
    let co2 = rows
        .iter()
        .find(|r| r[0] == "Émissions évitées par an")
        .unwrap();
    assert!(co2[col("sources")].contains(" | "), "several sources");
    let engaged = &rows[rows.len() - 2];
    assert_eq!(engaged[0], "Entreprises engagées");
    assert_eq!(engaged[1], dashboard.actors_engaged.to_string());
    let implemented = rows.last().unwrap();
    assert_eq!(implemented[0], "Synergies mises en œuvre");
    assert_eq!(implemented[1], dashboard.by_stage[3].synergies.to_string());

    let english = read_csv(&export::csv::indicators(&p, factors, Lang::En));
    assert_eq!(
        english[1][..4],
        [
            "Tonnes diverted or substituted per year".to_string(),
            number(dashboard.achieved[0].value, Lang::En, Exact),
            number(dashboard.potential[0].value, Lang::En, Exact),
            "t/yr".to_string(),
        ]
    );
    assert!(english.iter().any(|r| r[3] == "FTE"));
}

#[test]
fn formula_cells_are_neutralised_in_every_table() {
    let mut p = project();
    let hostile = ["=cmd|' /C calc'!A0", "+33 6 12", "-2+3", "@SUM(A1:A9)"];
    for (actor, name) in p.actors.iter_mut().zip(hostile) {
        actor.name = name.into();
    }
    p.flows[0].label = "-1+1".into();
    p.synergies[0].title = "@titre".into();
    p.actions[0].owner = "+porteur".into();
    p.measurements[0].note = "=note".into();
    let actors = read_csv(&export::csv::actors(&p, Lang::Fr));
    let names: Vec<&str> = actors[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(
        names,
        ["'=cmd|' /C calc'!A0", "'+33 6 12", "'-2+3", "'@SUM(A1:A9)"]
    );
    let flows = read_csv(&export::csv::flows(&p, Lang::Fr));
    assert_eq!(flows[1][4], "'-1+1");
    assert_eq!(
        flows[1][1], "'=cmd|' /C calc'!A0",
        "names inside other tables too"
    );
    assert_eq!(
        read_csv(&export::csv::synergies(&p, Lang::Fr))[1][2],
        "'@titre"
    );
    assert_eq!(
        read_csv(&export::csv::actions(&p, Lang::Fr))[1][3],
        "'+porteur"
    );
    assert_eq!(
        read_csv(&export::csv::measurements(&p, Lang::Fr))[1][4],
        "'=note"
    );
    // Numbers are not text: a negative cost stays a number a spreadsheet can sum.
    p.flows[0].cost_eur_per_unit = Some(-12.5);
    let flows = read_csv(&export::csv::flows(&p, Lang::Fr));
    assert_eq!(flows[1][16], "-12,5");
}
