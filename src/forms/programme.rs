//! The territory's programme settings: funding track, phase, years, facilitation and funders.

use symbiose_core::validate::rules;
use symbiose_core::{Maturity, ProgrammePhase, ProgrammeTrack, Territory};

use super::date::optional_year;
use super::{FieldError, add_rule_errors, comma_list, noted, rule_errors};

/// The year pilot territories measure from: offered as their baseline.
const PILOT_BASELINE: &str = "2015";

#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeDraft {
    pub track: ProgrammeTrack,
    pub phase: ProgrammePhase,
    pub start_year: String,
    pub baseline_year: String,
    pub maturity: Option<Maturity>,
    pub facilitator: String,
    /// Comma-separated.
    pub funders: String,
}

impl ProgrammeDraft {
    pub fn from_territory(t: &Territory) -> Self {
        let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
        let mut draft = Self {
            track: t.track,
            phase: t.phase,
            start_year: year(t.start_year),
            baseline_year: year(t.baseline_year),
            maturity: t.maturity,
            facilitator: t.facilitator.clone(),
            funders: t.funders.join(", "),
        };
        draft.offer_baseline();
        draft
    }

    /// Choosing the pilot track offers 2015 as the baseline when none was given.
    pub fn set_track(&mut self, track: ProgrammeTrack) {
        self.track = track;
        self.offer_baseline();
    }

    fn offer_baseline(&mut self) {
        if self.track == ProgrammeTrack::Pilot && self.baseline_year.trim().is_empty() {
            self.baseline_year = PILOT_BASELINE.into();
        }
    }

    /// `base` with this draft's settings, or every problem by field.
    pub fn to_territory(&self, base: &Territory) -> Result<Territory, Vec<FieldError>> {
        let mut errors = Vec::new();
        let start_year = noted(&mut errors, optional_year("start_year", &self.start_year));
        let baseline_year = noted(
            &mut errors,
            optional_year("baseline_year", &self.baseline_year),
        );
        let territory = Territory {
            track: self.track,
            phase: self.phase,
            start_year,
            baseline_year,
            maturity: self.maturity,
            facilitator: self.facilitator.trim().to_string(),
            funders: comma_list(&self.funders),
            ..base.clone()
        };
        // Which years a programme may carry is the core's rule, the same as for a loaded file.
        add_rule_errors(
            &mut errors,
            rule_errors(
                |at, r| rules::territory(&territory, at, r),
                &[
                    ("start_year", "start_year"),
                    ("baseline_year", "baseline_year"),
                    ("facilitator", "facilitator"),
                    ("funders", "funders"),
                ],
                "form",
            ),
        );
        if errors.is_empty() {
            Ok(territory)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Territory {
        Territory {
            communes: vec![symbiose_core::CommuneRef::new("2B033", "Bastia")],
            start_year: Some(2024),
            ..Default::default()
        }
    }

    #[test]
    fn settings_round_trip_keeping_the_rest_of_the_territory() {
        let d = ProgrammeDraft {
            phase: ProgrammePhase::Implementation,
            baseline_year: " 2019 ".into(),
            facilitator: " CCI ".into(),
            funders: "ADEME, Région,".into(),
            ..ProgrammeDraft::from_territory(&base())
        };
        let t = d.to_territory(&base()).unwrap();
        assert_eq!(t.communes[0].insee, "2B033");
        assert_eq!((t.start_year, t.baseline_year), (Some(2024), Some(2019)));
        assert_eq!(t.facilitator, "CCI");
        assert_eq!(t.funders, ["ADEME", "Région"]);
        assert_eq!(
            ProgrammeDraft::from_territory(&t).to_territory(&base()),
            Ok(t)
        );
    }

    #[test]
    fn the_pilot_track_offers_2015_without_overwriting_a_baseline() {
        let mut d = ProgrammeDraft::from_territory(&base());
        assert_eq!(d.baseline_year, "");
        d.set_track(ProgrammeTrack::Pilot);
        assert_eq!(d.baseline_year, "2015");
        d.baseline_year = "2025".into();
        d.set_track(ProgrammeTrack::NewTerritory);
        d.set_track(ProgrammeTrack::Pilot);
        assert_eq!(d.baseline_year, "2025");
        let pilot = Territory {
            track: ProgrammeTrack::Pilot,
            ..base()
        };
        assert_eq!(ProgrammeDraft::from_territory(&pilot).baseline_year, "2015");
    }

    #[test]
    fn bad_years_are_refused_by_field() {
        let d = ProgrammeDraft {
            start_year: "20x5".into(),
            baseline_year: "1850".into(),
            ..ProgrammeDraft::from_territory(&base())
        };
        let errors = d.to_territory(&base()).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["start_year", "baseline_year"]);
        assert!(errors[0].message.fr.contains("année"));
        assert!(errors[1].message.fr.contains("1850"), "the core's range");
    }
}
