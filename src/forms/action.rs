//! The roadmap action form: draft, the funding lines and milestones added one at a time, and
//! the conversion to a `RoadmapAction` with every problem by field.

use symbiose_core::numbers::{Precision::Editing, number};
use symbiose_core::validate::rules;
use symbiose_core::{
    ActionStatus, AidKind, Bilingual, CompanySize, FundingLine, FundingSource, InterventionField,
    Lang, Milestone, ProgrammePhase, RoadmapAction, SynergyId,
};

use super::date::{optional_date, required_date};
use super::funding::LineDraft;
use super::number::{parse_decimal, parse_optional};
use super::{FieldError, add_rule_errors, comma_list, noted, rule_errors};

#[derive(Debug, Clone, PartialEq)]
pub struct ActionDraft {
    pub title: String,
    pub synergy: Option<SynergyId>,
    pub owner: String,
    /// Comma-separated.
    pub partners: String,
    pub phase: ProgrammePhase,
    pub field: InterventionField,
    pub status: ActionStatus,
    pub start: String,
    pub end: String,
    pub investment: String,
    pub operating: String,
    pub eligible: String,
    /// Where the action comes from (an earlier plan).
    pub origin: String,
    pub aid_kind: Option<AidKind>,
    pub beneficiary_size: Option<CompanySize>,
    /// The lines added so far, each with where its aid stands, as typed.
    pub funding: Vec<LineDraft>,
    pub milestones: Vec<Milestone>,
    /// The funding line being typed, added by its own button.
    pub funding_source: FundingSource,
    pub funding_amount: String,
    /// The milestone being typed, added by its own button.
    pub milestone_date: String,
    pub milestone_label: String,
}

impl ActionDraft {
    pub fn from_action(a: &RoadmapAction, lang: Lang) -> Self {
        let money = |v: Option<f64>| v.map(|v| number(v, lang, Editing)).unwrap_or_default();
        let day = |d: Option<symbiose_core::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        Self {
            title: a.title.clone(),
            synergy: a.synergy.clone(),
            owner: a.owner.clone(),
            partners: a.partners.join(", "),
            phase: a.phase,
            field: a.field,
            status: a.status,
            start: day(a.start),
            end: day(a.end),
            investment: money(a.investment_eur),
            operating: money(a.operating_eur_per_year),
            eligible: money(a.eligible_eur),
            origin: a.origin.clone(),
            aid_kind: a.aid_kind,
            beneficiary_size: a.beneficiary_size,
            funding: a
                .funding
                .iter()
                .map(|l| LineDraft::from_line(l, lang))
                .collect(),
            milestones: a.milestones.clone(),
            funding_source: FundingSource::Ademe,
            funding_amount: String::new(),
            milestone_date: String::new(),
            milestone_label: String::new(),
        }
    }

    /// Adds the funding line being typed, or says why its amount is not one.
    pub fn add_funding(&mut self) -> Result<(), FieldError> {
        let amount_eur = parse_decimal(&self.funding_amount).ok_or_else(|| {
            FieldError::from_texts("funding_amount", |t| {
                format!("{} : {}", t.roadmap.f_amount, t.common.bad_value)
            })
        })?;
        let line = FundingLine::planned(self.funding_source, amount_eur);
        self.funding.push(LineDraft::from_line(&line, Lang::Fr));
        self.funding_amount.clear();
        Ok(())
    }

    /// Adds the milestone being typed, or says why its date is not one.
    pub fn add_milestone(&mut self) -> Result<(), FieldError> {
        let date = required_date("milestone_date", &self.milestone_date)?;
        self.milestones.push(Milestone {
            date,
            label: self.milestone_label.trim().to_string(),
            done: false,
        });
        self.milestone_date.clear();
        self.milestone_label.clear();
        Ok(())
    }

