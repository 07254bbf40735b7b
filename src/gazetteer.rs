//! The national communes and EPCI tables (core `refdata::gazetteer`), fetched from the files
//! served next to the app the first time a page needs them, then kept for the session. The
//! service worker caches the files with the app, so this works offline after the first visit.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use symbiose_core::refdata::gazetteer::Gazetteer;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    Idle,
    Loading,
    Ready,
    /// What went wrong, for the line that says so.
    Failed(String),
}

thread_local! {
    static TABLE: RefCell<Option<Rc<Gazetteer>>> = const { RefCell::new(None) };
}

/// The tables once loaded (`None` before).
pub fn table() -> Option<Rc<Gazetteer>> {
    TABLE.with(|t| t.borrow().clone())
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| format!("{url}: network error"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response")?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = response.text().map_err(|_| format!("{url}: unreadable"))?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| format!("{url}: unreadable"))
}

/// Starts loading the tables unless they are loaded or loading; `state` follows.
pub fn load(state: RwSignal<LoadState>) {
    if table().is_some() {
        state.set(LoadState::Ready);
        return;
    }
    if state.get_untracked() == LoadState::Loading {
        return;
    }
    state.set(LoadState::Loading);
    leptos::task::spawn_local(async move {
        let result = async {
            let communes = fetch_text("communes_fr.csv").await?;
            let epci = fetch_text("epci_fr.csv").await?;
            // One task of its own: measured (span `symbiose:gazetteer-parse`) by the territory e2e.
            crate::perf::time("symbiose:gazetteer-parse", || {
                Gazetteer::from_csv(&communes, &epci).map_err(|e| e.to_string())
            })
        }
        .await;
        match result {
            Ok(g) => {
                TABLE.with(|t| *t.borrow_mut() = Some(Rc::new(g)));
                state.set(LoadState::Ready);
            }
            Err(e) => state.set(LoadState::Failed(e)),
        }
    });
}

/// A commune a form's autocomplete offers.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub insee: String,
    pub name: String,
    pub postcodes: Vec<String>,
    /// Where a company of the commune is first placed (a centroid; none for the few communes
    /// the national file has no coordinates for).
    pub position: Option<symbiose_core::Position>,
}

/// Communes for what is typed: from the national table once loaded, else from the bundled
/// Corsican one (whose centroids are kept either way); nothing once the field holds a code the
/// table knows.
pub fn suggest(query: &str, limit: usize) -> Vec<Suggestion> {
    use symbiose_core::refdata::communes as corsica;
    match table() {
        Some(g) if g.commune(query).is_some() => Vec::new(),
        Some(g) => g
            .search(query, limit)
            .into_iter()
            .map(|c| Suggestion {
                insee: c.insee.clone(),
                name: c.name.clone(),
                postcodes: c.postcodes.clone(),
                // Corsica's centroids were computed from IGN boundaries; the national file's
                // points are a compilation of town-hall coordinates: the better one wins.
                position: corsica::lookup(&c.insee).map(|x| x.position).or(c.position),
            })
            .collect(),
        None if corsica::lookup(query).is_some() => Vec::new(),
        None => corsica::search(query, limit)
            .into_iter()
            .map(|c| Suggestion {
                insee: c.insee.clone(),
                name: c.name.clone(),
                postcodes: c.postcodes.clone(),
                position: Some(c.position),
            })
            .collect(),
    }
}

/// A commune's name, centre and population by INSEE code: the bundled Corsican table first
/// (its centroids come from IGN boundaries), else the national one once loaded.
pub fn place(insee: &str) -> Option<(String, symbiose_core::Position, u32)> {
    if let Some(c) = symbiose_core::refdata::communes::lookup(insee) {
        return Some((c.name.clone(), c.position, c.population));
    }
    let table = table()?;
    let c = table.commune(insee)?;
    Some((c.name.clone(), c.position?, c.population))
}

/// The communes whose centre lies between a south-west and a north-east corner, from the
/// bundled table and the national one once loaded (each once, the bundled centroid first).
pub fn communes_within(
    sw: symbiose_core::Position,
    ne: symbiose_core::Position,
) -> Vec<crate::places::KnownCommune> {
    let inside = |p: &symbiose_core::Position| {
        (sw.lat..=ne.lat).contains(&p.lat) && (sw.lon..=ne.lon).contains(&p.lon)
    };
    let mut found: Vec<crate::places::KnownCommune> = symbiose_core::refdata::communes::all()
        .iter()
        .filter(|c| inside(&c.position))
        .map(|c| (c.insee.clone(), c.name.clone(), c.position, c.population))
        .collect();
    if let Some(table) = table() {
        found.extend(table.communes().iter().filter_map(|c| {
            let at = c.position.filter(|p| inside(p))?;
            Some((c.insee.clone(), c.name.clone(), at, c.population))
        }));
    }
    // Stable: for a code in both tables, the bundled entry stays.
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found.dedup_by(|a, b| a.0 == b.0);
    found
}
