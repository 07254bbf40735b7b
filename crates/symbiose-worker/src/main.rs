//! The detection worker: Symbiose's detection in a Web Worker, its own wasm module over the core.
//!
//! The page (src/detection/mod.rs) starts it after its first map and sends it, after each change
//! to what detection reads, the project's companies, flows, territory and assumptions as JSON
//! (in chunks, written a slice at a time) with a generation number. The worker answers with the
//! share of offers done while it works, then the result (`detect::wire`): a whole detection the
//! first time, afterwards the part an edit changed, planned with a summary of the detection the
//! page holds (`detect::seen`), not a copy of it. A newer generation stops the run under way at
//! its next pause. Nothing it does can hold up the page's input or paint: it runs on another
//! thread. When its memory has grown large (it keeps its run's peak), the page ends it after
//! the newest result and starts another for the next edit, with the summary this one sent.
//!
//! A whole run of a large territory is split between several of these workers, one per core:
//! each is told its share (`detect::share`), scores and explains that share of the offers (the
//! first also pools) and sends it with the summary of its part; the page decodes the shares end
//! to end as one detection, ends these workers, and gives the summaries to the next one.
//!
//! Messages, page → worker: `{gen, head, actors, flows, share, shares, seen?}`: the territory and
//! assumptions, then the companies and the flows in chunks (`detect::wire::read_inputs`), this
//! worker's share of a split run (0 of 1 when it is not split), and the summary to plan with, as
//! an array of parts (one per share of the run it summarises). Worker → page: `{kind: "ready"}` once
//! it listens (a message sent before would be lost), `{kind: "progress", gen, done, total}`,
//! `{kind: "result", gen, head, chunks, memory, phases, rescored?, seen?}` (the buffers transferred,
//! not copied; `memory` the size of the worker's WebAssembly memory, `phases` the ms spent reading
//! and planning, scoring, and writing the result, and `rescored` the offers an update scored again,
//! for the benchmark and the tests; `seen` the summary the next run is
//! planned with, which the page gives to the next worker when it ends this one), and
//! `{kind: "error", gen, message}` when the inputs do not read (a page of another release).

use std::cell::{Cell, RefCell};
use std::pin::Pin;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint8Array};
use symbiose_core::Project;
use symbiose_core::detect::incremental::{Run, Update};
use symbiose_core::detect::seen::Seen;
use symbiose_core::detect::share::Share;
use symbiose_core::detect::{Assumptions, Step, wire};
use symbiose_core::factors::Factors;
use symbiose_core::kb::KnowledgeBase;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Work between two looks at the message queue: a newer generation waits at most this long.
const SLICE_MS: f64 = 50.0;
/// Least time between two progress messages.
const PROGRESS_MS: f64 = 150.0;

struct Worker {
    scope: DedicatedWorkerGlobalScope,
    kb: KnowledgeBase,
    /// What planning the next run needs of the detection the page holds (`detect::seen`).
    seen: RefCell<Option<Seen>>,
    /// The newest generation the page asked for: older runs stop.
    latest: Cell<f64>,
}

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let worker = Rc::new(Worker {
        scope: scope.clone(),
        kb: KnowledgeBase::full(),
        seen: RefCell::new(None),
        latest: Cell::new(-1.0),
    });
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let generation = get(&data, "gen").as_f64().unwrap_or(0.0);
        // A worker started afresh gets the summary its predecessor left with the page (one
        // part per share when the last run was split between workers).
        let seen = get(&data, "seen");
        if seen.is_object() {
            let parts: Result<Vec<Seen>, _> = Array::from(&seen)
                .iter()
                .map(|part| Seen::from_bytes(&Uint8Array::new(&part).to_vec()))
                .collect();
            match parts {
                Ok(parts) => *worker.seen.borrow_mut() = Seen::join(parts),
                Err(e) => {
                    let fields = [("message", e.to_string().into())];
                    post(
                        &worker.scope,
                        &message("error", Some(generation), &fields),
                        None,
                    );
                    return;
                }
            }
        }
        let count =
            |key, default: f64| get(&data, key).as_f64().unwrap_or(default).max(0.0) as usize;
        let inputs = Inputs {
            share: Share {
                index: count("share", 0.0),
                of: count("shares", 1.0).max(1),
            },
            head: Uint8Array::new(&get(&data, "head")).to_vec(),
            actors: chunks(&get(&data, "actors")),
            flows: chunks(&get(&data, "flows")),
        };
        worker.latest.set(generation);
        wasm_bindgen_futures::spawn_local(run(worker.clone(), generation, inputs));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &message("ready", None, &[]), None);
}

/// The inputs of one generation, as the page sent them.
struct Inputs {
    /// This worker's share of a whole run split between workers (`detect::share`), or the
    /// whole run.
    share: Share,
    head: Vec<u8>,
    actors: Vec<Vec<u8>>,
    flows: Vec<Vec<u8>>,
}

fn chunks(array: &JsValue) -> Vec<Vec<u8>> {
    Array::from(array)
        .iter()
        .map(|c| Uint8Array::new(&c).to_vec())
        .collect()
}

fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn message(kind: &str, generation: Option<f64>, fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    Reflect::set(&o, &"kind".into(), &kind.into()).ok();
    if let Some(g) = generation {
        Reflect::set(&o, &"gen".into(), &g.into()).ok();
    }
    for (k, v) in fields {
        Reflect::set(&o, &(*k).into(), v).ok();
    }
    o
}

