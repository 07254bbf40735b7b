//! The colours a company's sector and a flow's family have wherever they are drawn: the app's
//! map, its legend, lists and filters, and the printed deliverables' map. One table, so that a
//! funder's printed map reads with the legend the room saw on the screen.

use crate::model::Family;

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
pub fn family_colour(family: Family) -> &'static str {
    use Family::*;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_has_a_colour_distinct_from_unknown() {
        for (letter, _, _) in crate::refdata::naf::SECTIONS {
            assert_ne!(
                section_colour(Some(letter)),
                section_colour(None),
                "{letter}"
            );
        }
    }

    #[test]
    fn every_family_has_a_colour_of_its_own() {
        let colours: std::collections::HashSet<&str> =
            Family::ALL.iter().map(|f| family_colour(*f)).collect();
        assert_eq!(colours.len(), Family::ALL.len());
    }
}
