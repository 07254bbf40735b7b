//! Framing the map's view: on the zone's companies or a neighbourhood's circle, clear of the
//! panels over the map; a zoom animation ended before the map goes; the view's bounds written
//! on the container for the journeys that check a framing.

use leaflet::{LatLngBounds, Map};
use symbiose_core::{Position, geo};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::sketch::{FIT_MAX_ZOOM, FIT_PADDING};
use super::{js_obj, latlng};
use crate::summary::ActorSummary;

/// Fits the view to the positioned actors; false when there is nothing to fit yet.
pub(super) fn fit_to(map: &Map, list: &[ActorSummary]) -> bool {
    let Some((sw, ne)) = geo::bounds(list.iter().filter_map(|s| s.position)) else {
        return false;
    };
    fit_box(map, sw, ne);
    true
}

/// Frames the box from `sw` to `ne`, clear of the panels over the map (`fit_padding`).
pub(super) fn fit_box(map: &Map, sw: Position, ne: Position) {
    let bounds = LatLngBounds::new(&latlng(sw), &latlng(ne));
    let [left, top, right, bottom] = fit_padding(map);
    let opts = js_obj(&[
        (
            "paddingTopLeft",
            js_sys::Array::of2(&left.into(), &top.into()).into(),
        ),
        (
            "paddingBottomRight",
            js_sys::Array::of2(&right.into(), &bottom.into()).into(),
        ),
        ("maxZoom", FIT_MAX_ZOOM.into()),
    ]);
    map.fit_bounds_with_options(&bounds, &opts);
}

/// How far a fit keeps the zone from the map's edges (left, top, right, bottom): the legend and
/// the display panel float over the map's right side on wide screens, and the zone stays clear
/// of them.
pub(super) fn fit_padding(map: &Map) -> [f64; 4] {
    let legend = map
        .get_container()
        .closest(".map-area")
        .ok()
        .flatten()
        .and_then(|area| area.query_selector(".map-panels").ok().flatten())
        .map(|l| l.unchecked_into::<web_sys::HtmlElement>())
        .filter(|l| {
            web_sys::window()
                .and_then(|w| w.get_computed_style(l).ok().flatten())
                .and_then(|st| st.get_property_value("position").ok())
                .is_some_and(|p| p == "absolute")
        })
        .map_or(0, |l| l.offset_width());
    [
        FIT_PADDING,
        FIT_PADDING,
        FIT_PADDING + f64::from(legend),
        FIT_PADDING,
    ]
}

/// Ends a zoom animation under way. Leaflet 1.9 ends one on a timer that `remove` does not
/// clear: left running, it fires on a map without panes and throws ("_leaflet_pos of
/// undefined"), as when the page changes right after the zone was fitted. Its end handler does
/// nothing once the animation is over, so ending it first makes the timer harmless.
pub(super) fn finish_zoom(map: &Map) {
    let map: &JsValue = map.as_ref();
    let animating = js_sys::Reflect::get(map, &"_animatingZoom".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if animating
        && let Ok(end) = js_sys::Reflect::get(map, &"_onZoomTransitionEnd".into())
        && let Ok(end) = end.dyn_into::<js_sys::Function>()
    {
        end.call0(map).ok();
    }
}

/// Writes the view's bounds (south, west, north, east) on the map's container after each move
/// (`data-view`): what the screen shows, for the journeys that check a framing (the explorer's
/// circle seen whole). The closure lives as long as the map.
pub(super) fn write_view(map: &Map) -> Closure<dyn Fn()> {
    let moved_map = map.clone();
    let on_moveend = Closure::<dyn Fn()>::new(move || {
        let b = moved_map.get_bounds();
        let (sw, ne) = (b.get_south_west(), b.get_north_east());
        let view = format!(
            "{:.5},{:.5},{:.5},{:.5}",
            sw.lat(),
            sw.lng(),
            ne.lat(),
            ne.lng()
        );
        moved_map
            .get_container()
            .set_attribute("data-view", &view)
            .ok();
    });
    leaflet::Evented::on(map.unchecked_ref(), "moveend", on_moveend.as_ref());
    on_moveend
}
