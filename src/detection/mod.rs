//! Detection results for the open project: derived from it, never stored. Taking a
//! proposal into the pipeline is the only thing that writes, as a `Synergy` (a decision).

use leptos::prelude::*;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint8Array};
// Not `Update`: that name is the signals' trait in Leptos's prelude.
use symbiose_core::detect::incremental::Update as Found;
use symbiose_core::detect::{Assumptions, Detection, Refusal, wire};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::perf::{Slices, next_task};

mod taking;
mod workers;
use symbiose_core::{Date, Project};
pub use taking::{synergy_from_mutualisation, synergy_from_proposal, taken_keys};
use workers::Link;

use crate::state::ProjectState;

/// A page that opens without a map (a link to another page) starts the worker after this.
const START_WITHOUT_MAP_MS: i32 = 2_000;

#[derive(Clone, Copy)]
pub struct Detected {
    result: RwSignal<Detection>,
    /// The pairs a regulatory rule kept out, with the rule's sentence (facilitator only).
    refused: RwSignal<Vec<Refusal>>,
    /// Share of the offers the run under way has done, 0–1; `None` when none is.
    progress: RwSignal<Option<f64>>,
    /// A run is under way: what is shown is from before the last edit (or empty at first).
    running: Memo<bool>,
    /// Why detection does not run (the worker did not start), as the browser said it.
    failed: RwSignal<Option<String>>,
    /// The first map is drawn (or the page has none): the worker may start.
    may_start: RwSignal<bool>,
    /// Counts the results published, each in the task after its own: the map's lines follow
    /// this rather than `result`, so that drawing them is not part of the publishing task.
    settled: RwSignal<u64>,
}

/// Frees a replaced detection a few thousand proposals at a time: a territory's 100,000
/// proposals take longer to free at once than a task should last.
async fn release_in_slices(mut old: Detection) {
    const CHUNK: usize = 4_000;
    while !old.proposals.is_empty() {
        let keep = old.proposals.len().saturating_sub(CHUNK);
        old.proposals.truncate(keep);
        next_task().await;
    }
}

fn empty() -> Detection {
    Detection {
        proposals: Vec::new(),
        mutualisations: Vec::new(),
        factor_sources: Vec::new(),
        not_counted: symbiose_core::Bilingual::new("", ""),
    }
}

/// Sends generation `generation`'s inputs to the workers: the territory and assumptions, then
/// the companies and flows a chunk at a time (`detect::wire::INPUT_CHUNK`), written as JSON in
/// slices of about `SLICE_MS` that start after the edit's own task. A newer change drops it.
async fn send_inputs(link: Rc<Link>, state: ProjectState, generation: f64) {
    next_task().await;
    let stale = || link.asked.get() != generation;
    let Some(head) = state.project.try_with_untracked(|p| Project {
        territory: p.territory.clone(),
        assumptions: p.assumptions.clone(),
        ..Project::default()
    }) else {
        return;
    };
    if stale() {
        return;
    }
    let msg = Object::new();
    let buffers = Array::new();
    let bytes = |b: Vec<u8>| {
        let a = Uint8Array::from(b.as_slice());
        buffers.push(&a.buffer());
        a
    };
    Reflect::set(&msg, &"gen".into(), &generation.into()).ok();
    Reflect::set(&msg, &"head".into(), &bytes(wire::inputs_head(&head))).ok();
    let (actors, flows) = (Array::new(), Array::new());
    let mut slices = Slices::start();
    for part in [0, 1] {
        let mut from = 0;
        loop {
            slices.spent().await;
            // An edit meanwhile started a newer generation, or the project was closed.
            if stale() {
                return;
            }
            let more = crate::perf::time("symbiose:detect-snapshot", || {
                state.project.try_with_untracked(|p| {
                    let to = |len: usize| (from + wire::INPUT_CHUNK).min(len);
                    if part == 0 {
                        let chunk = &p.actors[from..to(p.actors.len())];
                        actors.push(&bytes(wire::records(chunk)));
                        to(p.actors.len()) < p.actors.len()
                    } else {
                        let chunk = &p.flows[from..to(p.flows.len())];
                        flows.push(&bytes(wire::records(chunk)));
                        to(p.flows.len()) < p.flows.len()
                    }
                })
            });
            match more {
                Some(true) => from += wire::INPUT_CHUNK,
                Some(false) => break,
                None => return,
            }
        }
    }
    Reflect::set(&msg, &"actors".into(), &actors).ok();
    Reflect::set(&msg, &"flows".into(), &flows).ok();
    link.send(generation, msg, buffers, Assumptions::for_project(&head));
}

