//! The Sankey diagram of the territory's flows, by dimension (they do not add up across), with
//! its two exports: the SVG as drawn, and SankeyMATIC text to restyle it there.

use leptos::prelude::*;
use symbiose_core::Dimension;
use symbiose_core::charts::{sankey, sankey_matic, sankey_svg};

use super::Chart;
use crate::files;
use crate::i18n::{Texts, use_lang, use_texts};
use crate::persist::keys::export_file_name_ext;
use crate::state::use_project;

type Label = fn(&Texts) -> &'static str;

const DIMENSIONS: [(Dimension, Label, &str); 3] = [
    (Dimension::Mass, |t| t.dashboard.sankey_mass, "matiere"),
    (Dimension::Energy, |t| t.dashboard.sankey_energy, "energie"),
    (Dimension::Volume, |t| t.dashboard.sankey_water, "eau"),
];

#[component]
pub fn FlowSankey() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let chosen = RwSignal::new(0usize);
    let diagram = Memo::new(move |_| {
        state
            .project
            .with(|p| sankey(p, DIMENSIONS[chosen.get()].0, lang.get()))
    });
    let svg = Signal::derive(move || {
        let title = (DIMENSIONS[chosen.get()].1)(t.get());
        diagram.with(|d| sankey_svg(d, title, lang.get()))
    });
    let download = move |ext: &'static str, mime: &'static str, text: String| {
        let name = state.project.with_untracked(|p| p.name.clone());
        let kind = format!("sankey-{}", DIMENSIONS[chosen.get_untracked()].2);
        files::download(
            &export_file_name_ext(&name, &files::today_iso(), &kind, ext),
            mime,
            &text,
        )
        .ok();
    };
    view! {
        <section class="sankey-section">
            <h3>{move || t.get().dashboard.sankey_title}</h3>
            <div class="export-buttons">
                <span class="page-nav" role="tablist">
                    {DIMENSIONS.iter().enumerate().map(|(i, (_, label, slug))| view! {
                        <button role="tab" data-testid=format!("sankey-{slug}") aria-selected=move || (chosen.get() == i).to_string()
                            on:click=move |_| chosen.set(i)>{move || label(t.get())}</button>
                    }).collect_view()}
                </span>
                <button data-testid="sankey-svg" on:click=move |_| download("svg", "image/svg+xml", svg.get_untracked())>{move || t.get().dashboard.export_svg}</button>
                <button data-testid="sankey-matic" on:click=move |_| download("txt", "text/plain;charset=utf-8", diagram.with_untracked(sankey_matic))>{move || t.get().dashboard.export_sankeymatic}</button>
            </div>
            <Chart svg testid="chart-sankey" />
        </section>
    }
}
