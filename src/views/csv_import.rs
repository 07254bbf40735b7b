//! Importing companies from a CSV file: a preview with a verdict for every row before anything
//! changes; the ready rows then enter as one command (one undo step).
//!
//! A SIRENE export of a whole department has a hundred thousand rows. The file is read by the
//! core in slices of about `SLICE_MS` (`Parsing::step`), the page painting and answering input
//! between them while a progress bar moves; the preview turns only the rows it lists into text.

use std::sync::Arc;

use leptos::prelude::*;
use symbiose_core::UserMessage;
use symbiose_core::import::companies::{CsvFormat, ImportError, ImportPreview, Parsing};

use crate::files;
use crate::i18n::{singular, use_lang, use_texts};
use crate::perf::{SLICE_MS, next_task, now_ms};
use crate::state::{ProjectState, use_project};
use crate::views::controls::FilePicker;
use crate::views::dialog::{Dialog, LoadFailure};
use crate::views::table_import::{PreviewRows, add_rows};
use symbiose_core::numbers::{Precision::Reading, number};

/// Rows read between two looks at the clock: a few milliseconds' worth at most.
const ROWS_PER_STEP: usize = 200;
/// Rows the preview lists (errors first); the counts cover every row.
const LISTED: usize = 500;

/// What the dialog shows.
#[derive(Clone)]
enum Phase {
    /// Reading, with the share of the file read, in percent.
    Reading(u32),
    /// Shared, not copied: the view takes the phase by value, and a preview of 100,000 rows
    /// is too big to clone on each render.
    Preview(Arc<Result<ImportPreview, String>>),
}

/// Reads the file in slices; `None` when `current` says the reading was dropped meanwhile (the
/// dialog closed, another file chosen).
async fn read_in_slices(
    bytes: &[u8],
    state: ProjectState,
    current: impl Fn() -> bool,
    progress: impl Fn(u32),
) -> Option<Result<ImportPreview, ImportError>> {
    let mut parsing = match crate::perf::time("symbiose:csv-start", || {
        state.project.with_untracked(|p| Parsing::start(bytes, p))
    }) {
        Ok(parsing) => parsing,
        Err(e) => return Some(Err(e)),
    };
    loop {
        let start = now_ms();
        let span = crate::perf::Span::start("symbiose:csv-slice");
        while now_ms() - start < SLICE_MS {
            match parsing.step(ROWS_PER_STEP) {
                Err(e) => return Some(Err(e)),
                Ok(true) => {
                    span.end();
                    return Some(parsing.finish());
                }
                Ok(false) => {}
            }
        }
        span.end();
        let (at, total) = parsing.progress();
        progress(u32::try_from(at.saturating_mul(100) / total.max(1)).unwrap_or(100));
        next_task().await;
        if !current() {
            return None;
        }
    }
}

#[component]
pub fn CsvImport() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let phase = RwSignal::new(None::<Phase>);
    // Each file read gets a number; closing the dialog or choosing another file moves it on,
    // and a reading that is no longer the current one stops at its next slice.
    let reading = StoredValue::new(0u64);
    let close = move || {
        reading.update_value(|n| *n += 1);
        phase.set(None);
    };
    let on_file = move |file: web_sys::File| {
        let lang = lang.get_untracked();
        reading.update_value(|n| *n += 1);
        let mine = reading.get_value();
        let current = move || reading.try_get_value() == Some(mine);
        phase.set(Some(Phase::Reading(0)));
        leptos::task::spawn_local(async move {
            let result = match files::read_bytes(&file).await {
                Err(e) => Some(Err(e.message_in(lang))),
                Ok(bytes) => read_in_slices(&bytes, state, current, |percent| {
                    if current() {
                        phase.set(Some(Phase::Reading(percent)));
                    }
                })
                .await
                .map(|r| r.map_err(|e| e.message_in(lang))),
            };
            if let Some(result) = result
                && current()
            {
                crate::perf::time("symbiose:csv-preview", || {
                    phase.set(Some(Phase::Preview(Arc::new(result))));
                });
            }
        });
    };
    // The template opens correctly in French Excel only with a BOM.
    let template = move |_| {
        files::download(
            "modele_entreprises_symbiose.csv",
            "text/csv;charset=utf-8",
            &format!("\u{feff}{}", symbiose_core::import::companies::TEMPLATE_CSV),
        )
        .ok();
    };
    view! {
        <div class="csv-actions">
            <FilePicker label=Signal::derive(move || t.get().files.import_csv.to_string())
                accept=".csv,text/csv" button_testid="import-csv" input_testid="csv-input" on_file />
            <button type="button" data-testid="csv-template" on:click=template>{move || t.get().files.csv_template}</button>
        </div>
        {move || phase.get().map(|p| match p {
            Phase::Reading(percent) => view! { <CsvReading percent close /> }.into_any(),
            Phase::Preview(outcome) => view! { <CsvDialog outcome close /> }.into_any(),
        })}
    }
}

