//! Detection results for the open project: derived from it, never stored. Taking a
//! proposal into the pipeline is the only thing that writes, as a `Synergy` (a decision).

use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint8Array};
// Not `Update`: that name is the signals' trait in Leptos's prelude.
use symbiose_core::detect::incremental::Update as Found;
use symbiose_core::detect::{Detection, Refusal, wire};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::perf::{SLICE_MS, next_task, now_ms};

mod taking;
use symbiose_core::{Date, Project};
pub use taking::{synergy_from_mutualisation, synergy_from_proposal, taken_keys};

use crate::state::ProjectState;

/// The detection worker's loader (crates/symbiose-worker, built by trunk beside the app).
const WORKER_URL: &str = "symbiose-worker_loader.js";
/// A worker whose WebAssembly memory has grown to this ends after its result, and the next edit
/// starts a new one (see `retire`): a territory of 5,000 companies leaves 240–280 MB after a
/// whole run and 61 MB after an update. Below it the worker stays: starting one costs an
/// update 0.2–0.4 s, which a project of a few hundred companies (10–30 MB) need not pay.
const RETIRE_FROM_BYTES: f64 = 48.0 * 1024.0 * 1024.0;
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

/// A result from the worker, waiting to be decoded.
struct Arrived {
    generation: f64,
    head: Vec<u8>,
    chunks: Array,
    /// The worker's WebAssembly memory when it sent it, bytes.
    worker_memory: f64,
    /// The offers an update scored again; `None` for a whole run.
    rescored: Option<f64>,
}

type Handler = Closure<dyn FnMut(web_sys::MessageEvent)>;

/// The page's end of the detection worker.
struct Link {
    worker: RefCell<Option<web_sys::Worker>>,
    /// The worker listens (it says so once its module is running).
    ready: Cell<bool>,
    /// The newest inputs not yet sent, waiting for the worker to listen: the message and its
    /// buffers.
    pending: RefCell<Option<(Object, Array)>>,
    /// The newest generation sent or pending.
    asked: Cell<f64>,
    /// Results in the order they came: each applies to the detection the one before left.
    inbox: RefCell<VecDeque<Arrived>>,
    draining: Cell<bool>,
    /// The `symbiose:detect` span of the newest generation (the scale benchmark reads it).
    span: RefCell<Option<crate::perf::Span>>,
    /// The worker's handlers, dropped with the project (or the worker).
    handlers: RefCell<Vec<Handler>>,
    /// How many workers this project has started (one, and one more after each result of a
    /// worker grown large: see `retire`).
    started: Cell<u32>,
    /// The project was closed: nothing more is started or applied.
    closed: Cell<bool>,
    detected: Detected,
    /// The summary a worker started afresh plans its first update with (`detect::seen`), sent
    /// with the next inputs.
    seen: RefCell<Option<Uint8Array>>,
}

