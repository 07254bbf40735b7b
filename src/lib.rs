//! The Symbiose web shell (Leptos, client-side rendered).
//!
//! It stays thin: the domain, the file format, detection and indicators live in
//! `symbiose-core`; this crate holds state, persistence, views and the map adapter.
//! `main.rs` only mounts [`App`].

pub mod detection;
pub mod files;
pub mod filter;
pub mod forms;
pub mod gazetteer;
pub mod i18n;
pub mod map;
pub mod notice;
pub mod palette;
pub mod perf;
pub mod persist;
pub mod places;
pub mod prefs;
pub mod route;
pub mod state;
pub mod summary;
pub mod ui;
pub mod vector_background;
pub mod views;
pub mod workbook;

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
    display::MapDisplay,
    header::Header,
    home::Home,
    legend::Legend,
    proposals::Proposals,
    toolbar::{StatusBanners, Toolbar},
};

#[component]
pub fn App() -> impl IntoView {
    // A stored tile address that fails the check never reaches Leaflet (see Prefs::from_stored).
    let (prefs, tile_url_refused) = Prefs::load();
    let lang = RwSignal::new(prefs.lang);
    let tiles_on = RwSignal::new(prefs.tiles);
    let welcomed = RwSignal::new(prefs.welcomed);
    let tile_url = RwSignal::new(prefs.tile_url);
    provide_context(UiLang(lang));
    provide_context(prefs::TileUrl(tile_url));
    vector_background::VectorBackground::install();
    let state = ProjectState::new(Project::default());
    state.provide();
    let session = Session::install(state);
    let route = route::install();
    // Leaving a project whose edits are not stored asks first (views::leave).
    route::set_leave_guard(move || session.is_unsaved());

    // Preferences follow the user's choices; the document's language follows the UI's.
    Effect::new(move |_| {
        let prefs = Prefs {
            lang: lang.get(),
            tiles: tiles_on.get(),
            welcomed: welcomed.get(),
            tile_url: tile_url.get(),
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
            go(Route::project(id));
        }
        welcomed.set(true);
    }

    Effect::new(move |_| match route.get() {
        Route::Project(id, _) => {
            if session.open_id.get_untracked().as_deref() != Some(id.as_str()) {
                let lang = lang.get_untracked();
                if let Err(e) = session.open_stored(&id, lang) {
                    session.close();
                    session.notice.set(Some(crate::notice::Notice::error(&e)));
                    go(Route::Home);
                }
            }
        }
        Route::Home => {
            session.close();
            // The home list has no map to take the first map's place.
            map::dismiss_first_map();
        }
    });

    // The open project's view is made once per project, not once per page: it keeps its
    // detection (and its workers) while the user goes from the map to the pipeline and back.
    let in_project = Memo::new(move |_| matches!(route.get(), Route::Project(..)));
    view! {
        <div class="app">
            <Header />
            <views::leave::LeaveDialog />
            <views::settings::TileUrlRefused refused=tile_url_refused />
            {move || match (in_project.get(), session.open_id.get()) {
                (true, Some(_)) => view! { <ProjectView tiles_on /> }.into_any(),
                _ => view! { <StatusBanners /><Home /> }.into_any(),
            }}
        </div>
    }
}

/// An open project: its toolbar, storage banners and workspace.
#[component]
pub fn ProjectView(tiles_on: RwSignal<bool>) -> impl IntoView {
    ui::WorkspaceUi::provide();
    detection::provide(use_project());
    views::projection::install();
    let route = expect_context::<route::Router>().0;
    let page = Memo::new(move |_| match route.get() {
        Route::Project(_, page) => page,
        Route::Home => route::Page::Map,
    });
    // A public copy opens in the company explorer, whatever the page asked: it is what a
    // company received, and the facilitator's pages are not for it.
    let project = use_project().project;
    let public_copy = Memo::new(move |_| project.with(|p| p.public_copy));
    // The pages without a map take the first map away at once; the map's pages, once drawn.
    Effect::new(move |_| {
        if page.get() != route::Page::Map && !public_copy.get() {
            map::dismiss_first_map();
        }
    });
    view! {
        <Show when=move || !public_copy.get() fallback=move || view! {
            <StatusBanners />
            <views::explorer::Explorer tiles_on />
        }>
        <Toolbar />
        <views::projection::ProjectionBar />
        <StatusBanners />
        <views::repair::RepairPanel />
        {move || match page.get() {
            route::Page::Map => view! { <Workspace tiles_on /> }.into_any(),
            route::Page::Territory => view! { <views::territory::TerritoryPage /> }.into_any(),
            route::Page::Pipeline => view! { <views::pipeline::Board /> }.into_any(),
            route::Page::Roadmap => view! { <views::roadmap::Roadmap /> }.into_any(),
            route::Page::Dashboard => view! { <views::dashboard::Dashboard /> }.into_any(),
            route::Page::Deliverables => view! { <views::deliverables::Deliverables /> }.into_any(),
            route::Page::Exports => view! { <views::exports::Exports /> }.into_any(),
        }}
        </Show>
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
    let ui = ui::use_ui();
    let lang = i18n::use_lang();
    let prefs::TileUrl(tile_url) = expect_context::<prefs::TileUrl>();
    // Every company (the filter bar lists the sections present) and the companies the filter shows.
    let all = Memo::new(move |_| {
        perf::time("symbiose:summaries-all", || {
            state
                .project
                .with(|p| summary::summarise(p, lang.get(), &Default::default()))
        })
    });
    let summaries = Memo::new(move |_| {
        let f = ui.filter.get();
        if !f.is_active() {
            // Every company, as `all` has them: copied, not summarised again (5,000 companies:
            // 12 ms of an edit's task).
            return all.get();
        }
        perf::time("symbiose:summaries", || {
            state
                .project
                .with(|p| summary::summarise(p, lang.get(), &f))
        })
    });
    let detected = detection::use_detected();
    let running = detection::use_detection_running();
    let progress = detection::use_detection_progress();
    let failed = detection::use_detection_failed();
    let tab = RwSignal::new(Tab::Companies);
    let show_proposals = RwSignal::new(true);
    // What the lines read of the project besides the companies' summaries: the pipeline's
    // synergies (its lines, the proposals taken) and the flows' families. A family changes only
    // with detection's inputs, so a new detection redraws them; tracking the synergies alone keeps
    // an edit of a flow's quantity from recomputing the lines in the edit's task (5,000
    // companies: 14–20 ms of it).
    let synergies = Memo::new(move |_| state.project.with(|p| p.synergies.clone()));
    // A new detection's lines are drawn in the task after it is published (`settled`), so the
    // proposals and the lines do not share one task.
    let settled = detection::use_detection_settled();
    let links = Memo::new(move |_| {
        let show = show_proposals.get();
        let f = ui.filter.get();
        // Read, not only tracked: a memo never read has no value to compare its next one with,
        // so its first recomputation (the first edit after opening) would count as a change.
        synergies.with(|_| ());
        settled.track();
        perf::time("symbiose:links", || {
            state.project.with_untracked(|p| {
                detected.with_untracked(|d| {
                    summaries.with(|shown| summary::links(p, d, show, &f, shown))
                })
            })
        })
    });
    // The selected company's other leads, apart: selecting one does not redo the zone's lines.
    let company_links = Memo::new(move |_| {
        let id = state.selected.get().filter(|_| show_proposals.get())?;
        let f = ui.filter.get();
        synergies.with(|_| ());
        settled.track();
        Some(state.project.with_untracked(|p| {
            detected.with_untracked(|d| {
                summaries.with(|shown| summary::company_links(p, d, &id, &f, shown))
            })
        }))
    });
    let links = Signal::derive(move || {
        let mut all = links.get();
        company_links.with(|extra| {
            for l in extra.iter().flatten() {
                if !all.contains(l) {
                    all.push(l.clone());
                }
            }
        });
        all
    });
    // The communes named by the built-in background.
    let places = Memo::new(move |_| {
        state
            .project
            .with(|p| places::place_names(p, gazetteer::place, gazetteer::communes_within))
    });
    let around = views::company::neighbourhood::SelectedAround::provide();
    let focus = Memo::new(move |_| {
        let id = state.selected.get()?;
        let radius_km = ui.radius_km.get()?;
        around.0.with(|found| {
            let found = found.as_ref()?.as_ref().ok()?;
            state.project.with(|p| {
                Some(map::Focus {
                    centre: p.actor(&id)?.position?,
                    radius_km,
                    around: symbiose_core::neighbourhood::named_positions(found),
                })
            })
        })
    });
    views::shortcuts::install(summaries);
    place_new_on_click(state, ui);
    let t = i18n::use_texts();
    view! {
        <main class="workspace">
            <div class="side">
                <div class="tabs" role="tablist">
                    <button role="tab" data-testid="tab-companies" aria-selected=move || (tab.get() == Tab::Companies).to_string()
                        on:click=move |_| tab.set(Tab::Companies)>{move || t.get().common.tab_companies}</button>
                    <button role="tab" data-testid="tab-proposals" aria-selected=move || (tab.get() == Tab::Proposals).to_string()
                        data-detection=move || if failed.get().is_some() { "failed" } else if running.get() { "running" } else { "done" }
                        on:click=move |_| { state.selected.set(None); tab.set(Tab::Proposals); }>
                        {move || if failed.with(Option::is_some) {
                            format!("{} (—)", t.get().common.tab_proposals)
                        } else if running.get() {
                            // The share of offers done while detection runs ("Propositions (42 %)").
                            match progress.get() {
                                Some(share) => format!("{} ({})", t.get().common.tab_proposals, symbiose_core::numbers::percent(share, lang.get())),
                                None => format!("{} (…)", t.get().common.tab_proposals),
                            }
                        } else {
                            format!("{} ({})", t.get().common.tab_proposals, detected.with(|d| d.proposals.len() + d.mutualisations.len()))
                        }}
                    </button>
                </div>
                {move || match (tab.get(), state.selected.get()) {
                    (_, Some(id)) => view! { <CompanyPanel id /> }.into_any(),
                    (Tab::Proposals, None) => view! { <Proposals /> }.into_any(),
                    (Tab::Companies, None) => view! { <CompanyList summaries /> }.into_any(),
                }}
            </div>
            <div class="map-area">
                <views::filters::FilterBar all />
                <div class="map-frame">
                    <MapView summaries tiles_on=tiles_on.into() fit_request=ui.fit_request.into() links=links
                        tile_url=tile_url.into() focus=focus.into() pin=state.pin.into() places=places.into() />
                    <Show when=move || ui.place_new.get()>
                        <p class="map-hint" role="status" data-testid="place-new-hint">{move || t.get().common.add_on_map_hint}</p>
                    </Show>
                    <views::territory::DrawingBar />
                    // The display's settings at the top, the legend at the bottom: one column,
                    // so neither can cover the other whatever the screen's height.
                    <div class="map-panels">
                        <MapDisplay tiles_on show_proposals on_fit=Callback::new(move |_| ui.fit_zone()) />
                        <Legend summaries />
                    </div>
                </div>
            </div>
        </main>
    }
}

/// While "add on the map" waits, a click on the map creates a company there, in the commune
/// whose centre is nearest (a suggestion the form shows and the user can change).
fn place_new_on_click(state: state::ProjectState, ui: ui::WorkspaceUi) {
    let t = i18n::use_texts();
    Effect::new(move |_| {
        let Some(at) = state.picked.get() else { return };
        if !ui.place_new.get_untracked() {
            return;
        }
        ui.place_new.set(false);
        state.picked.set(None);
        let actor = state.project.with_untracked(|p| symbiose_core::Actor {
            id: symbiose_core::ActorId::next_free(p.actors.iter().map(|a| &a.id)),
            name: t.get_untracked().common.new_company_name.to_string(),
            commune: symbiose_core::refdata::communes::nearest(&at, 8.0).map(|c| c.insee.clone()),
            position: Some(symbiose_core::Position::new(
                (at.lat * 1e6).round() / 1e6,
                (at.lon * 1e6).round() / 1e6,
            )),
            ..Default::default()
        });
        let id = actor.id.clone();
        if state
            .apply(symbiose_core::edit::Command::AddActor(actor))
            .is_ok()
        {
            state.open_form.set(true);
            state.selected.set(Some(id));
        }
    });
}
