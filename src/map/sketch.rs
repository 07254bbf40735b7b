//! The first map's sketch: the markers the map last showed, kept so the next visit can draw
//! them before the app has loaded (issue 15, first visit).
//!
//! The app's module is about 1.6 MB of gzip; Leaflet alone is 40 KB. `public/boot.js` draws the
//! sketch with Leaflet (the same canvas circles, colours, sizes and fit as the map below), then
//! loads the app, whose map takes the sketch's place once it has drawn its own markers
//! ([`dismiss_first_map`]). The sketch is written when the page goes away (`pagehide`)
//! and removed from storage as soon as the app's map is up, so it never competes with a
//! project's save for storage space while the app runs. A browser that never ran Symbiose gets
//! the demonstration zone's sketch, `public/first-map-demo.json`, written by the test below
//! from the same code.
//!
//! The sketch holds no name or flow: only where companies are, their section's colour and a
//! size from their number of flows, all of which the stored project holds already.
//!
//! Format (read by `public/first-map.js`, version [`VERSION`]):
//! `{"v":1, "route":"#/p/<id>", "viewport":[w,h] | null, "box":[left,top,width,height] | null,
//!   "padding":[left,top,right,bottom], "max_zoom":16, "zoom_snap":0.25,
//!   "stroke":"#ffffff", "weight":2, "fill_opacity":0.9,
//!   "colours":["#1f5fbf",…], "markers":[[lat,lon,colour index,radius],…]}`
//! The route is the URL hash the map was shown under ("" for the demonstration's first visit);
//! the box, the map's place in a window of that viewport (null: the whole window).

use leaflet::Map;
use serde::Serialize;
use wasm_bindgen::JsCast;

use crate::palette::{marker_radius, section_colour};
use crate::summary::ActorSummary;

pub const VERSION: u32 = 1;

/// How every marker is outlined and filled, here and on the first map.
pub(super) const STROKE: &str = "#ffffff";
pub(super) const WEIGHT: f64 = 2.0;
pub(super) const FILL_OPACITY: f64 = 0.9;
/// How far a zone's fit keeps its companies from the map's edges (pixels), and how close it
/// may come.
pub(super) const FIT_PADDING: f64 = 60.0;
pub(super) const FIT_MAX_ZOOM: f64 = 16.0;
pub(super) const ZOOM_SNAP: f64 = 0.25;

#[derive(Debug, Serialize)]
pub struct Sketch<'a> {
    v: u32,
    route: &'a str,
    viewport: Option<[f64; 2]>,
    #[serde(rename = "box")]
    frame: Option<[f64; 4]>,
    padding: [f64; 4],
    max_zoom: f64,
    zoom_snap: f64,
    stroke: &'static str,
    weight: f64,
    fill_opacity: f64,
    colours: Vec<&'static str>,
    markers: Vec<(f64, f64, usize, f64)>,
}

/// Where the map stood in the window: the window's size and the map's box in it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub viewport: [f64; 2],
    pub rect: [f64; 4],
}

impl<'a> Sketch<'a> {
    /// The sketch of these companies (those without a position are not drawn), shown under
    /// `route`, fitted with `padding` (left, top, right, bottom).
    pub fn new<'s>(
        route: &'a str,
        frame: Option<Frame>,
        padding: [f64; 4],
        companies: impl IntoIterator<Item = &'s ActorSummary>,
    ) -> Self {
        let mut colours: Vec<&'static str> = Vec::new();
        let mut markers = Vec::new();
        for s in companies {
            let Some(p) = s.position else { continue };
            let colour = section_colour(s.section);
            let index = match colours.iter().position(|c| *c == colour) {
                Some(i) => i,
                None => {
                    colours.push(colour);
                    colours.len() - 1
                }
            };
            markers.push((
                round_to(p.lat, 1e5),
                round_to(p.lon, 1e5),
                index,
                round_to(marker_radius(s.flow_count()), 10.0),
            ));
        }
        Sketch {
            v: VERSION,
            route,
            viewport: frame.map(|f| f.viewport),
            frame: frame.map(|f| f.rect),
            padding,
            max_zoom: FIT_MAX_ZOOM,
            zoom_snap: ZOOM_SNAP,
            stroke: STROKE,
            weight: WEIGHT,
            fill_opacity: FILL_OPACITY,
            colours,
            markers,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a sketch is plain numbers and strings")
    }
}

