//! The project file: a JSON envelope with a type and a version around the project.
//!
//! ```json
//! {"type": "symbiose-project", "version": 2, "source": "symbiose 0.1.0", "project": {...}}
//! {"type": "symbiose-questionnaire", "version": 1, "source": "...", "questionnaire": {...}}
//! ```
//!
//! Loading reads the header first (type, version), refuses a newer version with a plain
//! message, migrates older versions step by step (see [`migrate`]), then deserialises with the
//! path of any bad value, then validates. Import and browser storage both call
//! [`load_project`], so they share migrations, validation and errors.
//!
//! History (also in docs/FORMAT.md):
//! - v1 (2026-11-28): first version.
//! - v2 (2026-12-01): named communes and EPCI, cooperative kinds, stored assumptions.

pub mod envelope;
pub(crate) mod error;
pub mod fault;
pub mod json;
pub mod migrate;
pub mod packed;
pub mod parts;
pub mod repair;
#[cfg(feature = "schema")]
pub mod schema;

pub use error::{LoadError, too_large};

use serde::de::DeserializeOwned;

use crate::model::{Project, Questionnaire};
use crate::validate::{self, Problem};

/// The project file's version this build writes.
pub const CURRENT_VERSION: u32 = envelope::PROJECT.version;
/// Files larger than this are refused before parsing: a project of 5,000 companies with ten
/// flows each is about 20 MB.
pub const MAX_BYTES: usize = 32 * 1024 * 1024;
pub const PROJECT_TYPE: &str = envelope::PROJECT.type_name;
pub const QUESTIONNAIRE_TYPE: &str = envelope::QUESTIONNAIRE.type_name;
/// What wrote the file, for people reading it.
pub const SOURCE: &str = concat!("symbiose ", env!("CARGO_PKG_VERSION"));

/// A loaded value with the warnings found (kept data that deserves a look) and the version it
/// was migrated from, if any.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub value: T,
    pub warnings: Vec<Problem>,
    pub migrated_from: Option<u32>,
}

/// Reads a project file (an import, or what browser storage holds).
pub fn load_project(text: &str) -> Result<Loaded<Project>, LoadError> {
    load(text, envelope::PROJECT, validate::validate)
}

/// Reads a company questionnaire file.
pub fn load_questionnaire(text: &str) -> Result<Loaded<Questionnaire>, LoadError> {
    load(
        text,
        envelope::QUESTIONNAIRE,
        validate::validate_questionnaire,
    )
}

/// Envelope, migrations, deserialisation with paths, then validation: errors refuse the file,
/// warnings come back with the value.
fn load<T: DeserializeOwned>(
    text: &str,
    kind: envelope::FileKind,
    check: fn(&T) -> validate::Report,
) -> Result<Loaded<T>, LoadError> {
    let (value, migrated_from) = match envelope::read_current(text, kind) {
        Some(value) => (value, None),
        // Anything off, or an older version: the strict tree says what and where, and migrates.
        None => {
            let (body, migrated_from) = envelope::read(text, kind)?;
            (envelope::deserialise(body, kind)?, migrated_from)
        }
    };
    let report = check(&value);
    if !report.errors.is_empty() {
        return Err(LoadError::Invalid(report.errors));
    }
    Ok(Loaded {
        value,
        warnings: report.warnings,
        migrated_from,
    })
}

pub fn save_project(project: &Project, pretty: bool) -> String {
    envelope::write(envelope::PROJECT, project, pretty)
}

/// The project file as [`save_project`] writes it (compact), to `out` as it is written
/// (`packed::pack_written`).
pub fn write_project(out: &mut dyn std::io::Write, project: &Project) {
    envelope::write_to(out, envelope::PROJECT, project);
}

pub fn save_questionnaire(q: &Questionnaire) -> String {
    envelope::write(envelope::QUESTIONNAIRE, q, true)
}
