//! The vector map background kept in this browser (issue 17): a PMTiles extract of the territory,
//! opened from disk or fetched from beside the app, checked (core `pmtiles::Header`), then kept in
//! the browser's Cache Storage so that the map has a background in a room with no network. It
//! belongs to the browser, like the tile address, and never enters a project file (an extract
//! weighs megabytes). The map draws it (`map::vector`); this module only keeps and finds it.
//!
//! Cache Storage rather than localStorage: localStorage holds five million characters, which
//! the projects need, and strings only; the cache keeps a file of tens of megabytes as it is,
//! and hands it back as a Blob that is read a slice at a time (only the tiles in view).

use leptos::prelude::*;
use symbiose_core::numbers::with_unit;
use symbiose_core::pmtiles::{HEADER_LEN, Header};
use symbiose_core::{Bilingual, Position, bilingual};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, Cache, Response, ResponseInit};

/// Not named `symbiose-…`: the service worker deletes those of earlier releases.
const CACHE: &str = "map-background";
/// The cache wants an address as the key; nothing is ever fetched from it.
const KEY: &str = "./symbiose-background.pmtiles";
/// The file's own name travels with it, as a header of the kept answer.
const NAME_HEADER: &str = "x-symbiose-name";

/// The background this browser keeps, as the settings and the map need to know it.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    /// The file's name (`corse.pmtiles`), to tell the user which one is in use.
    pub name: String,
    pub bytes: u64,
    pub header: Header,
}

impl Kept {
    /// "corse.pmtiles, 12,3 Mo, zooms 0 à 14, de … à …".
    pub fn describe(&self) -> Bilingual {
        let (name, about) = (&self.name, self.header.describe());
        let bytes = self.bytes as f64;
        Bilingual::from_fn(|lang| {
            let about = lang.pick(&about.fr, &about.en);
            let size = if bytes < 1e6 {
                with_unit(bytes / 1e3, lang, lang.pick("Ko", "KB"))
            } else {
                with_unit(bytes / 1e6, lang, lang.pick("Mo", "MB"))
            };
            format!("{name}, {size}, {about}")
        })
    }

    /// What to say when some of the zone's companies stand outside the extract.
    pub fn coverage(&self, places: &[Position]) -> Option<Bilingual> {
        let outside = self.header.outside(places.iter().copied());
        let total = places.len();
        (outside > 0).then(|| {
            bilingual!(|lang|
                "{outside} des {total} entreprises placées sont hors de ce fond : est-ce l'extrait du bon territoire ?",
                "{outside} of the {total} placed companies stand outside this background: is it the right territory's extract?")
        })
    }
}

/// The kept background, provided by `App`: `None` until the cache has been looked at, or when
/// none is kept. The map follows it.
#[derive(Clone, Copy)]
pub struct VectorBackground(pub RwSignal<Option<Kept>>);

impl VectorBackground {
    /// Provides the context and looks in the cache for a background kept by an earlier visit.
    pub fn install() -> Self {
        let kept = RwSignal::new(None);
        provide_context(Self(kept));
        leptos::task::spawn_local(async move {
            if let Ok(Some((found, _))) = load().await {
                kept.set(Some(found));
            }
        });
        Self(kept)
    }
}

/// What the browser said, as it said it (its messages are in its own language).
fn detail(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_default()
}

fn js_error(e: JsValue) -> Bilingual {
    let detail = detail(&e);
    bilingual!(
        |lang| "le navigateur n'a pas pu garder ce fond ({detail})",
        "the browser could not keep this background ({detail})"
    )
}

async fn cache() -> Result<Cache, Bilingual> {
    // Cache Storage exists only on a secure page (https, or this machine's own address).
    let caches = window().caches().map_err(|_| {
        Bilingual::new(
            "ce navigateur ne peut pas garder de fond ici (page non sécurisée : ouvrez l'application en https)",
            "this browser cannot keep a background here (an insecure page: open the app over https)",
        )
    })?;
    let cache = JsFuture::from(caches.open(CACHE)).await.map_err(js_error)?;
    Ok(cache.unchecked_into())
}

