//! What the map draws over the markers for a moment: the neighbourhood circle with its
//! companies ringed, and the pin a user drags to place the company being edited.

use leaflet::{
    Circle, CircleMarker, CircleOptions, DivIconOptions, LayerGroup, Marker, MarkerOptions,
};
use leptos::prelude::*;
use symbiose_core::Position;
use symbiose_core::validate::rules::wrap_position;
use wasm_bindgen::prelude::*;

use super::latlng;

#[wasm_bindgen]
extern "C" {
    /// leaflet 0.5.0's `DivIcon::new` constructs an `L.Icon` (its binding names the wrong
    /// class), which throws for want of an image URL; this calls Leaflet's own factory.
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    fn div_icon(options: &DivIconOptions) -> leaflet::Icon;
}

/// The neighbourhood the side panel lists: a radius around a company and the companies found.
#[derive(Debug, Clone, PartialEq)]
pub struct Focus {
    pub centre: Position,
    pub radius_km: f64,
    /// Companies the audience may see named; anonymised ones are not ringed, since a ring
    /// would point at the company the text keeps anonymous.
    pub around: Vec<Position>,
}

pub fn draw_focus(layer: &LayerGroup, focus: Option<&Focus>) {
    layer.clear_layers();
    let Some(f) = focus else { return };
    let opts = CircleOptions::new();
    opts.set_radius(f.radius_km * 1000.0);
    opts.set_color("#0d47a1".into());
    opts.set_weight(3.0);
    opts.set_dash_array("10 6".into());
    opts.set_fill_color("#90caf9".into());
    opts.set_fill_opacity(0.12);
    opts.set_interactive(false);
    layer.add_layer(&Circle::new_with_options(&latlng(f.centre), &opts));
    for p in &f.around {
        let ring = CircleOptions::new();
        ring.set_radius(15.0);
        ring.set_color("#0d47a1".into());
        ring.set_weight(3.0);
        ring.set_fill_opacity(0.0);
        ring.set_interactive(false);
        layer.add_layer(&CircleMarker::new_with_options(&latlng(*p), &ring));
    }
}

/// A draggable pin at the position of the company being edited; dropping it reports the new
/// position. Canvas circle markers cannot be dragged, hence a DOM marker for this one company.
pub struct Pin {
    marker: Marker,
    _on_drop: Closure<dyn Fn(JsValue)>,
}

impl Pin {
    pub fn new(layer: &LayerGroup, at: Position, title: &str, on_drop: Callback<Position>) -> Self {
        let icon_opts = DivIconOptions::new();
        icon_opts.set_class_name("drag-pin".into());
        icon_opts.set_icon_size(leaflet::Point::new(30.0, 30.0));
        icon_opts.set_icon_anchor(leaflet::Point::new(15.0, 15.0));
        let opts = MarkerOptions::new();
        opts.set_draggable(true);
        opts.set_auto_pan(true);
        opts.set_title(title.to_string());
        opts.set_alt(title.to_string());
        opts.set_z_index_offset(1000.0);
        opts.set_icon(div_icon(&icon_opts));
        let marker = Marker::new_with_options(&latlng(at), &opts);
        let m = marker.clone();
        let on_drop = Closure::<dyn Fn(JsValue)>::new(move |_| {
            let ll = m.get_lat_lng();
            if let Some(at) = wrap_position(Position::new(ll.lat(), ll.lng())) {
                on_drop.run(at);
            }
        });
        leaflet::Evented::on(marker.unchecked_ref(), "dragend", on_drop.as_ref());
        layer.add_layer(&marker);
        Self {
            marker,
            _on_drop: on_drop,
        }
    }

    pub fn move_to(&self, at: Position) {
        self.marker.set_lat_lng(&latlng(at));
    }
}
