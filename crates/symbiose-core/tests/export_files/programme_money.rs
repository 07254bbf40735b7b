//! One "reste à charge": the roadmap's investment programme, the deliverables' tables and the
//! CSV export give the same totals, from the same rule, for a project mixing every case; and
//! postponed or cancelled actions stay out of them, shown apart.

use symbiose_core::detect::{Assumptions, detect};
use symbiose_core::factors::Factors;
use symbiose_core::kb::KnowledgeBase;
use symbiose_core::numbers::{Precision::Reading, number};
use symbiose_core::report::{Deliverable, render};
use symbiose_core::{
    ActionId, ActionStatus, FundingLine, FundingSource, Lang, ProgrammePlace, Project,
    RoadmapAction, charts, export,
};

use crate::fixture::{date, project, read_csv};

fn action(id: &str, title: &str, start: Option<&str>, end: Option<&str>) -> RoadmapAction {
    RoadmapAction {
        id: ActionId::new(id),
        title: title.into(),
        start: start.map(date),
        end: end.map(date),
        ..RoadmapAction::default()
    }
}

/// What the deliverables are rendered with.
fn detection(p: &Project) -> symbiose_core::detect::Detection {
    detect(
        p,
        &Assumptions::for_project(p),
        Factors::bundled(),
        &KnowledgeBase::full(),
    )
}

fn line(source: FundingSource, amount_eur: f64) -> FundingLine {
    FundingLine::planned(source, amount_eur)
}

/// Every case at once: operating cost over several years with funding beyond the first
/// year's costs, funding above the cost, no end date, no investment figure, no dates, an
/// operating cost without dates, and a postponed and a cancelled action with large figures.
fn mixed() -> Project {
    let mut p = project();
    let mut spread = action(
        "m-1",
        "Réseau de chaleur",
        Some("2026-03-01"),
        Some("2028-06-30"),
    );
    spread.status = ActionStatus::InProgress;
    spread.investment_eur = Some(1_000.5);
    spread.operating_eur_per_year = Some(2_000.25);
    spread.funding = vec![
        line(FundingSource::Ademe, 3_000.0),
        line(FundingSource::Epci, 1_500.5),
    ];
    let mut over = action(
        "m-2",
        "Étude subventionnée",
        Some("2026-01-01"),
        Some("2026-12-31"),
    );
    over.status = ActionStatus::Done;
    over.investment_eur = Some(10_000.0);
    over.funding = vec![line(FundingSource::RegionalAgency, 12_000.0)];
    let mut open_ended = action("m-3", "Animation", Some("2027-01-01"), None);
    open_ended.investment_eur = Some(0.0);
    open_ended.operating_eur_per_year = Some(4_500.0);
    let mut unpriced = action(
        "m-4",
        "Presse à balles",
        Some("2027-01-01"),
        Some("2027-12-31"),
    );
    unpriced.operating_eur_per_year = Some(1_000.0);
    unpriced.funding = vec![line(FundingSource::Companies, 2_000.0)];
    let mut undated = action("m-5", "Broyeur partagé", None, None);
    undated.investment_eur = Some(3_000.0);
    let mut undated_operating = action("m-6", "Collecte des biodéchets", None, None);
    undated_operating.investment_eur = Some(500.0);
    undated_operating.operating_eur_per_year = Some(800.0);
    let mut postponed = action(
        "m-7",
        "Chaufferie reportée",
        Some("2027-01-01"),
        Some("2029-12-31"),
    );
    postponed.status = ActionStatus::Postponed;
    postponed.investment_eur = Some(777_777.0);
    postponed.operating_eur_per_year = Some(11_111.0);
    postponed.funding = vec![line(FundingSource::Ademe, 333_333.0)];
    let mut cancelled = action(
        "m-8",
        "Méthaniseur annulé",
        Some("2026-01-01"),
        Some("2026-12-31"),
    );
    cancelled.status = ActionStatus::Cancelled;
    cancelled.investment_eur = Some(888_888.0);
    p.actions.extend([
        spread,
        over,
        open_ended,
        unpriced,
        undated,
        undated_operating,
        postponed,
        cancelled,
    ]);
    p
}

