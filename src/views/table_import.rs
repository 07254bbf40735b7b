//! Importing rows from a CSV file or an Excel workbook, for two kinds of rows: flows (the
//! company list's import) and the actions of an earlier plan (the roadmap page's). A dialog
//! says what the file should hold and offers the template, then a preview gives a verdict for
//! every row (the core's `import::flows` and `import::actions`) before anything changes; the
//! ready rows enter as one command (one undo step). A CSV is read here; a workbook by the
//! reader's worker (`crate::workbook`), so the app's module does not carry the workbook reader.
//! A file is read in one piece: a territory's flows as collected (hundreds to a few thousand
//! rows) or a plan's actions (tens), not a national register.

use std::sync::Arc;

use leptos::prelude::*;
use symbiose_core::edit::Command;
use symbiose_core::import::actions::{self, ActionsPreview};
use symbiose_core::import::flows::{self, FlowsPreview};
use symbiose_core::import::preview::Listed;
use symbiose_core::import::table::{self, Kind, Source, Table};
use symbiose_core::numbers::{Precision::Reading, number};
use symbiose_core::{Bilingual, Lang, Project, UserMessage};

use crate::files;
use crate::i18n::{Texts, singular, texts, use_lang, use_texts};
use crate::notice::Notice;
use crate::perf::next_task;
use crate::persist::use_session;
use crate::state::use_project;
use crate::views::controls::FilePicker;
use crate::views::dialog::{Dialog, LoadFailure};

/// Rows the preview lists (errors first); the counts cover every row.
const LISTED: usize = 500;

/// What a file's rows become.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    Flows,
    /// The actions of an earlier action plan, with their status and origin.
    Actions,
}

impl ImportKind {
    /// The prefix of the dialog's test ids: `flows-add`, `plan-add`.
    fn id(self) -> &'static str {
        match self {
            Self::Flows => "flows",
            Self::Actions => "plan",
        }
    }

    fn title(self, t: &Texts) -> &'static str {
        match self {
            Self::Flows => t.files.flows_import,
            Self::Actions => t.files.plan_import,
        }
    }

    fn intro(self, t: &Texts) -> &'static str {
        match self {
            Self::Flows => t.files.flows_intro,
            Self::Actions => t.files.plan_intro,
        }
    }

    fn template_hint(self, t: &Texts) -> &'static str {
        match self {
            Self::Flows => t.files.flows_template_hint,
            Self::Actions => t.files.plan_template_hint,
        }
    }

    /// "flux prêts à importer", "action prête à importer": the words after a count of ready
    /// rows, singular or plural as the count takes.
    fn ready_words(self, t: &Texts, one: bool) -> &'static str {
        match (self, one) {
            (Self::Flows, false) => t.files.flows_counts_ready,
            (Self::Flows, true) => t.files.flows_counts_ready_one,
            (Self::Actions, false) => t.files.plan_counts_ready,
            (Self::Actions, true) => t.files.plan_counts_ready_one,
        }
    }

    /// "écartés" for flows, "écartées" for actions, singular or plural as the count takes.
    fn skipped_words(self, t: &Texts, one: bool) -> &'static str {
        match (self, one) {
            (Self::Flows, false) => t.files.flows_counts_skipped,
            (Self::Flows, true) => t.files.flows_counts_skipped_one,
            (Self::Actions, false) => t.files.plan_counts_skipped,
            (Self::Actions, true) => t.files.plan_counts_skipped_one,
        }
    }

    fn column(self, t: &Texts) -> &'static str {
        match self {
            Self::Flows => t.files.flows_column,
            Self::Actions => t.files.plan_column,
        }
    }

    /// "3 flux" / "3 flows", "1 flow"; "3 actions".
    fn count(self, n: usize, lang: Lang) -> String {
        let t = texts(lang);
        let unit = match (self, singular(n, lang)) {
            (Self::Flows, false) => t.files.flows_unit,
            (Self::Flows, true) => t.files.flows_unit_one,
            (Self::Actions, false) => t.files.plan_unit,
            (Self::Actions, true) => t.files.plan_unit_one,
        };
        format!("{} {unit}", number(n as f64, lang, Reading))
    }

    /// The downloadable template, with a byte order mark: French Excel reads it as UTF-8 only so.
    fn download_template(self) {
        let (name, csv) = match self {
            Self::Flows => ("modele_flux_symbiose.csv", flows::TEMPLATE_CSV),
            Self::Actions => ("modele_plan_actions_symbiose.csv", actions::TEMPLATE_CSV),
        };
        files::download(name, "text/csv;charset=utf-8", &format!("\u{feff}{}", csv)).ok();
    }

    /// The verdict on every row of `rows` against `project`; `origin` is for the actions
    /// without one.
    fn preview(
        self,
        rows: Table,
        project: &Project,
        origin: &str,
    ) -> Result<AnyPreview, Bilingual> {
        match self {
            Self::Flows => flows::preview(rows, project).map(AnyPreview::Flows),
            Self::Actions => actions::preview(rows, project, origin).map(AnyPreview::Actions),
        }
        .map_err(|e| e.message())
    }
}

