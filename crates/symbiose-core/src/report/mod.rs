//! The programme's deliverables as standalone, printable HTML: the Diagnostic, the Roadmap and
//! dashboard, and the end-of-mission report (bilan). Each is one file with its print stylesheet
//! inline (A4, page breaks between parts), the map and charts as inline SVG; the browser prints
//! it or saves it as PDF. Text is escaped by `doc`; what confidential data a deliverable may
//! show is decided in `common` (and the bilan's eco-communication page uses the public copy).

mod common;
mod deliverables;
mod doc;
mod financing;
mod follow_up;
mod map;
mod questionnaire;

pub use doc::STYLE_HASH;
pub use questionnaire::paper_questionnaire;

use crate::Lang;
use crate::detect::Detection;
use crate::model::{Date, Project};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deliverable {
    Diagnostic,
    RoadmapDashboard,
    Bilan,
}

impl Deliverable {
    pub const ALL: [Deliverable; 3] = [Self::Diagnostic, Self::RoadmapDashboard, Self::Bilan];

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Self::Diagnostic => lang.pick(
                "Diagnostic des flux et actions",
                "Flow diagnostic and actions",
            ),
            Self::RoadmapDashboard => lang.pick(
                "Feuille de route et tableau de bord",
                "Roadmap and dashboard",
            ),
            Self::Bilan => lang.pick("Bilan de fin de mission", "End-of-mission report"),
        }
    }

    /// A short name for files (`diagnostic`, `feuille-de-route`, `bilan`).
    pub fn slug(self) -> &'static str {
        match self {
            Self::Diagnostic => "diagnostic",
            Self::RoadmapDashboard => "feuille-de-route-tableau-de-bord",
            Self::Bilan => "bilan",
        }
    }
}

