//! A file of rows of cells, whatever it was: a CSV (UTF-8 or Windows-1252, `;` or `,`, read as
//! `text` decides) or the first sheet of an Excel workbook (.xlsx, read with `calamine`). An
//! import that reads a `Table` (the flows import) has one set of rules for both kinds of file.
//!
//! The kind is recognised from the bytes, not the file's name ([`kind`]): a workbook is a zip
//! archive holding `xl/workbook.xml`; an old `.xls`, an OpenDocument sheet, a PDF, another
//! archive or any other binary file is refused with its own message. Everything else is read
//! as CSV text.
//!
//! The workbook reader (calamine, with its zip, XML and text-encoding code) is large: about
//! 280 KB of gzipped WebAssembly. So the app never calls [`xlsx`] (nor [`read`], nor
//! `flows::parse`): it reads a CSV with [`csv`], and has a workbook read by a small module of
//! its own in a Web Worker (crates/symbiose-xlsx), fetched only then, which sends the
//! [`Table`] back as bytes ([`Table::to_bytes`]). The first visit does not carry it.
//!
//! Cells are strings, as a CSV gives them. A workbook's numbers are written the way Rust writes
//! an `f64` (`12.5`, `150103`), which the number readers take back exactly; a cell formatted as
//! a date becomes `YYYY-MM-DD`, the model's `Date`.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use serde::{Deserialize, Serialize};

use super::text::{Encoding, LineCounter, NotUtf8, csv_text, sniff_separator};
use crate::model::Date;
use crate::{Bilingual, Lang, UserMessage, bilingual};

/// What the rows were read from, for the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    /// A CSV file, with the encoding its bytes were read in.
    Csv(Encoding),
    /// An Excel workbook: its first sheet, by name.
    Xlsx { sheet: String },
}

impl Source {
    /// `CSV (UTF-8)`, `Excel, feuille « Flux »`: what the preview says it read.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Self::Csv(encoding) => format!("CSV ({})", encoding.label(lang)),
            Self::Xlsx { sheet } => bilingual!(
                in lang,
                "Classeur Excel, première feuille « {sheet} »",
                "Excel workbook, first sheet \"{sheet}\""
            ),
        }
    }
}

/// One row of the file: its line (the row number a spreadsheet or a text editor shows, from 1)
/// and its cells, as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

impl Row {
    /// A row of `cells` at line 1, for tests.
    #[cfg(test)]
    pub fn of(cells: &[&str]) -> Self {
        Self {
            line: 1,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        }
    }

    /// Whether every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub source: Source,
    pub rows: Vec<Row>,
}

impl Table {
    /// The table as bytes, to cross from the workbook reader's worker to the page.
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a table always encodes")
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, TableError> {
        postcard::from_bytes(bytes).map_err(|e| TableError::Xlsx(e.to_string()))
    }
}

/// What a file is, from its bytes: the two kinds a table is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Csv,
    Xlsx,
}

/// A kind of file that is neither CSV nor .xlsx.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherKind {
    /// An Excel 97–2003 workbook (`.xls`) or another old Office file.
    Xls,
    /// An OpenDocument file (LibreOffice's `.ods`…).
    OpenDocument,
    /// A zip archive that is not a workbook (`.zip`, `.docx`…).
    Archive,
    Pdf,
    /// Bytes that are not text (an image, a program…).
    Binary,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TableError {
    #[error("not text")]
    NotText(NotUtf8),
    #[error("neither CSV nor .xlsx: {0:?}")]
    Other(OtherKind),
    #[error("unreadable CSV at line {line}: {detail}")]
    Csv { line: usize, detail: String },
    #[error("unreadable Excel workbook: {0}")]
    Xlsx(String),
}

