//! The company explorer: what a public copy opens (`Project::public_copy`), for a company that
//! received it. No editing chrome and no facilitator's page: the zone's map, "what is around
//! my company" (a company chosen in the list or on the map, or a point, and a radius: the offers
//! and needs nearby, by family, as the public may see them), and a way to answer (the company's
//! own flows, completed and saved as the questionnaire file the facilitator merges). Works on a
//! phone: the map above, the panel below.

mod answer;

use leptos::prelude::*;
use symbiose_core::detect::Audience;
use symbiose_core::neighbourhood::{Neighbour, RADII_KM, around, around_point};
use symbiose_core::numbers::{Precision::Reading, number, with_unit};
use symbiose_core::{ActorId, Direction, Family, Position};

use crate::i18n::{use_lang, use_texts};
use crate::map::{Focus, MapView};
use crate::palette::family_colour;
use crate::route::{Route, go};
use crate::state::use_project;
use crate::ui::use_ui;
use crate::views::company::FlowLeads;
use crate::views::company::neighbourhood::{NeighbourList, nearest};
use crate::views::controls::SelectField;
use crate::{gazetteer, places, prefs, summary};

/// Where the company explores from.
#[derive(Debug, Clone, PartialEq)]
enum From {
    Company(ActorId),
    Point(Position),
}

/// Flows around up to which every family's list is shown open.
const OPEN_UP_TO: usize = 20;

/// The radius the explorer starts with: a zone and its surroundings.
const START_RADIUS_KM: f64 = 5.0;

#[component]
pub fn Explorer(tiles_on: RwSignal<bool>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let ui = use_ui();
    let prefs::TileUrl(tile_url) = expect_context::<prefs::TileUrl>();
    // A company sees what the public sees, whatever the session's audience was.
    ui.audience.set(Audience::Public);
    if ui.radius_km.get_untracked().is_none() {
        ui.radius_km.set(Some(START_RADIUS_KM));
    }
    let point = RwSignal::new(None::<Position>);
    // A click on a company's dot also reaches the map beneath it: in point mode the point wins.
    Effect::new(move |_| {
        if let Some(at) = state.picked.get() {
            state.picked.set(None);
            state.selected.set(None);
            point.set(Some(at));
        }
    });
    Effect::new(move |_| {
        if state.selected.get().is_some() {
            point.set(None);
        }
    });
    let from = Memo::new(move |_| match (state.selected.get(), point.get()) {
        (Some(id), _) => Some(From::Company(id)),
        (None, Some(at)) => Some(From::Point(at)),
        (None, None) => None,
    });
    // `Err(())`: the company has no position.
    let found = Memo::new(move |_| {
        let from = from.get()?;
        let radius = ui.radius_km.get().unwrap_or(START_RADIUS_KM);
        Some(state.project.with(|p| match &from {
            From::Company(id) => around(p, id, radius, Audience::Public).map_err(|_| ()),
            From::Point(at) => Ok(around_point(p, *at, None, radius, Audience::Public)),
        }))
    });
    let summaries = Memo::new(move |_| {
        state
            .project
            .with(|p| summary::summarise(p, lang.get(), &Default::default()))
    });
    let places = Memo::new(move |_| {
        state
            .project
            .with(|p| places::place_names(p, gazetteer::place, gazetteer::communes_within))
    });
    let focus = Memo::new(move |_| {
        let centre = match from.get()? {
            From::Company(id) => state.project.with(|p| p.actor(&id)?.position)?,
            From::Point(at) => at,
        };
        let radius_km = ui.radius_km.get().unwrap_or(START_RADIUS_KM);
        let around = found.with(|f| match f {
            Some(Ok(list)) => symbiose_core::neighbourhood::named_positions(list),
            _ => Vec::new(),
        });
        Some(Focus {
            centre,
            radius_km,
            around,
        })
    });
    let companies = Signal::derive(move || {
        let mut list: Vec<(ActorId, String)> = state.project.with(|p| {
            p.actors
                .iter()
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect()
        });
        list.sort_by_key(|a| a.1.to_lowercase());
        list
    });
    let radii = Signal::derive(move || {
        let lang = lang.get();
        RADII_KM
            .into_iter()
            .map(|r| (r, with_unit(r, lang, "km")))
            .collect::<Vec<_>>()
    });
    let name = move || state.project.with(|p| p.name.clone());
    let picking = state.picking;
    view! {
        <main class="explorer" data-testid="explorer">
            <div class="explorer-map">
                <MapView summaries tiles_on=tiles_on.into() fit_request=ui.fit_request.into()
                    links=Signal::derive(Vec::new) tile_url=tile_url.into() focus=focus.into() frame_focus=true
                    pin=Signal::derive(|| None) places=places.into() />
                <Show when=move || picking.get()>
                    <p class="map-hint" role="status" data-testid="explorer-picking">{move || t.get().explorer.picking}</p>
                </Show>
            </div>
            <div class="explorer-side">
                <header class="explorer-head">
                    <button data-testid="back-home" on:click=move |_| go(Route::Home)>{move || t.get().workspace.projects_link}</button>
                    <p class="kicker">{move || t.get().explorer.kicker}</p>
                    <h2 data-testid="explorer-title">{name}</h2>
                    <p class="page-intro">{move || t.get().explorer.intro}</p>
                </header>
                <section class="explorer-from">
                    <SelectField label=move || t.get().explorer.my_company testid="explorer-company" class="filter-select"
                        options=companies value=Signal::derive(move || state.selected.get())
                        on_change=Callback::new(move |id: Option<ActorId>| state.selected.set(id))
                        none_label=move || t.get().explorer.choose_company key=|id: &ActorId| id.as_str().to_string() />
                    <div class="explorer-point">
                        <span>{move || t.get().explorer.or_point}</span>
                        <button data-testid="explorer-pick-point" aria-pressed=move || picking.get().to_string()
                            on:click=move |_| picking.set(true)>{move || t.get().explorer.pick_point}</button>
                        <Show when=move || point.with(Option::is_some)>
                            <span class="hint" data-testid="explorer-point">{move || t.get().explorer.point_chosen}</span>
                        </Show>
                    </div>
                    <SelectField label=move || t.get().explorer.radius testid="explorer-radius" class="filter-select"
                        options=radii value=Signal::derive(move || ui.radius_km.get())
                        on_change=Callback::new(move |r: Option<f64>| ui.radius_km.set(r.or(Some(START_RADIUS_KM))))
                        key=|r: &f64| r.to_string() />
                </section>
                {move || match from.get() {
                    Some(From::Company(id)) => Some(view! { <Leads actor=id /> }),
                    _ => None,
                }}
                <Found found=found.into() radius=Signal::derive(move || ui.radius_km.get().unwrap_or(START_RADIUS_KM)) />
                {move || match from.get() {
                    Some(From::Company(id)) => Some(view! { <answer::Answer actor=id /> }),
                    _ => None,
                }}
            </div>
        </main>
    }
}

