//! The Symbiose web shell (Leptos, client-side rendered).
//!
//! It stays thin: the domain, the file format, detection and indicators live in
//! `symbiose-core`; this crate holds state, persistence, views and the map adapter.
//! `main.rs` only mounts [`App`].

pub mod detection;
pub mod files;
pub mod forms;
pub mod i18n;
pub mod map;
pub mod persist;
pub mod prefs;
pub mod route;
pub mod state;
pub mod summary;
pub mod views;

use leptos::prelude::*;
use symbiose_core::Project;

use i18n::UiLang;
use map::MapView;
use persist::{Session, store};
use prefs::Prefs;
use route::{Route, go};
use state::{ProjectState, use_project};
use views::{
    company::CompanyPanel,
    company_list::CompanyList,
    header::Header,
    home::Home,
    legend::Legend,
    proposals::Proposals,
    toolbar::{StatusBanners, Toolbar},
};

#[component]
pub fn App() -> impl IntoView {
    let prefs = Prefs::load();
    let lang = RwSignal::new(prefs.lang);
    let tiles_on = RwSignal::new(prefs.tiles);
    let welcomed = RwSignal::new(prefs.welcomed);
    provide_context(UiLang(lang));
    let state = ProjectState::new(Project::default());
    state.provide();
    let session = Session::install(state);
    let route = route::install();

    // Preferences follow the user's choices; the document's language follows the UI's.
    Effect::new(move |_| {
        let prefs = Prefs {
            lang: lang.get(),
            tiles: tiles_on.get(),
            welcomed: welcomed.get(),
        };
        prefs.save();
        if let Some(root) = document().document_element() {
            root.set_attribute("lang", prefs.lang.code()).ok();
        }
    });

    // A first visit opens the demonstration zone, stored as an ordinary project.
    if !welcomed.get_untracked() && route.get_untracked() == Route::Home && store::list().is_empty()
    {
        if let Ok(id) = session.create(&symbiose_core::demo::project()) {
            go(Route::Project(id));
        }
        welcomed.set(true);
    }

    Effect::new(move |_| match route.get() {
        Route::Project(id) => {
            if session.open_id.get_untracked().as_deref() != Some(id.as_str()) {
                let lang = lang.get_untracked();
                if let Err(e) = session.open_stored(&id, lang) {
                    session.close();
                    let t = i18n::texts(lang);
                    session
                        .notice
                        .set(Some(format!("{}\n{e}", t.unreadable_project)));
                    go(Route::Home);
                }
            }
        }
        Route::Home => session.close(),
    });

    view! {
        <div class="app">
            <Header />
            {move || match (route.get(), session.open_id.get()) {
                (Route::Project(_), Some(_)) => view! { <ProjectView tiles_on /> }.into_any(),
                _ => view! { <StatusBanners /><Home /> }.into_any(),
            }}
        </div>
    }
}

/// An open project: its toolbar, storage banners and workspace.
#[component]
pub fn ProjectView(tiles_on: RwSignal<bool>) -> impl IntoView {
    view! {
        <Toolbar />
        <StatusBanners />
        <Workspace tiles_on />
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Companies,
    Proposals,
}

/// The main view: company list (or proposals), map and legend side by side.
#[component]
pub fn Workspace(tiles_on: RwSignal<bool>) -> impl IntoView {
    let state = use_project();
    let lang = i18n::use_lang();
    let summaries = Memo::new(move |_| state.project.with(|p| summary::summarise(p, lang.get())));
    let fit_request = RwSignal::new(0u32);
    let detected = detection::provide(state);
    let tab = RwSignal::new(Tab::Companies);
    let show_proposals = RwSignal::new(true);
    let links = Memo::new(move |_| {
        let show = show_proposals.get();
        state
            .project
            .with(|p| detected.with(|d| summary::links(p, d, show)))
    });
    let t = i18n::use_texts();
    view! {
        <main class="workspace">
            <div class="side">
                <div class="tabs" role="tablist">
                    <button role="tab" data-testid="tab-companies" aria-selected=move || (tab.get() == Tab::Companies).to_string()
                        on:click=move |_| tab.set(Tab::Companies)>{move || t.get().tab_companies}</button>
                    <button role="tab" data-testid="tab-proposals" aria-selected=move || (tab.get() == Tab::Proposals).to_string()
                        on:click=move |_| { state.selected.set(None); tab.set(Tab::Proposals); }>
                        {move || format!("{} ({})", t.get().tab_proposals, detected.with(|d| d.proposals.len() + d.mutualisations.len()))}
                    </button>
                </div>
                {move || match (tab.get(), state.selected.get()) {
                    (_, Some(id)) => view! { <CompanyPanel id /> }.into_any(),
                    (Tab::Proposals, None) => view! { <Proposals /> }.into_any(),
                    (Tab::Companies, None) => view! { <CompanyList summaries /> }.into_any(),
                }}
            </div>
            <div class="map-area">
                <MapView summaries tiles_on=tiles_on.into() fit_request=fit_request.into() links=links.into() />
                <Legend summaries tiles_on show_proposals on_fit=Callback::new(move |_| fit_request.update(|n| *n += 1)) />
            </div>
        </main>
    }
}
