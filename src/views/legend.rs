//! The map legend: the sections present in the zone with their colour, large enough to be read
//! from the back of a workshop room.

use leptos::prelude::*;
use symbiose_core::numbers::{Precision::Reading, number};
use symbiose_core::refdata::naf;

use crate::i18n::{use_lang, use_texts};
use crate::palette::{family_colour, section_colour};
use crate::summary::{ActorSummary, sections_present};

#[component]
pub fn Legend(summaries: Memo<Vec<ActorSummary>>) -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let sections = Memo::new(move |_| summaries.with(|s| sections_present(s)));
    // Folded to its title, the legend leaves the whole map to the room.
    let open = RwSignal::new(true);
    fold_where_short(open);
    view! {
        <section class="legend" class:folded=move || !open.get() data-testid="legend" aria-label=move || t.get().workspace.legend_title>
            <h3>
                <button class="legend-fold" data-testid="legend-fold" aria-expanded=move || open.get().to_string()
                    title=move || if open.get() { t.get().workspace.legend_fold } else { t.get().workspace.legend_unfold }
                    on:click=move |_| open.update(|o| *o = !*o)>
                    <span aria-hidden="true">{move || if open.get() { "▾ " } else { "▸ " }}</span>
                    {move || t.get().workspace.legend_title}
                </button>
            </h3>
            <Show when=move || open.get()>
            <ul>
                <For each=move || sections.get() key=|(l, n)| (*l, *n) let:item>
                    <li>
                        <span class="swatch" style:background-color=section_colour(Some(item.0))></span>
                        {move || format!("{} · {} ({})", item.0, naf::section_label(item.0, lang.get()).unwrap_or("?"), number(item.1 as f64, lang.get(), Reading))}
                    </li>
                </For>
            </ul>
            <p class="legend-size">{move || t.get().workspace.legend_size}</p>
            <ul class="line-legend" data-testid="line-legend">
                <li><span class="line solid"></span>{move || t.get().workspace.line_pipeline}</li>
                <li><span class="line dashed"></span>{move || t.get().workspace.line_proposal}</li>
            </ul>
            <ul class="link-legend" data-testid="link-legend">
                {move || {
                    let lang = lang.get();
                    symbiose_core::Family::ALL.into_iter().map(|f| view! {
                        <li><span class="line" style:border-color=family_colour(f)></span>{f.label(lang)}</li>
                    }).collect_view()
                }}
            </ul>
            </Show>
        </section>
    }
}

/// On a projector of fewer than 800 lines (1366×768, 1280×720) the legend covered a quarter of
/// the map: workshop mode folds a panel over the map there, and leaving the mode unfolds it
/// again.
pub(crate) fn fold_where_short(open: RwSignal<bool>) {
    let ui = crate::ui::use_ui();
    let folded_for_workshop = StoredValue::new(false);
    Effect::new(move |_| {
        let short = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .is_some_and(|h| h < 800.0);
        if ui.projection.get() && short && open.get_untracked() {
            open.set(false);
            folded_for_workshop.set_value(true);
        } else if !ui.projection.get() && folded_for_workshop.get_value() {
            open.set(true);
            folded_for_workshop.set_value(false);
        }
    });
}
