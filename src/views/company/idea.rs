//! Capturing a synergy idea live, in a workshop: a button, one sentence, Enter. The idea enters
//! the pipeline at the stage "idea", dated today, with this company as its first participant,
//! another company when the room names one, and who proposed it in its first stage's note.

use leptos::prelude::*;
use symbiose_core::UserMessage;
use symbiose_core::edit::Command;
use symbiose_core::{ActorId, Date, Stage, StageChange, Synergy, SynergyId};

use crate::files::today_iso;
use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;
use crate::views::controls::{NoticeLine, Outcome, SelectField, TextField, failure};

#[component]
pub fn IdeaCapture(actor: ActorId) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let error = RwSignal::new(None::<String>);
    let state = use_project();
    let open = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    let with = RwSignal::new(None::<ActorId>);
    let by = RwSignal::new(String::new());
    let done = RwSignal::new(false);
    let actor = StoredValue::new(actor);
    // The other companies by name, read when the form is open.
    let others = Signal::derive(move || {
        let me = actor.get_value();
        let mut list: Vec<(ActorId, String)> = state.project.with(|p| {
            p.actors
                .iter()
                .filter(|a| a.id != me)
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect()
        });
        list.sort_by_key(|(_, name)| name.to_lowercase());
        list
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let title = text.get_untracked().trim().to_string();
        if title.is_empty() {
            return;
        }
        let date: Option<Date> = today_iso().parse().ok();
        let proposer = by.get_untracked().trim().to_string();
        let note = if proposer.is_empty() {
            String::new()
        } else {
            format!("{} {proposer}", t.get_untracked().company.idea_by_note)
        };
        let actors = std::iter::once(actor.get_value())
            .chain(with.get_untracked())
            .collect();
        let synergy = state.project.with_untracked(|p| Synergy {
            id: SynergyId::next_free(p.synergies.iter().map(|s| &s.id)),
            title,
            actors,
            stage: Stage::Idea,
            history: date
                .map(|date| StageChange {
                    stage: Stage::Idea,
                    date,
                    note,
                })
                .into_iter()
                .collect(),
            ..Default::default()
        });
        match state.apply(Command::AddSynergy(synergy)) {
            Ok(()) => {
                text.set(String::new());
                with.set(None);
                by.set(String::new());
                error.set(None);
                open.set(false);
                done.set(true);
            }
            Err(e) => error.set(Some(e.message_in(lang.get_untracked()))),
        }
    };
    view! {
        <Show when=move || open.get() fallback=move || view! {
            <button data-testid="capture-idea" on:click=move |_| { done.set(false); open.set(true); }>
                {move || t.get().company.capture_idea}
            </button>
        }>
            // Escape anywhere in the form closes it; the field takes the focus when it opens.
            <form class="idea-form" data-testid="idea-form" on:submit=submit
                on:keydown=move |ev| if ev.key() == "Escape" { open.set(false); }>
                <TextField label=move || t.get().company.idea_title_label testid="idea-title" autofocus=true
                    value=text on_input=Callback::new(move |v| text.set(v)) />
                <SelectField label=move || t.get().company.idea_with_label testid="idea-with"
                    options=others value=with on_change=Callback::new(move |v| with.set(v))
                    none_label=move || t.get().company.idea_nobody_else key=|id: &ActorId| id.as_str().to_string() />
                <TextField label=move || t.get().company.idea_by_label testid="idea-by"
                    value=by on_input=Callback::new(move |v| by.set(v)) />
                <button type="submit" class="primary" data-testid="idea-save">{move || t.get().common.save}</button>
                <button type="button" on:click=move |_| open.set(false)>{move || t.get().common.cancel}</button>
                <NoticeLine notice=failure(error) testid="idea-error" />
            </form>
        </Show>
        <NoticeLine testid="idea-added"
            notice=Signal::derive(move || done.get().then(|| Outcome::Done(t.get().company.idea_added.to_string()))) />
    }
}
