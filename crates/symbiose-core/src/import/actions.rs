//! An earlier action plan, from a CSV file or an Excel workbook: what a pilot territory
//! followed since 2015 brings into the new programme (its actions done, abandoned or to
//! relaunch), one row per action, in the template's columns (`data/template_plan_actions.csv`;
//! French headers, English accepted) or the roadmap's CSV export's.
//!
//! Read as the flows are (`import::preview`): each row becomes a ready action (with warnings),
//! a skipped row (a blank line, the same action already in the project or earlier in the
//! file: same title and origin) or an error naming its line and column. The record rules every
//! action follows (`validate::rules::action`: eligible cost within the cost, aids within the
//! eligible cost, dates in order) apply to each row. Nothing changes the project until
//! [`ActionsPreview::command`] makes the ready actions one edit, one undo step.

pub use super::preview::ImportError;
use super::preview::{self, Items, Preview};
use super::table::{self, Table};
use crate::edit::Command;
use crate::model::{ActionId, Project, RoadmapAction};

mod columns;
mod row;
mod vocab;

/// The downloadable template: its columns and three fictional example rows.
pub const TEMPLATE_CSV: &str = include_str!("../../data/template_plan_actions.csv");

/// What the origin column says when a file has none, or leaves a cell empty, and nothing else
/// is given: the actions come from an earlier plan.
pub const DEFAULT_ORIGIN: (&str, &str) = ("Plan d'actions antérieur", "Earlier action plan");

/// An action plan file's verdicts; its ready items are actions.
pub type ActionsPreview = Preview<RoadmapAction>;
pub type RowOutcome = preview::RowOutcome<RoadmapAction>;

impl Preview<RoadmapAction> {
    /// The edit that adds the ready actions to `project`, as one undo step (the project with
    /// the actions appended, checked whole). They are numbered here, after `project`'s highest
    /// `r-N`, so they cannot take an id the project gave meanwhile.
    pub fn command(&self, project: &Project) -> Command {
        let mut next = project.clone();
        let mut number = next_action_number(project);
        for action in self.ready() {
            next.actions.push(RoadmapAction {
                id: ActionId::new(format!("r-{number}")),
                ..action.clone()
            });
            number = number.saturating_add(1);
        }
        Command::ReplaceProject(Box::new(next))
    }
}

/// The number after the project's highest action id `r-N`.
fn next_action_number(project: &Project) -> u64 {
    project
        .actions
        .iter()
        .filter_map(|a| a.id.as_str().strip_prefix("r-")?.parse::<u64>().ok())
        .max()
        .unwrap_or(0)
        .saturating_add(1)
}

/// Reads a CSV file or an Excel workbook (recognised from its bytes) against `project`; a row
/// without an origin takes `origin`.
pub fn parse(bytes: &[u8], project: &Project, origin: &str) -> Result<ActionsPreview, ImportError> {
    preview(table::read(bytes)?, project, origin)
}

/// The verdict of each row of `table` against `project`; a row without an origin takes
/// `origin`.
pub fn preview(
    table: Table,
    project: &Project,
    origin: &str,
) -> Result<ActionsPreview, ImportError> {
    let mut seen = row::Seen::new(project, origin);
    Preview::read(table, Items::Actions, columns::recognise, |cols, r| {
        row::row(cols, r, &mut seen)
    })
}

#[cfg(test)]
mod tests;
