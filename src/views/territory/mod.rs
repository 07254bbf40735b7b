//! The territory page: what the territory is (kind, communes, EPCI, perimeter) and every
//! assumption of the estimates with its source, editable per project. Both feed the detection's
//! defaults and the deliverables' cover and method.

mod assumptions;
mod drawing;
mod settings;

pub use drawing::DrawingBar;

use leptos::prelude::*;

use crate::i18n::use_texts;

#[component]
pub fn TerritoryPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <main class="page territory" data-testid="territory-page">
            <h2>{move || t.get().territory.page_territory}</h2>
            <p class="page-intro">{move || t.get().territory.intro}</p>
            <settings::TerritorySettings />
            <assumptions::AssumptionsPanel />
        </main>
    }
}
