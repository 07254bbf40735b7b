//! Exports: CSV tables, GeoJSON, and the anonymised public copy that must leak nothing.

use serde_json::Value;
use symbiose_core::export::{self, public};
use symbiose_core::{
    ActionId, Actor, ActorId, Barrier, BarrierKind, Confidentiality, Date, Direction, Family, Flow,
    FlowId, FundingLine, FundingSource, Gains, IndicatorKind, Lang, Measurement, Period, Position,
    Project, Quantity, RoadmapAction, Siret, Stage, Synergy, SynergyId, SynergyKind, Unit,
    Workshop, WorkshopId,
};

const XSS_IMG: &str = "<img src=x onerror=alert(1)>";
const XSS_QUOTE: &str = "\"><script>";

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn flow(id: &str, actor: &str, label: &str, confidentiality: Confidentiality) -> Flow {
    Flow {
        id: FlowId::new(id),
        actor: ActorId::new(actor),
        label: label.into(),
        confidentiality,
        ..Flow::default()
    }
}

/// Three companies: two public ones with hostile names, one that confided private data.
fn project() -> Project {
    let mut secret_flow = flow("f-3", "a-3", "Solvant SECRETFLUX", Confidentiality::Private);
    secret_flow.cost_eur_per_unit = Some(987.654);
    let mut anonymised = flow(
        "f-4",
        "a-3",
        "Chaleur fatale de Distillerie Discrète",
        Confidentiality::Anonymised,
    );
    anonymised.family = Family::Energy;
    anonymised.cost_eur_per_unit = Some(31.4159);
    anonymised.notes = "NOTEFLUXSECRETE".into();
    anonymised.quantity = Some(Quantity::new(1200.0, Unit::MegawattHour, Period::Year));
    let mut cardboard = flow(
        "f-1",
        "a-1",
        "Cartons; \"propres\"",
        Confidentiality::Public,
    );
    cardboard.family = Family::Waste;
    cardboard.waste_code = Some("150101".into());
    cardboard.quantity = Some(Quantity::new(1234.5, Unit::Kilogram, Period::Month));
    cardboard.months = symbiose_core::Months::from_numbers([1, 2, 12]);
    let mut need = flow(
        "f-2",
        "a-2",
        "=HYPERLINK(\"http://x\")",
        Confidentiality::Public,
    );
    need.direction = Direction::Need;
    need.waste_code = Some("070104".into());

    Project {
        name: "ZA de Tragone".into(),
        actors: vec![
            Actor {
                id: ActorId::new("a-1"),
                name: XSS_IMG.into(),
                naf: Some("17.21A".into()),
                position: Some(Position::new(42.6166, 9.4408)),
                ..Actor::default()
            },
            Actor {
                id: ActorId::new("a-2"),
                name: XSS_QUOTE.into(),
                position: Some(Position::new(42.5, 9.5)),
                ..Actor::default()
            },
            Actor {
                id: ActorId::new("a-3"),
                name: "Distillerie Discrète".into(),
                siret: Some(Siret::parse("12002701600019").unwrap()),
                naf: Some("11.01Z".into()),
                address: "7 chemin Confidentiel".into(),
                contact: "marie.secret@example.org".into(),
                notes: "NOTEACTEURSECRETE".into(),
                tags: vec!["TAGINTERNE".into()],
                position: Some(Position::new(42.654321, 9.456789)),
                ..Actor::default()
            },
            Actor {
                id: ActorId::new("a-4"),
                name: "Sans position".into(),
                ..Actor::default()
            },
        ],
        flows: vec![cardboard, need, secret_flow, anonymised],
        synergies: vec![
            Synergy {
                id: SynergyId::new("s-1"),
                kind: SynergyKind::Substitution,
                title: "Chaleur de distillerie discrète pour le séchoir".into(),
                flows: vec![FlowId::new("f-4")],
                actors: vec![ActorId::new("a-3"), ActorId::new("a-1")],
                stage: Stage::UnderStudy,
                estimated: Gains {
                    tco2e_per_year: Some(42.5),
                    eur_per_year: Some(55555.0),
                    investment_eur: Some(44444.0),
                    ..Gains::default()
                },
                barriers: vec![Barrier {
                    kind: BarrierKind::Economic,
                    note: "NOTEFREINSECRETE".into(),
                }],
                next_step: "Appeler marie.secret@example.org".into(),
                notes: "NOTESYNERGIESECRETE".into(),
                ..Synergy::default()
            },
            Synergy {
                id: SynergyId::new("s-2"),
                title: "Reprise du SYNERGIEPRIVEE".into(),
                flows: vec![FlowId::new("f-3"), FlowId::new("f-2")],
                actors: vec![ActorId::new("a-3"), ActorId::new("a-2")],
                ..Synergy::default()
            },
        ],
        actions: vec![RoadmapAction {
            id: ActionId::new("r-1"),
            title: "Étude avec DISTILLERIE DISCRÈTE".into(),
            synergy: Some(SynergyId::new("s-1")),
            owner: "Distillerie Discrète".into(),
            start: Some(date("2025-03-01")),
            investment_eur: Some(77777.0),
            operating_eur_per_year: Some(88888.0),
            funding: vec![FundingLine {
                source: FundingSource::Ademe,
                amount_eur: 66666.0,
                note: "NOTEFINANCEMENT".into(),
            }],
            notes: "NOTEACTIONSECRETE".into(),
            ..RoadmapAction::default()
        }],
        measurements: vec![Measurement {
            indicator: IndicatorKind::Tco2ePerYear,
            date: date("2025-12-31"),
            value: 12.75,
            note: "NOTEMESURESECRETE".into(),
        }],
        workshops: vec![Workshop {
            id: WorkshopId::new("w-1"),
            title: "Atelier".into(),
            other_participants: vec!["Jean PARTICIPANTSECRET".into()],
            notes: "NOTEATELIER".into(),
            ..Workshop::default()
        }],
        ..Project::default()
    }
}

fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{FEFF}').expect("BOM first");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

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
        measured[1][..3],
        ["tCO₂e avoided per year", "2025-12-31", "12.75"]
    );
    let actions = read_csv(&export::csv::actions(&p, Lang::Fr));
    let col = |name: &str| actions[0].iter().position(|h| h == name).unwrap();
    assert_eq!(actions[1][col("début")], "01/03/2025");
    assert_eq!(actions[1][col("financements €")], "66666");
    assert_eq!(
        actions[1][col("synergie")],
        "Chaleur de distillerie discrète pour le séchoir"
    );
}

#[test]
fn geojson_structure_and_coordinate_order() {
    let text = export::geojson::project(&project());
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["type"], "FeatureCollection");
    let features = json["features"].as_array().unwrap();
    let points: Vec<&Value> = features
        .iter()
        .filter(|f| f["geometry"]["type"] == "Point")
        .collect();
    // The actor without a position is left out.
    assert_eq!(points.len(), 3);
    assert_eq!(points[0]["type"], "Feature");
    assert_eq!(
        points[0]["geometry"]["coordinates"],
        serde_json::json!([9.4408, 42.6166])
    );
    assert_eq!(points[0]["properties"]["name"], XSS_IMG);
    assert_eq!(points[0]["properties"]["sector"], "C");
    assert_eq!(points[0]["properties"]["offers"], 1);
    assert_eq!(points[1]["properties"]["name"], XSS_QUOTE);
    for p in &points {
        assert!(
            p["properties"]
                .as_object()
                .unwrap()
                .values()
                .all(|v| !v.is_object() && !v.is_array())
        );
    }
    let lines: Vec<&Value> = features
        .iter()
        .filter(|f| f["geometry"]["type"] == "LineString")
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0]["geometry"]["coordinates"],
        serde_json::json!([[9.456789, 42.654321], [9.4408, 42.6166]])
    );
    assert_eq!(lines[0]["properties"]["kind"], "substitution");
    assert_eq!(lines[0]["properties"]["stage"], "under_study");
    assert_eq!(lines[0]["properties"]["stage_label"], "À l'étude");
    // The hostile names are JSON strings, never raw markup.
    assert!(!text.contains("\"\"><script>"));
    assert!(text.contains("\\\"><script>"));
}

#[test]
fn public_copy_renames_and_drops() {
    let public = public::anonymise(&project());
    let hidden = public.actor(&ActorId::new("a-3")).unwrap();
    assert_eq!(
        hidden.name,
        "Entreprise du secteur Industrie manufacturière"
    );
    assert_eq!(hidden.position, Some(Position::new(42.65, 9.46)));
    assert_eq!((hidden.siret.as_ref(), hidden.naf.as_ref()), (None, None));
    assert_eq!(public.actor(&ActorId::new("a-1")).unwrap().name, XSS_IMG);
    assert_eq!(public.flows.len(), 3, "the private flow is gone");
    assert_eq!(public.synergies.len(), 1, "the synergy using it too");
    assert_eq!(public.synergies[0].estimated.tco2e_per_year, Some(42.5));
    assert_eq!(
        public.actions[0].title,
        "Étude avec Entreprise du secteur Industrie manufacturière"
    );
    let english = public::anonymise_in(&project(), Lang::En);
    assert_eq!(
        english.actor(&ActorId::new("a-3")).unwrap().name,
        "A company in Manufacturing"
    );
}

#[test]
fn public_exports_leak_nothing() {
    let public = public::anonymise(&project());
    let mut outputs = vec![
        export::geojson::project(&public),
        export::geojson::project_in(&public, Lang::En),
        serde_json::to_string(&public).unwrap(),
    ];
    for lang in [Lang::Fr, Lang::En] {
        outputs.push(export::csv::actors(&public, lang));
        outputs.push(export::csv::flows(&public, lang));
        outputs.push(export::csv::synergies(&public, lang));
        outputs.push(export::csv::actions(&public, lang));
        outputs.push(export::csv::measurements(&public, lang));
    }
    let secrets = [
        "Distillerie",
        "DISTILLERIE",
        "distillerie",
        "12002701600019",
        "120 027 016 00019",
        "Confidentiel",
        "marie.secret",
        "NOTE",
        "TAGINTERNE",
        "SECRETFLUX",
        "SYNERGIEPRIVEE",
        "987,654",
        "987.654",
        "31,4159",
        "31.4159",
        "55555",
        "44444",
        "77777",
        "88888",
        "66666",
        "42.654321",
        "42,654321",
        "9.456789",
        "9,456789",
        "PARTICIPANTSECRET",
        "11.01Z",
    ];
    for (i, out) in outputs.iter().enumerate() {
        for secret in secrets {
            assert!(!out.contains(secret), "output {i} leaks {secret:?}:\n{out}");
        }
    }
    // The same exports of the unanonymised project do hold them: the test looks where it should.
    let raw =
        export::csv::flows(&project(), Lang::Fr) + &export::csv::actions(&project(), Lang::Fr);
    for secret in ["SECRETFLUX", "987,654", "77777", "66666", "Distillerie"] {
        assert!(raw.contains(secret), "{secret}");
    }
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
