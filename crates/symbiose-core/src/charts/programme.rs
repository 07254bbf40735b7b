//! The roadmap's numbers and timeline: the investment programme by year, and a Gantt-like SVG
//! of the actions, readable when projected.

use std::collections::BTreeMap;

use super::svg::{MAX_YEARS, add, escape, footnote, no_data, open};
use crate::model::{
    ActionStatus, Date, FundingSource, MissingFigure, ProgrammePlace, RoadmapAction,
};
use crate::validate::rules::limits;
use crate::{Lang, bilingual};

/// Amounts of the investment programme, for one year or for all of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Amounts {
    pub investment: f64,
    pub operating: f64,
    /// Funding by source, in `SOURCES` order, zero where none.
    pub funding: Vec<(FundingSource, f64)>,
    /// What the project owners still pay: the actions' remaining costs
    /// ([`RoadmapAction::money`]), each never below zero, summed.
    pub remaining: f64,
}

impl Default for Amounts {
    fn default() -> Self {
        Self {
            investment: 0.0,
            operating: 0.0,
            funding: SOURCES.iter().map(|s| (*s, 0.0)).collect(),
            remaining: 0.0,
        }
    }
}

impl Amounts {
    fn add(&mut self, other: &Amounts) {
        self.investment = add(self.investment, other.investment);
        self.operating = add(self.operating, other.operating);
        self.remaining = add(self.remaining, other.remaining);
        for (slot, (_, v)) in self.funding.iter_mut().zip(&other.funding) {
            slot.1 = add(slot.1, *v);
        }
    }
}

/// One year of the investment programme.
#[derive(Debug, Clone, PartialEq)]
pub struct YearRow {
    pub year: i32,
    pub amounts: Amounts,
}

/// The investment programme: its years, its totals, and the actions it does not count.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Programme {
    /// One row per year a counted action falls in, in order.
    pub rows: Vec<YearRow>,
    /// The rows summed: the programme's totals, equal to the sums of the counted actions'
    /// own figures.
    pub total: Amounts,
    /// Postponed and cancelled actions, in file order, with their figures: shown apart, in no
    /// row and no total.
    pub outside: Vec<RoadmapAction>,
    /// Titles of the programme's actions without an investment figure: their remaining cost is
    /// unknown, so they are in no row and no total (unknown is not zero).
    pub unpriced: Vec<String>,
    /// Titles of the programme's costed actions without dates: in no year, so in no total.
    pub undated: Vec<String>,
    /// Counted actions whose funding exceeds their cost, with the excess, which lowers no
    /// other action's remaining cost.
    pub beyond_cost: Vec<(String, f64)>,
}

pub const SOURCES: [FundingSource; 5] = [
    FundingSource::Ademe,
    FundingSource::RegionalAgency,
    FundingSource::Epci,
    FundingSource::Companies,
    FundingSource::Other,
];

