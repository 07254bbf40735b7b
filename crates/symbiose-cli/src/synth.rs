//! `symbiose synth COMPANIES [FLOWS_PER_COMPANY] [--seed N]`: a synthetic EPCI-sized project
//! file on standard output, for the scale benchmark and for trying the app at size.

use std::process::ExitCode;

use symbiose_core::detect::synthetic;
use symbiose_core::format;

pub fn run(companies: u64, flows_per_company: u64, seed: u64) -> ExitCode {
    let size = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    let project = synthetic::epci(size(companies), size(flows_per_company), seed);
    println!("{}", format::save_project(&project, false));
    ExitCode::SUCCESS
}
