//! The second demonstration: a FICTIONAL pilot territory followed since 2015, on the same
//! invented companies as the activity-zone demo, ten years on. Its 2015 action plan was carried
//! out in part (actions done and paid, one abandoned, one to relaunch), three synergies run and
//! are measured every year, and the plan relaunched in 2026 asks for phases 3 and 4. So the
//! dashboard, the aid tables and the Bilan's progress table show real content on first open.
//!
//! Every figure is invented. It is made from the activity-zone demo at run time (a few
//! kilobytes of code, not a second bundled file); `data/demo_pilot.json` is its saved file, for
//! the command line (`symbiose indicators crates/symbiose-core/data/demo_pilot.json`).

use super::project;
use crate::model::*;

fn d(s: &str) -> Date {
    s.parse().expect("a valid demo date")
}

fn change(stage: Stage, date: &str, note: &str) -> StageChange {
    StageChange {
        stage,
        date: d(date),
        note: note.into(),
    }
}

fn gains(t: f64, mwh: Option<f64>, co2: f64, eur: f64, jobs: Option<f64>) -> Gains {
    Gains {
        tonnes_per_year: Some(t),
        mwh_per_year: mwh,
        tco2e_per_year: Some(co2),
        eur_per_year: Some(eur),
        jobs,
        ..Default::default()
    }
}

/// An aid paid in full: requested on the first of the month before its grant.
fn paid(source: FundingSource, amount: f64, granted: &str, paid: &str) -> FundingLine {
    let g = d(granted);
    let requested = if g.month == 1 {
        Date::new(g.year - 1, 12, 1)
    } else {
        Date::new(g.year, g.month - 1, 1)
    };
    FundingLine {
        status: AidStatus::Paid,
        requested_on: requested.ok(),
        granted_on: Some(d(granted)),
        paid_on: Some(d(paid)),
        ..FundingLine::planned(source, amount)
    }
}

