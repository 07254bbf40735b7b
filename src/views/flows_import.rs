//! Importing flows from a CSV file or an Excel workbook: a dialog that says what the file
//! holds and offers the template, then a preview with a verdict for every row (the core's
//! `import::flows`) before anything changes; the ready rows enter as one command (one undo
//! step). A CSV is read here; a workbook by the reader's worker (`crate::workbook`), so the
//! app's module does not carry the workbook reader. A flows file is read in one piece: it
//! holds a territory's flows as collected (hundreds to a few thousand rows), not a national
//! register.

use std::sync::Arc;

use leptos::prelude::*;
use symbiose_core::import::flows::{self, FlowsPreview};
use symbiose_core::import::table::{self, Kind, Table};
use symbiose_core::numbers::{Precision::Reading, number};
use symbiose_core::{Bilingual, Lang, UserMessage};

use crate::files;
use crate::i18n::{texts, use_lang, use_texts};
use crate::notice::Notice;
use crate::perf::next_task;
use crate::persist::use_session;
use crate::state::use_project;
use crate::views::controls::FilePicker;
use crate::views::dialog::{Dialog, LoadFailure};

/// Rows the preview lists (errors first); the counts cover every row.
const LISTED: usize = 500;

/// What the dialog shows.
#[derive(Clone)]
enum Phase {
    /// What the file should hold, the template, the file chooser.
    Choose,
    Reading,
    /// Shared, not copied: the view takes the phase by value.
    Preview(Arc<Result<FlowsPreview, String>>),
}

/// "3 flux" / "3 flows", "1 flow".
fn flows_count(n: usize, lang: Lang) -> String {
    let unit = if n == 1 {
        texts(lang).files.flows_unit_one
    } else {
        texts(lang).files.flows_unit
    };
    format!("{} {unit}", number(n as f64, lang, Reading))
}

#[component]
pub fn FlowsImport() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let phase = RwSignal::new(None::<Phase>);
    // Each file read gets a number; closing the dialog or choosing another file moves it on,
    // and a reading that is no longer the current one is dropped when it ends.
    let reading = StoredValue::new(0u64);
    let close = move || {
        reading.update_value(|n| *n += 1);
        phase.set(None);
    };
    let on_file = move |file: web_sys::File| {
        let lang = lang.get_untracked();
        reading.update_value(|n| *n += 1);
        let mine = reading.get_value();
        phase.set(Some(Phase::Reading));
        leptos::task::spawn_local(async move {
            // "Reading…" is painted before the file is parsed in one piece.
            next_task().await;
            let result = match files::read_bytes(&file).await {
                Err(e) => Err(e.message_in(lang)),
                Ok(bytes) => match rows(&bytes).await {
                    Err(e) => Err(e.get(lang).to_string()),
                    Ok(rows) => crate::perf::time("symbiose:flows-preview", || {
                        state
                            .project
                            .with_untracked(|p| flows::preview(rows, p))
                            .map_err(|e| e.message_in(lang))
                    }),
                },
            };
            if reading.try_get_value() == Some(mine) {
                phase.set(Some(Phase::Preview(Arc::new(result))));
            }
        });
    };
    view! {
        <div class="csv-actions">
            <button type="button" data-testid="import-flows" on:click=move |_| phase.set(Some(Phase::Choose))>
                {move || t.get().files.flows_import}
            </button>
        </div>
        {move || phase.get().map(|p| {
            let body = match p {
                Phase::Choose => view! { <FlowsChoose on_file close /> }.into_any(),
                Phase::Reading => view! {
                    <div class="dialog-body" data-testid="flows-reading" role="status">
                        <p>{move || t.get().files.csv_reading}</p>
                    </div>
                    <div class="dialog-buttons">
                        <button on:click=move |_| close()>{move || t.get().common.cancel}</button>
                    </div>
                }
                .into_any(),
                Phase::Preview(outcome) => view! { <FlowsPreviewBody outcome on_file close /> }.into_any(),
            };
            view! {
                <Dialog title=Signal::derive(move || t.get().files.flows_import) title_id="flows-title" wide=true>
                    {body}
                </Dialog>
            }
        })}
    }
}

/// The file's rows: a CSV's read here, a workbook's first sheet by the reader's worker.
async fn rows(bytes: &[u8]) -> Result<Table, Bilingual> {
    match table::kind(bytes).map_err(|e| e.message())? {
        Kind::Csv => table::csv(bytes).map_err(|e| e.message()),
        Kind::Xlsx => crate::workbook::read_sheet(bytes)
            .await
            .map_err(|e| e.message()),
    }
}

/// The downloadable template, with a byte order mark: French Excel reads it as UTF-8 only so.
fn download_template() {
    files::download(
        "modele_flux_symbiose.csv",
        "text/csv;charset=utf-8",
        &format!("\u{feff}{}", flows::TEMPLATE_CSV),
    )
    .ok();
}

