//! The filter bar above the map: flow families as toggles (the keys 1 to 7 do the same), one
//! NAF section, one List of Waste chapter, and a reset. The list and the map follow it.

use leptos::prelude::*;
use symbiose_core::Family;
use symbiose_core::refdata::naf;

use crate::filter::chapters_present;
use crate::i18n::{use_lang, use_texts};
use crate::palette::family_colour;
use crate::state::use_project;
use crate::summary::sections_present;
use crate::ui::use_ui;

#[component]
pub fn FilterBar(all: Memo<Vec<crate::summary::ActorSummary>>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let ui = use_ui();
    let state = use_project();
    let sections = Memo::new(move |_| all.with(|s| sections_present(s)));
    let chapters = Memo::new(move |_| state.project.with(|p| chapters_present(p, lang.get())));
    let pick_section = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        ui.filter
            .update(|f| f.section = v.chars().next().filter(|_| v.len() == 1));
    };
    let pick_chapter = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        ui.filter
            .update(|f| f.chapter = (!v.is_empty()).then_some(v));
    };
    view! {
        <section class="filter-bar" data-testid="filter-bar" aria-label=move || t.get().workspace.filters_title>
            <div class="family-toggles" role="group" aria-label=move || t.get().workspace.families_label>
                {Family::ALL.into_iter().enumerate().map(|(i, f)| {
                    let on = Memo::new(move |_| ui.filter.with(|x| !x.hidden.contains(&f)));
                    view! {
                        <button class="family-chip" class:off=move || !on.get()
                            data-testid=format!("family-{f:?}").to_lowercase()
                            aria-pressed=move || on.get().to_string()
                            title=move || format!("{} ({})", f.label(lang.get()), i + 1)
                            on:click=move |_| ui.filter.update(|x| x.toggle(f))>
                            <span class="chip-dot" style:background-color=family_colour(f) aria-hidden="true"></span>
                            {move || f.label(lang.get())}
                        </button>
                    }
                }).collect_view()}
            </div>
            <label class="filter-select">
                <span>{move || t.get().workspace.section_filter}</span>
                <select data-testid="filter-section" on:change=pick_section>
                    <option value="" prop:selected=move || ui.filter.with(|f| f.section.is_none())>{move || t.get().workspace.all_sections}</option>
                    {move || sections.get().into_iter().map(|(letter, n)| view! {
                        <option value=letter.to_string() prop:selected=move || ui.filter.with(|f| f.section == Some(letter))>
                            {move || format!("{letter} · {} ({n})", naf::section_label(letter, lang.get()).unwrap_or("?"))}
                        </option>
                    }).collect_view()}
                </select>
            </label>
            <label class="filter-select">
                <span>{move || t.get().workspace.chapter_filter}</span>
                <select data-testid="filter-chapter" on:change=pick_chapter>
                    <option value="" prop:selected=move || ui.filter.with(|f| f.chapter.is_none())>{move || t.get().workspace.all_chapters}</option>
                    {move || chapters.get().into_iter().map(|(code, label, n)| {
                        let selected = code.clone();
                        view! {
                            <option value=code.clone() prop:selected=move || ui.filter.with(|f| f.chapter.as_deref() == Some(selected.as_str()))>
                                {format!("{code} · {label} ({n})")}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </label>
            <Show when=move || ui.filter.with(|f| f.is_active())>
                <button class="reset-filters" data-testid="reset-filters"
                    on:click=move |_| ui.filter.set(Default::default())>{move || t.get().workspace.reset_filters}</button>
            </Show>
        </section>
    }
}
