//! The roadmap's numbers and timeline: the investment programme by year, and a Gantt-like SVG
//! of the actions, readable when projected.

use std::collections::BTreeMap;

use super::svg::{MAX_YEARS, add, escape, footnote, no_data, open, total};
use crate::model::{ActionStatus, Date, FundingSource, RoadmapAction};
use crate::validate::rules::limits;
use crate::{Lang, bilingual};

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
///
/// Sums saturate instead of overflowing, and an action's years are taken within the record
/// rules' range (1900–2200), so that even a project that escaped the rules gives at most 301
/// rows, never a loop over billions of years.
pub fn investment_by_year(actions: &[RoadmapAction]) -> (Vec<YearRow>, Vec<String>) {
    let mut rows: BTreeMap<i32, YearRow> = BTreeMap::new();
    let mut undated = Vec::new();
    fn row(rows: &mut BTreeMap<i32, YearRow>, year: i32) -> &mut YearRow {
        rows.entry(year).or_insert_with(|| YearRow {
            year,
            investment: 0.0,
            operating: 0.0,
            funding: SOURCES.iter().map(|s| (*s, 0.0)).collect(),
            remaining: 0.0,
        })
    }
    let bounded = |y: i32| y.clamp(limits::FIRST_YEAR, limits::LAST_YEAR);
    for a in actions {
        let Some(first) = a.start.or(a.end).map(|d| bounded(d.year)) else {
            if a.investment_eur.is_some()
                || a.operating_eur_per_year.is_some()
                || !a.funding.is_empty()
            {
                undated.push(a.title.clone());
            }
            continue;
        };
        let last = a.end.map_or(first, |d| bounded(d.year)).max(first);
        let r = row(&mut rows, first);
        r.investment = add(r.investment, a.investment_eur.unwrap_or(0.0));
        for line in &a.funding {
            if let Some(slot) = r.funding.iter_mut().find(|(s, _)| *s == line.source) {
                slot.1 = add(slot.1, line.amount_eur);
            }
        }
        if let Some(op) = a.operating_eur_per_year {
            for year in first..=last {
                let r = row(&mut rows, year);
                r.operating = add(r.operating, op);
            }
        }
    }
    let mut rows: Vec<YearRow> = rows.into_values().collect();
    for r in &mut rows {
        r.remaining = add(
            add(r.investment, r.operating),
            -total(r.funding.iter().map(|(_, v)| *v)),
        );
    }
    (rows, undated)
}

