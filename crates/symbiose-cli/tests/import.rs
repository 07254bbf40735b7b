//! `symbiose import companies|flows` from the outside: the verdicts it prints, the file it
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
