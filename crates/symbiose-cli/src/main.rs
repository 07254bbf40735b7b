//! `symbiose`: the project's native command, over the same core as the app.
//! Each subcommand lives in its own module; this file only dispatches.

mod bench;
mod crossval;
mod detect;
mod indicators;
mod load;
mod schema;
mod synth;
mod validate;

use std::process::ExitCode;

const USAGE: &str = "usage: symbiose <command> [args]

commands:
  help                     this text
  validate FILE            check a project or questionnaire file; every problem is listed
  schema                   the JSON Schema of the project file
  detect FILE [--json] [--public]   substitution, deductive and pooling proposals
  indicators FILE [--json] dashboard figures with methods and sources
  bench [SIZES...]         indexed vs all-pairs detection on synthetic territories
  crossval [--json]        leave-one-case-out cross-validation of the knowledge base
  synth N [FLOWS] [--seed S]  a synthetic EPCI of N companies (10 flows each) as a project file";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some("validate") => validate::run(&args[1..]),
        Some("schema") => schema::run(),
        Some("detect") => detect::run(&args[1..]),
        Some("indicators") => indicators::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("crossval") => crossval::run(&args[1..]),
        Some("synth") => synth::run(&args[1..]),
        Some(other) => {
            eprintln!(
                "symbiose: commande inconnue « {other} » / unknown command \"{other}\"\n\n{USAGE}"
            );
            ExitCode::from(2)
        }
    }
}
