//! The roadmap's numbers and timeline: the investment programme by year, and a Gantt-like SVG
//! of the actions, readable when projected.

use super::svg::{escape, no_data, open};
use crate::Lang;
use crate::model::{ActionStatus, Date, FundingSource, RoadmapAction};

/// One year of the investment programme.
#[derive(Debug, Clone, PartialEq)]
pub struct YearRow {
    pub year: i32,
    pub investment: f64,
    pub operating: f64,
    /// Funding by source, in `FundingSource` order, zero where none.
    pub funding: Vec<(FundingSource, f64)>,
    /// Investment plus operating cost minus funding: what the project owners still pay.
    pub remaining: f64,
}

pub const SOURCES: [FundingSource; 5] = [
    FundingSource::Ademe,
    FundingSource::RegionalAgency,
    FundingSource::Epci,
    FundingSource::Companies,
    FundingSource::Other,
];

/// The rule funders read in the table: an action's investment and its funding lines fall in
/// its start year (its end year when it has no start); its operating cost falls in every year
/// from start to end. Actions with no date at all are returned apart, by title, so they are
/// listed rather than silently dropped.
pub fn investment_by_year(actions: &[RoadmapAction]) -> (Vec<YearRow>, Vec<String>) {
    let mut rows: Vec<YearRow> = Vec::new();
    let mut undated = Vec::new();
    let row = |rows: &mut Vec<YearRow>, year: i32| -> usize {
        match rows.iter().position(|r| r.year == year) {
            Some(i) => i,
            None => {
                rows.push(YearRow {
                    year,
                    investment: 0.0,
                    operating: 0.0,
                    funding: SOURCES.iter().map(|s| (*s, 0.0)).collect(),
                    remaining: 0.0,
                });
                rows.len() - 1
            }
        }
    };
    for a in actions {
        let Some(first) = a.start.or(a.end).map(|d| d.year) else {
            if a.investment_eur.is_some()
                || a.operating_eur_per_year.is_some()
                || !a.funding.is_empty()
            {
                undated.push(a.title.clone());
            }
            continue;
        };
        let last = a.end.map_or(first, |d| d.year).max(first);
        let i = row(&mut rows, first);
        rows[i].investment += a.investment_eur.unwrap_or(0.0);
        for line in &a.funding {
            if let Some(slot) = rows[i].funding.iter_mut().find(|(s, _)| *s == line.source) {
                slot.1 += line.amount_eur;
            }
        }
        if let Some(op) = a.operating_eur_per_year {
            for year in first..=last {
                let j = row(&mut rows, year);
                rows[j].operating += op;
            }
        }
    }
    for r in &mut rows {
        r.remaining = r.investment + r.operating - r.funding.iter().map(|(_, v)| v).sum::<f64>();
    }
    rows.sort_by_key(|r| r.year);
    (rows, undated)
}

fn status_colour(s: ActionStatus) -> &'static str {
    match s {
        ActionStatus::Planned => "#90a4ae",
        ActionStatus::InProgress => "#1e88e5",
        ActionStatus::Done => "#2e7d32",
        ActionStatus::Postponed => "#f9a825",
        ActionStatus::Cancelled => "#b71c1c",
    }
}

fn month_index(d: Date) -> i32 {
    d.year * 12 + i32::from(d.month) - 1
}

