//! Measurements and targets: recorded here with their date or year, listed, and drawn as one
//! time series per indicator (from the territory's baseline year, 2015 for pilot territories).

use leptos::prelude::*;
use symbiose_core::UserMessage;
use symbiose_core::charts::indicator_series;
use symbiose_core::edit::Command;
use symbiose_core::{Date, IndicatorKind, Measurement, Target};

use super::Chart;
use crate::forms::number::parse_decimal;
use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;
use symbiose_core::numbers::{Precision::Reading, number};

#[component]
fn IndicatorSelect(value: RwSignal<IndicatorKind>, testid: &'static str) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    view! {
        <label>
            <span>{move || t.get().dashboard.f_indicator}</span>
            <select data-testid=testid on:change=move |ev| {
                if let Some(k) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| IndicatorKind::ALL.get(i)) {
                    value.set(*k);
                }
            }>
                {IndicatorKind::ALL.iter().enumerate().map(|(i, k)| view! {
                    <option value=i.to_string() prop:selected=move || value.get() == *k>{move || k.label(lang.get())}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

#[component]
pub fn Records() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();

    let m_kind = RwSignal::new(IndicatorKind::Tco2ePerYear);
    let m_date = RwSignal::new(crate::files::today_iso());
    let m_value = RwSignal::new(String::new());
    let m_note = RwSignal::new(String::new());
    let m_msg = RwSignal::new(None::<(bool, String)>);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = t.get_untracked();
        let Ok(date) = m_date.get_untracked().trim().parse::<Date>() else {
            m_msg.set(Some((false, t.common.bad_date.to_string())));
            return;
        };
        let Some(value) = parse_decimal(&m_value.get_untracked()) else {
            m_msg.set(Some((false, t.common.bad_value.to_string())));
            return;
        };
        let m = Measurement {
            indicator: m_kind.get_untracked(),
            date,
            value,
            note: m_note.get_untracked().trim().to_string(),
        };
        match state.apply(Command::AddMeasurement(m)) {
            Ok(()) => {
                m_value.set(String::new());
                m_note.set(String::new());
                m_msg.set(Some((true, t.dashboard.measurement_added.to_string())));
            }
            Err(e) => m_msg.set(Some((false, e.message_in(lang.get_untracked())))),
        }
    };

    let g_kind = RwSignal::new(IndicatorKind::Tco2ePerYear);
    let g_year = RwSignal::new(String::new());
    let g_value = RwSignal::new(String::new());
    let g_msg = RwSignal::new(None::<(bool, String)>);
    let add_target = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = t.get_untracked();
        // The range of years is the core's record rule (the command below checks it too).
        let Some(year) = g_year
            .get_untracked()
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| symbiose_core::validate::rules::year_in_range(*y))
        else {
            g_msg.set(Some((false, t.common.bad_year.to_string())));
            return;
        };
        let Some(value) = parse_decimal(&g_value.get_untracked()) else {
            g_msg.set(Some((false, t.common.bad_value.to_string())));
            return;
        };
        match state.apply(Command::AddTarget(Target {
            indicator: g_kind.get_untracked(),
            year,
            value,
        })) {
            Ok(()) => {
                g_value.set(String::new());
                g_msg.set(Some((true, t.dashboard.target_added.to_string())));
            }
            Err(e) => g_msg.set(Some((false, e.message_in(lang.get_untracked())))),
        }
    };

    // One chart per indicator that has a measurement or a target.
    let series = Memo::new(move |_| {
        let lang = lang.get();
        state.project.with(|p| {
            IndicatorKind::ALL
                .iter()
                .filter_map(|k| {
                    indicator_series(p, *k, lang).map(|svg| (format!("{k:?}").to_lowercase(), svg))
                })
                .collect::<Vec<_>>()
        })
    });
    let measurements = Memo::new(move |_| state.project.with(|p| p.measurements.clone()));
    let message = |m: RwSignal<Option<(bool, String)>>| {
        move || {
            m.get().map(|(ok, text)| view! {
        <p class=if ok { "hint" } else { "field-error" } role=if ok { "status" } else { "alert" }>{text}</p>
    })
        }
    };

    view! {
        <section class="records">
            <h3>{move || t.get().dashboard.series_title}</h3>
            <div class="charts">
                <For each=move || series.get() key=|(k, svg)| (k.clone(), svg.len(), svg.clone()) let:item>
                    <Chart svg=item.1.clone() testid="chart-series" />
                </For>
            </div>
            <div class="record-forms">
                <form class="record-form" data-testid="measurement-form" on:submit=record novalidate>
                    <h4>{move || t.get().dashboard.record_measurement}</h4>
                    <IndicatorSelect value=m_kind testid="measurement-indicator" />
                    <label><span>{move || t.get().common.f_date}</span>
                        <input type="text" data-testid="measurement-date" prop:value=move || m_date.get() on:input=move |ev| m_date.set(event_target_value(&ev)) /></label>
                    <label><span>{move || format!("{} ({})", t.get().dashboard.f_value, m_kind.get().unit(lang.get()))}</span>
                        <input type="text" inputmode="decimal" data-testid="measurement-value" prop:value=move || m_value.get() on:input=move |ev| m_value.set(event_target_value(&ev)) /></label>
                    <label><span>{move || t.get().common.f_notes}</span>
                        <input type="text" data-testid="measurement-note" prop:value=move || m_note.get() on:input=move |ev| m_note.set(event_target_value(&ev)) /></label>
                    <button type="submit" class="primary" data-testid="measurement-save">{move || t.get().dashboard.record_measurement}</button>
                    {message(m_msg)}
                </form>
                <form class="record-form" data-testid="target-form" on:submit=add_target novalidate>
                    <h4>{move || t.get().dashboard.add_target}</h4>
                    <IndicatorSelect value=g_kind testid="target-indicator" />
                    <label><span>{move || t.get().dashboard.f_year}</span>
                        <input type="text" inputmode="numeric" data-testid="target-year" prop:value=move || g_year.get() on:input=move |ev| g_year.set(event_target_value(&ev)) /></label>
                    <label><span>{move || format!("{} ({})", t.get().dashboard.f_value, g_kind.get().unit(lang.get()))}</span>
                        <input type="text" inputmode="decimal" data-testid="target-value" prop:value=move || g_value.get() on:input=move |ev| g_value.set(event_target_value(&ev)) /></label>
                    <button type="submit" class="primary" data-testid="target-save">{move || t.get().dashboard.add_target}</button>
                    {message(g_msg)}
                </form>
            </div>
            <h3>{move || t.get().dashboard.measurements_title}</h3>
            <Show when=move || measurements.with(Vec::is_empty)>
                <p class="empty">{move || t.get().dashboard.no_measurements}</p>
            </Show>
            <table class="records-table" data-testid="measurements-table">
                <tbody>
                    {move || measurements.get().into_iter().enumerate().map(|(i, m)| {
                        let lang = lang.get();
                        view! {
                            <tr>
                                <td>{m.date.to_string()}</td>
                                <td>{m.indicator.label(lang)}</td>
                                <td class="num">{format!("{} {}", number(m.value, lang, Reading), m.indicator.unit(lang))}</td>
                                <td>{m.note.clone()}</td>
                                <td><button on:click=move |_| { state.apply(Command::RemoveMeasurement(i)).ok(); }>{move || t.get().common.remove}</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
