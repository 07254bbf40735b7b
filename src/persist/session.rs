//! The link between the open project and its stored copy: autosave, tabs, unreadable data.
//!
//! - Autosave: every edit (ProjectState::edits) schedules a save 400 ms later; a burst of
//!   typing costs one save. Leaving the page flushes a pending save at once, and leaving while
//!   the project is not stored asks first (`is_unsaved`, read by the route guard and by the
//!   tab's `beforeunload`).
//! - Storage full: the save fails, the previous stored copy stays as it was, the status says
//!   so and offers an export; the open project keeps every edit in memory.
//! - Two tabs: every stored value starts with a stamp (revision and this tab's random writer
//!   name, `keys::Stamp`). A save first compares the stored stamp with the one this tab last
//!   read or wrote: any other stamp, a damaged one included, means another tab wrote, and the
//!   save stops and asks. Another tab's save arrives as a `storage` event; with no unsaved
//!   edits here we reload it, otherwise we stop saving and ask.
//! - Loading goes through `format::load_project`, the path imports use; a project it refuses
//!   for its content opens in repair mode (`format::repair`) instead of being locked out.

use leptos::prelude::*;
use leptos::{ev, leptos_dom::helpers::TimeoutHandle};
use std::time::Duration;
use symbiose_core::format::{self, LoadError, packed, repair};
use symbiose_core::{Lang, Project, UserMessage};

use super::keys::{BinEntry, BinReason, Meta, Stamp, StampRead, new_project_id, project_key};
use super::store::{self, SaveError};
use crate::notice::Notice;
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

/// Why a stored project did not open.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    /// This browser holds no project under that id (a link from elsewhere, or deleted).
    Missing,
    /// The stored value is there but cannot be read at all (damaged, not a project, too new):
    /// the message says why. It stays as it is.
    Unreadable(String),
}

/// For developers and logs: the English message.
impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_in(Lang::En))
    }
}

/// What the user reads: missing is not unreadable, and says how to open the project here.
impl UserMessage for OpenError {
    fn message(&self) -> symbiose_core::Bilingual {
        symbiose_core::Bilingual::from_fn(|lang| {
            let t = crate::i18n::texts(lang);
            match self {
                OpenError::Missing => t.files.project_missing.to_string(),
                OpenError::Unreadable(why) => format!("{}\n{why}", t.files.unreadable_project),
            }
        })
    }
}

/// A project opened in repair mode: what could not be read is kept here and written back by
/// every save until the user fixes or removes it (`format::repair`).
#[derive(Debug, Clone, PartialEq)]
pub struct Repair {
    pub unreadable: Vec<repair::Unreadable>,
    /// The stored value as it was when the project opened, put in the bin before the first save
    /// writes over it; `None` once it is there.
    original: Option<String>,
}

#[derive(Clone, Copy)]
pub struct Session {
    pub open_id: RwSignal<Option<String>>,
    pub status: RwSignal<SaveStatus>,
    /// A message for the user about what just happened (reloaded from another tab, load warnings).
    pub notice: RwSignal<Option<crate::notice::Notice>>,
    /// Set while the open project is in repair mode.
    pub repair: RwSignal<Option<Repair>>,
    /// The stamp of the stored value this tab last read or wrote; `None` while the open project
    /// has no stored copy (see `SaveStatus::NotStored`).
    known: StoredValue<Option<StampRead>>,
    tab: StoredValue<String>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// The autosave being written in slices, if any: its number, so that a newer save (or an
    /// edit) makes it stop.
    writing: StoredValue<Option<u64>>,
    /// Numbers the autosaves written in slices.
    saves: StoredValue<u64>,
    state: ProjectState,
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

pub fn meta_of(p: &Project) -> Meta {
    Meta {
        name: p.name.clone(),
        actors: p.actors.len(),
        flows: p.flows.len(),
        synergies: p.synergies.len(),
        saved_at: now_ms(),
        public_copy: p.public_copy,
    }
}

/// A project file the loader refuses for its content (a bad value, a broken rule) can be
/// repaired; one that is not a Symbiose project, is too new or is damaged cannot.
pub fn repairable(e: &LoadError) -> bool {
    matches!(e, LoadError::Shape { .. } | LoadError::Invalid(_))
}

impl Session {
    /// Creates the session, its autosave effect and its tab listeners, and provides it.
    pub fn install(state: ProjectState) -> Self {
        let session = Session {
            open_id: RwSignal::new(None),
            status: RwSignal::new(SaveStatus::Saved),
            notice: RwSignal::new(None),
            repair: RwSignal::new(None),
            known: StoredValue::new(None),
            tab: StoredValue::new(new_project_id(now_ms(), js_sys::Math::random())),
            timer: StoredValue::new_local(None),
            writing: StoredValue::new(None),
            saves: StoredValue::new(0),
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
            if e.key().as_deref() == Some(project_key(&id).as_str()) {
                session.on_other_tab_saved(&id);
            }
        });
        let unload_listener = window_event_listener(ev::pagehide, move |_| session.flush());
        // Closing or reloading the tab while the project is not stored: the browser asks first
        // (in its own words; the banner in the page offers the export).
        let before_unload = window_event_listener(ev::beforeunload, move |e| {
            if session.is_unsaved() {
                e.prevent_default();
                e.set_return_value("unsaved");
            }
        });
        on_cleanup(move || {
            storage_listener.remove();
            unload_listener.remove();
            before_unload.remove();
        });
        session
    }

