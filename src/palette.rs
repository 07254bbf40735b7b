//! Colours and sizes shared by the map, its legend, the lists and the filters: pure functions,
//! tested on the host, depending on nothing of the app (the map depends on them, not the
//! reverse).

/// One colour per NACE section (A–U), chosen to stay distinct on a projector and for the
/// common colour-vision deficiencies among the sections a zone usually holds (C, E, F, G, H, I).
pub fn section_colour(section: Option<char>) -> &'static str {
    match section {
        Some('A') => "#4d9221",
        Some('B') => "#8c6d31",
        Some('C') => "#1f5fbf",
        Some('D') => "#e6a700",
        Some('E') => "#00897b",
        Some('F') => "#d35400",
        Some('G') => "#8e44ad",
        Some('H') => "#5d6d7e",
        Some('I') => "#c2185b",
        Some('J') => "#0097a7",
        Some('K') => "#6d4c41",
        Some('L') => "#7f8c8d",
        Some('M') => "#3949ab",
        Some('N') => "#689f38",
        Some('O') => "#455a64",
        Some('P') => "#f06292",
        Some('Q') => "#e53935",
        Some('R') => "#ab47bc",
        Some('S') => "#26a69a",
        Some('T') | Some('U') => "#9e9e9e",
        _ => "#616161",
    }
}

/// Link colour by the family of what flows: the same colour for the same kind of resource on
/// every map and in the legend.
pub fn family_colour(family: symbiose_core::Family) -> &'static str {
    use symbiose_core::Family::*;
    match family {
        Matter => "#1565c0",
        Energy => "#e65100",
        Water => "#0097a7",
        Waste => "#6d4c41",
        // Three hues of their own: the workshop toggles each family with its key (1 to 7), and
        // one purple for all three left the room unable to tell which lines were which.
        Equipment => "#6a1b9a",
        Skill => "#ad1457",
        Service => "#827717",
    }
}

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
    fn every_section_has_a_colour_distinct_from_unknown() {
        for (letter, _, _) in symbiose_core::refdata::naf::SECTIONS {
            assert_ne!(
                section_colour(Some(letter)),
                section_colour(None),
                "{letter}"
            );
        }
    }

    #[test]
    fn every_family_has_a_colour_of_its_own() {
        let colours: std::collections::HashSet<&str> = symbiose_core::Family::ALL
            .iter()
            .map(|f| family_colour(*f))
            .collect();
        assert_eq!(colours.len(), symbiose_core::Family::ALL.len());
    }

    #[test]
    fn radius_grows_with_flows_and_is_bounded() {
        assert_eq!(marker_radius(0), 7.0);
        assert!(marker_radius(4) > marker_radius(1));
        assert_eq!(marker_radius(10_000), 20.0);
    }
}
