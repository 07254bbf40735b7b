//! `symbiose schema`: prints the JSON Schema of the project file (docs/project.schema.json is
//! this output; regenerate it with `cargo run -p symbiose-cli -- schema > docs/project.schema.json`).

use std::process::ExitCode;

pub fn run() -> ExitCode {
    print!("{}", symbiose_core::format::schema::project_schema());
    ExitCode::SUCCESS
}
