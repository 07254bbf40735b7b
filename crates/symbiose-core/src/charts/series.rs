//! One indicator over the years: the measurements at their dates joined by a line, the targets
//! as dashed marks at their year, and the baseline year (2015 for the pilot territories) as the
//! start of the axis, so the chart shows the road travelled since.

use super::svg::{MAX_YEARS, escape, footnote, fraction, nice_max, no_data, open, value_lines};
use crate::model::{Date, IndicatorKind, Project};
use crate::numbers::{Precision::Reading, number};
use crate::{Lang, bilingual};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeriesPoint {
    pub date: Date,
    pub value: f64,
}

const W: f64 = 760.0;
const H: f64 = 340.0;
const LEFT: f64 = 90.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 50.0;

fn year_fraction(d: Date) -> f64 {
    f64::from(d.year) + (f64::from(d.month) - 1.0) / 12.0 + (f64::from(d.day) - 1.0) / 365.0
}

/// The years drawn: every year of the data when they fit in `MAX_YEARS`, else a window of
/// `MAX_YEARS` that keeps the latest measurements, then as many targets and the baseline as
/// fit around them.
fn year_window(
    points: &[SeriesPoint],
    targets: &[(i32, f64)],
    baseline: Option<i32>,
) -> (i32, i32) {
    let measured = points.iter().map(|p| p.date.year);
    let others = targets.iter().map(|t| t.0).chain(baseline);
    let all = measured.clone().chain(others.clone());
    let (first, last) = (all.clone().min().unwrap_or(2015), all.max().unwrap_or(2015));
    if i64::from(last) - i64::from(first) < i64::from(MAX_YEARS) {
        return (first, last.max(first + 1));
    }
    // The measurements are what the chart is for: keep the latest ones...
    let (mut lo, mut hi) = match (measured.clone().min(), measured.max()) {
        (Some(a), Some(b)) => (a.max(b - (MAX_YEARS - 1)), b),
        _ => {
            let t = targets
                .iter()
                .map(|t| t.0)
                .chain(baseline)
                .min()
                .unwrap_or(2015);
            (t, t)
        }
    };
    // ...then widen towards the years of the targets and the baseline while it fits.
    let mut extra: Vec<i32> = others.collect();
    extra.sort_by_key(|y| {
        (i64::from(*y) - i64::from(hi))
            .abs()
            .min((i64::from(*y) - i64::from(lo)).abs())
    });
    for y in extra {
        let (l, h) = (lo.min(y), hi.max(y));
        if i64::from(h) - i64::from(l) < i64::from(MAX_YEARS) {
            (lo, hi) = (l, h);
        }
    }
    (lo, hi.max(lo + 1))
}