    /// The action this draft describes, keeping `base`'s id and notes; or every problem by field.
    pub fn to_action(&self, base: &RoadmapAction) -> Result<RoadmapAction, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = self.title.trim().to_string();
        if title.is_empty() {
            errors.push(FieldError::from_texts("title", |t| {
                t.roadmap.title_required.into()
            }));
        }
        let start = noted(&mut errors, optional_date("start", &self.start));
        let end = noted(&mut errors, optional_date("end", &self.end));
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            errors.push(FieldError::from_texts("end", |t| {
                t.roadmap.end_before_start.into()
            }));
        }
        let money = |field: &'static str, typed: &str| {
            parse_optional(typed).map_err(|_| FieldError::not_a_number(field, typed))
        };
        let investment_eur = noted(&mut errors, money("investment", &self.investment));
        let operating_eur_per_year = noted(&mut errors, money("operating", &self.operating));
        let eligible_eur = noted(&mut errors, money("eligible", &self.eligible));
        let mut funding = Vec::with_capacity(self.funding.len());
        for line in &self.funding {
            match line.to_line() {
                Ok(l) => funding.push(l),
                Err(problems) => {
                    errors.extend(problems.into_iter().map(|p| funding_error(line.source, p)))
                }
            }
        }
        let action = RoadmapAction {
            title,
            synergy: self.synergy.clone(),
            owner: self.owner.trim().to_string(),
            partners: comma_list(&self.partners),
            phase: self.phase,
            field: self.field,
            status: self.status,
            start,
            end,
            investment_eur,
            operating_eur_per_year,
            eligible_eur,
            origin: self.origin.trim().to_string(),
            aid_kind: self.aid_kind,
            beneficiary_size: self.beneficiary_size,
            funding,
            milestones: self.milestones.clone(),
            ..base.clone()
        };
        // Years, signs of amounts, the funder's ceilings and lengths are the core's record
        // rules, shared with files. A funding line's problem names the line's funder.
        add_rule_errors(&mut errors, line_errors(&action));
        add_rule_errors(
            &mut errors,
            rule_errors(
                |at, r| {
                    let mut all = symbiose_core::validate::Report::default();
                    rules::action(&action, at, &mut all);
                    r.errors
                        .extend(all.errors.into_iter().filter(|p| !in_a_line(&p.path)));
                },
                &[
                    ("title", "title"),
                    ("owner", "owner"),
                    ("partners", "partners"),
                    ("start", "start"),
                    ("end", "end"),
                    ("investment_eur", "investment"),
                    ("operating_eur_per_year", "operating"),
                    ("eligible_eur", "eligible"),
                    ("origin", "origin"),
                    ("funding", "funding"),
                    ("milestones", "milestones"),
                ],
                "form",
            ),
        );
        if errors.is_empty() {
            Ok(action)
        } else {
            Err(errors)
        }
    }
}

/// Whether a rule's path is inside one funding line (`record.funding[2].paid_eur`).
fn in_a_line(path: &str) -> bool {
    path.contains(".funding[")
}

/// A line's problem, said on the funding fieldset with the line's funder first.
fn funding_error(source: FundingSource, p: Bilingual) -> FieldError {
    FieldError::new(
        "funding",
        format!("{} — {}", source.label(Lang::Fr), p.fr),
        format!("{} — {}", source.label(Lang::En), p.en),
    )
}

