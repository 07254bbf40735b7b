//! Every user-facing error of the core, one value per variant, read through [`UserMessage`]:
//! the messages are compared with a snapshot (a refactoring of how they are built must not
//! change a word), and each language's must stand alone, never both joined by " / ".
//!
//! After a deliberate change of wording, regenerate with
//! `SNAPSHOT_UPDATE=1 cargo test -p symbiose-core messages_tests` and review the diff of
//! `tests/fixtures/messages.txt`.

use std::fmt::Write;

use crate::edit::EditError;
use crate::edit::questionnaire::NeedsResolution;
use crate::export::roadmap::RoadmapError;
use crate::factors::FactorError;
use crate::format::fault::{Expected, Fault, Found};
use crate::format::json::{FaultKind, JsonFault};
use crate::format::repair::Why;
use crate::format::{LoadError, envelope};
use crate::import::companies::{ImportError, NafNotRev2, OtherNomenclature};
use crate::import::flows;
use crate::import::preview::Items;
use crate::import::table::{OtherKind, TableError};
use crate::import::text::NotUtf8;
use crate::model::{Date, Siret};
use crate::optimise::OptimiseError;
use crate::validate::Problem;
use crate::{Lang, UserMessage};

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/messages.txt");

fn problems() -> Vec<Problem> {
    vec![
        Problem::new("flows[3].quantity", "valeur négative", "negative value"),
        Problem::new("actors[0].id", "identifiant vide", "empty id"),
    ]
}

fn expected(found: Found, expected: Expected) -> Fault {
    Fault::Expected { found, expected }
}

/// A fault for each thing a file may hold, and one for each thing a field may take.
fn every_found_and_expected() -> Vec<(&'static str, Box<dyn UserMessage>)> {
    let found = [
        ("Fault::Expected found Text", Found::Text("x".into())),
        ("Fault::Expected found Number", Found::Number("3.5".into())),
        ("Fault::Expected found Bool", Found::Bool("true".into())),
        ("Fault::Expected found Null", Found::Null),
        ("Fault::Expected found List", Found::List),
        ("Fault::Expected found Object", Found::Object),
        ("Fault::Expected found Length", Found::Length("2".into())),
        (
            "Fault::Expected found Other",
            Found::Other("unit variant".into()),
        ),
    ];
    let wanted = [
        ("Fault::Expected Number", Expected::Number),
        ("Fault::Expected Whole", Expected::Whole),
        ("Fault::Expected Text", Expected::Text),
        ("Fault::Expected Bool", Expected::Bool),
        ("Fault::Expected List", Expected::List),
        (
            "Fault::Expected Record",
            Expected::Record("Position".into()),
        ),
        (
            "Fault::Expected Record (unnamed)",
            Expected::Record(String::new()),
        ),
        ("Fault::Expected Choice", Expected::Choice),
        (
            "Fault::Expected Other",
            Expected::Other("a tuple of size 2".into()),
        ),
    ];
    let found = found.into_iter().map(|(name, f)| {
        (
            name,
            Box::new(expected(f, Expected::Text)) as Box<dyn UserMessage>,
        )
    });
    let wanted = wanted.into_iter().map(|(name, e)| {
        (
            name,
            Box::new(expected(Found::Null, e)) as Box<dyn UserMessage>,
        )
    });
    found.chain(wanted).collect()
}

fn json_fault(kind: FaultKind) -> JsonFault {
    JsonFault {
        line: 3,
        column: 14,
        kind,
    }
}

fn not_utf8(utf16: bool) -> NotUtf8 {
    NotUtf8 {
        offset: 17,
        line: 2,
        column: 5,
        byte: 0xE9,
        utf16,
    }
}

fn not_rev2(nomenclature: OtherNomenclature, code: &str) -> NafNotRev2 {
    NafNotRev2 {
        nomenclature,
        code: code.into(),
    }
}

