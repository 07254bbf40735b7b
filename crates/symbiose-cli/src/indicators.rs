//! `symbiose indicators FILE [--json]`: the dashboard figures of a project file.

use std::path::Path;
use std::process::ExitCode;

use symbiose_core::Lang;
use symbiose_core::factors::Factors;
use symbiose_core::indicators::compute;
use symbiose_core::indicators::elipse::value_text;

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
    // The set a funder reviews, axis by axis (ELIPSE); "—" where nothing is recorded yet.
    let mut axis = None;
    for i in &ind.elipse {
        if axis != Some(i.axis) {
            axis = Some(i.axis);
            println!(
                "ELIPSE : {} / {}",
                i.axis.label(Lang::Fr),
                i.axis.label(Lang::En)
            );
        }
        println!(
            "  {:>12} {:<14} {} [{}]",
            value_text(i, Lang::Fr),
            i.unit.fr,
            i.label.fr,
            i.code
        );
    }
    ExitCode::SUCCESS
}
