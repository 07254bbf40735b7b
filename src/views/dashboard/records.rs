//! Measurements and targets: recorded here with their date or year, listed, and drawn as one
//! time series per indicator (from the territory's baseline year, 2015 for pilot territories).

use leptos::prelude::*;
use symbiose_core::IndicatorKind;
use symbiose_core::charts::indicator_series;
use symbiose_core::edit::Command;

use super::Chart;
use crate::forms::FieldError;
use crate::forms::records::{MeasurementDraft, TargetDraft};
use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;
use crate::views::controls::{FormFooter, SelectField, TextField, choices, error_of};
use symbiose_core::numbers::{Precision::Reading, number};

#[component]
pub fn Records() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let indicators = choices(IndicatorKind::VARIANTS, move |k| {
        k.label(lang.get()).to_string()
    });

    let measurement = RwSignal::new(MeasurementDraft::new(crate::files::today_iso()));
    let m_errors = RwSignal::new(Vec::<FieldError>::new());
    let m_saved = RwSignal::new(false);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        m_saved.set(false);
        match measurement.with_untracked(MeasurementDraft::to_measurement) {
            Err(e) => m_errors.set(e),
            Ok(m) => match state.apply(Command::AddMeasurement(m)) {
                Ok(()) => {
                    measurement.update(MeasurementDraft::recorded);
                    m_errors.set(Vec::new());
                    m_saved.set(true);
                }
                Err(e) => m_errors.set(vec![FieldError::refused(&e)]),
            },
        }
    };

    let target = RwSignal::new(TargetDraft::default());
    let g_errors = RwSignal::new(Vec::<FieldError>::new());
    let g_saved = RwSignal::new(false);
    let add_target = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        g_saved.set(false);
        match target.with_untracked(TargetDraft::to_target) {
            Err(e) => g_errors.set(e),
            Ok(g) => match state.apply(Command::AddTarget(g)) {
                Ok(()) => {
                    target.update(TargetDraft::added);
                    g_errors.set(Vec::new());
                    g_saved.set(true);
                }
                Err(e) => g_errors.set(vec![FieldError::refused(&e)]),
            },
        }
    };
    // Both forms stay open: their line says what was added, in the language of the moment.
    let said = move |saved: RwSignal<bool>, text: fn(&crate::i18n::Texts) -> &'static str| {
        Signal::derive(move || saved.get().then(|| text(t.get()).to_string()))
    };

    // A text field of one of the two drafts.
    macro_rules! text {
        ($draft:ident, $errors:ident . $field:ident, $label:expr, $testid:literal $(, $mode:literal)?) => {
            view! {
                <TextField label=$label testid=$testid $(inputmode=$mode)?
                    value=Signal::derive(move || $draft.with(|d| d.$field.clone()))
                    on_input=Callback::new(move |v| $draft.update(|d| d.$field = v))
                    error=error_of($errors, stringify!($field)) />
            }
        };
    }
    // The value's label carries the chosen indicator's unit.
    let value_label = move |kind: IndicatorKind| {
        format!("{} ({})", t.get().dashboard.f_value, kind.unit(lang.get()))
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
                    <SelectField label=move || t.get().dashboard.f_indicator testid="measurement-indicator" options=indicators
                        value=Signal::derive(move || measurement.with(|d| Some(d.indicator)))
                        on_change=Callback::new(move |k| if let Some(k) = k { measurement.update(|d| d.indicator = k) }) />
                    {text!(measurement, m_errors.date, move || t.get().common.f_date, "measurement-date")}
                    {text!(measurement, m_errors.value, move || value_label(measurement.with(|d| d.indicator)), "measurement-value", "decimal")}
                    {text!(measurement, m_errors.note, move || t.get().common.f_notes, "measurement-note")}
                    <FormFooter errors=m_errors save_testid="measurement-save" save_label=move || t.get().dashboard.record_measurement
                        done=said(m_saved, |t| t.dashboard.measurement_added) />
                </form>
                <form class="record-form" data-testid="target-form" on:submit=add_target novalidate>
                    <h4>{move || t.get().dashboard.add_target}</h4>
                    <SelectField label=move || t.get().dashboard.f_indicator testid="target-indicator" options=indicators
                        value=Signal::derive(move || target.with(|d| Some(d.indicator)))
                        on_change=Callback::new(move |k| if let Some(k) = k { target.update(|d| d.indicator = k) }) />
                    {text!(target, g_errors.year, move || t.get().dashboard.f_year, "target-year", "numeric")}
                    {text!(target, g_errors.value, move || value_label(target.with(|d| d.indicator)), "target-value", "decimal")}
                    <FormFooter errors=g_errors save_testid="target-save" save_label=move || t.get().dashboard.add_target
                        done=said(g_saved, |t| t.dashboard.target_added) />
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
                                <td>{m.date.in_lang(lang)}</td>
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