    /// This tab's writer name (see `keys::Stamp`).
    pub fn tab_id(&self) -> String {
        self.tab.get_value()
    }

    /// True when leaving now would lose edits: a pending save is written first, and whatever
    /// is still not stored after that (storage full, refused, a conflict, never stored) counts.
    pub fn is_unsaved(&self) -> bool {
        if self.open_id.get_untracked().is_none() {
            return false;
        }
        self.flush();
        self.status.get_untracked() != SaveStatus::Saved
    }

    /// Opens a stored project. On error nothing changes and the message says why. A project
    /// whose content the loader refuses opens in repair mode, unchanged until an edit.
    pub fn open_stored(&self, id: &str, lang: Lang) -> Result<(), OpenError> {
        self.load_stored(id, lang, false)
    }

    fn load_stored(&self, id: &str, lang: Lang, same_project: bool) -> Result<(), OpenError> {
        let unreadable = |e: LoadError| OpenError::Unreadable(e.message_in(lang));
        let stored = store::read_stored(id).ok_or(OpenError::Missing)?;
        let (stamp, body) = Stamp::read(&stored);
        let text = packed::unpack(body).map_err(unreadable)?;
        let (project, repair) = match format::load_project(&text) {
            Ok(loaded) => (loaded.value, None),
            Err(e) if repairable(&e) => {
                let r = repair::load_for_repair(&text)
                    .map_err(|_| OpenError::Unreadable(e.message_in(lang)))?;
                let state = Repair {
                    unreadable: r.unreadable,
                    original: Some(stored.clone()),
                };
                (r.project, Some(state))
            }
            Err(e) => return Err(unreadable(e)),
        };
        self.flush();
        self.known.set_value(Some(stamp));
        if same_project {
            self.state.reload(project);
        } else {
            self.state.open(project);
        }
        self.repair.set(repair);
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
        let stamp = Stamp::next(&StampRead::None, &self.tab.get_value());
        store::write(&id, &text, &stamp, &meta_of(project))?;
        Ok(id)
    }

    /// Stores a file the loader refused for its content exactly as it is, to be opened in
    /// repair mode ("open anyway" in the import dialog). Returns its id.
    pub fn create_for_repair(&self, file_text: &str, name: &str) -> Result<String, SaveError> {
        let id = new_project_id(now_ms(), js_sys::Math::random());
        let stamp = Stamp::next(&StampRead::None, &self.tab.get_value());
        let meta = Meta {
            name: name.to_string(),
            saved_at: now_ms(),
            ..Default::default()
        };
        store::write(&id, file_text, &stamp, &meta)?;
        Ok(id)
    }

    /// Opens a project that could not be stored (storage full) in this page only: every edit
    /// still tries to save, the banner offers the export, and nothing is written until a save
    /// fits. Returns the id it will be stored under.
    pub fn open_unstored(&self, project: Project) -> String {
        self.flush();
        let id = new_project_id(now_ms(), js_sys::Math::random());
        self.known.set_value(None);
        self.state.open(project);
        self.repair.set(None);
        self.open_id.set(Some(id.clone()));
        self.status.set(SaveStatus::NotStored);
        id
    }

