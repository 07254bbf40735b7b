//! A company's questionnaire file, once read: merged into the open project after a summary of
//! every change, or opened as a project of its own on the home view.

use leptos::prelude::*;
use symbiose_core::UserMessage;
use symbiose_core::edit::questionnaire::{MergePlan, Resolution, plan_merge};
use symbiose_core::{FlowId, Project, Questionnaire};

use crate::i18n::{use_lang, use_texts};
use crate::notice::Notice;
use crate::persist::use_session;
use crate::route::{Route, go};
use crate::state::use_project;
use crate::views::controls::{NoticeLine, failure};

/// A questionnaire: in a project, the merge plan and its confirmation; on the home view, a new
/// project holding just that company, for the company to fill in.
#[component]
pub fn QuestionnaireBody(
    q: Questionnaire,
    allow_merge: bool,
    close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    if allow_merge {
        view! { <MergeBody q close /> }.into_any()
    } else {
        view! { <OpenBody q close /> }.into_any()
    }
}

/// On the company's machine: the questionnaire becomes a project to fill in.
#[component]
fn OpenBody(q: Questionnaire, close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let t = use_texts();
    let session = use_session();
    let error = RwSignal::new(None::<String>);
    let q = StoredValue::new(q);
    let open_as_project = move |_| {
        let q = q.get_value();
        // The project keeps the facilitator's project name: the questionnaire exported from it
        // carries that name back, so the facilitator's merge recognises its own project and
        // flags only a file made for another one.
        let name = if q.project_name.trim().is_empty() {
            format!(
                "{} – {}",
                t.get_untracked().company.questionnaire_prefix,
                q.actor.name
            )
        } else {
            q.project_name.clone()
        };
        let project = Project {
            name,
            actors: vec![q.actor],
            flows: q.flows,
            ..Default::default()
        };
        match session.create(&project) {
            Ok(id) => {
                close();
                go(Route::project(id));
            }
            Err(_) => error.set(Some(t.get_untracked().common.full_banner.to_string())),
        }
    };
    let name = q.with_value(|q| q.actor.name.clone());
    view! {
        <div class="dialog-body" data-testid="questionnaire-summary">
            <p><strong>{name}</strong></p>
            <p class="hint">{move || t.get().company.questionnaire_notes_stay}</p>
            <NoticeLine notice=failure(error) />
        </div>
        <div class="dialog-buttons">
            <button class="primary" data-testid="questionnaire-open" on:click=open_as_project>
                {move || t.get().company.questionnaire_as_project}
            </button>
            <button on:click=move |_| close()>{move || t.get().common.cancel}</button>
        </div>
    }
}

/// In the facilitator's project: every change the file would make, the confidentiality levels
/// it would loosen (refused unless ticked), then one command.
#[component]
fn MergeBody(q: Questionnaire, close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let session = use_session();
    let state = use_project();
    let error = RwSignal::new(None::<String>);
    let plan = RwSignal::new(state.project.with_untracked(|p| plan_merge(p, &q)));
    let parts = Memo::new(move |_| plan.with(|p| p.summary_parts(lang.get())));
    let looser_ids = Memo::new(move |_| {
        plan.with(|p| p.looser.iter().map(|l| l.flow.clone()).collect::<Vec<_>>())
    });
    let resolve = move |how: Resolution| {
        state
            .project
            .with_untracked(|p| plan.update(|plan| plan.resolve(p, how)));
    };
    let merge = move |_| {
        let plan = plan.get_untracked();
        if plan.changes_nothing() {
            session
                .notice
                .set(Some(Notice::Text(|t| t.company.merge_nothing)));
            close();
            return;
        }
        match plan.into_command() {
            Ok(cmd) => match state.apply(cmd) {
                Ok(()) => {
                    session
                        .notice
                        .set(Some(Notice::Text(|t| t.company.merge_done)));
                    close();
                }
                Err(e) => error.set(Some(e.message_in(lang.get_untracked()))),
            },
            Err(e) => error.set(Some(e.message_in(lang.get_untracked()))),
        }
    };
    let changes = |lines: Vec<String>| {
        (!lines.is_empty()).then(|| {
            view! {
                <ul class="merge-changes">
                    {lines.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <div class="dialog-body" data-testid="merge-summary">
            <div class="merge-plan" data-testid="merge-plan">
                {move || parts.with(|s| s.foreign_project.clone()).map(|w| view! {
                    <p class="merge-warning" role="alert" data-testid="merge-foreign-project">{w}</p>
                })}
                <p class="merge-company">{move || parts.with(|s| s.company.clone())}</p>
                <div data-testid="merge-actor-changes">
                    {move || changes(parts.with(|s| s.company_changes.clone()))}
                </div>
                <p class="merge-totals">{move || parts.with(|s| s.totals.clone())}</p>
                {move || parts.with(|s| s.flows.clone()).into_iter().map(|f| view! {
                    <div class="merge-flow" data-testid="merge-flow">
                        <p>{f.title}</p>
                        {changes(f.changes)}
                    </div>
                }).collect_view()}
                {move || parts.with(|s| s.kept.clone()).map(|k| view! { <p class="merge-kept">{k}</p> })}
            </div>
            <Show when=move || looser_ids.with(|ids| !ids.is_empty())>
                <fieldset class="merge-confidentiality" data-testid="merge-confidentiality">
                    <legend>{move || t.get().company.merge_confidentiality_title}</legend>
                    <p class="hint">{move || t.get().company.merge_confidentiality_hint}</p>
                    // Keyed by flow, so ticking a box re-renders its text, not the box that
                    // has the focus.
                    <For each=move || looser_ids.get() key=|id| id.clone() let:id>
                        <LooserChoice plan id />
                    </For>
                </fieldset>
            </Show>
            <NoticeLine notice=failure(error) />
        </div>
        <div class="dialog-buttons">
            <Show when=move || plan.with(|p| p.has_conflict())
                fallback=move || view! {
                    <button class="primary" data-testid="merge-confirm" on:click=merge>{move || t.get().company.merge}</button>
                }>
                <button data-testid="merge-siret" on:click=move |_| resolve(Resolution::SiretMatch)>{move || t.get().company.use_siret_match}</button>
                <button data-testid="merge-id" on:click=move |_| resolve(Resolution::IdMatch)>{move || t.get().company.use_id_match}</button>
                <button data-testid="merge-new" on:click=move |_| resolve(Resolution::AddAsNew)>{move || t.get().company.add_as_new}</button>
            </Show>
            <button on:click=move |_| close()>{move || t.get().common.cancel}</button>
        </div>
    }
}

/// One flow whose file asks for a less strict confidentiality: what is asked and kept, and the
/// box that accepts the company's level.
#[component]
fn LooserChoice(plan: RwSignal<MergePlan>, id: FlowId) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let id = StoredValue::new(id);
    let item = move || plan.with(|p| p.looser.iter().find(|l| l.flow == id.get_value()).cloned());
    view! {
        <div class="merge-choice" data-testid="merge-looser" data-flow=id.get_value().as_str().to_string()>
            <p>{move || item().map(|l| l.describe(lang.get())).unwrap_or_default()}</p>
            <label>
                <input type="checkbox" data-testid="merge-accept-looser"
                    prop:checked=move || item().is_some_and(|l| l.accepted)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        plan.update(|p| p.accept_looser(&id.get_value(), on));
                    } />
                " "{move || t.get().company.merge_accept_looser}
            </label>
        </div>
    }
}
