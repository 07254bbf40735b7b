//! Importing a project file: read, validate through the one load path, show a summary, then
//! add it as a new project or replace the open one. Until the user confirms, nothing changes;
//! a file that does not load changes nothing at all and says every problem found.

use leptos::prelude::*;
use symbiose_core::UserMessage;
use symbiose_core::edit::Command;
use symbiose_core::format::{self, Loaded};
use symbiose_core::{Lang, Project, Questionnaire};

use crate::files;
use crate::i18n::{use_lang, use_texts};
use crate::notice::Notice;
use crate::persist::keys::BinReason;
use crate::persist::session::repairable;
use crate::persist::store::SaveError;
use crate::persist::use_session;
use crate::route::{Route, go};
use crate::state::use_project;
use crate::views::controls::FilePicker;
use crate::views::controls::{NoticeLine, failure};
use crate::views::dialog::{Dialog, LoadFailure};
use crate::views::questionnaire::QuestionnaireBody;

/// What the dialog shows after a file was read.
#[derive(Clone)]
enum Outcome {
    /// Boxed, like the questionnaire: both are far larger than a failure.
    Ready(Box<Loaded<Project>>),
    /// A company's questionnaire: merged into the open project, or opened as a project of its own.
    Questionnaire(Box<Loaded<Questionnaire>>),
    /// Refused. A project refused for its content (not its envelope) can still be opened in
    /// repair mode: `repair` keeps its text and name for that.
    Failed {
        message: String,
        repair: Option<(String, String)>,
    },
}

/// A project file, or else a questionnaire file; the project error is the one shown when the
/// file is neither, since projects are what most imports are.
fn read_outcome(text: &str, lang: Lang) -> Outcome {
    match format::load_project(text) {
        Ok(loaded) => Outcome::Ready(Box::new(loaded)),
        Err(project_error) => match format::load_questionnaire(text) {
            Ok(q) => Outcome::Questionnaire(Box::new(q)),
            // A questionnaire with errors: its own errors, not "this is not a project".
            Err(questionnaire_error)
                if matches!(&project_error, format::LoadError::WrongKind { found, .. }
                    if found == format::QUESTIONNAIRE_TYPE) =>
            {
                Outcome::Failed {
                    message: questionnaire_error.message_in(lang),
                    repair: None,
                }
            }
            Err(_) => {
                let repair = repairable(&project_error)
                    .then(|| format::repair::load_for_repair(text).ok())
                    .flatten()
                    .map(|r| (text.to_string(), r.project.name));
                Outcome::Failed {
                    message: project_error.message_in(lang),
                    repair,
                }
            }
        },
    }
}

#[component]
pub fn ImportButton(allow_replace: bool) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let outcome = RwSignal::new(None::<Outcome>);
    let on_file = move |file: web_sys::File| {
        let lang = lang.get_untracked();
        leptos::task::spawn_local(async move {
            let result = match files::read_utf8(&file).await {
                Err(e) => Outcome::Failed {
                    message: e.message_in(lang),
                    repair: None,
                },
                Ok(text) => read_outcome(&text, lang),
            };
            outcome.set(Some(result));
        });
    };

    view! {
        <FilePicker
            label=Signal::derive(move || if allow_replace { t.get().files.import_json } else { t.get().files.import_file }.to_string())
            accept=".json,application/json" button_testid="import-file" input_testid="import-input" on_file />
        {move || outcome.get().map(|o| view! { <ImportDialog outcome=o allow_replace close=move || outcome.set(None) /> })}
    }
}

fn summary_line(p: &Project, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "« {} » : {} entreprises, {} flux, {} synergies, {} actions.",
            p.name,
            p.actors.len(),
            p.flows.len(),
            p.synergies.len(),
            p.actions.len()
        ),
        Lang::En => format!(
            "\"{}\": {} companies, {} flows, {} synergies, {} actions.",
            p.name,
            p.actors.len(),
            p.flows.len(),
            p.synergies.len(),
            p.actions.len()
        ),
    }
}