/// What detection proposes for the company's flows, as the public may see them, once it has run.
#[component]
fn Leads(actor: ActorId) -> impl IntoView {
    let t = use_texts();
    let running = crate::detection::use_detection_running();
    view! {
        <section class="explorer-leads" data-testid="explorer-leads">
            <h3>{move || t.get().explorer.leads_title}</h3>
            <p class="hint">{move || t.get().explorer.leads_intro}</p>
            <Show when=move || !running.get() fallback=move || view! {
                <p class="hint" role="status">{move || t.get().explorer.leads_running}</p>
            }>
                <FlowLeads actor=actor.clone() />
            </Show>
        </section>
    }
}

/// What is around, by family: the count of offers and needs, then each family's flows,
/// nearest first.
#[component]
fn Found(found: Signal<Option<Result<Vec<Neighbour>, ()>>>, radius: Signal<f64>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    move || {
        let (t, lang) = (t.get(), lang.get());
        // Borrowed: only the rows drawn are copied out of a list of tens of thousands.
        found.with(|found| {
        let list = match found {
            None => {
                return view! { <p class="hint" data-testid="explorer-start">{t.explorer.start_hint}</p> }
                    .into_any();
            }
            Some(Err(())) => {
                return view! { <p class="empty" data-testid="explorer-empty">{t.explorer.no_position}</p> }
                    .into_any();
            }
            Some(Ok(list)) if list.is_empty() => {
                return view! { <p class="empty" data-testid="explorer-empty">{t.explorer.nothing_around}</p> }
                    .into_any();
            }
            Some(Ok(list)) => list,
        };
        let n = |d: Direction| {
            number(
                list.iter().filter(|x| x.direction == d).count() as f64,
                lang,
                Reading,
            )
        };
        let count = format!(
            "{} {}, {} {} {} {}",
            n(Direction::Offer),
            t.explorer.offers,
            n(Direction::Need),
            t.explorer.needs,
            t.explorer.within,
            with_unit(radius.get(), lang, "km")
        );
        let open = list.len() <= OPEN_UP_TO;
        // Each family's count, and its nearest rows copied to be drawn.
        let families: Vec<(Family, usize, Vec<Neighbour>)> = Family::ALL
            .into_iter()
            .map(|f| {
                let of_family = || list.iter().filter(move |x| x.family == f);
                (f, of_family().count(), nearest(of_family()))
            })
            .filter(|(_, n, _)| *n > 0)
            .collect();
        view! {
            <section class="explorer-found" data-testid="explorer-found">
                <p class="neighbourhood-count" data-testid="explorer-counts">{count}</p>
                {families.into_iter().map(|(family, total, items)| view! {
                    // A short list shows whole; a long one by family, each opened at will, so
                    // that the answer below stays within reach on a phone.
                    <details class="explorer-family" data-family=format!("{family:?}") open=open>
                        <summary>
                            <span class="family-dot" style:background-color=family_colour(family) aria-hidden="true"></span>
                            {format!("{} ({total})", family.label(lang))}
                        </summary>
                        <NeighbourList items total testid="explorer-list" />
                    </details>
                }).collect_view()}
            </section>
        }
        .into_any()
        })
    }
}
