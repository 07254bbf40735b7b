//! The zone as a picture for print: the companies at their positions (an equirectangular
//! projection, fine at the scale of a ZA or an EPCI), coloured by flow count, and the synergies
//! as lines. No background tiles: a printed deliverable must not depend on a tile server.

use crate::charts::escape;
use crate::model::{Index, Position, Project, Stage};
use crate::numbers::{Precision::Reading, number};
use crate::{Lang, geo};

pub fn zone_svg(p: &Project, lang: Lang) -> String {
    let title = lang.pick(
        "Carte des entreprises et des synergies",
        "Map of the companies and synergies",
    );
    let index = Index::new(p);
    let points: Vec<Position> = p
        .actors
        .iter()
        .filter_map(|a| a.position)
        .filter(Position::is_valid)
        .collect();
    let Some((sw, ne)) = geo::bounds(points.iter().copied()) else {
        return format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 520 80\" role=\"img\"><title>{0}</title><text x=\"10\" y=\"45\">{1}</text></svg>",
            escape(title),
            escape(lang.pick(
                "Aucune entreprise placée sur la carte",
                "No company placed on the map"
            ))
        );
    };
    let (w, h, pad) = (700.0, 520.0, 30.0);
    let k = (sw.lat.to_radians()).cos().max(0.2);
    let (dx, dy) = (
        ((ne.lon - sw.lon) * k).max(1e-4),
        (ne.lat - sw.lat).max(1e-4),
    );
    let scale = ((w - 2.0 * pad) / dx).min((h - 2.0 * pad) / dy);
    let xy = |q: Position| {
        (
            pad + (q.lon - sw.lon) * k * scale,
            h - pad - (q.lat - sw.lat) * scale,
        )
    };
    let implemented = p
        .synergies
        .iter()
        .filter(|s| s.stage == Stage::Implemented)
        .count();
    let desc = format!(
        "{} {} ; {} {} ({} {})",
        points.len(),
        lang.pick("entreprises placées", "companies placed"),
        p.synergies
            .iter()
            .filter(|s| s.stage != Stage::Abandoned)
            .count(),
        lang.pick("synergies suivies", "synergies followed"),
        implemented,
        lang.pick("mises en œuvre", "implemented"),
    );
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" font-family=\"system-ui, sans-serif\"><title>{}</title><desc>{}</desc><rect width=\"{w}\" height=\"{h}\" fill=\"#eef3ef\"/>",
        escape(title),
        escape(&desc)
    );
    for s in p.synergies.iter().filter(|s| s.stage != Stage::Abandoned) {
        let pos: Vec<(f64, f64)> = s
            .actors
            .iter()
            .filter_map(|a| index.actor(a)?.position)
            .map(xy)
            .collect();
        for pair in pos.windows(2) {
            out.push_str(&format!(
                "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"3\"{}/>",
                pair[0].0,
                pair[0].1,
                pair[1].0,
                pair[1].1,
                if s.stage == Stage::Implemented { "#2e7d32" } else { "#1e88e5" },
                if s.stage == Stage::Implemented { "" } else { " stroke-dasharray=\"7 5\"" }
            ));
        }
    }
    for a in &p.actors {
        let Some(q) = a.position.filter(Position::is_valid) else {
            continue;
        };
        let (x, y) = xy(q);
        let n = index.flows_of(&a.id).len();
        out.push_str(&format!(
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"#37474f\" fill-opacity=\"0.8\" stroke=\"#fff\"/>",
            4.0 + (n as f64).sqrt() * 1.5
        ));
    }
    out.push_str(&format!(
        "<text x=\"{pad}\" y=\"{}\" font-size=\"12\" fill=\"#4a5561\">{}</text></svg>",
        h - 8.0,
        escape(&format!(
            "{} · {} {} km",
            lang.pick(
                "Trait plein : synergie mise en œuvre ; tirets : en cours",
                "Solid: implemented synergy; dashed: in progress"
            ),
            lang.pick("largeur ≈", "width ≈"),
            number(
                sw.distance_km(&Position::new(sw.lat, ne.lon)),
                lang,
                Reading
            )
        ))
    ));
    out
}
