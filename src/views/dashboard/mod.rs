//! The dashboard (tableau de bord): tiles of the programme's figures, each with its method and
//! sources one click away, the funnel from proposals to implemented synergies, gains by flow
//! family, and measurements against targets over time (records.rs). Figures come from the core
//! (`indicators::compute`, `charts`); this view only lays them out.

mod elipse;
mod flows;
mod records;

use leptos::prelude::*;
use symbiose_core::charts::{self, funnel, funnel_svg, gains_by_family};
use symbiose_core::factors::Factors;
use symbiose_core::indicators::{Indicator, compute};
use symbiose_core::numbers::{Precision::Reading, number};
use symbiose_core::{Bilingual, IndicatorKind, Lang, Project, Stage};

use crate::i18n::{Texts, use_lang, use_texts};
use crate::state::use_project;

/// An SVG chart made by the core. Its text is escaped there (`charts::escape`), which is what
/// makes inserting it as markup safe: no text from the project reaches the page unescaped.
#[component]
pub fn Chart(#[prop(into)] svg: Signal<String>, testid: &'static str) -> impl IntoView {
    view! { <figure class="chart" data-testid=testid inner_html=move || svg.get()></figure> }
}

/// One figure: its value, unit and label, and on demand how it was obtained.
#[derive(Clone, PartialEq)]
struct Tile {
    testid: String,
    label: String,
    value: String,
    note: String,
    method: String,
    sources: Vec<String>,
}

fn figure_tile(i: &Indicator, potential: Option<&Indicator>, t: &Texts, lang: Lang) -> Tile {
    let mut note = format!(
        "{} {} · {} {}",
        i.with_data, t.dashboard.with_data, i.without_data, t.dashboard.without_data
    );
    if i.measured > 0 {
        note.push_str(&format!(" · {} {}", i.measured, t.dashboard.measured_count));
    }
    if let Some(p) = potential.filter(|p| p.value != 0.0) {
        note = format!(
            "+ {} {} {} · {note}",
            number(p.value, lang, Reading),
            unit(i.unit, lang),
            t.dashboard.potential
        );
    }
    Tile {
        testid: format!("tile-{:?}", i.kind).to_lowercase(),
        label: i.label.get(lang).to_string(),
        value: format!("{} {}", number(i.value, lang, Reading), unit(i.unit, lang)),
        note,
        method: i.method.get(lang).to_string(),
        sources: i.sources.iter().map(|s| s.get(lang).to_string()).collect(),
    }
}

/// The latest measurement recorded for the tile's indicator, said beside the computed figure
/// with its date: "Entreprises engagées 6" computed from the synergies, and 14 recorded as
/// present at the workshops in the series below, read as a contradiction without it.
fn with_latest(note: String, p: &Project, kind: IndicatorKind, t: &Texts, lang: Lang) -> String {
    let Some(m) = p.latest_measurement(kind) else {
        return note;
    };
    let latest = format!(
        "{} : {} {} ({})",
        t.dashboard.latest_measure,
        number(m.value, lang, Reading),
        unit(kind.unit(lang), lang),
        m.date.in_lang(lang)
    );
    if note.is_empty() {
        latest
    } else {
        format!("{note} · {latest}")
    }
}

/// The core writes units in French; the English page says them in English.
fn unit(u: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => u.to_string(),
        Lang::En => u.replace("/an", "/yr").replace("ETP", "FTE"),
    }
}

