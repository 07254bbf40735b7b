//! `symbiose crossval [--json]`: leave-one-case-out cross-validation of the knowledge base.

use std::process::ExitCode;

use symbiose_core::kb::crossval::{Level, leave_one_case_out};

pub fn run(json: bool) -> ExitCode {
    let runs: Vec<_> = [
        (Level::Class, false),
        (Level::Class, true),
        (Level::Division, false),
        (Level::Division, true),
    ]
    .into_iter()
    .map(|(level, rules)| leave_one_case_out(level, rules))
    .collect();
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&runs).unwrap_or_default()
        );
        return ExitCode::SUCCESS;
    }
    let first = &runs[0];
    println!(
        "MAESTRI, un cas d'étude retiré à la fois / one case study held out at a time: {} cas/cases, {} échanges évalués/exchanges evaluated, {} sans receveur connu/without known receiver",
        first.cases, first.evaluated, first.skipped_no_receiver
    );
    println!(
        "{:<9} {:<6} {:>8} {:>8} {:>8}   {:>8} {:>8} {:>8}",
        "level", "rules", "R@1", "R@5", "R@10", "base@1", "base@5", "base@10"
    );
    for r in &runs {
        println!(
            "{:<9} {:<6} {:>8.3} {:>8.3} {:>8.3}   {:>8.3} {:>8.3} {:>8.3}",
            format!("{:?}", r.level).to_lowercase(),
            r.with_rules,
            r.recall_at_1,
            r.recall_at_5,
            r.recall_at_10,
            r.baseline_at_1,
            r.baseline_at_5,
            r.baseline_at_10
        );
    }
    ExitCode::SUCCESS
}
