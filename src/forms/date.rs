//! Dates and years as users type them (`2026-11-28`, `2015`), each refusal tied to its field.
//! Which years a record may carry is the core's rule (`validate::rules`), not checked here.

use symbiose_core::Date;

use super::FieldError;

/// An optional date field: empty is `Ok(None)`; anything but YYYY-MM-DD is refused.
pub fn optional_date(field: &'static str, typed: &str) -> Result<Option<Date>, FieldError> {
    match typed.trim() {
        "" => Ok(None),
        typed => typed
            .parse()
            .map(Some)
            .map_err(|_| FieldError::from_texts(field, |t| t.common.bad_date.into())),
    }
}

/// A date that must be given.
pub fn required_date(field: &'static str, typed: &str) -> Result<Date, FieldError> {
    optional_date(field, typed)?
        .ok_or_else(|| FieldError::from_texts(field, |t| t.common.bad_date.into()))
}

/// An optional year field: empty is `Ok(None)`; anything but a whole number is refused.
pub fn optional_year(field: &'static str, typed: &str) -> Result<Option<i32>, FieldError> {
    match typed.trim() {
        "" => Ok(None),
        typed => typed
            .parse()
            .map(Some)
            .map_err(|_| FieldError::from_texts(field, |t| t.common.bad_year.into())),
    }
}

/// A year that must be given.
pub fn required_year(field: &'static str, typed: &str) -> Result<i32, FieldError> {
    optional_year(field, typed)?
        .ok_or_else(|| FieldError::from_texts(field, |t| t.common.bad_year.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_the_iso_way() {
        assert_eq!(optional_date("d", " "), Ok(None));
        assert_eq!(
            optional_date("d", " 2026-11-28 ").unwrap(),
            "2026-11-28".parse().ok()
        );
        let refused = optional_date("start", "28/11/2026").unwrap_err();
        assert_eq!(refused.field, "start");
        assert!(refused.message.fr.contains("AAAA-MM-JJ"));
        assert!(required_date("d", "2026-02-30").is_err(), "no 30 February");
        assert!(required_date("d", "").is_err());
    }

    #[test]
    fn years_are_whole_numbers() {
        assert_eq!(optional_year("y", ""), Ok(None));
        assert_eq!(optional_year("y", " 2015 "), Ok(Some(2015)));
        assert!(
            optional_year("y", "20x5")
                .unwrap_err()
                .message
                .fr
                .contains("année")
        );
        assert!(required_year("y", "2015,5").is_err());
        assert!(required_year("y", "  ").is_err());
    }
}