/// The cells of the table that follows `title` in `html`, row by row.
fn table_after(html: &str, title: &str) -> Vec<Vec<String>> {
    let from = &html[html.find(title).unwrap_or_else(|| panic!("{title}"))..];
    let table = &from[from.find("<tbody>").unwrap()..from.find("</table>").unwrap()];
    table
        .split("<tr>")
        .skip(1)
        .map(|row| {
            row.split("<td")
                .skip(1)
                .map(|cell| {
                    let text = &cell[cell.find('>').unwrap() + 1..];
                    text[..text.find("</td>").unwrap()].to_string()
                })
                .collect()
        })
        .collect()
}

fn euros(v: f64, lang: Lang) -> String {
    format!("{} €", number(v, lang, Reading))
}

#[test]
fn the_programme_the_deliverables_and_the_csv_give_the_same_totals() {
    let p = mixed();
    let programme = charts::investment_by_year(&p.actions);
    // The rule, action by action, over the actions the programme counts.
    let counted: Vec<&RoadmapAction> = p
        .actions
        .iter()
        .filter(|a| a.programme_place() == ProgrammePlace::Counted)
        .collect();
    let titles: Vec<&str> = counted.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Étude avec DISTILLERIE DISCRÈTE",
            "Réseau de chaleur",
            "Étude subventionnée",
            "Animation",
        ]
    );
    let by_action: f64 = counted.iter().filter_map(|a| a.money().remaining()).sum();
    // 77 777 + 88 888 − 66 666; 1 000,5 + 3 × 2 000,25 − 4 500,5; 0 (2 000 beyond the
    // cost, which lowers no other action); 4 500 for its one year.
    assert_eq!(by_action, 99_999.0 + 2_500.75 + 0.0 + 4_500.0);
    assert_eq!(
        programme.total.remaining, by_action,
        "the year rows add up to the actions' own figures"
    );
    let by_year: f64 = programme.rows.iter().map(|r| r.amounts.remaining).sum();
    assert_eq!(by_year, programme.total.remaining);

    // The CSV: the remaining cost of the rows counted in the programme.
    for lang in [Lang::Fr, Lang::En] {
        let rows = read_csv(&export::csv::actions(&p, lang));
        let col = |fr: &str, en: &str| {
            let name = lang.pick(fr, en);
            rows[0].iter().position(|h| h == name).expect(name)
        };
        let (remaining, counted) = (
            col("reste à charge €", "remaining cost €"),
            col("compté au programme", "counted in the programme"),
        );
        let sum: f64 = rows[1..]
            .iter()
            .filter(|r| r[counted] == lang.pick("oui", "yes"))
            .map(|r| r[remaining].replace(',', ".").parse::<f64>().unwrap())
            .sum();
        assert_eq!(sum, programme.total.remaining, "{lang:?}");
    }

    // The deliverable: the actions table's total, summed action by action, and the
    // programme table's, summed year by year, write the same figures.
    let d = detection(&p);
    let today = date("2026-11-28");
    for (lang, actions, programme_title, total) in [
        (
            Lang::Fr,
            "1. Les actions",
            "2. Programme d&#39;investissement",
            "Total du programme",
        ),
        (
            Lang::En,
            "1. The actions",
            "2. Investment programme",
            "Programme total",
        ),
    ] {
        let html = render(Deliverable::RoadmapDashboard, &p, &d, lang, today, &[]);
        let actions = table_after(&html, actions);
        let by_action = actions.last().unwrap();
        assert_eq!(by_action[0], total);
        let years = table_after(&html, programme_title);
        let by_year = years.last().unwrap();
        assert_eq!(by_year[0], "Total");
        let expected = euros(programme.total.remaining, lang);
        assert_eq!(by_action.last().unwrap(), &expected, "{lang:?}");
        assert_eq!(by_year.last().unwrap(), &expected, "{lang:?}");
        // Investment and operating agree too.
        assert_eq!(by_action[5], by_year[1], "{lang:?} investment");
        assert_eq!(by_action[6], by_year[2], "{lang:?} operating");
        assert_eq!(by_year[1], euros(programme.total.investment, lang));
    }
}

