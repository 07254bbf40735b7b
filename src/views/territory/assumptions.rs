//! Every assumption of the estimates with its value and source (core
//! `detect::assumption_lines`), and a form to change them for this project. An empty field
//! keeps the territory's default; saving is one `SetAssumptions` command (undoable).

use leptos::prelude::*;
use symbiose_core::AssumptionChoices;
use symbiose_core::detect::assumption_lines::lines;
use symbiose_core::edit::Command;
use symbiose_core::factors::{FactorKey, Factors};

use crate::forms::FieldError;
use crate::forms::assumptions::AssumptionsDraft;
use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;
use crate::views::controls::{FormFooter, SelectField, TextField, error_of};

fn factor_key(k: &FactorKey) -> String {
    format!("{k:?}").to_lowercase()
}

#[component]
pub fn AssumptionsPanel() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let table = Memo::new(move |_| state.project.with(|p| lines(p, Factors::bundled())));
    let draft = RwSignal::new(
        state
            .project
            .with_untracked(|p| AssumptionsDraft::from_choices(&p.assumptions)),
    );
    // An undo or an import changes the stored choices: the form follows them, and only them (an
    // edit elsewhere in the project must not reset what is being typed here).
    let stored = Memo::new(move |_| state.project.with(|p| p.assumptions.clone()));
    Effect::new(move |_| draft.set(AssumptionsDraft::from_choices(&stored.get())));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let saved = RwSignal::new(false);
    let done = Signal::derive(move || {
        saved
            .get()
            .then(|| t.get().territory.assumptions_saved.to_string())
    });
    let err = move |field: &'static str| error_of(errors, field);
    let apply =
        move |choices: AssumptionChoices| match state.apply(Command::SetAssumptions(choices)) {
            Ok(()) => {
                errors.set(Vec::new());
                saved.set(true);
            }
            Err(e) => errors.set(vec![FieldError::refused(&e)]),
        };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        match draft.with_untracked(AssumptionsDraft::to_choices) {
            Ok(c) => apply(c),
            Err(e) => errors.set(e),
        }
    };
    let options = move |keys: &'static [FactorKey]| {
        Signal::derive(move || {
            keys.iter()
                .map(|k| (*k, k.label(lang.get()).to_string()))
                .collect::<Vec<_>>()
        })
    };
    macro_rules! number {
        ($field:ident, $page:ident . $label:ident, $testid:literal) => {
            view! {
                <TextField label=move || t.get().$page.$label testid=$testid inputmode="decimal"
                    value=Signal::derive(move || draft.with(|d| d.$field.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.$field = v))
                    error=err(stringify!($field)) />
            }
        };
    }
    macro_rules! factor {
        ($field:ident, $page:ident . $label:ident, $keys:expr, $testid:literal) => {
            view! {
                <SelectField label=move || t.get().$page.$label testid=$testid options=options(&$keys) key=factor_key
                    none_label=move || t.get().territory.default_option
                    value=Signal::derive(move || draft.with(|d| d.$field))
                    on_change=Callback::new(move |v| draft.update(|d| d.$field = v)) />
            }
        };
    }
    view! {
        <section class="assumptions" data-testid="assumptions-panel">
            <h3>{move || t.get().territory.assumptions_title}</h3>
            <p class="hint">{move || t.get().territory.assumptions_intro}</p>
            <div class="table-scroll">
                <table class="data-table" data-testid="assumptions-table">
                    <thead><tr>
                        <th>{move || t.get().territory.col_assumption}</th>
                        <th>{move || t.get().territory.col_value}</th>
                        <th>{move || t.get().territory.col_source}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let l = lang.get();
                            table.get().into_iter().map(|line| view! {
                                <tr class:chosen=line.chosen>
                                    <td>{line.label.get(l).to_string()}</td>
                                    <td class="num">{line.value.get(l).to_string()}
                                        {line.chosen.then(|| view! { " " <span class="badge">{t.get().territory.chosen_mark}</span> })}</td>
                                    <td class="source">{line.source.get(l).to_string()}</td>
                                </tr>
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <form class="action-form" on:submit=save novalidate>
                <div class="form-grid">
                    {factor!(replaced_heat_fuel, territory.f_heat_fuel, FactorKey::HEAT_FUELS, "assumption-heat-fuel")}
                    {number!(boiler_efficiency, territory.f_boiler_efficiency, "assumption-boiler-efficiency")}
                    {factor!(electricity, territory.f_electricity, FactorKey::ELECTRICITY, "assumption-electricity")}
                    {factor!(freight_factor, territory.f_freight, FactorKey::FREIGHT, "assumption-freight")}
                    {number!(road_factor, territory.f_road_factor, "assumption-road-factor")}
                    {number!(max_road_km, territory.f_max_road_km, "assumption-max-road")}
                    {number!(transport_eur_per_tkm, territory.f_transport, "assumption-transport")}
                    {number!(current_outlet_road_km, territory.f_outlet_km, "assumption-outlet")}
                    {number!(pooling_radius_km, territory.f_pooling_radius, "assumption-pooling-radius")}
                    {number!(pooling_saving_percent, territory.f_pooling_saving, "assumption-pooling-saving")}
                    {number!(weights_percent, territory.f_weights, "assumption-weights")}
                    {number!(proposals_per_offer, territory.f_proposals_per_offer, "assumption-proposals-per-offer")}
                </div>
                <FormFooter errors save_testid="assumptions-save" done testid="assumptions-message" />
                <button type="button" data-testid="assumptions-reset" on:click=move |_| { saved.set(false); apply(AssumptionChoices::default()) }>
                    {move || t.get().territory.assumptions_reset}
                </button>
            </form>
        </section>
    }
}
