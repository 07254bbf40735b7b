//! Kind, communes (searched among all French communes), EPCI (suggested from the communes) and
//! perimeter (the companies' hull). Each change is one `SetTerritory` command: undoable.

use leptos::prelude::*;
use symbiose_core::edit::Command;
use symbiose_core::geo::convex_hull;
use symbiose_core::{CommuneRef, Territory, TerritoryKind, UserMessage};

use crate::gazetteer::{self, LoadState};
use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;
use crate::views::controls::{SelectField, TextField, choices};

const RESULTS: usize = 8;

#[component]
pub fn TerritorySettings() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let territory = Memo::new(move |_| state.project.with(|p| p.territory.clone()));
    let error = RwSignal::new(None::<String>);
    let set = move |change: &dyn Fn(&mut Territory)| {
        let mut next = territory.get_untracked();
        change(&mut next);
        match state.apply(Command::SetTerritory(next)) {
            Ok(()) => error.set(None),
            Err(e) => error.set(Some(e.message_in(lang.get_untracked()))),
        }
    };
    let load = RwSignal::new(LoadState::Idle);
    gazetteer::load(load);
    let query = RwSignal::new(String::new());
    let hits = Memo::new(move |_| {
        let _ = load.get();
        let q = query.get();
        gazetteer::table()
            .map(|g| {
                g.search(&q, RESULTS)
                    .into_iter()
                    .map(|c| {
                        (
                            c.to_ref(),
                            c.department.clone(),
                            c.postcodes.first().cloned().unwrap_or_default(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let suggestion = Memo::new(move |_| {
        let _ = load.get();
        let communes = territory.with(|t| t.communes.clone());
        gazetteer::table()
            .and_then(|g| g.suggest_epci(&communes).map(|e| e.to_ref()))
            .filter(|e| territory.with(|t| t.epci.as_ref() != Some(e)))
    });
    let kinds = choices(TerritoryKind::VARIANTS, move |k| {
        k.label(lang.get()).to_string()
    });
    let kind_key = |k: &TerritoryKind| format!("{k:?}").to_lowercase();
    let hull = move |_| {
        let points: Vec<_> = state
            .project
            .with_untracked(|p| p.actors.iter().filter_map(|a| a.position).collect());
        let ring = convex_hull(&points);
        if ring.len() < 3 {
            error.set(Some(
                t.get_untracked().territory.perimeter_too_few.to_string(),
            ));
            return;
        }
        set(&|tr| tr.perimeter = ring.clone());
    };
    view! {
        <section class="territory-settings" data-testid="territory-settings">
            <h3>{move || t.get().territory.settings_title}</h3>
            <p class="hint">{move || t.get().territory.undo_hint}</p>
            <SelectField label=move || t.get().territory.f_kind testid="territory-kind" options=kinds key=kind_key
                value=Signal::derive(move || Some(territory.with(|t| t.kind)))
                on_change=Callback::new(move |k: Option<TerritoryKind>| if let Some(k) = k { set(&|t| t.kind = k) }) />

            <h4>{move || t.get().territory.communes_title}</h4>
            <Show when=move || territory.with(|t| t.communes.is_empty())>
                <p class="empty" data-testid="territory-no-communes">{move || t.get().territory.communes_none}</p>
            </Show>
            <ul class="chip-list" data-testid="territory-communes">
                {move || territory.get().communes.into_iter().map(|c| {
                    let insee = c.insee.clone();
                    view! {
                        <li class="chip">
                            <span>{c.display()}</span>
                            <button class="small" data-testid="territory-commune-remove"
                                aria-label=move || format!("{} {}", t.get().territory.commune_remove, c.name)
                                on:click=move |_| { let insee = insee.clone(); set(&|t| t.communes.retain(|x| x.insee != insee)) }>
                                {move || t.get().territory.commune_remove}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <TextField label=move || t.get().territory.commune_search testid="territory-commune-search"
                value=query on_input=Callback::new(move |v| query.set(v)) />
            {move || match load.get() {
                LoadState::Loading | LoadState::Idle => view! { <p class="hint">{move || t.get().territory.commune_loading}</p> }.into_any(),
                LoadState::Failed(why) => view! { <p class="error" role="alert">{move || t.get().territory.commune_load_failed}{why.clone()}</p> }.into_any(),
                LoadState::Ready => view! {
                    <Show when=move || !query.with(|q| q.trim().is_empty()) && hits.with(Vec::is_empty)>
                        <p class="empty">{move || t.get().territory.commune_no_match}</p>
                    </Show>
                    <ul class="search-results" data-testid="territory-commune-results">
                        {move || hits.get().into_iter().map(|(c, dep, postcode)| {
                            let chosen = territory.with(|t| t.communes.iter().any(|x| x.insee == c.insee));
                            let label = format!("{} — {postcode} ({dep})", c.display());
                            view! {
                                <li>
                                    <span>{label}</span>
                                    <button class="small" data-testid="territory-commune-add" disabled=chosen
                                        on:click=move |_| { let c: CommuneRef = c.clone(); set(&|t| t.communes.push(c.clone())); query.set(String::new()) }>
                                        {move || t.get().territory.commune_add}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}

            <h4>{move || t.get().territory.epci_title}</h4>
            <p data-testid="territory-epci">{move || territory.with(|tr| tr.epci.as_ref().map(|e| format!("{} ({})", e.name, e.siren))
                .unwrap_or_else(|| t.get().territory.epci_none.to_string()))}</p>
            {move || suggestion.get().map(|e| {
                let label = format!("{}{}", t.get().territory.epci_suggest, e.name);
                view! { <button data-testid="territory-epci-suggest" on:click=move |_| { let e = e.clone(); set(&|t| t.epci = Some(e.clone())) }>{label}</button> }
            })}
            <Show when=move || territory.with(|t| t.epci.is_some())>
                <button data-testid="territory-epci-clear" on:click=move |_| set(&|t| t.epci = None)>{move || t.get().territory.epci_clear}</button>
            </Show>

            <h4>{move || t.get().territory.perimeter_title}</h4>
            <p data-testid="territory-perimeter">{move || {
                let n = territory.with(|t| t.perimeter.len());
                if n == 0 { t.get().territory.perimeter_none.to_string() } else { format!("{n} {}", t.get().territory.perimeter_points) }
            }}</p>
            <div class="button-row">
                <button data-testid="territory-draw" on:click=move |_| super::drawing::start(state)>{move || t.get().territory.perimeter_draw}</button>
                <button data-testid="territory-hull" on:click=hull>{move || t.get().territory.perimeter_hull}</button>
                <Show when=move || territory.with(|t| !t.perimeter.is_empty())>
                    <button data-testid="territory-perimeter-clear" on:click=move |_| set(&|t| t.perimeter.clear())>{move || t.get().territory.perimeter_clear}</button>
                </Show>
            </div>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="territory-error">{e}</p> })}
        </section>
    }
}