/// The programme as a table of at most `MAX_YEARS` rows: when there are more years, the last
/// row sums every year from its own on, and that span is returned to label it ("2049–2200").
/// Totals are unchanged; only the detail by year is folded.
pub fn fold_years(mut rows: Vec<YearRow>) -> (Vec<YearRow>, Option<(i32, i32)>) {
    let keep = MAX_YEARS as usize;
    if rows.len() <= keep {
        return (rows, None);
    }
    let rest = rows.split_off(keep - 1);
    let span = (rest[0].year, rest[rest.len() - 1].year);
    let mut folded = rest[0].clone();
    for r in &rest[1..] {
        folded.investment = add(folded.investment, r.investment);
        folded.operating = add(folded.operating, r.operating);
        folded.remaining = add(folded.remaining, r.remaining);
        for (slot, (_, v)) in folded.funding.iter_mut().zip(&r.funding) {
            slot.1 = add(slot.1, *v);
        }
    }
    rows.push(folded);
    (rows, Some(span))
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

/// Months since year 0, wide enough for any `i32` year.
fn month_index(d: Date) -> i64 {
    i64::from(d.year) * 12 + i64::from(d.month) - 1
}

/// The years the timeline draws, as months `[first, last)`: every year of the actions when
/// they fit in `MAX_YEARS`, else the `MAX_YEARS`-year window that crosses the most actions
/// (the one nearest today on a tie).
fn timeline_window(spans: &[(i64, i64)], today: Option<Date>) -> (i64, i64) {
    let first = spans.iter().map(|s| s.0).min().unwrap_or(0).div_euclid(12) * 12;
    let last = (spans
        .iter()
        .map(|s| s.1)
        .max()
        .unwrap_or(first)
        .div_euclid(12)
        + 1)
        * 12;
    let width = i64::from(MAX_YEARS) * 12;
    if last - first <= width {
        return (first, last);
    }
    let today = today.map(month_index);
    let crossing = |w: i64| {
        spans
            .iter()
            .filter(|(s, e)| *s < w + width && *e >= w)
            .count()
    };
    let distance = |w: i64| today.map_or(0, |t| (w + width / 2 - t).abs());
    let best = spans
        .iter()
        .map(|(s, _)| s.div_euclid(12) * 12)
        .chain(today.map(|t| t.div_euclid(12) * 12 - width / 2))
        .max_by_key(|w| (crossing(*w), std::cmp::Reverse(distance(*w))))
        .unwrap_or(first);
    (best, best + width)
}

/// One row per dated action, a bar from start to end coloured by status, milestones as
/// diamonds, quarters on the axis, and today as a line when given. At most `MAX_YEARS` years
/// are drawn: an action outside them keeps its row, with an arrow and its year at the edge,
/// and a note says which years are shown.
pub fn gantt(actions: &[RoadmapAction], lang: Lang, today: Option<Date>) -> String {
    let title = lang.pick("Calendrier des actions", "Action timeline");
    let dated: Vec<&RoadmapAction> = actions
        .iter()
        .filter(|a| a.start.or(a.end).is_some())
        .collect();
    if dated.is_empty() {
        return no_data(title, lang);
    }
    let span_of = |a: &RoadmapAction| {
        let (s, e) = (
            a.start.or(a.end).expect("dated"),
            a.end.or(a.start).expect("dated"),
        );
        (month_index(s), month_index(e).max(month_index(s)))
    };
    let spans: Vec<(i64, i64)> = dated.iter().map(|a| span_of(a)).collect();
    let (first, last) = timeline_window(&spans, today);
    let outside = spans
        .iter()
        .filter(|(s, e)| *e < first || *s >= last)
        .count();
    let clipped = spans.iter().any(|(s, e)| *s < first || *e >= last);
    let (label_w, width, row) = (300.0, 1100.0, 40.0);
    let span = (last - first).max(12) as f64;
    let x =
        |m: f64| label_w + ((m - first as f64) / span).clamp(0.0, 1.0) * (width - label_w - 20.0);
    let note_h = if clipped { 24.0 } else { 0.0 };
    let height = 70.0 + row * dated.len() as f64 + note_h;
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
    let axis_bottom = height - 10.0 - note_h;
    // Quarters while they are a few pixels apart, else years only.
    let tick = if last - first > 20 * 12 { 12 } else { 3 };
    let label_every = if last - first > 25 * 12 { 5 } else { 1 };
    let mut m = first;
    while m <= last {
        let major = m.rem_euclid(12) == 0;
        out.push_str(&format!(
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"40\" y2=\"{1}\" stroke=\"{2}\"/>",
            x(m as f64),
            axis_bottom,
            if major { "#4a5561" } else { "#e0e0e0" }
        ));
        let year = m.div_euclid(12);
        if major && m < last && year % label_every == 0 {
            out.push_str(&format!(
                "<text x=\"{:.1}\" y=\"36\" font-size=\"15\" font-weight=\"700\">{year}</text>",
                x(m as f64) + 4.0,
            ));
        }
        m += tick;
    }
    for (i, (a, (s, e))) in dated.iter().zip(&spans).enumerate() {
        let y = 50.0 + row * i as f64;
        let mut label = a.title.clone();
        if label.chars().count() > 34 {
            label = format!("{}…", label.chars().take(33).collect::<String>());
        }
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"15\"><title>{}</title>{}</text>",
            label_w - 8.0,
            y + 18.0,
            escape(&a.title),
            escape(&label),
        ));
        if *e < first || *s >= last {
            // Outside the years drawn: its year at the edge it lies beyond.
            let (tx, anchor, text) = if *e < first {
                (label_w + 4.0, "start", format!("◀ {}", e.div_euclid(12)))
            } else {
                (width - 24.0, "end", format!("{} ▶", s.div_euclid(12)))
            };
            out.push_str(&format!(
                "<text x=\"{tx:.1}\" y=\"{}\" text-anchor=\"{anchor}\" font-size=\"14\" fill=\"{}\">{text}</text>",
                y + 18.0,
                status_colour(a.status)
            ));
            continue;
        }
        let (x0, x1) = (x(*s as f64), x((e + 1) as f64));
        out.push_str(&format!(
            "<rect x=\"{x0:.1}\" y=\"{y}\" width=\"{:.1}\" height=\"26\" rx=\"4\" fill=\"{}\"/>",
            (x1 - x0).max(4.0),
            status_colour(a.status)
        ));
        for ms in a
            .milestones
            .iter()
            .filter(|ms| (first..last).contains(&month_index(ms.date)))
        {
            let cx = x(month_index(ms.date) as f64 + f64::from(ms.date.day) / 31.0);
            out.push_str(&format!(
                "<path d=\"M{cx:.1} {} l7 7 l-7 7 l-7 -7 z\" fill=\"{}\" stroke=\"#111\"><title>{}</title></path>",
                y + 6.0,
                if ms.done { "#111" } else { "#fff" },
                escape(&format!("{} — {}", ms.date, ms.label))
            ));
        }
    }
    if let Some(d) = today.filter(|d| (first..last).contains(&month_index(*d))) {
        let tx = x(month_index(d) as f64 + f64::from(d.day) / 31.0);
        out.push_str(&format!(
            "<line x1=\"{tx:.1}\" x2=\"{tx:.1}\" y1=\"40\" y2=\"{}\" stroke=\"#b71c1c\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"{:.1}\" y=\"{}\" fill=\"#b71c1c\" font-size=\"14\">{}</text>",
            axis_bottom,
            tx + 4.0,
            axis_bottom - 4.0,
            lang.pick("aujourd'hui", "today")
        ));
    }
    if clipped {
        let (y0, y1) = (first.div_euclid(12), (last - 1).div_euclid(12));
        let note = bilingual!(in lang,
            "Période affichée : {y0}–{y1} ; {outside} action(s) entièrement en dehors (◀ ▶), les autres coupées à ses bords. Toutes les dates sont dans la description.",
            "Years shown: {y0}–{y1}; {outside} action(s) wholly outside them (◀ ▶), the others cut at their edges. Every date is in the description."
        );
        out.push_str(&footnote(height, &note));
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

    #[test]
    fn years_beyond_the_rules_are_bounded_and_long_programmes_fold() {
        // A project that escaped the record rules: no loop over a million years, no overflow.
        let mut wild = action(
            "a-1",
            Some(Date::new(-5_000, 1, 1).unwrap()),
            Some(Date::new(i32::MAX, 12, 31).unwrap()),
        );
        wild.operating_eur_per_year = Some(f64::MAX);
        wild.investment_eur = Some(f64::MAX);
        let mut twin = wild.clone();
        twin.id = ActionId::new("a-2");
        let (rows, _) = investment_by_year(&[wild.clone(), twin]);
        assert_eq!(rows.len(), 301, "1900 to 2200");
        assert_eq!((rows[0].year, rows[300].year), (1900, 2200));
        assert!(
            rows.iter()
                .all(|r| r.operating == f64::MAX && r.remaining == f64::MAX)
        );
        let (folded, span) = fold_years(rows);
        assert_eq!(folded.len(), 50);
        assert_eq!(span, Some((1949, 2200)));
        assert_eq!(folded[49].year, 1949);
        assert_eq!(folded[49].operating, f64::MAX, "saturated, not infinite");
        let (short, none) =
            fold_years(investment_by_year(&[action("b", date(2026, 1), date(2027, 1))]).0);
        assert_eq!(
            (short.len(), none),
            (1, None),
            "a short programme is not folded"
        );
        let svg = gantt(&[wild], Lang::En, None);
        assert!(!svg.contains("NaN") && svg.contains("Years shown"));
        assert!(
            svg.matches("<line").count() <= 60,
            "yearly ticks over 50 years"
        );
    }

    #[test]
    fn the_timeline_window_holds_the_most_actions() {
        let mut acts: Vec<RoadmapAction> = (0..4)
            .map(|i| action(&format!("a-{i}"), date(2020 + i, 1), date(2030 + i, 1)))
            .collect();
        acts.push(action("old", date(1900, 1), date(1901, 1)));
        acts.push(action("far", date(2200, 1), date(2200, 6)));
        let svg = gantt(&acts, Lang::Fr, Some(Date::new(2026, 11, 28).unwrap()));
        assert_eq!(
            svg.matches("<rect").count(),
            4,
            "the four current actions drawn"
        );
        assert!(svg.contains("◀ 1901") && svg.contains("2200 ▶"));
        assert!(svg.contains("aujourd") && svg.contains("Période affichée"));
        assert!(svg.contains("2 action(s) entièrement en dehors"));
    }
}
