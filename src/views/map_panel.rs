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

/// On a screen of fewer than 800 lines (a 1366×768 or 1280×720 projector or laptop) the two
/// panels open took the map's right third, each scrolling in its half. There a panel starts
/// folded, and folds when the window becomes that short or workshop mode begins; it unfolds again
/// when what folded it ends (the window grows tall, the workshop is left). A panel the user
/// unfolded stays open otherwise.
pub(crate) fn fold_where_short(open: RwSignal<bool>) {
    let ui = crate::ui::use_ui();
    let short = RwSignal::new(window_is_short());
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        let now = window_is_short();
        if now != short.get_untracked() {
            short.set(now);
        }
    });
    on_cleanup(move || resize.remove());
    // What folded the panel, while it stays folded by this rule.
    let folded_by = StoredValue::new(None::<FoldedBy>);
    Effect::new(move |before: Option<(bool, bool)>| {
        let (is_short, workshop) = (short.get(), ui.projection.get());
        let (was_short, was_workshop) = before.unwrap_or((false, false));
        if open.get_untracked() {
            // Unfolded by hand since: nothing of ours to undo.
            folded_by.set_value(None);
        }
        let cause = if is_short && !was_short {
            Some(FoldedBy::ShortWindow)
        } else if is_short && workshop && !was_workshop {
            Some(FoldedBy::Workshop)
        } else {
            None
        };
        if let Some(cause) = cause.filter(|_| open.get_untracked()) {
            open.set(false);
            folded_by.set_value(Some(cause));
        } else {
            let ended = match folded_by.get_value() {
                Some(FoldedBy::ShortWindow) => !is_short,
                Some(FoldedBy::Workshop) => !workshop || !is_short,
                None => false,
            };
            if ended {
                open.set(true);
                folded_by.set_value(None);
            }
        }
        (is_short, workshop)
    });
}

#[derive(Clone, Copy)]
enum FoldedBy {
    ShortWindow,
    Workshop,
}

/// A phone's width (the stylesheet's `max-width: 800px`): the panels start folded there.
pub(crate) fn window_is_narrow() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w < 800.0)
}

fn window_is_short() -> bool {
    window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .is_some_and(|h| h < 800.0)
}
