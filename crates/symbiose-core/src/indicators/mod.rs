//! Dashboard indicators from the synergies the group follows: tonnes, MWh, m³, tCO2e, €,
//! € invested and jobs per year, actors engaged and synergies by stage. Every figure says how
//! it was computed and from what, because funders read the method as closely as the number.

pub mod elipse;

use serde::Serialize;

use crate::detect::Assumptions;
use crate::factors::Factors;
use crate::model::{Gains, IndicatorKind, Project, Stage, Synergy};
use crate::numbers::{Precision, number};
use crate::{Bilingual, bilingual};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    pub kind: IndicatorKind,
    pub label: Bilingual,
    pub value: f64,
    pub unit: &'static str,
    /// Synergies that gave a figure for it, and those that did not (unknown is not zero).
    pub with_data: usize,
    pub without_data: usize,
    /// How many figures were measured rather than estimated.
    pub measured: usize,
    pub method: Bilingual,
    pub sources: Vec<Bilingual>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageCount {
    pub stage: Stage,
    pub label: Bilingual,
    pub synergies: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicators {
    /// Gains of implemented synergies: measured where measured, else estimated.
    pub achieved: Vec<Indicator>,
    /// Estimated gains of synergies still in the pipeline (idea to negotiating).
    pub potential: Vec<Indicator>,
    pub by_stage: Vec<StageCount>,
    pub actors_engaged: usize,
    pub actors_engaged_method: Bilingual,
    /// The full set a funder reviews, grouped by ELIPSE's axes ([`elipse::elipse`]).
    pub elipse: Vec<elipse::ElipseIndicator>,
}

type Pick = fn(&Gains) -> Option<f64>;

const FIGURES: [(IndicatorKind, &str, Pick); 7] = [
    (IndicatorKind::TonnesPerYear, "t/an", |g| g.tonnes_per_year),
    (IndicatorKind::MwhPerYear, "MWh/an", |g| g.mwh_per_year),
    (IndicatorKind::M3PerYear, "m³/an", |g| g.m3_per_year),
    (IndicatorKind::Tco2ePerYear, "tCO₂e/an", |g| {
        g.tco2e_per_year
    }),
    (IndicatorKind::EurPerYear, "€/an", |g| g.eur_per_year),
    (IndicatorKind::InvestmentEur, "€", |g| g.investment_eur),
    (IndicatorKind::Jobs, "ETP", |g| g.jobs),
];

fn label(kind: IndicatorKind) -> Bilingual {
    Bilingual::from_fn(|l| kind.label(l))
}

/// Sources behind a figure: what the user typed, and for CO2e the factors and assumptions the
/// detection estimates of this territory use (not every factor of the table: a Corsican
/// project's dashboard cites fuel oil and the island mix, not natural gas).
fn sources(kind: IndicatorKind, factors: &Factors, asm: &Assumptions) -> Vec<Bilingual> {
    let mut out = vec![Bilingual::new(
        "Gains saisis pour chaque synergie (mesurés, ou estimés à la prise en charge d'une proposition)",
        "Gains entered for each synergy (measured, or estimated when a proposal was taken up)",
    )];
    if kind == IndicatorKind::Tco2ePerYear {
        out.extend(
            asm.factor_keys()
                .into_iter()
                .map(|k| factors.get(k).citation()),
        );
        if asm.replaced_heat_fuel.is_boiler_fuel() {
            out.push(bilingual!(
                |l| "Chaleur récupérée : combustible évité = chaleur ÷ rendement {} de la chaudière remplacée (hypothèse modifiable)",
                "Recovered heat: fuel avoided = heat ÷ efficiency {} of the replaced boiler (editable assumption)",
                number(asm.boiler_efficiency, l, Precision::Exact)
            ));
        }
        out.push(Bilingual::new(
            "Non compté par les estimations : la matière vierge évitée (pas de facteur « bénéfices » dans la table)",
            "Not counted by the estimates: avoided virgin material (no \"benefits\" factor in the table)",
        ));
    }
    out
}

fn sum(
    kind: IndicatorKind,
    unit: &'static str,
    pick: Pick,
    synergies: &[&Synergy],
    prefer_measured: bool,
    (factors, asm): (&Factors, &Assumptions),
) -> Indicator {
    let (mut value, mut with_data, mut measured) = (0.0, 0usize, 0usize);
    for s in synergies {
        let figure = if prefer_measured {
            pick(&s.measured)
                .inspect(|_| measured += 1)
                .or_else(|| pick(&s.estimated))
        } else {
            pick(&s.estimated)
        };
        if let Some(v) = figure {
            value += v;
            with_data += 1;
        }
    }
    let method = if prefer_measured {
        Bilingual::new(
            "Somme sur les synergies mises en œuvre de la valeur mesurée, à défaut de l'estimation",
            "Sum over implemented synergies of the measured value, else the estimate",
        )
    } else {
        Bilingual::new(
            "Somme des gains estimés des synergies en cours (idée, étude, négociation)",
            "Sum of the estimated gains of synergies in progress (idea, study, negotiation)",
        )
    };
    Indicator {
        kind,
        label: label(kind),
        value,
        unit,
        with_data,
        without_data: synergies.len() - with_data,
        measured,
        method,
        sources: sources(kind, factors, asm),
    }
}

/// The dashboard of a project.
pub fn compute(project: &Project, factors: &Factors) -> Indicators {
    let asm = Assumptions::for_project(project);
    let implemented: Vec<&Synergy> = project
        .synergies
        .iter()
        .filter(|s| s.stage == Stage::Implemented)
        .collect();
    let pipeline: Vec<&Synergy> = project
        .synergies
        .iter()
        .filter(|s| !matches!(s.stage, Stage::Implemented | Stage::Abandoned))
        .collect();
    let achieved = FIGURES
        .iter()
        .map(|(k, u, p)| sum(*k, u, *p, &implemented, true, (factors, &asm)))
        .collect();
    let potential = FIGURES
        .iter()
        .map(|(k, u, p)| sum(*k, u, *p, &pipeline, false, (factors, &asm)))
        .collect();
    let by_stage = Stage::ALL
        .iter()
        .map(|st| StageCount {
            stage: *st,
            label: Bilingual::from_fn(|l| st.label(l)),
            synergies: project.synergies.iter().filter(|s| s.stage == *st).count(),
        })
        .collect();
    let mut engaged: Vec<&str> = project
        .synergies
        .iter()
        .filter(|s| s.stage >= Stage::UnderStudy && s.stage != Stage::Abandoned)
        .flat_map(|s| s.actors.iter().map(|a| a.as_str()))
        .collect();
    engaged.sort_unstable();
    engaged.dedup();
    let mut out = Indicators {
        achieved,
        potential,
        by_stage,
        actors_engaged: engaged.len(),
        actors_engaged_method: Bilingual::new(
            "Entreprises distinctes parties prenantes d'au moins une synergie à l'étude, en négociation ou mise en œuvre",
            "Distinct companies party to at least one synergy under study, negotiating or implemented",
        ),
        elipse: Vec::new(),
    };
    out.elipse = elipse::elipse(project, &out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorId, SynergyId};

    fn synergy(
        id: &str,
        stage: Stage,
        actors: &[&str],
        estimated: Gains,
        measured: Gains,
    ) -> Synergy {
        Synergy {
            id: SynergyId::new(id),
            stage,
            actors: actors.iter().map(|a| ActorId::new(*a)).collect(),
            estimated,
            measured,
            ..Synergy::default()
        }
    }

    #[test]
    fn measured_wins_unknown_is_not_zero_and_stages_count() {
        let g = |t: Option<f64>, co2: Option<f64>| Gains {
            tonnes_per_year: t,
            tco2e_per_year: co2,
            ..Gains::default()
        };
        let project = Project {
            synergies: vec![
                synergy(
                    "s-1",
                    Stage::Implemented,
                    &["a-1", "a-2"],
                    g(Some(100.0), Some(5.0)),
                    g(Some(80.0), None),
                ),
                synergy(
                    "s-2",
                    Stage::Implemented,
                    &["a-2", "a-3"],
                    g(Some(20.0), None),
                    Gains::default(),
                ),
                synergy(
                    "s-3",
                    Stage::UnderStudy,
                    &["a-4", "a-1"],
                    g(Some(7.0), Some(1.0)),
                    Gains::default(),
                ),
                synergy(
                    "s-4",
                    Stage::Idea,
                    &["a-5"],
                    g(Some(3.0), None),
                    Gains::default(),
                ),
                synergy(
                    "s-5",
                    Stage::Abandoned,
                    &["a-6"],
                    g(Some(50.0), None),
                    Gains::default(),
                ),
            ],
            ..Project::default()
        };
        let ind = compute(&project, Factors::bundled());
        let tonnes = &ind.achieved[0];
        assert_eq!(tonnes.value, 100.0, "80 measured + 20 estimated");
        assert_eq!((tonnes.with_data, tonnes.measured), (2, 1));
        let co2 = &ind.achieved[3];
        assert_eq!((co2.value, co2.with_data, co2.without_data), (5.0, 1, 1));
        assert!(co2.sources.iter().any(|s| s.fr.contains("Base Empreinte")
            || s.fr.contains("arrêté")
            || s.fr.contains("Arrêté")));
        assert_eq!(ind.potential[0].value, 10.0);
        assert_eq!(
            ind.by_stage.iter().map(|s| s.synergies).collect::<Vec<_>>(),
            vec![1, 1, 0, 2, 1]
        );
        assert_eq!(
            ind.actors_engaged, 4,
            "a-1..a-4; a-5 is only an idea, a-6 abandoned"
        );
        assert!(!tonnes.method.fr.is_empty() && !tonnes.method.en.is_empty());
    }
}