impl UserMessage for TableError {
    fn message(&self) -> Bilingual {
        Bilingual::from_fn(|l| match self {
            Self::NotText(e) => e.message_in(l),
            Self::Other(kind) => {
                let what = match kind {
                    OtherKind::Xls => l.pick(
                        "c'est un classeur Excel 97-2003 (.xls)",
                        "it is an Excel 97-2003 workbook (.xls)",
                    ),
                    OtherKind::OpenDocument => l.pick(
                        "c'est un fichier OpenDocument (.ods)",
                        "it is an OpenDocument file (.ods)",
                    ),
                    OtherKind::Archive => l.pick(
                        "c'est une archive zip qui n'est pas un classeur Excel",
                        "it is a zip archive that is not an Excel workbook",
                    ),
                    OtherKind::Pdf => l.pick("c'est un PDF", "it is a PDF"),
                    OtherKind::Binary => {
                        l.pick("son contenu n'est pas du texte", "its content is not text")
                    }
                };
                bilingual!(
                    in l,
                    "Ce fichier n'est ni un CSV ni un classeur Excel (.xlsx) : {what}. Enregistrez-le au format Excel (.xlsx) ou CSV, puis importez-le à nouveau. Rien n'a été importé.",
                    "This file is neither a CSV nor an Excel workbook (.xlsx): {what}. Save it as Excel (.xlsx) or CSV, then import it again. Nothing was imported."
                )
            }
            Self::Csv { line, detail } => bilingual!(
                in l,
                "CSV illisible à la ligne {line} : {detail}. Rien n'a été importé.",
                "Unreadable CSV at line {line}: {detail}. Nothing was imported."
            ),
            Self::Xlsx(detail) => bilingual!(
                in l,
                "Classeur Excel illisible ({detail}). Ouvrez-le dans Excel ou LibreOffice et enregistrez-le à nouveau au format .xlsx. Rien n'a été importé.",
                "Unreadable Excel workbook ({detail}). Open it in Excel or LibreOffice and save it again as .xlsx. Nothing was imported."
            ),
        })
    }
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The rows of a CSV file or of a workbook's first sheet. An empty file gives no rows.
pub fn read(bytes: &[u8]) -> Result<Table, TableError> {
    match kind(bytes)? {
        Kind::Csv => csv(bytes),
        Kind::Xlsx => xlsx(bytes),
    }
}

/// Whether `bytes` are a workbook or CSV text; any other kind of file is refused, named.
pub fn kind(bytes: &[u8]) -> Result<Kind, TableError> {
    if bytes.starts_with(ZIP) {
        // Entry names are stored uncompressed: a workbook names its `xl/workbook.xml`, an
        // OpenDocument file starts with its `mimetype` entry.
        if contains(&bytes[..bytes.len().min(200)], b"opendocument") {
            return Err(TableError::Other(OtherKind::OpenDocument));
        }
        if !contains(bytes, b"xl/workbook.xml") {
            return Err(TableError::Other(OtherKind::Archive));
        }
        return Ok(Kind::Xlsx);
    }
    if bytes.starts_with(OLE) {
        return Err(TableError::Other(OtherKind::Xls));
    }
    if bytes.starts_with(b"%PDF") {
        return Err(TableError::Other(OtherKind::Pdf));
    }
    // UTF-16 has NUL bytes too: `csv_text` names it. Any other NUL is not text.
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !utf16 && bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(TableError::Other(OtherKind::Binary));
    }
    Ok(Kind::Csv)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The rows of a CSV file: UTF-8 or Windows-1252, `;` or `,` (as `text` decides).
pub fn csv(bytes: &[u8]) -> Result<Table, TableError> {
    let (text, encoding) = csv_text(bytes).map_err(TableError::NotText)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_separator(&text))
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut lines = LineCounter::default();
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record
                    .position()
                    .map_or(0, |p| lines.line_at(text.as_bytes(), p.byte()));
                rows.push(Row {
                    line,
                    cells: record.iter().map(str::to_string).collect(),
                });
            }
            Err(e) => {
                let line = e
                    .position()
                    .map_or(0, |p| lines.line_at(text.as_bytes(), p.byte()));
                return Err(TableError::Csv {
                    line,
                    detail: e.to_string(),
                });
            }
        }
    }
    Ok(Table {
        source: Source::Csv(encoding),
        rows,
    })
}

