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
            Gazetteer::from_csv(&communes, &epci).map_err(|e| e.to_string())
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