#[component]
fn CsvReading(percent: u32, close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let t = use_texts();
    view! {
        <Dialog title=Signal::derive(move || t.get().files.csv_title) title_id="csv-title" wide=true>
            <div class="dialog-body" data-testid="csv-reading" role="status">
                <p>{move || t.get().files.csv_reading}" "{percent}" %"</p>
                <progress class="reading-progress" max="100" value=percent.to_string()></progress>
            </div>
            <div class="dialog-buttons">
                <button on:click=move |_| close()>{move || t.get().common.cancel}</button>
            </div>
        </Dialog>
    }
}

#[component]
fn CsvDialog(
    outcome: Arc<Result<ImportPreview, String>>,
    close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let body = match &*outcome {
        Err(message) => {
            view! { <LoadFailure message=message.clone() testid="csv-error" close /> }.into_any()
        }
        Ok(preview) => {
            let (ready, skipped, errors) = preview.count();
            let not_rev2 = preview.naf_not_rev2;
            let total = preview.rows.len();
            let format = match preview.format {
                CsvFormat::Sirene => t.get_untracked().files.csv_format_sirene,
                CsvFormat::Template => t.get_untracked().files.csv_format_template,
            };
            let encoding = preview.encoding;
            let preview = StoredValue::new(outcome.clone());
            let listing = move || {
                preview.with_value(|p| {
                    p.as_ref()
                        .as_ref()
                        .map(|p| p.listing(lang.get(), LISTED))
                        .unwrap_or_default()
                })
            };
            let adding = RwSignal::new(false);
            let add = move |_| {
                let command = move || {
                    preview.with_value(|p| {
                        crate::perf::time("symbiose:csv-command", || {
                            let p = p.as_ref().as_ref().ok()?;
                            Some(state.project.with_untracked(|pr| p.command(pr)))
                        })
                    })
                };
                add_rows(adding, command, ready, |t| t.files.csv_added, close);
            };
            view! {
                <div class="dialog-body" data-testid="csv-preview">
                    <p><strong>{format}</strong>" — "
                        <span data-testid="csv-counts">{move || {
                            let (t, lang) = (t.get(), lang.get());
                            let n = |count: usize| number(count as f64, lang, Reading);
                            // Companies whose activity code the knowledge base cannot use: said in
                            // the summary, since their rows' warnings may be beyond the listed ones.
                            let not_rev2 = if not_rev2 == 0 {
                                String::new()
                            } else {
                                format!(" ({} {} {})", t.files.csv_counts_including, n(not_rev2), t.files.csv_counts_not_rev2)
                            };
                            let words = |count: usize, one, many| if singular(count, lang) { one } else { many };
                            format!(
                                "{} {}{not_rev2}, {} {}, {} {}",
                                n(ready), words(ready, t.files.csv_counts_ready_one, t.files.csv_counts_ready),
                                n(skipped), words(skipped, t.files.csv_counts_skipped_one, t.files.csv_counts_skipped),
                                n(errors), t.files.csv_counts_errors,
                            )
                        }}</span>
                    </p>
                    <p class="hint" data-testid="csv-encoding">
                        {move || format!("{} : {}", t.get().files.csv_encoding, encoding.label(lang.get()))}
                        {(total > LISTED).then(|| view! {
                            " — "{move || format!("{LISTED} {} {}", t.get().files.csv_listed_of, number(total as f64, lang.get(), Reading))}
                        })}
                    </p>
                    <PreviewRows listing name_header=Signal::derive(move || t.get().common.f_name) row_testid="csv-row" />
                </div>
                <div class="dialog-buttons">
                    <button class="primary" data-testid="csv-add" disabled=move || ready == 0 || adding.get() on:click=add>
                        {move || if adding.get() { t.get().files.csv_adding.to_string() } else { format!("{} ({})", t.get().files.csv_add, number(ready as f64, lang.get(), Reading)) }}
                    </button>
                    <button on:click=move |_| close()>{move || t.get().common.cancel}</button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <Dialog title=Signal::derive(move || t.get().files.csv_title) title_id="csv-title" wide=true>{body}</Dialog>
    }
}
