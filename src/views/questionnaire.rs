//! A company's questionnaire file, once read: merged into the open project after a summary of
//! every change, or opened as a project of its own on the home view.

use leptos::prelude::*;
use symbiose_core::edit::questionnaire::{Resolution, plan_merge};
use symbiose_core::{Project, Questionnaire};

use crate::i18n::{use_lang, use_texts};
use crate::persist::use_session;
use crate::route::{Route, go};
use crate::state::use_project;

/// A questionnaire: in a project, the merge plan and its confirmation; on the home view, a new
/// project holding just that company, for the company to fill in.
#[component]
pub fn QuestionnaireBody(
    q: Questionnaire,
    allow_merge: bool,
    close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let session = use_session();
    let error = RwSignal::new(None::<String>);
    let q = StoredValue::new(q);
    if !allow_merge {
        let open_as_project = move |_| {
            let q = q.get_value();
            let project = Project {
                name: format!(
                    "{} – {}",
                    t.get_untracked().questionnaire_prefix,
                    q.actor.name
                ),
                actors: vec![q.actor],
                flows: q.flows,
                ..Default::default()
            };
            match session.create(&project) {
                Ok(id) => {
                    close();
                    go(Route::project(id));
                }
                Err(_) => error.set(Some(t.get_untracked().full_banner.to_string())),
            }
        };
        let name = q.with_value(|q| q.actor.name.clone());
        return view! {
            <div class="dialog-body" data-testid="questionnaire-summary">
                <p><strong>{move || t.get().questionnaire_title}</strong>" — "{name}</p>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            </div>
            <div class="dialog-buttons">
                <button class="primary" data-testid="questionnaire-open" on:click=open_as_project>
                    {move || t.get().questionnaire_as_project}
                </button>
                <button on:click=move |_| close()>{move || t.get().cancel}</button>
            </div>
        }
        .into_any();
    }
    let state = use_project();
    let plan = RwSignal::new(
        state
            .project
            .with_untracked(|p| plan_merge(p, &q.get_value())),
    );
    let resolve = move |how: Resolution| {
        state
            .project
            .with_untracked(|p| plan.update(|plan| plan.resolve(p, how)));
    };
    let merge = move |_| match plan.get_untracked().into_command() {
        Ok(cmd) => match state.apply(cmd) {
            Ok(()) => {
                session
                    .notice
                    .set(Some(t.get_untracked().merge_done.to_string()));
                close();
            }
            Err(e) => error.set(Some(e.message(lang.get_untracked()))),
        },
        Err(e) => error.set(Some(e.to_string())),
    };
    view! {
        <div class="dialog-body" data-testid="merge-summary">
            <p><strong>{move || t.get().questionnaire_title}</strong></p>
            <p class="merge-plan" data-testid="merge-plan">{move || plan.with(|p| p.summary(lang.get()))}</p>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </div>
        <div class="dialog-buttons">
            <Show when=move || plan.with(|p| p.has_conflict())
                fallback=move || view! {
                    <button class="primary" data-testid="merge-confirm" on:click=merge>{move || t.get().merge}</button>
                }>
                <button data-testid="merge-siret" on:click=move |_| resolve(Resolution::SiretMatch)>{move || t.get().use_siret_match}</button>
                <button data-testid="merge-id" on:click=move |_| resolve(Resolution::IdMatch)>{move || t.get().use_id_match}</button>
                <button data-testid="merge-new" on:click=move |_| resolve(Resolution::AddAsNew)>{move || t.get().add_as_new}</button>
            </Show>
            <button on:click=move |_| close()>{move || t.get().cancel}</button>
        </div>
    }
    .into_any()
}
