//! The dashboard's and deliverables' figures as SVG text, made in the core so that the app, the
//! printable reports and the tests draw the same thing. Every chart carries a `<title>` and a
//! `<desc>` that states its figures in words (the text alternative), escapes every text that
//! comes from data, and says "no data" rather than drawing an empty frame.

mod aids;
mod bars;
mod funnel;
mod programme;
mod sankey;
mod series;
mod svg;

pub use aids::{AidAmounts, AidFollowUp, aid_follow_up, aid_rule};
pub use bars::{Bar, bar_chart, gains_by_family};
pub use funnel::{FunnelStep, funnel, funnel_svg};
pub use programme::{
    Amounts, Programme, SOURCES, YearRow, by_year_rule, fold_years, gantt, investment_by_year,
};
pub use sankey::{Sankey, sankey, sankey_matic, sankey_svg};
pub use series::{SeriesPoint, indicator_series, time_series_svg};
pub use svg::{MAX_YEARS, escape};

/// One colour per flow family, the same as the map's links (one table: `palette`).
pub use crate::palette::family_colour;
