//! A synergy card's two forms: its edit form (next step, estimated gains, barriers) and the
//! abandon form, which asks why.

use symbiose_core::numbers::{Precision::Editing, number};
use symbiose_core::validate::rules;
use symbiose_core::{Barrier, BarrierKind, Gains, Lang, Synergy};

use super::number::parse_optional;
use super::{FieldError, add_rule_errors, noted, rule_errors};

/// Where one estimated gain goes in `Gains`.
pub type Pick = fn(&mut Gains) -> &mut Option<f64>;

/// The gains a card edits, in the order shown: each one's field name and place.
pub const GAINS: [(&str, Pick); 10] = [
    ("gain_t", |g| &mut g.tonnes_per_year),
    ("gain_mwh", |g| &mut g.mwh_per_year),
    ("gain_m3", |g| &mut g.m3_per_year),
    ("gain_co2", |g| &mut g.tco2e_per_year),
    ("gain_eur", |g| &mut g.eur_per_year),
    ("gain_invest", |g| &mut g.investment_eur),
    ("gain_jobs", |g| &mut g.jobs),
    ("gain_revenue", |g| &mut g.revenue_eur_per_year),
    ("gain_avoided", |g| &mut g.avoided_investment_eur),
    ("gain_jobs_kept", |g| &mut g.jobs_kept),
];

#[derive(Debug, Clone, PartialEq)]
pub struct SynergyDraft {
    pub next_step: String,
    /// In the order of [`GAINS`].
    pub gains: [String; 10],
    pub barriers: Vec<Barrier>,
    /// The barrier being typed, added by its own button.
    pub barrier_kind: BarrierKind,
    pub barrier_note: String,
}

impl SynergyDraft {
    pub fn from_synergy(s: &Synergy, lang: Lang) -> Self {
        let mut estimated = s.estimated;
        Self {
            next_step: s.next_step.clone(),
            gains: GAINS.map(|(_, pick)| {
                pick(&mut estimated)
                    .map(|v| number(v, lang, Editing))
                    .unwrap_or_default()
            }),
            barriers: s.barriers.clone(),
            barrier_kind: BarrierKind::Technical,
            barrier_note: String::new(),
        }
    }

    pub fn add_barrier(&mut self) {
        self.barriers.push(Barrier {
            kind: self.barrier_kind,
            note: self.barrier_note.trim().to_string(),
        });
        self.barrier_note.clear();
    }

    /// `base` with this draft's next step, gains and barriers; or every problem by field.
    pub fn to_synergy(&self, base: &Synergy) -> Result<Synergy, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut s = base.clone();
        s.next_step = self.next_step.trim().to_string();
        s.barriers = self.barriers.clone();
        for ((field, pick), typed) in GAINS.iter().zip(&self.gains) {
            let read = parse_optional(typed).map_err(|_| FieldError::not_a_number(field, typed));
            *pick(&mut s.estimated) = noted(&mut errors, read);
        }
        add_rule_errors(
            &mut errors,
            rule_errors(
                |at, r| rules::synergy(&s, at, r),
                &[("next_step", "next_step"), ("barriers", "barriers")],
                "form",
            ),
        );
        if errors.is_empty() {
            Ok(s)
        } else {
            Err(errors)
        }
    }
}

/// Why the group abandons a synergy: the bilan reads it, so it must be given.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AbandonDraft {
    pub reason: String,
}

impl AbandonDraft {
    pub fn to_reason(&self) -> Result<String, Vec<FieldError>> {
        match self.reason.trim() {
            "" => Err(vec![FieldError::from_texts("reason", |t| {
                t.pipeline.reason_required.into()
            })]),
            reason => Ok(reason.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use symbiose_core::SynergyId;

    fn base() -> Synergy {
        Synergy {
            id: SynergyId::new("s-1"),
            title: "Palettes".into(),
            estimated: Gains {
                jobs: Some(2.0),
                ..Default::default()
            },
            ..Default::default()
        }
    }

    #[test]
    fn gains_read_french_decimals_and_an_empty_one_is_unknown() {
        let mut d = SynergyDraft::from_synergy(&base(), Lang::Fr);
        assert_eq!(d.gains[6], "2");
        d.gains[0] = "12,5".into();
        d.gains[4] = "3 400".into();
        d.gains[6] = " ".into();
        d.next_step = " Signer ".into();
        d.barrier_kind = BarrierKind::Regulatory;
        d.barrier_note = " Statut de déchet ".into();
        d.add_barrier();
        let s = d.to_synergy(&base()).unwrap();
        assert_eq!(s.estimated.tonnes_per_year, Some(12.5));
        assert_eq!(s.estimated.eur_per_year, Some(3400.0));
        assert_eq!(
            s.estimated.jobs, None,
            "an emptied gain is unknown, not zero"
        );
        assert_eq!(s.next_step, "Signer");
        assert_eq!(
            s.barriers,
            [Barrier {
                kind: BarrierKind::Regulatory,
                note: "Statut de déchet".into()
            }]
        );
        assert_eq!(
            SynergyDraft::from_synergy(&s, Lang::En).to_synergy(&base()),
            Ok(s)
        );
    }

    #[test]
    fn a_gain_that_is_not_a_number_is_named_under_its_field() {
        let mut d = SynergyDraft::from_synergy(&base(), Lang::Fr);
        d.gains[4] = "douze".into();
        let errors = d.to_synergy(&base()).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "gain_eur");
        assert_eq!(errors[0].message.fr, "« douze » n'est pas un nombre");
    }

    #[test]
    fn abandoning_needs_a_reason() {
        let blank = AbandonDraft {
            reason: " \n".into(),
        };
        assert_eq!(blank.to_reason().unwrap_err()[0].field, "reason");
        let given = AbandonDraft {
            reason: " Volumes trop faibles ".into(),
        };
        assert_eq!(given.to_reason().unwrap(), "Volumes trop faibles");
    }
}
