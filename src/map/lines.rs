//! The lines the map draws: synergies and proposals between companies, the zone's outline and
//! the perimeter being drawn corner by corner.

use leaflet::{CircleMarker, CircleOptions, LayerGroup, Map, Polygon, PolylineOptions};
use symbiose_core::{Position, geo};
use wasm_bindgen::prelude::*;

use super::{Handles, latlng};
use crate::summary::{ActorSummary, Link};

/// How far a proposal's line bends off the straight one, in parts of its length (`geo::arc`).
const PROPOSAL_BEND: f64 = 0.12;
/// The lines' own pane, under the companies' canvas (Leaflet's overlay pane is at 400): a
/// marker above a line stays clickable, and no layer above the canvas catches its clicks.
const LINKS_PANE: &str = "symbiose-links";
const LINKS_PANE_Z: &str = "390";

/// The map's lines, in a pane of their own drawn as SVG, not on the companies' canvas: a new
/// detection result replaced the lines on that canvas, and Leaflet then redrew the whole canvas
/// (the lines cross the map) with its 5,000 markers, a frame whose commit took 85–140 ms in the
/// benchmark (docs/PERFORMANCE.md, run AU). At most a few hundred lines are drawn
/// (`summary::MAX_PROPOSAL_LINKS`), which SVG draws without effort.
pub(super) struct Links {
    group: LayerGroup,
    renderer: leaflet::Svg,
}

impl Links {
    pub fn new(map: &Map) -> Self {
        let pane = map.create_pane_by_name(LINKS_PANE);
        let style = pane.style();
        style.set_property("z-index", LINKS_PANE_Z).ok();
        style.set_property("pointer-events", "none").ok();
        let opts = leaflet::SvgOptions::new();
        opts.set_pane(LINKS_PANE.into());
        let group = LayerGroup::new();
        map.add_layer(&group);
        Self {
            group,
            renderer: leaflet::Svg::with_options(&opts),
        }
    }
}

pub(super) fn draw_links(h: &Handles, links: &[Link]) {
    h.links.group.clear_layers();
    for l in links {
        // A synergy of the pipeline is a decision: straight. Proposals are arcs, so that two
        // between the same companies part and lines along each other fan out.
        let points = if l.dashed {
            geo::arc(l.from, l.to, PROPOSAL_BEND, 16)
        } else {
            vec![l.from, l.to]
        };
        let line: js_sys::Array = points.iter().map(|p| JsValue::from(latlng(*p))).collect();
        let opts = PolylineOptions::new();
        opts.set_color(l.colour.into());
        opts.set_weight(l.weight);
        opts.set_opacity(0.85);
        opts.set_interactive(false);
        opts.set_renderer(h.links.renderer.clone().into());
        if l.dashed {
            opts.set_dash_array("8 8".into());
        }
        h.links
            .group
            .add_layer(&leaflet::Polyline::new_with_options(&line, &opts));
    }
    let container = h.map.get_container();
    container
        .set_attribute("data-links", &links.len().to_string())
        .ok();
    let dashed = links.iter().filter(|l| l.dashed).count();
    container
        .set_attribute("data-proposal-links", &dashed.to_string())
        .ok();
}

/// The zone's outline (`geo::ZoneRing`: the perimeter, solid, else the companies' hull, dashed).
pub(super) fn draw_zone(h: &Handles, list: &[ActorSummary], perimeter: &[Position]) {
    h.zone.clear_layers();
    let points: Vec<Position> = list.iter().filter_map(|s| s.position).collect();
    let zone = geo::ZoneRing::of(perimeter, &points);
    let drawn = if zone.is_perimeter() {
        "perimeter"
    } else {
        "hull"
    };
    h.map.get_container().set_attribute("data-zone", drawn).ok();
    if zone.corners().len() < 3 {
        return;
    }
    let ring: js_sys::Array = zone
        .corners()
        .iter()
        .map(|p| JsValue::from(latlng(*p)))
        .collect();
    let opts = PolylineOptions::new();
    opts.set_color("#2e7d32".into());
    opts.set_weight(if zone.is_perimeter() { 3.0 } else { 2.0 });
    if !zone.is_perimeter() {
        opts.set_dash_array("6 6".into());
    }
    opts.set_fill_color("#a5d6a7".into());
    opts.set_fill_opacity(0.12);
    opts.set_interactive(false);
    h.zone.add_layer(&Polygon::new_with_options(&ring, &opts));
}

/// The perimeter being drawn: its vertices and the line through them, closed once it has three.
pub(super) fn draw_draft(h: &Handles, draft: &[Position]) {
    let line: js_sys::Array = draft.iter().map(|p| JsValue::from(latlng(*p))).collect();
    if draft.len() >= 3 {
        line.push(&JsValue::from(latlng(draft[0])));
    }
    let opts = PolylineOptions::new();
    opts.set_color("#e65100".into());
    opts.set_weight(3.0);
    opts.set_interactive(false);
    h.zone
        .add_layer(&leaflet::Polyline::new_with_options(&line, &opts));
    for p in draft {
        let dot = CircleOptions::new();
        dot.set_radius(6.0);
        dot.set_color("#e65100".into());
        dot.set_fill_color("#fff".into());
        dot.set_fill_opacity(1.0);
        dot.set_interactive(false);
        h.zone
            .add_layer(&CircleMarker::new_with_options(&latlng(*p), &dot));
    }
    h.map
        .get_container()
        .set_attribute("data-draft-points", &draft.len().to_string())
        .ok();
}
