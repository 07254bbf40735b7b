//! What an import's preview holds and lists, whatever it imports (flows, the actions of an
//! earlier plan): one verdict per row of the file, the rows read the same way (the header
//! found among the first rows, blank lines between rows skipped), and the listing in the
//! order a person reads it. What each kind of row becomes is its own module's (`flows`,
//! `actions`); the companies import keeps its own streaming reader for large registers.

use super::table::{Row, Source, Table};
use crate::{Bilingual, Lang, UserMessage, bilingual};

/// Non-blank rows searched for the header: a sheet may start with a title and a few notes.
pub const HEADER_SEARCH: usize = 10;

/// A row's verdict, for the order of the listing and its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Error,
    Ready,
    Skipped,
}

impl RowKind {
    /// The CSS class of its row in the preview.
    pub fn class(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Ready => "ok",
            Self::Skipped => "skipped",
        }
    }
}

/// One row of the preview's table, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub line: usize,
    pub kind: RowKind,
    /// What the row adds (a flow's company and label, an action's title); what the row says
    /// otherwise.
    pub name: String,
    /// Its warnings, the reason it is skipped, or its error.
    pub note: String,
}

/// The verdict on one row of a file.
#[derive(Debug, Clone, PartialEq)]
pub enum RowOutcome<T> {
    Ready {
        line: usize,
        /// Boxed: an item is several times the size of the other verdicts.
        item: Box<T>,
        /// What the listing calls it ("Scierie Orsini — sciures", an action's title and status).
        name: Bilingual,
        warnings: Vec<Bilingual>,
    },
    Skipped {
        line: usize,
        /// What the row names, as written.
        what: String,
        reason: Bilingual,
    },
    Error {
        line: usize,
        /// The column's header as the file writes it.
        column: String,
        /// What the row names, as written.
        what: String,
        /// Says the line and the column too.
        message: Bilingual,
    },
}

impl<T> RowOutcome<T> {
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

    /// An error on `column` of the row at `line`, the message prefixed with both.
    pub fn error(line: usize, column: String, what: String, message: &Bilingual) -> Self {
        Self::Error {
            line,
            message: bilingual!(
                |l| "ligne {line}, colonne {column} : {}",
                "line {line}, column {column}: {}",
                message.get(l)
            ),
            column,
            what,
        }
    }
}

/// What a file would bring in: the verdict on each of its rows. Nothing is changed until the
/// kind's own `command` makes the ready items one edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview<T> {
    pub source: Source,
    /// The header's line.
    pub header_line: usize,
    pub rows: Vec<RowOutcome<T>>,
    /// Headers that name nothing this import reads, as written: their cells are not imported,
    /// which the preview says (a misspelt "quantité" would otherwise pass unnoticed).
    pub ignored_columns: Vec<String>,
}