/// Reads and checks the header of a file before anything is kept.
pub async fn check(blob: &Blob) -> Result<Header, Bilingual> {
    let start = blob
        .slice_with_f64_and_f64(0.0, HEADER_LEN as f64)
        .map_err(js_error)?;
    let buffer = JsFuture::from(start.array_buffer())
        .await
        .map_err(js_error)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Header::read(&bytes, blob.size() as u64)
}

/// Checks the file, then keeps it in place of the one kept before. A refused file changes
/// nothing: the earlier background stays.
pub async fn keep(name: &str, blob: &Blob) -> Result<Kept, Bilingual> {
    let header = check(blob).await?;
    let headers = web_sys::Headers::new().map_err(js_error)?;
    headers
        .set("content-type", "application/vnd.pmtiles")
        .map_err(js_error)?;
    // Header values are Latin-1: the name goes encoded.
    let encoded = String::from(js_sys::encode_uri_component(name));
    headers.set(NAME_HEADER, &encoded).map_err(js_error)?;
    let init = ResponseInit::new();
    init.set_headers(&headers);
    let response = Response::new_with_opt_blob_and_init(Some(blob), &init).map_err(js_error)?;
    JsFuture::from(cache().await?.put_with_str(KEY, &response))
        .await
        .map_err(js_error)?;
    // A best-effort origin may be cleared whole when the disk fills up, projects included:
    // ask the browser to keep this one (it decides, without asking the user in Chromium).
    if let Ok(p) = window().navigator().storage().persist() {
        JsFuture::from(p).await.ok();
    }
    Ok(Kept {
        name: name.to_string(),
        bytes: blob.size() as u64,
        header,
    })
}

/// The kept background and its file, if there is one.
pub async fn load() -> Result<Option<(Kept, Blob)>, Bilingual> {
    let found = JsFuture::from(cache().await?.match_with_str(KEY))
        .await
        .map_err(js_error)?;
    let Ok(response) = found.dyn_into::<Response>() else {
        return Ok(None);
    };
    let name = response
        .headers()
        .get(NAME_HEADER)
        .ok()
        .flatten()
        .and_then(|n| js_sys::decode_uri_component(&n).ok().map(String::from))
        .unwrap_or_else(|| "fond.pmtiles".to_string());
    let blob: Blob = JsFuture::from(response.blob().map_err(js_error)?)
        .await
        .map_err(js_error)?
        .unchecked_into();
    let header = check(&blob).await?;
    let kept = Kept {
        name,
        bytes: blob.size() as u64,
        header,
    };
    Ok(Some((kept, blob)))
}

/// Forgets the kept background: the map goes back to the tiles.
pub async fn forget() -> Result<(), Bilingual> {
    JsFuture::from(cache().await?.delete_with_str(KEY))
        .await
        .map_err(js_error)?;
    Ok(())
}

/// Fetches a file served beside the app (`corse.pmtiles`, or a path on the same site). Other
/// sites are not reached: the page's policy allows its own origin only.
pub async fn fetch_beside(address: &str) -> Result<(String, Blob), Bilingual> {
    let address = address.trim();
    if address.is_empty() {
        return Err(Bilingual::new(
            "donnez l'adresse du fichier, par exemple corse.pmtiles",
            "give the file's address, for example corse.pmtiles",
        ));
    }
    let unreachable = |why: String| {
        bilingual!(
            |lang| "{address} n'a pas pu être lu ({why}) : le fichier doit être servi sur le même site que l'application",
            "{address} could not be read ({why}): the file must be served from the same site as the app"
        )
    };
    let response: Response = JsFuture::from(window().fetch_with_str(address))
        .await
        .map_err(|e| unreachable(detail(&e)))?
        .unchecked_into();
    if !response.ok() {
        return Err(unreachable(format!("HTTP {}", response.status())));
    }
    let blob: Blob = JsFuture::from(response.blob().map_err(js_error)?)
        .await
        .map_err(js_error)?
        .unchecked_into();
    let name = address
        .rsplit('/')
        .next()
        .filter(|n| !n.is_empty())
        .unwrap_or(address)
        .to_string();
    Ok((name, blob))
}
