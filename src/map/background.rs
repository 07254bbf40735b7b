//! What the map has behind its companies (`follow`): the kept PMTiles file (`super::vector`), the
//! tile server's images, or the built-in background: the territory's communes as grey points with
//! their names, drawn when neither can be had (switched off, or no network and no tile kept by the
//! service worker), so that a map projected in a room without Wi-Fi still says where things are
//! (issue 17). The zone's outline is drawn in any case (`draw_zone`).

use std::cell::Cell;
use std::rc::Rc;

use leaflet::{CircleMarker, CircleOptions, Layer, LayerGroup, TileLayer};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::{Handles, TooltipLayer, js_obj, latlng, on_map};
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

/// Where the kept PMTiles background stands on this map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VectorState {
    /// None kept, or the background switched off.
    Off,
    /// Its scripts and file being read.
    Loading,
    Drawn,
    /// It could not be drawn (the reason is in the console): the built-in background instead.
    Failed,
}

/// Keeps the map's backdrop in step with the preferences: the kept PMTiles file if there is
/// one, the tile server's images otherwise, the built-in places when the background is
/// switched off or neither can be had.
pub(super) fn follow(
    ready: RwSignal<bool>,
    handles: StoredValue<Option<Handles>, LocalStorage>,
    tiles_on: Signal<bool>,
    places: Signal<Vec<PlaceName>>,
) {
    let lang = crate::i18n::use_lang();
    let t = crate::i18n::use_texts();
    let kept = use_context::<crate::vector_background::VectorBackground>().map(|v| v.0);
    let kept = Signal::derive(move || kept.and_then(|k| k.get()));
    let vector_state = RwSignal::new(VectorState::Off);
    on_map(
        ready,
        handles,
        move || (tiles_on.get(), kept.get(), lang.get()),
        move |h, (on, kept, lang)| {
            let raster: &Layer = h.tiles.unchecked_ref();
            match (on && kept.is_none(), h.map.has_layer(raster)) {
                (true, false) => {
                    h.map.add_layer(raster);
                }
                (false, true) => {
                    h.map.remove_layer(raster);
                }
                _ => {}
            }
            h.vector_turn += 1;
            if let Some(old) = h.vector.take() {
                h.map.remove_layer(&old);
            }
            let Some(kept) = kept.filter(|_| on) else {
                vector_state.set(VectorState::Off);
                return;
            };
            vector_state.set(VectorState::Loading);
            let turn = h.vector_turn;
            let attribution = t.get_untracked().common.vector_attribution;
            leptos::task::spawn_local(async move {
                let drawn = match crate::vector_background::load().await {
                    Ok(Some((_, blob))) => super::vector::layer(&kept, blob, lang, attribution)
                        .await
                        .map_err(|e| format!("{e:?}")),
                    Ok(None) => Err("the kept background is gone".to_string()),
                    Err(e) => Err(e.en),
                };
                let mut current = false;
                handles.update_value(|h| {
                    if let Some(h) = h
                        && h.vector_turn == turn
                    {
                        current = true;
                        if let Ok(layer) = &drawn {
                            h.map.add_layer(layer);
                            h.vector = Some(layer.clone());
                        }
                    }
                });
                if !current {
                    return;
                }
                match drawn {
                    Ok(_) => vector_state.set(VectorState::Drawn),
                    Err(why) => {
                        web_sys::console::warn_1(&format!("vector background: {why}").into());
                        vector_state.set(VectorState::Failed);
                    }
                }
            });
        },
    );
    // The built-in background when the tiles are off or cannot be had. `failing` is read
    // through the handles, which exist once the map is ready.
    let tiles_failing = Memo::new(move |_| {
        ready.get()
            && handles.with_value(|h| h.as_ref().is_some_and(|h| h.tile_watch.failing.get()))
    });
    let backdrop = Memo::new(move |_| {
        let vector = vector_state.get();
        if !tiles_on.get() || vector == VectorState::Failed {
            Backdrop::BuiltIn
        } else if vector != VectorState::Off {
            Backdrop::Vector
        } else if tiles_failing.get() {
            Backdrop::BuiltIn
        } else {
            Backdrop::Tiles
        }
    });
    on_map(
        ready,
        handles,
        move || (backdrop.get(), places.get()),
        move |h, (backdrop, places)| {
            draw(&h.background, &h.map.get_container(), backdrop, &places);
            let shown = backdrop == Backdrop::BuiltIn;
            credit(&h.map, shown, t.get_untracked().common.places_attribution);
        },
    );
}
