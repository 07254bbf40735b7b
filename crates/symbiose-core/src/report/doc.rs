//! A small HTML document builder for the deliverables: every text goes through `escape`, only
//! the charts (already escaped by `charts`) are inserted as markup. The result is one
//! standalone file: its print stylesheet is inline, A4 with page breaks between parts.

use crate::charts::escape;

pub struct Doc {
    body: String,
}

/// A table cell. Its kind is a type, not a convention on its text: a company named
/// "#1 Recyclage" is text and keeps its "#".
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A figure, already written for the reader (`1 200 €`): right-aligned, never wrapped.
    Number(String),
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text(text.into())
    }

    pub fn number(figure: impl Into<String>) -> Self {
        Self::Number(figure.into())
    }
}

const STYLE: &str = "
@page { size: A4; margin: 18mm 16mm; }
body { font-family: system-ui, 'Segoe UI', Roboto, Arial, sans-serif; color: #1b1f23; font-size: 11pt; line-height: 1.4; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 22pt; margin: 0 0 4mm; color: #1b5e20; }
h2 { font-size: 15pt; margin: 8mm 0 3mm; border-bottom: 2px solid #2e7d32; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
.part { break-before: page; }
.cover p { font-size: 12pt; }
.meta { color: #4a5561; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 9.5pt; break-inside: auto; }
th, td { border: 1px solid #c7cfcb; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
th { background: #eef3ef; }
td.num { text-align: right; white-space: nowrap; }
tr { break-inside: avoid; }
figure { margin: 3mm 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
.note { color: #4a5561; font-size: 9.5pt; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; }
.figure { border: 1px solid #c7cfcb; border-left: 4px solid #2e7d32; padding: 2mm; break-inside: avoid; }
.figure strong { display: block; font-size: 14pt; }
@media screen { body { padding: 10mm; } .part { border-top: 1px dashed #c7cfcb; margin-top: 10mm; } }
";

impl Doc {
    pub fn new() -> Self {
        Self {
            body: String::new(),
        }
    }

    pub fn h1(&mut self, text: &str) -> &mut Self {
        self.body.push_str(&format!("<h1>{}</h1>", escape(text)));
        self
    }

    /// A new part, starting on a new page when printed.
    pub fn part(&mut self, title: &str) -> &mut Self {
        self.body
            .push_str(&format!("<h2 class=\"part\">{}</h2>", escape(title)));
        self
    }

    pub fn h2(&mut self, text: &str) -> &mut Self {
        self.body.push_str(&format!("<h2>{}</h2>", escape(text)));
        self
    }

    pub fn h3(&mut self, text: &str) -> &mut Self {
        self.body.push_str(&format!("<h3>{}</h3>", escape(text)));
        self
    }

    pub fn p(&mut self, text: &str) -> &mut Self {
        self.body.push_str(&format!("<p>{}</p>", escape(text)));
        self
    }

    pub fn note(&mut self, text: &str) -> &mut Self {
        self.body
            .push_str(&format!("<p class=\"note\">{}</p>", escape(text)));
        self
    }

    pub fn list(&mut self, items: impl IntoIterator<Item = String>) -> &mut Self {
        self.body.push_str("<ul>");
        for i in items {
            self.body.push_str(&format!("<li>{}</li>", escape(&i)));
        }
        self.body.push_str("</ul>");
        self
    }

    /// A table of typed cells: text as given, figures right-aligned.
    pub fn table(&mut self, head: &[&str], rows: impl IntoIterator<Item = Vec<Cell>>) -> &mut Self {
        self.body.push_str("<table><thead><tr>");
        for h in head {
            self.body.push_str(&format!("<th>{}</th>", escape(h)));
        }
        self.body.push_str("</tr></thead><tbody>");
        for row in rows {
            self.body.push_str("<tr>");
            for cell in row {
                match cell {
                    Cell::Number(n) => self
                        .body
                        .push_str(&format!("<td class=\"num\">{}</td>", escape(&n))),
                    Cell::Text(t) => self.body.push_str(&format!("<td>{}</td>", escape(&t))),
                }
            }
            self.body.push_str("</tr>");
        }
        self.body.push_str("</tbody></table>");
        self
    }

    /// Key figures as boxes: (value, label).
    pub fn figures(&mut self, items: &[(String, String)]) -> &mut Self {
        self.body.push_str("<div class=\"figures\">");
        for (v, l) in items {
            self.body.push_str(&format!(
                "<div class=\"figure\"><strong>{}</strong>{}</div>",
                escape(v),
                escape(l)
            ));
        }
        self.body.push_str("</div>");
        self
    }

    /// A chart made by `charts` (its text is escaped there).
    pub fn chart(&mut self, svg: &str) -> &mut Self {
        self.body.push_str(&format!("<figure>{svg}</figure>"));
        self
    }

    pub fn finish(&self, title: &str, lang: crate::Lang) -> String {
        format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>{}</body></html>",
            lang.code(),
            escape(title),
            self.body
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_typed_and_a_leading_hash_is_text() {
        let mut d = Doc::new();
        d.table(
            &["Entreprise", "Flux"],
            [vec![Cell::text("#1 Recyclage"), Cell::number("12")]],
        );
        assert!(
            d.body
                .contains("<td>#1 Recyclage</td><td class=\"num\">12</td>"),
            "{}",
            d.body
        );
        d.table(&["x"], [vec![Cell::number("#<b>")]]);
        assert!(d.body.contains("<td class=\"num\">#&lt;b&gt;</td>"));
    }
}
