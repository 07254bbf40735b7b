//! Files made from a project: spreadsheets ([`csv`]), maps ([`geojson`]), the public,
//! anonymised copy those can be made from ([`public`]), and the roadmap file ([`roadmap`]).
//!
//! Every function here is pure: a project in, a `String` out. The shell turns the string into a
//! download; the command line writes it to a file. Text from the project is written as data,
//! escaped for the format (CSV quoting, JSON strings), never interpreted.

pub mod csv;
pub mod geojson;
pub mod public;
pub mod roadmap;

use crate::Lang;

/// A number for a spreadsheet: at most six decimals, no trailing zeros, and the decimal mark of
/// the language (a comma in French, as French spreadsheets expect).
pub fn decimal(value: f64, lang: Lang) -> String {
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
    match lang {
        Lang::Fr => s.replace('.', ","),
        Lang::En => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals() {
        assert_eq!(decimal(6.000_000_000_000_001, Lang::Fr), "6");
        assert_eq!(decimal(1234.5, Lang::Fr), "1234,5");
        assert_eq!(decimal(1234.5, Lang::En), "1234.5");
        assert_eq!(decimal(-0.000_000_1, Lang::Fr), "0");
        assert_eq!(decimal(-12.25, Lang::Fr), "-12,25");
        assert_eq!(decimal(f64::NAN, Lang::Fr), "");
        assert_eq!(decimal(1e21, Lang::En), "1000000000000000000000");
    }
}
