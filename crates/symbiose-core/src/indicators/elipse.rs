//! The programme's indicators as a funder reviews them, grouped as ELIPSE groups them.
//!
//! ELIPSE (OREE's national framework for evaluating EIT démarches, with ADEME; version 2 of
//! the référentiel) looks at a démarche along three axes: its governance, its economic model,
//! and its activities and results. This set follows those axes with what the project records:
//! the activity log and workshops (process), the synergies and their gains (results), the
//! roadmap's aids (economic model). It is aligned with ELIPSE, not ELIPSE's own list: each
//! indicator says how it is computed and from what.
//!
//! Unknown is not zero: a count drawn from the activity log is unknown while the log and the
//! workshops are empty, a sum of gains is unknown while no synergy gives a figure for it.

use serde::Serialize;

use super::Indicators;
use crate::charts::aid_follow_up;
use crate::model::{ActivityKind, Gains, Project, Stage, Synergy};
use crate::{Bilingual, Lang, labels};

/// ELIPSE's three axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Axis {
    Governance,
    EconomicModel,
    ActivitiesResults,
}

labels!(Axis {
    Governance => "Gouvernance", "Governance";
    EconomicModel => "Modèle économique", "Economic model";
    ActivitiesResults => "Activités et résultats", "Activities and results";
});

