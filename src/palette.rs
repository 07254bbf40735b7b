//! Sizes shared by the map, its legend, the lists and the filters, and the colours they take
//! from the core (shared with the printed deliverables): pure functions, tested on the host,
//! depending on nothing of the app (the map depends on them, not the reverse).

pub use symbiose_core::palette::{family_colour, section_colour};

/// Link thickness in pixels from the exchanged quantity (base units a year), on a log scale so
/// that 10 t and 10,000 t both stay visible.
pub fn link_weight(quantity: Option<f64>) -> f64 {
    quantity.map_or(2.5, |q| (2.0 + q.max(1.0).log10() * 1.5).min(9.0))
}

/// Marker radius in pixels: the area grows with the number of declared flows, so a firm with
/// four times the flows looks four times as big, not sixteen; bounded to stay clickable and
/// not to hide neighbours.
pub fn marker_radius(flow_count: usize) -> f64 {
    const MIN: f64 = 7.0;
    const MAX: f64 = 20.0;
    (MIN + 3.0 * (flow_count as f64).sqrt()).min(MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radius_grows_with_flows_and_is_bounded() {
        assert_eq!(marker_radius(0), 7.0);
        assert!(marker_radius(4) > marker_radius(1));
        assert_eq!(marker_radius(10_000), 20.0);
    }
}
