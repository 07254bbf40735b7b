//! Undo and redo: stacks of inverse commands.

use std::collections::VecDeque;

use super::apply::restore;
use super::{Command, EditError, apply};
use crate::model::Project;

/// How many steps can be undone; the oldest are dropped beyond it.
pub const HISTORY_LIMIT: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct History {
    undo: VecDeque<Command>,
    redo: Vec<Command>,
}

impl History {
    /// Applies an edit and remembers how to undo it; a new edit forgets what could be redone.
    pub fn apply(&mut self, project: &mut Project, cmd: Command) -> Result<(), EditError> {
        let inverse = apply(project, cmd)?;
        self.undo.push_back(inverse);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.pop_front();
        }
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last edit; false when there is none (or it could not be undone, in which
    /// case the history is cleared rather than left pointing at a state that no longer exists).
    pub fn undo(&mut self, project: &mut Project) -> bool {
        let Some(inverse) = self.undo.pop_back() else {
            return false;
        };
        match restore(project, inverse) {
            Ok(redo) => {
                self.redo.push(redo);
                true
            }
            Err(_) => {
                self.clear();
                false
            }
        }
    }

    pub fn redo(&mut self, project: &mut Project) -> bool {
        let Some(cmd) = self.redo.pop() else {
            return false;
        };
        match apply(project, cmd) {
            Ok(inverse) => {
                self.undo.push_back(inverse);
                true
            }
            Err(_) => {
                self.clear();
                false
            }
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The command [`History::undo`] would apply next (the inverse of the last edit).
    pub fn next_undo(&self) -> Option<&Command> {
        self.undo.back()
    }

    /// The command [`History::redo`] would apply next.
    pub fn next_redo(&self) -> Option<&Command> {
        self.redo.last()
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
