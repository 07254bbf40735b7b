//! The map: the only module that touches Leaflet (docs/ARCHITECTURE.md, invariant 6).
//!
//! Leaflet objects are JS handles (`!Send`), kept in a local `StoredValue`. The map is created
//! once when its `<div>` is mounted; effects then keep its layers in step with derived data
//! (the actor summaries, the selection, the tile preference). Markers are canvas circle
//! markers (`preferCanvas`), which stay smooth with thousands of companies.

mod background;
mod content;
mod fit;
mod lines;
mod overlays;
pub mod sketch;
mod vector;

use lines::{draw_draft, draw_links, draw_zone};
pub use overlays::Focus;
use overlays::{Pin, draw_focus};
pub use sketch::dismiss_first_map;
use sketch::{FILL_OPACITY, STROKE, WEIGHT, ZOOM_SNAP, keep_sketch};

use crate::palette::{marker_radius, section_colour};

use std::collections::HashMap;

use leaflet::{
    CircleMarker, CircleOptions, FeatureGroup, LatLng, Layer, LayerGroup, Map, MapOptions,
    TileLayer, TileLayerOptions,
};
use leptos::html::Div;
use leptos::prelude::*;
use symbiose_core::validate::rules::wrap_position;
use symbiose_core::{ActorId, Position, geo};
use wasm_bindgen::prelude::*;

use crate::i18n::{use_lang, use_texts};
use crate::places::PlaceName;
use crate::state::use_project;
use crate::summary::{ActorSummary, Link};

#[wasm_bindgen]
extern "C" {
    /// leaflet 0.5.0 binds `bindTooltip` with content to a JS method that does not exist
    /// (`bindTooltipWithContent`); this binding calls the real one.
    #[wasm_bindgen(extends = leaflet::Layer)]
    type TooltipLayer;
    #[wasm_bindgen(method, js_name = bindTooltip)]
    fn bind_tooltip_element(this: &TooltipLayer, content: &web_sys::HtmlElement, options: &JsValue);

    /// `closePopup()` without an argument closes the open popup; the crate's binding requires a
    /// popup and, handed a new one, closes nothing.
    #[wasm_bindgen(extends = leaflet::Map)]
    type PopupHost;
    #[wasm_bindgen(method, js_name = closePopup)]
    fn close_open_popup(this: &PopupHost);
}

/// Below this width (CSS pixels) the map is a phone's strip: a selection opens no popup.
const NARROW_MAP_PX: f64 = 560.0;

struct Handles {
    map: Map,
    links: lines::Links,
    tiles: TileLayer,
    /// The built-in background's places, and what says whether the tiles can be had.
    background: LayerGroup,
    tile_watch: background::TileWatch,
    /// The kept PMTiles background's layer while it is drawn, and which of the background's
    /// changes made it: a layer built for an earlier change (the file replaced while the
    /// scripts loaded) is not added.
    vector: Option<Layer>,
    vector_turn: u32,
    zone: LayerGroup,
    markers: FeatureGroup,
    focus: LayerGroup,
    pins: LayerGroup,
    pin: Option<Pin>,
    /// Each drawn company's marker and the summary it was drawn from, so a redraw touches only
    /// the companies that changed (with 2,000 markers, rebuilding all of them is felt).
    by_actor: HashMap<ActorId, (CircleMarker, ActorSummary)>,
    /// Kept alive as long as the map: Leaflet calls it on every marker click.
    _on_click: Closure<dyn Fn(JsValue)>,
    _on_map_click: Closure<dyn Fn(JsValue)>,
    /// Writes the view's bounds on the container after each move (`data-view`).
    _on_moveend: Closure<dyn Fn()>,
    /// Leaflet measures its container only on window resizes; the container also changes size
    /// when the workshop mode hides the chrome or the filter bar wraps.
    _resize: (web_sys::ResizeObserver, Closure<dyn Fn()>),
    fitted: bool,
}

pub(crate) fn latlng(p: Position) -> LatLng {
    LatLng::new(p.lat, p.lon)
}

fn js_obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &JsValue::from_str(k), v).ok();
    }
    o.into()
}

/// Runs `draw` on the map each time what `watch` reads changes, once the map exists: before
/// the first render there is nothing to draw on, so every map effect shares this guard.
fn on_map<T: 'static>(
    ready: RwSignal<bool>,
    handles: StoredValue<Option<Handles>, LocalStorage>,
    watch: impl Fn() -> T + 'static,
    draw: impl Fn(&mut Handles, T) + 'static,
) {
    Effect::new(move |_| {
        let seen = watch();
        if ready.get() {
            handles.update_value(|h| {
                if let Some(h) = h {
                    draw(h, seen);
                }
            });
        }
    });
}

