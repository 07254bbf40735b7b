//! The territory's flows from outputs to uses, as a Sankey diagram: the sectors that offer a
//! resource → the resource → where it goes today (its route) or the synergy that takes it. One
//! diagram per dimension (tonnes a year, MWh a year, m³ a year): they do not add up.
//! Also written as SankeyMATIC text (`Source [amount] Target`), to be restyled there.

use std::collections::BTreeMap;

use super::svg::{add, escape, no_data, open, total};
use crate::Lang;
use crate::model::{Dimension, Direction, Index, Period, Project, Stage};
use crate::numbers::{Precision::Reading, number};
use crate::refdata::naf;

#[derive(Debug, Clone, PartialEq)]
pub struct Sankey {
    /// Node labels by column (0: sectors, 1: resources, 2: uses).
    pub columns: [Vec<String>; 3],
    /// (from column, from index, to index in the next column, amount).
    pub links: Vec<(usize, usize, usize, f64)>,
    pub unit: &'static str,
}

/// The offers of the given dimension with a recurring quantity, followed to their use.
pub fn sankey(p: &Project, dimension: Dimension, lang: Lang) -> Sankey {
    let unit = match dimension {
        Dimension::Energy => lang.pick("MWh/an", "MWh/yr"),
        Dimension::Volume => lang.pick("m³/an", "m³/yr"),
        _ => lang.pick("t/an", "t/yr"),
    };
    let mut first: BTreeMap<(String, String), f64> = BTreeMap::new();
    let mut second: BTreeMap<(String, String), f64> = BTreeMap::new();
    let companies = Index::keeping(p, |_| true, |_| false);
    for f in p.flows.iter().filter(|f| f.direction == Direction::Offer) {
        let Some(q) = f
            .quantity
            .filter(|q| q.unit.dimension() == dimension && q.period != Period::Once)
        else {
            continue;
        };
        let amount = q.annual_base();
        if amount <= 0.0 || !amount.is_finite() {
            continue;
        }
        let sector = companies
            .actor(&f.actor)
            .and_then(|a| a.naf.as_deref())
            .and_then(naf::section_of)
            .and_then(|s| naf::section_label(s, lang))
            .unwrap_or(lang.pick("Secteur non renseigné", "Sector unknown"))
            .to_string();
        let resource = f
            .category
            .map(|c| c.label(lang).to_string())
            .unwrap_or_else(|| f.family.label(lang).to_string());
        let taken = p
            .synergies
            .iter()
            .find(|s| s.stage != Stage::Abandoned && s.flows.contains(&f.id));
        let use_ = match (taken, f.route) {
            (Some(s), _) => format!(
                "{} ({})",
                lang.pick("Synergie", "Synergy"),
                s.stage.label(lang)
            ),
            (None, Some(r)) => r.label(lang).to_string(),
            (None, None) => lang
                .pick("Devenir non renseigné", "Fate unknown")
                .to_string(),
        };
        let a = first.entry((sector, resource.clone())).or_default();
        *a = add(*a, amount);
        let b = second.entry((resource, use_)).or_default();
        *b = add(*b, amount);
    }
    let mut columns: [Vec<String>; 3] = Default::default();
    let mut index = |col: usize, label: &String| -> usize {
        match columns[col].iter().position(|l| l == label) {
            Some(i) => i,
            None => {
                columns[col].push(label.clone());
                columns[col].len() - 1
            }
        }
    };
    let mut links = Vec::new();
    for ((a, b), v) in &first {
        links.push((0, index(0, a), index(1, b), *v));
    }
    for ((b, c), v) in &second {
        links.push((1, index(1, b), index(2, c), *v));
    }
    Sankey {
        columns,
        links,
        unit,
    }
}

