//! The few SVG and number helpers every chart shares.

use crate::Lang;

/// Text for XML content and attributes: `& < > " '` escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The opening of a chart: size, role and its text alternative.
pub(super) fn open(width: f64, height: f64, title: &str, desc: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" font-family=\"system-ui, sans-serif\" font-size=\"16\"><title>{}</title><desc>{}</desc>",
        escape(title),
        escape(desc)
    )
}

/// A chart with nothing to show says so in words.
pub(super) fn no_data(title: &str, lang: Lang) -> String {
    let msg = lang.pick("Aucune donnée pour l'instant", "No data yet");
    format!(
        "{}<text x=\"20\" y=\"60\" fill=\"#4a5561\" font-size=\"18\">{}</text></svg>",
        open(520.0, 100.0, title, msg),
        escape(msg)
    )
}

/// A note along the bottom of a chart `height` high (what the chart leaves out, and where it is).
pub(super) fn footnote(height: f64, note: &str) -> String {
    format!(
        "<text x=\"0\" y=\"{}\" fill=\"#4a5561\" font-size=\"14\">{}</text>",
        height - 8.0,
        escape(note)
    )
}

/// A round scale maximum at or above `max`: 1, 2 or 5 times a power of ten; `max` itself when
/// no round value above it is finite (near `f64::MAX`).
pub(super) fn nice_max(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let power = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|v| *v >= max && v.is_finite())
        .unwrap_or(max)
}

/// The values a scale from `lo` to `hi` draws its lines at: multiples of a round step (1, 2 or 5
/// times a power of ten), at most six lines; when the series holds whole numbers only (a count
/// of synergies, of companies) the step is at least 1, so no line reads "2,5 synergies". Five
/// evenly spaced lines when the range is not a finite positive number (ends near ±`f64::MAX`).
pub(super) fn value_lines(lo: f64, hi: f64, whole: bool) -> Vec<f64> {
    let span = hi - lo;
    let even = || {
        (0..=4)
            .map(|i| {
                // Weighted, not `lo + step * i`: ±f64::MAX ends would overflow the step.
                let t = f64::from(i) / 4.0;
                lo * (1.0 - t) + hi * t
            })
            .collect()
    };
    if !(span.is_finite() && span > 0.0) {
        return even();
    }
    let power = 10f64.powf(span.log10().floor() - 1.0);
    let Some(step) = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| span / s <= 5.0 + 1e-9 && (!whole || *s >= 1.0))
    else {
        return even();
    };
    let (first, last) = ((lo / step).ceil() as i64, (hi / step).floor() as i64);
    (first..=last).map(|k| k as f64 * step).collect()
}

/// A sum that stays a number: the record rules keep each value finite, but two values near
/// `f64::MAX` add up to infinity, and infinity minus infinity is NaN in a coordinate.
pub(super) fn total(values: impl IntoIterator<Item = f64>) -> f64 {
    values.into_iter().fold(0.0, add)
}

/// `a + b`, saturated at ±`f64::MAX`, a non-number counted as 0.
pub(super) fn add(a: f64, b: f64) -> f64 {
    let sum = a + b;
    if sum.is_nan() {
        0.0
    } else {
        sum.clamp(-f64::MAX, f64::MAX)
    }
}

/// Where `v` falls between `lo` and `hi`, from 0 to 1, whatever the values (the halves keep
/// `hi - lo` finite when they are ±`f64::MAX`).
pub(super) fn fraction(v: f64, lo: f64, hi: f64) -> f64 {
    let span = hi / 2.0 - lo / 2.0;
    if span.is_nan() || span <= 0.0 || span.is_infinite() {
        return 0.0;
    }
    let f = (v / 2.0 - lo / 2.0) / span;
    if f.is_nan() { 0.0 } else { f.clamp(0.0, 1.0) }
}

/// The most years a chart draws side by side: beyond it the labels would overlap and one year
/// be a few pixels wide. A longer span is cut to a window, with a note.
pub const MAX_YEARS: i32 = 50;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<img src=x onerror=alert(1)>\"'&"),
            "&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;"
        );
    }

    #[test]
    fn round_scales() {
        assert_eq!(nice_max(0.0), 1.0);
        assert_eq!(nice_max(7.0), 10.0);
        assert_eq!(nice_max(120.0), 200.0);
        assert_eq!(nice_max(4_000.0), 5_000.0);
        assert_eq!(nice_max(1e308), 1e308);
        assert_eq!(nice_max(1.5e308), 1.5e308, "2e308 is infinite");
        assert_eq!(nice_max(f64::MAX), f64::MAX);
    }

    #[test]
    fn value_lines_fall_on_round_values() {
        assert_eq!(
            value_lines(0.0, 10.0, false),
            [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
        );
        assert_eq!(
            value_lines(0.0, 200.0, false),
            [0.0, 50.0, 100.0, 150.0, 200.0]
        );
        assert_eq!(value_lines(0.0, 2.0, false), [0.0, 0.5, 1.0, 1.5, 2.0]);
        assert_eq!(value_lines(-5.0, 10.0, false), [-5.0, 0.0, 5.0, 10.0]);
        assert_eq!(value_lines(0.0, 5_000.0, false).len(), 6);
        // Counts: whole lines only.
        assert_eq!(value_lines(0.0, 2.0, true), [0.0, 1.0, 2.0]);
        assert_eq!(value_lines(0.0, 1.0, true), [0.0, 1.0]);
        assert_eq!(
            value_lines(0.0, 10.0, true),
            [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]
        );
        // Ends where a step would overflow: five lines, evenly spaced, every one a number.
        let extreme = value_lines(-f64::MAX, f64::MAX, false);
        assert_eq!(extreme.len(), 5);
        assert!(extreme.iter().all(|v| v.is_finite()));
    }

    #[test]
    fn sums_and_fractions_stay_numbers() {
        assert_eq!(total([1e308, 1e308, 5.0]), f64::MAX);
        assert_eq!(total([-1e308, -1e308]), -f64::MAX);
        assert_eq!(add(f64::MAX, -f64::MAX), 0.0);
        assert_eq!(fraction(5.0, 0.0, 10.0), 0.5);
        assert_eq!(fraction(f64::MAX, -f64::MAX, f64::MAX), 1.0);
        assert_eq!(fraction(0.0, -f64::MAX, f64::MAX), 0.5);
        assert_eq!(fraction(-1e308, 0.0, 1.0), 0.0);
        assert_eq!(fraction(1.0, 1.0, 1.0), 0.0, "an empty range");
    }
}
