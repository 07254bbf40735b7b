//! Companies from a CSV file: INSEE's SIRENE `StockEtablissement` export, or the simple
//! template (`nom;siret;naf;adresse;commune;lat;lon`, English headers accepted).
//!
//! Each row becomes a ready actor (with warnings), a skipped row (closed establishment, SIRET
//! already in the project or earlier in the file) or an error naming its line and column.
//! Positions come from the file's lat/lon, else from the commune's centroid when the commune is
//! bundled (Corsica); the app lets the user place the others. A SIRENE activity code is taken
//! as NAF rév. 2 only when the file says it is (`nomenclature`).

use std::collections::{HashMap, HashSet};

use super::text::{Encoding, LineCounter, NotUtf8, csv_text, sniff_separator};
use crate::edit::Command;
use crate::model::{Actor, Project};
use crate::refdata::communes;
use crate::{Bilingual, Lang, UserMessage, bilingual};

pub use super::preview::{Listed, RowKind};
pub use nomenclature::{NafNotRev2, OtherNomenclature};

/// The downloadable template, with two fictional example rows.
pub const TEMPLATE_CSV: &str = include_str!("../../data/template_entreprises.csv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvFormat {
    Sirene,
    Template,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowOutcome {
    Ready {
        line: usize,
        actor: Actor,
        warnings: Vec<Bilingual>,
    },
    Skipped {
        line: usize,
        reason: Bilingual,
    },
    Error {
        line: usize,
        column: String,
        message: Bilingual,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub format: CsvFormat,
    /// How the file's bytes were read (UTF-8, else Windows-1252), shown with the preview.
    pub encoding: Encoding,
    pub rows: Vec<RowOutcome>,
    /// Ready companies whose activity code is not NAF rév. 2 (an older nomenclature, NAF 2025,
    /// an unknown one): imported with the code in their notes and a warning ([`NafNotRev2`]),
    /// counted apart in the preview's summary.
    pub naf_not_rev2: usize,
}

impl ImportPreview {
    pub fn ready(&self) -> Vec<Actor> {
        self.rows
            .iter()
            .filter_map(|r| {
                if let RowOutcome::Ready { actor, .. } = r {
                    Some(actor.clone())
                } else {
                    None
                }
            })
            .collect()
    }

    pub fn count(&self) -> (usize, usize, usize) {
        self.rows
            .iter()
            .fold((0, 0, 0), |(r, s, e), row| match row {
                RowOutcome::Ready { .. } => (r + 1, s, e),
                RowOutcome::Skipped { .. } => (r, s + 1, e),
                RowOutcome::Error { .. } => (r, s, e + 1),
            })
    }

    /// The edit that adds the ready companies to `project`, as one undo step: the project
    /// with the companies appended, put in place by `ReplaceProject`.
    ///
    /// Not a batch of `AddActor`: each of those searches the project's companies for its id,
    /// so 40,000 companies took 32 s (native, this machine) where one check of the whole
    /// result, with hash sets, takes a fraction of a second. The ids need no search: they were
    /// numbered after the project's highest. The whole-project check still refuses the edit,
    /// changing nothing, should the project have changed since the preview in a way that
    /// clashes.
    pub fn command(&self, project: &Project) -> Command {
        let mut next = project.clone();
        next.actors.reserve(self.rows.len());
        next.actors.extend(self.rows.iter().filter_map(|r| match r {
            RowOutcome::Ready { actor, .. } => Some(actor.clone()),
            _ => None,
        }));
        Command::ReplaceProject(Box::new(next))
    }

    /// The rows as the preview lists them, at most `limit`: what needs attention first (errors),
    /// then what will be added, then what is skipped, each in file order. Only the rows shown
    /// are turned into text, whatever the file's length.
    pub fn listing(&self, lang: Lang, limit: usize) -> Vec<Listed> {
        super::preview::in_reading_order(&self.rows, RowKind::of, limit, |r| match r {
            RowOutcome::Ready {
                line,
                actor,
                warnings,
            } => Listed {
                line: *line,
                kind: RowKind::Ready,
                name: actor.name.clone(),
                note: warnings
                    .iter()
                    .map(|w| w.get(lang))
                    .collect::<Vec<_>>()
                    .join(" ; "),
            },
            RowOutcome::Skipped { line, reason } => Listed {
                line: *line,
                kind: RowKind::Skipped,
                name: String::new(),
                note: reason.get(lang).to_string(),
            },
            RowOutcome::Error { line, message, .. } => Listed {
                line: *line,
                kind: RowKind::Error,
                name: String::new(),
                note: message.get(lang).to_string(),
            },
        })
    }
}

impl RowKind {
    fn of(row: &RowOutcome) -> Self {
        match row {
            RowOutcome::Ready { .. } => Self::Ready,
            RowOutcome::Skipped { .. } => Self::Skipped,
            RowOutcome::Error { .. } => Self::Error,
        }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("not text")]
    NotText(NotUtf8),
    #[error("empty file")]
    Empty,
    #[error("unknown columns")]
    UnknownColumns { found: Vec<String> },
    #[error("unreadable CSV at line {line}")]
    Csv { line: usize, detail: String },
}

impl UserMessage for ImportError {
    fn message(&self) -> Bilingual {
        Bilingual::from_fn(|lang| match (self, lang) {
            (Self::NotText(e), lang) => e.message_in(lang),
            (Self::Empty, Lang::Fr) => "Le fichier est vide : aucune ligne d'entreprise.".into(),
            (Self::Empty, Lang::En) => "The file is empty: no company row.".into(),
            (Self::UnknownColumns { found }, Lang::Fr) => format!(
                "Colonnes non reconnues ({}). Attendu : un export SIRENE StockEtablissement (siret, activitePrincipaleEtablissement…) ou le modèle « nom;siret;naf;adresse;commune;lat;lon ».",
                found.join(", ")
            ),
            (Self::UnknownColumns { found }, Lang::En) => format!(
                "Columns not recognised ({}). Expected: a SIRENE StockEtablissement export (siret, activitePrincipaleEtablissement…) or the template \"name;siret;naf;address;commune;lat;lon\".",
                found.join(", ")
            ),
            (Self::Csv { line, detail }, Lang::Fr) => {
                format!("CSV illisible à la ligne {line} : {detail}")
            }
            (Self::Csv { line, detail }, Lang::En) => {
                format!("Unreadable CSV at line {line}: {detail}")
            }
        })
    }
}

/// Column positions by role, from the header.
struct Columns(HashMap<&'static str, usize>);

impl Columns {
    fn get<'a>(&self, row: &'a csv::StringRecord, role: &str) -> &'a str {
        self.0
            .get(role)
            .and_then(|&i| row.get(i))
            .map(str::trim)
            .unwrap_or("")
    }

    /// Whether the file has the column of `role`.
    fn has(&self, role: &str) -> bool {
        self.0.contains_key(role)
    }
}

fn columns(header: &csv::StringRecord) -> Option<(CsvFormat, Columns)> {
    let names: Vec<String> = header
        .iter()
        .map(|h| crate::refdata::text::fold(h.trim()))
        .collect();
    let find = |alts: &[&str]| names.iter().position(|n| alts.contains(&n.as_str()));
    let mut map = HashMap::new();
    let format =
        if find(&["activiteprincipaleetablissement"]).is_some() && find(&["siret"]).is_some() {
            for (role, alts) in [
                ("siret", &["siret"][..]),
                ("naf", &["activiteprincipaleetablissement"]),
                ("nomenclature", &[nomenclature::COLUMN]),
                ("state", &["etatadministratifetablissement"]),
                ("headcount", &["trancheeffectifsetablissement"]),
                ("denomination", &["denominationusuelleetablissement"]),
                ("sign", &["enseigne1etablissement"]),
                ("number", &["numerovoieetablissement"]),
                ("way_type", &["typevoieetablissement"]),
                ("way", &["libellevoieetablissement"]),
                ("postcode", &["codepostaletablissement"]),
                ("town", &["libellecommuneetablissement"]),
                ("commune", &["codecommuneetablissement"]),
            ] {
                if let Some(i) = find(alts) {
                    map.insert(role, i);
                }
            }
            CsvFormat::Sirene
        } else if find(&["nom", "name", "raison sociale"]).is_some() {
            for (role, alts) in [
                ("name", &["nom", "name", "raison sociale"][..]),
                ("siret", &["siret"]),
                ("naf", &["naf", "code naf", "ape"]),
                ("address", &["adresse", "address"]),
                ("commune", &["commune", "municipality", "ville"]),
                ("lat", &["lat", "latitude"]),
                ("lon", &["lon", "lng", "longitude"]),
            ] {
                if let Some(i) = find(alts) {
                    map.insert(role, i);
                }
            }
            CsvFormat::Template
        } else {
            return None;
        };
    Some((format, Columns(map)))
}

/// Reads the whole file at once (the command line, the tests). The app reads it in slices
/// with [`Parsing`], so a 100,000-row file never holds the page for more than a moment.
pub fn parse(bytes: &[u8], project: &Project) -> Result<ImportPreview, ImportError> {
    let mut parsing = Parsing::start(bytes, project)?;
    while !parsing.step(usize::MAX)? {}
    parsing.finish()
}

/// A file being read, row by row. Everything it needs from the project (the SIRETs already
/// there, the next free id) is taken at the start, so it holds no borrow between slices.
pub struct Parsing {
    reader: csv::Reader<std::io::Cursor<Vec<u8>>>,
    record: csv::StringRecord,
    fields: usize,
    format: CsvFormat,
    encoding: Encoding,
    cols: Columns,
    seen: Seen,
    rows: Vec<RowOutcome>,
    total_bytes: usize,
    lines: LineCounter,
    done: bool,
}

/// What the rows read so far have taken, in hash maps: a row's checks cost the same at the
/// 100,000th row as at the first.
struct Seen {
    sirets: HashSet<String>,
    next_id: u64,
    /// Commune field as written → bundled commune, if any: a SIRENE file repeats a few hundred
    /// codes, and a code that is not bundled (outside Corsica) would otherwise be searched
    /// for by name on every row.
    communes: HashMap<String, Option<&'static communes::Commune>>,
    /// Ready rows whose activity code was kept out of the NAF field.
    naf_not_rev2: usize,
}

impl Parsing {
    /// Decodes the file (UTF-8, else Windows-1252), reads its header and recognises the format.
    pub fn start(bytes: &[u8], project: &Project) -> Result<Self, ImportError> {
        let (text, encoding) = csv_text(bytes).map_err(ImportError::NotText)?;
        if text.trim().is_empty() {
            return Err(ImportError::Empty);
        }
        let total_bytes = text.len();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(sniff_separator(&text))
            .flexible(true)
            .has_headers(true)
            .from_reader(std::io::Cursor::new(text.into_bytes()));
        let header = reader
            .headers()
            .map_err(|e| ImportError::Csv {
                line: 1,
                detail: e.to_string(),
            })?
            .clone();
        let (format, cols) = columns(&header).ok_or_else(|| ImportError::UnknownColumns {
            found: header.iter().take(8).map(str::to_string).collect(),
        })?;
        let sirets = project
            .actors
            .iter()
            .filter_map(|a| a.siret.as_ref().map(|s| s.as_str().to_string()))
            .collect();
        // Fresh ids continue after the project's highest `a-N`, as a counter: they are unique by
        // construction, which is what lets `command` skip a per-company id search.
        let next_id = project
            .actors
            .iter()
            .filter_map(|a| a.id.as_str().strip_prefix("a-")?.parse::<u64>().ok())
            .max()
            .unwrap_or(0)
            .saturating_add(1);
        Ok(Self {
            reader,
            record: csv::StringRecord::new(),
            fields: header.len(),
            format,
            encoding,
            cols,
            seen: Seen {
                sirets,
                next_id,
                communes: HashMap::new(),
                naf_not_rev2: 0,
            },
            rows: Vec::new(),
            total_bytes,
            lines: LineCounter::default(),
            done: false,
        })
    }

    /// Reads up to `max_rows` more rows; `Ok(true)` once the file is read to its end.
    pub fn step(&mut self, max_rows: usize) -> Result<bool, ImportError> {
        let mut read = 0;
        while !self.done && read < max_rows {
            let more = match self.reader.read_record(&mut self.record) {
                Ok(more) => more,
                Err(e) => {
                    let line = e.position().map_or(0, |p| self.line_at(p.byte()));
                    return Err(ImportError::Csv {
                        line,
                        detail: e.to_string(),
                    });
                }
            };
            if !more {
                self.done = true;
                break;
            }
            read += 1;
            // The line where the record starts (a quoted field may span lines).
            let start = self.record.position().map(csv::Position::byte);
            let line = start.map_or(0, |byte| self.line_at(byte));
            let r = &self.record;
            if r.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let outcome = if r.len() != self.fields {
                RowOutcome::Error {
                    line,
                    column: String::new(),
                    message: bilingual!(
                        |l| "ligne {line} : {} champs au lieu de {}",
                        "line {line}: {} fields instead of {}",
                        r.len(),
                        self.fields
                    ),
                }
            } else {
                row::row(self.format, &self.cols, r, line, &mut self.seen)
            };
            self.rows.push(outcome);
        }
        Ok(self.done)
    }

    /// The line, from 1, where the record at byte `byte` starts (a quoted field may span lines).
    fn line_at(&mut self, byte: u64) -> usize {
        self.lines.line_at(self.reader.get_ref().get_ref(), byte)
    }

    /// How far the reading is, as (bytes read, bytes in all).
    pub fn progress(&self) -> (usize, usize) {
        let at = usize::try_from(self.reader.position().byte()).unwrap_or(usize::MAX);
        (at.min(self.total_bytes), self.total_bytes)
    }

    /// The preview, once every row is read (rows not yet read are not in it).
    pub fn finish(self) -> Result<ImportPreview, ImportError> {
        if self.rows.is_empty() {
            return Err(ImportError::Empty);
        }
        Ok(ImportPreview {
            format: self.format,
            encoding: self.encoding,
            rows: self.rows,
            naf_not_rev2: self.seen.naf_not_rev2,
        })
    }
}

mod nomenclature;
mod row;
#[cfg(test)]
mod tests;