    /// The project file of the open project as a save writes it (in repair mode, with what is
    /// still unreadable put back in place).
    pub fn file_text(&self) -> String {
        self.state.project.with_untracked(|p| {
            self.repair.with_untracked(|r| match r {
                Some(r) => repair::save_with_unreadable(p, &r.unreadable),
                None => format::save_project(p, false),
            })
        })
    }

    /// The stored form of [`Session::file_text`]: outside repair mode, deflated as it is
    /// written, so the whole text is never held (20 MB at 5,000 companies, which stayed in the
    /// page's memory after every autosave).
    fn packed_file(&self) -> String {
        if self.repair.with_untracked(Option::is_some) {
            return packed::pack(&self.file_text());
        }
        self.state
            .project
            .with_untracked(|p| packed::pack_written(|w| format::write_project(w, p)))
    }

    /// Puts a copy of the open project, as it is now, in the bin before a step that replaces it
    /// (an import, a roadmap file). On failure the step must not happen: the caller says why.
    pub fn keep_copy(&self, reason: BinReason) -> Result<(), SaveError> {
        let Some(id) = self.open_id.get_untracked() else {
            return Ok(());
        };
        let stored = self.packed_file();
        store::bin_put(&self.bin_entry(reason, id), &stored).map(|_| ())
    }

    fn bin_entry(&self, reason: BinReason, project: String) -> BinEntry {
        self.state.project.with_untracked(|p| BinEntry {
            reason,
            project,
            name: p.name.clone(),
            actors: p.actors.len(),
            flows: p.flows.len(),
            at: now_ms(),
        })
    }

    /// Removes an unreadable part kept aside in repair mode: from the next save on, the file no
    /// longer holds it (the original stays in the bin).
    pub fn drop_unreadable(&self, index: usize) {
        self.repair.update(|r| {
            if let Some(r) = r
                && index < r.unreadable.len()
            {
                r.unreadable.remove(index);
            }
        });
        self.schedule_save();
    }

