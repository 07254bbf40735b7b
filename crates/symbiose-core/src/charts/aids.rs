//! Where the aids stand, as the funder follows them: planned, granted and paid, by funder and
//! by year. The roadmap page, the CSV export and the "Feuille de route" deliverable all show
//! these tables from [`aid_follow_up`], so they cannot disagree.

use std::collections::BTreeMap;

use super::programme::SOURCES;
use super::svg::add;
use crate::Lang;
use crate::model::{AidStatus, FundingSource, RoadmapAction};

/// Planned, granted and paid amounts of some funding lines, € excluding VAT.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct AidAmounts {
    /// The financing plan: what is asked of the funders by the programme's actions, refused
    /// lines left out.
    pub planned: f64,
    /// What the funders agreed to pay.
    pub granted: f64,
    /// What they paid so far.
    pub paid: f64,
}

impl AidAmounts {
    fn add(&mut self, other: AidAmounts) {
        self.planned = add(self.planned, other.planned);
        self.granted = add(self.granted, other.granted);
        self.paid = add(self.paid, other.paid);
    }

    pub fn is_empty(&self) -> bool {
        self.planned == 0.0 && self.granted == 0.0 && self.paid == 0.0
    }
}

/// The follow-up tables of every funding line of the roadmap.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AidFollowUp {
    /// One row per funder, in [`SOURCES`] order, every funder listed (zero where none).
    pub by_funder: Vec<(FundingSource, AidAmounts)>,
    /// One row per year with an amount, in order; `None` (year unknown: an action without
    /// dates and a line without the date of its step) last.
    pub by_year: Vec<(Option<i32>, AidAmounts)>,
    /// Every line summed: the by-funder rows and the by-year rows both add up to it.
    pub total: AidAmounts,
    /// Refused lines: how many, and the amount they asked for.
    pub refused: (usize, f64),
}

/// The tables, by the rule [`aid_rule`] states: a line's planned amount counts for the
/// programme's actions (not the postponed or cancelled ones) in the action's first year; its
/// granted amount in the year of the grant, its paid amount in the year of the payment (the
/// action's first year when the date is not given), whatever the action's status since:
/// money granted or paid stays granted or paid. Refused lines are counted apart.
pub fn aid_follow_up(actions: &[RoadmapAction]) -> AidFollowUp {
    let mut by_funder: Vec<(FundingSource, AidAmounts)> = SOURCES
        .iter()
        .map(|s| (*s, AidAmounts::default()))
        .collect();
    let mut by_year: BTreeMap<Option<i32>, AidAmounts> = BTreeMap::new();
    let mut out = AidFollowUp::default();
    for a in actions {
        let first_year = a.years().map(|(first, _)| first);
        for line in &a.funding {
            if line.status == AidStatus::Refused {
                out.refused.0 += 1;
                out.refused.1 = add(out.refused.1, line.amount_eur);
                continue;
            }
            let mut parts: Vec<(Option<i32>, AidAmounts)> = Vec::with_capacity(3);
            if a.status.in_programme() {
                let planned = AidAmounts {
                    planned: line.amount_eur,
                    ..Default::default()
                };
                parts.push((first_year, planned));
            }
            if let Some(granted) = line.granted() {
                let year = line.granted_on.map(|d| d.year).or(first_year);
                parts.push((
                    year,
                    AidAmounts {
                        granted,
                        ..Default::default()
                    },
                ));
            }
            if let Some(paid) = line.paid() {
                let year = line.paid_on.map(|d| d.year).or(first_year);
                parts.push((
                    year,
                    AidAmounts {
                        paid,
                        ..Default::default()
                    },
                ));
            }
            for (year, amounts) in parts {
                by_year.entry(year).or_default().add(amounts);
                if let Some((_, row)) = by_funder.iter_mut().find(|(s, _)| *s == line.source) {
                    row.add(amounts);
                }
                out.total.add(amounts);
            }
        }
    }
    out.by_funder = by_funder;
    // `None` sorts first in a BTreeMap; the unknown year reads better last.
    let (unknown, known): (Vec<_>, Vec<_>) = by_year.into_iter().partition(|(y, _)| y.is_none());
    out.by_year = known.into_iter().chain(unknown).collect();
    out
}

