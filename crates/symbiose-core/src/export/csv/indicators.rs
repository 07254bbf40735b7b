//! The dashboard as a table: one row per indicator, what was achieved next to what the pipeline
//! could add, with the method and sources funders ask for.

use super::Table;
use crate::factors::Factors;
use crate::indicators::{self, Indicator};
use crate::model::{IndicatorKind, Project, Stage};
use crate::{Bilingual, Lang};

/// The indicators of [`crate::indicators::compute`] with `factors` (the bundled ones, or those
/// the facilitator edited), then the companies engaged and the synergies implemented.
///
/// "Achieved" sums implemented synergies (measured, else estimated); "potential" sums the
/// estimates of synergies still in the pipeline. The "with figure" and "without figure" counts
/// say how many synergies each sum rests on, because a missing figure is not a zero.
pub fn indicators(p: &Project, factors: &Factors, lang: Lang) -> String {
    let mut t = Table::new(
        lang,
        &[
            ("indicateur", "indicator"),
            ("atteint", "achieved"),
            ("potentiel", "potential"),
            ("unité", "unit"),
            (
                "atteint : synergies chiffrées",
                "achieved: synergies with a figure",
            ),
            (
                "atteint : synergies sans chiffre",
                "achieved: synergies without a figure",
            ),
            ("atteint : chiffres mesurés", "achieved: measured figures"),
            (
                "potentiel : synergies chiffrées",
                "potential: synergies with a figure",
            ),
            (
                "potentiel : synergies sans chiffre",
                "potential: synergies without a figure",
            ),
            ("méthode (atteint)", "method (achieved)"),
            ("méthode (potentiel)", "method (potential)"),
            ("sources", "sources"),
        ],
    );
    let dashboard = indicators::compute(p, factors);
    for achieved in &dashboard.achieved {
        let potential = dashboard.potential.iter().find(|i| i.kind == achieved.kind);
        let count = |n: usize| t.number(Some(n as f64));
        let sources: Vec<&str> = achieved.sources.iter().map(|s| s.get(lang)).collect();
        t.row(vec![
            t.text(achieved.label.get(lang)),
            t.number(Some(achieved.value)),
            t.number(potential.map(|i| i.value)),
            t.text(unit(achieved, lang)),
            count(achieved.with_data),
            count(achieved.without_data),
            count(achieved.measured),
            potential.map_or(String::new(), |i| count(i.with_data)),
            potential.map_or(String::new(), |i| count(i.without_data)),
            t.text(achieved.method.get(lang)),
            t.text(potential.map_or("", |i| i.method.get(lang))),
            t.text(&sources.join(" | ")),
        ]);
    }
    let counted = |s: Stage| p.synergies.iter().filter(|x| x.stage == s).count();
    let pipeline = [Stage::Idea, Stage::UnderStudy, Stage::Negotiating].map(counted);
    let implemented = Bilingual::new(
        "Nombre de synergies à l'étape « Mise en œuvre » ; potentiel : celles à l'étape idée, étude ou négociation",
        "Number of synergies at the \"Implemented\" stage; potential: those at the idea, study or negotiation stage",
    );
    let counts = [
        (
            IndicatorKind::ActorsEngaged,
            dashboard.actors_engaged,
            None,
            &dashboard.actors_engaged_method,
            ("entreprises", "companies"),
        ),
        (
            IndicatorKind::SynergiesImplemented,
            counted(Stage::Implemented),
            Some(pipeline.iter().sum::<usize>()),
            &implemented,
            ("synergies", "synergies"),
        ),
    ];
    for (kind, value, potential, method, (unit_fr, unit_en)) in counts {
        let mut row = vec![
            t.text(kind.label(lang)),
            t.number(Some(value as f64)),
            t.number(potential.map(|v| v as f64)),
            t.text(lang.pick(unit_fr, unit_en)),
        ];
        row.extend(std::iter::repeat_n(String::new(), 5));
        row.extend([t.text(method.get(lang)), String::new(), String::new()]);
        t.row(row);
    }
    t.finish()
}

/// The core states units in French (`t/an`, `ETP`); English readers get `t/yr` and `FTE`.
fn unit(i: &Indicator, lang: Lang) -> &'static str {
    match (lang, i.unit) {
        (Lang::Fr, u) => u,
        (Lang::En, "t/an") => "t/yr",
        (Lang::En, "MWh/an") => "MWh/yr",
        (Lang::En, "m³/an") => "m³/yr",
        (Lang::En, "tCO₂e/an") => "tCO₂e/yr",
        (Lang::En, "€/an") => "€/yr",
        (Lang::En, "ETP") => "FTE",
        (Lang::En, u) => u,
    }
}

/// The ELIPSE-aligned set ([`crate::indicators::elipse`]), in the dashboard's order: axis,
/// code, indicator, value (empty when nothing is recorded to count it from), the value recorded
/// for the baseline year and the change since, unit, method and sources.
pub fn elipse(p: &Project, factors: &Factors, lang: Lang) -> String {
    let mut t = Table::new(
        lang,
        &[
            ("axe ELIPSE", "ELIPSE axis"),
            ("code", "code"),
            ("indicateur", "indicator"),
            ("valeur", "value"),
            ("valeur de référence", "baseline value"),
            ("évolution", "change"),
            ("unité", "unit"),
            ("méthode", "method"),
            ("sources", "sources"),
        ],
    );
    for i in indicators::compute(p, factors).elipse {
        let sources: Vec<&str> = i.sources.iter().map(|s| s.get(lang)).collect();
        let baseline = p.territory.baseline_of(i.code);
        t.row(vec![
            t.text(i.axis.label(lang)),
            t.text(i.code),
            t.text(i.label.get(lang)),
            t.number(i.value),
            t.number(baseline),
            t.number(baseline.zip(i.value).map(|(b, n)| n - b)),
            t.text(i.unit.get(lang)),
            t.text(i.method.get(lang)),
            t.text(&sources.join(" ; ")),
        ]);
    }
    t.finish()
}