    /// The repair is over when nothing is set aside and the project would load normally.
    fn finish_repair_if_clean(&self) {
        let pending = self.repair.with_untracked(|r| match r {
            None => false,
            Some(r) => r.unreadable.is_empty(),
        });
        if !pending {
            return;
        }
        let clean = self
            .state
            .project
            .with_untracked(|p| symbiose_core::validate::validate(p).errors.is_empty());
        if clean {
            self.repair.set(None);
            self.notice.set(Some(Notice::Text(|t| t.files.repair_done)));
        }
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
            *t = set_timeout_with_handle(move || me.save_in_slices(), AUTOSAVE_DELAY).ok();
        });
    }

    /// Writes a pending save now (before leaving the page or opening another project), also
    /// one being written in slices.
    pub fn flush(&self) {
        let pending = self.timer.try_update_value(Option::take).flatten();
        let in_slices = self.writing.try_get_value().flatten().is_some();
        if let Some(t) = &pending {
            t.clear();
        }
        if pending.is_some() || in_slices {
            self.save_now();
        }
    }

    /// Saves the open project now, in one task (see [`Session::store`]).
    pub fn save_now(&self) {
        self.timer.update_value(|t| *t = None);
        self.writing.set_value(None);
        let Some(id) = self.open_id.get_untracked() else {
            return;
        };
        let span = crate::perf::Span::start("symbiose:save");
        let packed = self.packed_file();
        self.store(&id, &packed);
        span.end();
    }

    /// The autosave: the project file written and deflated a few records per slice of the
    /// page's time (`format::parts`), its stream ended, then stored in the next task with the
    /// checks of [`Session::store`]. An edit meanwhile stops it (that edit's autosave writes the newer
    /// project); so does a save now. Repair mode saves in one task (its file is written whole).
    fn save_in_slices(&self) {
        self.timer.update_value(|t| *t = None);
        if self.repair.with_untracked(Option::is_some) {
            return self.save_now();
        }
        let Some(id) = self.open_id.get_untracked() else {
            return;
        };
        let number = self.saves.get_value() + 1;
        self.saves.set_value(number);
        self.writing.set_value(Some(number));
        let me = *self;
        wasm_bindgen_futures::spawn_local(async move { me.write_in_slices(id, number).await });
    }

    async fn write_in_slices(self, id: String, number: u64) {
        use crate::perf::{SLICE_MS, next_task, now_ms, time as slice};
        let span = crate::perf::Span::start("symbiose:save");
        let Some(edits) = self.state.edits.try_get_untracked() else {
            return;
        };
        // Still this save's turn: no newer save, no edit, the same project open.
        let current = || {
            self.writing.try_get_value() == Some(Some(number))
                && self.state.edits.try_get_untracked() == Some(edits)
                && self.open_id.try_get_untracked().flatten().as_deref() == Some(id.as_str())
        };
        let Some(mut writing) = self
            .state
            .project
            .try_update_untracked(format::parts::Writing::start)
        else {
            return;
        };
        // Each task's part is a `symbiose:save-slice` span: the scale benchmark reports the
        // longest, apart from whatever else runs while the save is under way.
        loop {
            let started = now_ms();
            let done = slice("symbiose:save-slice", || {
                self.state
                    .project
                    .try_with_untracked(|p| writing.step(p, || now_ms() - started < SLICE_MS))
            });
            match done {
                Some(true) => break,
                Some(false) => {}
                None => return,
            }
            next_task().await;
            if !current() {
                return;
            }
        }
        let packed = slice("symbiose:save-slice", || writing.finish());
        // Stored in a task of its own: the stream's end and the `setItem` of megabytes together
        // made the autosave's longest part.
        next_task().await;
        if !current() {
            return;
        }
        self.writing.set_value(None);
        slice("symbiose:save-slice", || self.store(&id, &packed));
        span.end();
    }

    /// Stores `packed`, the open project's stored form, unless another tab saved since we last
    /// read or wrote it.
    fn store(&self, id: &str, packed: &str) {
        let id = id.to_string();
        let known = self.known.get_value();
        // Any stamp but ours (a damaged one too), or a stored copy that vanished or appeared
        // behind our back, is another tab's doing: stop and ask, never overwrite.
        if store::read_stamp(&id) != known {
            self.status.set(SaveStatus::Conflict);
            return;
        }
        // The first save of a repair writes over the original: it goes to the bin first.
        if let Some(original) = self.repair.with_untracked(|r| r.as_ref()?.original.clone()) {
            let entry = self.bin_entry(BinReason::BeforeRepair, id.clone());
            if let Err(e) = store::bin_put(&entry, &original) {
                return self.failed(e);
            }
            self.repair.update(|r| {
                if let Some(r) = r {
                    r.original = None;
                }
            });
        }
        let stamp = Stamp::next(
            known.as_ref().unwrap_or(&StampRead::None),
            &self.tab.get_value(),
        );
        let meta = self.state.project.with_untracked(meta_of);
        let written = store::write_stored(&id, &stamp.put_on(packed), &meta);
        match written {
            Ok(()) => {
                self.known.set_value(Some(StampRead::Stamp(stamp)));
                self.status.set(SaveStatus::Saved);
                self.finish_repair_if_clean();
            }
            Err(e) => self.failed(e),
        }
    }

    fn failed(&self, e: SaveError) {
        match e {
            SaveError::Full if self.known.get_value().is_none() => {
                self.status.set(SaveStatus::NotStored)
            }
            SaveError::Full => self.status.set(SaveStatus::Full),
            SaveError::Refused(m) => self.status.set(SaveStatus::Refused(m)),
        }
    }

    fn on_other_tab_saved(&self, id: &str) {
        // The stored value now, not the event's: when two saves raced, only the tab whose
        // write was overwritten finds a stamp that is not its own.
        if store::read_stamp(id) == self.known.get_value() {
            return;
        }
        match self.status.get_untracked() {
            SaveStatus::Saved => {
                let lang = use_lang_untracked();
                if self.load_stored(id, lang, true).is_ok() {
                    self.notice
                        .set(Some(Notice::Text(|t| t.files.changed_in_other_tab)));
                } else {
                    self.status.set(SaveStatus::Conflict);
                }
            }
            _ => self.status.set(SaveStatus::Conflict),
        }
    }

    /// Conflict: drop this tab's unsaved edits and load what the other tab saved.
    pub fn take_theirs(&self, lang: Lang) -> Result<(), OpenError> {
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
            self.known.set_value(store::read_stamp(&id));
        }
        self.save_now();
    }

    pub fn close(&self) {
        self.flush();
        if self.open_id.get_untracked().is_some() {
            self.open_id.set(None);
        }
        self.repair.set(None);
    }
}

fn use_lang_untracked() -> Lang {
    use_context::<crate::i18n::UiLang>().map_or(Lang::Fr, |l| l.0.get_untracked())
}
