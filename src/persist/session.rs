//! The link between the open project and its stored copy: autosave, tabs, unreadable data.
//!
//! - Autosave: every edit (ProjectState::edits) schedules a save 400 ms later; a burst of
//!   typing costs one save. Leaving the page flushes a pending save at once.
//! - Storage full: the save fails, the previous stored copy stays as it was, the status says
//!   so and offers an export; the open project keeps every edit in memory.
//! - Two tabs: each save bumps a revision in the metadata. Another tab's save arrives as a
//!   `storage` event; with no unsaved edits here we reload it, otherwise we stop saving and ask.
//! - Loading goes through `format::load_project`, the path imports use.

use leptos::prelude::*;
use leptos::{ev, leptos_dom::helpers::TimeoutHandle};
use std::time::Duration;
use symbiose_core::format;
use symbiose_core::{Lang, Project};

use super::keys::{Meta, meta_key, new_project_id};
use super::store::{self, SaveError};
use crate::state::ProjectState;

const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Saved,
    /// Edits not yet written (the autosave timer is running).
    Pending,
    /// The quota is reached: the last successful save is intact; export to keep the rest.
    Full,
    /// Another tab saved this project while this one had unsaved edits.
    Conflict,
    /// Storage refused the write for another reason (message from the browser).
    Refused(String),
    /// The open project was never stored: it did not fit when imported. It lives only in
    /// this page until an export, or until a save succeeds once space is freed.
    NotStored,
}

#[derive(Clone, Copy)]
pub struct Session {
    pub open_id: RwSignal<Option<String>>,
    pub status: RwSignal<SaveStatus>,
    /// A message for the user about what just happened (reloaded from another tab, load warnings).
    pub notice: RwSignal<Option<String>>,
    known_revision: StoredValue<u64>,
    /// The open project has no stored copy yet (see `SaveStatus::NotStored`).
    unstored: StoredValue<bool>,
    tab: StoredValue<String>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    state: ProjectState,
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn meta_of(p: &Project, revision: u64, writer: &str) -> Meta {
    Meta {
        name: p.name.clone(),
        actors: p.actors.len(),
        flows: p.flows.len(),
        synergies: p.synergies.len(),
        saved_at: now_ms(),
        revision,
        writer: writer.to_string(),
    }
}

impl Session {
    /// Creates the session, its autosave effect and its tab listeners, and provides it.
    pub fn install(state: ProjectState) -> Self {
        let session = Session {
            open_id: RwSignal::new(None),
            status: RwSignal::new(SaveStatus::Saved),
            notice: RwSignal::new(None),
            known_revision: StoredValue::new(0),
            unstored: StoredValue::new(false),
            tab: StoredValue::new(new_project_id(now_ms(), js_sys::Math::random())),
            timer: StoredValue::new_local(None),
            state,
        };
        provide_context(session);

        Effect::new(move |prev: Option<u64>| {
            let n = state.edits.get();
            if prev.is_some_and(|p| p != n) {
                session.schedule_save();
            }
            n
        });

        let storage_listener = window_event_listener(ev::storage, move |e| {
            let Some(id) = session.open_id.get_untracked() else {
                return;
            };
            if e.key().as_deref() == Some(meta_key(&id).as_str()) {
                session.on_other_tab_saved(&id);
            }
        });
        let unload_listener = window_event_listener(ev::pagehide, move |_| session.flush());
        on_cleanup(move || {
            storage_listener.remove();
            unload_listener.remove();
        });
        session
    }

    /// Opens a stored project. On error nothing changes and the message says why.
    pub fn open_stored(&self, id: &str, lang: Lang) -> Result<(), String> {
        self.load_stored(id, lang, false)
    }

    fn load_stored(&self, id: &str, lang: Lang, same_project: bool) -> Result<(), String> {
        let text = store::read_file(id)
            .ok_or_else(|| {
                lang.pick(
                    "Ce projet n'existe plus dans ce navigateur.",
                    "This project no longer exists in this browser.",
                )
                .to_string()
            })?
            .map_err(|e| e.message(lang))?;
        let loaded = format::load_project(&text).map_err(|e| e.message(lang))?;
        self.flush();
        self.known_revision
            .set_value(store::read_meta(id).map_or(0, |m| m.revision));
        self.unstored.set_value(false);
        if same_project {
            self.state.reload(loaded.value);
        } else {
            self.state.open(loaded.value);
        }
        // Setting the same id again would rebuild the whole project view (and close open forms).
        if self.open_id.get_untracked().as_deref() != Some(id) {
            self.open_id.set(Some(id.to_string()));
        }
        self.status.set(SaveStatus::Saved);
        self.notice.set(None);
        Ok(())
    }

