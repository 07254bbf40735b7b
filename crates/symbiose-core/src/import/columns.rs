//! Which column of a file holds what: a header's names, French or English, compared as
//! [`key`] compares words (case, accents and punctuation ignored: `Coût €/unité` reads
//! `cout unite`). Each import lists its roles and their names (`flows::columns`,
//! `actions::columns`); the CSV export's headers are among them, so an export reads back.

use std::collections::HashMap;
use std::hash::Hash;

use super::cells::key;
use super::table::Row;

/// Each role's header names, as written (compared through `key`); the first is the template's.
pub type Names<R> = &'static [(R, &'static [&'static str])];

/// The columns of a header row.
#[derive(Debug)]
pub struct Columns<R: 'static> {
    names: Names<R>,
    /// Role → (position, the header as the file writes it).
    at: HashMap<R, (usize, String)>,
}

impl<R: Copy + Eq + Hash + 'static> Columns<R> {
    /// The roles `header` names, and the headers that name none (or a role an earlier column
    /// already has), as written.
    pub fn read(header: &Row, names: Names<R>) -> (Self, Vec<String>) {
        let mut at = HashMap::new();
        let mut ignored = Vec::new();
        for (i, written) in header.cells.iter().enumerate() {
            let written = written.trim();
            if written.is_empty() {
                continue;
            }
            let wanted = key(written);
            let role = names
                .iter()
                .find(|(_, names)| names.iter().any(|n| key(n) == wanted))
                .map(|(role, _)| *role);
            match role {
                Some(role) if !at.contains_key(&role) => {
                    at.insert(role, (i, written.to_string()));
                }
                _ => ignored.push(written.to_string()),
            }
        }
        (Self { names, at }, ignored)
    }

    /// The trimmed cell of `role` in `row` ("" when the file has no such column).
    pub fn get<'a>(&self, row: &'a Row, role: R) -> &'a str {
        self.at
            .get(&role)
            .and_then(|(i, _)| row.cells.get(*i))
            .map_or("", |c| c.trim())
    }

    /// The column's header as the file writes it, to name it in a message; the template's
    /// name when the file has no such column.
    pub fn name(&self, role: R) -> String {
        self.at.get(&role).map_or_else(
            || {
                self.names
                    .iter()
                    .find(|(r, _)| *r == role)
                    .map_or(String::new(), |(_, names)| names[0].to_string())
            },
            |(_, written)| written.clone(),
        )
    }

    pub fn has(&self, role: R) -> bool {
        self.at.contains_key(&role)
    }
}
