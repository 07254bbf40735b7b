//! One funding line in the action form: the funder and the amount asked, then where the aid
//! stands and the fields of the steps it has reached (request, decision, payment). The draft
//! (`forms::funding::LineDraft`) keeps what was typed; the form checks it all on Save.

use leptos::prelude::*;
use symbiose_core::AidStatus;
use symbiose_core::numbers::{Precision::Reading, number};

use crate::forms::action::ActionDraft;
use crate::forms::funding::{LineDraft, Steps};
use crate::forms::number::parse_decimal;
use crate::i18n::{Texts, use_lang, use_texts};

/// A text input of line `i`, bound to one of its fields.
fn line_input(
    draft: RwSignal<ActionDraft>,
    i: usize,
    what: &'static str,
    label: fn(&Texts) -> &'static str,
    field: fn(&mut LineDraft) -> &mut String,
    placeholder: Option<fn(&Texts) -> &'static str>,
) -> impl IntoView {
    let t = use_texts();
    let id = format!("field-funding-{i}-{what}");
    let read = move || {
        draft.with(|d| {
            let mut line = d.funding.get(i).cloned()?;
            Some(field(&mut line).clone())
        })
    };
    view! {
        <div class="field">
            <label for=id.clone()>{move || label(t.get())}</label>
            <input type="text" id=id data-testid=format!("funding-{what}")
                inputmode=if what.ends_with("_on") { "numeric" } else { "decimal" }
                placeholder=move || placeholder.map(|p| p(t.get()))
                prop:value=move || read().unwrap_or_default()
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    draft.update(|d| {
                        if let Some(line) = d.funding.get_mut(i) {
                            *field(line) = typed;
                        }
                    });
                } />
        </div>
    }
}

#[component]
pub fn FundingLineEditor(draft: RwSignal<ActionDraft>, i: usize) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let status = move || draft.with(|d| d.funding.get(i).map(|l| l.status));
    // A memo, so that typing in a step's field does not redraw (and unfocus) it: only a change
    // of status shows or hides fields.
    let steps = Memo::new(move |_| Steps::of(status().unwrap_or_default()));
    let head = move || {
        draft.with(|d| {
            d.funding.get(i).map(|l| {
                // The amount as it reads, once what is typed is a number.
                let amount = parse_decimal(&l.amount)
                    .map_or_else(|| l.amount.clone(), |v| number(v, lang.get(), Reading));
                format!(
                    "{} — {amount} € {}",
                    l.source.label(lang.get()),
                    t.get().roadmap.asked_word
                )
            })
        })
    };
    let status_id = format!("field-funding-{i}-status");
    view! {
        <li class="funding-line" data-testid="funding-line">
            <div class="funding-line-head">
                <strong>{head}</strong>
                <button type="button" data-testid="funding-remove"
                    on:click=move |_| draft.update(|d| { if i < d.funding.len() { d.funding.remove(i); } })>
                    {move || t.get().common.remove}
                </button>
            </div>
            <div class="form-grid funding-steps">
                {line_input(draft, i, "amount", |t| t.roadmap.f_amount, |l| &mut l.amount, None)}
                <div class="field">
                    <label for=status_id.clone()>{move || t.get().roadmap.f_aid_status}</label>
                    <select id=status_id data-testid="funding-status" on:change=move |ev| {
                        let picked = event_target_value(&ev);
                        if let Some(s) = AidStatus::ALL.iter().find(|s| format!("{s:?}") == picked) {
                            draft.update(|d| if let Some(l) = d.funding.get_mut(i) { l.status = *s; });
                        }
                    }>
                        {AidStatus::ALL.iter().map(|s| {
                            let s = *s;
                            view! {
                                <option value=format!("{s:?}") prop:selected=move || status() == Some(s)>
                                    {move || s.label(lang.get())}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                {move || steps.get().requested.then(|| line_input(draft, i, "requested_on", |t| t.roadmap.f_requested_on, |l| &mut l.requested_on, Some(|_| "AAAA-MM-JJ")))}
                {move || steps.get().decided.then(|| line_input(draft, i, "decided_on", |t| t.roadmap.f_decided_on, |l| &mut l.decided_on, Some(|_| "AAAA-MM-JJ")))}
                {move || steps.get().granted.then(|| line_input(draft, i, "granted", |t| t.roadmap.f_granted, |l| &mut l.granted, Some(|t| t.roadmap.same_as_asked)))}
                {move || steps.get().paid.then(|| line_input(draft, i, "paid_on", |t| t.roadmap.f_paid_on, |l| &mut l.paid_on, Some(|_| "AAAA-MM-JJ")))}
                {move || steps.get().paid.then(|| line_input(draft, i, "paid", |t| t.roadmap.f_paid, |l| &mut l.paid, Some(|t| t.roadmap.same_as_granted)))}
            </div>
        </li>
    }
}
