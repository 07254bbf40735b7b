//! `symbiose synth COMPANIES [FLOWS_PER_COMPANY] [--seed N]`: a synthetic EPCI-sized project
//! file on standard output, for the scale benchmark and for trying the app at size.

use std::process::ExitCode;

use symbiose_core::detect::synthetic;
use symbiose_core::format;

pub fn run(args: &[String]) -> ExitCode {
    let mut numbers = Vec::new();
    let mut seed = 42u64;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--seed" {
            match it.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => return usage("--seed attend un nombre / --seed needs a number"),
            }
        } else {
            match a.parse::<usize>() {
                Ok(n) if n > 0 => numbers.push(n),
                _ => {
                    return usage(&format!(
                        "« {a} » n'est pas un nombre positif / \"{a}\" is not a positive number"
                    ));
                }
            }
        }
    }
    let (companies, flows_per) = match numbers.as_slice() {
        [c] => (*c, 10),
        [c, f] => (*c, *f),
        _ => return usage("donnez le nombre d'entreprises / give the number of companies"),
    };
    let project = synthetic::epci(companies, flows_per, seed);
    println!("{}", format::save_project(&project, false));
    ExitCode::SUCCESS
}

fn usage(why: &str) -> ExitCode {
    eprintln!("{why}\nusage: symbiose synth COMPANIES [FLOWS_PER_COMPANY] [--seed N]");
    ExitCode::from(2)
}
