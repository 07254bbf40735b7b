//! One funding line of an action as the form edits it: the amount asked, where the aid stands
//! (status), and the dates and amounts of its steps as typed. Only the steps the status has
//! reached are kept: a line moved back from "paid" to "granted" loses its payment.

use symbiose_core::numbers::{Precision::Editing, number};
use symbiose_core::{AidStatus, Bilingual, Date, FundingLine, FundingSource, Lang};

use super::date::optional_date;
use super::number::{parse_decimal, parse_optional};
use crate::i18n::texts;

/// The fields of a line, as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct LineDraft {
    pub source: FundingSource,
    pub amount: String,
    pub status: AidStatus,
    pub requested_on: String,
    /// The funder's decision: the grant, or the refusal.
    pub decided_on: String,
    pub granted: String,
    pub paid_on: String,
    pub paid: String,
    pub note: String,
}

/// Which step fields a status shows and keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Steps {
    pub requested: bool,
    pub decided: bool,
    pub granted: bool,
    pub paid: bool,
}

impl Steps {
    pub fn of(status: AidStatus) -> Self {
        use AidStatus::*;
        Self {
            requested: status != Planned,
            decided: matches!(status, Granted | Paid | Refused),
            granted: matches!(status, Granted | Paid),
            paid: status == Paid,
        }
    }
}

impl LineDraft {
    pub fn from_line(l: &FundingLine, lang: Lang) -> Self {
        let day = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let euros = |v: Option<f64>| v.map(|v| number(v, lang, Editing)).unwrap_or_default();
        Self {
            source: l.source,
            amount: number(l.amount_eur, lang, Editing),
            status: l.status,
            requested_on: day(l.requested_on),
            decided_on: day(l.granted_on),
            granted: euros(l.granted_eur),
            paid_on: day(l.paid_on),
            paid: euros(l.paid_eur),
            note: l.note.clone(),
        }
    }

    /// The line, or what is wrong with what was typed, each problem naming its field.
    pub fn to_line(&self) -> Result<FundingLine, Vec<Bilingual>> {
        let steps = Steps::of(self.status);
        let mut problems = Vec::new();
        let say = |label: fn(Lang) -> &'static str, what: fn(Lang) -> &'static str| {
            Bilingual::new(
                format!("{} : {}", label(Lang::Fr), what(Lang::Fr)),
                format!("{}: {}", label(Lang::En), what(Lang::En)),
            )
        };
        let bad_number = |l: Lang| texts(l).common.bad_value;
        let bad_date = |l: Lang| texts(l).common.bad_date;
        let amount_eur = parse_decimal(&self.amount).unwrap_or_else(|| {
            problems.push(say(|l| texts(l).roadmap.f_amount, bad_number));
            0.0
        });
        let mut date = |keep: bool, typed: &str, label: fn(Lang) -> &'static str| {
            if !keep {
                return None;
            }
            optional_date("funding", typed).unwrap_or_else(|_| {
                problems.push(say(label, bad_date));
                None
            })
        };
        let requested_on = date(steps.requested, &self.requested_on, |l| {
            texts(l).roadmap.f_requested_on
        });
        let granted_on = date(steps.decided, &self.decided_on, |l| {
            texts(l).roadmap.f_decided_on
        });
        let paid_on = date(steps.paid, &self.paid_on, |l| texts(l).roadmap.f_paid_on);
        let mut euros = |keep: bool, typed: &str, label: fn(Lang) -> &'static str| {
            if !keep {
                return None;
            }
            parse_optional(typed).unwrap_or_else(|_| {
                problems.push(say(label, bad_number));
                None
            })
        };
        let granted_eur = euros(steps.granted, &self.granted, |l| texts(l).roadmap.f_granted);
        let paid_eur = euros(steps.paid, &self.paid, |l| texts(l).roadmap.f_paid);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(FundingLine {
            source: self.source,
            amount_eur,
            status: self.status,
            requested_on,
            granted_on,
            granted_eur,
            paid_on,
            paid_eur,
            note: self.note.trim().to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line() -> LineDraft {
        LineDraft::from_line(
            &FundingLine::planned(FundingSource::Ademe, 12_000.0),
            Lang::Fr,
        )
    }

    #[test]
    fn a_line_goes_from_asked_to_paid_with_french_amounts() {
        let d = LineDraft {
            status: AidStatus::Paid,
            requested_on: "2026-02-01".into(),
            decided_on: " 2026-04-15 ".into(),
            granted: "10 500,5".into(),
            paid_on: "2026-09-30".into(),
            paid: "5 000".into(),
            ..line()
        };
        let l = d.to_line().unwrap();
        assert_eq!(l.amount_eur, 12_000.0);
        assert_eq!(l.granted(), Some(10_500.5));
        assert_eq!(l.paid(), Some(5_000.0));
        assert_eq!(l.paid_on.unwrap().to_string(), "2026-09-30");
        assert_eq!(LineDraft::from_line(&l, Lang::Fr).granted, "10500,5");
    }

    #[test]
    fn a_status_keeps_only_the_steps_it_has_reached() {
        let d = LineDraft {
            status: AidStatus::Requested,
            requested_on: "2026-02-01".into(),
            decided_on: "2026-04-15".into(),
            granted: "pas un nombre".into(),
            paid: "5 000".into(),
            ..line()
        };
        let l = d.to_line().unwrap();
        assert_eq!(
            (l.granted_on, l.granted_eur, l.paid_eur),
            (None, None, None)
        );
        assert!(l.requested_on.is_some());
    }

    #[test]
    fn each_bad_field_is_named_in_both_languages() {
        let d = LineDraft {
            status: AidStatus::Granted,
            amount: "douze".into(),
            decided_on: "15/04/2026".into(),
            granted: "10 5x".into(),
            ..line()
        };
        let problems = d.to_line().unwrap_err();
        assert_eq!(problems.len(), 3);
        assert!(problems[0].fr.starts_with("Montant demandé (€ HT) :"));
        assert!(problems[1].fr.starts_with("Décision le"));
        assert!(problems[2].en.starts_with("Amount granted"));
    }
}
