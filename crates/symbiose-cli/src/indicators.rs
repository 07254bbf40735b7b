//! `symbiose indicators FILE [--json]`: the dashboard figures of a project file.

use std::path::Path;
use std::process::ExitCode;

use symbiose_core::factors::Factors;
use symbiose_core::indicators::compute;

pub fn run(file: &Path, json: bool) -> ExitCode {
    let project = match crate::load::project_or_exit(file) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let ind = compute(&project, Factors::bundled());
    if json {
        println!("{}", serde_json::to_string_pretty(&ind).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    for (title, list) in [
        ("Réalisé / achieved", &ind.achieved),
        ("Potentiel / potential", &ind.potential),
    ] {
        println!("{title}");
        for i in list {
            println!(
                "  {:>12.1} {:<9} {} ({} synergie(s) renseignée(s), {} sans donnée)",
                i.value, i.unit, i.label.fr, i.with_data, i.without_data
            );
        }
    }
    for s in &ind.by_stage {
        println!("  {:<16} {}", s.label.fr, s.synergies);
    }
    println!(
        "  Entreprises engagées / companies engaged: {}",
        ind.actors_engaged
    );
    ExitCode::SUCCESS
}
