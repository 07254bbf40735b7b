//! The funder's portfolio: several territories side by side, each one's follow-up indicators
//! (`indicators::elipse`) and their sum, and the aids of all their roadmaps consolidated
//! (`charts::aid_follow_up`). The projects come from this browser or from files; nothing
//! leaves the browser.

use serde::Serialize;

use crate::charts::{AidFollowUp, aid_follow_up};
use crate::factors::Factors;
use crate::indicators::compute;
use crate::indicators::elipse::Axis;
use crate::model::{Project, RoadmapAction};
use crate::{Bilingual, Lang};

/// Indicators whose sum over territories means nothing: a level of maturity.
const NOT_SUMMED: [&str; 1] = ["maturity"];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortfolioRow {
    pub code: &'static str,
    pub axis: Axis,
    pub label: Bilingual,
    pub unit: Bilingual,
    /// One value per territory, in the portfolio's order; `None` where nothing is recorded.
    pub values: Vec<Option<f64>>,
    /// The sum of the known values; `None` when none is known, or when a sum means nothing.
    pub total: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Portfolio {
    /// The territories' names, in the order given.
    pub territories: Vec<String>,
    pub rows: Vec<PortfolioRow>,
    /// The aids of every territory's roadmap, by funder and by year.
    pub aids: AidFollowUp,
}

/// The portfolio of `projects` (a name and a project each), with `factors` for the estimates.
pub fn portfolio(projects: &[(String, Project)], factors: &Factors) -> Portfolio {
    let sets: Vec<_> = projects
        .iter()
        .map(|(_, p)| compute(p, factors).elipse)
        .collect();
    let rows = crate::indicators::elipse::CODES
        .iter()
        .filter_map(|code| {
            let first = sets.first()?.iter().find(|i| i.code == *code)?;
            let values: Vec<Option<f64>> = sets
                .iter()
                .map(|set| set.iter().find(|i| i.code == *code).and_then(|i| i.value))
                .collect();
            let total = if *code == FUNDERS {
                distinct_funders(projects)
            } else {
                (!NOT_SUMMED.contains(code))
                    .then(|| values.iter().flatten().copied().reduce(|a, b| a + b))
                    .flatten()
            };
            Some(PortfolioRow {
                code: first.code,
                axis: first.axis,
                label: first.label.clone(),
                unit: first.unit.clone(),
                values,
                total,
            })
        })
        .collect();
    let actions: Vec<RoadmapAction> = projects
        .iter()
        .flat_map(|(_, p)| p.actions.iter().cloned())
        .collect();
    Portfolio {
        territories: projects.iter().map(|(name, _)| name.clone()).collect(),
        rows,
        aids: aid_follow_up(&actions),
    }
}

/// The row of the programme's funders, whose total counts each funder once.
const FUNDERS: &str = "funders";

/// How many different funders the territories name (the same name, whatever its case and
/// spaces, is one funder): ADEME funding three territories is one funder, not three.
/// `None` when no territory names one, as the row's values.
fn distinct_funders(projects: &[(String, Project)]) -> Option<f64> {
    let names: std::collections::BTreeSet<String> = projects
        .iter()
        .flat_map(|(_, p)| &p.territory.funders)
        .map(|f| {
            f.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .filter(|f| !f.is_empty())
        .collect();
    (!names.is_empty()).then_some(names.len() as f64)
}

/// What the total column says of a row it does not sum.
pub fn not_summed(lang: Lang) -> &'static str {
    lang.pick("sans objet", "not applicable")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActivityKind, FundingLine, FundingSource, Maturity};

    #[test]
    fn two_territories_side_by_side_with_their_sums_and_aids_consolidated() {
        let demo = crate::demo::project();
        let mut other = crate::demo::project();
        other
            .activities
            .retain(|a| a.kind != ActivityKind::SiteVisit);
        other.territory.maturity = Some(Maturity::Developing);
        other.actions[0]
            .funding
            .push(FundingLine::planned(FundingSource::Epci, 1_000.0));
        let projects = vec![("ZA A".to_string(), demo), ("ZA B".to_string(), other)];
        let pf = portfolio(&projects, Factors::bundled());
        assert_eq!(pf.territories, ["ZA A", "ZA B"]);
        let row = |code: &str| pf.rows.iter().find(|r| r.code == code).unwrap();
        assert_eq!(row("site_visits").values, [Some(8.0), Some(0.0)]);
        assert_eq!(row("site_visits").total, Some(8.0));
        assert_eq!(row("questionnaires_sent").total, Some(40.0));
        assert_eq!(row("maturity").values, [Some(2.0), Some(3.0)]);
        assert_eq!(row("maturity").total, None, "levels are not added up");
        // The same two funders in both: two funders, not four.
        assert_eq!(row("funders").values, [Some(2.0), Some(2.0)]);
        assert_eq!(row("funders").total, Some(2.0));
        let mut named = projects.clone();
        named[0].1.territory.funders = vec!["ADEME".into(), "Région  Sud".into()];
        named[1].1.territory.funders = vec![" ademe ".into(), "région sud".into(), "EPCI".into()];
        let pf = portfolio(&named, Factors::bundled());
        let funders = pf.rows.iter().find(|r| r.code == "funders").unwrap();
        assert_eq!(
            funders.total,
            Some(3.0),
            "case and spaces aside, three funders"
        );
        named[0].1.territory.funders.clear();
        named[1].1.territory.funders.clear();
        let pf = portfolio(&named, Factors::bundled());
        assert_eq!(
            pf.rows.iter().find(|r| r.code == "funders").unwrap().total,
            None
        );
        assert_eq!(
            row("tonnes_per_year").total,
            None,
            "unknown everywhere: unknown"
        );
        assert_eq!(pf.rows.len(), crate::indicators::elipse::CODES.len());
        let single = aid_follow_up(&projects[0].1.actions);
        assert_eq!(pf.aids.total.granted, 2.0 * single.total.granted);
        assert_eq!(pf.aids.total.planned, 2.0 * single.total.planned + 1_000.0);
    }

    #[test]
    fn the_sheet_keeps_its_columns_with_one_territory_or_several() {
        for n in [1, 3] {
            let projects: Vec<(String, Project)> = (0..n)
                .map(|i| (format!("ZA {i}"), crate::demo::project()))
                .collect();
            let pf = portfolio(&projects, Factors::bundled());
            let text = crate::export::csv::portfolio(&pf, Lang::Fr);
            let mut reader = ::csv::ReaderBuilder::new()
                .delimiter(b';')
                .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
            let width = reader.headers().unwrap().len();
            assert_eq!(width, 4 + n + 1);
            let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
            assert!(rows.iter().all(|r| r.len() == width));
            let granted = rows
                .iter()
                .find(|r| &r[0] == "aides par financeur" && &r[1] == "ADEME" && &r[2] == "accordé")
                .unwrap();
            assert_eq!(&granted[width - 1], (6_000 * n).to_string().as_str());
            let visits = rows.iter().find(|r| &r[1] == "site_visits").unwrap();
            assert_eq!(&visits[width - 1], (8 * n).to_string().as_str());
        }
    }

    #[test]
    fn an_empty_portfolio_has_no_rows() {
        let pf = portfolio(&[], Factors::bundled());
        assert!(pf.rows.is_empty() && pf.territories.is_empty());
    }
}
