//! The follow-up indicators a funder reviews, grouped by ELIPSE's three axes (governance,
//! economic model, activities and results), each with its method and sources
//! (`indicators::elipse`); "—" where nothing is recorded yet to count it from.

use leptos::prelude::*;
use symbiose_core::indicators::Indicators;
use symbiose_core::indicators::elipse::{Axis, value_text};

use crate::i18n::{use_lang, use_texts};

#[component]
pub fn ElipseTable(indicators: Memo<Indicators>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    view! {
        <section class="elipse" data-testid="elipse">
            <h3>{move || t.get().dashboard.elipse_title}</h3>
            <p class="page-intro">{move || t.get().dashboard.elipse_intro}</p>
            <table class="programme elipse-table" data-testid="elipse-table">
                <thead><tr>
                    <th>{move || t.get().dashboard.col_indicator}</th>
                    <th>{move || t.get().dashboard.col_value}</th>
                    <th>{move || t.get().dashboard.col_unit}</th>
                    <th>{move || t.get().dashboard.method_sources}</th>
                </tr></thead>
                {move || {
                    let lang = lang.get();
                    indicators.with(|ind| Axis::ALL.iter().map(|axis| {
                        let rows: Vec<_> = ind.elipse.iter().filter(|i| i.axis == *axis).cloned().collect();
                        view! {
                            <tbody>
                                <tr class="elipse-axis"><th colspan="4" scope="rowgroup">{axis.label(lang)}</th></tr>
                                {rows.into_iter().map(|i| {
                                    let sources = i.sources.iter().map(|s| s.get(lang).to_string()).collect::<Vec<_>>().join(" ; ");
                                    view! {
                                        <tr data-code=i.code>
                                            <td>{i.label.get(lang).to_string()}</td>
                                            <td class="num">{value_text(&i, lang)}</td>
                                            <td>{i.unit.get(lang).to_string()}</td>
                                            <td class="elipse-method">
                                                <details>
                                                    <summary>{move || t.get().dashboard.method_word}</summary>
                                                    <p>{i.method.get(lang).to_string()}</p>
                                                    <p class="hint">{sources}</p>
                                                </details>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        }
                    }).collect_view())
                }}
            </table>
        </section>
    }
}
