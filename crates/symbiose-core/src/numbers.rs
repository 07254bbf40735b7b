//! Every number the app writes for a person or a spreadsheet, in one place: the language
//! decides the marks (French: a decimal comma and thousands grouped by a narrow no-break space;
//! English: a point and commas), the purpose decides the precision.
//!
//! Reading a number back, as typed in a form or written in a spreadsheet's cell, is
//! [`parse_decimal`], which accepts both languages' marks (the app's forms and the flows import
//! read with it).

use crate::Lang;

/// What a number is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// To be read (sentences, lists, popups, charts, reports): fewer decimals as figures grow,
    /// two under 10, one under 100, none above; whole numbers without decimals; thousands
    /// grouped; past a million billion (an error of entry, not a quantity) a power of ten.
    /// A value that is not a number is "—".
    Reading,
    /// For a spreadsheet or a comparison (CSV cells, the "old → new" of a merge): up to six
    /// decimals, no trailing zeros, no grouping, so that a spreadsheet reads it as a number.
    /// A value that is not a number is an empty cell.
    Exact,
    /// In a field being edited: every digit needed to read back the same value, no grouping.
    Editing,
}

/// `value` written for `precision` in `lang`.
pub fn number(value: f64, lang: Lang, precision: Precision) -> String {
    let point = match lang {
        Lang::Fr => ",",
        Lang::En => ".",
    };
    match precision {
        Precision::Reading => reading(value, lang),
        Precision::Exact => {
            if !value.is_finite() {
                return String::new();
            }
            let mut s = format!("{value:.6}");
            if s.contains('.') {
                s.truncate(s.trim_end_matches('0').trim_end_matches('.').len());
            }
            if s == "-0" {
                s = "0".to_string();
            }
            s.replace('.', point)
        }
        Precision::Editing => {
            if !value.is_finite() {
                return String::new();
            }
            format!("{value}").replace('.', point)
        }
    }
}

/// `value` to be read, followed by its unit after a no-break space (`12,5 t/an`): the two
/// never part at the end of a line.
pub fn with_unit(value: f64, lang: Lang, unit: &str) -> String {
    let n = reading(value, lang);
    if unit.is_empty() {
        n
    } else {
        format!("{n}\u{a0}{unit}")
    }
}

/// A share (0–1) as a whole percentage: "42 %" in French (a no-break space before the sign, as
/// French typography wants), "42%" in English.
pub fn percent(share: f64, lang: Lang) -> String {
    let n = reading((share * 100.0).round(), lang);
    match lang {
        Lang::Fr => format!("{n}\u{a0}%"),
        Lang::En => format!("{n}%"),
    }
}

/// Parses a decimal number written the French or the English way (`1 250,5`, `1250.5`,
/// `1 250` with a narrow no-break space, `1'250`); `None` when it is not one, or not finite.
pub fn parse_decimal(input: &str) -> Option<f64> {
    let cleaned: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() || cleaned.matches('.').count() > 1 {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn reading(value: f64, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    // Past a million billion a figure written in full would be hundreds of digits wide.
    if value.abs() >= 1e15 {
        let mut exponent = value.abs().log10().floor();
        let mut mantissa = (value / 10f64.powf(exponent) * 10.0).round() / 10.0;
        if mantissa.abs() >= 10.0 {
            mantissa /= 10.0;
            exponent += 1.0;
        }
        return format!("{} × 10^{exponent}", reading(mantissa, lang));
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

#[cfg(test)]
mod tests {
    use super::Precision::*;
    use super::*;

    #[test]
    fn decimals_are_read_in_french_and_english_forms() {
        assert_eq!(parse_decimal("1 250,5"), Some(1250.5));
        assert_eq!(parse_decimal("1250.5"), Some(1250.5));
        assert_eq!(parse_decimal("1\u{202f}250"), Some(1250.0));
        assert_eq!(parse_decimal("-3"), Some(-3.0));
        assert_eq!(parse_decimal("1,2,3"), None);
        assert_eq!(parse_decimal("abc"), None);
        assert_eq!(parse_decimal("inf"), None);
        assert_eq!(parse_decimal(""), None);
    }

    #[test]
    fn a_share_is_a_whole_percentage_written_as_each_language_writes_it() {
        assert_eq!(percent(0.424, Lang::Fr), "42\u{a0}%");
        assert_eq!(percent(0.425, Lang::En), "43%");
        assert_eq!(percent(1.0, Lang::Fr), "100\u{a0}%");
    }

    #[test]
    fn reading_in_both_languages() {
        let r = |v, l| number(v, l, Reading);
        assert_eq!(r(1234567.0, Lang::Fr), "1\u{202F}234\u{202F}567");
        assert_eq!(r(1234567.0, Lang::En), "1,234,567");
        assert_eq!(r(4.07, Lang::Fr), "4,07");
        assert_eq!(r(4.5, Lang::En), "4.5");
        assert_eq!(r(12.34, Lang::Fr), "12,3");
        assert_eq!(r(53977.58, Lang::Fr), "53\u{202F}978");
        assert_eq!(r(-1200.0, Lang::Fr), "-1\u{202F}200");
        assert_eq!(r(-0.001, Lang::Fr), "0");
        assert_eq!(r(0.0, Lang::Fr), "0");
        assert_eq!(r(f64::NAN, Lang::Fr), "—");
        assert_eq!(with_unit(12.5, Lang::Fr, "t/an"), "12,5\u{a0}t/an");
        assert_eq!(with_unit(3.0, Lang::En, ""), "3");
    }

    #[test]
    fn absurd_figures_stay_short() {
        let r = |v, l| number(v, l, Reading);
        assert_eq!(r(1e308, Lang::Fr), "1 × 10^308");
        assert_eq!(r(-2.5e20, Lang::En), "-2.5 × 10^20");
        assert_eq!(r(f64::MAX, Lang::En), "1.8 × 10^308");
        assert_eq!(r(9.97e20, Lang::En), "1 × 10^21");
        assert_eq!(r(1e15, Lang::Fr), "1 × 10^15");
        assert_eq!(r(999_999_999_999_999.0, Lang::En), "999,999,999,999,999");
    }

    #[test]
    fn exact_for_spreadsheets() {
        let e = |v, l| number(v, l, Exact);
        assert_eq!(e(6.000_000_000_000_001, Lang::Fr), "6");
        assert_eq!(e(1234.5, Lang::Fr), "1234,5");
        assert_eq!(e(1234.5, Lang::En), "1234.5");
        assert_eq!(e(-0.000_000_1, Lang::Fr), "0");
        assert_eq!(e(-12.25, Lang::Fr), "-12,25");
        assert_eq!(e(f64::NAN, Lang::Fr), "");
        assert_eq!(e(1e21, Lang::En), "1000000000000000000000");
    }

    #[test]
    fn editing_keeps_every_digit() {
        assert_eq!(number(12.5, Lang::Fr, Editing), "12,5");
        assert_eq!(number(12.5, Lang::En, Editing), "12.5");
        assert_eq!(number(40.0, Lang::Fr, Editing), "40");
        assert_eq!(number(42.123_456_789, Lang::Fr, Editing), "42,123456789");
        assert_eq!(number(f64::INFINITY, Lang::Fr, Editing), "");
    }
}
