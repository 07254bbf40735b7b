use super::*;
use crate::import::companies::{ImportPreview, RowKind, RowOutcome, parse};
use crate::model::{Actor, Project};
use crate::refdata::naf;

const SAMPLE: &str = include_str!("../../../../tests/fixtures/sirene_sample.csv");

const HEADER: &str = "nomenclatureActivitePrincipaleEtablissement";

/// `csv` (fields without quotes, as the sample's) without the nomenclature column.
fn without_column(csv: &str) -> String {
    let header = csv.lines().next().unwrap();
    let at = header.split(',').position(|h| h == HEADER).unwrap();
    csv.lines()
        .map(|l| {
            let mut fields: Vec<&str> = l.split(',').collect();
            fields.remove(at);
            fields.join(",") + "\n"
        })
        .collect()
}

/// Real rows of the SIRENE sample, by SIRET, reopened (the sample's old-nomenclature rows are
/// all closed, so skipped before their code is read), named, with the code and nomenclature
/// given; under the sample's header, without the nomenclature column when `column` is false.
fn sample_rows(rows: &[(&str, &str, &str, &str)], column: bool) -> Vec<u8> {
    let mut lines = SAMPLE.lines();
    let header = lines.next().unwrap();
    let names: Vec<&str> = header.split(',').collect();
    let col = |name: &str| names.iter().position(|h| *h == name).unwrap();
    let (siret, state, sign) = (
        col("siret"),
        col("etatAdministratifEtablissement"),
        col("enseigne1Etablissement"),
    );
    let (code, nomenclature) = (col("activitePrincipaleEtablissement"), col(HEADER));
    let body: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let mut out = format!("{header}\n");
    for (s, name, c, n) in rows {
        let mut fields = body.iter().find(|f| f[siret] == *s).unwrap().clone();
        fields[state] = "A";
        fields[sign] = name;
        fields[code] = c;
        fields[nomenclature] = n;
        out += &(fields.join(",") + "\n");
    }
    if column { out } else { without_column(&out) }.into_bytes()
}

fn ready(p: &ImportPreview) -> Vec<(&Actor, &Vec<crate::Bilingual>)> {
    p.rows
        .iter()
        .map(|r| match r {
            RowOutcome::Ready {
                actor, warnings, ..
            } => (actor, warnings),
            other => panic!("{other:?}"),
        })
        .collect()
}

#[test]
fn the_column_is_read_as_sirene_writes_it_and_nothing_is_guessed() {
    for rev2 in ["NAFRev2", " nafrev2 ", "NAF rév. 2", "NAF_REV_2"] {
        assert_eq!(OtherNomenclature::read(rev2), None, "{rev2:?}");
    }
    for (value, read) in [
        ("NAFRev1", OtherNomenclature::NafRev1),
        ("NAF1993", OtherNomenclature::Naf1993),
        ("NAP", OtherNomenclature::Nap),
        ("NAPv2", OtherNomenclature::Nap),
        ("NAF2025", OtherNomenclature::Naf2025),
        ("naf 2025", OtherNomenclature::Naf2025),
    ] {
        assert_eq!(OtherNomenclature::read(value), Some(read), "{value:?}");
    }
    // Near misses stay unknown, as written: neither rév. 2 nor a neighbour.
    for value in ["NAFRev21", "NAF2", "NACE2", "NAF25", "Rev2", ""] {
        assert_eq!(
            OtherNomenclature::read(value),
            Some(OtherNomenclature::Unknown(value.trim().into())),
            "{value:?}"
        );
    }
}

#[test]
fn rev2_codes_are_taken_as_before_and_the_column_changes_nothing_for_them() {
    let csv = sample_rows(
        &[
            ("00541158200017", "AGENCE", "68.20B", "NAFRev2"),
            ("00541042800014", "CODE INCONNU", "99.99Z", "NAFRev2"),
            ("00541051900010", "CODE COMPACT", "1071c", "NAFRev2"),
        ],
        true,
    );
    let p = parse(&csv, &Project::default()).unwrap();
    let rows = ready(&p);
    let naf: Vec<Option<&str>> = rows.iter().map(|(a, ..)| a.naf.as_deref()).collect();
    assert_eq!(naf, [Some("68.20B"), Some("99.99Z"), Some("10.71C")]);
    assert!(rows.iter().all(|(a, _)| a.notes.is_empty()));
    assert_eq!(p.naf_not_rev2, 0);
    // A rév. 2 code missing from the table is kept and warned, as it always was.
    assert!(
        rows[1]
            .1
            .iter()
            .any(|w| w.fr == "code NAF « 99.99Z » inconnu, gardé")
    );
    assert!(
        rows[0]
            .1
            .iter()
            .chain(rows[2].1)
            .all(|w| !w.fr.contains("NAF"))
    );

    // The whole sample reads the same with and without the column: its open row is rév. 2,
    // its older codes are on closed rows.
    let sample = parse(SAMPLE.as_bytes(), &Project::default()).unwrap();
    assert_eq!(
        parse(without_column(SAMPLE).as_bytes(), &Project::default()).unwrap(),
        sample
    );
}

