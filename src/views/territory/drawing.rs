//! Drawing the territory's perimeter on the map: the territory page starts it and opens the
//! map; each click places a corner (`map/`); this bar over the map counts them, removes the
//! last, stores the ring as one undoable edit, or cancels (Escape too).

use leptos::prelude::*;
use symbiose_core::edit::Command;
use symbiose_core::{Territory, UserMessage};

use crate::i18n::{use_lang, use_texts};
use crate::persist::use_session;
use crate::route::{Page, Route, go};
use crate::state::{ProjectState, use_project};

/// Starts a new drawing and shows the map.
pub fn start(state: ProjectState) {
    state.drawing.set(Some(Vec::new()));
    if let Some(id) = use_session().open_id.get_untracked() {
        go(Route::Project(id, Page::Map));
        // The territory page may be scrolled far down (on a phone, always): show the map.
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

#[component]
pub fn DrawingBar() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let error = RwSignal::new(None::<String>);
    let count = move || state.drawing.with(|d| d.as_ref().map_or(0, Vec::len));
    let finish = move |_| {
        let Some(ring) = state.drawing.get_untracked() else {
            return;
        };
        let territory = state.project.with_untracked(|p| Territory {
            perimeter: ring,
            ..p.territory.clone()
        });
        match state.apply(Command::SetTerritory(territory)) {
            Ok(()) => {
                error.set(None);
                state.drawing.set(None);
            }
            Err(e) => error.set(Some(e.message_in(lang.get_untracked()))),
        }
    };
    view! {
        <Show when=move || state.drawing.with(Option::is_some)>
            <div class="map-hint drawing-bar" role="status" data-testid="drawing-bar">
                <span>{move || format!("{} — {} {}", t.get().territory.drawing_hint, count(), t.get().territory.drawing_points)}</span>
                <button data-testid="drawing-undo" disabled=move || count() == 0
                    on:click=move |_| state.drawing.update(|d| { if let Some(d) = d { d.pop(); } })>{move || t.get().territory.drawing_undo}</button>
                <button class="primary" data-testid="drawing-done" disabled=move || count() < 3 on:click=finish>{move || t.get().territory.drawing_done}</button>
                <button data-testid="drawing-cancel" on:click=move |_| state.drawing.set(None)>{move || t.get().territory.drawing_cancel}</button>
                {move || error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
            </div>
        </Show>
    }
}