#[component]
pub fn MapView(
    summaries: Memo<Vec<ActorSummary>>,
    tiles_on: Signal<bool>,
    /// Bumped by the "zoom to the zone" button or shortcut.
    fit_request: Signal<u32>,
    /// Synergies and proposals drawn between companies.
    links: Signal<Vec<Link>>,
    /// The tile server template, from the preferences.
    tile_url: Signal<String>,
    /// The neighbourhood being explored, if any.
    focus: Signal<Option<Focus>>,
    /// Whether the map frames the neighbourhood's circle when its centre or radius changes: in
    /// the explorer a company asks what is around it, and the circle must be seen whole; the
    /// workspace keeps the zone in view when a company is chosen.
    #[prop(optional)]
    frame_focus: bool,
    /// Where the company being edited stands: a pin to drag to the exact site.
    pin: Signal<Option<Position>>,
    /// The communes the built-in background names when no tile background is there.
    places: Signal<Vec<PlaceName>>,
) -> impl IntoView {
    let state = use_project();
    let lang = use_lang();
    let t = use_texts();
    let ui = crate::ui::use_ui();
    let node = NodeRef::<Div>::new();
    let handles = StoredValue::new_local(None::<Handles>);
    let ready = RwSignal::new(false);

    Effect::new(move |_| {
        let Some(el) = node.get() else { return };
        if handles.with_value(Option::is_some) {
            return;
        }
        let opts = MapOptions::new();
        opts.set_prefer_canvas(true);
        opts.set_zoom_snap(ZOOM_SNAP);
        let map = Map::new_with_element(&el, &opts).expect("Leaflet map on a mounted div");
        // Start on the zone itself: a first view elsewhere would fetch tiles only to cancel them.
        let fitted = fit::fit_to(&map, &summaries.get_untracked());
        if !fitted {
            map.set_view(&LatLng::new(42.63, 9.44), 13.0);
        }

        let tile_opts = TileLayerOptions::new();
        tile_opts.set_attribution(t.get_untracked().common.map_attribution.to_string());
        tile_opts.set_max_zoom(19.0);
        if crate::prefs::tiles_keepable(&tile_url.get_untracked()) {
            tile_opts.set_cross_origin("anonymous".into());
        }
        let tiles = TileLayer::new_options(&tile_url.get_untracked(), &tile_opts);

        let tile_watch = background::TileWatch::new(&tiles);
        // First, so that the companies and their lines are drawn over the places.
        let background = LayerGroup::new();
        map.add_layer(&background);
        let zone = LayerGroup::new();
        map.add_layer(&zone);
        let links = lines::Links::new(&map);
        let markers = FeatureGroup::new();
        map.add_layer(&markers);
        let focus = LayerGroup::new();
        map.add_layer(&focus);
        let pins = LayerGroup::new();
        map.add_layer(&pins);

        let selected = state.selected;
        let on_click = Closure::<dyn Fn(JsValue)>::new(move |e: JsValue| {
            let id = js_sys::Reflect::get(&e, &"layer".into())
                .and_then(|l| js_sys::Reflect::get(&l, &"options".into()))
                .and_then(|o| js_sys::Reflect::get(&o, &"actorId".into()))
                .ok()
                .and_then(|v| v.as_string());
            if let Some(id) = id {
                selected.set(Some(ActorId::new(id)));
            }
        });
        leaflet::Evented::on(markers.unchecked_ref(), "click", on_click.as_ref());

        // A click on the map while a form waits for a position gives it one.
        let picking = state.picking;
        let picked = state.picked;
        let drawing = state.drawing;
        let on_map_click = Closure::<dyn Fn(JsValue)>::new(move |e: JsValue| {
            let is_drawing = drawing.with_untracked(Option::is_some);
            if !picking.get_untracked() && !is_drawing {
                return;
            }
            let Ok(ll) = js_sys::Reflect::get(&e, &"latlng".into()) else {
                return;
            };
            let get = |k: &str| {
                js_sys::Reflect::get(&ll, &k.into())
                    .ok()
                    .and_then(|v| v.as_f64())
            };
            // Zoomed out, the world repeats left and right: a click there reports a longitude
            // beyond ±180 (−700...), which no project may hold. The same place, brought back.
            let at = match (get("lat"), get("lng")) {
                (Some(lat), Some(lon)) => wrap_position(Position::new(lat, lon)),
                _ => None,
            };
            match at {
                Some(at) if is_drawing => drawing.update(|d| d.iter_mut().for_each(|d| d.push(at))),
                Some(at) => {
                    picked.set(Some(at));
                    picking.set(false);
                }
                None => {}
            }
        });
        leaflet::Evented::on(map.unchecked_ref(), "click", on_map_click.as_ref());

        let on_moveend = fit::write_view(&map);

        let resized_map = map.clone();
        let on_resize = Closure::<dyn Fn()>::new(move || {
            resized_map.invalidate_size(false);
        });
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())
            .expect("ResizeObserver");
        observer.observe(&el);

        handles.set_value(Some(Handles {
            _resize: (observer, on_resize),
            map,
            _on_map_click: on_map_click,
            _on_moveend: on_moveend,
            links,
            tiles,
            background,
            tile_watch,
            vector: None,
            vector_turn: 0,
            zone,
            markers,
            focus,
            pins,
            pin: None,
            by_actor: HashMap::new(),
            _on_click: on_click,
            fitted,
        }));
        ready.set(true);
    });

    // Markers follow the summaries; the zone outline follows them and the territory's perimeter.
    on_map(
        ready,
        handles,
        move || summaries.get(),
        move |h, list| {
            crate::perf::time("symbiose:draw-markers", || draw_markers(h, &list));
            // Detection's worker downloads after the first map, not before it: a map with its
            // companies on it (an empty first draw, before the project's summaries, is not it).
            if !list.is_empty() {
                crate::detection::first_map_drawn();
                dismiss_first_map();
            } else if state.project.with_untracked(|p| p.actors.is_empty()) {
                // A project with no company left (emptied in another tab since the sketch was
                // kept) draws nothing: the first map must not stay over it.
                dismiss_first_map();
            }
            if !h.fitted {
                h.fitted = fit::fit_to(&h.map, &list);
            }
        },
    );
    let perimeter = Memo::new(move |_| state.project.with(|p| p.territory.perimeter.clone()));
    on_map(
        ready,
        handles,
        move || (summaries.get(), perimeter.get(), state.drawing.get()),
        |h, (list, perimeter, draft)| {
            draw_zone(h, &list, &perimeter);
            if let Some(draft) = draft {
                draw_draft(h, &draft);
            }
        },
    );
    on_map(
        ready,
        handles,
        move || links.get(),
        |h, list| {
            crate::perf::time("symbiose:draw-links", || draw_links(h, &list));
        },
    );
    background::follow(ready, handles, tiles_on, places);
    on_map(
        ready,
        handles,
        move || tile_url.get(),
        |h, url| {
            // Leaflet reads `crossOrigin` from the layer's options for each new tile.
            if let Ok(options) = js_sys::Reflect::get(h.tiles.as_ref(), &"options".into()) {
                let cors = if crate::prefs::tiles_keepable(&url) {
                    JsValue::from_str("anonymous")
                } else {
                    JsValue::UNDEFINED
                };
                js_sys::Reflect::set(&options, &"crossOrigin".into(), &cors).ok();
            }
            h.tiles.set_url(&url, None);
        },
    );
    on_map(
        ready,
        handles,
        move || focus.get(),
        |h, f| {
            draw_focus(&h.focus, f.as_ref());
        },
    );
    if frame_focus {
        // Only a new centre or radius frames again: the companies ringed change with the data.
        let circle =
            Memo::new(move |_| focus.with(|f| f.as_ref().map(|f| (f.centre, f.radius_km))));
        on_map(
            ready,
            handles,
            move || circle.get(),
            |h, circle| {
                if let Some((centre, radius_km)) = circle {
                    let (sw, ne) = geo::circle_bounds(centre, radius_km);
                    fit::fit_box(&h.map, sw, ne);
                }
            },
        );
    }

    // The pin follows the form's position; dropping it hands the form a new one.
    let picked = state.picked;
    on_map(
        ready,
        handles,
        move || (pin.get(), t.get().workspace.drag_pin),
        move |h, (at, title)| match (at, &h.pin) {
            (Some(at), Some(existing)) => existing.move_to(at),
            (Some(at), None) => {
                let on_drop = Callback::new(move |p| picked.set(Some(p)));
                h.pin = Some(Pin::new(&h.pins, at, title, on_drop));
            }
            (None, _) => {
                h.pins.clear_layers();
                h.pin = None;
            }
        },
    );
    on_map(
        ready,
        handles,
        move || fit_request.get(),
        move |h, _| {
            fit::fit_to(&h.map, &summaries.get_untracked());
        },
    );

    // The selection: highlight its marker and open its popup.
    Effect::new(move |prev: Option<Option<ActorId>>| {
        let sel = state.selected.get();
        let lang = lang.get();
        let list = summaries.get();
        // The popup's flows depend on the audience; a change of audience redraws it.
        ui.audience.track();
        let editing = state.pin.get().is_some();
        if !ready.get() {
            return sel;
        }
        handles.with_value(|h| {
            let Some(h) = h else { return };
            if let Some(Some(old)) = &prev
                && let Some((m, _)) = h.by_actor.get(old)
            {
                m.set_style(&marker_style(list.iter().find(|s| &s.id == old), false));
            }
            // The open popup, whichever it is: handed a new popup, Leaflet closed that one,
            // and a company's popup stayed open at the click while its pin was dragged away.
            let close_popup = || h.map.unchecked_ref::<PopupHost>().close_open_popup();
            let Some(id) = &sel else {
                close_popup();
                return;
            };
            if editing {
                close_popup();
            }
            let Some(summary) = list.iter().find(|s| &s.id == id) else {
                return;
            };
            if let Some((m, _)) = h.by_actor.get(id) {
                m.set_style(&marker_style(Some(summary), true));
                m.bring_to_front();
            }
            // On a phone the map is a strip above the page's panel, which shows the company: a
            // popup as wide as the strip would cover it (and be cut at its edges). The map only
            // brings the highlighted company into view.
            let narrow = f64::from(h.map.get_container().client_width()) < NARROW_MAP_PX;
            if narrow {
                close_popup();
                if let Some(p) = summary.position {
                    h.map.pan_to(&latlng(p));
                }
                return;
            }
            // While the company is being edited its pin stands there; a popup would cover it.
            if let Some(p) = summary.position.filter(|_| !editing) {
                let content = state.project.with_untracked(|proj| {
                    content::popup(
                        proj,
                        summary,
                        lang,
                        &ui.filter.get_untracked(),
                        ui.audience.get_untracked(),
                    )
                });
                let opts = js_obj(&[
                    ("maxWidth", 380.into()),
                    (
                        "autoPanPadding",
                        js_sys::Array::of2(&40.into(), &40.into()).into(),
                    ),
                ]);
                h.map
                    .open_popup_with_content_and_options(&content, &latlng(p), &opts);
            }
        });
        sel
    });

    // The next visit's first map: what this map shows, kept as the page goes away.
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| {
        handles.with_value(|h| {
            if let Some(h) = h {
                keep_sketch(&h.map, h.by_actor.values().map(|(_, s)| s));
            }
        });
    });
    on_cleanup(move || {
        leaving.remove();
        handles.update_value(|h| {
            if let Some(h) = h.take() {
                h._resize.0.disconnect();
                fit::finish_zoom(&h.map);
                h.map.remove();
            }
        });
    });

    view! {
        <div class="map" class:picking=move || state.picking.get() node_ref=node role="region" aria-label=move || t.get().workspace.map_label data-testid="map"></div>
    }
}