fn text(b: &Bilingual, lang: Lang) -> String {
    b.get(lang).to_string()
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let detected = crate::detection::use_detected();
    let indicators = Memo::new(move |_| state.project.with(|p| compute(p, Factors::bundled())));
    let tiles = Memo::new(move |_| {
        let (t, lang) = (t.get(), lang.get());
        let ind = indicators.get();
        let (flows, synergies, implemented) = state.project.with(|p| {
            (
                p.flows.len(),
                p.synergies.len(),
                p.synergies
                    .iter()
                    .filter(|s| s.stage == Stage::Implemented)
                    .count(),
            )
        });
        let rate = if synergies == 0 {
            0.0
        } else {
            100.0 * implemented as f64 / synergies as f64
        };
        let mut tiles = vec![
            Tile {
                testid: "tile-engaged".into(),
                label: t.dashboard.tile_engaged.into(),
                value: ind.actors_engaged.to_string(),
                note: state
                    .project
                    .with(|p| with_latest(String::new(), p, IndicatorKind::ActorsEngaged, t, lang)),
                method: text(&ind.actors_engaged_method, lang),
                sources: vec![],
            },
            Tile {
                testid: "tile-resources".into(),
                label: t.dashboard.tile_resources.into(),
                value: flows.to_string(),
                note: String::new(),
                method: t.dashboard.tile_resources_method.into(),
                sources: vec![],
            },
            Tile {
                testid: "tile-rate".into(),
                label: t.dashboard.tile_rate.into(),
                value: format!("{} %", number(rate, lang, Reading)),
                note: ind
                    .by_stage
                    .iter()
                    .map(|s| format!("{} {}", s.synergies, s.label.get(lang)))
                    .collect::<Vec<_>>()
                    .join(" · "),
                method: t.dashboard.tile_rate_method.into(),
                sources: vec![],
            },
        ];
        tiles.extend(ind.achieved.iter().map(|a| {
            let p = ind.potential.iter().find(|p| p.kind == a.kind);
            let mut tile = figure_tile(a, p, t, lang);
            tile.note = state
                .project
                .with(|p| with_latest(tile.note, p, a.kind, t, lang));
            tile
        }));
        tiles
    });
    let funnel_chart = Signal::derive(move || {
        let n = detected.with(|d| d.proposals.len() + d.mutualisations.len());
        state
            .project
            .with(|p| funnel_svg(&funnel(p, n), lang.get()))
    });
    let tonnes = Signal::derive(move || {
        let lang = lang.get();
        state.project.with(|p| {
            charts::bar_chart(
                t.get().dashboard.gains_by_family_t,
                &gains_by_family(p, |g| g.tonnes_per_year, lang),
                IndicatorKind::TonnesPerYear.unit(lang),
                lang,
            )
        })
    });
    let co2 = Signal::derive(move || {
        let lang = lang.get();
        state.project.with(|p| {
            charts::bar_chart(
                t.get().dashboard.gains_by_family_co2,
                &gains_by_family(p, |g| g.tco2e_per_year, lang),
                IndicatorKind::Tco2ePerYear.unit(lang),
                lang,
            )
        })
    });
    view! {
        <main class="page dashboard" data-testid="dashboard-page">
            <h2>{move || t.get().common.page_dashboard}</h2>
            <p class="page-intro">{move || t.get().dashboard.dashboard_intro}</p>
            <ul class="tiles">
                <For each=move || tiles.get() key=|tile| (tile.testid.clone(), tile.value.clone(), tile.note.clone(), tile.method.clone()) let:tile>
                    <li class="tile" data-testid=tile.testid.clone()>
                        <span class="tile-value">{tile.value.clone()}</span>
                        <span class="tile-label">{tile.label.clone()}</span>
                        {(!tile.note.is_empty()).then(|| view! { <span class="tile-note">{tile.note.clone()}</span> })}
                        <details class="tile-method">
                            <summary>{move || t.get().dashboard.method_sources}</summary>
                            <p>{tile.method.clone()}</p>
                            <ul>{tile.sources.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ul>
                        </details>
                    </li>
                </For>
            </ul>
            <div class="charts">
                <Chart svg=funnel_chart testid="chart-funnel" />
                <Chart svg=tonnes testid="chart-tonnes" />
                <Chart svg=co2 testid="chart-co2" />
            </div>
            <elipse::ElipseTable indicators />
            <flows::FlowSankey />
            <records::Records />
        </main>
    }
}
