//! Every user-facing error of the core, one value per variant, read in both languages: the
//! messages are compared with a snapshot (a refactoring of how they are built must not change
//! a word), and each language's must stand alone, never both joined by " / ".
//!
//! After a deliberate change of wording, regenerate with
//! `SNAPSHOT_UPDATE=1 cargo test -p symbiose-core messages_tests` and review the diff of
//! `tests/fixtures/messages.txt`.

use std::fmt::Write;

use crate::Lang;
use crate::edit::EditError;
use crate::export::roadmap::RoadmapError;
use crate::format::json::{FaultKind, JsonFault};
use crate::format::repair::Why;
use crate::format::{LoadError, envelope};
use crate::import::companies::ImportError;
use crate::import::text::NotUtf8;
use crate::model::Siret;
use crate::validate::Problem;

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/messages.txt");

type Message = Box<dyn Fn(Lang) -> String>;

fn problems() -> Vec<Problem> {
    vec![
        Problem::new("flows[3].quantity", "valeur négative", "negative value"),
        Problem::new("actors[0].id", "identifiant vide", "empty id"),
    ]
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

/// Each error with a name for the snapshot. Ids hold " / " on purpose: a message splitting
/// "fr / en" text would cut them.
fn samples() -> Vec<(&'static str, Message)> {
    fn m<E: 'static>(e: E, f: fn(&E, Lang) -> String) -> Message {
        Box::new(move |lang| f(&e, lang))
    }
    let load = |e: LoadError| m(e, LoadError::message);
    let roadmap = envelope::ROADMAP.type_name;
    vec![
        (
            "SiretError::Length",
            m(Siret::parse("123").unwrap_err(), |e, l| e.message(l)),
        ),
        (
            "SiretError::Checksum",
            m(Siret::parse("12002701600018").unwrap_err(), |e, l| {
                e.message(l)
            }),
        ),
        (
            "EditError::Unknown",
            m(
                EditError::unknown(("flux", "flow"), "f / 1"),
                EditError::message,
            ),
        ),
        (
            "EditError::DuplicateId",
            m(EditError::DuplicateId("a / b".into()), EditError::message),
        ),
        (
            "EditError::EmptyId",
            m(EditError::EmptyId, EditError::message),
        ),
        (
            "EditError::OutOfRange",
            m(
                EditError::OutOfRange { index: 4, len: 2 },
                EditError::message,
            ),
        ),
        (
            "EditError::MissingAbandonReason",
            m(EditError::MissingAbandonReason, EditError::message),
        ),
        (
            "EditError::Invalid",
            m(EditError::Invalid(problems()), EditError::message),
        ),
        ("Why::NotAList", m(Why::NotAList, Why::message)),
        ("Why::UnknownField", m(Why::UnknownField, Why::message)),
        (
            "Why::BadValue (no path)",
            m(
                Why::BadValue {
                    path: String::new(),
                    detail: "expected f64".into(),
                },
                Why::message,
            ),
        ),
        (
            "Why::BadValue",
            m(
                Why::BadValue {
                    path: "quantity".into(),
                    detail: "expected f64".into(),
                },
                Why::message,
            ),
        ),
        (
            "Why::DuplicateId",
            m(Why::DuplicateId("a / b".into()), Why::message),
        ),
        (
            "JsonFault::Syntax",
            m(json_fault(FaultKind::Syntax), JsonFault::message),
        ),
        (
            "JsonFault::DuplicateKey",
            m(
                json_fault(FaultKind::DuplicateKey("name".into())),
                JsonFault::message,
            ),
        ),
        (
            "JsonFault::TooDeep",
            m(json_fault(FaultKind::TooDeep), JsonFault::message),
        ),
        (
            "JsonFault::NumberTooLarge",
            m(json_fault(FaultKind::NumberTooLarge), JsonFault::message),
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
                detail: "no flows / list".into(),
            }),
        ),
        (
            "LoadError::Shape",
            load(LoadError::Shape {
                path: "flows[2]".into(),
                detail: "a / b".into(),
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
            m(
                RoadmapError::File(LoadError::BadVersion),
                RoadmapError::message,
            ),
        ),
        (
            "RoadmapError::Conflict",
            m(
                RoadmapError::Conflict(EditError::unknown(("entreprise", "company"), "a / 9")),
                RoadmapError::message,
            ),
        ),
        (
            "RoadmapError::Invalid",
            m(RoadmapError::Invalid(problems()), RoadmapError::message),
        ),
        (
            "ImportError::NotText",
            m(ImportError::NotText(not_utf8(false)), ImportError::message),
        ),
        (
            "ImportError::Empty",
            m(ImportError::Empty, ImportError::message),
        ),
        (
            "ImportError::UnknownColumns",
            m(
                ImportError::UnknownColumns {
                    found: vec!["a".into(), "b / c".into()],
                },
                ImportError::message,
            ),
        ),
        (
            "ImportError::Csv",
            m(
                ImportError::Csv {
                    line: 7,
                    detail: "found record with 3 fields".into(),
                },
                ImportError::message,
            ),
        ),
        ("NotUtf8 (UTF-16)", m(not_utf8(true), NotUtf8::message)),
        ("NotUtf8", m(not_utf8(false), NotUtf8::message)),
    ]
}

#[test]
fn messages_are_those_of_the_snapshot() {
    let mut now = String::new();
    for (name, message) in samples() {
        let (fr, en) = (message(Lang::Fr), message(Lang::En));
        writeln!(now, "{name}\n  fr: {fr}\n  en: {en}").unwrap();
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