impl<T> Preview<T> {
    /// The items the import would add, as read.
    pub fn ready(&self) -> Vec<&T> {
        self.rows
            .iter()
            .filter_map(|r| match r {
                RowOutcome::Ready { item, .. } => Some(&**item),
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

    /// The rows as the preview lists them, at most `limit`: errors first, then what will be
    /// added, then what is skipped, each in file order.
    pub fn listing(&self, lang: Lang, limit: usize) -> Vec<Listed> {
        in_reading_order(&self.rows, RowOutcome::kind, limit, |r| match r {
            RowOutcome::Ready {
                line,
                name,
                warnings,
                ..
            } => Listed {
                line: *line,
                kind: RowKind::Ready,
                name: name.get(lang).to_string(),
                note: warnings
                    .iter()
                    .map(|w| w.get(lang))
                    .collect::<Vec<_>>()
                    .join(" ; "),
            },
            RowOutcome::Skipped { line, what, reason } => Listed {
                line: *line,
                kind: RowKind::Skipped,
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
                kind: RowKind::Error,
                name: what.clone(),
                note: message.get(lang).to_string(),
            },
        })
    }

    /// Each row as `line:verdict[:column]`, for a compact comparison in tests.
    #[cfg(test)]
    pub fn verdicts(&self) -> Vec<String> {
        self.rows
            .iter()
            .map(|r| match r {
                RowOutcome::Ready { line, .. } => format!("{line}:ok"),
                RowOutcome::Skipped { line, .. } => format!("{line}:skip"),
                RowOutcome::Error { line, column, .. } => format!("{line}:err:{column}"),
            })
            .collect()
    }

    /// Reads `table`: its header is the first row, among the first [`HEADER_SEARCH`] that are
    /// not blank, that `recognise` takes; each row after it, up to the last filled one, gets
    /// `read_row`'s verdict, a blank row between others is skipped as such.
    pub fn read<C>(
        table: Table,
        what: Items,
        recognise: impl Fn(&Row) -> Option<(C, Vec<String>)>,
        mut read_row: impl FnMut(&C, &Row) -> RowOutcome<T>,
    ) -> Result<Self, ImportError> {
        let Table { source, rows } = table;
        let filled: Vec<&Row> = rows.iter().filter(|r| !r.is_blank()).collect();
        if filled.is_empty() {
            return Err(ImportError::Empty(what));
        }
        let (header_line, (cols, ignored_columns)) = filled
            .iter()
            .take(HEADER_SEARCH)
            .find_map(|r| recognise(r).map(|c| (r.line, c)))
            .ok_or_else(|| ImportError::NoHeader {
                what,
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
        let outcomes: Vec<RowOutcome<T>> = rows
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
                    read_row(&cols, r)
                }
            })
            .collect();
        // The last filled row is after the header unless the header is all there is.
        if outcomes.is_empty() {
            return Err(ImportError::Empty(what));
        }
        Ok(Self {
            source,
            header_line,
            rows: outcomes,
            ignored_columns,
        })
    }
}

/// Every preview's listing order, whatever its rows: what needs attention first (errors), then
/// what will be added, then what is skipped, each in file order, at most `limit`. Only the rows
/// listed are turned into text, whatever the file's length.
pub fn in_reading_order<R>(
    rows: &[R],
    kind: impl Fn(&R) -> RowKind,
    limit: usize,
    listed: impl Fn(&R) -> Listed,
) -> Vec<Listed> {
    let kind = &kind;
    [RowKind::Error, RowKind::Ready, RowKind::Skipped]
        .into_iter()
        .flat_map(|wanted| rows.iter().filter(move |r| kind(r) == wanted))
        .take(limit)
        .map(listed)
        .collect()
}

/// What a file is read for, for its messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Items {
    Flows,
    /// The actions of an earlier action plan.
    Actions,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("unreadable file")]
    Unreadable(#[from] super::table::TableError),
    #[error("no row")]
    Empty(Items),
    #[error("no header found")]
    NoHeader { what: Items, found: Vec<String> },
}

impl UserMessage for ImportError {
    fn message(&self) -> Bilingual {
        Bilingual::from_fn(|lang| match (self, lang) {
            (Self::Unreadable(e), lang) => e.message_in(lang),
            (Self::Empty(what), Lang::Fr) => format!(
                "Le fichier ne contient aucune ligne {}. Rien n'a été importé.",
                match what {
                    Items::Flows => "de flux",
                    Items::Actions => "d'action",
                }
            ),
            (Self::Empty(what), Lang::En) => format!(
                "The file holds no {} row. Nothing was imported.",
                match what {
                    Items::Flows => "flow",
                    Items::Actions => "action",
                }
            ),
            (Self::NoHeader { what, found }, Lang::Fr) => format!(
                "Aucune ligne d'en-tête {} reconnue dans les {HEADER_SEARCH} premières lignes (première ligne lue : {}). Il faut au moins {} : partez du modèle à télécharger. Rien n'a été importé.",
                match what {
                    Items::Flows => "de flux",
                    Items::Actions => "de plan d'actions",
                },
                found.join(", "),
                match what {
                    Items::Flows =>
                        "une colonne « libellé » et une colonne « siret » ou « entreprise »",
                    Items::Actions => "une colonne « intitulé » et une colonne « statut »",
                }
            ),
            (Self::NoHeader { what, found }, Lang::En) => format!(
                "No {} header recognised in the first {HEADER_SEARCH} rows (first row read: {}). At least {} needed: start from the downloadable template. Nothing was imported.",
                match what {
                    Items::Flows => "flows",
                    Items::Actions => "action plan",
                },
                found.join(", "),
                match what {
                    Items::Flows => "a \"label\" column and a \"siret\" or \"company\" column are",
                    Items::Actions => "a \"title\" column and a \"status\" column are",
                }
            ),
        })
    }
}
