//! Flows from a CSV file or an Excel workbook (.xlsx), as facilitators collect them: one row
//! per flow, its company named by SIRET or by name, the downloadable template's columns
//! (`data/template_flux.csv`; French headers, English accepted) or the CSV export's.
//!
//! Both kinds of file are first made into the same rows of cells (`import::table`), so every
//! rule below holds for both. The header is the first row, among the first ten that are not
//! blank, that names a flow's label and its company (a sheet may start with a title). Each
//! row after it becomes a ready flow (with warnings), a skipped row (a blank line between
//! others, the same flow already in the project or earlier in the file) or an error naming
//! its line and column. Nothing changes the project until [`FlowsPreview::command`] makes the
//! ready flows one edit: one undo step, applied whole or not at all.

pub use super::preview::ImportError;
use super::preview::{self, Items, Preview};
use super::table::{self, Table};
use crate::edit::Command;
use crate::model::{Flow, Project};

mod columns;
mod company;
mod row;
mod vocab;

/// The downloadable template: its columns and three fictional example rows, whose companies
/// are those of the demonstration zone.
pub const TEMPLATE_CSV: &str = include_str!("../../data/template_flux.csv");

/// A flows file's verdicts; its ready items are flows.
pub type FlowsPreview = Preview<Flow>;
pub type RowOutcome = preview::RowOutcome<Flow>;

impl Preview<Flow> {
    /// The edit that adds the ready flows to `project`, as one undo step: the project with the
    /// flows appended, put in place by `ReplaceProject` (as the companies import does, for the
    /// same reason: one check of the whole result rather than a search per flow). The flows
    /// are numbered here, after `project`'s highest `f-N`, so they cannot take an id the
    /// project gave meanwhile; should a company have gone since the preview, the whole-project
    /// check refuses the edit and nothing changes.
    pub fn command(&self, project: &Project) -> Command {
        let mut next = project.clone();
        let mut number = next_flow_number(project);
        next.flows.reserve(self.rows.len());
        for flow in self.ready() {
            next.flows.push(Flow {
                id: crate::model::FlowId::new(format!("f-{number}")),
                ..flow.clone()
            });
            number = number.saturating_add(1);
        }
        Command::ReplaceProject(Box::new(next))
    }
}

/// The number after the project's highest flow id `f-N`.
fn next_flow_number(project: &Project) -> u64 {
    project
        .flows
        .iter()
        .filter_map(|f| f.id.as_str().strip_prefix("f-")?.parse::<u64>().ok())
        .max()
        .unwrap_or(0)
        .saturating_add(1)
}

/// Reads a CSV file or an Excel workbook (recognised from its bytes) against `project`.
pub fn parse(bytes: &[u8], project: &Project) -> Result<FlowsPreview, ImportError> {
    preview(table::read(bytes)?, project)
}

/// The verdict of each row of `table` against `project`.
pub fn preview(table: Table, project: &Project) -> Result<FlowsPreview, ImportError> {
    let mut seen = row::Seen::new(project);
    Preview::read(table, Items::Flows, columns::recognise, |cols, r| {
        row::row(cols, r, &mut seen)
    })
}

#[cfg(test)]
mod tests;