/// The core's rules on each funding line, said as [`funding_error`]s.
fn line_errors(action: &RoadmapAction) -> Vec<FieldError> {
    let mut r = symbiose_core::validate::Report::default();
    rules::action(action, "record", &mut r);
    r.errors
        .into_iter()
        .filter(|p| in_a_line(&p.path))
        .filter_map(|p| {
            let index: usize = p
                .path
                .split_once(".funding[")?
                .1
                .split(']')
                .next()?
                .parse()
                .ok()?;
            Some(funding_error(action.funding.get(index)?.source, p.message))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use symbiose_core::{ActionId, Date};

    fn base() -> RoadmapAction {
        RoadmapAction {
            id: ActionId::new("act-4"),
            notes: "gardée".into(),
            ..Default::default()
        }
    }

    fn draft() -> ActionDraft {
        ActionDraft {
            title: " Réseau de chaleur ".into(),
            ..ActionDraft::from_action(&base(), Lang::Fr)
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<&'static str> {
        errors.iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_full_action_round_trips_with_french_amounts() {
        let mut d = ActionDraft {
            synergy: Some(SynergyId::new("s-2")),
            partners: "ADEME, , Région ".into(),
            start: "2027-02-01".into(),
            end: " 2027-12-31 ".into(),
            investment: "120 000".into(),
            operating: "1 234,5".into(),
            eligible: "100 000".into(),
            funding_amount: "48 000".into(),
            milestone_date: "2027-09-15".into(),
            milestone_label: " Convention signée ".into(),
            ..draft()
        };
        d.add_funding().unwrap();
        d.add_milestone().unwrap();
        assert!(d.funding_amount.is_empty() && d.milestone_date.is_empty());
        let a = d.to_action(&base()).unwrap();
        assert_eq!((a.id.as_str(), a.notes.as_str()), ("act-4", "gardée"));
        assert_eq!(a.title, "Réseau de chaleur");
        assert_eq!(a.partners, ["ADEME", "Région"]);
        assert_eq!(a.investment_eur, Some(120_000.0));
        assert_eq!(a.operating_eur_per_year, Some(1234.5));
        assert_eq!(a.end, "2027-12-31".parse::<Date>().ok());
        assert_eq!(a.funding[0].amount_eur, 48_000.0);
        assert_eq!(a.eligible_eur, Some(100_000.0));
        assert_eq!(a.milestones[0].label, "Convention signée");
        for lang in [Lang::Fr, Lang::En] {
            let again = ActionDraft::from_action(&a, lang);
            assert_eq!(again.to_action(&base()).unwrap(), a, "{lang:?}");
        }
    }

    #[test]
    fn an_end_before_the_start_is_said_once_in_the_forms_words() {
        let d = ActionDraft {
            start: "2027-02-01".into(),
            end: "2026-01-01".into(),
            ..draft()
        };
        let errors = d.to_action(&base()).unwrap_err();
        assert_eq!(
            fields(&errors),
            ["end"],
            "the core's own 'fin avant le début' is not added"
        );
        assert_eq!(errors[0].message.fr, "La fin précède le début.");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let d = ActionDraft {
            title: "  ".into(),
            start: "01/02/2027".into(),
            investment: "12x".into(),
            operating: "-5".into(),
            ..draft()
        };
        let errors = d.to_action(&base()).unwrap_err();
        assert_eq!(
            fields(&errors),
            ["title", "start", "investment", "operating"]
        );
        assert!(errors[1].message.fr.contains("AAAA-MM-JJ"));
        assert_eq!(errors[2].message.fr, "« 12x » n'est pas un nombre");
        // A negative amount reads as a number: the core's rule refuses it.
        assert!(
            errors[3].message.fr.contains("négatif"),
            "{}",
            errors[3].message.fr
        );
    }

    #[test]
    fn the_cores_year_range_holds() {
        let d = ActionDraft {
            start: "1850-01-01".into(),
            ..draft()
        };
        let errors = d.to_action(&base()).unwrap_err();
        assert_eq!(fields(&errors), ["start"]);
        assert!(errors[0].message.fr.contains("1850"));
    }

    #[test]
    fn a_line_that_does_not_read_is_not_added() {
        let mut d = ActionDraft {
            funding_amount: "beaucoup".into(),
            milestone_date: "demain".into(),
            ..draft()
        };
        assert_eq!(d.add_funding().unwrap_err().field, "funding_amount");
        assert_eq!(d.add_milestone().unwrap_err().field, "milestone_date");
        assert!(d.funding.is_empty() && d.milestones.is_empty());
        assert_eq!(
            d.funding_amount, "beaucoup",
            "what was typed stays to be fixed"
        );
        d.funding_amount = "-10".into();
        d.add_funding().unwrap();
        let errors = d.to_action(&base()).unwrap_err();
        assert_eq!(
            fields(&errors),
            ["funding"],
            "a negative line is the core's to refuse"
        );
    }
}
