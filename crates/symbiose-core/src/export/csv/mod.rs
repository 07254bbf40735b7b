//! Spreadsheet exports: one CSV table per kind of record.
//!
//! The files are made for French spreadsheets first: `;` between cells, UTF-8 with a byte-order
//! mark (without it Excel reads the accents as Windows-1252), CRLF line ends, cells quoted when
//! they hold `;`, quotes or line breaks. In French, decimals take a comma and dates read
//! `JJ/MM/AAAA`; in English, a point and `YYYY-MM-DD`.
//!
//! A text cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab
//! or a carriage return) gets a leading `'`: a company name typed as `=HYPERLINK(…)` must stay a
//! name on the facilitator's machine. Numbers are written by [`Table::number`], never guarded,
//! so a negative amount stays a number.

mod indicators;
mod inventory;
mod portfolio;
mod programme;

pub use indicators::{elipse, indicators};
pub(crate) use inventory::period_label;
pub use inventory::{actors, flows};
pub use portfolio::portfolio;
pub use programme::{actions, aid_tables, aids, measurements, synergies};

use crate::Lang;
use crate::model::Date;
use crate::numbers::{Precision::Exact, number};

/// A table being written: headers in the chosen language, then rows of ready cells.
pub(super) struct Table {
    lang: Lang,
    writer: ::csv::Writer<Vec<u8>>,
}

impl Table {
    /// A table whose headers are given in both languages.
    fn new(lang: Lang, headers: &[(&str, &str)]) -> Self {
        let names = headers.iter().map(|(fr, en)| lang.pick(fr, en).to_string());
        Self::with_names(lang, names.collect())
    }

    /// A table whose headers are already in `lang`.
    fn with_names(lang: Lang, names: Vec<String>) -> Self {
        let mut t = Self {
            lang,
            writer: ::csv::WriterBuilder::new()
                .delimiter(b';')
                .terminator(::csv::Terminator::CRLF)
                .quote_style(::csv::QuoteStyle::Necessary)
                .from_writer("\u{FEFF}".as_bytes().to_vec()),
        };
        let header = names.into_iter().map(|n| guard_formula(&n)).collect();
        t.row(header);
        t
    }

    fn text(&self, s: &str) -> String {
        guard_formula(s)
    }

    fn number(&self, v: Option<f64>) -> String {
        v.map_or(String::new(), |v| number(v, self.lang, Exact))
    }

    fn date(&self, d: Option<Date>) -> String {
        d.map_or(String::new(), |d| d.in_lang(self.lang))
    }

    fn yes_no(&self, b: bool) -> String {
        self.lang
            .pick(if b { "oui" } else { "non" }, if b { "yes" } else { "no" })
            .to_string()
    }

    fn row(&mut self, cells: Vec<String>) {
        self.writer
            .write_record(&cells)
            .expect("writing CSV to memory cannot fail");
    }

    fn finish(self) -> String {
        let bytes = self
            .writer
            .into_inner()
            .expect("flushing CSV to memory cannot fail");
        String::from_utf8(bytes).expect("CSV made from Rust strings is UTF-8")
    }
}

/// Prefixes with `'` a text a spreadsheet would evaluate (OWASP "CSV injection"). The quote is
/// shown by no spreadsheet as part of the value once the cell is read as text.
pub(super) fn guard_formula(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_not() {
        for risky in ["=1+1", "+33 4 95", "-2+3", "@SUM(A1)", "\t=x", "\r=x"] {
            assert_eq!(guard_formula(risky), format!("'{risky}"));
        }
        for plain in ["", "Scierie", "1+1", " =x", "'=x", "é=mc²"] {
            assert_eq!(guard_formula(plain), plain);
        }
    }

    #[test]
    fn quoting_and_guard_in_a_table() {
        let mut t = Table::new(Lang::Fr, &[("a", "a"), ("b", "b"), ("c", "c")]);
        let cells = vec![
            t.text("x;y"),
            t.text("dit \"oui\"\nou non"),
            t.text("=HYPERLINK(\"http://x\";\"y\")"),
        ];
        t.row(cells);
        t.row(vec![t.number(Some(-12.5)), t.number(None), t.yes_no(true)]);
        assert_eq!(
            t.finish(),
            "\u{FEFF}a;b;c\r\n\"x;y\";\"dit \"\"oui\"\"\nou non\";\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\"\r\n-12,5;;oui\r\n"
        );
    }
}