#[test]
fn older_nomenclatures_are_imported_with_the_code_in_the_notes_and_flagged() {
    let csv = sample_rows(
        &[
            ("00541042800014", "CONSEIL DINGEON", "70.2C", "NAF1993"),
            ("00542004700010", "GARAGE MARCADE", "45.3F", "NAFRev1"),
            ("00541051900010", "MAISON ALFRED", "62.11", "NAP"),
            // In the rév. 2 table, yet not read there: the file says NAF 1993.
            ("00541050100018", "HOTEL", "10.71C", "NAF1993"),
        ],
        true,
    );
    assert!(naf::lookup("10.71C").is_some());
    let p = parse(&csv, &Project::default()).unwrap();
    let rows = ready(&p);
    assert_eq!(p.count(), (4, 0, 0), "every company is imported");
    assert_eq!(p.naf_not_rev2, 4);
    for (actor, _) in &rows {
        assert_eq!(actor.naf, None, "{}", actor.name);
    }
    let notes: Vec<&str> = rows.iter().map(|(a, ..)| a.notes.as_str()).collect();
    assert_eq!(
        notes,
        [
            "SIRENE APE 70.2C (NAF1993)",
            "SIRENE APE 45.3F (NAFRev1)",
            "SIRENE APE 62.11 (NAP)",
            "SIRENE APE 10.71C (NAF1993)",
        ]
    );
    let (_, warnings) = rows[1];
    assert_eq!(
        warnings[0].fr,
        "code d'activité « 45.3F » en NAF rév. 1, nomenclature antérieure à la NAF rév. 2 : gardé dans les notes, mais la base de connaissances ne peut pas s'en servir tant qu'un code NAF rév. 2 n'est pas saisi"
    );
    assert_eq!(
        warnings[0].en,
        "activity code \"45.3F\" in NAF rev. 1, a nomenclature older than NAF rev. 2: kept in the notes, but the knowledge base cannot use it until a NAF rev. 2 code is entered"
    );
    assert!(rows[0].1[0].fr.contains("« 70.2C » en NAF 1993"));
    assert!(rows[2].1[0].en.contains("\"62.11\" in NAP 1973"));
    assert!(rows[3].1.iter().all(|w| !w.fr.contains("inconnu")));
    // Where: the preview lists each warning on its line, with the company's name.
    let listed = p.listing(crate::Lang::Fr, 10);
    let at: Vec<(usize, RowKind, &str)> = listed
        .iter()
        .map(|l| (l.line, l.kind, l.name.as_str()))
        .collect();
    assert_eq!(
        at,
        [
            (2, RowKind::Ready, "CONSEIL DINGEON"),
            (3, RowKind::Ready, "GARAGE MARCADE"),
            (4, RowKind::Ready, "MAISON ALFRED"),
            (5, RowKind::Ready, "HOTEL"),
        ]
    );
    assert!(
        listed[1]
            .note
            .starts_with("code d'activité « 45.3F » en NAF rév. 1")
    );
}

#[test]
fn naf2025_codes_are_recognised_and_never_read_as_rev2() {
    // 10.71C is a rév. 2 code: a rév. 2 lookup would find a bakery, whatever NAF 2025 means.
    let rows = [("00541042800014", "BOULANGERIE ?", "10.71C", "NAF2025")];
    let p = parse(&sample_rows(&rows, true), &Project::default()).unwrap();
    let (actor, warnings) = ready(&p)[0];
    assert_eq!(actor.naf, None);
    assert_eq!(actor.notes, "SIRENE APE 10.71C (NAF2025)");
    assert_eq!(
        warnings[0].fr,
        "code d'activité « 10.71C » en NAF 2025, qui n'est pas la NAF rév. 2 : gardé dans les notes, mais la base de connaissances ne peut pas s'en servir tant qu'un code NAF rév. 2 n'est pas saisi"
    );
    assert!(
        warnings[0]
            .en
            .contains("\"10.71C\" in NAF 2025, which is not NAF rev. 2")
    );
    assert_eq!(p.naf_not_rev2, 1);
    // The same row from a file without the column: read as rév. 2, as before.
    let p = parse(&sample_rows(&rows, false), &Project::default()).unwrap();
    let (actor, warnings) = ready(&p)[0];
    assert_eq!(
        (actor.naf.as_deref(), actor.notes.as_str()),
        (Some("10.71C"), "")
    );
    assert!(warnings.iter().all(|w| !w.fr.contains("NAF")));
    assert_eq!(p.naf_not_rev2, 0);
}

#[test]
fn unknown_or_empty_nomenclatures_are_flagged_not_guessed() {
    let csv = sample_rows(
        &[
            ("00541042800014", "INCONNUE", "10.71C", "NACE2"),
            ("00541051900010", "SANS NOMENCLATURE", "10.71C", ""),
            ("00541050100018", "SANS CODE", "", ""),
            ("00541052700013", "SANS CODE NI NAF", "", "NAF1993"),
        ],
        true,
    );
    let p = parse(&csv, &Project::default()).unwrap();
    let rows = ready(&p);
    assert_eq!(p.naf_not_rev2, 2);
    assert_eq!(
        (rows[0].0.naf.as_deref(), rows[0].0.notes.as_str()),
        (None, "SIRENE APE 10.71C (NACE2)")
    );
    assert!(rows[0].1[0].fr.starts_with(
        "code d'activité « 10.71C » en nomenclature « NACE2 » inconnue (colonne nomenclatureActivitePrincipaleEtablissement), pas lu comme NAF rév. 2"
    ));
    assert_eq!(
        (rows[1].0.naf.as_deref(), rows[1].0.notes.as_str()),
        (None, "SIRENE APE 10.71C")
    );
    assert!(rows[1].1[0].en.starts_with(
        "activity code \"10.71C\" with no nomenclature (column nomenclatureActivitePrincipaleEtablissement empty)"
    ));
    // No code: nothing to read, nothing to say about it.
    for (actor, warnings) in &rows[2..] {
        assert_eq!((actor.naf.as_deref(), actor.notes.as_str()), (None, ""));
        assert!(warnings.iter().all(|w| !w.fr.contains("activité")));
    }
}
