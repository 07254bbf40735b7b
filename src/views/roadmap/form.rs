//! Editing one roadmap action. The draft (`forms::action`) keeps what was typed; "Save" sends
//! one command (an undo step), or shows each problem under its field and sums them up.

use leptos::prelude::*;
use symbiose_core::edit::Command;
use symbiose_core::{
    ActionStatus, AidKind, CompanySize, FundingSource, InterventionField, ProgrammePhase,
    ProgrammeTrack, RoadmapAction,
};

use super::funding::FundingLineEditor;
use crate::forms::FieldError;
use crate::forms::action::ActionDraft;
use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;
use crate::views::controls::{
    FieldMessage, FormFooter, SelectField, TextField, choices, draft_text, error_of,
};

#[component]
pub fn ActionForm(action: RoadmapAction, is_new: bool, on_done: Callback<()>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let draft = RwSignal::new(ActionDraft::from_action(&action, lang.get_untracked()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let base = StoredValue::new(action);
    let err = move |field: &'static str| error_of(errors, field);

    // Every text field of this form, bound to its draft (`controls::draft_text`).
    macro_rules! text {
        ($($field:tt)*) => { draft_text!(t, draft, err; $($field)*) };
    }

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.with_untracked(|d| d.to_action(&base.get_value())) {
            Err(e) => errors.set(e),
            Ok(action) => {
                let cmd = if is_new {
                    Command::AddAction(action)
                } else {
                    Command::UpdateAction(action)
                };
                match state.apply(cmd) {
                    Ok(()) => on_done.run(()),
                    Err(e) => errors.set(vec![FieldError::refused(&e)]),
                }
            }
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
    // A funding line or a milestone is added by its own button: its problem, if any, replaces
    // the earlier one of that field; the rest of the form is checked on Save.
    let add = move |field: &'static str, add: fn(&mut ActionDraft) -> Result<(), FieldError>| {
        let mut added = Ok(());
        draft.update(|d| added = add(d));
        errors.update(|e| {
            e.retain(|x| x.field != field);
            e.extend(added.err());
        });
    };

    let synergies = Memo::new(move |_| {
        state.project.with(|p| {
            p.synergies
                .iter()
                .map(|s| (s.id.clone(), s.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let phases = choices(&ProgrammePhase::ALL, move |p| {
        format!("{} {}", t.get().roadmap.phase_word, p.number())
    });
    let fields = choices(InterventionField::VARIANTS, move |f| {
        f.label(lang.get()).to_string()
    });
    let statuses = choices(ActionStatus::VARIANTS, move |s| {
        s.label(lang.get()).to_string()
    });
    let sources = choices(FundingSource::VARIANTS, move |s| {
        s.label(lang.get()).to_string()
    });
    let aid_kinds = choices(&AidKind::ALL, move |k| k.label(lang.get()).to_string());
    let sizes = choices(&CompanySize::ALL, move |s| s.label(lang.get()).to_string());
    // Only the number of lines redraws the list; what is typed in a line does not.
    let lines = Memo::new(move |_| draft.with(|d| d.funding.len()));
    // The call funds some phases per track: a phase outside it is allowed, with the rule said.
    let track = Memo::new(move |_| state.project.with(|p| p.territory.track));
    let phase_hint = move || {
        let (phase, track) = (draft.with(|d| d.phase), track.get());
        (!track.funds(phase)).then(|| {
            format!(
                "{} {} : {}.",
                t.get().roadmap.phase_outside_track,
                phase.number(),
                ProgrammeTrack::rule(lang.get())
            )
        })
    };

    view! {
        <form class="action-form" data-testid="action-form" on:submit=save novalidate>
            {text!(title, roadmap.f_title, "action-title")}
            <SelectField label=move || t.get().roadmap.f_synergy testid="action-synergy" options=synergies
                value=Signal::derive(move || draft.with(|d| d.synergy.clone()))
                on_change=Callback::new(move |v| draft.update(|d| d.synergy = v))
                none_label=move || t.get().roadmap.none_standalone key=|id: &symbiose_core::SynergyId| id.as_str().to_string() />
            <div class="form-grid">
                {text!(owner, roadmap.f_owner, "action-owner")}
                {text!(partners, roadmap.f_partners, "action-partners")}
                <SelectField label=move || t.get().roadmap.f_phase testid="action-phase" options=phases
                    value=Signal::derive(move || draft.with(|d| Some(d.phase)))
                    on_change=Callback::new(move |v| if let Some(v) = v { draft.update(|d| d.phase = v) }) />
                <SelectField label=move || t.get().roadmap.f_field testid="action-field" options=fields
                    value=Signal::derive(move || draft.with(|d| Some(d.field)))
                    on_change=Callback::new(move |v| if let Some(v) = v { draft.update(|d| d.field = v) }) />
                {text!(start, roadmap.f_start, "action-start")}
                {text!(end, roadmap.f_end, "action-end")}
                <SelectField label=move || t.get().roadmap.f_status testid="action-status" options=statuses
                    value=Signal::derive(move || draft.with(|d| Some(d.status)))
                    on_change=Callback::new(move |v| if let Some(v) = v { draft.update(|d| d.status = v) }) />
                {text!(investment, roadmap.f_investment, "action-investment")}
                {text!(operating, roadmap.f_operating, "action-operating")}
                {text!(eligible, roadmap.f_eligible, "action-eligible")}
                {text!(origin, roadmap.f_origin, "action-origin")}
                <SelectField label=move || t.get().roadmap.f_aid_kind testid="action-aid-kind" options=aid_kinds
                    value=Signal::derive(move || draft.with(|d| d.aid_kind))
                    on_change=Callback::new(move |v| draft.update(|d| d.aid_kind = v))
                    none_label=move || t.get().roadmap.not_given />
                <SelectField label=move || t.get().roadmap.f_beneficiary_size testid="action-beneficiary-size" options=sizes
                    value=Signal::derive(move || draft.with(|d| d.beneficiary_size))
                    on_change=Callback::new(move |v| draft.update(|d| d.beneficiary_size = v))
                    none_label=move || t.get().roadmap.not_given />
            </div>
            {move || phase_hint().map(|hint| view! { <p class="hint" data-testid="action-phase-hint">{hint}</p> })}
            <fieldset aria-describedby="field-funding-error">
                <legend>{move || t.get().roadmap.funding_title}</legend>
                <ul class="funding-lines">{move || (0..lines.get()).map(|i| view! {
                    <FundingLineEditor draft i />
                }).collect_view()}</ul>
                <FieldMessage id="field-funding-error".to_string() message=err("funding") />
                <div class="inline-add">
                    <SelectField label=move || t.get().roadmap.funding_title testid="funding-source" options=sources hide_label=true
                        value=Signal::derive(move || draft.with(|d| Some(d.funding_source)))
                        on_change=Callback::new(move |v| if let Some(v) = v { draft.update(|d| d.funding_source = v) }) />
                    <TextField label=move || t.get().roadmap.f_amount testid="funding-amount" hide_label=true inputmode="decimal"
                        placeholder=move || t.get().roadmap.f_amount
                        value=Signal::derive(move || draft.with(|d| d.funding_amount.clone()))
                        on_input=Callback::new(move |v| draft.update(|d| d.funding_amount = v))
                        error=err("funding_amount") />
                    <button type="button" data-testid="funding-add" on:click=move |_| add("funding_amount", ActionDraft::add_funding)>
                        {move || t.get().roadmap.funding_add}
                    </button>
                </div>
            </fieldset>
            <fieldset aria-describedby="field-milestones-error">
                <legend>{move || t.get().roadmap.milestones_title}</legend>
                <ul>{move || draft.with(|d| d.milestones.clone()).into_iter().enumerate().map(|(i, m)| view! {
                    <li>{format!("{} — {}", m.date.in_lang(lang.get()), m.label)}
                        <button type="button" on:click=move |_| draft.update(|d| { d.milestones.remove(i); })>{move || t.get().common.remove}</button></li>
                }).collect_view()}</ul>
                <FieldMessage id="field-milestones-error".to_string() message=err("milestones") />
                <div class="inline-add">
                    <TextField label=move || t.get().common.f_date testid="milestone-date" hide_label=true placeholder="AAAA-MM-JJ"
                        value=Signal::derive(move || draft.with(|d| d.milestone_date.clone()))
                        on_input=Callback::new(move |v| draft.update(|d| d.milestone_date = v))
                        error=err("milestone_date") />
                    <TextField label=move || t.get().common.f_label testid="milestone-label" hide_label=true
                        placeholder=move || t.get().common.f_label
                        value=Signal::derive(move || draft.with(|d| d.milestone_label.clone()))
                        on_input=Callback::new(move |v| draft.update(|d| d.milestone_label = v)) />
                    <button type="button" data-testid="milestone-add" on:click=move |_| add("milestone_date", ActionDraft::add_milestone)>
                        {move || t.get().roadmap.milestone_add}
                    </button>
                </div>
            </fieldset>
            <FormFooter errors save_testid="action-save" on_cancel=on_done testid="action-error">
                {(!is_new).then(|| view! {
                    <button type="button" class="danger" data-testid="action-delete" on:click=remove>{move || t.get().roadmap.delete_action}</button>
                })}
            </FormFooter>
        </form>
    }
}
