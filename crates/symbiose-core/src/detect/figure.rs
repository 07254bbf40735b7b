//! A figure that may be unknown, in the eight bytes of its value.
//!
//! A proposal keeps about twenty figures (quantities, distance, euros, tonnes of CO2e), most of
//! which may be unknown: as `Option<f64>` each takes 16 bytes, half of it the tag, and a territory
//! of 5,000 companies has 250,000 proposals on the page (docs/PERFORMANCE.md, runs AB–). A
//! `Figure` stands for "unknown" with a NaN, which no figure of a proposal ever is: they are sums
//! and products of finite declared quantities, costs and factors. It reads and writes as an
//! `Option<f64>` (files, the CLI's JSON and the worker's messages are unchanged).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Serialize, Deserialize)]
#[serde(from = "Option<f64>", into = "Option<f64>")]
pub struct Figure(f64);

impl Figure {
    pub const UNKNOWN: Figure = Figure(f64::NAN);

    /// The value, `None` when unknown.
    pub fn get(self) -> Option<f64> {
        (!self.0.is_nan()).then_some(self.0)
    }

    pub fn is_known(self) -> bool {
        !self.0.is_nan()
    }
}

impl From<Option<f64>> for Figure {
    /// `Some(NaN)` would be a figure computed from nothing; it is unknown, as it would have been
    /// shown as "NaN" otherwise.
    fn from(v: Option<f64>) -> Self {
        Figure(v.unwrap_or(f64::NAN))
    }
}

impl From<Figure> for Option<f64> {
    fn from(f: Figure) -> Self {
        f.get()
    }
}

impl Default for Figure {
    fn default() -> Self {
        Figure::UNKNOWN
    }
}

/// Two unknowns are equal (NaN is not equal to itself, "unknown" is).
impl PartialEq for Figure {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl std::fmt::Debug for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::Figure;

    #[test]
    fn a_figure_is_its_option_in_half_the_bytes() {
        assert_eq!(std::mem::size_of::<Figure>(), 8);
        assert_eq!(std::mem::size_of::<Option<f64>>(), 16);
        for v in [None, Some(0.0), Some(-0.0), Some(-12.5), Some(1e300)] {
            let f = Figure::from(v);
            assert_eq!(f.get(), v);
            assert_eq!(f.is_known(), v.is_some());
            assert_eq!(format!("{f:?}"), format!("{v:?}"));
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(json, serde_json::to_string(&v).unwrap());
            assert_eq!(serde_json::from_str::<Figure>(&json).unwrap(), f);
            let bytes = postcard::to_allocvec(&f).unwrap();
            assert_eq!(bytes, postcard::to_allocvec(&v).unwrap());
            assert_eq!(postcard::from_bytes::<Figure>(&bytes).unwrap(), f);
        }
        assert_eq!(Figure::from(Some(f64::NAN)), Figure::UNKNOWN);
        assert_eq!(Figure::default(), Figure::UNKNOWN);
    }
}
