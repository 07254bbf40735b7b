//! A small HTML document builder for the deliverables: every text goes through `escape`, only
//! the charts (already escaped by `charts`) are inserted as markup. The result is one
//! standalone file: its print stylesheet is inline, A4 with page breaks between parts, and its
//! own Content-Security-Policy lets that one stylesheet apply and nothing else (no script, no
//! request), wherever the file is opened.

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
    /// A figure in parts (`9 000 €/an`, `× 2 ans`): right-aligned, each part whole, the parts
    /// on lines of their own when the column is narrow (a nine-column table ran off the page).
    Figures(Vec<String>),
    /// An empty cell tall enough to write in by hand (the paper questionnaire).
    Blank,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text(text.into())
    }

    pub fn number(figure: impl Into<String>) -> Self {
        Self::Number(figure.into())
    }

    pub fn figures(parts: impl IntoIterator<Item = String>) -> Self {
        Self::Figures(parts.into_iter().collect())
    }
}

/// From this many columns a table is set smaller (`table.wide`).
const WIDE_FROM_COLUMNS: usize = 7;

/// The print stylesheet, the only style of a deliverable: no element carries a `style`
/// attribute, which a policy without `'unsafe-inline'` would refuse.
pub(crate) const STYLE: &str = "
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
table.wide { font-size: 8pt; }
table.wide th, table.wide td { padding: 0.8mm 1mm; }
td.num { text-align: right; white-space: nowrap; }
td.figs { white-space: normal; }
td.figs span { white-space: nowrap; }
td.blank { height: 9mm; }
tr { break-inside: avoid; }
figure { margin: 3mm 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
.note { color: #4a5561; font-size: 9.5pt; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 3mm; }
.figure { border: 1px solid #c7cfcb; border-left: 4px solid #2e7d32; padding: 2mm; break-inside: avoid; }
.figure strong { display: block; font-size: 14pt; }
@media screen { body { padding: 10mm; } .part { border-top: 1px dashed #c7cfcb; margin-top: 10mm; } }
";

/// `STYLE` as a Content-Security-Policy hash source (SHA-256, base64). Two policies name it: the
/// file's own (`POLICY`), and the app's (index.html), because the preview frame is a `srcdoc`
/// document, which inherits the policy of the page that holds it. A change to `STYLE` changes
/// it: `style_hash_is_the_hash_of_the_style` below gives the new value, and the app's host test
/// checks that index.html carries it, so a CSS edit cannot silently unstyle the deliverables.
pub const STYLE_HASH: &str = "'sha256-KuMi0shhb9OOOqr6qKKsxnMlSrLkvTkhyE1k/uJMfKA='";

/// The file's own policy: nothing is fetched (the map and charts are inline SVG, fonts are the
/// system's), no script runs, and the one stylesheet applies by its hash. It holds wherever the
/// saved file is opened or mailed to, and in the preview frame on top of the app's policy.
/// `frame-ancestors` and `sandbox` are not allowed in a `<meta>` policy, so they are not here.
fn policy() -> String {
    format!("default-src 'none'; style-src {STYLE_HASH}; base-uri 'none'; form-action 'none'")
}

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

    /// A table of typed cells: text as given, figures right-aligned on one line. A table of
    /// many columns is set smaller, so that it stays within an A4 page: the roadmap's nine
    /// columns ran off it, cutting the financing and the self-funding a funder reads.
    pub fn table(&mut self, head: &[&str], rows: impl IntoIterator<Item = Vec<Cell>>) -> &mut Self {
        if head.len() >= WIDE_FROM_COLUMNS {
            self.body.push_str("<table class=\"wide\"><thead><tr>");
        } else {
            self.body.push_str("<table><thead><tr>");
        }
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
                    Cell::Figures(parts) => {
                        let parts: Vec<String> = parts
                            .iter()
                            .map(|p| format!("<span>{}</span>", escape(p)))
                            .collect();
                        self.body
                            .push_str(&format!("<td class=\"num figs\">{}</td>", parts.join(" ")));
                    }
                    Cell::Text(t) => self.body.push_str(&format!("<td>{}</td>", escape(&t))),
                    Cell::Blank => self.body.push_str("<td class=\"blank\"></td>"),
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

    /// The whole file. The policy comes first in `<head>`: a `<meta>` policy governs only what
    /// follows it, the stylesheet included.
    pub fn finish(&self, title: &str, lang: crate::Lang) -> String {
        format!(
            "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"{}\"><title>{}</title><style>{STYLE}</style></head><body>{}</body></html>",
            lang.code(),
            policy(),
            escape(title),
            self.body
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use sha2::{Digest, Sha256};

    #[test]
    fn style_hash_is_the_hash_of_the_style() {
        let digest = Sha256::digest(STYLE.as_bytes());
        let hash = format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        );
        assert_eq!(
            STYLE_HASH, hash,
            "STYLE changed: set STYLE_HASH and the style-src of index.html to {hash}"
        );
    }

    #[test]
    fn the_file_allows_its_stylesheet_and_nothing_else() {
        let html = Doc::new().finish("t", crate::Lang::Fr);
        let head = &html[..html.find("</head>").unwrap()];
        let meta = head
            .find("<meta http-equiv=\"Content-Security-Policy\"")
            .expect("a policy");
        assert!(
            meta < head.find("<style>").unwrap(),
            "policy before the style"
        );
        assert!(head.contains(&format!("<style>{STYLE}</style>")));
        let policy = policy();
        assert!(policy.starts_with("default-src 'none';"));
        for allowed in [
            "'unsafe-inline'",
            "'unsafe-eval'",
            "script-src",
            "img-src",
            "'self'",
            "*",
        ] {
            assert!(!policy.contains(allowed), "{allowed} in {policy}");
        }
    }

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
        // A figure in parts: each whole and escaped, a space between them to wrap at.
        d.table(
            &["x"],
            [vec![Cell::figures([
                "9 000 €/an".into(),
                "× <2> ans".into(),
            ])]],
        );
        assert!(d.body.contains(
            "<td class=\"num figs\"><span>9 000 €/an</span> <span>× &lt;2&gt; ans</span></td>"
        ));
    }
}
