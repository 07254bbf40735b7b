//! The filter bar above the map: flow families as toggles (the keys 1 to 7 do the same), one
//! NAF section, one List of Waste chapter (side by side), and a reset. The list and the map follow it.

use leptos::prelude::*;
use symbiose_core::Family;
use symbiose_core::refdata::naf;

use crate::filter::chapters_present;
use crate::i18n::{use_lang, use_texts};
use crate::palette::family_colour;
use crate::state::use_project;
use crate::summary::sections_present;
use crate::ui::use_ui;
use crate::views::controls::SelectField;

#[component]
pub fn FilterBar(all: Memo<Vec<crate::summary::ActorSummary>>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let ui = use_ui();
    let state = use_project();
    let sections = Memo::new(move |_| all.with(|s| sections_present(s)));
    let chapters = Memo::new(move |_| state.project.with(|p| chapters_present(p, lang.get())));
    // The bar's choices are its filter's: the value attributes are the section letter and the
    // chapter code, so a choice reads the same in the page as in the filter.
    let section_options = Signal::derive(move || {
        let lang = lang.get();
        sections.with(|s| {
            s.iter()
                .map(|(letter, n)| {
                    let label = naf::section_label(*letter, lang).unwrap_or("?");
                    (*letter, format!("{letter} · {label} ({n})"))
                })
                .collect::<Vec<_>>()
        })
    });
    let chapter_options = Signal::derive(move || {
        chapters.with(|c| {
            c.iter()
                .map(|(code, label, n)| (code.clone(), format!("{code} · {label} ({n})")))
                .collect::<Vec<_>>()
        })
    });
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
            // Sector and chapter wrap together, on one row under the chips at a laptop's width
            // (each took a row at 1280 px: 35 px of map less on a 720-line screen).
            <div class="filter-selects">
            <SelectField label=move || t.get().workspace.section_filter testid="filter-section" class="filter-select"
                options=section_options value=Signal::derive(move || ui.filter.with(|f| f.section))
                on_change=Callback::new(move |v| ui.filter.update(|f| f.section = v))
                none_label=move || t.get().workspace.all_sections key=|c: &char| c.to_string() />
            <SelectField label=move || t.get().workspace.chapter_filter testid="filter-chapter" class="filter-select"
                options=chapter_options value=Signal::derive(move || ui.filter.with(|f| f.chapter.clone()))
                on_change=Callback::new(move |v| ui.filter.update(|f| f.chapter = v))
                none_label=move || t.get().workspace.all_chapters key=|c: &String| c.clone() />
            </div>
            <Show when=move || ui.filter.with(|f| f.is_active())>
                <button class="reset-filters" data-testid="reset-filters"
                    on:click=move |_| ui.filter.set(Default::default())>{move || t.get().workspace.reset_filters}</button>
            </Show>
        </section>
    }
}
