//! `symbiose`: the project's native command, over the same core as the app.
//! Each subcommand lives in its own module; this file only dispatches.

use std::process::ExitCode;

const USAGE: &str = "usage: symbiose <command> [args]

commands:
  help                     this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("help" | "--help" | "-h") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => {
            eprintln!(
                "symbiose: commande inconnue « {other} » / unknown command \"{other}\"\n\n{USAGE}"
            );
            ExitCode::from(2)
        }
    }
}
