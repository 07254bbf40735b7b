//! The "Bilan de fin de mission"'s follow-up: what the mission log adds up to, and the
//! indicators a funder reviews grouped by ELIPSE's axes (`indicators::elipse`).

use super::doc::{Cell, Doc};
use crate::Lang;
use crate::indicators::Indicators;
use crate::indicators::elipse::{Axis, HOURS_PER_DAY, progress, value_text};
use crate::model::Project;
use crate::numbers::{Precision::Reading, number};

/// One row per kind of activity recorded: how many entries, the companies they name, the hours.
pub fn activity_log(d: &mut Doc, p: &Project, lang: Lang) {
    let rows: Vec<Vec<Cell>> = p
        .log_totals()
        .into_iter()
        .map(|(kind, entries, companies, hours)| {
            vec![
                Cell::text(kind.label(lang)),
                Cell::number(entries.to_string()),
                Cell::number(companies.to_string()),
                Cell::number(number(hours, lang, Reading)),
            ]
        })
        .collect();
    if rows.is_empty() {
        d.p(lang.pick(
            "Aucune activité n'est notée au journal de mission.",
            "No activity is recorded in the mission log.",
        ));
        return;
    }
    d.table(
        &[
            lang.pick("Activité", "Activity"),
            lang.pick("Entrées", "Entries"),
            lang.pick("Entreprises nommées", "Companies named"),
            lang.pick("Heures", "Hours"),
        ],
        rows,
    );
    let hours = p.facilitation_hours().unwrap_or(0.0);
    d.note(&match lang {
        Lang::Fr => format!(
            "Temps d'animation noté, ateliers compris : {} h, soit {} jours de {} h.",
            number(hours, lang, Reading),
            number(hours / HOURS_PER_DAY, lang, Reading),
            HOURS_PER_DAY
        ),
        Lang::En => format!(
            "Facilitation time recorded, workshops included: {} h, that is {} days of {} h.",
            number(hours, lang, Reading),
            number(hours / HOURS_PER_DAY, lang, Reading),
            HOURS_PER_DAY
        ),
    });
}

/// Value at the baseline year, now, and the change, for every indicator with data.
pub fn progress_table(d: &mut Doc, p: &Project, ind: &Indicators, lang: Lang) {
    let rows = progress(p, &ind.elipse);
    let year = p
        .territory
        .baseline_year
        .map_or_else(|| "?".to_string(), |y| y.to_string());
    let figure = |v: Option<f64>| Cell::number(v.map_or("—".into(), |v| number(v, lang, Reading)));
    d.table(
        &[
            lang.pick("Indicateur", "Indicator"),
            &format!("{} {year}", lang.pick("Référence", "Baseline")),
            lang.pick("Aujourd'hui", "Now"),
            lang.pick("Évolution", "Change"),
            lang.pick("Unité", "Unit"),
        ],
        rows.iter()
            .map(|r| {
                let change = r.change.map(|c| {
                    let sign = if c > 0.0 { "+" } else { "" };
                    format!("{sign}{}", number(c, lang, Reading))
                });
                vec![
                    Cell::text(r.label.get(lang)),
                    figure(r.baseline),
                    figure(r.now),
                    Cell::number(change.unwrap_or_else(|| "—".into())),
                    Cell::text(r.unit.get(lang)),
                ]
            })
            .collect::<Vec<_>>(),
    );
    d.note(lang.pick(
        "Référence : la valeur notée pour l'année de référence du programme (tableau de bord) ; aujourd'hui : la valeur calculée du projet ; « — » : rien de noté.",
        "Baseline: the value recorded for the programme's baseline year (dashboard); now: the project's computed value; \"—\": nothing recorded.",
    ));
}

/// The ELIPSE-aligned set, one table per axis.
pub fn elipse(d: &mut Doc, ind: &Indicators, lang: Lang) {
    for axis in Axis::ALL {
        d.h3(axis.label(lang));
        d.table(
            &[
                lang.pick("Indicateur", "Indicator"),
                lang.pick("Valeur", "Value"),
                lang.pick("Unité", "Unit"),
                lang.pick("Méthode", "Method"),
            ],
            ind.elipse
                .iter()
                .filter(|i| i.axis == axis)
                .map(|i| {
                    vec![
                        Cell::text(i.label.get(lang)),
                        Cell::number(value_text(i, lang)),
                        Cell::text(i.unit.get(lang)),
                        Cell::text(i.method.get(lang)),
                    ]
                })
                .collect::<Vec<_>>(),
        );
    }
    d.note(lang.pick(
        "Indicateurs rangés selon les trois axes du référentiel ELIPSE (OREE, avec l'ADEME) ; « — » : rien n'est noté pour les compter.",
        "Indicators grouped by the three axes of the ELIPSE framework (OREE, with ADEME); \"—\": nothing recorded to count them from.",
    ));
}
