//! `symbiose import companies|flows|actions` from the outside: the verdicts it prints, the file it
//! writes, its exit codes, and that a refused import writes nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

use symbiose_core::format;

const CORE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../symbiose-core");

fn symbiose(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_symbiose"))
        .args(args)
        .output()
        .expect("the binary runs");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

/// A copy of the demonstration project in a fresh temporary file.
fn demo_copy(name: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("symbiose-cli-{}-{name}", std::process::id()));
    std::fs::copy(format!("{CORE}/data/demo_za.json"), &path).unwrap();
    path
}

fn flows_of(path: &Path) -> Vec<symbiose_core::Flow> {
    let text = std::fs::read_to_string(path).unwrap();
    format::load_project(&text).unwrap().value.flows
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn flows_from_a_workbook_with_a_bad_row_go_in_and_the_bad_row_is_named() {
    let project = demo_copy("xlsx.json");
    let before = flows_of(&project).len();
    let fixture = format!("{CORE}/tests/fixtures/flux.xlsx");
    let (code, text) = symbiose(&["import", "flows", &fixture, "--into", s(&project)]);
    assert_eq!(code, 0, "{text}");
    for expected in [
        "Classeur Excel, première feuille « Flux », en-tête à la ligne 3",
        "3 prête(s), 0 écartée(s), 1 en erreur",
        "ligne 6, colonne Quantité : « environ 300 » n'est pas un nombre",
        "prête    Serres de Casatorra — Chaleur basse température pour les semis",
        "3 flux ajouté(s)",
    ] {
        assert!(text.contains(expected), "{expected:?} missing in:\n{text}");
    }
    // Written in place, through the loader: the three flows, on their companies.
    let flows = flows_of(&project);
    assert_eq!(flows.len(), before + 3);
    let heat = flows
        .iter()
        .find(|f| f.label == "Chaleur basse température pour les semis")
        .unwrap();
    assert_eq!(heat.actor.as_str(), "a-17");
    std::fs::remove_file(project).ok();
}

#[test]
fn a_second_import_of_the_same_file_adds_nothing_and_fails() {
    let project = demo_copy("twice.json");
    let out = project.with_extension("out.json");
    let template = format!("{CORE}/data/template_flux.csv");
    let (code, text) = symbiose(&[
        "import",
        "flows",
        &template,
        "--into",
        s(&project),
        "-o",
        s(&out),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("3 ready, 0 skipped, 0 with errors"), "{text}");
    assert_eq!(
        std::fs::read(&project).unwrap(),
        std::fs::read(format!("{CORE}/data/demo_za.json")).unwrap(),
        "-o leaves the project file as it was"
    );
    let written = std::fs::read(&out).unwrap();
    let (code, text) = symbiose(&["import", "flows", &template, "--into", s(&out)]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("déjà dans le projet"), "{text}");
    assert!(
        text.contains("Aucune ligne prête : rien n'a été écrit."),
        "{text}"
    );
    assert_eq!(std::fs::read(&out).unwrap(), written, "nothing written");
    std::fs::remove_file(project).ok();
    std::fs::remove_file(out).ok();
}

#[test]
fn unreadable_files_and_projects_exit_1_and_write_nothing() {
    let project = demo_copy("bad.json");
    let original = std::fs::read(&project).unwrap();
    let pdf = std::env::temp_dir().join(format!("symbiose-cli-{}-x.pdf", std::process::id()));
    std::fs::write(&pdf, b"%PDF-1.7\n").unwrap();
    let (code, text) = symbiose(&["import", "flows", s(&pdf), "--into", s(&project)]);
    assert_eq!(code, 1);
    assert!(
        text.contains("ni un CSV ni un classeur Excel (.xlsx)"),
        "{text}"
    );
    let (code, text) = symbiose(&["import", "flows", "/nonexistent.csv", "--into", s(&project)]);
    assert_eq!(code, 1);
    assert!(text.contains("impossible de lire"), "{text}");
    let (code, _) = symbiose(&["import", "flows", s(&pdf), "--into", "/nonexistent.json"]);
    assert_eq!(code, 1);
    assert_eq!(std::fs::read(&project).unwrap(), original);
    std::fs::remove_file(project).ok();
    std::fs::remove_file(pdf).ok();
}

#[test]
fn companies_from_the_template_go_in_through_the_same_core_import() {
    let project = demo_copy("companies.json");
    let template = format!("{CORE}/data/template_entreprises.csv");
    let (code, text) = symbiose(&["import", "companies", &template, "--into", s(&project)]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("2 prête(s), 0 écartée(s), 0 en erreur"),
        "{text}"
    );
    assert!(text.contains("Atelier de réemploi (exemple) : placée au centre de Furiani"));
    let loaded = format::load_project(&std::fs::read_to_string(&project).unwrap())
        .unwrap()
        .value;
    assert_eq!(loaded.actors.len(), 42);
    assert!(
        loaded
            .actors
            .iter()
            .any(|a| a.name == "Conserverie du Golo (exemple)")
    );
    std::fs::remove_file(project).ok();
}

#[test]
fn an_earlier_action_plan_goes_into_the_roadmap_with_its_statuses_and_origin() {
    let project = demo_copy("plan.json");
    let plan = std::env::temp_dir().join(format!("symbiose-cli-{}-plan.csv", std::process::id()));
    // The template's three actions, an action whose aids exceed its eligible cost, one
    // without an origin (it takes --origin).
    let mut csv =
        std::fs::read_to_string(format!("{CORE}/data/template_plan_actions.csv")).unwrap();
    csv.push_str("Étude de la chaleur fatale;réalisée;;Laiterie;;3;;2016;;20000;;10000;Étude / AMO;;6000;6000;;;;versée;\n");
    csv.push_str(
        "Achats groupés d'emballages;à relancer;;Club d'entreprises;;3;;2017;;0;;;;;;;;;;;\n",
    );
    std::fs::write(&plan, csv).unwrap();
    let (code, text) = symbiose(&[
        "import",
        "actions",
        s(&plan),
        "--into",
        s(&project),
        "--origin",
        "Plan 2015 (tableur)",
    ]);
    assert_eq!(code, 0, "{text}");
    for expected in [
        "CSV (UTF-8), en-tête à la ligne 1",
        "4 prête(s), 0 écartée(s), 1 en erreur",
        "ligne 5, colonne dépense éligible € HT : aides",
        "prête    Bourse d'échange de palettes — À relancer (Plan d'actions 2015)",
        "Achats groupés d'emballages — À relancer (Plan 2015 (tableur))",
        "4 action(s) ajoutée(s) à la feuille de route",
    ] {
        assert!(text.contains(expected), "{expected:?} missing in:\n{text}");
    }
    let text = std::fs::read_to_string(&project).unwrap();
    let actions = format::load_project(&text).unwrap().value.actions;
    let relaunched: Vec<&str> = actions
        .iter()
        .filter(|a| a.status == symbiose_core::model::ActionStatus::ToRelaunch)
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(
        relaunched,
        vec![
            "Bourse d'échange de palettes",
            "Achats groupés d'emballages"
        ]
    );
    std::fs::remove_file(project).ok();
    std::fs::remove_file(plan).ok();
}
