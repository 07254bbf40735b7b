//! Adding or editing a flow. Units and quality fields follow the family; the waste code is
//! picked from the European List of Waste by code or by words, in French or English.

use leptos::prelude::*;
use symbiose_core::UserMessage;
use symbiose_core::edit::Command;
use symbiose_core::refdata::waste;
use symbiose_core::{
    Confidentiality, Direction, Family, Flow, PhysicalState, Provenance, ResourceCategory, Route,
};

use crate::forms::flow::{
    FlowDraft, categories_for, shows_material_quality, shows_temperature, units_for,
};
use crate::forms::{FieldError, error_for};
use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;
use crate::views::controls::{FieldMessage, FormFooter, SelectField, TextField, choices, error_of};

/// `is_new` decides between an add and an update command; `flow` carries the id either way.
#[component]
pub fn FlowForm(flow: Flow, is_new: bool, on_done: Callback<()>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let draft = RwSignal::new(FlowDraft::from_flow(&flow, use_lang().get_untracked()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let base = StoredValue::new(flow);
    let err = move |field: &'static str| error_of(errors, field);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.with_untracked(|d| d.to_flow(&base.get_value())) {
            Err(e) => errors.set(e),
            Ok(flow) => {
                let cmd = if is_new {
                    Command::AddFlow(flow)
                } else {
                    Command::UpdateFlow(flow)
                };
                match state.apply(cmd) {
                    Ok(()) => on_done.run(()),
                    Err(e) => errors.set(vec![FieldError::new(
                        "form",
                        e.message_in(symbiose_core::Lang::Fr),
                        e.message_in(symbiose_core::Lang::En),
                    )]),
                }
            }
        }
    };
    let delete = move |_| {
        if state
            .apply(Command::RemoveFlow(base.get_value().id))
            .is_ok()
        {
            on_done.run(());
        }
    };

    let directions = choices(Direction::VARIANTS, move |v| {
        v.label(lang.get()).to_string()
    });
    let families = choices(&Family::ALL, move |v| v.label(lang.get()).to_string());
    let categories = Signal::derive(move || {
        let l = lang.get();
        let first = categories_for(draft.with(|d| d.family));
        let rest = ResourceCategory::ALL
            .iter()
            .filter(|c| !first.contains(c))
            .copied();
        first
            .iter()
            .copied()
            .chain(rest)
            .map(|c| (c, c.label(l).to_string()))
            .collect::<Vec<_>>()
    });
    let units = Signal::derive(move || {
        units_for(draft.with(|d| d.family))
            .iter()
            .map(|u| (*u, u.symbol().to_string()))
            .collect::<Vec<_>>()
    });
    let periods = Signal::derive(move || {
        use symbiose_core::Period::*;
        let t = t.get();
        vec![
            (Year, t.company.period_year.to_string()),
            (Month, t.company.period_month.to_string()),
            (Week, t.company.period_week.to_string()),
            (Day, t.company.period_day.to_string()),
            (Once, t.company.period_once.to_string()),
        ]
    });
    let states = choices(PhysicalState::VARIANTS, move |v| {
        v.label(lang.get()).to_string()
    });
    let routes = choices(Route::VARIANTS, move |v| v.label(lang.get()).to_string());
    let provenances = choices(&Provenance::ALL, move |v| v.label(lang.get()).to_string());
    let privacy = choices(Confidentiality::VARIANTS, move |v| {
        v.label(lang.get()).to_string()
    });
    let waste_hint = Signal::derive(move || {
        errors
            .with(|e| error_for(e, "waste_code", lang.get()))
            .or_else(|| {
                draft
                    .with(|d| d.waste_warning())
                    .map(|w| w.message.get(lang.get()).to_string())
            })
    });
    let waste_label = move || {
        draft.with(|d| waste::lookup(&d.waste_code)).map(|w| {
            let hazard = if w.hazardous {
                format!(" — {}", t.get().company.hazardous)
            } else {
                String::new()
            };
            format!("{} {}{hazard}", w.display_with_star(), w.label(lang.get()))
        })
    };
    let waste_query = RwSignal::new(String::new());
    let waste_hits = Memo::new(move |_| {
        waste_query
            .with(|q| waste::search(q, 8))
            .into_iter()
            .map(|w| {
                (
                    w.code.clone(),
                    format!("{} {}", w.display_with_star(), w.label(lang.get())),
                )
            })
            .collect::<Vec<_>>()
    });
    let is_waste = move || draft.with(|d| d.family == Family::Waste);
    let month_letters = move || {
        t.get()
            .company
            .months_short
            .split(',')
            .map(str::to_string)
            .collect::<Vec<_>>()
    };

    view! {
        <form class="entity-form" data-testid="flow-form" on:submit=save novalidate>
            <div class="field-row">
                <SelectField label=move || t.get().company.f_direction testid="flow-direction" options=directions
                    value=Signal::derive(move || draft.with(|d| Some(d.direction)))
                    on_change=Callback::new(move |v: Option<Direction>| if let Some(v) = v { draft.update(|d| d.direction = v) }) />
                <SelectField label=move || t.get().company.f_family testid="flow-family" options=families
                    value=Signal::derive(move || draft.with(|d| Some(d.family)))
                    on_change=Callback::new(move |v: Option<Family>| if let Some(v) = v { draft.update(|d| d.set_family(v)) }) />
            </div>
            <TextField label=move || t.get().common.f_label testid="flow-label"
                value=Signal::derive(move || draft.with(|d| d.label.clone()))
                on_input=Callback::new(move |v| draft.update(|d| d.label = v)) error=err("label") />
            <SelectField label=move || t.get().company.f_category testid="flow-category" options=categories
                value=Signal::derive(move || draft.with(|d| d.category))
                on_change=Callback::new(move |v| draft.update(|d| d.category = v))
                none_label=move || t.get().company.choose />
            <Show when=is_waste>
                <div class="field waste-picker">
                    <label for="field-waste-search">{move || t.get().company.f_waste_search}</label>
                    <p class="picked" data-testid="waste-picked">{waste_label}</p>
                    <input type="search" id="field-waste-search" data-testid="waste-search"
                        placeholder=move || t.get().company.waste_search_hint prop:value=move || waste_query.get()
                        on:input=move |ev| waste_query.set(event_target_value(&ev)) />
                    <ul class="picker-results" data-testid="waste-results">
                        <For each=move || waste_hits.get() key=|(code, _)| code.clone() let:hit>
                            <li><button type="button" data-testid="waste-hit" on:click={
                                let code = hit.0.clone();
                                move |_| { draft.update(|d| d.waste_code = code.clone()); waste_query.set(String::new()); }
                            }>{hit.1.clone()}</button></li>
                        </For>
                    </ul>
                    <TextField label=move || t.get().company.f_waste_code testid="flow-waste-code" inputmode="numeric"
                        value=Signal::derive(move || draft.with(|d| d.waste_code.clone()))
                        on_input=Callback::new(move |v| draft.update(|d| d.waste_code = v)) error=waste_hint />
                </div>
            </Show>
            <div class="field-row">
                <TextField label=move || t.get().company.f_quantity testid="flow-quantity" inputmode="decimal"
                    value=Signal::derive(move || draft.with(|d| d.quantity.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.quantity = v)) error=err("quantity") />
                <SelectField label=move || t.get().company.f_unit testid="flow-unit" options=units
                    value=Signal::derive(move || draft.with(|d| Some(d.unit)))
                    on_change=Callback::new(move |v| if let Some(v) = v { draft.update(|d| d.unit = v) }) />
                <SelectField label=move || t.get().company.f_period testid="flow-period" options=periods
                    value=Signal::derive(move || draft.with(|d| Some(d.period)))
                    on_change=Callback::new(move |v| if let Some(v) = v { draft.update(|d| d.period = v) }) />
            </div>
            <fieldset class="months" data-testid="flow-months" aria-describedby="field-months-error">
                <legend>{move || t.get().company.f_months}</legend>
                {move || month_letters().into_iter().enumerate().map(|(i, letter)| {
                    let m = i as u8 + 1;
                    view! {
                        <label class="month">
                            <input type="checkbox" prop:checked=move || draft.with(|d| d.months.contains(m))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    draft.update(|d| {
                                        let mut ms = d.months.numbers();
                                        ms.retain(|x| *x != m);
                                        if on { ms.push(m); }
                                        d.months = symbiose_core::Months::from_numbers(ms);
                                    });
                                } />
                            <span>{letter}</span>
                        </label>
                    }
                }).collect_view()}
                <FieldMessage id="field-months-error".to_string() message=err("months") />
            </fieldset>
            <Show when=move || draft.with(|d| shows_material_quality(d.family))>
                <SelectField label=move || t.get().company.f_state testid="flow-state" options=states
                    value=Signal::derive(move || draft.with(|d| d.state))
                    on_change=Callback::new(move |v| draft.update(|d| d.state = v))
                    none_label=move || t.get().company.not_given />
                <div class="field-row">
                    <TextField label=move || t.get().company.f_purity testid="flow-purity" inputmode="decimal"
                        value=Signal::derive(move || draft.with(|d| d.purity.clone()))
                        on_input=Callback::new(move |v| draft.update(|d| d.purity = v)) error=err("purity") />
                    <TextField label=move || t.get().company.f_contaminants testid="flow-contaminants"
                        value=Signal::derive(move || draft.with(|d| d.contaminants.clone()))
                        on_input=Callback::new(move |v| draft.update(|d| d.contaminants = v)) />
                </div>
            </Show>
            <Show when=move || draft.with(|d| shows_temperature(d.family, d.category))>
                <TextField label=move || t.get().company.f_temperature testid="flow-temperature" inputmode="decimal"
                    value=Signal::derive(move || draft.with(|d| d.temperature.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.temperature = v)) error=err("temperature") />
            </Show>
            <div class="field-row">
                <SelectField label=move || t.get().company.f_route testid="flow-route" options=routes
                    value=Signal::derive(move || draft.with(|d| d.route))
                    on_change=Callback::new(move |v| draft.update(|d| d.route = v))
                    none_label=move || t.get().company.not_given />
                <TextField label=move || t.get().company.f_cost testid="flow-cost" inputmode="decimal"
                    value=Signal::derive(move || draft.with(|d| d.cost.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.cost = v)) error=err("cost") />
            </div>
            <SelectField label=move || t.get().company.f_confidentiality testid="flow-confidentiality" options=privacy
                value=Signal::derive(move || draft.with(|d| Some(d.confidentiality)))
                on_change=Callback::new(move |v| if let Some(v) = v { draft.update(|d| d.confidentiality = v) }) />
            <div class="field-row">
                <SelectField label=move || t.get().company.f_provenance testid="flow-provenance" options=provenances
                    value=Signal::derive(move || draft.with(|d| d.provenance))
                    on_change=Callback::new(move |v| draft.update(|d| d.provenance = v))
                    none_label=move || t.get().company.not_given />
                <TextField label=move || t.get().company.f_collected_on testid="flow-collected-on" placeholder="AAAA-MM-JJ"
                    value=Signal::derive(move || draft.with(|d| d.collected_on.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.collected_on = v)) error=err("collected_on") />
                <TextField label=move || t.get().company.f_collected_by testid="flow-collected-by"
                    value=Signal::derive(move || draft.with(|d| d.collected_by.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.collected_by = v)) error=err("collected_by") />
            </div>
            <TextField label=move || t.get().common.f_notes testid="flow-notes" multiline=true
                value=Signal::derive(move || draft.with(|d| d.notes.clone()))
                on_input=Callback::new(move |v| draft.update(|d| d.notes = v)) />
            <FormFooter errors save_testid="flow-save" on_cancel=on_done>
                <Show when=move || !is_new>
                    <button type="button" class="danger" data-testid="flow-delete" on:click=delete>{move || t.get().company.delete_flow}</button>
                </Show>
            </FormFooter>
        </form>
    }
}
