//! Every edit to a project is a [`Command`], applied here and nowhere else.
//!
//! [`apply`] checks a command against the project, changes nothing when it is refused, and
//! otherwise returns the command that undoes it. That single choke point gives the app undo
//! and redo ([`History`]), autosave (it watches applied commands) and validation for free.
//! Inverses are commands too, so undo never stores a copy of the project, except for
//! `ReplaceProject`, whose inverse must hold the project it replaced.

mod apply;
mod command;
mod error;
mod history;
pub mod questionnaire;

pub use apply::apply;
pub use command::Command;
pub use error::EditError;
pub use history::{HISTORY_LIMIT, History};

#[cfg(test)]
mod property;
#[cfg(test)]
mod tests;
