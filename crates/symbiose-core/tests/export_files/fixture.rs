//! The fixture: a small zone with hostile names and a company that confided private data.

use symbiose_core::{
    ActionId, Actor, ActorId, Barrier, BarrierKind, CompanySize, Confidentiality, Date, Direction,
    Family, Flow, FlowId, FundingLine, FundingSource, Gains, IndicatorKind, Measurement, Period,
    Position, Project, Quantity, RoadmapAction, Siret, Stage, Synergy, SynergyId, SynergyKind,
    Unit, Workshop, WorkshopId,
};

pub const XSS_IMG: &str = "<img src=x onerror=alert(1)>";
pub const XSS_QUOTE: &str = "\"><script>";

pub fn date(s: &str) -> Date {
    s.parse().unwrap()
}

pub fn flow(id: &str, actor: &str, label: &str, confidentiality: Confidentiality) -> Flow {
    Flow {
        id: FlowId::new(id),
        actor: ActorId::new(actor),
        label: label.into(),
        confidentiality,
        ..Flow::default()
    }
}

/// Three companies: two public ones with hostile names, one that confided private data.
pub fn project() -> Project {
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
            eligible_eur: Some(99_990.0),
            beneficiary_size: Some(CompanySize::Medium),
            funding: vec![FundingLine {
                note: "NOTEFINANCEMENT".into(),
                ..FundingLine::planned(FundingSource::Ademe, 66666.0)
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

pub fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{FEFF}').expect("BOM first");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}
