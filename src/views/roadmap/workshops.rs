//! The workshops held: date, who came, the ideas noted, what was decided. The bilan reads them
//! back. The same form records a workshop from the roadmap page and, at the end of a
//! detection workshop, from the workshop mode's bar, pre-filled with what the session noted.

use leptos::prelude::*;
use symbiose_core::WorkshopId;
use symbiose_core::edit::Command;

use crate::forms::FieldError;
use crate::forms::workshop::WorkshopDraft;
use crate::i18n::{counted, texts, use_lang, use_texts};
use crate::notice::Notice;
use crate::persist::use_session;
use crate::state::use_project;
use crate::ui::use_ui;
use crate::views::controls::{CompaniesField, FormFooter, TextField, draft_text, error_of};
use crate::views::dialog::Dialog;

#[component]
pub fn Workshops() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let open = RwSignal::new(false);
    let draft = RwSignal::new(WorkshopDraft::new(crate::files::today_iso()));
    let workshops = Memo::new(move |_| state.project.with(|p| p.workshops.clone()));
    view! {
        <section class="workshops" data-testid="workshops">
            <h3>{move || t.get().roadmap.workshops_title}</h3>
            <Show when=move || workshops.with(Vec::is_empty)>
                <p class="empty">{move || t.get().roadmap.no_workshops}</p>
            </Show>
            <ul class="action-list">
                {move || workshops.get().into_iter().map(|w| {
                    let t = t.get();
                    let lang = lang.get();
                    let mut counts = counted(w.participants.len() + w.other_participants.len(), lang, t.roadmap.participants_one, t.roadmap.participants_word);
                    if !w.ideas.is_empty() {
                        counts.push_str(&format!(" · {}", counted(w.ideas.len(), lang, t.roadmap.ideas_one, t.roadmap.ideas_word)));
                    }
                    counts.push_str(&format!(" · {}", counted(w.decisions.len(), lang, t.roadmap.decisions_one, t.roadmap.decisions_word)));
                    view! {
                        <li class="action-item" data-testid="workshop-item">
                            <strong>{format!("{} — {}", w.date.map(|d| d.in_lang(lang)).unwrap_or_default(), w.title)}</strong>
                            <span class="action-meta">{counts}</span>
                            {(!w.ideas.is_empty()).then(|| view! { <span class="action-meta" data-testid="workshop-ideas">{format!("{} {}", t.roadmap.ideas_label, w.ideas.join(" ; "))}</span> })}
                            {(!w.decisions.is_empty()).then(|| view! { <span class="action-meta">{w.decisions.join(" ; ")}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <Show when=move || open.get() fallback=move || view! {
                <button class="add-workshop" data-testid="add-workshop" on:click=move |_| open.set(true)>{move || t.get().roadmap.add_workshop}</button>
            }>
                <WorkshopForm draft on_saved=Callback::new(move |_| {
                    open.set(false);
                    draft.update(WorkshopDraft::saved);
                }) on_cancel=Callback::new(move |_| open.set(false)) />
            </Show>
        </section>
    }
}

/// A workshop's fields, saved as a new workshop (one undo step).
#[component]
fn WorkshopForm(
    draft: RwSignal<WorkshopDraft>,
    on_saved: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let t = use_texts();
    let state = use_project();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let err = move |field: &'static str| error_of(errors, field);
    macro_rules! text {
        ($($field:tt)*) => { draft_text!(t, draft, err; $($field)*) };
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
                    errors.set(Vec::new());
                    on_saved.run(());
                }
                Err(e) => errors.set(vec![FieldError::refused(&e)]),
            },
        }
    };
    view! {
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
            {text!(ideas, roadmap.f_ideas, "workshop-ideas", true)}
            {text!(decisions, roadmap.f_decisions, "workshop-decisions", true)}
            <FormFooter errors save_testid="workshop-save" on_cancel />
        </form>
    }
}

/// The record of the workshop the room has just held in workshop mode: a detection workshop,
/// dated today, with the companies of the ideas noted since the mode began and those ideas, for
/// the facilitator to complete (who else came, what was decided, the time spent) and save in
/// the mission log.
#[component]
pub fn WorkshopRecord(close: Callback<()>) -> impl IntoView {
    let t = use_texts();
    let state = use_project();
    let ui = use_ui();
    let session = use_session();
    let before = ui.ideas_before.get_untracked().unwrap_or_default();
    let draft = state.project.with_untracked(|p| {
        let noted: Vec<_> = p
            .synergies
            .iter()
            .filter(|s| !before.contains(&s.id))
            .collect();
        let mut participants = Vec::new();
        for id in noted.iter().flat_map(|s| &s.actors) {
            if !participants.contains(id) {
                participants.push(id.clone());
            }
        }
        WorkshopDraft {
            title: t.get_untracked().roadmap.detection_workshop.to_string(),
            participants,
            ideas: noted
                .iter()
                .map(|s| s.title.clone())
                .collect::<Vec<_>>()
                .join("\n"),
            ..WorkshopDraft::new(crate::files::today_iso())
        }
    });
    let draft = RwSignal::new(draft);
    let on_saved = Callback::new(move |_| {
        session
            .notice
            .set(Some(Notice::Message(symbiose_core::Bilingual::from_fn(
                |l| texts(l).workspace.workshop_recorded,
            ))));
        close.run(());
    });
    view! {
        <Dialog title=Signal::derive(move || t.get().workspace.workshop_record_title) title_id="workshop-record-title" wide=true>
            <div class="dialog-body" data-testid="workshop-record-dialog">
                <WorkshopForm draft on_saved on_cancel=close />
            </div>
        </Dialog>
    }
}