/// The pilot territory.
pub fn pilot() -> Project {
    let mut p = project();
    p.name = "Territoire pilote de la Marana (fictif, suivi depuis 2015)".into();
    let t = &mut p.territory;
    t.kind = TerritoryKind::Epci;
    t.track = ProgrammeTrack::Pilot;
    t.phase = ProgrammePhase::Implementation;
    t.start_year = Some(2015);
    t.baseline_year = Some(2015);
    t.maturity = Some(Maturity::Developing);
    t.funders = vec![
        "ADEME".into(),
        "Office de l'Environnement de la Corse".into(),
        "CC de Marana-Golo".into(),
    ];
    t.notes = "Territoire pilote fictif, sur les entreprises inventées de la démonstration, suivi depuis le diagnostic de 2015.".into();
    // In 2015, before the programme: the first inventory, nothing exchanged yet.
    t.baseline_values = [
        ("resources_declared", 52.0),
        ("companies_engaged", 0.0),
        ("synergies_implemented", 0.0),
        ("tonnes_per_year", 0.0),
        ("tco2e_per_year", 0.0),
        ("savings_eur_per_year", 0.0),
    ]
    .into_iter()
    .map(|(code, value)| BaselineValue {
        indicator: code.into(),
        value,
    })
    .collect();

    // The three synergies of the ZA demo, implemented years ago and measured since.
    let implemented = [
        (
            "2016-03-10",
            "2016-10-04",
            "2017-05-15",
            gains(85.0, None, 12.0, 11_000.0, Some(0.5)),
        ),
        (
            "2016-03-10",
            "2017-02-01",
            "2017-09-01",
            gains(240.0, None, 21.0, 17_500.0, Some(1.0)),
        ),
        (
            "2017-11-20",
            "2018-06-12",
            "2019-10-01",
            gains(0.0, Some(1_900.0), 410.0, 96_000.0, Some(2.0)),
        ),
    ];
    for (s, (idea, study, done, measured)) in p.synergies.iter_mut().zip(implemented) {
        s.stage = Stage::Implemented;
        s.history = vec![
            change(Stage::Idea, idea, "Atelier du programme pilote"),
            change(Stage::UnderStudy, study, ""),
            change(Stage::Implemented, done, "Convention signée"),
        ];
        s.estimated = measured;
        s.measured = measured;
        s.measured.tonnes_per_year = measured.tonnes_per_year.filter(|t| *t > 0.0);
        s.next_step = "Suivi annuel des quantités".into();
    }
    if let Some(heat) = p.synergies.get_mut(2) {
        heat.measured.avoided_investment_eur = Some(180_000.0);
        heat.measured.jobs_kept = Some(4.0);
    }
    if let Some(grain) = p.synergies.first_mut() {
        grain.measured.revenue_eur_per_year = Some(6_500.0);
    }

    // Measured every year: tonnes, emissions and synergies running.
    let series: [(i32, f64, f64, f64); 11] = [
        (2015, 0.0, 0.0, 0.0),
        (2016, 0.0, 0.0, 0.0),
        (2017, 160.0, 18.0, 2.0),
        (2018, 300.0, 30.0, 2.0),
        (2019, 310.0, 180.0, 3.0),
        (2020, 280.0, 390.0, 3.0),
        (2021, 305.0, 420.0, 3.0),
        (2022, 318.0, 431.0, 3.0),
        (2023, 322.0, 440.0, 3.0),
        (2024, 325.0, 441.0, 3.0),
        (2025, 325.0, 443.0, 3.0),
    ];
    p.measurements = series
        .iter()
        .flat_map(|(year, t, co2, n)| {
            let date = d(&format!("{year}-12-31"));
            [
                (IndicatorKind::TonnesPerYear, *t),
                (IndicatorKind::Tco2ePerYear, *co2),
                (IndicatorKind::SynergiesImplemented, *n),
            ]
            .map(|(indicator, value)| Measurement {
                indicator,
                date,
                value,
                note: if *year == 2015 {
                    "Année de référence".into()
                } else {
                    String::new()
                },
            })
        })
        .collect();
    p.targets = vec![
        Target {
            indicator: IndicatorKind::TonnesPerYear,
            year: 2028,
            value: 500.0,
        },
        Target {
            indicator: IndicatorKind::SynergiesImplemented,
            year: 2028,
            value: 6.0,
        },
    ];

    // The 2015 plan, as carried out, then the plan relaunched in 2026.
    let plan_2015 = "Plan d'actions 2015";
    let plan_2026 = "Plan relancé 2026";
    p.actions = vec![
        RoadmapAction {
            id: ActionId::new("r-1"),
            title: "Animation du programme pilote 2015-2018".into(),
            owner: "CC de Marana-Golo".into(),
            phase: ProgrammePhase::Accompaniment,
            field: InterventionField::FacilitationConsulting,
            start: Some(d("2015-09-01")),
            end: Some(d("2018-12-31")),
            status: ActionStatus::Done,
            investment_eur: Some(0.0),
            operating_eur_per_year: Some(35_000.0),
            eligible_eur: Some(140_000.0),
            aid_kind: Some(AidKind::Facilitation),
            funding: vec![
                paid(FundingSource::Ademe, 70_000.0, "2015-07-10", "2019-03-15"),
                paid(
                    FundingSource::RegionalAgency,
                    28_000.0,
                    "2015-07-10",
                    "2019-04-02",
                ),
            ],
            origin: plan_2015.into(),
            ..Default::default()
        },
        RoadmapAction {
            id: ActionId::new("r-2"),
            title: "Réseau de chaleur du datacentre vers les serres".into(),
            synergy: Some(SynergyId::new("s-3")),
            owner: "Serres de Casatorra".into(),
            partners: vec!["Datacentre Tyrrhénien".into()],
            phase: ProgrammePhase::Implementation,
            field: InterventionField::RenewableEnergy,
            start: Some(d("2018-09-01")),
            end: Some(d("2019-09-30")),
            status: ActionStatus::Done,
            investment_eur: Some(420_000.0),
            eligible_eur: Some(380_000.0),
            aid_kind: Some(AidKind::Investment),
            beneficiary_size: Some(CompanySize::Small),
            funding: vec![
                paid(FundingSource::Ademe, 152_000.0, "2018-06-20", "2019-12-10"),
                paid(
                    FundingSource::RegionalAgency,
                    76_000.0,
                    "2018-07-03",
                    "2020-02-14",
                ),
            ],
            origin: plan_2015.into(),
            ..Default::default()
        },
        RoadmapAction {
            id: ActionId::new("r-3"),
            title: "Plateforme de compostage partagée".into(),
            owner: "Compostière du Nebbio".into(),
            phase: ProgrammePhase::Implementation,
            field: InterventionField::EnvironmentalProject,
            start: Some(d("2017-01-01")),
            end: Some(d("2017-12-31")),
            status: ActionStatus::Cancelled,
            investment_eur: Some(95_000.0),
            notes: "Abandonnée en 2017 : terrain non disponible.".into(),
            origin: plan_2015.into(),
            ..Default::default()
        },
        RoadmapAction {
            id: ActionId::new("r-4"),
            title: "Achats groupés d'emballages".into(),
            owner: "Club d'entreprises de la Marana".into(),
            phase: ProgrammePhase::Accompaniment,
            field: InterventionField::BehaviourChange,
            start: Some(d("2016-01-01")),
            status: ActionStatus::ToRelaunch,
            investment_eur: Some(0.0),
            notes: "Engagée en 2016, arrêtée faute d'animation ; reprise dans le plan 2026.".into(),
            origin: plan_2015.into(),
            ..Default::default()
        },
        RoadmapAction {
            id: ActionId::new("r-5"),
            title: "Extension du réseau de chaleur à la cuisine centrale".into(),
            synergy: Some(SynergyId::new("s-3")),
            owner: "Serres de Casatorra".into(),
            partners: vec!["Cuisine centrale de Furiani".into()],
            phase: ProgrammePhase::Implementation,
            field: InterventionField::RenewableEnergy,
            start: Some(d("2026-09-01")),
            end: Some(d("2027-06-30")),
            status: ActionStatus::Planned,
            investment_eur: Some(160_000.0),
            eligible_eur: Some(150_000.0),
            aid_kind: Some(AidKind::Investment),
            beneficiary_size: Some(CompanySize::Small),
            funding: vec![
                FundingLine {
                    status: AidStatus::Requested,
                    requested_on: Some(d("2026-05-04")),
                    ..FundingLine::planned(FundingSource::Ademe, 60_000.0)
                },
                FundingLine::planned(FundingSource::RegionalAgency, 30_000.0),
            ],
            origin: plan_2026.into(),
            ..Default::default()
        },
        RoadmapAction {
            id: ActionId::new("r-6"),
            title: "Bilan de la démarche 2015-2026 et éco-communication".into(),
            owner: "CC de Marana-Golo".into(),
            phase: ProgrammePhase::Bilan,
            field: InterventionField::FacilitationConsulting,
            start: Some(d("2026-10-01")),
            end: Some(d("2027-03-31")),
            status: ActionStatus::Planned,
            investment_eur: Some(24_000.0),
            eligible_eur: Some(24_000.0),
            aid_kind: Some(AidKind::Study),
            funding: vec![FundingLine {
                status: AidStatus::Granted,
                requested_on: Some(d("2026-04-15")),
                granted_on: Some(d("2026-06-30")),
                ..FundingLine::planned(FundingSource::Ademe, 16_800.0)
            }],
            origin: plan_2026.into(),
            ..Default::default()
        },
    ];

    // Ten years of committees, and the visits of the 2026 relaunch.
    let mut log: Vec<Activity> = (2015..=2025)
        .map(|year| Activity {
            kind: ActivityKind::SteeringCommittee,
            date: Some(d(&format!("{year}-11-15"))),
            title: format!("Comité de pilotage {year}"),
            people: vec![
                "ADEME".into(),
                "Office de l'Environnement de la Corse".into(),
            ],
            hours: Some(6.0),
            ..Default::default()
        })
        .collect();
    log.extend(
        p.activities
            .iter()
            .filter(|a| a.kind == ActivityKind::SiteVisit)
            .map(|a| Activity {
                date: a.date.and_then(|x| Date::new(2026, x.month, x.day).ok()),
                title: "Visite de relance du plan".into(),
                ..a.clone()
            }),
    );
    for (i, a) in log.iter_mut().enumerate() {
        a.id = ActivityId::new(format!("m-{}", i + 1));
    }
    p.activities = log;
    for w in &mut p.workshops {
        w.title = "Atelier de relance : dix ans de synergies, et après ?".into();
        w.date = Some(d("2026-03-10"));
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::factors::Factors;
    use crate::indicators::compute;
    use crate::indicators::elipse::progress;

    #[test]
    fn the_pilot_loads_and_shows_ten_years_of_results() {
        let p = pilot();
        let r = crate::validate::validate(&p);
        assert!(r.is_valid(), "{:?}", r.errors);
        assert!(
            !r.warnings.iter().any(|w| w.path.ends_with(".phase")),
            "every action of the 2026 plan is in a phase the pilot track funds, or done: {:?}",
            r.warnings
        );
        let ind = compute(&p, Factors::bundled());
        assert!(ind.elipse.len() >= 20);
        let get = |code: &str| ind.elipse.iter().find(|i| i.code == code).unwrap().value;
        assert!(get("tonnes_per_year").unwrap() > 0.0);
        assert_eq!(get("synergies_implemented"), Some(3.0));
        assert!(get("aids_paid_eur").unwrap() > 300_000.0);
        assert_eq!(get("steering_committees"), Some(11.0));
        let rows = progress(&p, &ind.elipse);
        let tonnes = rows.iter().find(|r| r.code == "tonnes_per_year").unwrap();
        assert_eq!(tonnes.baseline, Some(0.0));
        assert!(tonnes.change.unwrap() > 0.0);
        let statuses: Vec<ActionStatus> = p.actions.iter().map(|a| a.status).collect();
        for s in [
            ActionStatus::Done,
            ActionStatus::Cancelled,
            ActionStatus::ToRelaunch,
        ] {
            assert!(statuses.contains(&s), "{s:?}");
        }
    }

    #[test]
    fn the_saved_file_is_what_pilot_makes() {
        let text = include_str!("../../data/demo_pilot.json");
        assert_eq!(
            crate::format::load_project(text).unwrap().value,
            pilot(),
            "regenerate data/demo_pilot.json: cargo run -p symbiose-core --example make_demo -- --pilot"
        );
    }
}