fn marker_style(summary: Option<&ActorSummary>, selected: bool) -> leaflet::PathOptions {
    let colour = section_colour(summary.and_then(|s| s.section));
    let o = leaflet::PathOptions::new();
    o.set_color(if selected { "#111111" } else { STROKE }.into());
    o.set_weight(if selected { 4.0 } else { WEIGHT });
    o.set_fill_color(colour.into());
    o.set_fill_opacity(FILL_OPACITY);
    o
}

fn draw_markers(h: &mut Handles, list: &[ActorSummary]) {
    let wanted: HashMap<&ActorId, &ActorSummary> = list
        .iter()
        .filter(|s| s.position.is_some())
        .map(|s| (&s.id, s))
        .collect();
    // Companies gone, filtered out or changed lose their marker; unchanged ones keep it.
    h.by_actor.retain(|id, (marker, drawn)| {
        let keep = wanted.get(id).is_some_and(|s| *s == drawn);
        if !keep {
            h.markers.remove_layer(marker);
        }
        keep
    });
    for s in list {
        let Some(p) = s.position else { continue };
        if h.by_actor.contains_key(&s.id) {
            continue;
        }
        let opts = CircleOptions::new();
        opts.set_radius(marker_radius(s.flow_count()));
        let style = marker_style(Some(s), false);
        for key in ["color", "weight", "fillColor", "fillOpacity"] {
            if let Ok(v) = js_sys::Reflect::get(&style, &key.into()) {
                js_sys::Reflect::set(&opts, &key.into(), &v).ok();
            }
        }
        js_sys::Reflect::set(&opts, &"actorId".into(), &s.id.as_str().into()).ok();
        let marker = CircleMarker::new_with_options(&latlng(p), &opts);
        let tip_opts = js_obj(&[
            ("direction", "top".into()),
            ("offset", js_sys::Array::of2(&0.into(), &(-8).into()).into()),
        ]);
        marker
            .unchecked_ref::<TooltipLayer>()
            .bind_tooltip_element(&content::tooltip(s), &tip_opts);
        h.markers.add_layer(&marker);
        h.by_actor.insert(s.id.clone(), (marker, s.clone()));
    }
    // Canvas markers leave no DOM node per company; the count is published for tests and
    // assistive tools alike.
    h.map
        .get_container()
        .set_attribute("data-markers", &h.by_actor.len().to_string())
        .ok();
}
