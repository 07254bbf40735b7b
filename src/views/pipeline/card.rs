//! One synergy on the board: who takes part, what flows, what it would gain, what stands in the
//! way and what comes next, with its dated stage history. Its own edit and abandon forms.

use leptos::prelude::*;
use symbiose_core::UserMessage;
use symbiose_core::edit::Command;
use symbiose_core::{Barrier, BarrierKind, Gains, Lang, Project, Stage, Synergy, SynergyId};

use super::{abandon, move_to, step};
use crate::forms::number::parse_optional;
use crate::i18n::{Texts, use_lang, use_texts};
use crate::state::use_project;
use symbiose_core::numbers::{
    Precision::{Editing, Reading},
    number,
};

type Pick = fn(&mut Gains) -> &mut Option<f64>;
type Label = fn(&Texts) -> &'static str;

/// The gains a card shows and edits, with their unit label.
const GAINS: [(Label, Pick); 7] = [
    (|t| t.pipeline.gain_t, |g| &mut g.tonnes_per_year),
    (|t| t.pipeline.gain_mwh, |g| &mut g.mwh_per_year),
    (|t| t.pipeline.gain_m3, |g| &mut g.m3_per_year),
    (|t| t.common.gain_co2, |g| &mut g.tco2e_per_year),
    (|t| t.common.gain_eur, |g| &mut g.eur_per_year),
    (|t| t.pipeline.gain_invest, |g| &mut g.investment_eur),
    (|t| t.pipeline.gain_jobs, |g| &mut g.jobs),
];

fn gains_line(g: &Gains, t: &Texts, lang: Lang) -> String {
    let mut g = *g;
    GAINS
        .iter()
        .filter_map(|(label, pick)| {
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
                "{} · {} {} ({})",
                f.label,
                number(q.value, lang, Reading),
                q.unit.symbol(),
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
            let since = s.history.last().map(|h| h.date.to_string()).unwrap_or_default();
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
                            <li>{format!("{} — {}{}", h.date, h.stage.label(lang), if h.note.is_empty() { String::new() } else { format!(" : {}", h.note) })}</li>
                        }).collect_view()}</ol>
                    </details>
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
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(false);
    let id = StoredValue::new(id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if abandon(state, &id.get_value(), &reason.get_untracked()) {
            abandoning.set(None);
        } else {
            error.set(true);
        }
    };
    view! {
        <form class="card-form" data-testid="abandon-form" on:submit=submit novalidate>
            <label>
                <span>{move || t.get().pipeline.abandon_reason_label}</span>
                <textarea data-testid="abandon-reason" prop:value=move || reason.get()
                    on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
            </label>
            <Show when=move || error.get()>
                <p class="field-error" role="alert" data-testid="abandon-error">{move || t.get().pipeline.reason_required}</p>
            </Show>
            <button type="submit" class="danger" data-testid="abandon-confirm">{move || t.get().pipeline.abandon_confirm}</button>
            <button type="button" on:click=move |_| abandoning.set(None)>{move || t.get().common.cancel}</button>
        </form>
    }
}

#[component]
fn CardForm(synergy: Synergy, on_done: Callback<()>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let next_step = RwSignal::new(synergy.next_step.clone());
    let mut start = synergy.estimated;
    let gains: Vec<RwSignal<String>> = GAINS
        .iter()
        .map(|(_, pick)| {
            let shown = pick(&mut start).map(|v| number(v, lang.get_untracked(), Editing));
            RwSignal::new(shown.unwrap_or_default())
        })
        .collect();
    let gains = StoredValue::new(gains);
    let barriers = RwSignal::new(synergy.barriers.clone());
    let new_kind = RwSignal::new(BarrierKind::Technical);
    let new_note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let base = StoredValue::new(synergy);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let tx = t.get_untracked();
        let mut s = base.get_value();
        s.next_step = next_step.get_untracked().trim().to_string();
        s.barriers = barriers.get_untracked();
        for ((label, pick), field) in GAINS.iter().zip(gains.get_value()) {
            match parse_optional(&field.get_untracked()) {
                Ok(v) => *pick(&mut s.estimated) = v,
                Err(_) => {
                    error.set(Some(format!(
                        "{} : « {} » {}",
                        label(tx),
                        field.get_untracked(),
                        tx.common.not_a_number
                    )));
                    return;
                }
            }
        }
        match state.apply(Command::UpdateSynergy(s)) {
            Ok(()) => on_done.run(()),
            Err(e) => error.set(Some(e.message_in(lang.get_untracked()))),
        }
    };
    view! {
        <form class="card-form" data-testid="card-form" on:submit=submit novalidate>
            <label>
                <span>{move || t.get().pipeline.next_step}</span>
                <input type="text" data-testid="card-next-step" prop:value=move || next_step.get()
                    on:input=move |ev| next_step.set(event_target_value(&ev)) />
            </label>
            <fieldset class="card-gains-fields">
                <legend>{move || t.get().pipeline.gains_estimated}</legend>
                {GAINS.iter().zip(gains.get_value()).enumerate().map(|(i, ((label, _), field))| view! {
                    <label>
                        <span>{move || label(t.get())}</span>
                        <input type="text" inputmode="decimal" data-testid=format!("card-gain-{i}") prop:value=move || field.get()
                            on:input=move |ev| field.set(event_target_value(&ev)) />
                    </label>
                }).collect_view()}
            </fieldset>
            <fieldset>
                <legend>{move || t.get().pipeline.barriers_title}</legend>
                <ul class="barrier-list">
                    {move || barriers.get().into_iter().enumerate().map(|(i, b)| view! {
                        <li>
                            {format!("{}{}", b.kind.label(lang.get()), if b.note.is_empty() { String::new() } else { format!(" — {}", b.note) })}
                            <button type="button" on:click=move |_| barriers.update(|v| { v.remove(i); })>{move || t.get().common.remove}</button>
                        </li>
                    }).collect_view()}
                </ul>
                <div class="barrier-add">
                    <select data-testid="barrier-kind" on:change=move |ev| {
                        if let Some(k) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| BarrierKind::ALL.get(i)) { new_kind.set(*k); }
                    }>
                        {BarrierKind::ALL.iter().enumerate().map(|(i, k)| view! {
                            <option value=i.to_string() prop:selected=move || new_kind.get() == *k>{move || k.label(lang.get())}</option>
                        }).collect_view()}
                    </select>
                    <input type="text" data-testid="barrier-note" placeholder=move || t.get().pipeline.barrier_note prop:value=move || new_note.get()
                        on:input=move |ev| new_note.set(event_target_value(&ev)) />
                    <button type="button" data-testid="barrier-add" on:click=move |_| {
                        barriers.update(|v| v.push(Barrier { kind: new_kind.get_untracked(), note: new_note.get_untracked().trim().to_string() }));
                        new_note.set(String::new());
                    }>{move || t.get().pipeline.barrier_add}</button>
                </div>
            </fieldset>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <button type="submit" class="primary" data-testid="card-save">{move || t.get().common.save}</button>
            <button type="button" on:click=move |_| on_done.run(())>{move || t.get().common.cancel}</button>
        </form>
    }
}
