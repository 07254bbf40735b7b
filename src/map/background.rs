//! The built-in background: the territory's communes as grey points with their names, drawn when
//! no tile background is there (tiles switched off, or none can be had: no network and none kept
//! by the service worker), so that a map projected in a room without Wi-Fi still says where
//! things are (issue 17). The zone's outline is drawn in any case (`draw_zone`).

use std::cell::Cell;
use std::rc::Rc;

use leaflet::{CircleMarker, CircleOptions, LayerGroup, TileLayer};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::{TooltipLayer, js_obj, latlng};
use crate::places::PlaceName;

/// Whether the tile layer can be had, from its own events: a view whose tiles all fail (no
/// network, none kept) says "failing" until one tile loads again.
pub(super) struct TileWatch {
    pub failing: RwSignal<bool>,
    _closures: [Closure<dyn Fn(JsValue)>; 3],
}

impl TileWatch {
    pub fn new(tiles: &TileLayer) -> Self {
        let failing = RwSignal::new(false);
        // Tiles loaded since the layer last started loading a view.
        let loaded = Rc::new(Cell::new(0u32));
        let on_loading = {
            let loaded = loaded.clone();
            Closure::<dyn Fn(JsValue)>::new(move |_| loaded.set(0))
        };
        let on_load = {
            let loaded = loaded.clone();
            Closure::<dyn Fn(JsValue)>::new(move |_| {
                loaded.set(loaded.get() + 1);
                if failing.get_untracked() {
                    failing.set(false);
                }
            })
        };
        let on_error = Closure::<dyn Fn(JsValue)>::new(move |_| {
            if loaded.get() == 0 && !failing.get_untracked() {
                failing.set(true);
            }
        });
        let evented: &leaflet::Evented = tiles.unchecked_ref();
        leaflet::Evented::on(evented, "loading", on_loading.as_ref());
        leaflet::Evented::on(evented, "tileload", on_load.as_ref());
        leaflet::Evented::on(evented, "tileerror", on_error.as_ref());
        Self {
            failing,
            _closures: [on_loading, on_load, on_error],
        }
    }
}

/// What the map has behind its companies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Backdrop {
    /// The tile server's images (OpenStreetMap by default).
    Tiles,
    /// The PMTiles extract kept in this browser (`super::vector`).
    Vector,
    /// The territory's communes, when neither can be had.
    BuiltIn,
}

/// Draws the places for the built-in backdrop, clears them otherwise; the map's container says
/// which background it has (`data-background`: `tiles`, `vector` or `built-in`), for tests and
/// assistive tools.
pub(super) fn draw(
    layer: &LayerGroup,
    container: &web_sys::HtmlElement,
    backdrop: Backdrop,
    places: &[PlaceName],
) {
    layer.clear_layers();
    let name = match backdrop {
        Backdrop::Tiles => "tiles",
        Backdrop::Vector => "vector",
        Backdrop::BuiltIn => "built-in",
    };
    container.set_attribute("data-background", name).ok();
    if backdrop != Backdrop::BuiltIn {
        return;
    }
    for place in places {
        let dot = CircleOptions::new();
        dot.set_radius(3.0);
        dot.set_color("#5b6b60".into());
        dot.set_weight(1.0);
        dot.set_fill_color("#5b6b60".into());
        dot.set_fill_opacity(0.8);
        dot.set_interactive(false);
        let marker = CircleMarker::new_with_options(&latlng(place.position), &dot);
        let label = document().create_element("span").expect("a span");
        label.set_text_content(Some(&place.name));
        let options = js_obj(&[
            ("permanent", true.into()),
            ("direction", "right".into()),
            ("className", "place-label".into()),
            ("interactive", false.into()),
            ("offset", js_sys::Array::of2(&4.into(), &0.into()).into()),
        ]);
        marker
            .unchecked_ref::<TooltipLayer>()
            .bind_tooltip_element(label.unchecked_ref(), &options);
        layer.add_layer(&marker);
    }
}

/// The built-in background's sources, credited in the map's corner while it is drawn (the tile
/// layer credits OpenStreetMap itself, whenever it is on the map).
pub(super) fn credit(map: &leaflet::Map, shown: bool, text: &str) {
    let Ok(control) = js_sys::Reflect::get(map.as_ref(), &"attributionControl".into()) else {
        return;
    };
    let method = if shown {
        "addAttribution"
    } else {
        "removeAttribution"
    };
    if let Ok(f) = js_sys::Reflect::get(&control, &method.into())
        && let Ok(f) = f.dyn_into::<js_sys::Function>()
    {
        // Leaflet counts additions: remove first, so that one is there at most.
        if shown
            && let Ok(remove) = js_sys::Reflect::get(&control, &"removeAttribution".into())
            && let Ok(remove) = remove.dyn_into::<js_sys::Function>()
        {
            remove.call1(&control, &text.into()).ok();
        }
        f.call1(&control, &text.into()).ok();
    }
}
