//! The home view: every project stored in this browser, and how to add one.

use leptos::prelude::*;
use symbiose_core::UserMessage;
use symbiose_core::{Project, format};

use crate::files;
use crate::i18n::{use_lang, use_texts};
use crate::persist::keys::{BinEntry, BinReason, Meta, Stamp, StampRead, export_file_name};
use crate::persist::session::meta_of;
use crate::persist::{store, use_session};
use crate::route::{Route, go};
use crate::views::controls::{NoticeLine, failure};
use crate::views::import::ImportButton;

#[component]
pub fn Home() -> impl IntoView {
    let t = use_texts();
    let session = use_session();
    // Bumped after every change to storage made from this view, to list again.
    let reload = RwSignal::new(0u32);
    let projects = Memo::new(move |_| {
        reload.track();
        store::list()
    });
    let new_name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);

    let create = move |project: Project| match session.create(&project) {
        Ok(id) => go(Route::project(id)),
        Err(_) => error.set(Some(t.get_untracked().common.full_banner.to_string())),
    };
    let create_blank = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name.get_untracked().trim().to_string();
        let name = if name.is_empty() {
            t.get_untracked().projects.untitled.to_string()
        } else {
            name
        };
        create(Project {
            name,
            ..Default::default()
        });
    };

    view! {
        <main class="home" data-testid="home">
            <h2>{move || t.get().projects.home_title}</h2>
            <p class="home-intro">{move || t.get().projects.home_intro}</p>
            <div class="home-actions">
                <form class="new-project" on:submit=create_blank>
                    <input type="text" data-testid="new-project-name" aria-label=move || t.get().projects.new_project_name
                        placeholder=move || t.get().projects.new_project_name prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev)) />
                    <button type="submit" data-testid="create-project">{move || t.get().projects.new_project}</button>
                </form>
                <button data-testid="add-demo" on:click=move |_| create(symbiose_core::demo::project())>
                    {move || t.get().projects.add_demo}
                </button>
                <button data-testid="add-pilot-demo" title=move || t.get().projects.add_pilot_demo_hint
                    on:click=move |_| create(symbiose_core::demo::pilot())>
                    {move || t.get().projects.add_pilot_demo}
                </button>
                <ImportButton allow_replace=false />
            </div>
            <NoticeLine notice=failure(error) />
            <Show when=move || projects.with(Vec::is_empty)>
                <p class="empty">{move || t.get().projects.no_projects}</p>
            </Show>
            <ul class="project-list" data-testid="project-list">
                <For each=move || projects.get() key=|(id, meta)| (id.clone(), meta.as_ref().map(|m| m.saved_at.to_bits()))
                    let:entry>
                    <ProjectRow id=entry.0 meta=entry.1 reload error />
                </For>
            </ul>
            <crate::views::portfolio::Portfolio stored=Signal::derive(move || projects.with(|list| {
                list.iter().map(|(id, meta)| (id.clone(), meta.as_ref().map_or_else(|| id.clone(), |m| m.name.clone()))).collect::<Vec<_>>()
            })) />
            <crate::views::bin::Bin reload />
            <DataSources />
        </main>
    }
}

/// Where the bundled reference data comes from, as the licences ask.
#[component]
fn DataSources() -> impl IntoView {
    let t = use_texts();
    let lang = crate::i18n::use_lang();
    view! {
        <details class="sources" data-testid="data-sources">
            <summary>{move || t.get().projects.sources}</summary>
            <ul>
                {move || symbiose_core::refdata::SOURCES.iter().map(|s| {
                    let lang = lang.get();
                    let what = lang.pick(s.what_fr, s.what_en);
                    let licence = lang.pick(s.licence_fr, s.licence_en);
                    view! { <li><strong>{what}</strong>" — "{s.origin}" ("{licence}")"</li> }
                }).collect_view()}
                <li><strong>"Leaflet 1.9.4"</strong>" — BSD-2-Clause ; "{move || t.get().common.map_attribution}</li>
                <li><strong>"protomaps-leaflet 5.1.0, pmtiles 3.2.1"</strong>" — BSD-3-Clause ; "{move || t.get().common.vector_attribution}</li>
            </ul>
        </details>
    }
}

