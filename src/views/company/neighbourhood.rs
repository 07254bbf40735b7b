//! "What is around me": the offers and needs of the other companies within a radius, nearest
//! first, with distance and quantity, as the current audience may see them. The map draws the
//! same radius and rings the companies it may name.

use leptos::prelude::*;
use symbiose_core::Direction;
use symbiose_core::neighbourhood::{Neighbour, NeighbourhoodError, RADII_KM, around};

use crate::i18n::{use_lang, use_texts};
use crate::palette::family_colour;
use crate::state::use_project;
use crate::ui::use_ui;
use crate::views::controls::SelectField;
use symbiose_core::numbers::{Precision::Reading, number, with_unit};

/// What is around the selected company, as the current audience may see it: `None` until a
/// radius is chosen. The workspace computes it once for the company sheet's list and the map's
/// rings (at 25 km in a large EPCI it is tens of thousands of flows).
#[derive(Clone, Copy)]
pub struct SelectedAround(pub Memo<Option<Result<Vec<Neighbour>, NeighbourhoodError>>>);

impl SelectedAround {
    pub fn provide() -> Self {
        let ui = use_ui();
        let state = use_project();
        let found = Memo::new(move |_| {
            let id = state.selected.get()?;
            let radius = ui.radius_km.get()?;
            let audience = ui.audience.get();
            Some(state.project.with(|p| around(p, &id, radius, audience)))
        });
        let it = Self(found);
        provide_context(it);
        it
    }
}

/// The selected company's neighbourhood (the company sheet shows the selected company).
#[component]
pub fn Neighbourhood() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let ui = use_ui();
    let SelectedAround(found) = expect_context::<SelectedAround>();
    let radii = Signal::derive(move || {
        let lang = lang.get();
        RADII_KM
            .into_iter()
            .map(|r| (r, with_unit(r, lang, "km")))
            .collect::<Vec<_>>()
    });
    let rows = move || {
        let t = t.get();
        let lang = lang.get();
        // Borrowed: only the rows drawn are copied out of a list of tens of thousands.
        found.with(|found| match found {
            None => None,
            Some(Err(NeighbourhoodError::NoPosition | NeighbourhoodError::UnknownActor)) => {
                Some(view! { <p class="empty" data-testid="neighbourhood-empty">{t.company.neighbourhood_no_position}</p> }.into_any())
            }
            Some(Ok(list)) if list.is_empty() => {
                Some(view! { <p class="empty" data-testid="neighbourhood-empty">{t.company.neighbourhood_empty}</p> }.into_any())
            }
            Some(Ok(list)) => {
                let radius = ui.radius_km.get_untracked().unwrap_or_default();
                let count = format!("{} {} {} {} km", list.len(), t.company.flows_around, t.company.within, number(radius, lang, Reading));
                Some(view! {
                    <p class="neighbourhood-count" data-testid="neighbourhood-count">{count}</p>
                    <NeighbourList items=nearest(list) total=list.len() testid="neighbourhood-list" />
                }.into_any())
            }
        })
    };
    view! {
        <section class="neighbourhood-section" data-testid="neighbourhood">
            <h3>{move || t.get().company.neighbourhood_title}</h3>
            <SelectField label=move || t.get().company.radius_label testid="radius" class="filter-select"
                options=radii value=Signal::derive(move || ui.radius_km.get())
                on_change=Callback::new(move |r| ui.radius_km.set(r))
                none_label=move || t.get().company.radius_none key=|r: &f64| r.to_string() />
            {rows}
        </section>
    }
}

/// Rows drawn at once: the nearest. A radius of 25 km in a large EPCI holds tens of thousands
/// of flows, and drawing every row took seconds; past a few hundred, a narrower radius serves.
const SHOWN: usize = 200;

/// The first [`SHOWN`] of a list that comes nearest first, copied to be drawn.
pub fn nearest<'a>(list: impl IntoIterator<Item = &'a Neighbour>) -> Vec<Neighbour> {
    list.into_iter().take(SHOWN).cloned().collect()
}

/// The nearest flows around (`items`, at most [`SHOWN`]: see [`nearest`]) of `total`, and how
/// many more there are.
#[component]
pub fn NeighbourList(items: Vec<Neighbour>, total: usize, testid: &'static str) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let more = total.saturating_sub(items.len());
    view! {
        <ol class="neighbourhood" data-testid=testid>
            {items.into_iter().map(|n| view! { <NeighbourItem n /> }).collect_view()}
        </ol>
        {(more > 0).then(|| view! {
            <p class="empty" data-testid="neighbours-more">
                {move || format!("… {} {}", number(more as f64, lang.get(), Reading), t.get().company.neighbours_more)}
            </p>
        })}
    }
}

/// One flow around: its distance, family, what it is (direction, label, quantity, waste code,
/// cost when the audience may see it) and its company, a link when it may be named (selecting
/// it), its sector otherwise. The company sheet's neighbourhood and the explorer list them so.
#[component]
pub fn NeighbourItem(n: Neighbour) -> impl IntoView {
    let lang = use_lang();
    let state = use_project();
    let lang = lang.get_untracked();
    let arrow = if n.direction == Direction::Offer {
        "↗"
    } else {
        "↘"
    };
    let mut what = format!("{arrow} {} · {}", n.direction.label(lang), n.label);
    if let Some(q) = n.quantity {
        what.push_str(&format!(" · {}", q.text(lang, Reading)));
    }
    if let Some(code) = &n.waste_code {
        what.push_str(&format!(" · {code}"));
    }
    if let Some(c) = n.cost_eur_per_unit {
        what.push_str(&format!(
            " · {} €/{}",
            number(c, lang, Reading),
            n.quantity.map_or("u", |q| q.unit.symbol())
        ));
    }
    let who = n.actor_label.get(lang).to_string();
    let target = n.named.then(|| n.actor.clone());
    view! {
        <li data-testid="neighbour">
            <span class="distance">{format!("{} km", number((n.distance_km * 10.0).round() / 10.0, lang, Reading))}</span>
            <span class="family-dot" style:background-color=family_colour(n.family) aria-hidden="true"></span>
            <span class="neighbour-text">
                <span class="neighbour-what">{what}</span>
                {match target {
                    Some(id) => view! {
                        <button class="link" data-testid="neighbour-company"
                            on:click=move |_| state.selected.set(Some(id.clone()))>{who}</button>
                    }.into_any(),
                    None => view! { <span class="neighbour-anon">{who}</span> }.into_any(),
                }}
            </span>
        </li>
    }
}
