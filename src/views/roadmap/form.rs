//! Editing one roadmap action. The draft keeps what was typed; "Save" checks dates, amounts
//! and the title, then sends one command (an undo step), or says what is wrong and where.

use leptos::prelude::*;
use symbiose_core::UserMessage;
use symbiose_core::edit::Command;
use symbiose_core::{
    ActionStatus, Date, FundingLine, FundingSource, InterventionField, Milestone, ProgrammePhase,
    RoadmapAction, SynergyId,
};

use crate::forms::number::{parse_decimal, parse_optional};
use crate::i18n::{Texts, use_lang, use_texts};
use crate::state::use_project;
use symbiose_core::numbers::{Precision::Editing, number, with_unit};

fn parse_date(s: &str) -> Result<Option<Date>, ()> {
    let s = s.trim();
    if s.is_empty() {
        Ok(None)
    } else {
        s.parse().map(Some).map_err(|_| ())
    }
}

/// A select over a closed list, by index.
fn choices<T: Copy + PartialEq + Send + Sync + 'static>(
    items: &'static [T],
    value: RwSignal<T>,
    label: impl Fn(T) -> String + Copy + Send + Sync + 'static,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <select data-testid=testid on:change=move |ev| {
            if let Some(v) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| items.get(i)) { value.set(*v); }
        }>
            {items.iter().enumerate().map(|(i, v)| view! {
                <option value=i.to_string() prop:selected=move || value.get() == *v>{move || label(*v)}</option>
            }).collect_view()}
        </select>
    }
}