/// `points` in any order; `targets` as (year, value). Negative values get an axis below zero;
/// at most `MAX_YEARS` years are drawn, and what falls outside is said in a note under the
/// chart (the description lists every value).
pub fn time_series_svg(
    title: &str,
    unit: &str,
    points: &[SeriesPoint],
    targets: &[(i32, f64)],
    baseline_year: Option<i32>,
    lang: Lang,
) -> String {
    if points.is_empty() && targets.is_empty() {
        return no_data(title, lang);
    }
    let mut pts = points.to_vec();
    pts.sort_by_key(|p| p.date);
    let (first, last) = year_window(&pts, targets, baseline_year);
    let in_window = |year: i32| (first..=last).contains(&year);
    let values = || {
        pts.iter()
            .map(|p| p.value)
            .chain(targets.iter().map(|t| t.1))
            .filter(|v| v.is_finite())
    };
    let hi = nice_max(values().fold(0.0, f64::max));
    let lowest = values().fold(0.0, f64::min);
    let lo = if lowest < 0.0 {
        -nice_max(-lowest)
    } else {
        0.0
    };
    let years = f64::from(last) + 1.0 - f64::from(first);
    let x =
        |year: f64| LEFT + ((year - f64::from(first)) / years).clamp(0.0, 1.0) * (W - LEFT - RIGHT);
    let y = |v: f64| TOP + (1.0 - fraction(v, lo, hi)) * (H - TOP - BOTTOM);

    let outside = pts.iter().filter(|p| !in_window(p.date.year)).count()
        + targets.iter().filter(|t| !in_window(t.0)).count()
        + baseline_year.filter(|b| !in_window(*b)).iter().count();
    let height = if outside > 0 { H + 24.0 } else { H };
    let mut desc: Vec<String> = pts
        .iter()
        .map(|p| {
            format!(
                "{} : {} {unit}",
                p.date.in_lang(lang),
                number(p.value, lang, Reading)
            )
        })
        .collect();
    desc.extend(targets.iter().map(|(yr, v)| {
        format!(
            "{} {yr} : {} {unit}",
            lang.pick("cible", "target"),
            number(*v, lang, Reading)
        )
    }));
    let mut out = open(W, height, title, &desc.join(" ; "));
    out.push_str(&format!(
        "<text x=\"0\" y=\"22\" font-weight=\"700\" font-size=\"18\">{} ({})</text>",
        escape(title),
        escape(unit)
    ));
    // Axes: value lines at round values (whole ones for a count), one tick per year (every other one past twelve years, every
    // fifth past thirty).
    let whole = values().all(|v| v.fract() == 0.0);
    for v in value_lines(lo, hi, whole) {
        out.push_str(&format!(
            "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"{}\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"14\">{}</text>",
            W - RIGHT,
            if v == 0.0 && lo < 0.0 { "#4a5561" } else { "#d5dbd8" },
            LEFT - 8.0,
            y(v) + 5.0,
            number(v, lang, Reading),
            y = y(v)
        ));
    }
    let step = match last - first {
        span if span > 30 => 5,
        span if span > 12 => 2,
        _ => 1,
    };
    for yr in (first..=last).step_by(step) {
        out.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"14\">{yr}</text>",
            x(f64::from(yr)),
            H - BOTTOM + 22.0
        ));
    }
    if let Some(b) = baseline_year.filter(|b| in_window(*b)) {
        out.push_str(&format!(
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"{TOP}\" y2=\"{1}\" stroke=\"#4a5561\" stroke-width=\"2\"/><text x=\"{2:.1}\" y=\"{3}\" font-size=\"14\">{4}</text>",
            x(f64::from(b)),
            H - BOTTOM,
            x(f64::from(b)) + 6.0,
            H - BOTTOM - 8.0,
            escape(&format!("{} {b}", lang.pick("référence", "baseline")))
        ));
    }
    for (yr, v) in targets.iter().filter(|t| in_window(t.0)) {
        let cx = x(f64::from(*yr) + 0.5);
        out.push_str(&format!(
            "<line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{2:.1}\" y2=\"{2:.1}\" stroke=\"#b71c1c\" stroke-width=\"3\" stroke-dasharray=\"8 5\"/><text x=\"{cx:.1}\" y=\"{3:.1}\" text-anchor=\"middle\" fill=\"#b71c1c\" font-size=\"14\">{4}</text>",
            cx - 30.0,
            cx + 30.0,
            y(*v),
            y(*v) - 8.0,
            escape(&format!("{} {}", lang.pick("cible", "target"), number(*v, lang, Reading)))
        ));
    }
    let shown: Vec<&SeriesPoint> = pts.iter().filter(|p| in_window(p.date.year)).collect();
    let line: Vec<String> = shown
        .iter()
        .map(|p| format!("{:.1},{:.1}", x(year_fraction(p.date)), y(p.value)))
        .collect();
    if line.len() > 1 {
        out.push_str(&format!(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"3\"/>",
            line.join(" ")
        ));
    }
    for p in shown {
        out.push_str(&format!(
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"6\" fill=\"#2e7d32\"><title>{}</title></circle>",
            x(year_fraction(p.date)),
            y(p.value),
            escape(&format!(
                "{} : {} {unit}",
                p.date.in_lang(lang),
                number(p.value, lang, Reading)
            ))
        ));
    }
    if outside > 0 {
        let note = bilingual!(in lang,
            "Période affichée : {first}–{last} ; {outside} valeur(s) hors de cette période, listée(s) dans la description.",
            "Years shown: {first}–{last}; {outside} value(s) outside them, listed in the description."
        );
        out.push_str(&footnote(height, &note));
    }
    out.push_str("</svg>");
    out
}

