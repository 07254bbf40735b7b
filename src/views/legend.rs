//! The map legend: the sections present in the zone with their colour, large enough to be read
//! from the back of a workshop room.

use leptos::prelude::*;
use symbiose_core::numbers::{Precision::Reading, number};
use symbiose_core::refdata::naf;

use crate::i18n::{use_lang, use_texts};
use crate::palette::{family_colour, section_colour};
use crate::summary::{ActorSummary, sections_present};
use crate::views::map_panel::{FoldTitle, fold_where_short};

#[component]
pub fn Legend(summaries: Memo<Vec<ActorSummary>>) -> impl IntoView {
    let lang = use_lang();
    let t = use_texts();
    let sections = Memo::new(move |_| summaries.with(|s| sections_present(s)));
    // Folded to its title, the legend leaves the whole map to the room. On a phone it sits
    // under the map, above the filters: it starts folded there, so the filters are in reach.
    let open = RwSignal::new(!crate::views::map_panel::window_is_narrow());
    fold_where_short(open);
    view! {
        <section class="legend" class:folded=move || !open.get() data-testid="legend" aria-label=move || t.get().workspace.legend_title>
            <FoldTitle open testid="legend-fold" title=Signal::derive(move || t.get().workspace.legend_title.to_string())
                fold_hint=Signal::derive(move || t.get().workspace.legend_fold)
                unfold_hint=Signal::derive(move || t.get().workspace.legend_unfold) />
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
