use super::*;
use crate::demo;
use crate::edit::History;
use crate::model::{ActionStatus, AidKind, AidStatus, CompanySize, Date, FundingSource};
use crate::model::{InterventionField, ProgrammePhase};
use crate::{Lang, UserMessage};

fn ready(p: &ActionsPreview, i: usize) -> &RoadmapAction {
    match &p.rows[i] {
        RowOutcome::Ready { item, .. } => item,
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_template_reads_whole_with_its_statuses_money_and_aids() {
    let project = demo::project();
    let p = parse(TEMPLATE_CSV.as_bytes(), &project, "Plan importé").unwrap();
    assert_eq!(p.verdicts(), vec!["2:ok", "3:ok", "4:ok"]);
    assert!(p.ignored_columns.is_empty());
    let done = ready(&p, 0);
    assert_eq!(done.status, ActionStatus::Done);
    assert_eq!(done.origin, "Plan d'actions 2015");
    assert_eq!(done.phase, ProgrammePhase::Implementation);
    assert_eq!(done.field, InterventionField::EnvironmentalProject);
    assert_eq!(done.start, Date::new(2016, 1, 1).ok());
    assert_eq!(done.end, Date::new(2017, 12, 31).ok());
    assert_eq!(done.partners, vec!["Entreprises de la zone", "Syvadec"]);
    assert_eq!(done.aid_kind, Some(AidKind::Investment));
    // Aids take the row's aid status; the companies' own share stays in the plan.
    let lines: Vec<(FundingSource, f64, AidStatus)> = done
        .funding
        .iter()
        .map(|f| (f.source, f.amount_eur, f.status))
        .collect();
    assert_eq!(
        lines,
        vec![
            (FundingSource::Ademe, 4800.0, AidStatus::Paid),
            (FundingSource::RegionalAgency, 2400.0, AidStatus::Paid),
            (FundingSource::Companies, 4800.0, AidStatus::Planned),
        ]
    );
    let abandoned = ready(&p, 1);
    assert_eq!(abandoned.status, ActionStatus::Cancelled);
    assert_eq!(abandoned.beneficiary_size, Some(CompanySize::Medium));
    assert!(
        abandoned
            .funding
            .iter()
            .all(|f| f.status == AidStatus::Refused)
    );
    let relaunch = ready(&p, 2);
    assert_eq!(relaunch.status, ActionStatus::ToRelaunch);
    assert_eq!(relaunch.start, Date::new(2018, 3, 1).ok());
    assert_eq!(relaunch.end, Date::new(2019, 12, 31).ok());
}

#[test]
fn one_command_adds_the_actions_numbered_after_the_projects_and_undoes_whole() {
    let project = demo::pilot();
    let before = project.actions.len();
    let p = parse(TEMPLATE_CSV.as_bytes(), &project, "").unwrap();
    let mut history = History::default();
    let mut after = project.clone();
    history.apply(&mut after, p.command(&project)).unwrap();
    assert_eq!(after.actions.len(), before + 3);
    let ids: Vec<&str> = after.actions[before..]
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    let highest = project
        .actions
        .iter()
        .filter_map(|a| a.id.as_str().strip_prefix("r-")?.parse::<u64>().ok())
        .max()
        .unwrap();
    assert_eq!(
        ids,
        (1..=3)
            .map(|i| format!("r-{}", highest + i))
            .collect::<Vec<_>>()
    );
    assert!(crate::validate::validate(&after).is_valid());
    let mut undone = after.clone();
    assert!(history.undo(&mut undone));
    assert_eq!(undone, project);
    // Read again against the result: every row is now already in the project.
    let again = parse(TEMPLATE_CSV.as_bytes(), &after, "").unwrap();
    assert_eq!(again.count(), (0, 3, 0));
    assert!(
        again.listing(Lang::Fr, 10)[0]
            .note
            .contains("déjà dans le projet")
    );
}

#[test]
fn bad_rows_name_their_line_and_column_and_the_rest_still_reads() {
    let project = demo::project();
    let csv = "Plan d'actions 2015 de la zone (export du tableur)\n\
        intitulé;statut;phase;début;fin;investissement;dépense éligible;ADEME €;OEC €;statut des aides;couleur\n\
        Collecte des cartons;réalisée;3;2016;2017;10000;8000;4000;;versée;bleu\n\
        ;réalisée;3;;;;;;;;\n\
        Compostage partagé;peut-être;3;;;;;;;;\n\
        Réseau de chaleur;abandonnée;7;;;;;;;;\n\
        Bourse aux palettes;à relancer;4;2019;2018;;;;;;\n\
        Achats groupés;réalisée;3;2016;;5000;6000;;;;\n\
        Étude chaleur;réalisée;3;2016;;20000;10000;6000;6000;accordée;\n\
        ;;;;\n\
        Collecte des cartons;réalisée;3;;;;;;;;\n\
        Mutualisation du gardiennage;en cours;1;2016;;;;;;;\n\
        Achats groupés bis;réalisée;3;2016;;5000;5000;3000;;;\n";
    let p = parse(csv.as_bytes(), &project, "Plan 2015").unwrap();
    assert_eq!(p.header_line, 2, "a title line before the header");
    assert_eq!(p.ignored_columns, vec!["couleur"]);
    assert_eq!(
        p.verdicts(),
        vec![
            "3:ok",
            "4:err:intitulé",
            "5:err:statut",
            "6:err:phase",
            "7:err:fin",
            "8:err:dépense éligible",
            "9:err:dépense éligible",
            "10:skip",
            "11:skip",
            "12:ok",
            "13:ok",
        ]
    );
    let note = |line: usize| {
        p.listing(Lang::Fr, 100)
            .into_iter()
            .find(|l| l.line == line)
            .unwrap()
            .note
    };
    assert!(
        note(5).contains("« peut-être » n'est pas reconnu"),
        "{}",
        note(5)
    );
    assert!(
        note(5).starts_with("ligne 5, colonne statut"),
        "{}",
        note(5)
    );
    assert!(note(7).contains("fin avant le début"), "{}", note(7));
    assert!(note(8).contains("supérieure au coût"), "{}", note(8));
    assert!(
        note(9).contains("supérieures à la dépense éligible (10"),
        "{}",
        note(9)
    );
    assert!(note(11).contains("ligne 3"), "{}", note(11));
    // A planned or ongoing action in a phase the track does not fund: kept, warned, the rule
    // quoted. The demo zone is a new territory (phases 1–2): phase 1 is funded, no warning.
    assert!(note(12).is_empty(), "{}", note(12));
    // A done action whose aids have no status: the facilitator is asked.
    assert!(note(13).contains("restent « prévues »"), "{}", note(13));
    assert_eq!(ready(&p, 0).origin, "Plan 2015");
    let en = p.listing(Lang::En, 100);
    assert!(
        en.iter()
            .any(|l| l.note.starts_with("line 5, column statut: \"peut-être\""))
    );
}

#[test]
fn the_phase_rule_is_quoted_for_an_action_still_to_do_outside_the_track() {
    let project = demo::project();
    let csv = "intitulé;statut;phase\nRéseau de chaleur;prévue;4\n";
    let p = parse(csv.as_bytes(), &project, "").unwrap();
    let note = &p.listing(Lang::Fr, 1)[0].note;
    assert!(
        note.contains("phase 4 hors du parcours du territoire"),
        "{note}"
    );
    assert!(note.contains("appel à projets"), "{note}");
}

#[test]
fn the_roadmap_export_reads_back_as_the_same_actions() {
    let pilot = demo::pilot();
    let csv = crate::export::csv::actions(&pilot, Lang::Fr);
    let mut empty = pilot.clone();
    empty.actions.clear();
    let p = parse(csv.as_bytes(), &empty, "").unwrap();
    let (ready_n, skipped, errors) = p.count();
    assert_eq!(
        (ready_n, skipped, errors),
        (pilot.actions.len(), 0, 0),
        "{:?}",
        p.listing(Lang::Fr, 5)
    );
    for (read, original) in p.ready().into_iter().zip(&pilot.actions) {
        assert_eq!(read.title, original.title);
        assert_eq!(read.status, original.status);
        assert_eq!(read.origin, original.origin);
        assert_eq!(read.phase, original.phase);
        assert_eq!(read.investment_eur, original.investment_eur);
        assert_eq!(read.eligible_eur, original.eligible_eur);
        assert_eq!(
            read.money().remaining(),
            original.money().remaining(),
            "{}",
            read.title
        );
    }
}

#[test]
fn hostile_files_change_nothing_and_say_why() {
    let project = demo::project();
    assert_eq!(
        parse(b"", &project, ""),
        Err(ImportError::Empty(Items::Actions))
    );
    let e = parse(b"titre;porteur\nCollecte;CA\n", &project, "").unwrap_err();
    assert!(matches!(
        e,
        ImportError::NoHeader {
            what: Items::Actions,
            ..
        }
    ));
    assert!(
        e.message_in(Lang::Fr).contains("« statut »"),
        "{}",
        e.message_in(Lang::Fr)
    );
    assert!(e.message_in(Lang::En).contains("Nothing was imported"));
    let pdf = parse(b"%PDF-1.4\n", &project, "").unwrap_err();
    assert!(pdf.message_in(Lang::Fr).contains("PDF"));
}
