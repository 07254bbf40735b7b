//! The open project and the session state around it, provided once through context.
//!
//! `ProjectState` is `Copy` (it only holds signals and stored values), so any component takes
//! it with `use_project()`. Every change to the project goes through [`ProjectState::apply`],
//! which hands a core `Command` to the undo history: one choke point for undo/redo, autosave
//! (it watches `edits`) and validation (the core refuses an invalid command, changing nothing).

use leptos::prelude::*;
use symbiose_core::edit::{Command, EditError, History};
use symbiose_core::{ActorId, Project};

#[derive(Clone, Copy)]
pub struct ProjectState {
    pub project: RwSignal<Project>,
    /// The actor highlighted in the list and on the map (session state: never saved in the file).
    pub selected: RwSignal<Option<ActorId>>,
    history: StoredValue<History>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Counts edits (apply, undo, redo) since the project was opened; autosave follows it.
    pub edits: RwSignal<u64>,
    /// Counts the changes to what detection reads (companies, flows, territory, assumptions:
    /// `Command::changes_detection_inputs`), and each project opened or reloaded. Detection
    /// follows it rather than the project: an edit of the pipeline or the roadmap starts no run,
    /// and no copy of 50,000 flows is kept to tell.
    pub inputs: RwSignal<u64>,
    /// Set when a company was just added: its sheet opens on the form.
    pub open_form: RwSignal<bool>,
    /// The map is waiting for a click to place the company being edited.
    pub picking: RwSignal<bool>,
    /// Where the map was clicked while picking; the form takes it and clears it.
    pub picked: RwSignal<Option<symbiose_core::Position>>,
    /// The position in the open company form, drawn as a pin the user can drag.
    pub pin: RwSignal<Option<symbiose_core::Position>>,
    /// The territory's perimeter being drawn on the map, vertex by vertex (session state until
    /// "Terminer" stores it as one undoable edit).
    pub drawing: RwSignal<Option<Vec<symbiose_core::Position>>>,
}

impl ProjectState {
    pub fn new(project: Project) -> Self {
        Self {
            project: RwSignal::new(project),
            selected: RwSignal::new(None),
            history: StoredValue::new(History::default()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            edits: RwSignal::new(0),
            inputs: RwSignal::new(0),
            open_form: RwSignal::new(false),
            picking: RwSignal::new(false),
            picked: RwSignal::new(None),
            pin: RwSignal::new(None),
            drawing: RwSignal::new(None),
        }
    }

    pub fn provide(self) {
        provide_context(self);
    }

    /// Replaces the open project without an edit (opening another project, reloading what
    /// another tab saved): the history starts afresh and autosave is not triggered.
    pub fn open(&self, project: Project) {
        self.history.set_value(History::default());
        self.selected.set(None);
        self.project.set(project);
        self.inputs.update(|n| *n += 1);
        self.refresh_flags();
    }

    /// Takes a newer version of the same project (saved by another tab). The selection stays
    /// when its company still exists, so a form the user is filling in stays open with what
    /// they typed. The history is cleared: its inverses were computed against the old version.
    pub fn reload(&self, project: Project) {
        let keep = self
            .selected
            .with_untracked(|s| s.as_ref().is_some_and(|id| project.actor(id).is_some()));
        self.history.set_value(History::default());
        if !keep {
            self.selected.set(None);
        }
        self.project.set(project);
        self.inputs.update(|n| *n += 1);
        self.refresh_flags();
    }

    /// Applies an edit; on error the project is unchanged and the error says why.
    pub fn apply(&self, cmd: Command) -> Result<(), EditError> {
        let inputs = cmd.changes_detection_inputs();
        let mut result = Ok(());
        crate::perf::time("symbiose:apply", || {
            self.project.update(|p| {
                self.history.update_value(|h| result = h.apply(p, cmd));
            })
        });
        if result.is_ok() {
            self.after_edit(inputs);
        }
        result
    }

    pub fn undo(&self) -> bool {
        let inputs = self
            .history
            .with_value(|h| h.next_undo().is_some_and(Command::changes_detection_inputs));
        let mut done = false;
        self.project
            .update(|p| self.history.update_value(|h| done = h.undo(p)));
        if done {
            self.after_edit(inputs);
        }
        done
    }

    pub fn redo(&self) -> bool {
        let inputs = self
            .history
            .with_value(|h| h.next_redo().is_some_and(Command::changes_detection_inputs));
        let mut done = false;
        self.project
            .update(|p| self.history.update_value(|h| done = h.redo(p)));
        if done {
            self.after_edit(inputs);
        }
        done
    }

    fn after_edit(&self, inputs: bool) {
        // A selection may name an actor the edit removed.
        let gone = self.selected.with_untracked(|s| {
            s.as_ref()
                .is_some_and(|id| self.project.with_untracked(|p| p.actor(id).is_none()))
        });
        if gone {
            self.selected.set(None);
        }
        self.refresh_flags();
        if inputs {
            self.inputs.update(|n| *n += 1);
        }
        self.edits.update(|n| *n += 1);
    }

    fn refresh_flags(&self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
    }
}

pub fn use_project() -> ProjectState {
    expect_context::<ProjectState>()
}
