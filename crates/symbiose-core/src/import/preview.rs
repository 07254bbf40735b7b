//! What an import's preview lists, whatever it imports (companies, flows): one verdict per row
//! of the file, as text, in the order a person reads them.

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
    /// What the row adds (a company's name; a flow's company and label); empty otherwise.
    pub name: String,
    /// Its warnings, the reason it is skipped, or its error.
    pub note: String,
}