/// The deliverable as one standalone HTML document.
/// `places` are the communes its zone map may name (`geo::PlaceName`; none for no names).
pub fn render(
    kind: Deliverable,
    p: &Project,
    detection: &Detection,
    lang: Lang,
    today: Date,
    places: &[crate::geo::PlaceName],
) -> String {
    let doc = match kind {
        Deliverable::Diagnostic => deliverables::diagnostic(p, detection, lang, today, places),
        Deliverable::RoadmapDashboard => deliverables::roadmap_dashboard(p, detection, lang, today),
        Deliverable::Bilan => deliverables::bilan(p, lang, today, places),
    };
    doc.finish(&format!("{} — {}", kind.title(lang), p.name), lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::{Assumptions, detect};
    use crate::factors::Factors;
    use crate::kb::KnowledgeBase;
    use crate::model::Confidentiality;

    fn demo() -> (Project, Detection) {
        crate::demo::detected()
    }

    #[test]
    fn every_deliverable_has_its_parts_in_both_languages() {
        let (p, d) = demo();
        let today = Date::new(2026, 11, 28).unwrap();
        for lang in [Lang::Fr, Lang::En] {
            for kind in Deliverable::ALL {
                let html = render(kind, &p, &d, lang, today, &[]);
                assert!(html.starts_with("<!DOCTYPE html>"));
                assert!(html.contains(&format!("<title>{}", kind.title(lang))));
                assert!(html.contains("@page { size: A4"));
                assert!(
                    html.matches("class=\"part\"").count() >= 2,
                    "{kind:?} has page-broken parts"
                );
                assert!(!html.contains("NaN"));
            }
        }
        let diag = render(Deliverable::Diagnostic, &p, &d, Lang::Fr, today, &[]);
        for part in [
            "1. Le territoire",
            "2. Les acteurs",
            "3. Les flux par famille",
            "4. Les opportunités",
            "5. Les enjeux",
            "6. Feuille de route proposée",
        ] {
            assert!(diag.contains(part), "{part}");
        }
        assert!(diag.contains("Carte des entreprises"));
        let road = render(Deliverable::RoadmapDashboard, &p, &d, Lang::Fr, today, &[]);
        assert!(
            road.contains("Programme d&#39;investissement")
                && road.contains("Calendrier des actions")
        );
        let bilan = render(Deliverable::Bilan, &p, &d, Lang::Fr, today, &[]);
        assert!(bilan.contains("Éco-communication") && bilan.contains("Ateliers"));
    }

    /// What the files' policy (`doc::policy`) and the app's would refuse must not be in them:
    /// a `style` attribute (only the hashed stylesheet may style), a script, anything fetched.
    /// The funder's tables: each action's plan with its aid rate and where each aid stands,
    /// then the aids by funder and by year, as `charts::aid_follow_up` counts them.
    #[test]
    fn the_roadmap_shows_the_financing_plan_and_the_aid_follow_up() {
        let (p, d) = demo();
        let today = Date::new(2026, 11, 28).unwrap();
        let html = render(Deliverable::RoadmapDashboard, &p, &d, Lang::Fr, today, &[]);
        for part in [
            "3. Plan de financement et suivi des aides",
            "Aides par financeur",
            "Aides par année",
            // r-1: ADEME 6 000 € granted of an eligible 12 000 €.
            "ADEME 6\u{202f}000 € (accordée le 12/05/2026)",
            "6\u{202f}000 € (50 %)",
            "Étude / AMO",
            "ADEME 12\u{202f}500 € (demandée le 20/05/2026)",
        ] {
            assert!(html.contains(part), "{part}");
        }
        let f = crate::charts::aid_follow_up(&p.actions);
        assert_eq!(f.total.granted, 6_000.0);
        assert_eq!(f.total.planned, 6_000.0 + 6_000.0 + 12_500.0 + 7_500.0);
        let en = render(Deliverable::RoadmapDashboard, &p, &d, Lang::En, today, &[]);
        assert!(en.contains("Aids by funder") && en.contains("(granted on 2026-05-12)"));
    }

    /// The bilan counts the mission log and lists the follow-up indicators by ELIPSE axis.
    #[test]
    fn the_bilan_shows_the_mission_log_and_the_elipse_indicators() {
        let (p, d) = demo();
        let today = Date::new(2026, 11, 28).unwrap();
        let html = render(Deliverable::Bilan, &p, &d, Lang::Fr, today, &[]);
        for part in [
            "Journal de mission",
            "<td>Visite de site</td>",
            "Comité de pilotage (COPIL)",
            "66 h, soit 9,43 jours de 7 h",
            "<h3>Gouvernance</h3>",
            "<h3>Modèle économique</h3>",
            "<h3>Activités et résultats</h3>",
            "<td>Visites de site</td>",
            "<td>Questionnaires retournés</td>",
            "Progrès depuis l",
            "<th>Référence 2025</th>",
            // 141 flows declared since the launch's 0.
            "<td class=\"num\">+141</td>",
        ] {
            assert!(html.contains(part), "{part}");
        }
    }

    #[test]
    fn the_roadmap_shows_each_followed_synergys_checklist() {
        use crate::kb::checklist::{checklist, with_note, with_status};
        use crate::model::{ChecklistItem, ItemStatus, Stage};
        let (mut p, d) = demo();
        let today = Date::new(2026, 11, 28).unwrap();
        let i = p
            .synergies
            .iter()
            .position(|s| {
                s.stage != Stage::Abandoned
                    && checklist(&p, s)
                        .iter()
                        .any(|c| c.item == ChecklistItem::WasteRegister && c.applies)
            })
            .expect("the demo follows a waste synergy");
        let s = with_status(
            &p.synergies[i],
            ChecklistItem::WasteRegister,
            ItemStatus::Done,
        );
        p.synergies[i] = with_note(&s, ChecklistItem::WasteRegister, "<b>registre tenu</b>");
        for (lang, part, done, reference) in [
            (
                Lang::Fr,
                "5. Suivi réglementaire des synergies",
                "Fait",
                "arrêté du 31 mai 2021",
            ),
            (
                Lang::En,
                "5. Regulatory follow-up of the synergies",
                "Done",
                "order of 31 May 2021",
            ),
        ] {
            let html = render(Deliverable::RoadmapDashboard, &p, &d, lang, today, &[]);
            assert!(html.contains(part), "{lang:?}");
            assert!(html.contains(ChecklistItem::WasteRegister.label(lang)));
            assert!(html.contains(reference), "{lang:?}");
            assert!(html.contains(&format!("<td>{done}</td>")), "{lang:?}");
            assert!(html.contains("&lt;b&gt;registre tenu&lt;/b&gt;"));
            // Every followed synergy has its heading; abandoned ones do not.
            for s in &p.synergies {
                let heading = format!("{} ({})", s.title, s.stage.label(lang));
                assert_eq!(
                    html.contains(&format!("<h3>{}</h3>", crate::charts::escape(&heading))),
                    s.stage != Stage::Abandoned,
                    "{heading}"
                );
            }
        }
    }

    #[test]
    fn every_deliverable_is_styled_by_its_one_stylesheet_and_fetches_nothing() {
        let (p, d) = demo();
        let today = Date::new(2026, 11, 28).unwrap();
        for lang in [Lang::Fr, Lang::En] {
            for kind in Deliverable::ALL {
                let html = render(kind, &p, &d, lang, today, &[]);
                assert_eq!(html.matches("<style").count(), 1, "{kind:?}");
                assert!(html.contains(&format!("<style>{}</style>", doc::STYLE)));
                assert!(html.contains(&format!("style-src {STYLE_HASH};")));
                for refused in [" style=", "<script", " src=", "href=", "url(", "@import"] {
                    assert!(!html.contains(refused), "{kind:?} {lang:?} has {refused:?}");
                }
            }
        }
    }

    #[test]
    fn no_private_flow_no_confidential_cost_and_no_markup_from_data() {
        let (mut p, _) = demo();
        p.actors[0].name = "<img src=x onerror=alert(1)>".into();
        p.flows[0].label = "\"><script>alert(2)</script>".into();
        let secret = p
            .flows
            .iter()
            .position(|f| f.confidentiality == Confidentiality::Private)
            .expect("demo has a private flow");
        p.flows[secret].label = "SECRET-PROCESS-LABEL".into();
        let d = detect(
            &p,
            &Assumptions::for_project(&p),
            Factors::bundled(),
            &KnowledgeBase::full(),
        );
        for kind in Deliverable::ALL {
            let html = render(
                kind,
                &p,
                &d,
                Lang::Fr,
                Date::new(2026, 11, 28).unwrap(),
                &[],
            );
            assert!(
                !html.contains("<img src=x") && !html.contains("<script>"),
                "{kind:?}"
            );
            assert!(
                !html.contains("SECRET-PROCESS-LABEL"),
                "{kind:?} prints a private flow"
            );
            assert!(
                !html.contains("987,65") && !html.contains("987.65"),
                "{kind:?} prints an anonymised flow's cost"
            );
        }
    }

    /// Every number attribute of the SVG and HTML: finite and on the page (no NaN, no
    /// infinity, nothing a billion pixels away).
    fn assert_sane_coordinates(markup: &str, what: &str) {
        const ATTRIBUTES: [&str; 13] = [
            "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height", "points", "d",
            "viewBox",
        ];
        assert!(
            !markup.contains("NaN") && !markup.contains("inf\""),
            "{what}"
        );
        for name in ATTRIBUTES {
            for value in markup.split(&format!(" {name}=\"")).skip(1) {
                let value = &value[..value.find('"').unwrap()];
                for n in value
                    .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == 'e'))
                    .filter(|n| n.chars().any(|c| c.is_ascii_digit()))
                {
                    let v: f64 = n
                        .parse()
                        .unwrap_or_else(|_| panic!("{what}: {name}=\"{value}\""));
                    assert!(
                        v.is_finite() && v.abs() <= 100_000.0,
                        "{what}: {name}=\"{value}\""
                    );
                }
            }
        }
    }

    /// A project the record rules accept, with the most hostile figures and years they allow:
    /// amounts of 1e308 (whose sums overflow), negative measurements, years 1900 and 2200 in
    /// the same chart, and names that start with "#".
    fn hostile() -> Project {
        use crate::model::{
            ActionId, Date, FundingLine, FundingSource, IndicatorKind, Measurement, Period,
            Quantity, RoadmapAction, Stage, Synergy, SynergyId, Target, Unit, Workshop, WorkshopId,
        };
        let (mut p, _) = demo();
        let day = |y| Date::new(y, 1, 1).unwrap();
        p.territory.baseline_year = Some(1900);
        p.actors[0].name = "#1 Recyclage".into();
        for f in p.flows.iter_mut().take(3) {
            f.quantity = Some(Quantity::new(1e308, Unit::Tonne, Period::Year));
        }
        let money = FundingLine::planned(FundingSource::Ademe, 1e308);
        p.actions.push(RoadmapAction {
            id: ActionId::new("act-hostile"),
            title: "#2 Action sur trois siècles".into(),
            start: Some(day(1900)),
            end: Some(Date::new(2200, 12, 31).unwrap()),
            investment_eur: Some(1e308),
            operating_eur_per_year: Some(1e308),
            funding: vec![money.clone(), money],
            ..Default::default()
        });
        p.actions.push(RoadmapAction {
            id: ActionId::new("act-hostile-2"),
            title: "Action de 2200".into(),
            start: Some(day(2200)),
            investment_eur: Some(1e308),
            ..Default::default()
        });
        let gains = crate::model::Gains {
            tonnes_per_year: Some(1e308),
            tco2e_per_year: Some(-1e308),
            ..Default::default()
        };
        for n in 0..3 {
            p.synergies.push(Synergy {
                id: SynergyId::new(format!("s-hostile-{n}")),
                title: format!("#3 Synergie {n}"),
                stage: Stage::Implemented,
                measured: gains,
                ..Default::default()
            });
        }
        p.workshops.push(Workshop {
            id: WorkshopId::new("w-hostile"),
            title: "#4 Atelier".into(),
            date: Some(day(1900)),
            ..Default::default()
        });
        for (y, v) in [(1900, -1e308), (1950, 5.0), (2024, 1e308), (2200, -3.0)] {
            p.measurements.push(Measurement {
                indicator: IndicatorKind::TonnesPerYear,
                date: day(y),
                value: v,
                note: String::new(),
            });
        }
        p.targets.push(Target {
            indicator: IndicatorKind::TonnesPerYear,
            year: 2200,
            value: f64::MAX,
        });
        let report = crate::validate::validate(&p);
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        p
    }

    #[test]
    fn hostile_figures_and_years_give_sane_documents_and_keep_a_leading_hash() {
        let p = hostile();
        let d = detect(
            &p,
            &Assumptions::for_project(&p),
            Factors::bundled(),
            &KnowledgeBase::full(),
        );
        let today = Date::new(2026, 11, 28).unwrap();
        for lang in [Lang::Fr, Lang::En] {
            for kind in Deliverable::ALL {
                let html = render(kind, &p, &d, lang, today, &[]);
                assert_sane_coordinates(&html, &format!("{kind:?} {lang:?}"));
            }
        }
        let diag = render(Deliverable::Diagnostic, &p, &d, Lang::Fr, today, &[]);
        assert!(
            diag.contains("<td>#1 Recyclage</td>"),
            "the actors table keeps the #"
        );
        let road = render(Deliverable::RoadmapDashboard, &p, &d, Lang::Fr, today, &[]);
        assert!(road.contains("<td>#2 Action sur trois siècles — "));
        // 301 years of operating cost: 49 rows, then 1948–2200 summed in the 50th.
        let programme = &road[road.find("Programme d&#39;investissement").unwrap()..];
        let table = &programme[..programme.find("</table>").unwrap()];
        assert_eq!(
            table.matches("<tr>").count(),
            1 + 50 + 1,
            "head, 50 rows and the total"
        );
        assert!(table.contains("<td>1949–2200</td>"), "{table}");
        assert!(programme.contains("les années 1949 à 2200 sont additionnées"));
        assert!(
            road.contains("Période affichée"),
            "the timeline says which years it shows"
        );
        let bilan = render(Deliverable::Bilan, &p, &d, Lang::En, today, &[]);
        assert!(bilan.contains("<td>#4 Atelier</td>") && bilan.contains("<td>#3 Synergie 0</td>"));
    }

    #[test]
    fn hostile_charts_alone() {
        use crate::charts;
        let p = hostile();
        for lang in [Lang::Fr, Lang::En] {
            let series =
                charts::indicator_series(&p, crate::model::IndicatorKind::TonnesPerYear, lang)
                    .unwrap();
            assert_sane_coordinates(&series, "series");
            // 1900 to 2200 in one chart: 50 years drawn, the rest said in a note.
            let years: Vec<i32> = series
                .split("text-anchor=\"middle\" font-size=\"14\">")
                .skip(1)
                .filter_map(|t| t[..t.find('<').unwrap()].parse().ok())
                .collect();
            assert!(!years.is_empty() && years.len() <= 50, "{years:?}");
            assert!(
                years.last().unwrap() - years[0] < charts::MAX_YEARS,
                "{years:?}"
            );
            assert!(series.contains(lang.pick("hors de cette période", "outside them")));
            let gantt = charts::gantt(&p.actions, lang, Some(Date::new(2026, 11, 28).unwrap()));
            assert_sane_coordinates(&gantt, "gantt");
            assert!(
                gantt.contains("2200 ▶"),
                "an action beyond the years shown is pointed at"
            );
            let rows = charts::investment_by_year(&p.actions).rows;
            assert_eq!(rows.len(), 301);
            assert!(
                rows.iter()
                    .all(|r| r.amounts.remaining.is_finite() && r.amounts.investment.is_finite())
            );
            for dim in [
                crate::model::Dimension::Mass,
                crate::model::Dimension::Energy,
            ] {
                let svg = charts::sankey_svg(&charts::sankey(&p, dim, lang), "t", lang);
                assert_sane_coordinates(&svg, "sankey");
            }
            let bars = charts::gains_by_family(&p, |g| g.tco2e_per_year, lang);
            assert_sane_coordinates(&charts::bar_chart("t", &bars, "t", lang), "bars");
            let bars = charts::gains_by_family(&p, |g| g.tonnes_per_year, lang);
            assert_sane_coordinates(&charts::bar_chart("t", &bars, "t", lang), "bars");
        }
    }
}