/// Each error with a name for the snapshot. The ids and details hold `sep`: " / " for the
/// snapshot, since a message splitting "fr / en" text would cut them; something else where
/// the messages are searched for " / ".
fn samples(sep: &str) -> Vec<(&'static str, Box<dyn UserMessage>)> {
    fn b(e: impl UserMessage + 'static) -> Box<dyn UserMessage> {
        Box::new(e)
    }
    let slashed = |a: &str, b: &str| format!("{a}{sep}{b}");
    let roadmap = envelope::ROADMAP.type_name;
    let load = |e: LoadError| b(e);
    vec![
        ("SiretError::Length", b(Siret::parse("123").unwrap_err())),
        (
            "SiretError::Checksum",
            b(Siret::parse("12002701600018").unwrap_err()),
        ),
        (
            "EditError::Unknown",
            b(EditError::unknown(("flux", "flow"), slashed("f", "1"))),
        ),
        (
            "EditError::DuplicateId",
            b(EditError::DuplicateId(slashed("a", "b"))),
        ),
        ("EditError::EmptyId", b(EditError::EmptyId)),
        (
            "EditError::OutOfRange",
            b(EditError::OutOfRange { index: 4, len: 2 }),
        ),
        (
            "EditError::MissingAbandonReason",
            b(EditError::MissingAbandonReason),
        ),
        ("EditError::Invalid", b(EditError::Invalid(problems()))),
        ("Why::NotAList", b(Why::NotAList)),
        ("Why::UnknownField", b(Why::UnknownField)),
        (
            "Why::BadValue (no path)",
            b(Why::BadValue {
                path: String::new(),
                fault: expected(Found::Text("beaucoup".into()), Expected::Number),
            }),
        ),
        (
            "Why::BadValue",
            b(Why::BadValue {
                path: "quantity".into(),
                fault: expected(
                    Found::Text("beaucoup".into()),
                    Expected::Record("Quantity".into()),
                ),
            }),
        ),
        (
            "Fault::UnknownChoice",
            b(Fault::UnknownChoice {
                given: "tonnes".into(),
                allowed: vec!["t".into(), "kg".into()],
            }),
        ),
        (
            "Fault::UnknownChoice (no list)",
            b(Fault::UnknownChoice {
                given: "tonnes".into(),
                allowed: Vec::new(),
            }),
        ),
        ("Fault::Missing", b(Fault::Missing("unit".into()))),
        (
            "Fault::UnknownKey",
            b(Fault::UnknownKey {
                key: "qty".into(),
                allowed: vec!["id".into(), "quantity".into()],
            }),
        ),
        ("Fault::Repeated", b(Fault::Repeated("id".into()))),
        (
            "Fault::Date",
            b(Fault::Date(crate::model::DateError("2026-13-01".into()))),
        ),
        (
            "Fault::Siret",
            b(Fault::Siret(crate::model::SiretError::Length(
                "1234".into(),
            ))),
        ),
        ("Fault::Month", b(Fault::Month("13".into()))),
        ("Fault::Other", b(Fault::Other("a tuple of size 2".into()))),
        ("Why::DuplicateId", b(Why::DuplicateId(slashed("a", "b")))),
        ("JsonFault::Syntax", b(json_fault(FaultKind::Syntax))),
        (
            "JsonFault::DuplicateKey",
            b(json_fault(FaultKind::DuplicateKey("name".into()))),
        ),
        ("JsonFault::TooDeep", b(json_fault(FaultKind::TooDeep))),
        (
            "JsonFault::NumberTooLarge",
            b(json_fault(FaultKind::NumberTooLarge)),
        ),
        (
            "LoadError::TooLarge",
            load(LoadError::TooLarge { bytes: 31_457_281 }),
        ),
        (
            "LoadError::Malformed",
            load(LoadError::Malformed(json_fault(FaultKind::Syntax))),
        ),
        (
            "LoadError::NotSymbiose (roadmap)",
            load(LoadError::NotSymbiose { expected: roadmap }),
        ),
        (
            "LoadError::NotSymbiose",
            load(LoadError::NotSymbiose {
                expected: "symbiose-project",
            }),
        ),
        (
            "LoadError::WrongKind (roadmap expected)",
            load(LoadError::WrongKind {
                found: "symbiose-project".into(),
                expected: roadmap,
            }),
        ),
        (
            "LoadError::WrongKind (roadmap found)",
            load(LoadError::WrongKind {
                found: roadmap.into(),
                expected: "symbiose-project",
            }),
        ),
        (
            "LoadError::WrongKind",
            load(LoadError::WrongKind {
                found: "symbiose-questionnaire".into(),
                expected: "symbiose-project",
            }),
        ),
        ("LoadError::BadVersion", load(LoadError::BadVersion)),
        (
            "LoadError::TooNew",
            load(LoadError::TooNew {
                version: 9,
                newest: 4,
            }),
        ),
        (
            "LoadError::Missing",
            load(LoadError::Missing { key: "project" }),
        ),
        (
            "LoadError::Migration",
            load(LoadError::Migration {
                from: 1,
                path: "territory.communes[1]".into(),
                fault: expected(Found::Number("3".into()), Expected::Text),
            }),
        ),
        (
            "LoadError::Shape",
            load(LoadError::Shape {
                path: "project.flows[2].quantity".into(),
                fault: expected(
                    Found::Text("beaucoup".into()),
                    Expected::Record("Quantity".into()),
                ),
            }),
        ),
        ("LoadError::Invalid", load(LoadError::Invalid(problems()))),
        (
            "LoadError::Damaged",
            load(LoadError::Damaged {
                detail: "bad base64".into(),
            }),
        ),
        (
            "RoadmapError::File",
            b(RoadmapError::File(LoadError::BadVersion)),
        ),
        (
            "RoadmapError::Conflict",
            b(RoadmapError::Conflict(EditError::unknown(
                ("entreprise", "company"),
                slashed("a", "9"),
            ))),
        ),
        (
            "RoadmapError::Invalid",
            b(RoadmapError::Invalid(problems())),
        ),
        (
            "ImportError::NotText",
            b(ImportError::NotText(not_utf8(false))),
        ),
        ("ImportError::Empty", b(ImportError::Empty)),
        (
            "ImportError::UnknownColumns",
            b(ImportError::UnknownColumns {
                found: vec!["a".into(), slashed("b", "c")],
            }),
        ),
        (
            "ImportError::Csv",
            b(ImportError::Csv {
                line: 7,
                detail: "found record with 3 fields".into(),
            }),
        ),
        (
            "flows::ImportError::Unreadable (not text)",
            b(flows::ImportError::Unreadable(TableError::NotText(
                not_utf8(true),
            ))),
        ),
        (
            "flows::ImportError::Empty",
            b(flows::ImportError::Empty(Items::Flows)),
        ),
        (
            "flows::ImportError::NoHeader",
            b(flows::ImportError::NoHeader {
                what: Items::Flows,
                found: vec!["nom".into(), slashed("a", "b")],
            }),
        ),
        (
            "actions::ImportError::Empty",
            b(flows::ImportError::Empty(Items::Actions)),
        ),
        (
            "actions::ImportError::NoHeader",
            b(flows::ImportError::NoHeader {
                what: Items::Actions,
                found: vec!["titre".into(), slashed("a", "b")],
            }),
        ),
        (
            "TableError::Other (xls)",
            b(TableError::Other(OtherKind::Xls)),
        ),
        (
            "TableError::Other (ods)",
            b(TableError::Other(OtherKind::OpenDocument)),
        ),
        (
            "TableError::Other (archive)",
            b(TableError::Other(OtherKind::Archive)),
        ),
        (
            "TableError::Other (pdf)",
            b(TableError::Other(OtherKind::Pdf)),
        ),
        (
            "TableError::Other (binary)",
            b(TableError::Other(OtherKind::Binary)),
        ),
        (
            "TableError::Csv",
            b(TableError::Csv {
                line: 3,
                detail: "found record with 3 fields".into(),
            }),
        ),
        (
            "TableError::Xlsx",
            b(TableError::Xlsx(
                "Xml error: missing xl/workbook.xml".into(),
            )),
        ),
        ("NotUtf8 (UTF-16)", b(not_utf8(true))),
        ("NotUtf8", b(not_utf8(false))),
        (
            "NafNotRev2 (NAF rév. 1)",
            b(not_rev2(OtherNomenclature::NafRev1, "45.3F")),
        ),
        (
            "NafNotRev2 (NAF 1993)",
            b(not_rev2(OtherNomenclature::Naf1993, "70.2C")),
        ),
        (
            "NafNotRev2 (NAP)",
            b(not_rev2(OtherNomenclature::Nap, "62.11")),
        ),
        (
            "NafNotRev2 (NAF 2025)",
            b(not_rev2(OtherNomenclature::Naf2025, "10.71C")),
        ),
        (
            "NafNotRev2 (unknown)",
            b(not_rev2(
                OtherNomenclature::Unknown(slashed("NACE", "2")),
                "10.71C",
            )),
        ),
        (
            "NafNotRev2 (empty)",
            b(not_rev2(
                OtherNomenclature::Unknown(String::new()),
                "10.71C",
            )),
        ),
        ("DateError", b("2026-02-30".parse::<Date>().unwrap_err())),
        (
            "FactorError::Missing",
            b(FactorError::Missing("Gaz naturel".into())),
        ),
        (
            "FactorError::Csv",
            b(FactorError::Csv {
                line: 4,
                message: "missing field `value`".into(),
            }),
        ),
        ("OptimiseError", b(OptimiseError::new("infeasible"))),
        ("NeedsResolution", b(NeedsResolution)),
    ]
    .into_iter()
    .chain(every_found_and_expected())
    .collect()
}

