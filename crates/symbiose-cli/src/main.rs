//! `symbiose`: the project's native command, over the same core as the app.
//! The commands and their arguments are declared here (clap writes the usage, the help and the
//! errors from it); each command's work lives in its own module.
//!
//! Exit codes: 0 done; 1 the file does not load or is invalid (or, for an import, no row
//! could be added); 2 the command line is wrong.

mod bench;
mod crossval;
mod detect;
mod import;
mod indicators;
mod load;
mod schema;
mod synth;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "symbiose",
    version,
    about = "Symbiose en ligne de commande : le même cœur que l'application / Symbiose on the command line: the same core as the app"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Check a project or questionnaire file; every problem is listed
    Validate { file: PathBuf },
    /// The JSON Schema of the project file
    Schema,
    /// Substitution, deductive and pooling proposals of a project file
    Detect {
        file: PathBuf,
        /// Machine-readable output
        #[arg(long)]
        json: bool,
        /// As a public audience sees them (no private flow, anonymised companies, no confidential cost)
        #[arg(long)]
        public: bool,
    },
    /// Companies or flows from a CSV or Excel file into a project file, with a verdict per row
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Dashboard figures of a project file, with methods and sources
    Indicators {
        file: PathBuf,
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
    /// Indexed versus all-pairs detection on synthetic territories of SIZES flows
    Bench {
        /// Flows per territory (default: 1000 10000 100000)
        sizes: Vec<usize>,
        /// Instead, time a whole detection of this project file and its update after one edit
        #[arg(long)]
        project: Option<PathBuf>,
    },
    /// Leave-one-case-out cross-validation of the knowledge base
    Crossval {
        /// Machine-readable output
        #[arg(long)]
        json: bool,
        /// Nested cross-validation: weights chosen on the 29 training cases of each fold
        /// (a few minutes), with the ranking before words and back-offs for comparison
        #[arg(long)]
        tune: bool,
    },
    /// A synthetic EPCI of COMPANIES companies as a project file, on standard output
    Synth {
        #[arg(value_parser = clap::value_parser!(u64).range(1..))]
        companies: u64,
        /// Flows per company
        #[arg(default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
        flows_per_company: u64,
        /// Seed of the generator (the same seed gives the same file)
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
}

#[derive(Subcommand)]
enum ImportWhat {
    /// Companies from a CSV: INSEE's SIRENE StockEtablissement or the app's template
    Companies {
        #[command(flatten)]
        args: ImportArgs,
    },
    /// Flows from a CSV or an Excel workbook (.xlsx, first sheet): the app's template columns
    Flows {
        #[command(flatten)]
        args: ImportArgs,
    },
    /// An earlier action plan from a CSV or an Excel workbook: actions with their status
    /// (done, abandoned, to relaunch...), origin, costs and aids
    Actions {
        #[command(flatten)]
        args: ImportArgs,
        /// The origin of rows whose origin cell is empty ("Plan d'actions 2015")
        #[arg(long, value_name = "TEXT")]
        origin: Option<String>,
    },
}

#[derive(clap::Args)]
struct ImportArgs {
    /// The CSV or .xlsx file to import
    file: PathBuf,
    /// The project file the rows go into
    #[arg(long, value_name = "PROJECT.json")]
    into: PathBuf,
    /// Where to write the result (default: in place of the project file)
    #[arg(short, long, value_name = "OUT.json")]
    out: Option<PathBuf>,
    /// Language of the verdicts
    #[arg(long, value_enum, default_value_t = Language::Fr)]
    lang: Language,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Language {
    Fr,
    En,
}

impl ImportArgs {
    fn run(&self, what: import::What) -> ExitCode {
        let lang = match self.lang {
            Language::Fr => symbiose_core::Lang::Fr,
            Language::En => symbiose_core::Lang::En,
        };
        import::run(&what, &self.file, &self.into, self.out.as_ref(), lang)
    }
}

fn main() -> ExitCode {
    let Some(command) = Cli::parse().command else {
        // No command: the help, as `symbiose --help` gives it, and success.
        Cli::command().print_help().ok();
        return ExitCode::SUCCESS;
    };
    match command {
        Command::Validate { file } => validate::run(&file),
        Command::Schema => schema::run(),
        Command::Detect { file, json, public } => detect::run(&file, json, public),
        Command::Indicators { file, json } => indicators::run(&file, json),
        Command::Import { what } => match what {
            ImportWhat::Companies { args } => args.run(import::What::Companies),
            ImportWhat::Flows { args } => args.run(import::What::Flows),
            ImportWhat::Actions { args, origin } => args.run(import::What::Actions { origin }),
        },
        Command::Bench { sizes, project } => match project {
            Some(path) => bench::run_project(&path),
            None => bench::run(&sizes),
        },
        Command::Crossval { json, tune } => crossval::run(json, tune),
        Command::Synth {
            companies,
            flows_per_company,
            seed,
        } => synth::run(companies, flows_per_company, seed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declaration_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_wrong_command_line_is_a_usage_error() {
        for args in [
            &["symbiose", "frobnicate"][..],
            &["symbiose", "validate"],
            &["symbiose", "synth", "0"],
            &["symbiose", "synth", "10", "--seed", "x"],
            &["symbiose", "detect", "p.json", "--jsn"],
            &["symbiose", "import", "flows", "f.csv"],
            &["symbiose", "import", "actions", "f.csv", "--origin"],
            &["symbiose", "import", "plan", "f.csv", "--into", "p.json"],
            &[
                "symbiose", "import", "flows", "f.csv", "--into", "p.json", "--lang", "de",
            ],
        ] {
            let err = Cli::try_parse_from(args).err().expect("refused");
            assert_eq!(err.exit_code(), 2, "{args:?}");
        }
        let ok = Cli::try_parse_from(["symbiose", "synth", "5", "3", "--seed", "7"]).unwrap();
        assert!(matches!(
            ok.command,
            Some(Command::Synth {
                companies: 5,
                flows_per_company: 3,
                seed: 7
            })
        ));
    }
}
