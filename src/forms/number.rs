//! Numbers as users type them, French or English: `1 250,5`, `1250.5`, `1 250` (narrow no-break
//! space). Writing them is `symbiose_core::numbers` (`Precision::Editing` for a field).

/// Parses a decimal number written the French or the English way; `None` when it is not one.
pub fn parse_decimal(input: &str) -> Option<f64> {
    let cleaned: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    if cleaned.is_empty() || cleaned.matches('.').count() > 1 {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

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
    fn french_and_english_forms() {
        assert_eq!(parse_decimal("1 250,5"), Some(1250.5));
        assert_eq!(parse_decimal("1250.5"), Some(1250.5));
        assert_eq!(parse_decimal("1\u{202f}250"), Some(1250.0));
        assert_eq!(parse_decimal("-3"), Some(-3.0));
        assert_eq!(parse_decimal("1,2,3"), None);
        assert_eq!(parse_decimal("abc"), None);
        assert_eq!(parse_decimal("inf"), None);
        assert_eq!(parse_optional("  "), Ok(None));
        assert_eq!(parse_optional("x"), Err(NotANumber));
    }
}
