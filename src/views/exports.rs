//! The exports page: spreadsheets, map layers, the public anonymised copy and the roadmap file,
//! each made in the browser from the open project by the core's pure `export` functions. The
//! roadmap file can also be imported back: it replaces the roadmap parts as one undoable step.

use leptos::prelude::*;
use symbiose_core::UserMessage;

use crate::views::controls::{FilePicker, NoticeLine, Outcome};
use symbiose_core::export::{csv, geojson, public, roadmap};
use symbiose_core::factors::Factors;
use symbiose_core::{Lang, Project, format};

use crate::files;
use crate::i18n::{Texts, use_lang, use_texts};
use crate::persist::keys::{BinReason, export_file_name_ext};
use crate::state::use_project;

/// One downloadable file: its button label, the file's kind and extension, and how to make it.
struct Item {
    testid: &'static str,
    label: fn(&Texts) -> &'static str,
    kind: &'static str,
    ext: &'static str,
    mime: &'static str,
    make: fn(&Project, Lang) -> String,
}

const CSV: &str = "text/csv;charset=utf-8";
const GEOJSON: &str = "application/geo+json";
const JSON: &str = "application/json";

const SHEETS: [Item; 9] = [
    Item {
        testid: "csv-actors",
        label: |t| t.exports.csv_actors,
        kind: "entreprises",
        ext: "csv",
        mime: CSV,
        make: csv::actors,
    },
    Item {
        testid: "csv-flows",
        label: |t| t.exports.csv_flows,
        kind: "flux",
        ext: "csv",
        mime: CSV,
        make: csv::flows,
    },
    Item {
        testid: "csv-synergies",
        label: |t| t.exports.csv_synergies,
        kind: "synergies",
        ext: "csv",
        mime: CSV,
        make: csv::synergies,
    },
    Item {
        testid: "csv-actions",
        label: |t| t.exports.csv_actions,
        kind: "actions",
        ext: "csv",
        mime: CSV,
        make: csv::actions,
    },
    Item {
        testid: "csv-aids",
        label: |t| t.exports.csv_aids,
        kind: "aides",
        ext: "csv",
        mime: CSV,
        make: csv::aids,
    },
    Item {
        testid: "csv-aid-tables",
        label: |t| t.exports.csv_aid_tables,
        kind: "suivi-des-aides",
        ext: "csv",
        mime: CSV,
        make: csv::aid_tables,
    },
    Item {
        testid: "csv-measurements",
        label: |t| t.exports.csv_measurements,
        kind: "mesures",
        ext: "csv",
        mime: CSV,
        make: csv::measurements,
    },
    Item {
        testid: "csv-elipse",
        label: |t| t.exports.csv_elipse,
        kind: "indicateurs-elipse",
        ext: "csv",
        mime: CSV,
        make: |p, lang| csv::elipse(p, Factors::bundled(), lang),
    },
    Item {
        testid: "csv-indicators",
        label: |t| t.exports.csv_indicators,
        kind: "indicateurs",
        ext: "csv",
        mime: CSV,
        make: |p, lang| csv::indicators(p, Factors::bundled(), lang),
    },
];

const MAPS: [Item; 1] = [Item {
    testid: "geojson",
    label: |t| t.exports.geojson_all,
    kind: "carte",
    ext: "geojson",
    mime: GEOJSON,
    make: geojson::project_in,
}];

/// Every public file is made from the anonymised copy, never from the project itself.
const PUBLIC: [Item; 3] = [
    Item {
        testid: "public-json",
        label: |t| t.exports.public_json,
        kind: "public",
        ext: "json",
        mime: JSON,
        make: |p, lang| format::save_project(&public::anonymise_in(p, lang), true),
    },
    Item {
        testid: "public-geojson",
        label: |t| t.exports.public_geojson,
        kind: "carte-publique",
        ext: "geojson",
        mime: GEOJSON,
        make: |p, lang| geojson::project_in(&public::anonymise_in(p, lang), lang),
    },
    Item {
        testid: "public-flows",
        label: |t| t.exports.public_flows,
        kind: "flux-publics",
        ext: "csv",
        mime: CSV,
        make: |p, lang| csv::flows(&public::anonymise_in(p, lang), lang),
    },
];

const ROADMAP: [Item; 1] = [Item {
    testid: "roadmap-export",
    label: |t| t.exports.roadmap_export,
    kind: "feuille-de-route",
    ext: "json",
    mime: JSON,
    make: |p, _| roadmap::save_roadmap(p),
}];

const PROJECT: [Item; 2] = [
    Item {
        testid: "project-export",
        label: |t| t.common.export_json,
        kind: "symbiose",
        ext: "json",
        mime: JSON,
        make: |p, _| format::save_project(p, true),
    },
    // A questionnaire with no company yet, for a firm the facilitator has not met.
    Item {
        testid: "blank-questionnaire",
        label: |t| t.exports.blank_questionnaire,
        kind: "questionnaire",
        ext: "json",
        mime: JSON,
        make: |p, _| {
            format::save_questionnaire(&symbiose_core::edit::questionnaire::blank_questionnaire(
                &p.name,
            ))
        },
    },
];

