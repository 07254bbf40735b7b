//! The funder's portfolio as one sheet: the follow-up indicators of each territory and their
//! sum, then the aids of every roadmap by funder and by year.

use super::Table;
use crate::Lang;
use crate::charts::AidAmounts;
use crate::portfolio::{Portfolio, not_summed};

/// One step of an aid (planned, granted, paid) read from the amounts.
type Step = fn(&AidAmounts) -> f64;

pub fn portfolio(pf: &Portfolio, lang: Lang) -> String {
    let mut headers: Vec<String> = [
        ("axe ELIPSE", "ELIPSE axis"),
        ("code", "code"),
        ("indicateur", "indicator"),
        ("unité", "unit"),
    ]
    .iter()
    .map(|(fr, en)| lang.pick(fr, en).to_string())
    .collect();
    headers.extend(pf.territories.iter().cloned());
    headers.push(lang.pick("total", "total").to_string());
    let mut t = Table::with_names(lang, headers);
    let blanks = pf.territories.len();
    for r in &pf.rows {
        let mut row = vec![
            t.text(r.axis.label(lang)),
            t.text(r.code),
            t.text(r.label.get(lang)),
            t.text(r.unit.get(lang)),
        ];
        row.extend(r.values.iter().map(|v| t.number(*v)));
        row.push(if r.code == "maturity" {
            t.text(not_summed(lang))
        } else {
            t.number(r.total)
        });
        t.row(row);
    }
    // The aids of all the roadmaps, consolidated: one row per funder (or year) and step, the
    // amount in the total column, so that every row keeps the sheet's columns.
    let steps: [(&str, Step); 3] = [
        (lang.pick("prévu", "planned"), |a: &AidAmounts| a.planned),
        (lang.pick("accordé", "granted"), |a: &AidAmounts| a.granted),
        (lang.pick("versé", "paid"), |a: &AidAmounts| a.paid),
    ];
    let by_funder = lang.pick("aides par financeur", "aids by funder");
    let by_year = lang.pick("aides par année", "aids by year");
    let mut lines: Vec<(&str, String, AidAmounts)> = pf
        .aids
        .by_funder
        .iter()
        .map(|(s, a)| (by_funder, s.label(lang).to_string(), *a))
        .collect();
    lines.extend(pf.aids.by_year.iter().map(|(y, a)| {
        let year = y.map_or_else(
            || lang.pick("année inconnue", "year unknown").to_string(),
            |y| y.to_string(),
        );
        (by_year, year, *a)
    }));
    lines.push((
        lang.pick("aides, total", "aids, total"),
        String::new(),
        pf.aids.total,
    ));
    for (table, key, amounts) in lines {
        for (step, pick) in steps {
            let mut row = vec![t.text(table), t.text(&key), t.text(step), "€".to_string()];
            row.extend((0..blanks).map(|_| String::new()));
            row.push(t.number(Some(pick(&amounts))));
            t.row(row);
        }
    }
    t.finish()
}
