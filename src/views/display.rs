//! The map's display panel, at the top right of the map: who the screen is for, the background,
//! the proposals' lines, the zoom to the zone and the background's settings. The legend below it
//! only says what the colours and lines mean: in one box with it, these settings fell below the
//! legend's fold on a 1920×1080 projector, the audience's choice with them.

use leptos::prelude::*;
use symbiose_core::detect::Audience;

use crate::i18n::use_texts;
use crate::views::map_panel::{FoldTitle, fold_where_short};
use crate::views::settings::{AudienceSelect, TileSettings};

#[component]
pub fn MapDisplay(
    tiles_on: RwSignal<bool>,
    show_proposals: RwSignal<bool>,
    on_fit: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    let ui = crate::ui::use_ui();
    let kept_background = use_context::<crate::vector_background::VectorBackground>().map(|v| v.0);
    // On a phone the panel would cover most of the map: it starts folded there.
    let open = RwSignal::new(!crate::views::map_panel::window_is_narrow());
    fold_where_short(open);
    // Folded, the title still says who the screen is for: a facilitator about to project sees
    // whether confidential figures would show without unfolding anything.
    let title = move || {
        let t = t.get();
        let who = match ui.audience.get() {
            Audience::Facilitator => t.workspace.audience_facilitator_short,
            Audience::Public => t.workspace.audience_public_short,
        };
        format!("{} · {}", t.workspace.display_title, who)
    };
    view! {
        <section class="map-display" class:folded=move || !open.get() data-testid="map-display"
            aria-label=move || t.get().workspace.display_title>
            <FoldTitle open testid="display-fold" title=Signal::derive(title)
                fold_hint=Signal::derive(move || t.get().workspace.display_fold)
                unfold_hint=Signal::derive(move || t.get().workspace.display_unfold) />
            <Show when=move || open.get()>
                <AudienceSelect />
                <label class="tiles-toggle">
                    <input type="checkbox" data-testid="tiles-toggle" prop:checked=move || tiles_on.get()
                        on:change=move |ev| tiles_on.set(event_target_checked(&ev)) />
                    {move || match kept_background.and_then(|k| k.get()) {
                        Some(k) => format!("{} ({})", t.get().workspace.vector_toggle, k.name),
                        None => t.get().workspace.tiles_toggle.to_string(),
                    }}
                </label>
                <label class="tiles-toggle">
                    <input type="checkbox" data-testid="proposals-toggle" prop:checked=move || show_proposals.get()
                        on:change=move |ev| show_proposals.set(event_target_checked(&ev)) />
                    {move || t.get().workspace.show_proposals}
                </label>
                <button class="fit-zone" data-testid="fit-zone" on:click=move |_| on_fit.run(())>
                    {move || t.get().workspace.fit_zone}
                </button>
                <TileSettings />
            </Show>
        </section>
    }
}