/// The programme by year, from the one definition of an action's money
/// ([`RoadmapAction::money`]), over the actions it counts ([`RoadmapAction::programme_place`]):
/// not the postponed or cancelled ones, listed apart with their figures, nor those whose cost
/// is unknown or that have no dates, listed by title.
///
/// The rule funders read in the table: an action's investment and its funding lines fall in
/// its start year (its end year when it has no start); its operating cost falls in every year
/// from start to end. Each year's remaining cost is the action's costs of that year minus its
/// funding not yet spent on earlier years, never below zero; so an action's rows add up to its
/// own remaining cost, and the rows of every action to the sum of theirs.
///
/// Sums saturate instead of overflowing, and an action's years are taken within the record
/// rules' range (1900–2200), the years beyond it counted in its first or last year, so that
/// even a project that escaped the rules gives at most 301 rows, never a loop over billions
/// of years, and the same operating cost as the action's own figure.
pub fn investment_by_year(actions: &[RoadmapAction]) -> Programme {
    let mut rows: BTreeMap<i32, Amounts> = BTreeMap::new();
    let mut programme = Programme::default();
    let bounded = |y: i32| y.clamp(limits::FIRST_YEAR, limits::LAST_YEAR);
    for a in actions {
        let (first, last) = match (a.programme_place(), a.years()) {
            (ProgrammePlace::Counted, Some(years)) => years,
            (ProgrammePlace::Outside, _) => {
                programme.outside.push(a.clone());
                continue;
            }
            (ProgrammePlace::Uncounted(MissingFigure::Investment), _) => {
                programme.unpriced.push(a.title.clone());
                continue;
            }
            _ => {
                programme.undated.push(a.title.clone());
                continue;
            }
        };
        let money = a.money();
        if money.beyond_cost() > 0.0 {
            programme
                .beyond_cost
                .push((a.title.clone(), money.beyond_cost()));
        }
        let (from, to) = (bounded(first), bounded(last));
        let to = if a.operating_eur_per_year.is_some() {
            to
        } else {
            from
        };
        // The funding not yet spent on the action's earlier years.
        let mut unspent = money.funding;
        for year in from..=to {
            // The action's years this row stands for: itself, and those beyond the rules'
            // range when it is the first or last year of that range.
            let lo = if year == limits::FIRST_YEAR {
                first
            } else {
                year
            }
            .max(first);
            let hi = if year == limits::LAST_YEAR {
                last
            } else {
                year
            }
            .min(last);
            let weight = (i64::from(hi) - i64::from(lo) + 1).max(0) as f64;
            let r = rows.entry(year).or_default();
            let mut cost = 0.0;
            if year == from {
                let investment = a.investment_eur.unwrap_or(0.0);
                r.investment = add(r.investment, investment);
                cost = investment;
                for line in &a.funding {
                    if let Some(slot) = r.funding.iter_mut().find(|(s, _)| *s == line.source) {
                        slot.1 = add(slot.1, line.in_force());
                    }
                }
            }
            if let Some(per_year) = a.operating_eur_per_year {
                let operating = (per_year * weight).min(f64::MAX);
                r.operating = add(r.operating, operating);
                cost = add(cost, operating);
            }
            let paid = unspent.min(cost);
            unspent -= paid;
            r.remaining = add(r.remaining, cost - paid);
        }
    }
    programme.rows = rows
        .into_iter()
        .map(|(year, amounts)| YearRow { year, amounts })
        .collect();
    for r in &programme.rows {
        programme.total.add(&r.amounts);
    }
    programme
}

/// How [`investment_by_year`] places an action's money in years, in one sentence for the
/// reader of the table.
pub fn by_year_rule(lang: Lang) -> &'static str {
    lang.pick(
        "l'investissement et les financements d'une action comptent l'année de son début (de fin à défaut), son fonctionnement chaque année de début à fin, et le reste à charge d'une année est ce qu'elle coûte moins les financements de l'action non employés les années précédentes, jamais négatif.",
        "an action's investment and funding count in its start year (end year otherwise), its operating cost every year from start to end, and a year's remaining cost is what it costs minus the action's funding not used in earlier years, never negative.",
    )
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
        folded.amounts.add(&r.amounts);
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
        ActionStatus::ToRelaunch => "#8e24aa",
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

/// The most letters of a line of an action's title beside its bar (the label column is 300
/// of the chart's 1,100 units wide).
const LABEL_LETTERS: usize = 36;

/// Up to how many months a timeline names its quarters' months besides its years.
const QUARTERS_NAMED: i64 = 36;

/// The months the quarters after the first begin with, short.
const QUARTER_MONTHS: [(&str, &str); 4] = [
    ("janv.", "Jan"),
    ("avr.", "Apr"),
    ("juil.", "Jul"),
    ("oct.", "Oct"),
];