#[component]
fn ProjectRow(
    id: String,
    meta: Option<Meta>,
    reload: RwSignal<u32>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let session = use_session();
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let name = meta.as_ref().map(|m| m.name.clone()).unwrap_or_default();
    let public_copy = meta.as_ref().is_some_and(|m| m.public_copy);
    let rename_value = RwSignal::new(name.clone());
    let id = StoredValue::new(id);

    let details = {
        let meta = meta.clone();
        move || match &meta {
            Some(m) => {
                let t = t.get();
                let when = js_sys::Date::new(&m.saved_at.into())
                    .to_locale_string(lang.get().code(), &wasm_bindgen::JsValue::UNDEFINED);
                format!(
                    "{} {} · {} {} · {} {} · {} {}",
                    m.actors,
                    t.projects.actors_word,
                    m.flows,
                    t.projects.flows,
                    m.synergies,
                    t.common.synergies_word,
                    t.projects.saved_on,
                    String::from(when)
                )
            }
            None => t.get().projects.unreadable_meta.to_string(),
        }
    };
    // Rename and duplicate go through the format loader: a project that does not load is never
    // rewritten, so an unreadable one stays exactly as it is.
    let load = move || -> Result<(StampRead, Project), String> {
        store::read_file(&id.get_value())
            .unwrap_or_else(|| Ok((StampRead::None, String::new())))
            .and_then(|(stamp, text)| format::load_project(&text).map(|l| (stamp, l.value)))
            .map_err(|e| e.message_in(lang.get_untracked()))
    };
    let save_rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match load() {
            Ok((stamp, mut p)) => {
                p.name = rename_value.get_untracked().trim().to_string();
                // The same record rule as every edit: a name the loader would refuse is not written.
                let mut report = symbiose_core::validate::Report::default();
                symbiose_core::validate::rules::project_name(&p.name, &mut report);
                if let Some(problem) = report.errors.first() {
                    error.set(Some(problem.to_string_in(lang.get_untracked())));
                    return;
                }
                // A new stamp: a tab that has this project open sees that someone else wrote.
                let stamp = Stamp::next(&stamp, &session.tab_id());
                let text = format::save_project(&p, false);
                if store::write(&id.get_value(), &text, &stamp, &meta_of(&p)).is_err() {
                    error.set(Some(t.get_untracked().common.full_banner.to_string()));
                }
                renaming.set(false);
                reload.update(|n| *n += 1);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let duplicate = move |_| match load() {
        Ok((_, mut p)) => {
            p.name.push_str(t.get_untracked().projects.copy_suffix);
            if session.create(&p).is_err() {
                error.set(Some(t.get_untracked().common.full_banner.to_string()));
            }
            reload.update(|n| *n += 1);
        }
        Err(e) => error.set(Some(e)),
    };
    let file_name = StoredValue::new(name.clone());
    let export = move |_| {
        // The stored text is exported as it is, readable or not: it is the user's data.
        let text = store::read_for_export(&id.get_value()).unwrap_or_default();
        let file = export_file_name(&file_name.get_value(), &files::today_iso(), "symbiose");
        files::download(&file, "application/json", &text).ok();
    };
    // Deleting puts the project in the bin first; with no room for that copy, nothing is
    // deleted until the user chooses to delete it for good (after an export).
    let no_room = RwSignal::new(false);
    let kept_meta = StoredValue::new(meta.clone());
    let delete = move |_| {
        let Some(stored) = store::read_stored(&id.get_value()) else {
            return;
        };
        let entry = kept_meta.with_value(|meta| BinEntry {
            reason: BinReason::Deleted,
            project: id.get_value(),
            name: meta.as_ref().map(|m| m.name.clone()).unwrap_or_default(),
            actors: meta.as_ref().map_or(0, |m| m.actors),
            flows: meta.as_ref().map_or(0, |m| m.flows),
            at: js_sys::Date::now(),
        });
        match store::bin_put(&entry, &stored) {
            Ok(_) => {
                store::delete(&id.get_value());
                confirming.set(false);
                reload.update(|n| *n += 1);
            }
            Err(_) => no_room.set(true),
        }
    };
    let delete_for_good = move |_| {
        store::delete(&id.get_value());
        confirming.set(false);
        no_room.set(false);
        reload.update(|n| *n += 1);
    };
    let shown_name = if name.is_empty() {
        t.get_untracked().projects.untitled.to_string()
    } else {
        name
    };

    view! {
        <li class="project-row" data-testid="project-row">
            <Show when=move || !renaming.get() fallback=move || view! {
                <form class="rename" on:submit=save_rename>
                    <input type="text" data-testid="rename-input" prop:value=move || rename_value.get()
                        aria-label=move || t.get().projects.rename
                        on:input=move |ev| rename_value.set(event_target_value(&ev)) />
                    <button type="submit" data-testid="rename-save">{move || t.get().common.save}</button>
                    <button type="button" on:click=move |_| renaming.set(false)>{move || t.get().common.cancel}</button>
                </form>
            }>
                <div class="project-text">
                    <span class="project-title" data-testid="project-title">{shown_name.clone()}
                        {public_copy.then(|| view! {
                            <span class="badge public-copy" data-testid="public-copy-badge"
                                title=move || t.get().projects.public_copy_hint>{move || t.get().projects.public_copy_badge}</span>
                        })}
                    </span>
                    <span class="project-details">{details.clone()}</span>
                </div>
            </Show>
            <div class="project-buttons">
                <button data-testid="open-project" on:click=move |_| go(Route::project(id.get_value()))>{move || t.get().projects.open}</button>
                <button data-testid="rename-project" on:click=move |_| renaming.set(true)>{move || t.get().projects.rename}</button>
                <button data-testid="duplicate-project" on:click=duplicate>{move || t.get().projects.duplicate}</button>
                <button data-testid="export-project" on:click=export>{move || t.get().projects.export}</button>
                <button data-testid="delete-project" class="danger" on:click=move |_| confirming.set(true)>{move || t.get().projects.delete}</button>
            </div>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" data-testid="confirm-delete">
                    <Show when=move || no_room.get() fallback=move || view! {
                        <p>{move || t.get().projects.confirm_delete}</p>
                        <button class="danger" data-testid="confirm-delete-yes" on:click=delete>{move || t.get().projects.yes_delete}</button>
                    }>
                        <p data-testid="bin-no-room">{move || t.get().projects.bin_no_room}</p>
                        <button data-testid="bin-no-room-export" on:click=export>{move || t.get().projects.export}</button>
                        <button class="danger" data-testid="delete-for-good" on:click=delete_for_good>{move || t.get().projects.delete_for_good}</button>
                    </Show>
                    <button on:click=move |_| { confirming.set(false); no_room.set(false); }>{move || t.get().common.cancel}</button>
                </div>
            </Show>
        </li>
    }
}
