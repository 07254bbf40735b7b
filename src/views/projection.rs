//! Workshop (projection) mode: full screen, large type, high contrast, the editing chrome
//! hidden. The root element gets a `projection` class and the stylesheet does the rest, so every view
//! stays the same component in both modes and a facilitator can still add a flow or note an
//! idea live.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::i18n::use_texts;
use crate::state::use_project;
use crate::ui::use_ui;

/// Follows `ui.projection`: the page class, and full screen when the browser grants it. When
/// the user leaves full screen with the browser's own Esc (which the page never sees), the
/// workshop mode ends with it.
pub fn install() {
    let ui = use_ui();
    let state = use_project();
    let entered_fullscreen = StoredValue::new(false);
    // What the pipeline holds as the workshop begins: the ideas noted after it are its record's.
    Effect::new(move |_| {
        if ui.projection.get() {
            let ids = state
                .project
                .with_untracked(|p| p.synergies.iter().map(|s| s.id.clone()).collect());
            ui.ideas_before.set(Some(ids));
        }
    });
    Effect::new(move |_| {
        let on = ui.projection.get();
        let doc = document();
        // On the root element, so that every rem-based size grows with it.
        if let Some(root) = doc.document_element() {
            root.class_list().toggle_with_force("projection", on).ok();
        }
        if on && doc.fullscreen_element().is_none() {
            if let Some(root) = doc.document_element() {
                // Refused outside a user gesture or in some embeddings: the mode works anyway.
                let _ = root.request_fullscreen();
            }
        } else if !on && doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        }
        // Once the map has its new size (the chrome came or went), show the whole zone.
        set_timeout(move || ui.fit_zone(), std::time::Duration::from_millis(200));
    });
    let on_change = Closure::<dyn Fn()>::new(move || {
        let full = document().fullscreen_element().is_some();
        if full {
            entered_fullscreen.set_value(true);
        } else if entered_fullscreen.get_value() {
            entered_fullscreen.set_value(false);
            ui.projection.set(false);
        }
    });
    document()
        .add_event_listener_with_callback("fullscreenchange", on_change.as_ref().unchecked_ref())
        .ok();
    let on_change = StoredValue::new_local(Some(on_change));
    on_cleanup(move || {
        if let Some(root) = document().document_element() {
            root.class_list().remove_1("projection").ok();
        }
        on_change.update_value(|c| {
            if let Some(c) = c.take() {
                document()
                    .remove_event_listener_with_callback(
                        "fullscreenchange",
                        c.as_ref().unchecked_ref(),
                    )
                    .ok();
            }
        });
    });
}

#[component]
pub fn ProjectionButton() -> impl IntoView {
    let t = use_texts();
    let ui = use_ui();
    view! {
        <button data-testid="projection-toggle" aria-pressed=move || ui.projection.get().to_string()
            title=move || format!("{} (F)", t.get().workspace.projection_on)
            on:click=move |_| ui.projection.update(|p| *p = !*p)>
            {move || if ui.projection.get() { t.get().workspace.projection_off } else { t.get().workspace.projection_on }}
        </button>
    }
}

/// The slim bar shown in workshop mode instead of the toolbar: the zone's name, the pages, the
/// keys' help behind "?", the way out. One line at 1280 px wide: the map below it is what the
/// room looks at (issue 17: it took a third of the screen and wrapped its tabs).
#[component]
pub fn ProjectionBar() -> impl IntoView {
    let t = use_texts();
    let ui = use_ui();
    let state = use_project();
    let recording = RwSignal::new(false);
    view! {
        <Show when=move || ui.projection.get()>
            <div class="projection-bar" data-testid="projection-bar">
                <strong class="projection-title" data-testid="projection-title"
                    title=move || state.project.with(|p| p.name.clone())>
                    {move || state.project.with(|p| p.name.clone())}
                </strong>
                <crate::views::toolbar::PageNav />
                <button class="keys-toggle" data-testid="keys-toggle"
                    aria-expanded=move || ui.keys_help.get().to_string()
                    aria-label=move || t.get().workspace.keys_button title=move || t.get().workspace.keys_button
                    on:click=move |_| ui.keys_help.update(|h| *h = !*h)>"?"</button>
                // A sign, like "?": the zone's name keeps the bar's width at 1280 px.
                <button class="keys-toggle" data-testid="workshop-record" title=move || t.get().workspace.workshop_record_hint
                    aria-label=move || t.get().workspace.workshop_record
                    on:click=move |_| recording.set(true)>"✎"</button>
                <button data-testid="projection-exit" title=move || t.get().workspace.projection_off
                    on:click=move |_| ui.projection.set(false)>{move || t.get().workspace.projection_exit}</button>
            </div>
        </Show>
        <Show when=move || recording.get()>
            <crate::views::roadmap::workshops::WorkshopRecord close=Callback::new(move |_| recording.set(false)) />
        </Show>
        // Also outside workshop mode: "?" shows the keys wherever the workspace is.
        <KeysHelp />
    }
}

/// The keys, one per line, over the top right corner of the screen until "?", its button or Esc.
#[component]
fn KeysHelp() -> impl IntoView {
    let t = use_texts();
    let ui = use_ui();
    view! {
        <Show when=move || ui.keys_help.get()>
            <aside class="keys-help" data-testid="keys-help" aria-label=move || t.get().workspace.keys_title>
                <button class="keys-close" data-testid="keys-close" aria-label=move || t.get().common.dismiss
                    title=move || t.get().common.dismiss on:click=move |_| ui.keys_help.set(false)>"×"</button>
                <h3>{move || t.get().workspace.keys_title}</h3>
                <ul>
                    {move || t.get().workspace.shortcuts_hint.split(" · ").map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            </aside>
        </Show>
    }
}