/// `title` on one line of at most `letters`, or two cut at a space, the second ending in "…"
/// after its last whole word when it is still too long; a word longer than a line is cut.
fn label_lines(title: &str, letters: usize) -> Vec<String> {
    let count = |s: &str| s.chars().count();
    if count(title) <= letters {
        return vec![title.to_string()];
    }
    let title = title.trim();
    if count(title) <= letters {
        return vec![title.to_string()];
    }
    let mut first = String::new();
    let mut rest = title;
    while let Some(word) = rest.split(' ').next().filter(|w| !w.is_empty()) {
        let grown = if first.is_empty() {
            count(word)
        } else {
            count(&first) + 1 + count(word)
        };
        if grown > letters {
            break;
        }
        if !first.is_empty() {
            first.push(' ');
        }
        first.push_str(word);
        rest = rest[word.len()..].trim_start();
    }
    if first.is_empty() {
        // One word longer than a line.
        first = title.chars().take(letters).collect();
        rest = &title[first.len()..];
    }
    let second = if count(rest) > letters {
        // Cut at the last word that leaves room for "…", or within a word longer than that.
        let room: String = rest.chars().take(letters - 1).collect();
        let kept = match room.rfind(' ') {
            Some(at) if at > 0 => room[..at].trim_end(),
            _ => room.as_str(),
        };
        format!("{kept}…")
    } else {
        rest.to_string()
    };
    vec![first, second]
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
            let from = a
                .start
                .map(|d| d.in_lang(lang))
                .unwrap_or_else(|| "?".into());
            let to = a.end.map(|d| d.in_lang(lang)).unwrap_or_else(|| "?".into());
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
        } else if !major && m < last && last - first <= QUARTERS_NAMED {
            // A programme of a year or two: the quarters' months named too, so a bar reads as
            // "from April to September" (with the year alone, a funder could not place it).
            out.push_str(&format!(
                "<text x=\"{:.1}\" y=\"36\" font-size=\"13\" fill=\"#4a5561\">{}</text>",
                x(m as f64) + 4.0,
                {
                    let (fr, en) = QUARTER_MONTHS[(m.rem_euclid(12) / 3) as usize];
                    lang.pick(fr, en)
                }
            ));
        }
        m += tick;
    }
    for (i, (a, (s, e))) in dated.iter().zip(&spans).enumerate() {
        let y = 50.0 + row * i as f64;
        // The title on one line, or two (cut at a word) when long: on one line of 34
        // letters, "Mettre en place la collecte mutualisée des cartons" read "…collecte mutua…".
        let lines = label_lines(&a.title, LABEL_LETTERS);
        let (size, baselines): (u32, &[f64]) = if lines.len() == 1 {
            (15, &[18.0])
        } else {
            (14, &[11.0, 27.0])
        };
        let tspans: String = lines
            .iter()
            .zip(baselines)
            .map(|(line, dy)| {
                format!(
                    "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                    label_w - 8.0,
                    y + dy,
                    escape(line)
                )
            })
            .collect();
        out.push_str(&format!(
            "<text text-anchor=\"end\" font-size=\"{size}\"><title>{}</title>{tspans}</text>",
            escape(&a.title),
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
                escape(&format!("{} — {}", ms.date.in_lang(lang), ms.label))
            ));
        }
    }
    if let Some(d) = today.filter(|d| (first..last).contains(&month_index(*d))) {
        let tx = x(month_index(d) as f64 + f64::from(d.day) / 31.0);
        // Its word after the line, or before it in the plot's right half: written after a line
        // near the right edge, "aujourd'hui" ran off the chart.
        let (text_x, anchor) = if tx > (label_w + width) / 2.0 {
            (tx - 4.0, "end")
        } else {
            (tx + 4.0, "start")
        };
        out.push_str(&format!(
            "<line x1=\"{tx:.1}\" x2=\"{tx:.1}\" y1=\"40\" y2=\"{}\" stroke=\"#b71c1c\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"{text_x:.1}\" y=\"{}\" text-anchor=\"{anchor}\" fill=\"#b71c1c\" font-size=\"14\">{}</text>",
            axis_bottom,
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

    fn funded(source: FundingSource, amount_eur: f64) -> FundingLine {
        FundingLine::planned(source, amount_eur)
    }

    #[test]
    fn the_programme_by_year() {
        let mut heat = action("a-1", date(2026, 3), date(2028, 6));
        heat.investment_eur = Some(100_000.0);
        heat.operating_eur_per_year = Some(5_000.0);
        heat.funding = vec![
            funded(FundingSource::Ademe, 40_000.0),
            funded(FundingSource::Epci, 10_000.0),
        ];
        let mut study = action("a-2", None, date(2027, 1));
        study.investment_eur = Some(20_000.0);
        let mut loose = action("a-3", None, None);
        loose.investment_eur = Some(1.0);
        let p = investment_by_year(&[heat, study, loose]);
        let years: Vec<i32> = p.rows.iter().map(|r| r.year).collect();
        assert_eq!(years, [2026, 2027, 2028]);
        let first = &p.rows[0].amounts;
        assert_eq!(first.investment, 100_000.0);
        assert_eq!(first.operating, 5_000.0);
        assert_eq!(first.funding[0], (FundingSource::Ademe, 40_000.0));
        assert_eq!(first.remaining, 55_000.0);
        assert_eq!(
            p.rows[1].amounts.investment, 20_000.0,
            "no start: its end year"
        );
        assert_eq!(p.rows[2].amounts.operating, 5_000.0);
        assert_eq!(p.undated, ["Action a-3"]);
        // 100 000 + 3 × 5 000 − 50 000, and 20 000: the totals are the actions' own figures.
        assert_eq!(p.total.remaining, 65_000.0 + 20_000.0);
        assert_eq!(p.total.investment, 120_000.0);
        assert_eq!(p.total.operating, 15_000.0);
    }

    #[test]
    fn postponed_and_cancelled_actions_are_outside_the_programme() {
        let mut planned = action("a-1", date(2026, 1), date(2026, 12));
        planned.investment_eur = Some(10_000.0);
        planned.funding = vec![funded(FundingSource::Ademe, 4_000.0)];
        let mut postponed = planned.clone();
        postponed.id = ActionId::new("a-2");
        postponed.title = "Reportée".into();
        postponed.status = ActionStatus::Postponed;
        postponed.start = date(2030, 1);
        postponed.end = date(2030, 1);
        let mut cancelled = planned.clone();
        cancelled.id = ActionId::new("a-3");
        cancelled.title = "Annulée".into();
        cancelled.status = ActionStatus::Cancelled;
        cancelled.investment_eur = Some(99_000.0);
        cancelled.operating_eur_per_year = Some(1_000.0);
        let p = investment_by_year(&[planned.clone(), postponed, cancelled]);
        // Their money enters no row and no total, not even a year of their own.
        assert_eq!(p.rows.len(), 1);
        assert_eq!(p.rows[0].year, 2026);
        assert_eq!(p.total.investment, 10_000.0);
        assert_eq!(p.total.operating, 0.0);
        assert_eq!(p.total.funding[0].1, 4_000.0);
        assert_eq!(p.total.remaining, 6_000.0);
        let outside: Vec<&str> = p.outside.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            outside,
            ["Reportée", "Annulée"],
            "shown apart, in file order"
        );
        assert_eq!(p.outside[1].money().remaining(), Some(96_000.0));
        // The other statuses are in the programme.
        for status in [
            ActionStatus::Planned,
            ActionStatus::InProgress,
            ActionStatus::Done,
        ] {
            let mut a = planned.clone();
            a.status = status;
            let p = investment_by_year(&[a]);
            assert!(p.outside.is_empty(), "{status:?}");
            assert_eq!(p.total.remaining, 6_000.0, "{status:?}");
        }
    }

    #[test]
    fn unknown_cost_is_not_zero_and_funding_never_makes_a_negative() {
        // No investment figure: not a cost of 0, so in no row and no total.
        let mut unpriced = action("a-1", date(2026, 1), date(2027, 1));
        unpriced.operating_eur_per_year = Some(3_000.0);
        unpriced.funding = vec![funded(FundingSource::Epci, 5_000.0)];
        // Funding beyond the cost: 0 to pay, the excess stated, no other action lowered.
        let mut over = action("a-2", date(2026, 1), date(2026, 12));
        over.investment_eur = Some(10_000.0);
        over.funding = vec![funded(FundingSource::Ademe, 12_000.0)];
        let mut other = action("a-3", date(2026, 1), date(2026, 12));
        other.investment_eur = Some(7_000.0);
        // Funding beyond the first year's costs pays the next years' operating cost.
        let mut spread = action("a-4", date(2027, 1), date(2029, 12));
        spread.investment_eur = Some(1_000.0);
        spread.operating_eur_per_year = Some(2_000.0);
        spread.funding = vec![funded(FundingSource::Companies, 4_500.0)];
        let p = investment_by_year(&[unpriced, over, other, spread.clone()]);
        assert_eq!(p.unpriced, ["Action a-1"]);
        assert_eq!(p.beyond_cost, [("Action a-2".to_string(), 2_000.0)]);
        let remaining: Vec<(i32, f64)> = p
            .rows
            .iter()
            .map(|r| (r.year, r.amounts.remaining))
            .collect();
        assert_eq!(
            remaining,
            [(2026, 7_000.0), (2027, 0.0), (2028, 500.0), (2029, 2_000.0)]
        );
        assert!(p.rows.iter().all(|r| r.amounts.remaining >= 0.0));
        // 1 000 + 3 × 2 000 − 4 500, the year rows of the action summed.
        assert_eq!(spread.money().remaining(), Some(2_500.0));
        assert_eq!(p.total.remaining, 7_000.0 + 2_500.0);
        assert_eq!(p.total.funding[3].1, 4_500.0);
        assert_eq!(
            p.total.operating, 6_000.0,
            "the unpriced action's is not counted"
        );
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
        // Late in the window the word is written before the line, inside the chart; early in
        // it, after the line.
        assert!(
            svg.contains("text-anchor=\"end\" fill=\"#b71c1c\""),
            "{svg}"
        );
        let early = gantt(
            &[action("a-3", date(2026, 1), date(2026, 12))],
            Lang::Fr,
            Some(Date::new(2026, 2, 1).unwrap()),
        );
        assert!(
            early.contains("text-anchor=\"start\" fill=\"#b71c1c\""),
            "{early}"
        );
        assert!(gantt(&[action("x", None, None)], Lang::En, None).contains("No data yet"));
    }

    #[test]
    fn a_short_timeline_names_its_quarters_and_a_long_title_takes_two_lines() {
        let mut a = action("a-1", date(2026, 4), date(2026, 9));
        a.title = "Mettre en place la collecte mutualisée des cartons — Projet environnemental \
                   (réduction, recyclage, valorisation des déchets)"
            .into();
        let svg = gantt(&[a.clone()], Lang::Fr, None);
        for month in ["avr.", "juil.", "oct."] {
            assert!(svg.contains(&format!(">{month}</text>")), "{month}: {svg}");
        }
        assert!(gantt(&[a.clone()], Lang::En, None).contains(">Jul</text>"));
        // Two lines cut at a word, the second ending in "…"; the whole title in its tooltip.
        let lines: Vec<&str> = svg
            .split("<tspan ")
            .skip(1)
            .map(|t| t.split('>').nth(1).unwrap().trim_end_matches("</tspan"))
            .collect();
        assert_eq!(
            lines,
            [
                "Mettre en place la collecte",
                "mutualisée des cartons — Projet…"
            ]
        );
        assert!(lines.iter().all(|l| l.chars().count() <= LABEL_LETTERS));
        assert!(svg.contains("<title>Mettre en place la collecte mutualisée des cartons — Projet environnemental (réduction"));
        // A short title, one line; a word longer than a line, cut.
        assert_eq!(
            label_lines("Étude de faisabilité", 36),
            ["Étude de faisabilité"]
        );
        let long = "é".repeat(50);
        let cut = label_lines(&long, 36);
        assert_eq!(cut[0].chars().count(), 36);
        assert_eq!(cut[1], "é".repeat(14));
        // Spaces around a title are not words: no empty line, no endless loop.
        assert_eq!(
            label_lines(&format!("  court{}", " ".repeat(40)), 36),
            ["court"]
        );
        assert_eq!(
            label_lines(&format!("{}  b", "a".repeat(36)), 36),
            ["a".repeat(36), "b".into()]
        );
        // Over three years, the years alone.
        let decade = gantt(
            &[action("a-2", date(2026, 1), date(2031, 12))],
            Lang::Fr,
            None,
        );
        assert!(!decade.contains(">juil.</text>"));
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
        let rows = investment_by_year(&[wild.clone(), twin]).rows;
        assert_eq!(rows.len(), 301, "1900 to 2200");
        assert_eq!((rows[0].year, rows[300].year), (1900, 2200));
        assert!(
            rows.iter()
                .all(|r| r.amounts.operating == f64::MAX && r.amounts.remaining == f64::MAX)
        );
        let (folded, span) = fold_years(rows);
        assert_eq!(folded.len(), 50);
        assert_eq!(span, Some((1949, 2200)));
        assert_eq!(folded[49].year, 1949);
        assert_eq!(
            folded[49].amounts.operating,
            f64::MAX,
            "saturated, not infinite"
        );
        // The years before 1900 count in 1900: the rows still add up to the action's figure.
        let mut old = action("c", date(1850, 1), date(1905, 6));
        old.investment_eur = Some(0.0);
        old.operating_eur_per_year = Some(100.0);
        let p = investment_by_year(std::slice::from_ref(&old));
        assert_eq!(p.rows.len(), 6, "1900 to 1905");
        assert_eq!(p.rows[0].amounts.operating, 5_100.0, "1850 to 1900");
        assert_eq!(p.total.operating, 5_600.0);
        assert_eq!(old.money().cost, Ok(p.total.remaining));
        let mut short = action("b", date(2026, 1), date(2027, 1));
        short.investment_eur = Some(0.0);
        let (short, none) = fold_years(investment_by_year(&[short]).rows);
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
