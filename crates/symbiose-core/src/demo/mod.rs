//! The demonstration project: a FICTIONAL activity zone on real Corsican ground, between
//! Biguglia and Furiani (Haute-Corse), shown on a first visit.
//!
//! Every company, SIRET, address and figure is invented. SIRENs are `99999xxx` + a check digit,
//! a range INSEE has not reached (recent real SIRENs do start with 9, so "starts with 9" alone
//! would not be safe); only the check digits are computed, so that they pass the Luhn check. The zone holds real opportunities a detection engine should
//! find (wood → biomass boiler, spent grain → feed, biowaste → composting, surplus heat →
//! greenhouses, cardboard → shared collection) and a few synergies already in the pipeline.
//!
//! `build()` makes it in code; `data/demo_za.json` is its saved file (regenerate with
//! `cargo run -p symbiose-core --example make_demo > crates/symbiose-core/data/demo_za.json`;
//! a test fails when the two differ).

use crate::format;
use crate::model::*;

mod pilot;
mod tables;

pub use pilot::pilot;

pub const DEMO_JSON: &str = include_str!("../../data/demo_za.json");

/// The stored demonstration, through the one load path.
pub fn project() -> Project {
    format::load_project(DEMO_JSON)
        .expect("the bundled demonstration loads (tested)")
        .value
}

/// A SIRET for the `n`-th fictional company: SIREN `9…` and NIC with Luhn check digits.
fn fictional_siret(n: usize) -> Siret {
    let luhn_digit = |body: &str| -> u32 {
        (0..10)
            .find(|d| crate::model::luhn_ok(&format!("{body}{d}")))
            .expect("one digit completes a Luhn number")
    };
    // 999 99x xxx: far from the ranges INSEE issues today (new SIRENs already start with 9).
    let siren8 = format!("99999{n:03}");
    let siren = format!("{siren8}{}", luhn_digit(&siren8));
    let nic4 = format!("{siren}0001");
    Siret::parse(&format!("{nic4}{}", luhn_digit(&nic4))).expect("built to pass")
}

fn months(list: &[u8]) -> Months {
    if list.is_empty() {
        Months::ALL_YEAR
    } else {
        Months::from_numbers(list.iter().copied())
    }
}

pub fn build() -> Project {
    let actors: Vec<Actor> = tables::COMPANIES
        .iter()
        .enumerate()
        .map(|(i, c)| Actor {
            id: ActorId::new(format!("a-{}", i + 1)),
            name: c.name.into(),
            siret: Some(fictional_siret(i + 1)),
            naf: Some(c.naf.into()),
            headcount: HeadcountBand::from_insee(c.headcount),
            address: c.address.into(),
            commune: Some(c.commune.into()),
            position: Some(Position::new(c.lat, c.lon)),
            contact: String::new(),
            tags: c.tags.iter().map(|t| t.to_string()).collect(),
            notes: "Entreprise fictive (démonstration).".into(),
        })
        .collect();
    let flows: Vec<Flow> = tables::FLOWS
        .iter()
        .enumerate()
        .map(|(i, f)| Flow {
            id: FlowId::new(format!("f-{}", i + 1)),
            actor: ActorId::new(format!("a-{}", f.company)),
            direction: f.direction,
            family: f.family,
            label: f.label.into(),
            category: Some(f.category),
            waste_code: f.waste_code.map(str::to_string),
            quantity: Some(Quantity::new(f.quantity, f.unit, f.period)),
            months: months(f.months),
            quality: Quality {
                state: f.state,
                temperature_c: f.temperature,
                ..Default::default()
            },
            route: f.route,
            cost_eur_per_unit: f.cost,
            confidentiality: f.confidentiality,
            provenance: None,
            collected_on: None,
            collected_by: String::new(),
            notes: String::new(),
        })
        .collect();
    Project {
        name: "ZA de démonstration Marana – Furiani (fictive)".into(),
        territory: Territory {
            kind: TerritoryKind::ActivityZone,
            communes: vec![
                CommuneRef {
                    insee: "2B037".into(),
                    name: "Biguglia".into(),
                },
                CommuneRef {
                    insee: "2B120".into(),
                    name: "Furiani".into(),
                },
            ],
            epci: Some(EpciRef {
                siren: "200036499".into(),
                name: "CC de Marana-Golo".into(),
            }),
            perimeter: Vec::new(),
            phase: ProgrammePhase::Diagnostic,
            track: ProgrammeTrack::NewTerritory,
            start_year: Some(2025),
            baseline_year: Some(2025),
            maturity: Some(Maturity::Launched),
            // At the launch, before any visit: nothing collected, nothing engaged.
            baseline_values: ["resources_declared", "companies_engaged", "synergies_implemented"]
                .into_iter()
                .map(|code| BaselineValue {
                    indicator: code.into(),
                    value: 0.0,
                })
                .collect(),
            facilitator: "Animatrice EIT de la CC de Marana-Golo (fictive)".into(),
            funders: vec!["ADEME".into(), "Office de l'Environnement de la Corse".into()],
            notes: "Zone fictive placée sur les communes réelles de Biguglia (CC de Marana-Golo, qui porte le programme) et Furiani (CA de Bastia, partenaire), pour démonstration.".into(),
        },
        actors,
        flows,
        synergies: tables::synergies(),
        actions: tables::actions(),
        targets: tables::targets(),
        measurements: tables::measurements(),
        workshops: tables::workshops(),
        activities: tables::activities(),
        assumptions: AssumptionChoices::default(),
        public_copy: false,
    }
}

#[cfg(test)]
mod tests;

/// The demo and its detection with the project's assumptions: what tests of what is shown start from.
#[cfg(test)]
pub(crate) fn detected() -> (Project, crate::detect::Detection) {
    let p = project();
    let d = crate::detect::detect(
        &p,
        &crate::detect::Assumptions::for_project(&p),
        crate::factors::Factors::bundled(),
        &crate::kb::KnowledgeBase::full(),
    );
    (p, d)
}
