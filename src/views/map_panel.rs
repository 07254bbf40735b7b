//! What the map's two panels (the display settings, the legend) share: a title that folds the
//! panel, and the rule that folds them on a short projector.

use leptos::prelude::*;

/// The panel's title as a button that folds it to that line and unfolds it.
#[component]
pub fn FoldTitle(
    open: RwSignal<bool>,
    testid: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] fold_hint: Signal<&'static str>,
    #[prop(into)] unfold_hint: Signal<&'static str>,
) -> impl IntoView {
    view! {
        <h3>
            <button class="legend-fold" data-testid=testid aria-expanded=move || open.get().to_string()
                title=move || if open.get() { fold_hint.get() } else { unfold_hint.get() }
                on:click=move |_| open.update(|o| *o = !*o)>
                <span aria-hidden="true">{move || if open.get() { "▾ " } else { "▸ " }}</span>
                {move || title.get()}
            </button>
        </h3>
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