/// A preview of either kind, as the dialog reads it.
enum AnyPreview {
    Flows(FlowsPreview),
    Actions(ActionsPreview),
}

impl AnyPreview {
    fn count(&self) -> (usize, usize, usize) {
        match self {
            Self::Flows(p) => p.count(),
            Self::Actions(p) => p.count(),
        }
    }

    fn total(&self) -> usize {
        match self {
            Self::Flows(p) => p.rows.len(),
            Self::Actions(p) => p.rows.len(),
        }
    }

    fn source(&self) -> (&Source, usize, &[String]) {
        match self {
            Self::Flows(p) => (&p.source, p.header_line, &p.ignored_columns),
            Self::Actions(p) => (&p.source, p.header_line, &p.ignored_columns),
        }
    }

    fn listing(&self, lang: Lang) -> Vec<Listed> {
        match self {
            Self::Flows(p) => p.listing(lang, LISTED),
            Self::Actions(p) => p.listing(lang, LISTED),
        }
    }

    fn command(&self, project: &Project) -> Command {
        match self {
            Self::Flows(p) => p.command(project),
            Self::Actions(p) => p.command(project),
        }
    }
}

/// What the dialog shows.
#[derive(Clone)]
enum Phase {
    /// What the file should hold, the template, the file chooser.
    Choose,
    Reading,
    /// Shared, not copied: the view takes the phase by value.
    Preview(Arc<Result<AnyPreview, String>>),
}

/// The test ids a component of this crate takes as `&'static str`.
struct Ids {
    title: &'static str,
    row: &'static str,
    pick: &'static str,
    pick_other: &'static str,
    input: &'static str,
    error: &'static str,
}

impl ImportKind {
    fn ids(self) -> Ids {
        match self {
            Self::Flows => Ids {
                title: "flows-title",
                row: "flows-row",
                pick: "flows-pick",
                pick_other: "flows-pick-other",
                input: "flows-input",
                error: "flows-error",
            },
            Self::Actions => Ids {
                title: "plan-title",
                row: "plan-row",
                pick: "plan-pick",
                pick_other: "plan-pick-other",
                input: "plan-input",
                error: "plan-error",
            },
        }
    }
}

