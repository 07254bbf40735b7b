//! An entry of the mission log: what was done, when, with which companies and other people, and
//! how long it took.

use symbiose_core::numbers::{Precision::Editing, number};
use symbiose_core::validate::rules;
use symbiose_core::{Activity, ActivityId, ActivityKind, ActorId, Lang};

use super::date::required_date;
use super::number::parse_optional;
use super::{FieldError, add_rule_errors, comma_list, rule_errors};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActivityDraft {
    pub kind: ActivityKind,
    pub date: String,
    pub title: String,
    /// The companies concerned, chosen in a list.
    pub actors: Vec<ActorId>,
    /// Anyone else, comma-separated.
    pub people: String,
    pub hours: String,
    pub notes: String,
}

impl ActivityDraft {
    /// A new entry, dated `today` (YYYY-MM-DD).
    pub fn new(today: String) -> Self {
        Self {
            date: today,
            ..Default::default()
        }
    }

    pub fn from_activity(a: &Activity, lang: Lang) -> Self {
        Self {
            kind: a.kind,
            date: a.date.map(|d| d.to_string()).unwrap_or_default(),
            title: a.title.clone(),
            actors: a.actors.clone(),
            people: a.people.join(", "),
            hours: a
                .hours
                .map(|h| number(h, lang, Editing))
                .unwrap_or_default(),
            notes: a.notes.clone(),
        }
    }

    /// The entry as `id`, or every problem by field. A date is required: the log is read by
    /// date, and the indicators of a year count its entries.
    pub fn to_activity(&self, id: ActivityId) -> Result<Activity, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = required_date("date", &self.date)
            .map_err(|e| errors.push(e))
            .ok();
        let hours = parse_optional(&self.hours)
            .map_err(|_| errors.push(FieldError::not_a_number("hours", &self.hours)))
            .unwrap_or(None);
        let activity = Activity {
            id,
            kind: self.kind,
            date,
            title: self.title.trim().to_string(),
            actors: self.actors.clone(),
            people: comma_list(&self.people),
            hours,
            notes: self.notes.trim().to_string(),
        };
        add_rule_errors(
            &mut errors,
            rule_errors(
                |at, r| rules::activity(&activity, at, r),
                &[
                    ("date", "date"),
                    ("title", "title"),
                    ("people", "people"),
                    ("hours", "hours"),
                    ("notes", "notes"),
                ],
                "form",
            ),
        );
        if errors.is_empty() {
            Ok(activity)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_keeps_its_companies_people_and_french_hours() {
        let d = ActivityDraft {
            kind: ActivityKind::SiteVisit,
            title: " Visite de la scierie ".into(),
            actors: vec![ActorId::new("a-3")],
            people: "Chambre d'agriculture, ".into(),
            hours: "2,5".into(),
            ..ActivityDraft::new("2026-03-04".into())
        };
        let a = d.to_activity(ActivityId::new("m-4")).unwrap();
        assert_eq!(a.title, "Visite de la scierie");
        assert_eq!(a.people, ["Chambre d'agriculture"]);
        assert_eq!(a.hours, Some(2.5));
        assert_eq!(a.date.unwrap().to_string(), "2026-03-04");
        let again = ActivityDraft::from_activity(&a, Lang::Fr);
        assert_eq!(again.to_activity(ActivityId::new("m-4")).unwrap(), a);
    }

    #[test]
    fn a_date_and_sensible_hours_are_required() {
        let d = ActivityDraft {
            hours: "-3".into(),
            ..ActivityDraft::new("hier".into())
        };
        let errors = d.to_activity(ActivityId::new("m-1")).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["date", "hours"]);
        assert!(
            errors[1].message.fr.contains("8"),
            "{}",
            errors[1].message.fr
        );
    }
}
