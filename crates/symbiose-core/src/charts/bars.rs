//! Horizontal bars: gains by flow family, or any labelled figures of one unit.

use super::family_colour;
use super::svg::{add, escape, fraction, nice_max, no_data, open};
use crate::Lang;
use crate::model::{Family, Gains, Project, Stage};
use crate::numbers::{Precision::Reading, number};

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub colour: &'static str,
}

const ROW: f64 = 44.0;
const LABEL_W: f64 = 230.0;
const BAR_W: f64 = 380.0;

/// Bars with their value written at the end, largest scale rounded; zero rows are kept (a
/// family with nothing achieved is information too), an empty list says "no data".
pub fn bar_chart(title: &str, bars: &[Bar], unit: &str, lang: Lang) -> String {
    if bars.is_empty() || bars.iter().all(|b| b.value == 0.0) {
        return no_data(title, lang);
    }
    let max = nice_max(
        bars.iter()
            .map(|b| b.value)
            .filter(|v| v.is_finite())
            .fold(0.0, f64::max),
    );
    let desc = bars
        .iter()
        .map(|b| format!("{} : {} {unit}", b.label, number(b.value, lang, Reading)))
        .collect::<Vec<_>>()
        .join(" ; ");
    let height = 50.0 + ROW * bars.len() as f64;
    let mut out = open(LABEL_W + BAR_W + 150.0, height, title, &desc);
    out.push_str(&format!(
        "<text x=\"0\" y=\"22\" font-weight=\"700\" font-size=\"18\">{}</text>",
        escape(title)
    ));
    for (i, b) in bars.iter().enumerate() {
        let y = 40.0 + ROW * i as f64;
        // A negative value has no bar (its figure is written); nothing reaches past the scale.
        let w = (fraction(b.value, 0.0, max) * BAR_W).max(if b.value > 0.0 { 2.0 } else { 0.0 });
        out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{LABEL_W}\" y=\"{y}\" width=\"{w:.1}\" height=\"28\" rx=\"3\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{}\" font-weight=\"700\">{} {}</text>",
            LABEL_W - 10.0,
            y + 20.0,
            escape(&b.label),
            b.colour,
            LABEL_W + w + 8.0,
            y + 20.0,
            number(b.value, lang, Reading),
            escape(unit)
        ));
    }
    out.push_str("</svg>");
    out
}

/// What implemented synergies achieved, by the family of their first flow: the measured figure
/// where there is one, else the estimate (the same rule as the indicators).
pub fn gains_by_family(p: &Project, pick: fn(&Gains) -> Option<f64>, lang: Lang) -> Vec<Bar> {
    let mut totals: Vec<(Family, f64)> = Vec::new();
    for s in p.synergies.iter().filter(|s| s.stage == Stage::Implemented) {
        let Some(v) = pick(&s.measured).or_else(|| pick(&s.estimated)) else {
            continue;
        };
        let family = s
            .flows
            .first()
            .and_then(|f| p.flow(f))
            .map_or(Family::Matter, |f| f.family);
        match totals.iter_mut().find(|(f, _)| *f == family) {
            Some((_, t)) => *t = add(*t, v),
            None => totals.push((family, v)),
        }
    }
    totals.sort_by_key(|(f, _)| *f);
    totals
        .into_iter()
        .map(|(f, v)| Bar {
            label: f.label(lang).to_string(),
            value: v,
            colour: family_colour(f),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_write_values_and_escape_labels() {
        let bars = [
            Bar {
                label: "<img src=x onerror=alert(1)>".into(),
                value: 1200.0,
                colour: "#000",
            },
            Bar {
                label: "Eau".into(),
                value: 30.5,
                colour: "#00f",
            },
        ];
        let svg = bar_chart("Gains \"><script>", &bars, "t/an", Lang::Fr);
        assert!(!svg.contains("<img") && !svg.contains("<script>"));
        assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(
            svg.contains("1\u{202F}200 t/an") && svg.contains("30,5 t/an"),
            "{svg}"
        );
        assert!(svg.contains(
            "<desc>&lt;img src=x onerror=alert(1)&gt; : 1\u{202F}200 t/an ; Eau : 30,5 t/an</desc>"
        ));
    }

    #[test]
    fn nothing_to_draw_says_so() {
        let svg = bar_chart("Gains", &[], "t", Lang::En);
        assert!(svg.contains("No data yet") && !svg.contains("<rect"));
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn demo_gains_by_family() {
        let p = crate::demo::project();
        let bars = gains_by_family(&p, |g| g.tonnes_per_year, Lang::Fr);
        let implemented: f64 = p
            .synergies
            .iter()
            .filter(|s| s.stage == Stage::Implemented)
            .filter_map(|s| s.measured.tonnes_per_year.or(s.estimated.tonnes_per_year))
            .sum();
        assert_eq!(bars.iter().map(|b| b.value).sum::<f64>(), implemented);
    }
}