fn post(scope: &DedicatedWorkerGlobalScope, msg: &Object, transfer: Option<&Array>) {
    let sent = match transfer {
        Some(t) => scope.post_message_with_transfer(msg, t),
        None => scope.post_message(msg),
    };
    if let Err(e) = sent {
        web_sys::console::error_2(&"symbiose-worker: message not sent".into(), &e);
    }
}

fn now_ms(scope: &DedicatedWorkerGlobalScope) -> f64 {
    scope.performance().map_or(0.0, |p| p.now())
}

/// A macrotask boundary: the messages that arrived meanwhile are handled.
async fn next_task(scope: &DedicatedWorkerGlobalScope) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        scope
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .ok();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}

/// The size of this module's WebAssembly memory: the most it has held at once (it never shrinks).
fn memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    f64::from(
        memory
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length(),
    )
}

/// Where a run's time went, ms, for the benchmark: reading the inputs and planning, scoring,
/// writing the result.
fn phases(started: f64, planned: f64, ran: f64, written: f64) -> Array {
    [planned - started, ran - planned, written - ran]
        .iter()
        .map(|ms| JsValue::from(ms.round()))
        .collect()
}

fn bytes(b: &[u8]) -> Uint8Array {
    Uint8Array::from(b)
}

async fn run(worker: Rc<Worker>, generation: f64, inputs: Inputs) {
    let scope = &worker.scope;
    let started = now_ms(scope);
    let read = wire::read_inputs(
        &inputs.head,
        inputs.actors.iter().map(Vec::as_slice),
        inputs.flows.iter().map(Vec::as_slice),
    );
    let project: Project = match read {
        Ok(p) => p,
        Err(e) => {
            let text = format!("{e}");
            post(
                scope,
                &message("error", Some(generation), &[("message", text.into())]),
                None,
            );
            return;
        }
    };
    let share = inputs.share;
    drop(inputs);
    let asm = Assumptions::for_project(&project);
    let run = Run::new(&project, &asm, Factors::bundled(), &worker.kb);
    // A share of a split run is a whole run's part: the page splits only when it has no
    // summary to plan an update with.
    let plan = if share == Share::WHOLE {
        run.plan(worker.seen.borrow().as_ref())
    } else {
        run.plan_share(share)
    };
    let total = run.offer_steps(&plan);
    let done = Rc::new(Cell::new(0usize));
    let slice_start = Rc::new(Cell::new(now_ms(scope)));
    let last_progress = Cell::new(f64::NEG_INFINITY);
    let between = || {
        done.set(done.get() + 1);
        if worker.latest.get() != generation {
            return Step::Stop;
        }
        let now = now_ms(scope);
        if now - last_progress.get() > PROGRESS_MS {
            last_progress.set(now);
            let fields = [
                ("done", (done.get().min(total) as f64).into()),
                ("total", (total as f64).into()),
            ];
            post(scope, &message("progress", Some(generation), &fields), None);
        }
        if now - slice_start.get() > SLICE_MS {
            let (scope, slice_start) = (scope.clone(), slice_start.clone());
            Step::Pause(Box::pin(async move {
                next_task(&scope).await;
                slice_start.set(now_ms(&scope));
            }) as Pin<Box<dyn Future<Output = ()>>>)
        } else {
            Step::Go
        }
    };
    let planned = now_ms(scope);
    let Some(update) = run.finish_stepwise(plan, between).await else {
        return;
    };
    // A newer generation that arrived during the last pause planned against the detection the
    // page holds now: this result must not reach it, nor change the copy kept here.
    if worker.latest.get() != generation {
        return;
    }
    // The detection itself is not kept: the page holds it, and the summary plans the next run.
    let (encoded, seen_bytes, rescored) = {
        let mut seen = worker.seen.borrow_mut();
        match update {
            Update::Full(detection, refused) => {
                let e = wire::encode_full(&detection, &refused);
                let summary = Seen::new(&project, &detection, &refused);
                drop((detection, refused));
                let b = summary.to_bytes();
                *seen = Some(summary);
                (e, Some(b), None)
            }
            Update::Partial(partial) => {
                let e = wire::encode_partial(&partial);
                let summary = seen
                    .as_mut()
                    .expect("a partial run has the summary it was planned with");
                summary.apply(&partial, &project);
                (e, Some(summary.to_bytes()), Some(partial.rescored))
            }
        }
    };
    let ran = now_ms(scope);
    let chunks = Array::new();
    let transfer = Array::new();
    let head = bytes(&encoded.head);
    transfer.push(&head.buffer());
    for c in &encoded.chunks {
        let c = bytes(c);
        transfer.push(&c.buffer());
        chunks.push(&c);
    }
    let mut fields = vec![
        ("head", JsValue::from(head)),
        ("chunks", chunks.into()),
        ("memory", memory_bytes().into()),
        (
            "phases",
            phases(started, planned, ran, now_ms(scope)).into(),
        ),
    ];
    // The page may end this worker, whose memory keeps its run's peak, and give this summary to
    // the next one.
    if let Some(r) = rescored {
        fields.push(("rescored", (r as f64).into()));
    }
    if let Some(b) = seen_bytes {
        let b = bytes(&b);
        transfer.push(&b.buffer());
        fields.push(("seen", b.into()));
    }
    post(
        scope,
        &message("result", Some(generation), &fields),
        Some(&transfer),
    );
}
