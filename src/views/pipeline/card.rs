//! One synergy on the board: who takes part, what flows, what it would gain, what stands in the
//! way and what comes next, with its dated stage history and its regulatory checklist. Its own
//! edit and abandon forms.

use leptos::prelude::*;
use symbiose_core::edit::Command;
use symbiose_core::{BarrierKind, Gains, Lang, Project, Stage, Synergy, SynergyId};

use super::checklist::Checklist;
use super::{abandon, move_to, step};
use crate::forms::FieldError;
use crate::forms::synergy::{AbandonDraft, GAINS, SynergyDraft};
use crate::i18n::{Texts, use_lang, use_texts};
use crate::state::use_project;
use crate::views::controls::{FieldMessage, FormFooter, SelectField, TextField, choices, error_of};
use symbiose_core::numbers::{Precision::Reading, number};

type Label = fn(&Texts) -> &'static str;

/// The unit label and the test id of each gain, in the order of `forms::synergy::GAINS`.
const GAIN_FIELDS: [(Label, &str); 10] = [
    (|t| t.pipeline.gain_t, "card-gain-0"),
    (|t| t.pipeline.gain_mwh, "card-gain-1"),
    (|t| t.pipeline.gain_m3, "card-gain-2"),
    (|t| t.common.gain_co2, "card-gain-3"),
    (|t| t.common.gain_eur, "card-gain-4"),
    (|t| t.pipeline.gain_invest, "card-gain-5"),
    (|t| t.pipeline.gain_jobs, "card-gain-6"),
    (|t| t.pipeline.gain_revenue, "card-gain-7"),
    (|t| t.pipeline.gain_avoided, "card-gain-8"),
    (|t| t.pipeline.gain_jobs_kept, "card-gain-9"),
];

