//! The follow-up indicators a funder reviews, grouped by ELIPSE's three axes (governance,
//! economic model, activities and results), each with its method and sources
//! (`indicators::elipse`); "—" where nothing is recorded yet to count it from.

use leptos::prelude::*;
use symbiose_core::edit::Command;
use symbiose_core::indicators::Indicators;
use symbiose_core::indicators::elipse::{Axis, value_text};
use symbiose_core::numbers::{Precision::Editing, Precision::Reading, number};
use symbiose_core::{BaselineValue, Lang};

use crate::forms::number::parse_decimal;
use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;

#[component]
pub fn ElipseTable(indicators: Memo<Indicators>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let problem = RwSignal::new(None::<String>);
    let baseline = move |code: &str| state.project.with(|p| p.territory.baseline_of(code));
    // A baseline value typed: empty removes it, a number records it, anything else is said
    // and changes nothing. One undoable step each.
    let record = move |code: &'static str, label: String, typed: String| {
        let value = match typed.trim() {
            "" => None,
            typed => match parse_decimal(typed) {
                Some(v) => Some(v),
                None => {
                    problem.set(Some(format!(
                        "{label} : « {typed} » {}",
                        t.get_untracked().common.not_a_number
                    )));
                    return;
                }
            },
        };
        problem.set(None);
        let mut territory = state.project.with_untracked(|p| p.territory.clone());
        territory.baseline_values.retain(|b| b.indicator != code);
        if let Some(value) = value {
            territory.baseline_values.push(BaselineValue {
                indicator: code.to_string(),
                value,
            });
        }
        if let Err(e) = state.apply(Command::SetTerritory(territory)) {
            problem.set(Some(symbiose_core::UserMessage::message_in(
                &e,
                lang.get_untracked(),
            )));
        }
    };
    let year = move || {
        state
            .project
            .with(|p| p.territory.baseline_year)
            .map_or_else(
                || t.get().dashboard.year_not_set.to_string(),
                |y| y.to_string(),
            )
    };
    view! {
        <section class="elipse" data-testid="elipse">
            <h3>{move || t.get().dashboard.elipse_title}</h3>
            <p class="page-intro">{move || t.get().dashboard.elipse_intro}</p>
            <div class="table-scroll">
            <table class="programme elipse-table" data-testid="elipse-table">
                <thead><tr>
                    <th>{move || t.get().dashboard.col_indicator}</th>
                    <th>{move || t.get().dashboard.col_value}</th>
                    <th>{move || t.get().dashboard.col_unit}</th>
                    <th>{move || format!("{} {}", t.get().dashboard.col_baseline, year())}</th>
                    <th>{move || t.get().dashboard.col_change}</th>
                    <th>{move || t.get().dashboard.method_sources}</th>
                </tr></thead>
                {move || {
                    let lang = lang.get();
                    indicators.with(|ind| Axis::ALL.iter().map(|axis| {
                        let rows: Vec<_> = ind.elipse.iter().filter(|i| i.axis == *axis).cloned().collect();
                        view! {
                            <tbody>
                                <tr class="elipse-axis"><th colspan="6" scope="rowgroup">{axis.label(lang)}</th></tr>
                                {rows.into_iter().map(|i| {
                                    let sources = i.sources.iter().map(|s| s.get(lang).to_string()).collect::<Vec<_>>().join(" ; ");
                                    let code = i.code;
                                    let label = i.label.get(lang).to_string();
                                    let then = baseline(code);
                                    let typed = then.map(|v| number(v, lang, Editing)).unwrap_or_default();
                                    let change = then.zip(i.value).map_or_else(|| "—".to_string(), |(b, n)| signed(n - b, lang));
                                    let aria = format!("{} {} — {label}", t.get_untracked().dashboard.col_baseline, year());
                                    view! {
                                        <tr data-code=i.code>
                                            <td>{i.label.get(lang).to_string()}</td>
                                            <td class="num">{value_text(&i, lang)}</td>
                                            <td>{i.unit.get(lang).to_string()}</td>
                                            <td class="num">
                                                <input type="text" inputmode="decimal" class="baseline-input" data-testid="baseline-input"
                                                    aria-label=aria prop:value=typed
                                                    on:change=move |ev| record(code, label.clone(), event_target_value(&ev)) />
                                            </td>
                                            <td class="num" data-testid="baseline-change">{change}</td>
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
            </div>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert" data-testid="baseline-error">{p}</p> })}
        </section>
    }
}

/// A change with its sign: "+5", "−2,5", "0".
fn signed(v: f64, lang: Lang) -> String {
    let text = number(v.abs(), lang, Reading);
    if v > 0.0 {
        format!("+{text}")
    } else if v < 0.0 {
        format!("−{text}")
    } else {
        text
    }
}