/// Provides the detection of the open project. It runs in Web Workers (crates/symbiose-worker,
/// `workers`), started once the first map is drawn; after every change to what detection reads,
/// the inputs go to the workers, which score everything the first time (a large territory split
/// between one worker per core) and afterwards only what the edit can change
/// (`detect::incremental`), and stop a run that a newer change made stale. Their results are
/// decoded here a chunk at a time (`detect::wire`), so no task of the page grows with the
/// territory, and applied in the order they came.
pub fn provide(state: ProjectState) {
    let progress = RwSignal::new(None);
    let detected = Detected {
        result: RwSignal::new(empty()),
        refused: RwSignal::new(Vec::new()),
        progress,
        running: Memo::new(move |_| progress.with(Option::is_some)),
        failed: RwSignal::new(None),
        may_start: RwSignal::new(false),
        settled: RwSignal::new(0),
    };
    let link = Link::new(state, detected);
    // Only a change to what detection reads starts a run (`ProjectState::inputs`): an edit of
    // the pipeline, the roadmap or the dashboard leaves the proposals as they are.
    {
        let link = link.clone();
        Effect::new(move |_| {
            state.inputs.track();
            let generation = link.asked.get() + 1.0;
            link.asked.set(generation);
            *link.span.borrow_mut() = Some(crate::perf::Span::start("symbiose:detect"));
            detected.progress.set(Some(0.0));
            wasm_bindgen_futures::spawn_local(send_inputs(link.clone(), state, generation));
        });
    }
    {
        let link = link.clone();
        Effect::new(move |_| {
            if detected.may_start.get() && link.idle() {
                // In the next task: the map's own task (drawing, publishing its count) ends and
                // the page paints before the worker's files are asked for.
                let link = link.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    next_task().await;
                    link.start_if_idle();
                });
            }
        });
    }
    if let Some(w) = web_sys::window() {
        let open = Closure::once_into_js(move || {
            // Only if the map has not said so: setting it again wakes the effect above, which
            // started a worker for nothing when a run had ended by then (a large territory's
            // split run can end within these two seconds).
            if detected.may_start.try_get_untracked() == Some(false) {
                detected.may_start.try_set(true);
            }
        });
        w.set_timeout_with_callback_and_timeout_and_arguments_0(
            open.unchecked_ref(),
            START_WITHOUT_MAP_MS,
        )
        .ok();
    }
    // Closing the project ends its workers (cleanups run before the owner's values are dropped).
    let kept = StoredValue::new_local(link);
    on_cleanup(move || {
        kept.try_with_value(|link| link.close());
    });
    provide_context(detected);
}

/// The map says its markers are drawn: the detection worker may start downloading.
pub fn first_map_drawn() {
    static MARKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !MARKED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        crate::perf::first_map_mark();
    }
    if let Some(d) = use_context::<Detected>()
        && !d.may_start.get_untracked()
    {
        d.may_start.set(true);
    }
}