#[component]
pub fn ActionForm(action: RoadmapAction, is_new: bool, on_done: Callback<()>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let title = RwSignal::new(action.title.clone());
    let synergy = RwSignal::new(action.synergy.clone());
    let owner = RwSignal::new(action.owner.clone());
    let partners = RwSignal::new(action.partners.join(", "));
    let phase = RwSignal::new(action.phase);
    let field = RwSignal::new(action.field);
    let status = RwSignal::new(action.status);
    let start = RwSignal::new(action.start.map(|d| d.to_string()).unwrap_or_default());
    let end = RwSignal::new(action.end.map(|d| d.to_string()).unwrap_or_default());
    let investment = RwSignal::new(
        action
            .investment_eur
            .map(|v| number(v, lang.get_untracked(), Editing))
            .unwrap_or_default(),
    );
    let operating = RwSignal::new(
        action
            .operating_eur_per_year
            .map(|v| number(v, lang.get_untracked(), Editing))
            .unwrap_or_default(),
    );
    let funding = RwSignal::new(action.funding.clone());
    let f_source = RwSignal::new(FundingSource::Ademe);
    let f_amount = RwSignal::new(String::new());
    let milestones = RwSignal::new(action.milestones.clone());
    let m_date = RwSignal::new(String::new());
    let m_label = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let base = StoredValue::new(action);

    let synergies = Memo::new(move |_| {
        state.project.with(|p| {
            p.synergies
                .iter()
                .map(|s| (s.id.clone(), s.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let build = move |t: &Texts| -> Result<RoadmapAction, String> {
        let title = title.get_untracked().trim().to_string();
        if title.is_empty() {
            return Err(t.roadmap.title_required.into());
        }
        let start = parse_date(&start.get_untracked())
            .map_err(|_| format!("{} : {}", t.roadmap.f_start, t.common.bad_date))?;
        let end = parse_date(&end.get_untracked())
            .map_err(|_| format!("{} : {}", t.roadmap.f_end, t.common.bad_date))?;
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            return Err(t.roadmap.end_before_start.into());
        }
        let money = |label: &str, s: String| {
            parse_optional(&s).map_err(|_| format!("{label} : « {s} » {}", t.common.not_a_number))
        };
        Ok(RoadmapAction {
            title,
            synergy: synergy.get_untracked(),
            owner: owner.get_untracked().trim().to_string(),
            partners: partners
                .get_untracked()
                .split(',')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
            phase: phase.get_untracked(),
            field: field.get_untracked(),
            status: status.get_untracked(),
            start,
            end,
            investment_eur: money(t.roadmap.f_investment, investment.get_untracked())?,
            operating_eur_per_year: money(t.roadmap.f_operating, operating.get_untracked())?,
            funding: funding.get_untracked(),
            milestones: milestones.get_untracked(),
            ..base.get_value()
        })
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = t.get_untracked();
        let action = match build(t) {
            Ok(a) => a,
            Err(e) => return error.set(Some(e)),
        };
        let cmd = if is_new {
            Command::AddAction(action)
        } else {
            Command::UpdateAction(action)
        };
        match state.apply(cmd) {
            Ok(()) => on_done.run(()),
            Err(e) => error.set(Some(e.message_in(lang.get_untracked()))),
        }
    };
    let remove = move |_| {
        if state
            .apply(Command::RemoveAction(base.get_value().id))
            .is_ok()
        {
            on_done.run(());
        }
    };
    let text = |value: RwSignal<String>,
                label: fn(&Texts) -> &'static str,
                testid: &'static str| {
        view! {
            <label><span>{move || label(t.get())}</span>
                <input type="text" data-testid=testid prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) /></label>
        }
    };
    view! {
        <form class="action-form" data-testid="action-form" on:submit=save novalidate>
            {text(title, |t| t.roadmap.f_title, "action-title")}
            <label><span>{move || t.get().roadmap.f_synergy}</span>
                <select data-testid="action-synergy" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    synergy.set((!v.is_empty()).then(|| SynergyId::new(v)));
                }>
                    <option value="" prop:selected=move || synergy.with(Option::is_none)>{move || t.get().roadmap.none_standalone}</option>
                    {move || synergies.get().into_iter().map(|(id, title)| {
                        let sel = id.clone();
                        view! { <option value=id.as_str().to_string() prop:selected=move || synergy.with(|s| s.as_ref() == Some(&sel))>{title}</option> }
                    }).collect_view()}
                </select></label>
            <div class="form-grid">
                {text(owner, |t| t.roadmap.f_owner, "action-owner")}
                {text(partners, |t| t.roadmap.f_partners, "action-partners")}
                <label><span>{move || t.get().roadmap.f_phase}</span>
                    {choices(&ProgrammePhase::ALL, phase, move |p| format!("{} {}", t.get().roadmap.phase_word, p.number()), "action-phase")}</label>
                <label><span>{move || t.get().roadmap.f_field}</span>
                    {choices(InterventionField::VARIANTS, field, move |f| f.label(lang.get()).to_string(), "action-field")}</label>
                {text(start, |t| t.roadmap.f_start, "action-start")}
                {text(end, |t| t.roadmap.f_end, "action-end")}
                <label><span>{move || t.get().roadmap.f_status}</span>
                    {choices(ActionStatus::VARIANTS, status, move |s| s.label(lang.get()).to_string(), "action-status")}</label>
                {text(investment, |t| t.roadmap.f_investment, "action-investment")}
                {text(operating, |t| t.roadmap.f_operating, "action-operating")}
            </div>
            <fieldset>
                <legend>{move || t.get().roadmap.funding_title}</legend>
                <ul>{move || funding.get().into_iter().enumerate().map(|(i, f)| view! {
                    <li>{format!("{} : {}", f.source.label(lang.get()), with_unit(f.amount_eur, lang.get(), "€"))}
                        <button type="button" on:click=move |_| funding.update(|v| { v.remove(i); })>{move || t.get().common.remove}</button></li>
                }).collect_view()}</ul>
                <div class="inline-add">
                    {choices(&symbiose_core::charts::SOURCES, f_source, move |s| s.label(lang.get()).to_string(), "funding-source")}
                    <input type="text" inputmode="decimal" data-testid="funding-amount" placeholder=move || t.get().roadmap.f_amount
                        prop:value=move || f_amount.get() on:input=move |ev| f_amount.set(event_target_value(&ev)) />
                    <button type="button" data-testid="funding-add" on:click=move |_| {
                        match parse_decimal(&f_amount.get_untracked()) {
                            Some(v) => {
                                funding.update(|l| l.push(FundingLine { source: f_source.get_untracked(), amount_eur: v, note: String::new() }));
                                f_amount.set(String::new());
                            }
                            None => error.set(Some(format!("{} : {}", t.get_untracked().roadmap.f_amount, t.get_untracked().common.bad_value))),
                        }
                    }>{move || t.get().roadmap.funding_add}</button>
                </div>
            </fieldset>
            <fieldset>
                <legend>{move || t.get().roadmap.milestones_title}</legend>
                <ul>{move || milestones.get().into_iter().enumerate().map(|(i, m)| view! {
                    <li>{format!("{} — {}", m.date, m.label)}
                        <button type="button" on:click=move |_| milestones.update(|v| { v.remove(i); })>{move || t.get().common.remove}</button></li>
                }).collect_view()}</ul>
                <div class="inline-add">
                    <input type="text" data-testid="milestone-date" placeholder="AAAA-MM-JJ" prop:value=move || m_date.get() on:input=move |ev| m_date.set(event_target_value(&ev)) />
                    <input type="text" data-testid="milestone-label" placeholder=move || t.get().common.f_label prop:value=move || m_label.get() on:input=move |ev| m_label.set(event_target_value(&ev)) />
                    <button type="button" data-testid="milestone-add" on:click=move |_| {
                        match m_date.get_untracked().trim().parse::<Date>() {
                            Ok(date) => {
                                milestones.update(|l| l.push(Milestone { date, label: m_label.get_untracked().trim().to_string(), done: false }));
                                m_date.set(String::new());
                                m_label.set(String::new());
                            }
                            Err(_) => error.set(Some(t.get_untracked().common.bad_date.to_string())),
                        }
                    }>{move || t.get().roadmap.milestone_add}</button>
                </div>
            </fieldset>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert" data-testid="action-error">{e}</p> })}
            <div class="form-buttons">
                <button type="submit" class="primary" data-testid="action-save">{move || t.get().common.save}</button>
                <button type="button" on:click=move |_| on_done.run(())>{move || t.get().common.cancel}</button>
                {(!is_new).then(|| view! { <button type="button" class="danger" data-testid="action-delete" on:click=remove>{move || t.get().roadmap.delete_action}</button> })}
            </div>
        </form>
    }
}