/// The rows of a workbook's first sheet (calamine). Not for the app's own module: see the top.
pub fn xlsx(bytes: &[u8]) -> Result<Table, TableError> {
    let bad = |e: &dyn std::fmt::Display| TableError::Xlsx(e.to_string());
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| bad(&e))?;
    let sheet = workbook.sheet_names().first().cloned().unwrap_or_default();
    let range = match workbook.worksheet_range_at(0) {
        None => {
            return Ok(Table {
                source: Source::Xlsx { sheet },
                rows: Vec::new(),
            });
        }
        Some(range) => range.map_err(|e| bad(&e))?,
    };
    // The range starts at its first used cell: rows and columns keep the sheet's numbering.
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let pad = usize::try_from(first_col).unwrap_or(0);
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            line: usize::try_from(first_row).unwrap_or(0) + i + 1,
            cells: std::iter::repeat_n(String::new(), pad)
                .chain(cells.iter().map(cell_text))
                .collect(),
        })
        .collect();
    Ok(Table {
        source: Source::Xlsx { sheet },
        rows,
    })
}

/// A workbook's cell as the text a CSV would hold.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Rust writes 12.0 as `12` and never in exponent form: the number readers take it back.
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (year, month, day, ..) = dt.to_ymd_hms_milli();
            Date::new(i32::from(year), month, day)
                .map_or_else(|_| dt.as_f64().to_string(), |d| d.to_string())
        }
        Data::DateTime(dt) => dt.as_f64().to_string(),
        // `2026-03-12T00:00:00` (a workbook written with ISO dates): the date part.
        Data::DateTimeIso(s) => match s.get(..10).map(str::parse::<Date>) {
            Some(Ok(d)) => d.to_string(),
            _ => s.clone(),
        },
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_keep_their_lines_and_empty_files_have_none() {
        let t = read(b"a;b\r\n\r\n1;\"deux\nlignes\"\r\n3;4\r\n").unwrap();
        assert_eq!(t.source, Source::Csv(Encoding::Utf8));
        let lines: Vec<usize> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(
            lines,
            vec![1, 3, 5],
            "a blank line is no record; a quoted field spans two"
        );
        assert_eq!(t.rows[1].cells, vec!["1", "deux\nlignes"]);
        assert!(read(b"").unwrap().rows.is_empty());
    }

    #[test]
    fn other_kinds_of_file_are_named() {
        let kind = |bytes: &[u8]| match read(bytes) {
            Err(TableError::Other(kind)) => Some(kind),
            _ => None,
        };
        assert_eq!(
            kind(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            Some(OtherKind::Xls)
        );
        assert_eq!(kind(b"%PDF-1.7\n"), Some(OtherKind::Pdf));
        assert_eq!(
            kind(b"PK\x03\x04\0\0word/document.xml"),
            Some(OtherKind::Archive)
        );
        assert_eq!(
            kind(b"PK\x03\x04\0\0mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
            Some(OtherKind::OpenDocument)
        );
        assert_eq!(
            kind(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(OtherKind::Binary)
        );
        let m = TableError::Other(OtherKind::Pdf).message();
        assert!(m.fr.contains("ni un CSV ni un classeur Excel (.xlsx)") && m.fr.contains("PDF"));
        assert!(m.en.contains("neither a CSV nor an Excel workbook") && m.en.contains("Nothing"));
        // A zip that names a workbook but is broken is an unreadable workbook, said so.
        let broken = read(b"PK\x03\x04 xl/workbook.xml").unwrap_err();
        assert!(matches!(broken, TableError::Xlsx(_)), "{broken:?}");
        assert!(
            broken
                .message_in(Lang::Fr)
                .contains("Classeur Excel illisible")
        );
    }

    #[test]
    fn a_table_crosses_as_bytes() {
        let t = read(b"a;b\n1;2\n").unwrap();
        assert_eq!(Table::from_bytes(&t.to_bytes()).unwrap(), t);
        assert!(Table::from_bytes(b"\xff").is_err());
    }

    #[test]
    fn utf16_is_refused_as_text_not_as_binary() {
        let e = read(&[0xFF, 0xFE, b'a', 0, b';', 0]).unwrap_err();
        assert!(matches!(
            e,
            TableError::NotText(NotUtf8 { utf16: true, .. })
        ));
    }
}