/// How [`aid_follow_up`] counts, in one sentence for the reader of the tables.
pub fn aid_rule(lang: Lang) -> &'static str {
    lang.pick(
        "Montants hors taxes. Prévu : ce que le plan de financement demande aux financeurs pour les actions du programme (hors actions reportées ou annulées), l'année du début de l'action. Accordé : le montant de la convention (le montant demandé si elle ne dit pas autre chose), l'année de l'accord. Versé : ce qui a été payé, l'année du versement. À défaut de date, l'année du début de l'action. Les aides refusées sont comptées à part.",
        "Amounts excluding VAT. Planned: what the financing plan asks of the funders for the programme's actions (postponed or cancelled actions left out), in the action's start year. Granted: the agreement's amount (the amount asked unless it says otherwise), in the year of the grant. Paid: what was paid, in the year of payment. Without a date, the action's start year. Refused aids are counted apart.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionStatus, Date, FundingLine};

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn action(status: ActionStatus, funding: Vec<FundingLine>) -> RoadmapAction {
        RoadmapAction {
            status,
            start: Some(d("2026-03-01")),
            investment_eur: Some(50_000.0),
            funding,
            ..Default::default()
        }
    }

    fn row(t: &AidFollowUp, source: FundingSource) -> AidAmounts {
        t.by_funder.iter().find(|(s, _)| *s == source).unwrap().1
    }

    #[test]
    fn an_aid_moves_from_planned_to_granted_to_paid_in_the_years_of_its_steps() {
        let asked = FundingLine {
            requested_on: Some(d("2026-02-01")),
            ..FundingLine::planned(FundingSource::Ademe, 20_000.0)
        };
        let t = aid_follow_up(&[action(ActionStatus::Planned, vec![asked.clone()])]);
        assert_eq!(
            row(&t, FundingSource::Ademe),
            AidAmounts {
                planned: 20_000.0,
                granted: 0.0,
                paid: 0.0
            }
        );
        let granted = FundingLine {
            status: AidStatus::Granted,
            granted_on: Some(d("2026-06-10")),
            granted_eur: Some(18_000.0),
            ..asked.clone()
        };
        let t = aid_follow_up(&[action(ActionStatus::InProgress, vec![granted.clone()])]);
        assert_eq!(t.total.granted, 18_000.0);
        assert_eq!(t.total.paid, 0.0);
        let paid = FundingLine {
            status: AidStatus::Paid,
            paid_on: Some(d("2027-01-15")),
            paid_eur: Some(9_000.0),
            ..granted
        };
        let t = aid_follow_up(&[action(ActionStatus::InProgress, vec![paid])]);
        assert_eq!(
            t.by_year,
            vec![
                (
                    Some(2026),
                    AidAmounts {
                        planned: 20_000.0,
                        granted: 18_000.0,
                        paid: 0.0
                    }
                ),
                (
                    Some(2027),
                    AidAmounts {
                        planned: 0.0,
                        granted: 0.0,
                        paid: 9_000.0
                    }
                ),
            ]
        );
    }

    #[test]
    fn funders_and_years_add_up_to_the_total_and_refusals_stand_apart() {
        let lines = vec![
            FundingLine {
                status: AidStatus::Paid,
                ..FundingLine::planned(FundingSource::Ademe, 10_000.0)
            },
            FundingLine::planned(FundingSource::Epci, 4_000.0),
            FundingLine {
                status: AidStatus::Refused,
                ..FundingLine::planned(FundingSource::RegionalAgency, 6_000.0)
            },
        ];
        let undated = RoadmapAction {
            funding: vec![FundingLine::planned(FundingSource::Other, 1_000.0)],
            ..Default::default()
        };
        let t = aid_follow_up(&[action(ActionStatus::Planned, lines), undated]);
        assert_eq!(t.refused, (1, 6_000.0));
        assert_eq!(
            row(&t, FundingSource::RegionalAgency),
            AidAmounts::default()
        );
        assert_eq!(
            t.by_year.last().unwrap().0,
            None,
            "the unknown year comes last"
        );
        let mut funders = AidAmounts::default();
        t.by_funder.iter().for_each(|(_, a)| funders.add(*a));
        let mut years = AidAmounts::default();
        t.by_year.iter().for_each(|(_, a)| years.add(*a));
        assert_eq!(funders, t.total);
        assert_eq!(years, t.total);
        assert_eq!(
            t.total,
            AidAmounts {
                planned: 15_000.0,
                granted: 10_000.0,
                paid: 10_000.0
            }
        );
    }

    #[test]
    fn a_cancelled_action_keeps_what_was_granted_or_paid_but_plans_nothing() {
        let lines = vec![
            FundingLine {
                status: AidStatus::Granted,
                ..FundingLine::planned(FundingSource::Ademe, 8_000.0)
            },
            FundingLine::planned(FundingSource::Epci, 2_000.0),
        ];
        let t = aid_follow_up(&[action(ActionStatus::Cancelled, lines)]);
        assert_eq!(
            t.total,
            AidAmounts {
                planned: 0.0,
                granted: 8_000.0,
                paid: 0.0
            }
        );
    }
}
