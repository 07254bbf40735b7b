//! Every text the core writes in both languages for the demonstration project (and a small
//! synthetic territory), compared with a snapshot: rewriting how a text is built (one builder
//! per language, the `bilingual!` macro) must not change one byte of what users read, and the
//! end-to-end tests match these texts. The pairs the regulatory rules refuse are kept too,
//! with their sentences.
//!
//! The demonstration's texts are kept in full, so a difference shows where; the synthetic
//! territory's, far more numerous, as one hash per proposal. After a deliberate change of
//! wording, regenerate with `SNAPSHOT_UPDATE=1 cargo test -p symbiose-core --test texts` and
//! review the diff of `tests/fixtures/texts.txt`.

use std::fmt::Write;

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};
use symbiose_core::detect::{self, Assumptions, Audience, synthetic};
use symbiose_core::factors::Factors;
use symbiose_core::import::companies;
use symbiose_core::kb::KnowledgeBase;
use symbiose_core::{Lang, Project, charts, demo, export, indicators};

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/texts.txt");

/// Every `{ "fr": …, "en": … }` inside a value, with its path: each `Bilingual` it holds.
fn bilinguals(value: &Value, path: &str, out: &mut String) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::String(fr)), Some(Value::String(en)), 2) =
                (map.get("fr"), map.get("en"), map.len())
            {
                writeln!(out, "{path}\n  fr: {fr}\n  en: {en}").unwrap();
                return;
            }
            for (k, v) in map {
                bilinguals(v, &format!("{path}.{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                bilinguals(v, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn texts_of(value: &impl Serialize, path: &str) -> String {
    let mut out = String::new();
    bilinguals(&serde_json::to_value(value).unwrap(), path, &mut out);
    out
}

fn detection(p: &Project) -> detect::Detection {
    refusals(p).0
}

/// The detection, and the pairs a regulatory rule refused.
fn refusals(p: &Project) -> (detect::Detection, Vec<detect::Refusal>) {
    detect::detect_with_refusals(
        p,
        &Assumptions::default(),
        Factors::bundled(),
        &KnowledgeBase::full(),
    )
}

/// A proposal's own texts and what each audience reads of it.
fn proposal_texts(p: &Project, proposal: &detect::Proposal) -> String {
    let mut out = texts_of(proposal, &proposal.key());
    for audience in [Audience::Facilitator, Audience::Public] {
        if let Some(r) = proposal.render(p, audience) {
            out += &texts_of(&r, &format!("{}/{audience:?}", proposal.key()));
        }
    }
    out
}

/// The first 8 bytes of the SHA-256 of `text`, in hexadecimal: enough to tell a change.
fn hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn snapshot() -> String {
    let mut out =
        String::from("# Demonstration: detection (the first proposals of each kind in full)\n");
    let p = demo::project();
    let (d, refused) = refusals(&p);
    let mut hashed = String::new();
    let mut shown = std::collections::HashMap::new();
    for proposal in &d.proposals {
        let texts = proposal_texts(&p, proposal);
        let count = shown.entry(format!("{:?}", proposal.kind)).or_insert(0);
        *count += 1;
        if *count <= 4 {
            out += &texts;
        } else {
            writeln!(hashed, "{} {}", proposal.key(), hash(&texts)).unwrap();
        }
    }
    out += "# Demonstration: every other proposal, one hash of its texts\n";
    out += &hashed;
    out += &texts_of(&d.mutualisations, "mutualisations");
    out += &texts_of(&d.factor_sources, "factor_sources");
    out += &texts_of(&d.not_counted, "not_counted");
    out += "# Demonstration: pairs refused by a regulatory rule\n";
    for r in &refused {
        out += &texts_of(&r.text, &format!("{} {:?}", r.key, r.rule));
    }

    out += "# Demonstration: indicators, funnel and CSV\n";
    let factors = Factors::bundled();
    out += &texts_of(&indicators::compute(&p, factors), "indicators");
    let steps = charts::funnel(&p, d.proposals.len());
    for (i, step) in steps.iter().enumerate() {
        writeln!(
            out,
            "funnel[{i}]\n  fr: {}\n  en: {}",
            step.label.fr, step.label.en
        )
        .unwrap();
    }
    for lang in [Lang::Fr, Lang::En] {
        writeln!(
            out,
            "funnel.svg {lang:?}\n{}",
            charts::funnel_svg(&steps, lang)
        )
        .unwrap();
        let csv = export::csv::indicators(&p, factors, lang);
        writeln!(out, "indicators.csv {lang:?}\n{csv}").unwrap();
    }

    out += "# Company import: the SIRENE sample and the template\n";
    let sirene = include_bytes!("fixtures/sirene_sample.csv");
    // One row per fault the import names: field count, SIRET, NAF, position, duplicate.
    let faulty = "nom;siret;naf;adresse;commune;lat;lon\n\
        A;12002701600018;10.39B;;Biguglia;;\n\
        B;;99.99Q;;Furiani;;\n\
        C;;10.39B;;;x;y\n\
        D;;10.39B;;\n\
        E;;10.39B;;;;\n\
        F;55210055400013;10.39B;;;42,6;9,4\n\
        G;55210055400013;10.39B;;;42,6;9,4\n";
    let nomenclatures = sirene_reopened(
        std::str::from_utf8(sirene).unwrap(),
        &[
            ("00541042800014", "70.2C", "NAF1993"),
            ("00542004700010", "45.3F", "NAFRev1"),
            ("00541051900010", "62.11", "NAP"),
            ("00541050100018", "10.71C", "NAF2025"),
            ("00541052700013", "10.71C", "NACE2"),
            ("00541066700017", "10.71C", ""),
            ("00541158200017", "68.20B", "NAFRev2"),
        ],
    );
    for (name, bytes) in [
        ("sirene_sample.csv", &sirene[..]),
        ("template", companies::TEMPLATE_CSV.as_bytes()),
        ("faulty", faulty.as_bytes()),
        ("nomenclatures", nomenclatures.as_bytes()),
    ] {
        let preview = companies::parse(bytes, &p).unwrap();
        for lang in [Lang::Fr, Lang::En] {
            for row in preview.listing(lang, usize::MAX) {
                writeln!(
                    out,
                    "{name} {lang:?} {} {:?} {} | {}",
                    row.line, row.kind, row.name, row.note
                )
                .unwrap();
            }
        }
    }

    out += "# Synthetic territory (300 flows, seed 5): one hash per proposal's texts\n";
    let t = synthetic::territory(300, 5);
    let d = detection(&t);
    for proposal in &d.proposals {
        writeln!(
            out,
            "{} {}",
            proposal.key(),
            hash(&proposal_texts(&t, proposal))
        )
        .unwrap();
    }
    let rest = texts_of(&d.mutualisations, "mutualisations") + &texts_of(&d.factor_sources, "f");
    writeln!(out, "mutualisations and sources {}", hash(&rest)).unwrap();
    out
}

/// The sample's rows of these SIRETs, reopened and named after their SIRET, with the activity
/// code and nomenclature given: one row per value of SIRENE's nomenclature column.
fn sirene_reopened(sample: &str, rows: &[(&str, &str, &str)]) -> String {
    let mut lines = sample.lines();
    let header = lines.next().unwrap();
    let names: Vec<&str> = header.split(',').collect();
    let col = |name: &str| names.iter().position(|h| *h == name).unwrap();
    let body: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let mut out = format!("{header}\n");
    for (siret, code, nomenclature) in rows {
        let mut fields = body
            .iter()
            .find(|f| f[col("siret")] == *siret)
            .unwrap()
            .clone();
        let name = format!("SITE {siret}");
        fields[col("etatAdministratifEtablissement")] = "A";
        fields[col("enseigne1Etablissement")] = &name;
        fields[col("activitePrincipaleEtablissement")] = code;
        fields[col("nomenclatureActivitePrincipaleEtablissement")] = nomenclature;
        out += &(fields.join(",") + "\n");
    }
    out
}

#[test]
fn texts_are_those_of_the_snapshot() {
    let now = snapshot();
    if std::env::var_os("SNAPSHOT_UPDATE").is_some() {
        std::fs::write(SNAPSHOT, &now).unwrap();
        return;
    }
    let saved = std::fs::read_to_string(SNAPSHOT)
        .expect("tests/fixtures/texts.txt is missing: run with SNAPSHOT_UPDATE=1");
    for (i, (a, b)) in saved.lines().zip(now.lines()).enumerate() {
        assert_eq!(a, b, "line {} of tests/fixtures/texts.txt differs", i + 1);
    }
    assert_eq!(
        saved.lines().count(),
        now.lines().count(),
        "not as many lines"
    );
}