/// Applies an import's edit as one step once "Adding…" is painted (`adding` set here), then says
/// how many rows went in (`added`: the words after the number) and closes the dialog; a refused
/// edit is said and the dialog stays. Both import dialogs (companies; flows and actions) end so.
pub fn add_rows(
    adding: RwSignal<bool>,
    command: impl FnOnce() -> Option<Command> + 'static,
    ready: usize,
    added: fn(&'static Texts) -> &'static str,
    close: impl Fn() + 'static,
) {
    let state = use_project();
    let session = use_session();
    adding.set(true);
    leptos::task::spawn_local(async move {
        // "Adding…" is painted first: the step below is one piece of work.
        next_task().await;
        let Some(cmd) = command() else {
            return;
        };
        match state.apply(cmd) {
            Ok(()) => {
                session
                    .notice
                    .set(Some(Notice::Message(Bilingual::from_fn(|l| {
                        format!("{} {}", number(ready as f64, l, Reading), added(texts(l)))
                    }))));
                close();
            }
            Err(e) => {
                adding.set(false);
                session.notice.set(Some(Notice::error(&e)));
            }
        }
    });
}

/// A preview's rows, one per verdict (errors first), coloured by kind.
#[component]
pub fn PreviewRows(
    listing: impl Fn() -> Vec<Listed> + Send + Sync + 'static,
    /// The header of the column that names what each row adds.
    name_header: Signal<&'static str>,
    row_testid: &'static str,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="csv-rows-scroll">
            <table class="csv-rows">
                <thead><tr>
                    <th>{move || t.get().files.csv_line}</th>
                    <th>{move || name_header.get()}</th>
                    <th>{move || t.get().files.csv_status}</th>
                </tr></thead>
                <tbody>
                    {move || listing().into_iter().map(|row| view! {
                        <tr class=row.kind.class() data-testid=row_testid><td>{row.line}</td><td>{row.name}</td><td>{row.note}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The files a chooser offers.
const ACCEPT: &str =
    ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The import's button and its dialog.
#[component]
pub fn TableImport(kind: ImportKind) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let phase = RwSignal::new(None::<Phase>);
    // The origin given to the actions whose row names none (an earlier plan's import).
    let origin = RwSignal::new(String::new());
    // Each file read gets a number; closing the dialog or choosing another file moves it on,
    // and a reading that is no longer the current one is dropped when it ends.
    let reading = StoredValue::new(0u64);
    let close = move || {
        reading.update_value(|n| *n += 1);
        phase.set(None);
    };
    let on_file = move |file: web_sys::File| {
        let lang = lang.get_untracked();
        let origin = origin.get_untracked();
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
                    Ok(rows) => crate::perf::time("symbiose:table-preview", || {
                        state
                            .project
                            .with_untracked(|p| kind.preview(rows, p, &origin))
                            .map_err(|e| e.get(lang).to_string())
                    }),
                },
            };
            if reading.try_get_value() == Some(mine) {
                phase.set(Some(Phase::Preview(Arc::new(result))));
            }
        });
    };
    let open = move |_| {
        if origin.with_untracked(String::is_empty) {
            let (fr, en) = actions::DEFAULT_ORIGIN;
            origin.set(lang.get_untracked().pick(fr, en).to_string());
        }
        phase.set(Some(Phase::Choose));
    };
    let id = kind.id();
    view! {
        <div class="csv-actions">
            <button type="button" data-testid=format!("import-{id}") on:click=open>
                {move || kind.title(t.get())}
            </button>
        </div>
        {move || phase.get().map(|p| {
            let body = match p {
                Phase::Choose => view! { <Choose kind origin on_file close /> }.into_any(),
                Phase::Reading => view! {
                    <div class="dialog-body" data-testid=format!("{id}-reading") role="status">
                        <p>{move || t.get().files.csv_reading}</p>
                    </div>
                    <div class="dialog-buttons">
                        <button on:click=move |_| close()>{move || t.get().common.cancel}</button>
                    </div>
                }
                .into_any(),
                Phase::Preview(outcome) => view! { <PreviewBody kind outcome on_file close /> }.into_any(),
            };
            view! {
                <Dialog title=Signal::derive(move || kind.title(t.get())) title_id=kind.ids().title wide=true>
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

#[component]
fn Choose(
    kind: ImportKind,
    origin: RwSignal<String>,
    on_file: impl Fn(web_sys::File) + Copy + 'static,
    close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_texts();
    let id = kind.id();
    view! {
        <div class="dialog-body" data-testid=format!("{id}-choose")>
            <p>{move || kind.intro(t.get())}</p>
            {(kind == ImportKind::Actions).then(|| view! {
                <label class="field">
                    <span>{move || t.get().files.plan_origin}</span>
                    <input type="text" data-testid="plan-origin" maxlength="200"
                        prop:value=move || origin.get()
                        on:input=move |ev| origin.set(event_target_value(&ev)) />
                </label>
            })}
            <p class="hint">{move || kind.template_hint(t.get())}</p>
        </div>
        <div class="dialog-buttons">
            <FilePicker label=Signal::derive(move || t.get().files.flows_choose.to_string())
                accept=ACCEPT button_testid=kind.ids().pick input_testid=kind.ids().input on_file />
            <button type="button" data-testid=format!("{id}-template") on:click=move |_| kind.download_template()>
                {move || t.get().files.flows_template}
            </button>
            <button on:click=move |_| close()>{move || t.get().common.cancel}</button>
        </div>
    }
}

#[component]
fn PreviewBody(
    kind: ImportKind,
    outcome: Arc<Result<AnyPreview, String>>,
    on_file: impl Fn(web_sys::File) + Copy + 'static,
    close: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let preview = match &*outcome {
        Err(message) => {
            return view! { <LoadFailure message=message.clone() testid=kind.ids().error close /> }
                .into_any();
        }
        Ok(preview) => preview,
    };
    let id = kind.id();
    let (ready, skipped, errors) = preview.count();
    let total = preview.total();
    let (source, header_line, ignored) = preview.source();
    let (source, ignored) = (source.clone(), ignored.join(", "));
    let shared = StoredValue::new(outcome.clone());
    let listing = move || {
        shared.with_value(|p| {
            p.as_ref()
                .as_ref()
                .map(|p| p.listing(lang.get()))
                .unwrap_or_default()
        })
    };
    let adding = RwSignal::new(false);
    let add = move |_| {
        let command = move || {
            shared.with_value(|p| {
                let p = p.as_ref().as_ref().ok()?;
                Some(state.project.with_untracked(|pr| p.command(pr)))
            })
        };
        let added = match kind {
            ImportKind::Flows => |t: &'static Texts| t.files.flows_added,
            ImportKind::Actions => |t: &'static Texts| t.files.plan_added,
        };
        add_rows(adding, command, ready, added, close);
    };
    view! {
        <div class="dialog-body" data-testid=format!("{id}-preview")>
            <p>
                <strong data-testid=format!("{id}-source")>{move || source.describe(lang.get())}</strong>
                {move || format!(", {} {header_line}", t.get().files.flows_header_at)}" — "
                <span data-testid=format!("{id}-counts")>{move || {
                    let (t, lang) = (t.get(), lang.get());
                    let n = |count: usize| number(count as f64, lang, Reading);
                    format!(
                        "{} {}, {} {}, {} {}",
                        n(ready), kind.ready_words(t, singular(ready, lang)),
                        n(skipped), kind.skipped_words(t, singular(skipped, lang)),
                        n(errors), t.files.flows_counts_errors,
                    )
                }}</span>
            </p>
            {(!ignored.is_empty()).then(|| view! {
                <p class="hint" data-testid=format!("{id}-ignored")>{move || format!("{} : {ignored}", t.get().files.flows_ignored)}</p>
            })}
            {(total > LISTED).then(|| view! {
                <p class="hint">{move || format!("{LISTED} {} {}", t.get().files.csv_listed_of, number(total as f64, lang.get(), Reading))}</p>
            })}
            <PreviewRows listing name_header=Signal::derive(move || kind.column(t.get())) row_testid=kind.ids().row />
        </div>
        <div class="dialog-buttons">
            <button class="primary" data-testid=format!("{id}-add") disabled=move || ready == 0 || adding.get() on:click=add>
                {move || if adding.get() {
                    t.get().files.csv_adding.to_string()
                } else {
                    format!("{} {}", t.get().files.flows_add, kind.count(ready, lang.get()))
                }}
            </button>
            <FilePicker label=Signal::derive(move || t.get().files.flows_choose_other.to_string())
                accept=ACCEPT button_testid=kind.ids().pick_other input_testid=kind.ids().input on_file />
            <button on:click=move |_| close()>{move || t.get().common.cancel}</button>
        </div>
    }
    .into_any()
}
