//! The workshops held: date, who came, what was decided. The bilan reads them back.

use leptos::prelude::*;
use symbiose_core::WorkshopId;
use symbiose_core::edit::Command;

use crate::forms::FieldError;
use crate::forms::workshop::WorkshopDraft;
use crate::i18n::use_texts;
use crate::state::use_project;
use crate::views::controls::{CompaniesField, FormFooter, TextField, error_of};

#[component]
pub fn Workshops() -> impl IntoView {
    let t = use_texts();
    let state = use_project();
    let open = RwSignal::new(false);
    let draft = RwSignal::new(WorkshopDraft::new(crate::files::today_iso()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let err = move |field: &'static str| error_of(errors, field);
    let workshops = Memo::new(move |_| state.project.with(|p| p.workshops.clone()));

    macro_rules! text {
        ($field:ident, $page:ident . $label:ident, $testid:literal $(, $multiline:literal)?) => {
            view! {
                <TextField label=move || t.get().$page.$label testid=$testid $(multiline=$multiline)?
                    value=Signal::derive(move || draft.with(|d| d.$field.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.$field = v))
                    error=err(stringify!($field)) />
            }
        };
    }

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = state
            .project
            .with_untracked(|p| WorkshopId::next_free(p.workshops.iter().map(|w| &w.id)));
        match draft.with_untracked(|d| d.to_workshop(id)) {
            Err(e) => errors.set(e),
            Ok(w) => match state.apply(Command::AddWorkshop(w)) {
                Ok(()) => {
                    open.set(false);
                    errors.set(Vec::new());
                    draft.update(WorkshopDraft::saved);
                }
                Err(e) => errors.set(vec![FieldError::refused(&e)]),
            },
        }
    };
    view! {
        <section class="workshops" data-testid="workshops">
            <h3>{move || t.get().roadmap.workshops_title}</h3>
            <Show when=move || workshops.with(Vec::is_empty)>
                <p class="empty">{move || t.get().roadmap.no_workshops}</p>
            </Show>
            <ul class="action-list">
                {move || workshops.get().into_iter().map(|w| view! {
                    <li class="action-item" data-testid="workshop-item">
                        <strong>{format!("{} — {}", w.date.map(|d| d.to_string()).unwrap_or_default(), w.title)}</strong>
                        <span class="action-meta">{format!("{} {} · {} {}", w.participants.len() + w.other_participants.len(), t.get().roadmap.participants_word, w.decisions.len(), t.get().roadmap.decisions_word)}</span>
                        {(!w.decisions.is_empty()).then(|| view! { <span class="action-meta">{w.decisions.join(" ; ")}</span> })}
                    </li>
                }).collect_view()}
            </ul>
            <Show when=move || open.get() fallback=move || view! {
                <button class="add-workshop" data-testid="add-workshop" on:click=move |_| open.set(true)>{move || t.get().roadmap.add_workshop}</button>
            }>
                <form class="action-form" data-testid="workshop-form" on:submit=save novalidate>
                    <div class="form-grid">
                        {text!(title, roadmap.f_workshop_title, "workshop-title")}
                        {text!(date, common.f_date, "workshop-date")}
                        {text!(hours, roadmap.f_hours, "workshop-hours")}
                    </div>
                    <CompaniesField label=move || t.get().roadmap.f_participants testid="workshop-participants" size=8
                        chosen=Signal::derive(move || draft.with(|d| d.participants.clone()))
                        on_change=Callback::new(move |v| draft.update(|d| d.participants = v)) />
                    {text!(others, roadmap.f_others, "workshop-others")}
                    {text!(decisions, roadmap.f_decisions, "workshop-decisions", true)}
                    <FormFooter errors save_testid="workshop-save" on_cancel=Callback::new(move |_| open.set(false)) />
                </form>
            </Show>
        </section>
    }
}
