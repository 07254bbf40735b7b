use super::*;

#[test]
fn the_sirene_sample_parses_and_skips_closed_sites() {
    let bytes = include_bytes!("../../../tests/fixtures/sirene_sample.csv");
    let preview = parse(bytes, &Project::default()).unwrap();
    assert_eq!(preview.format, CsvFormat::Sirene);
    let (ready, skipped, errors) = preview.count();
    assert_eq!(ready + skipped + errors, 39);
    assert!(
        skipped > ready,
        "most of the sample is closed establishments"
    );
    assert!(ready > 0);
    for a in preview.ready() {
        assert!(!a.name.is_empty() && a.siret.is_some() && a.naf.is_some());
    }
}

#[test]
fn the_template_round_trips_and_places_by_commune() {
    let preview = parse(TEMPLATE_CSV.as_bytes(), &Project::default()).unwrap();
    assert_eq!(preview.format, CsvFormat::Template);
    let actors = preview.ready();
    assert_eq!(actors.len(), 2);
    assert_eq!(
        actors[0].position,
        Some(Position::new(42.6175, 9.439)),
        "decimal commas read"
    );
    assert_eq!(
        actors[0].commune.as_deref(),
        Some("2B037"),
        "commune by name"
    );
    assert_eq!(
        actors[1].position,
        communes::lookup("2B120").map(|c| c.position),
        "centroid when no lat/lon"
    );
    assert_eq!(
        (actors[0].id.as_str(), actors[1].id.as_str()),
        ("a-1", "a-2")
    );
}

#[test]
fn bad_rows_are_reported_by_line_and_column_and_duplicates_skipped() {
    let csv = "name,siret,naf,address,commune,lat,lon\n\
               Bonne,12002701600019,10.71C,,2B037,,\n\
               Mauvais SIRET,12002701600018,10.71C,,2B037,,\n\
               Doublon,120 027 016 00019,10.71C,,2B037,,\n\
               ,,,,,42,9\n\
               Trop court,1\n\
               Position,,,,,quarante,9\n";
    let mut project = Project::default();
    project.actors.push(Actor {
        id: ActorId::new("a-1"),
        name: "Existante".into(),
        ..Default::default()
    });
    let p = parse(csv.as_bytes(), &project).unwrap();
    let kinds: Vec<String> = p
        .rows
        .iter()
        .map(|r| match r {
            RowOutcome::Ready { line, actor, .. } => format!("{line}:ok:{}", actor.id),
            RowOutcome::Skipped { line, .. } => format!("{line}:skip"),
            RowOutcome::Error { line, column, .. } => format!("{line}:err:{column}"),
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            "2:ok:a-2",
            "3:err:siret",
            "4:skip",
            "5:err:nom",
            "6:err:",
            "7:err:lat"
        ]
    );
    let RowOutcome::Error { message, .. } = &p.rows[1] else {
        panic!()
    };
    assert!(
        message.fr.starts_with("ligne 3, colonne siret"),
        "{}",
        message.fr
    );
}

#[test]
fn hostile_files_get_clear_errors() {
    assert_eq!(parse(b"", &Project::default()), Err(ImportError::Empty));
    assert_eq!(
        parse(b"nom;siret\n", &Project::default()),
        Err(ImportError::Empty)
    );
    let other = parse(b"type,features\nFeatureCollection,\n", &Project::default()).unwrap_err();
    assert!(other.message(Lang::Fr).contains("Colonnes non reconnues"));
    // Windows-1252 with a semicolon separator, as French Excel writes it.
    let mut cp = b"nom;siret;naf;adresse;commune;lat;lon\r\nCaf".to_vec();
    cp.extend([0xE9, b';', b';', b';', b';', b';', b';', b'\r', b'\n']);
    let p = parse(&cp, &Project::default()).unwrap();
    assert_eq!(p.ready()[0].name, "Café");
}

#[test]
fn a_large_file_stays_linear() {
    let mut csv = String::from("nom;siret;naf;adresse;commune;lat;lon\n");
    for i in 0..50_000 {
        csv.push_str(&format!("Entreprise {i};;10.71C;rue {i};2B037;42,6;9,44\n"));
    }
    let p = parse(csv.as_bytes(), &Project::default()).unwrap();
    assert_eq!(p.count().0, 50_000);
    assert_eq!(p.ready().last().unwrap().id.as_str(), "a-50000");
}