#[test]
fn messages_are_those_of_the_snapshot() {
    let mut now = String::new();
    for (name, e) in samples(" / ") {
        let m = e.message();
        writeln!(now, "{name}\n  fr: {}\n  en: {}", m.fr, m.en).unwrap();
    }
    if std::env::var_os("SNAPSHOT_UPDATE").is_some() {
        std::fs::write(SNAPSHOT, &now).unwrap();
        return;
    }
    let saved = std::fs::read_to_string(SNAPSHOT)
        .expect("tests/fixtures/messages.txt is missing: run with SNAPSHOT_UPDATE=1");
    for (i, (a, b)) in saved.lines().zip(now.lines()).enumerate() {
        assert_eq!(
            a,
            b,
            "line {} of tests/fixtures/messages.txt differs",
            i + 1
        );
    }
    assert_eq!(
        saved.lines().count(),
        now.lines().count(),
        "not as many lines"
    );
}

/// Each language's message stands alone: French and English differ, neither holds the two
/// joined by " / ", and `Display` (for developers) is English, not both.
#[test]
fn each_language_has_its_own_message() {
    for (name, e) in samples("-") {
        let m = e.message();
        assert_ne!(m.fr, m.en, "{name}: the same text in both languages");
        for text in [&m.fr, &m.en, &e.to_string()] {
            assert!(!text.contains(" / "), "{name}: two languages in {text:?}");
        }
        assert!(!m.fr.is_empty() && !m.en.is_empty(), "{name}");
        assert_eq!(e.message_in(Lang::Fr), m.fr, "{name}");
        assert_eq!(e.message_in(Lang::En), m.en, "{name}");
    }
}