impl Axis {
    pub const ALL: [Axis; 3] = [
        Self::Governance,
        Self::EconomicModel,
        Self::ActivitiesResults,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ElipseIndicator {
    /// A stable key for files and the progress table (`site_visits`).
    pub code: &'static str,
    pub axis: Axis,
    pub label: Bilingual,
    /// `None`: nothing recorded yet to count it from.
    pub value: Option<f64>,
    pub unit: Bilingual,
    pub method: Bilingual,
    pub sources: Vec<Bilingual>,
}

/// Every indicator's code, in the set's order: what a baseline value may name.
pub const CODES: [&str; 31] = [
    "maturity",
    "steering_committees",
    "technical_committees",
    "funders",
    "facilitation_days",
    "savings_eur_per_year",
    "revenue_eur_per_year",
    "avoided_investment_eur",
    "investment_eur",
    "jobs_created",
    "jobs_kept",
    "aids_granted_eur",
    "aids_paid_eur",
    "companies_met",
    "site_visits",
    "interviews",
    "questionnaires_sent",
    "questionnaires_returned",
    "workshops",
    "workshop_participants",
    "resources_declared",
    "companies_engaged",
    "synergies_idea",
    "synergies_under_study",
    "synergies_negotiating",
    "synergies_implemented",
    "synergies_abandoned",
    "tonnes_per_year",
    "mwh_per_year",
    "m3_per_year",
    "tco2e_per_year",
];

/// One indicator's progress since the baseline year: the value recorded for that year, the
/// value now, and the change when both are known.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    pub code: &'static str,
    pub label: Bilingual,
    pub unit: Bilingual,
    pub baseline: Option<f64>,
    pub now: Option<f64>,
    pub change: Option<f64>,
}

/// The progress of every indicator that has a baseline value or a value now, in the set's
/// order. Baseline values are those the facilitator recorded for the baseline year
/// (`Territory::baseline_values`).
pub fn progress(p: &Project, set: &[ElipseIndicator]) -> Vec<Progress> {
    set.iter()
        .filter_map(|i| {
            let baseline = p.territory.baseline_of(i.code);
            (baseline.is_some() || i.value.is_some()).then(|| Progress {
                code: i.code,
                label: i.label.clone(),
                unit: i.unit.clone(),
                baseline,
                now: i.value,
                change: baseline.zip(i.value).map(|(b, n)| n - b),
            })
        })
        .collect()
}

/// Hours of facilitation in one day, to count days from the hours recorded (the legal working
/// day in France is 7 hours: 35 hours a week).
pub const HOURS_PER_DAY: f64 = 7.0;

fn b(fr: &str, en: &str) -> Bilingual {
    Bilingual::new(fr, en)
}

fn log_source() -> Bilingual {
    b(
        "Journal de mission et ateliers saisis dans le projet",
        "Mission log and workshops recorded in the project",
    )
}

fn gains_source() -> Bilingual {
    b(
        "Gains saisis pour chaque synergie mise en œuvre (mesurés, à défaut estimés)",
        "Gains entered for each implemented synergy (measured, else estimated)",
    )
}

/// Measured, else estimated, summed over the implemented synergies; `None` when none of them
/// gives the figure.
fn achieved(implemented: &[&Synergy], pick: fn(&Gains) -> Option<f64>) -> Option<f64> {
    implemented
        .iter()
        .filter_map(|s| pick(&s.measured).or_else(|| pick(&s.estimated)))
        .fold(None, |sum, v| Some(sum.unwrap_or(0.0) + v))
}

struct Row {
    code: &'static str,
    axis: Axis,
    label: (&'static str, &'static str),
    value: Option<f64>,
    unit: (&'static str, &'static str),
    method: (&'static str, &'static str),
    sources: Vec<Bilingual>,
}

impl Row {
    fn done(self) -> ElipseIndicator {
        ElipseIndicator {
            code: self.code,
            axis: self.axis,
            label: b(self.label.0, self.label.1),
            value: self.value,
            unit: b(self.unit.0, self.unit.1),
            method: b(self.method.0, self.method.1),
            sources: self.sources,
        }
    }
}

/// The set, axis by axis, in the order the dashboard, the CLI and the export show it.
pub fn elipse(p: &Project, dashboard: &Indicators) -> Vec<ElipseIndicator> {
    use Axis::*;
    let logged = !p.activities.is_empty() || !p.workshops.is_empty();
    let of = |kind: ActivityKind| p.activities.iter().filter(move |a| a.kind == kind);
    let count = |kind: ActivityKind| logged.then(|| of(kind).count() as f64);
    // A questionnaire entry may name the companies it went to: one questionnaire each, else one.
    let questionnaires = |kind: ActivityKind| {
        logged.then(|| of(kind).map(|a| a.actors.len().max(1) as f64).sum::<f64>())
    };
    let met = {
        let mut met: Vec<&str> = p
            .activities
            .iter()
            .filter(|a| {
                matches!(
                    a.kind,
                    ActivityKind::SiteVisit | ActivityKind::Interview | ActivityKind::Event
                )
            })
            .flat_map(|a| a.actors.iter().map(|x| x.as_str()))
            .chain(
                p.workshops
                    .iter()
                    .flat_map(|w| w.participants.iter().map(|x| x.as_str())),
            )
            .collect();
        met.sort_unstable();
        met.dedup();
        met.len()
    };
    let days = p.facilitation_hours().map(|h| h / HOURS_PER_DAY);
    let implemented: Vec<&Synergy> = p
        .synergies
        .iter()
        .filter(|s| s.stage == Stage::Implemented)
        .collect();
    let stage = |st: Stage| Some(p.synergies.iter().filter(|s| s.stage == st).count() as f64);
    let outcome = |i: usize| {
        dashboard
            .achieved
            .get(i)
            .and_then(|x| (x.with_data > 0).then_some(x.value))
    };
    let aids = aid_follow_up(&p.actions);
    let any_aid = p.actions.iter().any(|a| !a.funding.is_empty());
    let programme = || {
        b(
            "Actions de la feuille de route et leurs lignes de financement",
            "Roadmap actions and their funding lines",
        )
    };

    let stages = [
        (
            Stage::Idea,
            "synergies_idea",
            (
                "Synergies au stade de l'idée",
                "Synergies at the idea stage",
            ),
        ),
        (
            Stage::UnderStudy,
            "synergies_under_study",
            ("Synergies à l'étude", "Synergies under study"),
        ),
        (
            Stage::Negotiating,
            "synergies_negotiating",
            ("Synergies en négociation", "Synergies being negotiated"),
        ),
        (
            Stage::Implemented,
            "synergies_implemented",
            ("Synergies mises en œuvre", "Synergies implemented"),
        ),
        (
            Stage::Abandoned,
            "synergies_abandoned",
            ("Synergies abandonnées", "Synergies abandoned"),
        ),
    ];
    let synergy_unit = ("synergies", "synergies");
    let stage_method = (
        "Synergies suivies dont l'étape actuelle est celle-ci",
        "Synergies followed whose current stage is this one",
    );
    let mut rows = vec![
        Row {
            code: "maturity",
            axis: Governance,
            label: ("Maturité de la démarche", "Maturity of the démarche"),
            value: p.territory.maturity.map(|m| f64::from(m.level())),
            unit: ("niveau (1 à 4)", "level (1 to 4)"),
            method: (
                "Niveau évalué par l'animation dans les réglages du programme, d'après les quatre niveaux de maturité d'ELIPSE (gouvernance, modèle économique, activités et résultats)",
                "Level assessed by the facilitation in the programme settings, after ELIPSE's four maturity levels (governance, economic model, activities and results)",
            ),
            sources: vec![b(
                "Réglages du programme du projet",
                "The project's programme settings",
            )],
        },
        Row {
            code: "steering_committees",
            axis: Governance,
            label: ("Comités de pilotage tenus", "Steering committees held"),
            value: count(ActivityKind::SteeringCommittee),
            unit: ("réunions", "meetings"),
            method: (
                "Entrées « Comité de pilotage (COPIL) » du journal de mission",
                "\"Steering committee (COPIL)\" entries of the mission log",
            ),
            sources: vec![log_source()],
        },
        Row {
            code: "technical_committees",
            axis: Governance,
            label: ("Comités techniques tenus", "Technical committees held"),
            value: count(ActivityKind::TechnicalCommittee),
            unit: ("réunions", "meetings"),
            method: (
                "Entrées « Comité technique (COTECH) » du journal de mission",
                "\"Technical committee (COTECH)\" entries of the mission log",
            ),
            sources: vec![log_source()],
        },
        Row {
            code: "funders",
            axis: Governance,
            label: ("Financeurs du programme", "Funders of the programme"),
            value: (!p.territory.funders.is_empty()).then_some(p.territory.funders.len() as f64),
            unit: ("financeurs", "funders"),
            method: (
                "Financeurs nommés dans les réglages du programme",
                "Funders named in the programme settings",
            ),
            sources: vec![b(
                "Réglages du programme du projet",
                "The project's programme settings",
            )],
        },
        Row {
            code: "facilitation_days",
            axis: Governance,
            label: ("Jours d'animation", "Facilitation days"),
            value: days,
            unit: ("jours", "days"),
            method: (
                "Heures passées saisies pour chaque entrée du journal et chaque atelier (préparation et compte rendu compris), divisées par 7 heures par jour",
                "Hours spent entered for each log entry and each workshop (preparation and report included), divided by 7 hours a day",
            ),
            sources: vec![log_source()],
        },
        Row {
            code: "savings_eur_per_year",
            axis: EconomicModel,
            label: ("Économies réalisées", "Savings made"),
            value: outcome(4),
            unit: ("€/an", "€/yr"),
            method: (
                "Somme sur les synergies mises en œuvre des économies mesurées, à défaut estimées (achats et traitements évités)",
                "Sum over implemented synergies of the savings measured, else estimated (purchases and disposal avoided)",
            ),
            sources: vec![gains_source()],
        },
        Row {
            code: "revenue_eur_per_year",
            axis: EconomicModel,
            label: ("Recettes nouvelles", "New revenue"),
            value: achieved(&implemented, |g| g.revenue_eur_per_year),
            unit: ("€/an", "€/yr"),
            method: (
                "Somme sur les synergies mises en œuvre des recettes nouvelles mesurées, à défaut estimées (coproduits vendus)",
                "Sum over implemented synergies of the new revenue measured, else estimated (by-products sold)",
            ),
            sources: vec![gains_source()],
        },
        Row {
            code: "avoided_investment_eur",
            axis: EconomicModel,
            label: ("Investissements évités", "Investment avoided"),
            value: achieved(&implemented, |g| g.avoided_investment_eur),
            unit: ("€", "€"),
            method: (
                "Somme sur les synergies mises en œuvre des investissements évités (équipement partagé, chaudière non achetée)",
                "Sum over implemented synergies of the investment avoided (shared equipment, a boiler not bought)",
            ),
            sources: vec![gains_source()],
        },
        Row {
            code: "investment_eur",
            axis: EconomicModel,
            label: ("Investissements réalisés", "Investment made"),
            value: outcome(5),
            unit: ("€", "€"),
            method: (
                "Somme sur les synergies mises en œuvre des investissements réalisés",
                "Sum over implemented synergies of the investment made",
            ),
            sources: vec![gains_source()],
        },
        Row {
            code: "jobs_created",
            axis: EconomicModel,
            label: ("Emplois créés", "Jobs created"),
            value: outcome(6),
            unit: ("ETP", "FTE"),
            method: (
                "Somme sur les synergies mises en œuvre des emplois créés, mesurés à défaut estimés",
                "Sum over implemented synergies of the jobs created, measured else estimated",
            ),
            sources: vec![gains_source()],
        },
        Row {
            code: "jobs_kept",
            axis: EconomicModel,
            label: ("Emplois maintenus", "Jobs kept"),
            value: achieved(&implemented, |g| g.jobs_kept),
            unit: ("ETP", "FTE"),
            method: (
                "Somme sur les synergies mises en œuvre des emplois maintenus grâce à la synergie",
                "Sum over implemented synergies of the jobs the synergy kept",
            ),
            sources: vec![gains_source()],
        },
        Row {
            code: "aids_granted_eur",
            axis: EconomicModel,
            label: ("Aides accordées", "Aids granted"),
            value: any_aid.then_some(aids.total.granted),
            unit: ("€", "€"),
            method: (
                "Montants accordés des lignes de financement des actions (aides accordées ou versées)",
                "Amounts granted of the actions' funding lines (aids granted or paid)",
            ),
            sources: vec![programme()],
        },
        Row {
            code: "aids_paid_eur",
            axis: EconomicModel,
            label: ("Aides versées", "Aids paid"),
            value: any_aid.then_some(aids.total.paid),
            unit: ("€", "€"),
            method: (
                "Montants versés des lignes de financement des actions",
                "Amounts paid of the actions' funding lines",
            ),
            sources: vec![programme()],
        },
        Row {
            code: "companies_met",
            axis: ActivitiesResults,
            label: ("Entreprises rencontrées", "Companies met"),
            value: logged.then_some(met as f64),
            unit: ("entreprises", "companies"),
            method: (
                "Entreprises distinctes nommées dans une visite, un entretien, une réunion du journal ou un atelier",
                "Distinct companies named in a visit, an interview, a meeting of the log or a workshop",
            ),
            sources: vec![log_source()],
        },
        Row {
            code: "site_visits",
            axis: ActivitiesResults,
            label: ("Visites de site", "Site visits"),
            value: count(ActivityKind::SiteVisit),
            unit: ("visites", "visits"),
            method: (
                "Entrées « Visite de site » du journal de mission",
                "\"Site visit\" entries of the mission log",
            ),
            sources: vec![log_source()],
        },
        Row {
            code: "interviews",
            axis: ActivitiesResults,
            label: ("Entretiens", "Interviews"),
            value: count(ActivityKind::Interview),
            unit: ("entretiens", "interviews"),
            method: (
                "Entrées « Entretien » du journal de mission",
                "\"Interview\" entries of the mission log",
            ),
            sources: vec![log_source()],
        },
        Row {
            code: "questionnaires_sent",
            axis: ActivitiesResults,
            label: ("Questionnaires envoyés", "Questionnaires sent"),
            value: questionnaires(ActivityKind::QuestionnaireSent),
            unit: ("questionnaires", "questionnaires"),
            method: (
                "Entreprises nommées dans les entrées « Questionnaire envoyé » (une par entrée qui n'en nomme pas)",
                "Companies named in the \"Questionnaire sent\" entries (one per entry that names none)",
            ),
            sources: vec![log_source()],
        },
        Row {
            code: "questionnaires_returned",
            axis: ActivitiesResults,
            label: ("Questionnaires retournés", "Questionnaires returned"),
            value: questionnaires(ActivityKind::QuestionnaireReturned),
            unit: ("questionnaires", "questionnaires"),
            method: (
                "Entreprises nommées dans les entrées « Questionnaire retourné » (une par entrée qui n'en nomme pas)",
                "Companies named in the \"Questionnaire returned\" entries (one per entry that names none)",
            ),
            sources: vec![log_source()],
        },
        Row {
            code: "workshops",
            axis: ActivitiesResults,
            label: ("Ateliers tenus", "Workshops held"),
            value: logged.then_some(p.workshops.len() as f64),
            unit: ("ateliers", "workshops"),
            method: (
                "Ateliers notés dans la feuille de route",
                "Workshops recorded in the roadmap",
            ),
            sources: vec![log_source()],
        },
        Row {
            code: "workshop_participants",
            axis: ActivitiesResults,
            label: ("Participants aux ateliers", "Workshop participants"),
            value: logged.then(|| {
                p.workshops
                    .iter()
                    .map(|w| (w.participants.len() + w.other_participants.len()) as f64)
                    .sum()
            }),
            unit: ("participations", "attendances"),
            method: (
                "Somme sur les ateliers des entreprises présentes et des autres participants (une personne venue à deux ateliers compte deux fois)",
                "Sum over the workshops of the companies present and the other participants (someone at two workshops counts twice)",
            ),
            sources: vec![log_source()],
        },
        Row {
            code: "resources_declared",
            axis: ActivitiesResults,
            label: ("Ressources identifiées", "Resources identified"),
            value: Some(p.flows.len() as f64),
            unit: ("flux", "flows"),
            method: (
                "Flux déclarés (offres et besoins) des entreprises du projet",
                "Flows declared (offers and needs) by the project's companies",
            ),
            sources: vec![b(
                "Inventaire des flux du projet",
                "The project's flow inventory",
            )],
        },
        Row {
            code: "companies_engaged",
            axis: ActivitiesResults,
            label: (
                "Entreprises engagées dans une synergie",
                "Companies engaged in a synergy",
            ),
            value: Some(dashboard.actors_engaged as f64),
            unit: ("entreprises", "companies"),
            method: (
                "Entreprises distinctes parties prenantes d'au moins une synergie à l'étude, en négociation ou mise en œuvre",
                "Distinct companies party to at least one synergy under study, negotiating or implemented",
            ),
            sources: vec![b("Synergies suivies du projet", "The project's synergies")],
        },
    ];
    rows.extend(stages.into_iter().map(|(st, code, label)| Row {
        code,
        axis: ActivitiesResults,
        label,
        value: stage(st),
        unit: synergy_unit,
        method: stage_method,
        sources: vec![b("Synergies suivies du projet", "The project's synergies")],
    }));
    let outcomes = [
        (
            "tonnes_per_year",
            (
                "Tonnes détournées ou substituées",
                "Tonnes diverted or substituted",
            ),
            ("t/an", "t/yr"),
        ),
        (
            "mwh_per_year",
            (
                "Énergie échangée ou économisée",
                "Energy exchanged or saved",
            ),
            ("MWh/an", "MWh/yr"),
        ),
        (
            "m3_per_year",
            ("Eau économisée ou réutilisée", "Water saved or reused"),
            ("m³/an", "m³/yr"),
        ),
        (
            "tco2e_per_year",
            ("Émissions évitées", "Emissions avoided"),
            ("tCO₂e/an", "tCO₂e/yr"),
        ),
    ];
    let mut out: Vec<ElipseIndicator> = rows.into_iter().map(Row::done).collect();
    out.extend(
        outcomes
            .into_iter()
            .enumerate()
            .map(|(i, (code, label, unit))| {
                let figure = &dashboard.achieved[i];
                ElipseIndicator {
                    code,
                    axis: ActivitiesResults,
                    label: b(label.0, label.1),
                    value: (figure.with_data > 0).then_some(figure.value),
                    unit: b(unit.0, unit.1),
                    method: figure.method.clone(),
                    sources: figure.sources.clone(),
                }
            }),
    );
    // Axis by axis, each in the order written above.
    out.sort_by_key(|i| i.axis);
    out
}

/// A value as a table writes it: "—" when unknown.
pub fn value_text(i: &ElipseIndicator, lang: Lang) -> String {
    use crate::numbers::{Precision::Reading, number};
    i.value
        .map_or_else(|| "—".into(), |v| number(v, lang, Reading))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::factors::Factors;
    use crate::indicators::compute;

    #[test]
    fn the_demo_gives_every_axis_and_at_least_twenty_indicators() {
        let p = crate::demo::project();
        let set = compute(&p, Factors::bundled()).elipse;
        assert!(set.len() >= 20, "{}", set.len());
        let axes: Vec<Axis> = set.iter().map(|i| i.axis).collect();
        let mut sorted = axes.clone();
        sorted.sort();
        assert_eq!(axes, sorted, "grouped by axis");
        let get = |code: &str| set.iter().find(|i| i.code == code).unwrap().value;
        assert_eq!(get("site_visits"), Some(8.0));
        assert_eq!(get("questionnaires_sent"), Some(20.0));
        assert_eq!(get("questionnaires_returned"), Some(6.0));
        assert_eq!(get("steering_committees"), Some(1.0));
        assert_eq!(get("workshops"), Some(1.0));
        assert_eq!(get("workshop_participants"), Some(14.0));
        assert_eq!(get("maturity"), Some(2.0));
        // 6 + 8×3 + 4×1.5 + 4 + 6 + 4 hours logged, 16 in the workshop: 66 hours.
        assert_eq!(get("facilitation_days"), Some(66.0 / 7.0));
        assert_eq!(get("aids_granted_eur"), Some(6_000.0));
        // Visits, interviews and the workshop name 8 + 4 + 12 companies, some twice.
        assert!(get("companies_met").unwrap() >= 12.0);
        for i in &set {
            assert!(
                !i.method.fr.is_empty() && !i.method.en.is_empty(),
                "{}",
                i.code
            );
            assert!(!i.sources.is_empty(), "{}", i.code);
        }
        let mut codes: Vec<&str> = set.iter().map(|i| i.code).collect();
        assert_eq!(codes, CODES, "CODES lists every indicator in order");
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), set.len(), "codes are unique");
    }

    #[test]
    fn progress_pairs_the_baseline_with_now_for_every_indicator_with_data() {
        let mut p = crate::demo::project();
        p.territory.baseline_values = vec![
            crate::model::BaselineValue {
                indicator: "site_visits".into(),
                value: 3.0,
            },
            crate::model::BaselineValue {
                indicator: "tonnes_per_year".into(),
                value: 120.0,
            },
        ];
        let set = compute(&p, Factors::bundled()).elipse;
        let rows = progress(&p, &set);
        let row = |code: &str| rows.iter().find(|r| r.code == code);
        let visits = row("site_visits").unwrap();
        assert_eq!(
            (visits.baseline, visits.now, visits.change),
            (Some(3.0), Some(8.0), Some(5.0))
        );
        // Known then, unknown now: shown, without a change.
        let tonnes = row("tonnes_per_year").unwrap();
        assert_eq!(
            (tonnes.baseline, tonnes.now, tonnes.change),
            (Some(120.0), None, None)
        );
        // Neither: not a row.
        assert!(row("revenue_eur_per_year").is_none());
        assert!(row("resources_declared").is_some());
    }

    #[test]
    fn nothing_recorded_is_unknown_not_zero() {
        let p = Project::default();
        let set = compute(&p, Factors::bundled()).elipse;
        let get = |code: &str| set.iter().find(|i| i.code == code).unwrap().value;
        for code in [
            "site_visits",
            "companies_met",
            "facilitation_days",
            "maturity",
            "tonnes_per_year",
            "revenue_eur_per_year",
            "aids_granted_eur",
        ] {
            assert_eq!(get(code), None, "{code}");
        }
        assert_eq!(get("synergies_implemented"), Some(0.0));
        assert_eq!(get("resources_declared"), Some(0.0));
    }
}
