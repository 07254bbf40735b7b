//! The dashboard's two small forms: a measurement (an indicator's value on a day) and a target
//! (the value it should reach in a year).

use symbiose_core::validate::rules;
use symbiose_core::{IndicatorKind, Measurement, Target};

use super::date::{required_date, required_year};
use super::number::parse_decimal;
use super::{FieldError, add_rule_errors, rule_errors};

/// The indicator both forms start on: the one most programmes report first.
const FIRST_INDICATOR: IndicatorKind = IndicatorKind::Tco2ePerYear;

/// A value must be given, as a number.
fn value(typed: &str) -> Result<f64, FieldError> {
    parse_decimal(typed)
        .ok_or_else(|| FieldError::from_texts("value", |t| t.common.bad_value.into()))
}

fn done<T>(record: T, errors: Vec<FieldError>) -> Result<T, Vec<FieldError>> {
    if errors.is_empty() {
        Ok(record)
    } else {
        Err(errors)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeasurementDraft {
    pub indicator: IndicatorKind,
    pub date: String,
    pub value: String,
    pub note: String,
}

impl MeasurementDraft {
    /// A new measurement, dated `today` (YYYY-MM-DD).
    pub fn new(today: String) -> Self {
        Self {
            indicator: FIRST_INDICATOR,
            date: today,
            value: String::new(),
            note: String::new(),
        }
    }

    pub fn to_measurement(&self) -> Result<Measurement, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = required_date("date", &self.date).map_err(|e| errors.push(e));
        let value = value(&self.value).map_err(|e| errors.push(e));
        let (Ok(date), Ok(value)) = (date, value) else {
            return Err(errors);
        };
        let m = Measurement {
            indicator: self.indicator,
            date,
            value,
            note: self.note.trim().to_string(),
        };
        add_rule_errors(
            &mut errors,
            rule_errors(
                |at, r| rules::measurement(&m, at, r),
                &[("date", "date"), ("value", "value"), ("note", "note")],
                "form",
            ),
        );
        done(m, errors)
    }

    /// Once recorded: the next measurement is often the same indicator, the same day.
    pub fn recorded(&mut self) {
        self.value.clear();
        self.note.clear();
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TargetDraft {
    pub indicator: IndicatorKind,
    pub year: String,
    pub value: String,
}

impl Default for TargetDraft {
    fn default() -> Self {
        Self {
            indicator: FIRST_INDICATOR,
            year: String::new(),
            value: String::new(),
        }
    }
}

impl TargetDraft {
    pub fn to_target(&self) -> Result<Target, Vec<FieldError>> {
        let mut errors = Vec::new();
        let year = required_year("year", &self.year).map_err(|e| errors.push(e));
        let value = value(&self.value).map_err(|e| errors.push(e));
        let (Ok(year), Ok(value)) = (year, value) else {
            return Err(errors);
        };
        let target = Target {
            indicator: self.indicator,
            year,
            value,
        };
        // The range of years is the core's record rule (the command checks it too).
        add_rule_errors(
            &mut errors,
            rule_errors(
                |at, r| rules::target(&target, at, r),
                &[("year", "year"), ("value", "value")],
                "form",
            ),
        );
        done(target, errors)
    }

    /// Once added: the next target is often another year of the same indicator.
    pub fn added(&mut self) {
        self.value.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: &[FieldError]) -> Vec<&'static str> {
        errors.iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_measurement_reads_french_decimals_and_keeps_the_day_for_the_next() {
        let mut d = MeasurementDraft {
            indicator: IndicatorKind::Jobs,
            value: "1 234,5".into(),
            note: " relevé ".into(),
            ..MeasurementDraft::new("2026-11-28".into())
        };
        let m = d.to_measurement().unwrap();
        assert_eq!((m.indicator, m.value), (IndicatorKind::Jobs, 1234.5));
        assert_eq!(m.date.to_string(), "2026-11-28");
        assert_eq!(m.note, "relevé");
        d.recorded();
        assert_eq!(
            (d.date.as_str(), d.value.as_str(), d.note.as_str()),
            ("2026-11-28", "", "")
        );
        assert_eq!(d.indicator, IndicatorKind::Jobs);
    }

    #[test]
    fn a_measurement_needs_an_iso_date_and_a_number() {
        let d = MeasurementDraft {
            date: "28/11/2026".into(),
            value: "douze".into(),
            ..MeasurementDraft::new(String::new())
        };
        let errors = d.to_measurement().unwrap_err();
        assert_eq!(fields(&errors), ["date", "value"]);
        assert!(errors[0].message.fr.contains("AAAA-MM-JJ"));
        let old = MeasurementDraft {
            date: "1850-01-01".into(),
            value: "3".into(),
            ..MeasurementDraft::new(String::new())
        };
        assert_eq!(fields(&old.to_measurement().unwrap_err()), ["date"]);
    }

    #[test]
    fn a_target_needs_a_year_in_the_cores_range() {
        let d = TargetDraft {
            year: "2030".into(),
            value: "-12,5".into(),
            ..Default::default()
        };
        assert_eq!(d.to_target().unwrap().value, -12.5);
        let bad = TargetDraft {
            year: "20x0".into(),
            ..Default::default()
        };
        assert_eq!(fields(&bad.to_target().unwrap_err()), ["year", "value"]);
        let far = TargetDraft {
            year: "2500".into(),
            value: "1".into(),
            ..Default::default()
        };
        let errors = far.to_target().unwrap_err();
        assert_eq!(fields(&errors), ["year"]);
        assert!(errors[0].message.fr.contains("2500"));
    }
}