/// One indicator's chart from a project's measurements and targets, from its baseline year;
/// `None` when the indicator has neither (the dashboard and the reports skip it).
pub fn indicator_series(p: &Project, kind: IndicatorKind, lang: Lang) -> Option<String> {
    let points: Vec<SeriesPoint> = p
        .measurements
        .iter()
        .filter(|m| m.indicator == kind)
        .map(|m| SeriesPoint {
            date: m.date,
            value: m.value,
        })
        .collect();
    let targets: Vec<(i32, f64)> = p
        .targets
        .iter()
        .filter(|t| t.indicator == kind)
        .map(|t| (t.year, t.value))
        .collect();
    (!points.is_empty() || !targets.is_empty()).then(|| {
        time_series_svg(
            kind.label(lang),
            kind.unit(lang),
            &points,
            &targets,
            p.territory.baseline_year,
            lang,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(y: i32, m: u8, v: f64) -> SeriesPoint {
        SeriesPoint {
            date: Date::new(y, m, 1).unwrap(),
            value: v,
        }
    }

    #[test]
    fn measurements_targets_and_baseline() {
        let svg = time_series_svg(
            "tCO₂e évitées",
            "tCO₂e/an",
            &[
                point(2024, 6, 120.0),
                point(2018, 1, 40.0),
                point(2021, 3, 95.5),
            ],
            &[(2027, 200.0)],
            Some(2015),
            Lang::Fr,
        );
        assert_eq!(svg.matches("<circle").count(), 3);
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert!(svg.contains("référence 2015") && svg.contains("cible 200"));
        assert!(svg.contains(">2015<") && svg.contains(">2027<"));
        let desc = &svg[svg.find("<desc>").unwrap()..svg.find("</desc>").unwrap()];
        assert!(
            desc.starts_with("<desc>01/01/2018 : 40"),
            "sorted by date: {desc}"
        );
        assert!(!svg.contains("NaN"));
    }

    /// The dashboard inserts this SVG as markup (`Chart`), so its title and unit, which name
    /// an indicator a person may have written, must come out as text.
    #[test]
    fn title_and_unit_are_escaped() {
        let svg = time_series_svg(
            "<img src=x onerror=alert(1)>",
            "t\"><script>",
            &[point(2026, 1, 5.0)],
            &[(2028, 9.0)],
            Some(2025),
            Lang::Fr,
        );
        assert!(!svg.contains("<img") && !svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(svg.contains("&lt;script&gt;"));
    }

    #[test]
    fn a_single_point_and_nothing_at_all() {
        let one = time_series_svg("x", "t", &[point(2026, 1, 5.0)], &[], None, Lang::En);
        assert_eq!(one.matches("<circle").count(), 1);
        assert!(!one.contains("NaN") && !one.contains("<polyline"));
        assert!(time_series_svg("x", "t", &[], &[], Some(2015), Lang::En).contains("No data yet"));
    }

    #[test]
    fn the_demo_has_series_for_its_measured_indicators_only() {
        let p = crate::demo::project();
        for k in IndicatorKind::ALL {
            let has = p.measurements.iter().any(|m| m.indicator == k)
                || p.targets.iter().any(|t| t.indicator == k);
            assert_eq!(indicator_series(&p, k, Lang::Fr).is_some(), has, "{k:?}");
        }
    }
}