/// One row per dated action, a bar from start to end coloured by status, milestones as
/// diamonds, quarters on the axis, and today as a line when given.
pub fn gantt(actions: &[RoadmapAction], lang: Lang, today: Option<Date>) -> String {
    let title = lang.pick("Calendrier des actions", "Action timeline");
    let dated: Vec<&RoadmapAction> = actions
        .iter()
        .filter(|a| a.start.or(a.end).is_some())
        .collect();
    if dated.is_empty() {
        return no_data(title, lang);
    }
    let starts = dated
        .iter()
        .map(|a| month_index(a.start.or(a.end).expect("dated")));
    let ends = dated
        .iter()
        .map(|a| month_index(a.end.or(a.start).expect("dated")));
    let first = starts.clone().min().unwrap_or(0) / 12 * 12;
    let last = (ends.max().unwrap_or(first) / 12 + 1) * 12;
    let (label_w, width, row) = (300.0, 1100.0, 40.0);
    let span = f64::from((last - first).max(12));
    let x = |m: f64| label_w + (m - f64::from(first)) / span * (width - label_w - 20.0);
    let height = 70.0 + row * dated.len() as f64;
    let undated: Vec<&str> = actions
        .iter()
        .filter(|a| a.start.or(a.end).is_none())
        .map(|a| a.title.as_str())
        .collect();
    let mut desc: Vec<String> = dated
        .iter()
        .map(|a| {
            let from = a.start.map(|d| d.to_string()).unwrap_or_else(|| "?".into());
            let to = a.end.map(|d| d.to_string()).unwrap_or_else(|| "?".into());
            format!("{} : {from} → {to} ({})", a.title, a.status.label(lang))
        })
        .collect();
    if !undated.is_empty() {
        desc.push(format!(
            "{} : {}",
            lang.pick("sans dates", "undated"),
            undated.join(", ")
        ));
    }
    let mut out = open(width, height, title, &desc.join(" ; "));
    out.push_str(&format!(
        "<text x=\"0\" y=\"22\" font-weight=\"700\" font-size=\"18\">{}</text>",
        escape(title)
    ));
    let mut m = first;
    while m <= last {
        let major = m % 12 == 0;
        out.push_str(&format!(
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"40\" y2=\"{1}\" stroke=\"{2}\"/>",
            x(f64::from(m)),
            height - 10.0,
            if major { "#4a5561" } else { "#e0e0e0" }
        ));
        if major && m < last {
            out.push_str(&format!(
                "<text x=\"{:.1}\" y=\"36\" font-size=\"15\" font-weight=\"700\">{}</text>",
                x(f64::from(m)) + 4.0,
                m / 12
            ));
        }
        m += 3;
    }
    for (i, a) in dated.iter().enumerate() {
        let y = 50.0 + row * i as f64;
        let (s, e) = (
            a.start.or(a.end).expect("dated"),
            a.end.or(a.start).expect("dated"),
        );
        let (x0, x1) = (
            x(f64::from(month_index(s))),
            x(f64::from(month_index(e) + 1)),
        );
        let mut label = a.title.clone();
        if label.chars().count() > 34 {
            label = format!("{}…", label.chars().take(33).collect::<String>());
        }
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"15\"><title>{}</title>{}</text><rect x=\"{x0:.1}\" y=\"{y}\" width=\"{:.1}\" height=\"26\" rx=\"4\" fill=\"{}\"/>",
            label_w - 8.0,
            y + 18.0,
            escape(&a.title),
            escape(&label),
            (x1 - x0).max(4.0),
            status_colour(a.status)
        ));
        for ms in &a.milestones {
            let cx = x(f64::from(month_index(ms.date)) + f64::from(ms.date.day) / 31.0);
            out.push_str(&format!(
                "<path d=\"M{cx:.1} {} l7 7 l-7 7 l-7 -7 z\" fill=\"{}\" stroke=\"#111\"><title>{}</title></path>",
                y + 6.0,
                if ms.done { "#111" } else { "#fff" },
                escape(&format!("{} — {}", ms.date, ms.label))
            ));
        }
    }
    if let Some(d) = today {
        let tx = x(f64::from(month_index(d)) + f64::from(d.day) / 31.0);
        out.push_str(&format!(
            "<line x1=\"{tx:.1}\" x2=\"{tx:.1}\" y1=\"40\" y2=\"{}\" stroke=\"#b71c1c\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"{:.1}\" y=\"{}\" fill=\"#b71c1c\" font-size=\"14\">{}</text>",
            height - 10.0,
            tx + 4.0,
            height - 14.0,
            lang.pick("aujourd'hui", "today")
        ));
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionId, FundingLine, Milestone};

    fn date(y: i32, m: u8) -> Option<Date> {
        Some(Date::new(y, m, 1).unwrap())
    }

    fn action(id: &str, start: Option<Date>, end: Option<Date>) -> RoadmapAction {
        RoadmapAction {
            id: ActionId::new(id),
            title: format!("Action {id}"),
            start,
            end,
            ..Default::default()
        }
    }

    #[test]
    fn the_programme_by_year() {
        let mut heat = action("a-1", date(2026, 3), date(2028, 6));
        heat.investment_eur = Some(100_000.0);
        heat.operating_eur_per_year = Some(5_000.0);
        heat.funding = vec![
            FundingLine {
                source: FundingSource::Ademe,
                amount_eur: 40_000.0,
                note: String::new(),
            },
            FundingLine {
                source: FundingSource::Epci,
                amount_eur: 10_000.0,
                note: String::new(),
            },
        ];
        let mut study = action("a-2", None, date(2027, 1));
        study.investment_eur = Some(20_000.0);
        let mut loose = action("a-3", None, None);
        loose.investment_eur = Some(1.0);
        let (rows, undated) = investment_by_year(&[heat, study, loose]);
        let years: Vec<i32> = rows.iter().map(|r| r.year).collect();
        assert_eq!(years, [2026, 2027, 2028]);
        assert_eq!(rows[0].investment, 100_000.0);
        assert_eq!(rows[0].operating, 5_000.0);
        assert_eq!(rows[0].funding[0], (FundingSource::Ademe, 40_000.0));
        assert_eq!(rows[0].remaining, 55_000.0);
        assert_eq!(rows[1].investment, 20_000.0, "no start: its end year");
        assert_eq!(rows[2].operating, 5_000.0);
        assert_eq!(undated, ["Action a-3"]);
    }

    #[test]
    fn the_timeline_draws_dated_actions_and_lists_the_others() {
        let mut a = action("a-1", date(2026, 1), date(2026, 12));
        a.title = "<script>alert(1)</script> chaleur".into();
        a.milestones = vec![Milestone {
            date: Date::new(2026, 6, 15).unwrap(),
            label: "Étude rendue".into(),
            done: true,
        }];
        let b = action("a-2", None, None);
        let svg = gantt(&[a, b], Lang::Fr, Some(Date::new(2026, 11, 28).unwrap()));
        assert_eq!(svg.matches("<rect").count(), 1);
        assert_eq!(svg.matches("<path").count(), 1);
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
        assert!(svg.contains("sans dates : Action a-2"));
        assert!(svg.contains("aujourd&#39;hui") || svg.contains("aujourd'hui"));
        assert!(gantt(&[action("x", None, None)], Lang::En, None).contains("No data yet"));
    }
}
