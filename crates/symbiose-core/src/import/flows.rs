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

use super::preview::{Listed, RowKind};
use super::table::{self, Row, Source, Table, TableError};
use crate::edit::Command;
use crate::model::{Flow, Project};
use crate::{Bilingual, Lang, UserMessage};

mod columns;
mod company;
mod row;
mod vocab;

/// The downloadable template: its columns and three fictional example rows, whose companies
/// are those of the demonstration zone.
pub const TEMPLATE_CSV: &str = include_str!("../../data/template_flux.csv");

/// Non-blank rows searched for the header.
const HEADER_SEARCH: usize = 10;

#[derive(Debug, Clone, PartialEq)]
pub enum RowOutcome {
    Ready {
        line: usize,
        /// Boxed: a flow is several times the size of the other verdicts.
        flow: Box<Flow>,
        /// The company's name in the project.
        company: String,
        warnings: Vec<Bilingual>,
    },
    Skipped {
        line: usize,
        /// The row's company and label, as written.
        what: String,
        reason: Bilingual,
    },
    Error {
        line: usize,
        /// The column's header as the file writes it.
        column: String,
        /// The row's company and label, as written.
        what: String,
        /// Says the line and the column too.
        message: Bilingual,
    },
}

impl RowOutcome {
    pub fn kind(&self) -> RowKind {
        match self {
            Self::Ready { .. } => RowKind::Ready,
            Self::Skipped { .. } => RowKind::Skipped,
            Self::Error { .. } => RowKind::Error,
        }
    }

    pub fn line(&self) -> usize {
        match self {
            Self::Ready { line, .. } | Self::Skipped { line, .. } | Self::Error { line, .. } => {
                *line
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowsPreview {
    pub source: Source,
    /// The header's line.
    pub header_line: usize,
    pub rows: Vec<RowOutcome>,
    /// Headers that name nothing this import reads, as written: their cells are not imported,
    /// which the preview says (a misspelt "quantité" would otherwise pass unnoticed).
    pub ignored_columns: Vec<String>,
}

impl FlowsPreview {
    /// The flows the import would add, as read (their ids are given by `command`).
    pub fn ready(&self) -> Vec<&Flow> {
        self.rows
            .iter()
            .filter_map(|r| match r {
                RowOutcome::Ready { flow, .. } => Some(&**flow),
                _ => None,
            })
            .collect()
    }

    /// (ready, skipped, errors).
    pub fn count(&self) -> (usize, usize, usize) {
        self.rows
            .iter()
            .fold((0, 0, 0), |(r, s, e), row| match row.kind() {
                RowKind::Ready => (r + 1, s, e),
                RowKind::Skipped => (r, s + 1, e),
                RowKind::Error => (r, s, e + 1),
            })
    }

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

    /// The rows as the preview lists them, at most `limit`: errors first, then what will be
    /// added, then what is skipped, each in file order.
    pub fn listing(&self, lang: Lang, limit: usize) -> Vec<Listed> {
        let of_kind = |kind: RowKind| {
            self.rows
                .iter()
                .filter(move |r| r.kind() == kind)
                .map(move |r| match r {
                    RowOutcome::Ready {
                        line,
                        flow,
                        company,
                        warnings,
                    } => Listed {
                        line: *line,
                        kind,
                        name: format!("{company} — {}", flow.label),
                        note: warnings
                            .iter()
                            .map(|w| w.get(lang))
                            .collect::<Vec<_>>()
                            .join(" ; "),
                    },
                    RowOutcome::Skipped { line, what, reason } => Listed {
                        line: *line,
                        kind,
                        name: what.clone(),
                        note: reason.get(lang).to_string(),
                    },
                    RowOutcome::Error {
                        line,
                        what,
                        message,
                        ..
                    } => Listed {
                        line: *line,
                        kind,
                        name: what.clone(),
                        note: message.get(lang).to_string(),
                    },
                })
        };
        of_kind(RowKind::Error)
            .chain(of_kind(RowKind::Ready))
            .chain(of_kind(RowKind::Skipped))
            .take(limit)
            .collect()
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

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("unreadable file")]
    Unreadable(#[from] TableError),
    #[error("no flow row")]
    Empty,
    #[error("no header found")]
    NoHeader { found: Vec<String> },
}

impl UserMessage for ImportError {
    fn message(&self) -> Bilingual {
        Bilingual::from_fn(|lang| match (self, lang) {
            (Self::Unreadable(e), lang) => e.message_in(lang),
            (Self::Empty, Lang::Fr) => {
                "Le fichier ne contient aucune ligne de flux. Rien n'a été importé.".into()
            }
            (Self::Empty, Lang::En) => "The file holds no flow row. Nothing was imported.".into(),
            (Self::NoHeader { found }, Lang::Fr) => format!(
                "Aucune ligne d'en-tête de flux reconnue dans les {HEADER_SEARCH} premières lignes (première ligne lue : {}). Il faut au moins une colonne « libellé » et une colonne « siret » ou « entreprise » : partez du modèle à télécharger. Rien n'a été importé.",
                found.join(", ")
            ),
            (Self::NoHeader { found }, Lang::En) => format!(
                "No flows header recognised in the first {HEADER_SEARCH} rows (first row read: {}). At least a \"label\" column and a \"siret\" or \"company\" column are needed: start from the downloadable template. Nothing was imported.",
                found.join(", ")
            ),
        })
    }
}

/// Reads a CSV file or an Excel workbook (recognised from its bytes) against `project`.
pub fn parse(bytes: &[u8], project: &Project) -> Result<FlowsPreview, ImportError> {
    preview(table::read(bytes)?, project)
}

/// The verdict of each row of `table` against `project`.
pub fn preview(table: Table, project: &Project) -> Result<FlowsPreview, ImportError> {
    let Table { source, rows } = table;
    let filled: Vec<&Row> = rows.iter().filter(|r| !r.is_blank()).collect();
    if filled.is_empty() {
        return Err(ImportError::Empty);
    }
    let (header_line, cols) = filled
        .iter()
        .take(HEADER_SEARCH)
        .find_map(|r| columns::Columns::recognise(r).map(|c| (r.line, c)))
        .ok_or_else(|| ImportError::NoHeader {
            found: filled[0]
                .cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .take(8)
                .map(str::to_string)
                .collect(),
        })?;
    let last_filled = filled.last().map_or(0, |r| r.line);
    let mut seen = row::Seen::new(project);
    let outcomes: Vec<RowOutcome> = rows
        .iter()
        .filter(|r| r.line > header_line && r.line <= last_filled)
        .map(|r| {
            if r.is_blank() {
                RowOutcome::Skipped {
                    line: r.line,
                    what: String::new(),
                    reason: Bilingual::new("ligne vide", "blank line"),
                }
            } else {
                row::row(&cols, r, &mut seen)
            }
        })
        .collect();
    // The last filled row is after the header unless the header is all there is.
    if outcomes.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(FlowsPreview {
        source,
        header_line,
        rows: outcomes,
        ignored_columns: cols.ignored,
    })
}

#[cfg(test)]
mod tests;
