//! `symbiose crossval [--json] [--tune]`: leave-one-case-out cross-validation of the knowledge
//! base; `--tune` runs the nested one (weights chosen on each fold's training cases).

use std::process::ExitCode;

use symbiose_core::kb::Weights;
use symbiose_core::kb::crossval::{
    CrossValidation, Level, Tuning, leave_one_case_out, leave_one_case_out_with, tune,
};

pub fn run(json: bool, tuning: bool) -> ExitCode {
    if tuning {
        return run_tune(json);
    }
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
    header(&runs[0]);
    table(&runs);
    ExitCode::SUCCESS
}

fn header(first: &CrossValidation) {
    println!(
        "MAESTRI, un cas d'étude retiré à la fois / one case study held out at a time: {} cas/cases, {} échanges évalués/exchanges evaluated, {} sans receveur connu/without known receiver",
        first.cases, first.evaluated, first.skipped_no_receiver
    );
}

fn table(runs: &[CrossValidation]) {
    println!(
        "{:<9} {:<6} {:>8} {:>8} {:>8}   {:>8} {:>8} {:>8}",
        "level", "rules", "R@1", "R@5", "R@10", "base@1", "base@5", "base@10"
    );
    for r in runs {
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
}

fn run_tune(json: bool) -> ExitCode {
    let tunings: Vec<Tuning> = [false, true].into_iter().map(tune).collect();
    let before: Vec<CrossValidation> = [
        (Level::Class, false),
        (Level::Class, true),
        (Level::Division, false),
        (Level::Division, true),
    ]
    .into_iter()
    .map(|(level, rules)| leave_one_case_out_with(level, rules, |_| Weights::BEFORE))
    .collect();
    if json {
        let out = serde_json::json!({ "before": before, "tuning": tunings });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    header(&before[0]);
    println!("\navant / before (Weights::BEFORE):");
    table(&before);
    let mut nested: Vec<CrossValidation> = tunings.iter().flat_map(|t| t.nested.clone()).collect();
    nested.sort_by_key(|r| (r.level == Level::Division, r.with_rules));
    println!(
        "\nimbriquée / nested (poids choisis sur les 29 autres cas / weights chosen on the 29 other cases):"
    );
    table(&nested);
    for t in &tunings {
        println!(
            "\nrules {}: choix par cas retiré / choice per held-out case:",
            t.with_rules
        );
        let mut counts: Vec<(Weights, usize)> = Vec::new();
        for (_, w) in &t.chosen {
            match counts.iter_mut().find(|(x, _)| x == w) {
                Some((_, n)) => *n += 1,
                None => counts.push((*w, 1)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        for (w, n) in counts {
            println!("  {n:>2} × {}", describe(&w));
        }
        println!(
            "  sur les 30 cas / on all 30 cases: {}{}",
            describe(&t.on_all_cases),
            if t.on_all_cases == Weights::default() {
                " (= Weights::default)"
            } else {
                " (≠ Weights::default)"
            }
        );
    }
    ExitCode::SUCCESS
}

fn describe(w: &Weights) -> String {
    format!(
        "donor {} words {} sharpen {} prior {} donor_only {} siblings {}",
        w.donor, w.words, w.sharpen, w.prior, w.donor_only, w.siblings
    )
}