fn field(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

impl Link {
    /// Sends the inputs to the worker, starting one if the last was retired after its result
    /// (not before the first map: see `may_start`); they wait while it starts.
    fn send(self: &Rc<Self>, msg: Object, buffers: Array) {
        let d = self.detected;
        let idle = self.worker.borrow().is_none();
        if idle
            && !self.closed.get()
            && d.may_start.try_get_untracked() == Some(true)
            && d.failed.try_with_untracked(Option::is_none) == Some(true)
        {
            start(self, d);
        }
        let worker = self.worker.borrow();
        match worker.as_ref().filter(|_| self.ready.get()) {
            Some(w) => {
                if let Some(seen) = self.seen.borrow_mut().take() {
                    Reflect::set(&msg, &"seen".into(), &seen).ok();
                    buffers.push(&seen.buffer());
                }
                w.post_message_with_transfer(&msg, &buffers).ok();
            }
            None => *self.pending.borrow_mut() = Some((msg, buffers)),
        }
    }
}

/// Sends generation `generation`'s inputs to the worker: the territory and assumptions, then
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
    let mut slice_start = now_ms();
    for part in [0, 1] {
        let mut from = 0;
        loop {
            if now_ms() - slice_start > SLICE_MS {
                next_task().await;
                slice_start = now_ms();
            }
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
    link.send(msg, buffers);
}

/// Provides the detection of the open project. It runs in a Web Worker (crates/symbiose-worker),
/// started once the first map is drawn; after every change to what detection reads, the inputs
/// go to the worker, which scores everything the first time and afterwards only what the edit
/// can change (`detect::incremental`), and stops a run that a newer change made stale. Its
/// results are decoded here a chunk at a time (`detect::wire`), so no task of the page grows
/// with the territory, and applied in the order they came.
pub fn provide(state: ProjectState) {
    let progress = RwSignal::new(None);
    let detected = Detected {
        result: RwSignal::new(empty()),
        refused: RwSignal::new(Vec::new()),
        progress,
        running: Memo::new(move |_| progress.with(Option::is_some)),
        failed: RwSignal::new(None),
        may_start: RwSignal::new(false),
    };
    let link = Rc::new(Link {
        worker: RefCell::new(None),
        ready: Cell::new(false),
        pending: RefCell::new(None),
        asked: Cell::new(0.0),
        inbox: RefCell::new(VecDeque::new()),
        draining: Cell::new(false),
        span: RefCell::new(None),
        handlers: RefCell::new(Vec::new()),
        started: Cell::new(0),
        closed: Cell::new(false),
        detected,
        seen: RefCell::new(None),
    });
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
            if detected.may_start.get() && link.worker.borrow().is_none() {
                // In the next task: the map's own task (drawing, publishing its count) ends and
                // the page paints before the worker's files are asked for.
                let link = link.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    next_task().await;
                    // Not for a project closed meanwhile (its signals are gone).
                    if detected.may_start.try_get_untracked() == Some(true)
                        && link.worker.borrow().is_none()
                    {
                        start(&link, detected);
                    }
                });
            }
        });
    }
    if let Some(w) = web_sys::window() {
        let open = Closure::once_into_js(move || {
            detected.may_start.try_set(true);
        });
        w.set_timeout_with_callback_and_timeout_and_arguments_0(
            open.unchecked_ref(),
            START_WITHOUT_MAP_MS,
        )
        .ok();
    }
    // Closing the project ends its worker (cleanups run before the owner's values are dropped).
    let kept = StoredValue::new_local(link);
    on_cleanup(move || {
        kept.try_with_value(|link| {
            link.closed.set(true);
            if let Some(w) = link.worker.borrow_mut().take() {
                w.terminate();
            }
            link.handlers.borrow_mut().clear();
            link.inbox.borrow_mut().clear();
        });
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

fn start(link: &Rc<Link>, detected: Detected) {
    let worker = match web_sys::Worker::new(WORKER_URL) {
        Ok(w) => w,
        Err(e) => {
            fail(link, detected, format!("{e:?}"));
            return;
        }
    };
    let on_message = {
        let link = link.clone();
        Handler::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            let generation = field(&data, "gen").as_f64().unwrap_or(-1.0);
            match field(&data, "kind").as_string().as_deref() {
                Some("ready") => {
                    link.ready.set(true);
                    let pending = link.pending.borrow_mut().take();
                    if let Some((msg, buffers)) = pending {
                        link.send(msg, buffers);
                    }
                }
                Some("progress") if generation == link.asked.get() => {
                    let done = field(&data, "done").as_f64().unwrap_or(0.0);
                    let total = field(&data, "total").as_f64().unwrap_or(0.0);
                    if total > 0.0 {
                        detected.progress.try_set(Some(done / total));
                    }
                }
                Some("result") => {
                    let seen = field(&data, "seen");
                    let memory = field(&data, "memory").as_f64().unwrap_or(0.0);
                    if seen.is_object() && memory >= RETIRE_FROM_BYTES {
                        // After the handler: it is the worker's, and is dropped with it.
                        let (link, seen) = (link.clone(), seen.unchecked_into());
                        wasm_bindgen_futures::spawn_local(async move {
                            retire(&link, generation, seen);
                        });
                    }
                    link.inbox.borrow_mut().push_back(Arrived {
                        generation,
                        head: Uint8Array::new(&field(&data, "head")).to_vec(),
                        chunks: field(&data, "chunks").unchecked_into(),
                        worker_memory: field(&data, "memory").as_f64().unwrap_or(0.0),
                        rescored: field(&data, "rescored").as_f64(),
                    });
                    if !link.draining.get() {
                        link.draining.set(true);
                        wasm_bindgen_futures::spawn_local(drain(link.clone(), detected));
                    }
                }
                Some("error") => {
                    let message = field(&data, "message").as_string().unwrap_or_default();
                    fail(&link, detected, message);
                }
                _ => {}
            }
        })
    };
    // A worker whose module does not load or whose run panics: say so instead of "running".
    let on_error = {
        let link = link.clone();
        Handler::new(move |e: web_sys::MessageEvent| {
            // A file that does not load gives an event with no message: the page says which.
            let message = field(&e, "message").as_string().unwrap_or_default();
            fail(&link, detected, message);
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    link.handlers.borrow_mut().extend([on_message, on_error]);
    *link.worker.borrow_mut() = Some(worker);
    link.started.set(link.started.get() + 1);
}

/// Ends a worker grown past `RETIRE_FROM_BYTES` once it has sent the newest generation's
/// result: its WebAssembly memory keeps the peak of its run (a memory never shrinks) though it
/// keeps only the summary (`detect::seen`), which came with the result. The next inputs start a
/// new worker and take the summary to it. Not when a newer generation is asked: the worker may
/// be at it, planned against what it kept.
fn retire(link: &Rc<Link>, generation: f64, seen: Uint8Array) {
    if link.asked.get() != generation || link.closed.get() {
        return;
    }
    let Some(old) = link.worker.borrow_mut().take() else {
        return;
    };
    old.terminate();
    link.handlers.borrow_mut().clear();
    link.ready.set(false);
    *link.seen.borrow_mut() = Some(seen);
}

/// Detection stops for this project: the worker is ended, since a result the page could not
/// apply leaves the worker's copy and the page's detection apart, and every later update
/// would be planned against the wrong one. The proposals panel says to reload.
fn fail(link: &Link, detected: Detected, message: String) {
    web_sys::console::error_2(
        &"symbiose: detection stopped:".into(),
        &message.clone().into(),
    );
    if let Some(w) = link.worker.borrow_mut().take() {
        w.terminate();
    }
    link.pending.borrow_mut().take();
    link.seen.borrow_mut().take();
    link.inbox.borrow_mut().clear();
    link.span.borrow_mut().take();
    detected.failed.try_set(Some(message));
    detected.progress.try_set(None);
}

/// Decodes and applies the worker's results in the order they came, a chunk per slice.
async fn drain(link: Rc<Link>, detected: Detected) {
    loop {
        let Some(arrived) = link.inbox.borrow_mut().pop_front() else {
            break;
        };
        let mut slice_start = now_ms();
        let decoded = async {
            let mut decoder = wire::Decoder::new(&arrived.head)?;
            for chunk in arrived.chunks.iter() {
                if now_ms() - slice_start > SLICE_MS {
                    next_task().await;
                    slice_start = now_ms();
                }
                let bytes = Uint8Array::new(&chunk).to_vec();
                crate::perf::time("symbiose:detect-decode", || decoder.push(&bytes))?;
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
                fail(&link, detected, e.to_string());
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
        crate::perf::detection_mark(arrived.worker_memory, arrived.rescored, link.started.get());
        if newest {
            detected.progress.set(None);
        }
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
