//! The workspace's view state, shared by the toolbar, the side panel, the map and the legend:
//! filters, the audience, the neighbourhood radius, projection mode. Session state only: none of
//! it is saved in the project file (the tile URL, a browser preference, lives in `prefs`).

use leptos::prelude::*;
use symbiose_core::SynergyId;
use symbiose_core::detect::Audience;

use crate::filter::MapFilter;

#[derive(Clone, Copy)]
pub struct WorkspaceUi {
    pub filter: RwSignal<MapFilter>,
    /// Who the screen is for: the facilitator sees every flow; a company or a projected
    /// workshop sees no private flow and anonymised flows as "a company of sector X".
    pub audience: RwSignal<Audience>,
    /// The neighbourhood radius in km around the selected company; `None` shows no neighbourhood.
    pub radius_km: RwSignal<Option<f64>>,
    /// Full screen, large type, editing chrome hidden.
    pub projection: RwSignal<bool>,
    /// The keys' help, shown over the map's corner ("?" or the bar's button).
    pub keys_help: RwSignal<bool>,
    /// The next map click adds a company there.
    pub place_new: RwSignal<bool>,
    /// Bumped to fit the map to the zone (button or shortcut).
    pub fit_request: RwSignal<u32>,
    /// The synergies there were when workshop mode last began: those added since are the ideas
    /// the workshop's record lists.
    pub ideas_before: RwSignal<Option<Vec<SynergyId>>>,
}

impl WorkspaceUi {
    pub fn provide() -> Self {
        let ui = Self {
            filter: RwSignal::new(MapFilter::default()),
            audience: RwSignal::new(Audience::Facilitator),
            radius_km: RwSignal::new(None),
            projection: RwSignal::new(false),
            keys_help: RwSignal::new(false),
            place_new: RwSignal::new(false),
            fit_request: RwSignal::new(0),
            ideas_before: RwSignal::new(None),
        };
        provide_context(ui);
        ui
    }

    pub fn fit_zone(&self) {
        self.fit_request.update(|n| *n += 1);
    }
}

pub fn use_ui() -> WorkspaceUi {
    expect_context::<WorkspaceUi>()
}