#[component]
fn ImportDialog(
    outcome: Outcome,
    allow_replace: bool,
    close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let session = use_session();
    let error = RwSignal::new(None::<String>);
    // A company's returned questionnaire is merged, not imported as a project: the title says so.
    let questionnaire = matches!(outcome, Outcome::Questionnaire(_));
    let body = match outcome {
        Outcome::Failed {
            message,
            repair: None,
        } => view! { <LoadFailure message testid="import-error" close /> }.into_any(),
        Outcome::Failed {
            message,
            repair: Some((text, name)),
        } => {
            let file = StoredValue::new((text, name));
            let open_anyway = move |_| {
                let created = file.with_value(|(text, name)| session.create_for_repair(text, name));
                match created {
                    Ok(id) => {
                        close();
                        go(Route::project(id));
                    }
                    Err(_) => error.set(Some(t.get_untracked().common.full_banner.to_string())),
                }
            };
            view! {
                <LoadFailure message testid="import-error" close>
                    <p class="hint">{move || t.get().files.open_anyway_hint}</p>
                    <NoticeLine notice=failure(error) />
                    <button data-testid="import-open-anyway" on:click=open_anyway>{move || t.get().files.open_anyway}</button>
                </LoadFailure>
            }
            .into_any()
        }
        Outcome::Questionnaire(loaded) => {
            view! { <QuestionnaireBody q=loaded.value allow_merge=allow_replace close /> }
                .into_any()
        }
        Outcome::Ready(loaded) => {
            let project = StoredValue::new(loaded.value);
            let warnings: Vec<String> = loaded
                .warnings
                .iter()
                .map(|w| w.to_string_in(lang.get_untracked()))
                .collect();
            let has_warnings = !warnings.is_empty();
            let summary = project.with_value(|p| summary_line(p, lang.get_untracked()));
            let as_new = move |_| match session.create(&project.get_value()) {
                Ok(id) => {
                    close();
                    go(Route::project(id));
                }
                // Too big for what storage has left: open it anyway, unsaved, with the export
                // at hand; the file the user chose is untouched.
                Err(SaveError::Full) => {
                    let id = session.open_unstored(project.get_value());
                    close();
                    go(Route::project(id));
                }
                Err(SaveError::Refused(why)) => error.set(Some(format!(
                    "{} : {why}",
                    t.get_untracked().common.status_refused
                ))),
            };
            let replace = move |_| {
                let state = use_project();
                // A copy of what is replaced goes to the bin first: no copy, no replacement.
                if session.keep_copy(BinReason::ReplacedByImport).is_err() {
                    error.set(Some(t.get_untracked().files.copy_no_room.to_string()));
                    return;
                }
                match state.apply(Command::ReplaceProject(Box::new(project.get_value()))) {
                    Ok(()) => {
                        session
                            .notice
                            .set(Some(Notice::Text(|t| t.files.import_replaced)));
                        close();
                    }
                    Err(e) => error.set(Some(e.message_in(lang.get_untracked()))),
                }
            };
            view! {
                <div class="dialog-body" data-testid="import-summary">
                    <p><strong>{move || t.get().files.import_valid}</strong>" — "{summary}</p>
                    <Show when=move || has_warnings>
                        <details open>
                            <summary>{move || t.get().files.import_warnings}</summary>
                            <ul class="problems">{warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}</ul>
                        </details>
                    </Show>
                    <NoticeLine notice=failure(error) />
                </div>
                <div class="dialog-buttons">
                    <button class="primary" data-testid="import-as-new" on:click=as_new>{move || t.get().files.import_as_new}</button>
                    <Show when=move || allow_replace>
                        <button data-testid="import-replace" on:click=replace>{move || t.get().files.import_replace}</button>
                    </Show>
                    <button on:click=move |_| close()>{move || t.get().common.cancel}</button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <Dialog title=Signal::derive(move || {
            let t = t.get();
            if questionnaire { t.files.questionnaire_title } else { t.files.import_title }
        }) title_id="import-title">{body}</Dialog>
    }
}
