//! A workshop held: its title, date, who came and what was decided.

use symbiose_core::validate::rules;
use symbiose_core::{ActorId, Workshop, WorkshopId};

use super::date::required_date;
use super::number::parse_optional;
use super::{FieldError, add_rule_errors, comma_list, rule_errors};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorkshopDraft {
    pub title: String,
    pub date: String,
    /// The companies of the project that came, chosen in a list.
    pub participants: Vec<ActorId>,
    /// Anyone else, comma-separated.
    pub others: String,
    /// One decision per line.
    pub decisions: String,
    /// One idea per line.
    pub ideas: String,
    /// Facilitation time spent, in hours.
    pub hours: String,
}

impl WorkshopDraft {
    /// A new workshop, dated `today` (YYYY-MM-DD).
    pub fn new(today: String) -> Self {
        Self {
            date: today,
            ..Default::default()
        }
    }

    /// Once saved: the next workshop starts blank but for the date typed.
    pub fn saved(&mut self) {
        *self = Self::new(std::mem::take(&mut self.date));
    }

    /// The workshop as `id`, or every problem by field.
    pub fn to_workshop(&self, id: WorkshopId) -> Result<Workshop, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = self.title.trim().to_string();
        if title.is_empty() {
            errors.push(FieldError::from_texts("title", |t| {
                t.roadmap.title_required.into()
            }));
        }
        let date = required_date("date", &self.date).map_err(|e| errors.push(e));
        let hours = parse_optional(&self.hours)
            .map_err(|_| errors.push(FieldError::not_a_number("hours", &self.hours)))
            .unwrap_or(None);
        let Ok(date) = date else {
            return Err(errors);
        };
        let workshop = Workshop {
            id,
            title,
            date: Some(date),
            participants: self.participants.clone(),
            other_participants: comma_list(&self.others),
            decisions: lines(&self.decisions),
            ideas: lines(&self.ideas),
            hours,
            notes: String::new(),
        };
        add_rule_errors(
            &mut errors,
            rule_errors(
                |at, r| rules::workshop(&workshop, at, r),
                &[
                    ("title", "title"),
                    ("date", "date"),
                    ("other_participants", "others"),
                    ("decisions", "decisions"),
                    ("ideas", "ideas"),
                    ("hours", "hours"),
                ],
                "form",
            ),
        );
        if errors.is_empty() {
            Ok(workshop)
        } else {
            Err(errors)
        }
    }
}

/// The non-blank lines of a text, trimmed.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workshop_keeps_who_came_and_one_decision_per_line() {
        let mut d = WorkshopDraft {
            title: " Atelier 3 ".into(),
            participants: vec![ActorId::new("a-1")],
            others: "ADEME Corse, ".into(),
            decisions: "Étude lancée\n\n  Prochain atelier en mars ".into(),
            ideas: " Drêches pour l'élevage\n".into(),
            ..WorkshopDraft::new("2026-12-04".into())
        };
        let w = d.to_workshop(WorkshopId::new("w-2")).unwrap();
        assert_eq!(w.title, "Atelier 3");
        assert_eq!(w.date.unwrap().to_string(), "2026-12-04");
        assert_eq!(w.other_participants, ["ADEME Corse"]);
        assert_eq!(w.decisions, ["Étude lancée", "Prochain atelier en mars"]);
        assert_eq!(w.ideas, ["Drêches pour l'élevage"]);
        d.saved();
        assert_eq!(d, WorkshopDraft::new("2026-12-04".into()));
    }

    #[test]
    fn a_workshop_needs_a_title_and_a_date() {
        let d = WorkshopDraft::new("4 décembre".into());
        let errors = d.to_workshop(WorkshopId::new("w-1")).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["title", "date"], "in the order shown");
    }
}