/// SankeyMATIC's input: one `Source [amount] Target` line per link. Brackets and line breaks
/// in names would break its syntax, so they are replaced.
pub fn sankey_matic(s: &Sankey) -> String {
    let clean = |t: &str| t.replace(['[', ']'], "").replace(['\n', '\r'], " ");
    s.links
        .iter()
        .map(|(col, from, to, v)| {
            format!(
                "{} [{}] {}",
                clean(&s.columns[*col][*from]),
                (v * 100.0).round() / 100.0,
                clean(&s.columns[col + 1][*to])
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const W: f64 = 1200.0;
const H: f64 = 560.0;
const NODE_W: f64 = 18.0;
const GAP: f64 = 10.0;
const COLS_X: [f64; 3] = [300.0, 600.0, 900.0];
const PALETTE: [&str; 8] = [
    "#1565c0", "#e65100", "#2e7d32", "#6d4c41", "#6a1b9a", "#00838f", "#ad1457", "#5d4037",
];

pub fn sankey_svg(s: &Sankey, title: &str, lang: Lang) -> String {
    if s.links.is_empty() {
        return no_data(title, lang);
    }
    // Each node's size is the larger of what enters and what leaves it.
    let mut size: [Vec<f64>; 3] = s.columns.clone().map(|c| vec![0.0; c.len()]);
    let (mut out_, mut in_): ([Vec<f64>; 3], [Vec<f64>; 3]) = (size.clone(), size.clone());
    for (col, from, to, v) in &s.links {
        let v = if v.is_finite() { v.max(0.0) } else { 0.0 };
        out_[*col][*from] = add(out_[*col][*from], v);
        in_[col + 1][*to] = add(in_[col + 1][*to], v);
    }
    for c in 0..3 {
        for i in 0..size[c].len() {
            size[c][i] = out_[c][i].max(in_[c][i]);
        }
    }
    // The tallest column's total: the others hold no more, and sums near f64::MAX saturate.
    let tallest = (0..3)
        .map(|c| total(size[c].iter().copied()))
        .fold(0.0, f64::max);
    let most = (0..3).map(|c| size[c].len()).max().unwrap_or(1) as f64;
    // Many nodes make the diagram taller rather than leave no room (or negative room) for them.
    let height = H.max(60.0 + (GAP + 6.0) * most);
    let scale = (height - 60.0 - GAP * most) / tallest.max(1e-9);
    let mut top: [Vec<f64>; 3] = Default::default();
    for c in 0..3 {
        let mut y = 40.0;
        for v in &size[c] {
            top[c].push(y);
            y += v * scale + GAP;
        }
    }
    let desc = s
        .links
        .iter()
        .map(|(col, from, to, v)| {
            format!(
                "{} → {} : {} {}",
                s.columns[*col][*from],
                s.columns[col + 1][*to],
                number(*v, lang, Reading),
                s.unit
            )
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    let mut svg = open(W, height, title, &desc);
    // The unit once: in the title when the caller put it there, else after it.
    let heading = if title.contains(s.unit) {
        title.to_string()
    } else {
        format!("{title} ({})", s.unit)
    };
    svg.push_str(&format!(
        "<text x=\"0\" y=\"22\" font-weight=\"700\" font-size=\"18\">{}</text>",
        escape(&heading)
    ));
    let (mut out_off, mut in_off) = (top.clone(), top.clone());
    for (col, from, to, v) in &s.links {
        let h = if v.is_finite() {
            v.max(0.0) * scale
        } else {
            0.0
        };
        let (x0, x1) = (COLS_X[*col] + NODE_W, COLS_X[col + 1]);
        let (y0, y1) = (out_off[*col][*from], in_off[col + 1][*to]);
        out_off[*col][*from] += h;
        in_off[col + 1][*to] += h;
        let mx = (x0 + x1) / 2.0;
        svg.push_str(&format!(
            "<path d=\"M{x0:.1} {y0:.1} C{mx:.1} {y0:.1} {mx:.1} {y1:.1} {x1:.1} {y1:.1} L{x1:.1} {:.1} C{mx:.1} {:.1} {mx:.1} {:.1} {x0:.1} {:.1} Z\" fill=\"{}\" fill-opacity=\"0.35\"><title>{}</title></path>",
            y1 + h, y1 + h, y0 + h, y0 + h,
            PALETTE[from % PALETTE.len()],
            escape(&format!("{} → {} : {} {}", s.columns[*col][*from], s.columns[col + 1][*to], number(*v, lang, Reading), s.unit))
        ));
    }
    for c in 0..3 {
        for (i, label) in s.columns[c].iter().enumerate() {
            let (y, h) = (top[c][i], (size[c][i] * scale).max(1.0));
            let (tx, anchor) = if c == 2 {
                (COLS_X[c] + NODE_W + 6.0, "start")
            } else {
                (COLS_X[c] - 6.0, "end")
            };
            let mut shown = label.clone();
            if shown.chars().count() > 30 {
                shown = format!("{}…", shown.chars().take(29).collect::<String>());
            }
            svg.push_str(&format!(
                "<rect x=\"{}\" y=\"{y:.1}\" width=\"{NODE_W}\" height=\"{h:.1}\" fill=\"#37474f\"/><text x=\"{tx}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"14\"><title>{}</title>{} · {}</text>",
                COLS_X[c],
                y + h / 2.0 + 5.0,
                escape(label),
                escape(&shown),
                number(size[c][i], lang, Reading)
            ));
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_in_tonnes_balances_and_writes_sankeymatic() {
        let p = crate::demo::project();
        let s = sankey(&p, Dimension::Mass, Lang::Fr);
        assert!(!s.links.is_empty());
        let first: f64 = s.links.iter().filter(|l| l.0 == 0).map(|l| l.3).sum();
        let second: f64 = s.links.iter().filter(|l| l.0 == 1).map(|l| l.3).sum();
        assert!(
            (first - second).abs() < 1e-6,
            "what enters the resources leaves them"
        );
        let text = sankey_matic(&s);
        assert_eq!(text.lines().count(), s.links.len());
        assert!(text.lines().all(|l| l.contains(" [") && l.contains("] ")));
        let svg = sankey_svg(&s, "Flux de matière", Lang::Fr);
        assert_eq!(svg.matches("<path").count(), s.links.len());
        assert!(!svg.contains("NaN"));
        assert!(
            s.columns[2].iter().any(|c| c.starts_with("Synergie")),
            "{:?}",
            s.columns[2]
        );
    }

    #[test]
    fn names_cannot_break_either_format() {
        let s = Sankey {
            columns: [
                vec!["A [x]\nB".into()],
                vec!["<script>".into()],
                vec!["Z".into()],
            ],
            links: vec![(0, 0, 0, 5.0), (1, 0, 0, 5.0)],
            unit: "t/an",
        };
        assert_eq!(sankey_matic(&s).lines().next(), Some("A x B [5] <script>"));
        let svg = sankey_svg(&s, "t", Lang::Fr);
        assert!(!svg.contains("<script>") && svg.contains("&lt;script&gt;"));
        assert!(
            sankey_svg(
                &Sankey {
                    columns: Default::default(),
                    links: vec![],
                    unit: "t"
                },
                "t",
                Lang::En
            )
            .contains("No data")
        );
    }
}
