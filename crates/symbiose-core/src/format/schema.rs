//! The JSON Schema of the project file, generated from the model (feature `schema`), so that
//! it cannot drift: a CLI test compares it with docs/project.schema.json.

use schemars::JsonSchema;

use crate::model::Project;

/// The envelope, as a type, only to describe it.
#[derive(JsonSchema)]
#[allow(dead_code)]
#[schemars(
    title = "Symbiose project file",
    description = "A versioned Symbiose project (docs/FORMAT.md)."
)]
struct ProjectFile {
    /// Always "symbiose-project".
    #[schemars(rename = "type", regex(pattern = "^symbiose-project$"))]
    kind: String,
    /// Format version; this schema describes the current one.
    #[schemars(range(min = 1))]
    version: u32,
    /// The application and version that wrote the file.
    source: Option<String>,
    project: Project,
}

/// The schema as pretty JSON, with a trailing newline.
pub fn project_schema() -> String {
    let schema = schemars::schema_for!(ProjectFile);
    serde_json::to_string_pretty(&schema).expect("a schema prints") + "\n"
}
