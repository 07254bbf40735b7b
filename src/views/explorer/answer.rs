//! The company's answer, from the explorer: its own flows in this copy, completed with the
//! flow form, then saved as the questionnaire file (`edit::questionnaire`) that the
//! facilitator merges into the working project after reviewing every change.

use leptos::prelude::*;
use symbiose_core::edit::questionnaire::extract_questionnaire;
use symbiose_core::{ActorId, Direction, Flow, FlowId, format};

use crate::files;
use crate::i18n::{use_lang, use_texts};
use crate::persist::keys::export_file_name;
use crate::state::use_project;
use crate::views::company::flow_form::FlowForm;

#[component]
pub fn Answer(actor: ActorId) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let actor = StoredValue::new(actor);
    // The flow being added or edited, if any.
    let editing = RwSignal::new(None::<(Flow, bool)>);
    let saved = RwSignal::new(false);
    let mine = Memo::new(move |_| {
        state
            .project
            .with(|p| p.flows_of(&actor.get_value()).cloned().collect::<Vec<_>>())
    });
    let add = move |direction: Direction| {
        let id = state
            .project
            .with_untracked(|p| FlowId::next_free(p.flows.iter().map(|f| &f.id)));
        saved.set(false);
        editing.set(Some((
            Flow {
                id,
                actor: actor.get_value(),
                direction,
                ..Default::default()
            },
            true,
        )));
    };
    let save = move |_| {
        let q = state
            .project
            .with_untracked(|p| extract_questionnaire(p, &actor.get_value()));
        if let Some(q) = q {
            let file = export_file_name(&q.actor.name, &files::today_iso(), "questionnaire");
            if files::download(&file, "application/json", &format::save_questionnaire(&q)).is_ok() {
                saved.set(true);
            }
        }
    };
    let done = Callback::new(move |_| editing.set(None));
    view! {
        <section class="explorer-answer" data-testid="explorer-answer">
            <h3>{move || t.get().explorer.answer_title}</h3>
            <p class="hint">{move || t.get().explorer.answer_intro}</p>
            {move || match editing.get() {
                Some((flow, is_new)) => view! { <FlowForm flow is_new on_done=done /> }.into_any(),
                None => {
                    let (t, lang) = (t.get(), lang.get());
                    let flows = mine.get();
                    view! {
                        {flows.is_empty().then(|| view! { <p class="empty">{t.explorer.my_flows_none}</p> })}
                        <ul class="explorer-mine" data-testid="explorer-mine">
                            {flows.into_iter().map(|f| {
                                let text = format!("{} · {}", f.direction.label(lang), f.label);
                                let edit = f.clone();
                                view! {
                                    <li data-testid="explorer-my-flow">
                                        <button class="link" on:click=move |_| { saved.set(false); editing.set(Some((edit.clone(), false))) }>{text}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <div class="explorer-answer-buttons">
                            <button data-testid="explorer-add-offer" on:click=move |_| add(Direction::Offer)>{t.explorer.add_offer}</button>
                            <button data-testid="explorer-add-need" on:click=move |_| add(Direction::Need)>{t.explorer.add_need}</button>
                            <button class="primary" data-testid="explorer-save-answer" on:click=save>{t.explorer.save_answer}</button>
                        </div>
                        <Show when=move || saved.get()>
                            <p class="notice-line" role="status" data-testid="explorer-saved">{move || t.explorer.saved_answer}</p>
                        </Show>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
