//! Draws the kept PMTiles background (`crate::vector_background`) with protomaps-leaflet, vendored
//! in `vendor/protomaps` with the PMTiles reader (pmtiles.js) and loaded only when a background
//! is kept: the first visit does not carry them.

use js_sys::{Array, Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

use super::js_obj;
use crate::vector_background::Kept;

/// The vendored scripts, in the order they must run (protomaps-leaflet uses Leaflet's `L`,
/// already there; the PMTiles reader stands alone).
const SCRIPTS: [&str; 2] = ["protomaps/pmtiles.js", "protomaps/protomaps-leaflet.js"];

thread_local! {
    /// The scripts' loading, started once and awaited by every map that needs them.
    static LOADING: std::cell::RefCell<Option<Promise>> = const { std::cell::RefCell::new(None) };
}

fn load_script(src: &'static str) -> Promise {
    Promise::new(&mut |resolve, reject| {
        let script = document()
            .create_element("script")
            .expect("a script element");
        script.set_attribute("src", src).ok();
        let ok = Closure::once_into_js(move || {
            resolve.call0(&JsValue::NULL).ok();
        });
        let failed = Closure::once_into_js(move || {
            reject
                .call1(
                    &JsValue::NULL,
                    &JsValue::from_str(&format!("{src} not loaded")),
                )
                .ok();
        });
        script
            .add_event_listener_with_callback("load", ok.unchecked_ref())
            .ok();
        script
            .add_event_listener_with_callback("error", failed.unchecked_ref())
            .ok();
        if let Some(head) = document().head() {
            head.append_child(&script).ok();
        }
    })
}

async fn scripts() -> Result<(), JsValue> {
    let promise = LOADING.with_borrow_mut(|loading| {
        loading
            .get_or_insert_with(|| {
                // One after the other: the second may only run once the first has.
                wasm_bindgen_futures::future_to_promise(async {
                    for src in SCRIPTS {
                        JsFuture::from(load_script(src)).await?;
                    }
                    Ok(JsValue::UNDEFINED)
                })
            })
            .clone()
    });
    let done = JsFuture::from(promise).await;
    if done.is_err() {
        // A failed load (the files missing from a build) may be tried again later.
        LOADING.with_borrow_mut(|loading| *loading = None);
    }
    done.map(|_| ())
}

fn global(name: &str) -> Result<JsValue, JsValue> {
    let value = Reflect::get(&window(), &name.into())?;
    if value.is_undefined() {
        return Err(JsValue::from_str(&format!("{name} is not loaded")));
    }
    Ok(value)
}

fn construct(namespace: &JsValue, class: &str, arg: &JsValue) -> Result<JsValue, JsValue> {
    let class: Function = Reflect::get(namespace, &class.into())?.dyn_into()?;
    Reflect::construct(&class, &Array::of1(arg))
}

/// A Leaflet layer drawing the kept file: the light style of the Protomaps basemap, labels in
/// the app's language, tiles asked only within the file's bounds and up to its deepest zoom
/// (deeper views draw its last level enlarged, not an empty map).
pub(super) async fn layer(
    kept: &Kept,
    blob: Blob,
    lang: symbiose_core::Lang,
    attribution: &str,
) -> Result<leaflet::Layer, JsValue> {
    scripts().await?;
    let pmtiles = global("pmtiles")?;
    let options = web_sys::FilePropertyBag::new();
    options.set_type("application/vnd.pmtiles");
    let file = web_sys::File::new_with_blob_sequence_and_options(
        &Array::of1(&blob),
        &kept.name,
        &options,
    )?;
    let source = construct(&pmtiles, "FileSource", &file)?;
    let archive = construct(&pmtiles, "PMTiles", &source)?;
    let protomaps = global("protomapsL")?;
    let make: Function = Reflect::get(&protomaps, &"leafletLayer".into())?.dyn_into()?;
    let h = &kept.header;
    let corner = |lat: f64, lon: f64| Array::of2(&lat.into(), &lon.into());
    let bounds = Array::of2(
        &corner(h.south_west.lat, h.south_west.lon),
        &corner(h.north_east.lat, h.north_east.lon),
    );
    let options = js_obj(&[
        ("url", archive),
        ("flavor", "light".into()),
        ("lang", lang.code().into()),
        ("maxDataZoom", f64::from(h.max_zoom).into()),
        ("bounds", bounds.into()),
        ("attribution", attribution.into()),
    ]);
    Ok(make.call1(&protomaps, &options)?.unchecked_into())
}