/// Stores the sketch of what the map shows, for the next visit's first map (see the module's head).
/// Best effort: a full storage keeps no sketch, and the next visit waits for the app's map.
pub(super) fn keep_sketch<'s>(map: &Map, companies: impl IntoIterator<Item = &'s ActorSummary>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let route = window.location().hash().unwrap_or_default();
    let rect = map.get_container().get_bounding_client_rect();
    let viewport = [
        window.inner_width().ok().and_then(|v| v.as_f64()),
        window.inner_height().ok().and_then(|v| v.as_f64()),
    ];
    let frame = match viewport {
        [Some(w), Some(h)] => Some(Frame {
            viewport: [w, h],
            rect: [rect.left(), rect.top(), rect.width(), rect.height()],
        }),
        _ => None,
    };
    let text = Sketch::new(&route, frame, super::fit::fit_padding(map), companies).to_json();
    if let Ok(Some(storage)) = window.local_storage()
        && storage
            .set_item(crate::persist::keys::SKETCH_KEY, &text)
            .is_err()
    {
        storage.remove_item(crate::persist::keys::SKETCH_KEY).ok();
    }
}

/// Takes the first map (public/first-map.js) away once the app's map has drawn its companies,
/// or once the app shows no map, and its sketch out of storage: while the app runs, the sketch
/// takes no room a project's save could need. Only the first call does anything.
pub fn dismiss_first_map() {
    use std::sync::atomic::{AtomicBool, Ordering};
    static DONE: AtomicBool = AtomicBool::new(false);
    if DONE.swap(true, Ordering::Relaxed) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(first) = js_sys::Reflect::get(&window, &"symbioseFirstMap".into())
        && !first.is_undefined()
        && let Ok(dismiss) = js_sys::Reflect::get(&first, &"dismiss".into())
        && let Ok(dismiss) = dismiss.dyn_into::<js_sys::Function>()
    {
        dismiss.call0(&first).ok();
    }
    if let Ok(Some(storage)) = window.local_storage() {
        storage.remove_item(crate::persist::keys::SKETCH_KEY).ok();
    }
}

/// Five decimals of a degree are about a metre: more would only lengthen the sketch.
fn round_to(x: f64, scale: f64) -> f64 {
    (x * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::summary::summarise;

    const DEMO_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/first-map-demo.json");

    fn demo_sketch() -> String {
        let demo = symbiose_core::demo::project();
        let list = summarise(&demo, Lang::Fr, &Default::default());
        Sketch::new("", None, [FIT_PADDING; 4], &list).to_json()
    }

    /// The first visit draws this file before the app has loaded: it must be what the app's
    /// map draws of the demonstration zone. `SYMBIOSE_BLESS=1 cargo test -p symbiose-app
    /// first_map_demo` writes it anew after a change of the demo or of the palette.
    #[test]
    fn first_map_demo_is_the_demos_sketch() {
        let expected = demo_sketch() + "\n";
        if std::env::var_os("SYMBIOSE_BLESS").is_some() {
            std::fs::write(DEMO_FILE, &expected).unwrap();
        }
        let on_disk = std::fs::read_to_string(DEMO_FILE).unwrap_or_default();
        assert!(
            on_disk == expected,
            "public/first-map-demo.json is not the demo's sketch: run \
             SYMBIOSE_BLESS=1 cargo test -p symbiose-app first_map_demo"
        );
    }

    #[test]
    fn a_sketch_holds_positions_colours_and_sizes_only() {
        let demo = symbiose_core::demo::project();
        let mut list = summarise(&demo, Lang::Fr, &Default::default());
        list[0].position = None;
        let frame = Frame {
            viewport: [1920.0, 1080.0],
            rect: [400.0, 120.0, 1520.0, 960.0],
        };
        let text = Sketch::new("#/p/x1", Some(frame), [60.0, 60.0, 380.0, 60.0], &list).to_json();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["v"], 1);
        assert_eq!(v["route"], "#/p/x1");
        assert_eq!(v["box"], serde_json::json!([400.0, 120.0, 1520.0, 960.0]));
        let markers = v["markers"].as_array().unwrap();
        assert_eq!(
            markers.len(),
            list.len() - 1,
            "a company without a position is not drawn"
        );
        let colours = v["colours"].as_array().unwrap();
        for (m, s) in markers.iter().zip(list.iter().skip(1)) {
            let p = s.position.unwrap();
            assert!((m[0].as_f64().unwrap() - p.lat).abs() <= 5e-6);
            assert!((m[1].as_f64().unwrap() - p.lon).abs() <= 5e-6);
            let colour = &colours[m[2].as_u64().unwrap() as usize];
            assert_eq!(colour, section_colour(s.section));
            assert!((m[3].as_f64().unwrap() - marker_radius(s.flow_count())).abs() <= 0.05);
        }
        // No company's name, SIRET or activity.
        for s in &list {
            assert!(!text.contains(&s.name), "{} is in the sketch", s.name);
        }
    }
}
