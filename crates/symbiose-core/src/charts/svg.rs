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

/// A figure as a reader expects it: French groups thousands with a narrow no-break space and
/// uses a decimal comma; English uses a comma and a point. Precision shrinks as figures grow:
/// two decimals under 10, one under 100, none above (a chart reads magnitudes).
pub fn number(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let decimals = match value.abs() {
        v if v >= 100.0 || v.fract() == 0.0 => 0,
        v if v >= 10.0 => 1,
        _ => 2,
    };
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let (group, point) = match lang {
        Lang::Fr => ('\u{202F}', ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    let sign = if value < 0.0 && (int != "0" || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{point}{frac}")
    }
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

/// A round scale maximum at or above `max`: 1, 2 or 5 times a power of ten.
pub(super) fn nice_max(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let power = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|v| *v >= max)
        .unwrap_or(10.0 * power)
}

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
    fn numbers_in_both_languages() {
        assert_eq!(number(1234567.0, Lang::Fr), "1\u{202F}234\u{202F}567");
        assert_eq!(number(1234567.0, Lang::En), "1,234,567");
        assert_eq!(number(4.07, Lang::Fr), "4,07");
        assert_eq!(number(4.5, Lang::En), "4.5");
        assert_eq!(number(53977.58, Lang::Fr), "53\u{202F}978");
        assert_eq!(number(-1200.0, Lang::Fr), "-1\u{202F}200");
        assert_eq!(number(0.0, Lang::Fr), "0");
        assert_eq!(number(f64::NAN, Lang::Fr), "—");
    }

    #[test]
    fn round_scales() {
        assert_eq!(nice_max(0.0), 1.0);
        assert_eq!(nice_max(7.0), 10.0);
        assert_eq!(nice_max(120.0), 200.0);
        assert_eq!(nice_max(4_000.0), 5_000.0);
    }
}
