//! The workspace toolbar: back to the projects, undo/redo, export, import, and where the
//! project stands in storage. Also the keyboard shortcuts for undo and redo.

use leptos::prelude::*;
use symbiose_core::UserMessage;
use symbiose_core::format;

use crate::files;
use crate::i18n::use_texts;
use crate::persist::keys::export_file_name;
use crate::persist::{SaveStatus, use_session};
use crate::route::{Route, go};
use crate::state::use_project;
use crate::views::import::ImportButton;

/// Downloads the open project as a versioned JSON file (pretty-printed: people diff them).
pub fn export_open_project() {
    let state = use_project();
    let session = use_session();
    let name = state.project.with_untracked(|p| p.name.clone());
    // In repair mode the export keeps what is still unreadable, as a save does.
    let text = if session.repair.with_untracked(Option::is_some) {
        session.file_text()
    } else {
        state
            .project
            .with_untracked(|p| format::save_project(p, true))
    };
    let file = export_file_name(&name, &files::today_iso(), "symbiose");
    files::download(&file, "application/json", &text).ok();
}

#[component]
pub fn Toolbar() -> impl IntoView {
    let t = use_texts();
    let state = use_project();
    let session = use_session();

    // Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo project edits, except inside a text field,
    // where the browser's own undo of the typing is what the user means.
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if !(e.ctrl_key() || e.meta_key()) {
            return;
        }
        let in_field = document()
            .active_element()
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_field {
            return;
        }
        match e.key().to_lowercase().as_str() {
            "z" if e.shift_key() => {
                e.prevent_default();
                state.redo();
            }
            "z" => {
                e.prevent_default();
                state.undo();
            }
            "y" => {
                e.prevent_default();
                state.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    let status_text = move || {
        let t = t.get();
        match session.status.get() {
            SaveStatus::Saved => t.workspace.status_saved,
            SaveStatus::Pending => t.workspace.status_pending,
            SaveStatus::Full => t.workspace.status_full,
            SaveStatus::Conflict => t.workspace.status_conflict,
            SaveStatus::Refused(_) => t.common.status_refused,
            SaveStatus::NotStored => t.workspace.status_not_stored,
        }
    };
    let status_class = move || match session.status.get() {
        SaveStatus::Saved => "save-status ok",
        SaveStatus::Pending => "save-status pending",
        _ => "save-status problem",
    };

    view! {
        <nav class="toolbar" data-testid="toolbar">
            <button data-testid="back-home" on:click=move |_| go(Route::Home)>
                {move || t.get().workspace.projects_link}
            </button>
            <PageNav />
            <button data-testid="undo" title=move || t.get().workspace.undo_hint aria-label=move || t.get().workspace.undo_hint
                disabled=move || !state.can_undo.get() on:click=move |_| { state.undo(); }>
                // On a phone the arrows alone (the button keeps its name for assistive tools):
                // the toolbar took 330 of a phone's 844 lines before the map.
                <span aria-hidden="true">"↶"</span><span class="toolbar-word">" "{move || t.get().workspace.undo}</span>
            </button>
            <button data-testid="redo" title=move || t.get().workspace.redo_hint aria-label=move || t.get().workspace.redo_hint
                disabled=move || !state.can_redo.get() on:click=move |_| { state.redo(); }>
                <span aria-hidden="true">"↷"</span><span class="toolbar-word">" "{move || t.get().workspace.redo}</span>
            </button>
            <button data-testid="export-json" on:click=move |_| export_open_project()>{move || t.get().common.export_json}</button>
            <ImportButton allow_replace=true />
            <crate::views::projection::ProjectionButton />
            <span class=status_class data-testid="save-status" role="status">{status_text}</span>
        </nav>
    }
}

/// Problems and news about storage, above the workspace.
#[component]
pub fn StatusBanners() -> impl IntoView {
    let t = use_texts();
    let session = use_session();
    let lang = crate::i18n::use_lang();
    let error = RwSignal::new(None::<String>);
    view! {
        {move || matches!(session.status.get(), SaveStatus::Full | SaveStatus::NotStored).then(|| view! {
            <div class="banner problem" role="alert" data-testid="banner-full">
                <p>{move || if session.status.get() == SaveStatus::NotStored {
                    t.get().workspace.not_stored_banner
                } else {
                    t.get().common.full_banner
                }}</p>
                <button class="primary" on:click=move |_| export_open_project()>{move || t.get().workspace.export_mine}</button>
            </div>
        })}
        {move || (session.status.get() == SaveStatus::Conflict).then(|| view! {
            <div class="banner problem" role="alert" data-testid="banner-conflict">
                <p>{move || t.get().workspace.conflict_banner}</p>
                <button data-testid="take-theirs" on:click=move |_| {
                    if let Err(e) = session.take_theirs(lang.get_untracked()) { error.set(Some(e.message_in(lang.get_untracked()))); }
                }>{move || t.get().workspace.take_theirs}</button>
                <button data-testid="keep-mine" on:click=move |_| session.keep_mine()>{move || t.get().workspace.keep_mine}</button>
                <button on:click=move |_| export_open_project()>{move || t.get().workspace.export_mine}</button>
            </div>
        })}
        {move || match session.status.get() {
            SaveStatus::Refused(why) => Some(view! {
                <div class="banner problem" role="alert"><p>{move || t.get().common.status_refused}" : "{why.clone()}</p></div>
            }),
            _ => None,
        }}
        {move || error.get().map(|e| view! { <div class="banner problem" role="alert"><p>{e}</p></div> })}
        {move || session.notice.get().map(|n| view! {
            <div class="banner info" role="status" data-testid="banner-notice">
                <p>{move || n.text(lang.get())}</p>
                <button on:click=move |_| session.notice.set(None)>{move || t.get().common.dismiss}</button>
            </div>
        })}
    }
}

/// The pages of the open project: map, pipeline, exports.
#[component]
pub fn PageNav() -> impl IntoView {
    use crate::route::{Page, Router};
    let t = use_texts();
    let route = expect_context::<Router>().0;
    let current = Memo::new(move |_| match route.get() {
        Route::Project(id, page) => Some((id, page)),
        Route::Home => None,
    });
    let label = move |page: Page| {
        let t = t.get();
        match page {
            Page::Map => t.workspace.page_map,
            Page::Territory => t.territory.page_territory,
            Page::Pipeline => t.workspace.nav_pipeline,
            Page::Roadmap => t.common.page_roadmap,
            Page::Dashboard => t.common.page_dashboard,
            Page::Deliverables => t.common.page_deliverables,
            Page::Exports => t.workspace.page_exports,
        }
    };
    view! {
        <span class="page-nav" role="tablist">
            {Page::ALL.into_iter().map(|page| view! {
                <button role="tab" data-testid=format!("page-{page:?}").to_lowercase()
                    class:desk-page=!page.in_workshop()
                    aria-selected=move || current.with(|c| c.as_ref().is_some_and(|(_, p)| *p == page)).to_string()
                    on:click=move |_| {
                        if let Some((id, _)) = current.get_untracked() {
                            go(Route::Project(id, page));
                        }
                    }>{move || label(page)}</button>
            }).collect_view()}
        </span>
    }
}