#[test]
fn postponed_and_cancelled_actions_are_shown_apart_and_counted_nowhere() {
    let p = mixed();
    let programme = charts::investment_by_year(&p.actions);
    let outside: Vec<&str> = programme.outside.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(outside, ["Chaufferie reportée", "Méthaniseur annulé"]);
    // Their money enters no total: the programme is the same without them.
    let mut without = p.clone();
    without.actions.retain(|a| a.status.in_programme());
    let alone = charts::investment_by_year(&without.actions);
    assert_eq!(programme.rows, alone.rows);
    assert_eq!(programme.total, alone.total);
    assert!(
        programme.rows.iter().all(|r| r.year != 2029),
        "no year of their own"
    );
    // Nor do the actions whose cost is unknown or that have no dates; they are named.
    assert_eq!(programme.unpriced, ["Presse à balles"]);
    assert_eq!(
        programme.undated,
        ["Broyeur partagé", "Collecte des biodéchets"]
    );
    assert_eq!(
        programme.beyond_cost,
        [("Étude subventionnée".to_string(), 2_000.0)]
    );

    let d = detection(&p);
    let today = date("2026-11-28");
    for (lang, programme_title, apart_title, outside_word) in [
        (
            Lang::Fr,
            "2. Programme d&#39;investissement",
            "Actions reportées ou annulées (hors programme)",
            "hors programme",
        ),
        (
            Lang::En,
            "2. Investment programme",
            "Postponed or cancelled actions (outside the programme)",
            "outside the programme",
        ),
    ] {
        let html = render(Deliverable::RoadmapDashboard, &p, &d, lang, today, &[]);
        let big = [euros(777_777.0, lang), euros(888_888.0, lang)];
        let years = table_after(&html, programme_title);
        for row in &years {
            assert!(!row.iter().any(|c| big.contains(c)), "{lang:?} {row:?}");
        }
        // Apart, with their figures: 777 777 + 3 × 11 111 − 333 333 remain.
        let apart = table_after(&html, apart_title);
        assert_eq!(apart.len(), 2);
        assert_eq!(apart[0][0], "Chaufferie reportée");
        assert_eq!(apart[0][1], ActionStatus::Postponed.label(lang));
        assert_eq!(apart[0][3], big[0]);
        assert_eq!(apart[0][6], euros(477_777.0, lang));
        assert_eq!(apart[1][3], big[1]);
        // The actions table still lists them, with their status and the mark.
        let section = lang.pick("1. Les actions", "1. The actions");
        let actions = table_after(&html, section);
        let postponed = actions
            .iter()
            .find(|r| r[0].starts_with("Chaufferie reportée"))
            .unwrap();
        assert_eq!(postponed[4], ActionStatus::Postponed.label(lang));
        assert_eq!(
            postponed[8],
            format!("{} — {outside_word}", euros(477_777.0, lang))
        );
        // The unknown is said, never written 0.
        let unpriced = actions
            .iter()
            .find(|r| r[0].starts_with("Presse à balles"))
            .unwrap();
        assert!(
            unpriced[8].starts_with(lang.pick("inconnu", "unknown")),
            "{unpriced:?}"
        );
        assert!(html.contains(lang.pick(
            "Actions sans montant d&#39;investissement, reste à charge inconnu, hors totaux : Presse à balles",
            "Actions without an investment figure, remaining cost unknown, not in the totals: Presse à balles"
        )));
    }
    // A project with no postponed or cancelled action has no such table.
    let html = render(
        Deliverable::RoadmapDashboard,
        &without,
        &d,
        Lang::Fr,
        today,
        &[],
    );
    assert!(!html.contains("Actions reportées ou annulées"));

    // The CSV keeps every action, and says which count.
    let rows = read_csv(&export::csv::actions(&p, Lang::Fr));
    let col = |name: &str| rows[0].iter().position(|h| h == name).expect(name);
    let counted = |title: &str| {
        let row = rows.iter().find(|r| r[col("titre")] == title).unwrap();
        (
            row[col("reste à charge €")].clone(),
            row[col("compté au programme")].clone(),
        )
    };
    assert_eq!(
        counted("Chaufferie reportée"),
        ("477777".into(), "non".into())
    );
    assert_eq!(
        counted("Méthaniseur annulé"),
        ("888888".into(), "non".into())
    );
    assert_eq!(counted("Presse à balles"), ("".into(), "non".into()));
    assert_eq!(counted("Broyeur partagé"), ("3000".into(), "non".into()));
    assert_eq!(
        counted("Collecte des biodéchets"),
        ("".into(), "non".into())
    );
    assert_eq!(counted("Animation"), ("4500".into(), "oui".into()));
    let over = rows
        .iter()
        .find(|r| r[col("titre")] == "Étude subventionnée")
        .unwrap();
    assert_eq!(over[col("reste à charge €")], "0", "never negative");
    assert_eq!(over[col("financements au-delà du coût €")], "2000");
}