    /// Stores a new project and returns its id; nothing is opened.
    pub fn create(&self, project: &Project) -> Result<String, SaveError> {
        let id = new_project_id(now_ms(), js_sys::Math::random());
        let text = format::save_project(project, false);
        store::write(&id, &text, &meta_of(project, 1, &self.tab.get_value()))?;
        Ok(id)
    }

    /// Opens a project that could not be stored (storage full) in this page only: every edit
    /// still tries to save, the banner offers the export, and nothing is written until a save
    /// fits. Returns the id it will be stored under.
    pub fn open_unstored(&self, project: Project) -> String {
        self.flush();
        let id = new_project_id(now_ms(), js_sys::Math::random());
        self.known_revision.set_value(0);
        self.unstored.set_value(true);
        self.state.open(project);
        self.open_id.set(Some(id.clone()));
        self.status.set(SaveStatus::NotStored);
        id
    }

    fn schedule_save(&self) {
        if self.status.get_untracked() == SaveStatus::Conflict {
            return;
        }
        self.status.set(SaveStatus::Pending);
        let me = *self;
        self.timer.update_value(|t| {
            if let Some(old) = t.take() {
                old.clear();
            }
            *t = set_timeout_with_handle(move || me.save_now(), AUTOSAVE_DELAY).ok();
        });
    }

    /// Writes a pending save now (before leaving the page or opening another project).
    pub fn flush(&self) {
        let pending = self.timer.try_update_value(Option::take).flatten();
        if let Some(t) = pending {
            t.clear();
            self.save_now();
        }
    }

    /// Saves the open project unless another tab saved since we last read or wrote it.
    pub fn save_now(&self) {
        self.timer.update_value(|t| *t = None);
        let Some(id) = self.open_id.get_untracked() else {
            return;
        };
        let stored = store::read_meta(&id).map_or(0, |m| m.revision);
        if stored > self.known_revision.get_value() {
            self.status.set(SaveStatus::Conflict);
            return;
        }
        let revision = stored + 1;
        let span = crate::perf::Span::start("symbiose:save");
        let (text, meta) = self.state.project.with_untracked(|p| {
            (
                format::save_project(p, false),
                meta_of(p, revision, &self.tab.get_value()),
            )
        });
        let written = store::write(&id, &text, &meta);
        span.end();
        match written {
            Ok(()) => {
                self.known_revision.set_value(revision);
                self.unstored.set_value(false);
                self.status.set(SaveStatus::Saved);
            }
            Err(SaveError::Full) if self.unstored.get_value() => {
                self.status.set(SaveStatus::NotStored)
            }
            Err(SaveError::Full) => self.status.set(SaveStatus::Full),
            Err(SaveError::Refused(m)) => self.status.set(SaveStatus::Refused(m)),
        }
    }

    fn on_other_tab_saved(&self, id: &str) {
        let theirs = store::read_meta(id).map_or(0, |m| m.revision);
        if theirs <= self.known_revision.get_value() {
            return;
        }
        match self.status.get_untracked() {
            SaveStatus::Saved => {
                let lang = use_lang_untracked();
                if self.load_stored(id, lang, true).is_ok() {
                    self.notice.set(Some(
                        lang.pick(
                            "Ce projet a été modifié dans un autre onglet : la version affichée est à jour.",
                            "This project was changed in another tab: the version shown is up to date.",
                        )
                        .to_string(),
                    ));
                }
            }
            _ => self.status.set(SaveStatus::Conflict),
        }
    }

    /// Conflict: drop this tab's unsaved edits and load what the other tab saved.
    pub fn take_theirs(&self, lang: Lang) -> Result<(), String> {
        let id = self.open_id.get_untracked().unwrap_or_default();
        self.timer.update_value(|t| {
            if let Some(t) = t.take() {
                t.clear();
            }
        });
        self.status.set(SaveStatus::Saved);
        self.open_stored(&id, lang)
    }

    /// Conflict: overwrite the other tab's save with this tab's project, knowingly.
    pub fn keep_mine(&self) {
        if let Some(id) = self.open_id.get_untracked() {
            self.known_revision
                .set_value(store::read_meta(&id).map_or(0, |m| m.revision));
        }
        self.save_now();
    }

    pub fn close(&self) {
        self.flush();
        if self.open_id.get_untracked().is_some() {
            self.open_id.set(None);
        }
    }
}

fn use_lang_untracked() -> Lang {
    use_context::<crate::i18n::UiLang>().map_or(Lang::Fr, |l| l.0.get_untracked())
}