/// Decodes and applies the worker's results in the order they came, a chunk per slice.
/// Decodes a result's chunks into `decoder`, a slice at a time.
async fn push_chunks(
    decoder: &mut wire::Decoder,
    chunks: &Array,
    slices: &mut Slices,
) -> Result<(), wire::WireError> {
    for chunk in chunks.iter() {
        slices.spent().await;
        let bytes = Uint8Array::new(&chunk).to_vec();
        crate::perf::time("symbiose:detect-decode", || decoder.push(&bytes))?;
    }
    Ok(())
}

async fn drain(link: Rc<Link>, detected: Detected) {
    loop {
        let Some(arrived) = link.inbox.borrow_mut().pop_front() else {
            break;
        };
        let decoded = async {
            let mut slices = Slices::start();
            // A split run's shares decode end to end as one detection (`Decoder::and_share`).
            let mut parts = arrived.parts.iter();
            let Some((head, chunks)) = parts.next() else {
                return Err(wire::WireError::no_part());
            };
            let mut decoder = wire::Decoder::new(head)?;
            push_chunks(&mut decoder, chunks, &mut slices).await?;
            for (head, chunks) in parts {
                decoder.and_share(head)?;
                push_chunks(&mut decoder, chunks, &mut slices).await?;
            }
            decoder.finish()
        }
        .await;
        // The project was closed meanwhile (its signals are gone), or detection failed.
        if link.closed.get() || detected.failed.try_with_untracked(Option::is_some) != Some(false) {
            break;
        }
        let update = match decoded {
            Ok(u) => u,
            Err(e) => {
                link.fail(e.to_string());
                break;
            }
        };
        let newest = arrived.generation == link.asked.get();
        if newest && let Some(span) = link.span.borrow_mut().take() {
            span.end();
        }
        let replaced = crate::perf::time("symbiose:detect-publish", || match update {
            Found::Full(mut found, refused) => {
                detected.refused.set(refused);
                detected
                    .result
                    .update(|shown| std::mem::swap(shown, &mut found));
                Some(found)
            }
            Found::Partial(partial) => {
                let mut refused = Vec::new();
                detected
                    .refused
                    .update_untracked(|r| std::mem::swap(r, &mut refused));
                detected
                    .result
                    .update(|shown| partial.apply(shown, &mut refused));
                detected.refused.set(refused);
                None
            }
        });
        // Before the tab says "done": a test that waits for it finds the mark.
        crate::perf::detection_mark(
            arrived.worker_memory,
            arrived.rescored,
            link.started.get(),
            &arrived.phases,
        );
        if newest {
            detected.progress.set(None);
        }
        next_task().await;
        if link.closed.get() {
            break;
        }
        detected.settled.try_update(|n| *n += 1);
        if let Some(old) = replaced {
            release_in_slices(old).await;
        }
    }
    link.draining.set(false);
}

pub fn use_detected() -> ReadSignal<Detection> {
    expect_context::<Detected>().result.read_only()
}

/// The pairs a regulatory rule kept out of the proposals, each with its rule and reference.
pub fn use_refused() -> ReadSignal<Vec<Refusal>> {
    expect_context::<Detected>().refused.read_only()
}

/// Changes in the task after each detection result is published (see `Detected::settled`).
pub fn use_detection_settled() -> ReadSignal<u64> {
    expect_context::<Detected>().settled.read_only()
}

/// True while the proposals shown predate the last change.
pub fn use_detection_running() -> Memo<bool> {
    expect_context::<Detected>().running
}

/// The share of offers the run under way has done (0–1), while one is.
pub fn use_detection_progress() -> ReadSignal<Option<f64>> {
    expect_context::<Detected>().progress.read_only()
}

/// Why detection does not run, when it does not (the worker did not start).
pub fn use_detection_failed() -> ReadSignal<Option<String>> {
    expect_context::<Detected>().failed.read_only()
}

/// Today's date in the browser.
pub fn today() -> Date {
    crate::files::today_iso().parse().unwrap_or(Date {
        year: 2026,
        month: 1,
        day: 1,
    })
}