fn gains_line(g: &Gains, t: &Texts, lang: Lang) -> String {
    let mut g = *g;
    GAINS
        .iter()
        .zip(GAIN_FIELDS)
        .filter_map(|((_, pick), (label, _))| {
            pick(&mut g).map(|v| format!("{} {}", number(v, lang, Reading), label(t)))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

fn participants(p: &Project, s: &Synergy) -> String {
    s.actors
        .iter()
        .filter_map(|a| p.actor(a).map(|a| a.name.clone()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn flows_line(p: &Project, s: &Synergy, lang: Lang) -> Vec<String> {
    s.flows
        .iter()
        .filter_map(|f| p.flow(f))
        .map(|f| match f.quantity {
            Some(q) => format!(
                "{} · {} ({})",
                f.label,
                q.text(lang, Reading),
                f.direction.label(lang)
            ),
            None => format!("{} ({})", f.label, f.direction.label(lang)),
        })
        .collect()
}

/// Puts the keyboard focus back on a card once it has been drawn in its new column.
fn focus_card(id: &SynergyId) {
    let selector = format!("[data-synergy=\"{}\"]", id.as_str());
    set_timeout(
        move || {
            if let Some(el) = document().query_selector(&selector).ok().flatten() {
                use wasm_bindgen::JsCast;
                el.unchecked_into::<web_sys::HtmlElement>().focus().ok();
            }
        },
        std::time::Duration::from_millis(30),
    );
}

#[component]
pub fn Card(id: SynergyId, abandoning: RwSignal<Option<SynergyId>>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let id = StoredValue::new(id);
    let synergy = Memo::new(move |_| state.project.with(|p| p.synergy(&id.get_value()).cloned()));
    let editing = RwSignal::new(false);
    // Kept outside the redrawn view: the checklist stays open while its items are answered.
    let checklist_open = RwSignal::new(false);
    let go = move |forward: bool| {
        let Some(stage) =
            synergy.with_untracked(|s| s.as_ref().and_then(|s| step(s.stage, forward)))
        else {
            return;
        };
        if move_to(state, &id.get_value(), stage) {
            focus_card(&id.get_value());
        }
    };
    let keys = move |ev: leptos::ev::KeyboardEvent| {
        if ev.target() != ev.current_target() {
            return; // typing in a form of the card
        }
        match ev.key().as_str() {
            "ArrowRight" => go(true),
            "ArrowLeft" => go(false),
            "a" | "A" => abandoning.set(Some(id.get_value())),
            "Enter" => editing.set(true),
            _ => return,
        }
        ev.prevent_default();
    };
    let drag = move |ev: leptos::ev::DragEvent| {
        if let Some(d) = ev.data_transfer() {
            d.set_data("text/plain", id.get_value().as_str()).ok();
            d.set_effect_allowed("move");
        }
    };
    view! {
        {move || synergy.get().map(|s| {
            let tx = t.get();
            let lang = lang.get();
            let (who, flows) = state.project.with_untracked(|p| (participants(p, &s), flows_line(p, &s, lang)));
            let gains = gains_line(&s.estimated, tx, lang);
            let since = s.history.last().map(|h| h.date.in_lang(lang)).unwrap_or_default();
            let abandoned = s.stage == Stage::Abandoned;
            let (can_prev, can_next) = (step(s.stage, false).is_some(), step(s.stage, true).is_some());
            view! {
                <article class="card" tabindex="0" draggable="true" data-testid="card" data-synergy=s.id.as_str().to_string()
                    on:keydown=keys on:dragstart=drag aria-label=s.title.clone()>
                    <h4 class="card-title">{s.title.clone()}</h4>
                    <p class="card-meta">{format!("{} · {since}", s.kind.label(lang))}</p>
                    <p class="card-who"><strong>{tx.pipeline.participants}" : "</strong>{who}</p>
                    {(!flows.is_empty()).then(|| view! {
                        <ul class="card-flows">{flows.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                    })}
                    {(!gains.is_empty()).then(|| view! { <p class="card-gains"><strong>{tx.pipeline.gains_estimated}" : "</strong>{gains}</p> })}
                    {(!s.barriers.is_empty()).then(|| view! {
                        <p class="card-barriers"><strong>{tx.pipeline.barriers_title}" : "</strong>
                            {s.barriers.iter().map(|b| if b.note.is_empty() { b.kind.label(lang).to_string() } else { format!("{} ({})", b.kind.label(lang), b.note) }).collect::<Vec<_>>().join(" · ")}
                        </p>
                    })}
                    {(!s.next_step.is_empty()).then(|| view! { <p class="card-next"><strong>{tx.pipeline.next_step}" : "</strong>{s.next_step.clone()}</p> })}
                    {abandoned.then(|| view! { <p class="card-reason"><strong>{tx.pipeline.abandon_reason_title}" : "</strong>{s.abandon_reason.clone()}</p> })}
                    <details class="card-history">
                        <summary>{tx.pipeline.history_title}</summary>
                        <ol>{s.history.iter().map(|h| view! {
                            <li>{format!("{} — {}{}", h.date.in_lang(lang), h.stage.label(lang), if h.note.is_empty() { String::new() } else { format!(" : {}", h.note) })}</li>
                        }).collect_view()}</ol>
                    </details>
                    <Checklist synergy=s.clone() open=checklist_open />
                    <div class="card-buttons">
                        {(!abandoned).then(|| view! {
                            <button data-testid="card-prev" disabled=!can_prev on:click=move |_| go(false)>{tx.pipeline.move_prev}</button>
                            <button data-testid="card-next" disabled=!can_next on:click=move |_| go(true)>{tx.pipeline.move_next}</button>
                            <button data-testid="card-abandon" class="danger" on:click=move |_| abandoning.set(Some(id.get_value()))>{tx.pipeline.abandon}</button>
                        })}
                        {abandoned.then(|| view! {
                            <button data-testid="card-resume" on:click=move |_| { move_to(state, &id.get_value(), Stage::Idea); }>{tx.pipeline.resume}</button>
                        })}
                        <button data-testid="card-edit" on:click=move |_| editing.set(true)>{tx.common.edit}</button>
                    </div>
                </article>
            }
        })}
        <Show when=move || abandoning.with(|a| a.as_ref() == Some(&id.get_value()))>
            <AbandonForm id=id.get_value() abandoning />
        </Show>
        <Show when=move || editing.get()>
            {move || synergy.get_untracked().map(|s| view! { <CardForm synergy=s on_done=Callback::new(move |_| editing.set(false)) /> })}
        </Show>
    }
}

#[component]
fn AbandonForm(id: SynergyId, abandoning: RwSignal<Option<SynergyId>>) -> impl IntoView {
    let t = use_texts();
    let state = use_project();
    let draft = RwSignal::new(AbandonDraft::default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let id = StoredValue::new(id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let reason = draft.with_untracked(AbandonDraft::to_reason);
        match reason {
            Err(e) => errors.set(e),
            Ok(reason) if abandon(state, &id.get_value(), &reason) => abandoning.set(None),
            // The core refused the stage change: the reason is what the form can name.
            Ok(_) => errors.set(vec![FieldError::from_texts("reason", |t| {
                t.pipeline.reason_required.into()
            })]),
        }
    };
    view! {
        <form class="card-form" data-testid="abandon-form" on:submit=submit novalidate>
            <TextField label=move || t.get().pipeline.abandon_reason_label testid="abandon-reason" multiline=true
                value=Signal::derive(move || draft.with(|d| d.reason.clone()))
                on_input=Callback::new(move |v| draft.update(|d| d.reason = v))
                error=error_of(errors, "reason") />
            <FormFooter errors save_testid="abandon-confirm" save_label=move || t.get().pipeline.abandon_confirm danger=true
                testid="abandon-error" on_cancel=Callback::new(move |_| abandoning.set(None)) />
        </form>
    }
}

#[component]
fn CardForm(synergy: Synergy, on_done: Callback<()>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let draft = RwSignal::new(SynergyDraft::from_synergy(&synergy, lang.get_untracked()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let base = StoredValue::new(synergy);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.with_untracked(|d| d.to_synergy(&base.get_value())) {
            Err(e) => errors.set(e),
            Ok(s) => match state.apply(Command::UpdateSynergy(s)) {
                Ok(()) => on_done.run(()),
                Err(e) => errors.set(vec![FieldError::refused(&e)]),
            },
        }
    };
    let kinds = choices(BarrierKind::VARIANTS, move |k| {
        k.label(lang.get()).to_string()
    });
    view! {
        <form class="card-form" data-testid="card-form" on:submit=submit novalidate>
            <TextField label=move || t.get().pipeline.next_step testid="card-next-step"
                value=Signal::derive(move || draft.with(|d| d.next_step.clone()))
                on_input=Callback::new(move |v| draft.update(|d| d.next_step = v))
                error=error_of(errors, "next_step") />
            <fieldset class="card-gains-fields">
                <legend>{move || t.get().pipeline.gains_estimated}</legend>
                {GAINS.iter().zip(GAIN_FIELDS).enumerate().map(|(i, ((field, _), (label, testid)))| view! {
                    <TextField label=move || label(t.get()) testid inputmode="decimal"
                        value=Signal::derive(move || draft.with(|d| d.gains[i].clone()))
                        on_input=Callback::new(move |v| draft.update(|d| d.gains[i] = v))
                        error=error_of(errors, field) />
                }).collect_view()}
            </fieldset>
            <fieldset aria-describedby="field-barriers-error">
                <legend>{move || t.get().pipeline.barriers_title}</legend>
                <ul class="barrier-list">
                    {move || draft.with(|d| d.barriers.clone()).into_iter().enumerate().map(|(i, b)| view! {
                        <li>
                            {format!("{}{}", b.kind.label(lang.get()), if b.note.is_empty() { String::new() } else { format!(" — {}", b.note) })}
                            <button type="button" on:click=move |_| draft.update(|d| { d.barriers.remove(i); })>{move || t.get().common.remove}</button>
                        </li>
                    }).collect_view()}
                </ul>
                <FieldMessage id="field-barriers-error".to_string() message=error_of(errors, "barriers") />
                <div class="barrier-add">
                    <SelectField label=move || t.get().pipeline.barriers_title testid="barrier-kind" options=kinds hide_label=true
                        value=Signal::derive(move || draft.with(|d| Some(d.barrier_kind)))
                        on_change=Callback::new(move |k| if let Some(k) = k { draft.update(|d| d.barrier_kind = k) }) />
                    <TextField label=move || t.get().pipeline.barrier_note testid="barrier-note" hide_label=true
                        placeholder=move || t.get().pipeline.barrier_note
                        value=Signal::derive(move || draft.with(|d| d.barrier_note.clone()))
                        on_input=Callback::new(move |v| draft.update(|d| d.barrier_note = v)) />
                    <button type="button" data-testid="barrier-add" on:click=move |_| draft.update(SynergyDraft::add_barrier)>
                        {move || t.get().pipeline.barrier_add}
                    </button>
                </div>
            </fieldset>
            <FormFooter errors save_testid="card-save" on_cancel=on_done />
        </form>
    }
}
