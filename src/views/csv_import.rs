//! Importing companies from a CSV file: a preview with a verdict for every row before anything
//! changes; the ready rows then enter as one command (one undo step).

use leptos::prelude::*;
use symbiose_core::edit::Command;
use symbiose_core::import::companies::{self, CsvFormat, ImportPreview, RowOutcome};

use crate::files;
use crate::i18n::{use_lang, use_texts};
use crate::persist::use_session;
use crate::state::use_project;
use crate::views::dialog::{Dialog, LoadFailure};

#[component]
pub fn CsvImport() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let input = NodeRef::<leptos::html::Input>::new();
    let outcome = RwSignal::new(None::<Result<ImportPreview, String>>);
    let on_change = move |ev: leptos::ev::Event| {
        let target: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = target.files().and_then(|f| f.get(0)) else {
            return;
        };
        target.set_value("");
        let lang = lang.get_untracked();
        let state = use_project();
        leptos::task::spawn_local(async move {
            let result = match files::read_bytes(&file).await {
                Err(e) => Err(e.message(lang)),
                Ok(bytes) => state
                    .project
                    .with_untracked(|p| companies::parse(&bytes, p))
                    .map_err(|e| e.message(lang)),
            };
            outcome.set(Some(result));
        });
    };
    // The template opens correctly in French Excel only with a BOM.
    let template = move |_| {
        files::download(
            "modele_entreprises_symbiose.csv",
            "text/csv;charset=utf-8",
            &format!("\u{feff}{}", companies::TEMPLATE_CSV),
        )
        .ok();
    };
    view! {
        <div class="csv-actions">
            <button type="button" data-testid="import-csv" on:click=move |_| { if let Some(i) = input.get() { i.click(); } }>
                {move || t.get().import_csv}
            </button>
            <button type="button" data-testid="csv-template" on:click=template>{move || t.get().csv_template}</button>
            <input type="file" accept=".csv,text/csv" class="visually-hidden" data-testid="csv-input" node_ref=input
                on:change=on_change tabindex="-1" aria-hidden="true" />
        </div>
        {move || outcome.get().map(|o| view! { <CsvDialog outcome=o close=move || outcome.set(None) /> })}
    }
}

#[component]
fn CsvDialog(
    outcome: Result<ImportPreview, String>,
    close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let session = use_session();
    let body = match outcome {
        Err(message) => view! { <LoadFailure message testid="csv-error" close /> }.into_any(),
        Ok(preview) => {
            let (ready, skipped, errors) = preview.count();
            let lang_now = lang.get_untracked();
            let format = match preview.format {
                CsvFormat::Sirene => t.get_untracked().csv_format_sirene,
                CsvFormat::Template => t.get_untracked().csv_format_template,
            };
            let rows: Vec<(usize, String, String, &'static str)> = preview
                .rows
                .iter()
                .map(|r| match r {
                    RowOutcome::Ready {
                        line,
                        actor,
                        warnings,
                    } => (
                        *line,
                        actor.name.clone(),
                        warnings
                            .iter()
                            .map(|w| w.get(lang_now).to_string())
                            .collect::<Vec<_>>()
                            .join(" ; "),
                        "ok",
                    ),
                    RowOutcome::Skipped { line, reason } => (
                        *line,
                        String::new(),
                        reason.get(lang_now).to_string(),
                        "skipped",
                    ),
                    RowOutcome::Error { line, message, .. } => (
                        *line,
                        String::new(),
                        message.get(lang_now).to_string(),
                        "error",
                    ),
                })
                .collect();
            // What needs attention first: errors, then what will be added, then what is skipped.
            let mut rows = rows;
            rows.sort_by_key(|r| {
                (
                    match r.3 {
                        "error" => 0,
                        "ok" => 1,
                        _ => 2,
                    },
                    r.0,
                )
            });
            let actors = StoredValue::new(preview.ready());
            let add = move |_| {
                let cmds = actors
                    .get_value()
                    .into_iter()
                    .map(Command::AddActor)
                    .collect();
                match state.apply(Command::Batch(cmds)) {
                    Ok(()) => {
                        session
                            .notice
                            .set(Some(format!("{ready} {}", t.get_untracked().csv_added)));
                        close();
                    }
                    Err(e) => session.notice.set(Some(e.message(lang.get_untracked()))),
                }
            };
            view! {
                <div class="dialog-body" data-testid="csv-preview">
                    <p><strong>{format}</strong>" — "
                        <span data-testid="csv-counts">{move || {
                            let t = t.get();
                            format!("{ready} {}, {skipped} {}, {errors} {}", t.csv_counts_ready, t.csv_counts_skipped, t.csv_counts_errors)
                        }}</span>
                    </p>
                    <div class="csv-rows-scroll">
                    <table class="csv-rows">
                        <thead><tr><th>{move || t.get().csv_line}</th><th>{move || t.get().f_name}</th><th>{move || t.get().csv_status}</th></tr></thead>
                        <tbody>
                            {rows.into_iter().take(500).map(|(line, name, note, kind)| view! {
                                <tr class=kind data-testid="csv-row"><td>{line}</td><td>{name}</td><td>{note}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                </div>
                <div class="dialog-buttons">
                    <button class="primary" data-testid="csv-add" disabled=ready == 0 on:click=add>
                        {move || format!("{} ({ready})", t.get().csv_add)}
                    </button>
                    <button on:click=move |_| close()>{move || t.get().cancel}</button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <Dialog title=Signal::derive(move || t.get().csv_title) title_id="csv-title" wide=true>{body}</Dialog>
    }
}
