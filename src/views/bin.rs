//! The bin on the home view: every copy kept before a destructive step, with why and when,
//! restorable, exportable, and deleted only when the user says so.

use leptos::prelude::*;

use crate::files;
use crate::i18n::{Texts, use_lang, use_texts};
use crate::persist::bin::{self, RestoreError, Restored};
use crate::persist::keys::{BinEntry, BinReason, export_file_name};
use crate::persist::{store, use_session};
use crate::views::controls::{NoticeLine, Outcome};

fn reason_label(t: &Texts, reason: BinReason) -> &'static str {
    match reason {
        BinReason::Deleted => t.projects.bin_reason_deleted,
        BinReason::ReplacedByImport => t.projects.bin_reason_import,
        BinReason::RoadmapImported => t.projects.bin_reason_roadmap,
        BinReason::BeforeRepair => t.projects.bin_reason_repair,
        BinReason::ReplacedByRestore => t.projects.bin_reason_restore,
    }
}

/// `reload` is the home view's: bumped after a restore so the project list shows it.
#[component]
pub fn Bin(reload: RwSignal<u32>) -> impl IntoView {
    let t = use_texts();
    let entries = Memo::new(move |_| {
        reload.track();
        store::bin_list()
    });
    let confirming = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    view! {
        <details class="bin" data-testid="bin" open=move || entries.with(|e| !e.is_empty())>
            <summary>{move || format!("{} ({})", t.get().projects.bin_title, entries.with(Vec::len))}</summary>
            <p class="hint">{move || t.get().projects.bin_intro}</p>
            <NoticeLine notice=Signal::derive(move || message.get().map(Outcome::Done)) testid="bin-message" />
            <Show when=move || !entries.with(Vec::is_empty)
                fallback=move || view! { <p class="empty">{move || t.get().projects.bin_empty_list}</p> }>
                <ul class="project-list bin-list">
                    <For each=move || entries.get() key=|(id, _)| id.clone() let:entry>
                        <BinRow id=entry.0 entry=entry.1 reload message />
                    </For>
                </ul>
                <Show when=move || confirming.get() fallback=move || view! {
                    <button class="danger" data-testid="bin-empty" on:click=move |_| confirming.set(true)>{move || t.get().projects.bin_empty}</button>
                }>
                    <div class="confirm" role="alertdialog" data-testid="bin-confirm-empty">
                        <p>{move || t.get().projects.bin_confirm_empty}</p>
                        <button class="danger" data-testid="bin-empty-yes" on:click=move |_| {
                            bin::empty();
                            confirming.set(false);
                            reload.update(|n| *n += 1);
                        }>{move || t.get().projects.bin_yes_empty}</button>
                        <button on:click=move |_| confirming.set(false)>{move || t.get().common.cancel}</button>
                    </div>
                </Show>
            </Show>
        </details>
    }
}

#[component]
fn BinRow(
    id: String,
    entry: Option<BinEntry>,
    reload: RwSignal<u32>,
    message: RwSignal<Option<String>>,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let session = use_session();
    let id = StoredValue::new(id);
    let confirming = RwSignal::new(false);
    let readable = entry.is_some();
    let name = entry.as_ref().map(|e| e.name.clone()).unwrap_or_default();
    let details = {
        let entry = entry.clone();
        move || match &entry {
            Some(e) => {
                let t = t.get();
                let when = js_sys::Date::new(&e.at.into())
                    .to_locale_string(lang.get().code(), &wasm_bindgen::JsValue::UNDEFINED);
                format!(
                    "{} · {} {} · {} {} · {} {}",
                    reason_label(t, e.reason),
                    e.actors,
                    t.projects.actors_word,
                    e.flows,
                    t.projects.flows,
                    t.projects.bin_put_on,
                    String::from(when)
                )
            }
            None => t.get().projects.bin_unreadable.to_string(),
        }
    };
    let restore = move |_| {
        let tx = t.get_untracked();
        match bin::restore(&id.get_value(), &session.tab_id()) {
            Ok(Restored::Over(_)) => message.set(Some(tx.projects.bin_restored_over.to_string())),
            Ok(_) => message.set(Some(tx.projects.bin_restored.to_string())),
            Err(RestoreError::Missing) => message.set(Some(tx.projects.bin_unreadable.to_string())),
            Err(RestoreError::Storage(_)) => message.set(Some(tx.common.full_banner.to_string())),
        }
        reload.update(|n| *n += 1);
    };
    let export = {
        let name = name.clone();
        move |_| {
            if let Some(text) = bin::export_text(&id.get_value()) {
                let file = export_file_name(&name, &files::today_iso(), "symbiose");
                files::download(&file, "application/json", &text).ok();
            }
        }
    };
    let shown_name = if name.is_empty() {
        t.get_untracked().projects.untitled.to_string()
    } else {
        name
    };
    view! {
        <li class="project-row" data-testid="bin-row">
            <div class="project-text">
                <span class="project-title">{shown_name}</span>
                <span class="project-details">{details}</span>
            </div>
            <div class="project-buttons">
                <Show when=move || readable>
                    <button data-testid="bin-restore" on:click=restore>{move || t.get().projects.bin_restore}</button>
                </Show>
                <button data-testid="bin-export" on:click=export>{move || t.get().projects.export}</button>
                <button class="danger" data-testid="bin-delete" on:click=move |_| confirming.set(true)>{move || t.get().projects.delete_for_good}</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog">
                    <button class="danger" data-testid="bin-delete-yes" on:click=move |_| {
                        store::bin_remove(&id.get_value());
                        reload.update(|n| *n += 1);
                    }>{move || t.get().projects.delete_for_good}</button>
                    <button on:click=move |_| confirming.set(false)>{move || t.get().common.cancel}</button>
                </div>
            </Show>
        </li>
    }
}
