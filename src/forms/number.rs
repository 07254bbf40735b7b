//! Numbers as users type them, French or English: `1 250,5`, `1250.5`, `1 250` (narrow no-break
//! space). Writing them is `symbiose_core::numbers` (`Precision::Editing` for a field).

/// The one reader of decimals, shared with the core's imports.
pub use symbiose_core::numbers::parse_decimal;

/// What the user typed in a number field is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotANumber;

/// An optional number field: empty is `Ok(None)`, garbage is `Err(NotANumber)`.
pub fn parse_optional(input: &str) -> Result<Option<f64>, NotANumber> {
    if input.trim().is_empty() {
        return Ok(None);
    }
    parse_decimal(input).map(Some).ok_or(NotANumber)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_optional_field_is_empty_or_a_number() {
        assert_eq!(parse_optional("  "), Ok(None));
        assert_eq!(parse_optional("1 250,5"), Ok(Some(1250.5)));
        assert_eq!(parse_optional("x"), Err(NotANumber));
    }
}