#[component]
fn Buttons(items: &'static [Item]) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    view! {
        <div class="export-buttons">
            {items.iter().map(|item| {
                let download = move |_| {
                    let lang = lang.get_untracked();
                    let (name, text) = state.project.with_untracked(|p| (p.name.clone(), (item.make)(p, lang)));
                    let file = export_file_name_ext(&name, &files::today_iso(), item.kind, item.ext);
                    files::download(&file, item.mime, &text).ok();
                };
                view! {
                    <button data-testid=item.testid on:click=download>{move || (item.label)(t.get())}</button>
                }
            }).collect_view()}
        </div>
    }
}

#[component]
pub fn Exports() -> impl IntoView {
    let t = use_texts();
    view! {
        <main class="page exports" data-testid="exports-page">
            <h2>{move || t.get().exports.exports_title}</h2>
            <p class="page-intro">{move || t.get().exports.exports_intro}</p>
            <section>
                <h3>{move || t.get().exports.sheets_title}</h3>
                <Buttons items=&SHEETS />
            </section>
            <section>
                <h3>{move || t.get().exports.geojson_title}</h3>
                <Buttons items=&MAPS />
            </section>
            <section>
                <h3>{move || t.get().exports.public_title}</h3>
                <p>{move || t.get().exports.public_intro}</p>
                <Buttons items=&PUBLIC />
            </section>
            <section>
                <h3>{move || t.get().exports.roadmap_title}</h3>
                <p>{move || t.get().exports.roadmap_intro}</p>
                <Buttons items=&ROADMAP />
                <RoadmapImport />
            </section>
            <section>
                <h3>{move || t.get().exports.project_title}</h3>
                <Buttons items=&PROJECT />
            </section>
        </main>
    }
}

/// Reading a roadmap file: refused with every problem and nothing changed, or summarised and
/// applied on confirmation as one command.
#[component]
fn RoadmapImport() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let session = crate::persist::use_session();
    // Ok((summary, command)) or Err(message).
    let outcome = RwSignal::new(None::<Result<(String, symbiose_core::edit::Command), String>>);
    let done = RwSignal::new(false);
    let on_file = move |file: web_sys::File| {
        done.set(false);
        let lang = lang.get_untracked();
        leptos::task::spawn_local(async move {
            let result = match files::read_utf8(&file).await {
                Err(e) => Err(e.message_in(lang)),
                Ok(text) => roadmap::load_roadmap(&text)
                    .and_then(|r| {
                        let tx = crate::i18n::texts(lang);
                        let summary = format!(
                            "{} {} {}, {} {}, {} {}",
                            tx.exports.roadmap_ready,
                            r.synergies.len(),
                            tx.common.synergies_word,
                            r.actions.len(),
                            tx.exports.actions_word,
                            r.measurements.len(),
                            tx.exports.measurements_word
                        );
                        state
                            .project
                            .with_untracked(|p| roadmap::merge_roadmap(p, r))
                            .map(|cmd| (summary, cmd))
                    })
                    .map_err(|e| e.message_in(lang)),
            };
            outcome.set(Some(result));
        });
    };
    let apply = move |_| {
        if let Some(Ok((_, cmd))) = outcome.get_untracked() {
            // A copy of the project as it is goes to the bin first: no copy, no import.
            if session.keep_copy(BinReason::RoadmapImported).is_err() {
                outcome.set(Some(Err(t.get_untracked().files.copy_no_room.to_string())));
                return;
            }
            match state.apply(cmd) {
                Ok(()) => {
                    outcome.set(None);
                    done.set(true);
                }
                Err(e) => outcome.set(Some(Err(e.message_in(lang.get_untracked())))),
            }
        }
    };
    view! {
        <div class="export-buttons">
            <FilePicker label=Signal::derive(move || t.get().exports.roadmap_import.to_string())
                accept=".json,application/json" button_testid="roadmap-import" input_testid="roadmap-input" on_file />
        </div>
        {move || outcome.get().map(|o| match o {
            Ok((summary, _)) => view! {
                <div class="banner info" data-testid="roadmap-ready">
                    <p>{summary}</p>
                    <button class="primary" data-testid="roadmap-apply" on:click=apply>{move || t.get().exports.roadmap_apply}</button>
                    <button on:click=move |_| outcome.set(None)>{move || t.get().common.cancel}</button>
                </div>
            }.into_any(),
            Err(message) => view! {
                <div class="banner problem" role="alert" data-testid="roadmap-error">
                    <p><strong>{move || t.get().common.import_failed}</strong>"\n"{message}</p>
                    <button on:click=move |_| outcome.set(None)>{move || t.get().common.dismiss}</button>
                </div>
            }.into_any(),
        })}
        <NoticeLine testid="roadmap-applied"
            notice=Signal::derive(move || done.get().then(|| Outcome::Done(t.get().exports.roadmap_applied.to_string()))) />
    }
}