#[component]
fn FlowsChoose(
    on_file: impl Fn(web_sys::File) + Copy + 'static,
    close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="dialog-body" data-testid="flows-choose">
            <p>{move || t.get().files.flows_intro}</p>
            <p class="hint">{move || t.get().files.flows_template_hint}</p>
        </div>
        <div class="dialog-buttons">
            <FilePicker label=Signal::derive(move || t.get().files.flows_choose.to_string())
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                button_testid="flows-pick" input_testid="flows-input" on_file />
            <button type="button" data-testid="flows-template" on:click=move |_| download_template()>
                {move || t.get().files.flows_template}
            </button>
            <button on:click=move |_| close()>{move || t.get().common.cancel}</button>
        </div>
    }
}

#[component]
fn FlowsPreviewBody(
    outcome: Arc<Result<FlowsPreview, String>>,
    on_file: impl Fn(web_sys::File) + Copy + 'static,
    close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let session = use_session();
    let preview = match &*outcome {
        Err(message) => {
            return view! { <LoadFailure message=message.clone() testid="flows-error" close /> }
                .into_any();
        }
        Ok(preview) => preview,
    };
    let (ready, skipped, errors) = preview.count();
    let total = preview.rows.len();
    let source = preview.source.clone();
    let header_line = preview.header_line;
    let ignored = preview.ignored_columns.join(", ");
    let shared = StoredValue::new(outcome.clone());
    let listing = move || {
        shared.with_value(|p| {
            p.as_ref()
                .as_ref()
                .map(|p| p.listing(lang.get(), LISTED))
                .unwrap_or_default()
        })
    };
    let adding = RwSignal::new(false);
    let add = move |_| {
        adding.set(true);
        leptos::task::spawn_local(async move {
            // "Adding…" is painted first: the step below is one piece of work.
            next_task().await;
            let Some(cmd) = shared.with_value(|p| {
                let p = p.as_ref().as_ref().ok()?;
                Some(state.project.with_untracked(|pr| p.command(pr)))
            }) else {
                return;
            };
            match state.apply(cmd) {
                Ok(()) => {
                    session
                        .notice
                        .set(Some(Notice::Message(Bilingual::from_fn(|l| {
                            format!(
                                "{} {}",
                                number(ready as f64, l, Reading),
                                texts(l).files.flows_added
                            )
                        }))));
                    close();
                }
                Err(e) => {
                    adding.set(false);
                    session.notice.set(Some(Notice::error(&e)));
                }
            }
        });
    };
    view! {
        <div class="dialog-body" data-testid="flows-preview">
            <p>
                <strong data-testid="flows-source">{move || source.describe(lang.get())}</strong>
                {move || format!(", {} {header_line}", t.get().files.flows_header_at)}" — "
                <span data-testid="flows-counts">{move || {
                    let (t, lang) = (t.get(), lang.get());
                    let n = |count: usize| number(count as f64, lang, Reading);
                    format!(
                        "{} {}, {} {}, {} {}",
                        n(ready), t.files.flows_counts_ready,
                        n(skipped), t.files.flows_counts_skipped,
                        n(errors), t.files.flows_counts_errors,
                    )
                }}</span>
            </p>
            {(!ignored.is_empty()).then(|| view! {
                <p class="hint" data-testid="flows-ignored">{move || format!("{} : {ignored}", t.get().files.flows_ignored)}</p>
            })}
            {(total > LISTED).then(|| view! {
                <p class="hint">{move || format!("{LISTED} {} {}", t.get().files.csv_listed_of, number(total as f64, lang.get(), Reading))}</p>
            })}
            <div class="csv-rows-scroll">
                <table class="csv-rows">
                    <thead><tr>
                        <th>{move || t.get().files.csv_line}</th>
                        <th>{move || t.get().files.flows_column}</th>
                        <th>{move || t.get().files.csv_status}</th>
                    </tr></thead>
                    <tbody>
                        {move || listing().into_iter().map(|row| view! {
                            <tr class=row.kind.class() data-testid="flows-row"><td>{row.line}</td><td>{row.name}</td><td>{row.note}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
        <div class="dialog-buttons">
            <button class="primary" data-testid="flows-add" disabled=move || ready == 0 || adding.get() on:click=add>
                {move || if adding.get() {
                    t.get().files.csv_adding.to_string()
                } else {
                    format!("{} {}", t.get().files.flows_add, flows_count(ready, lang.get()))
                }}
            </button>
            <FilePicker label=Signal::derive(move || t.get().files.flows_choose_other.to_string())
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                button_testid="flows-pick-other" input_testid="flows-input" on_file />
            <button on:click=move |_| close()>{move || t.get().common.cancel}</button>
        </div>
    }
    .into_any()
}
