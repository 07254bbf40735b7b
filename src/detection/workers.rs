//! The page's end of the detection workers (crates/symbiose-worker, one wasm module over the
//! core, started after the first map).
//!
//! A whole run of a large territory is split between one worker per core (`detect::share`):
//! each scores a share of the offers, one of them pools, and the page decodes their results
//! end to end as one detection. An update after an edit goes to one worker, which plans it
//! with the summary of the detection the page holds (`detect::seen`). A worker grown large
//! ends after its result (its WebAssembly memory keeps its run's peak), and the next edit
//! starts a new one with the summary; the workers of a split run always end after theirs.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::Detected;
use crate::state::ProjectState;
use symbiose_core::detect::Assumptions;

/// The detection worker's loader (crates/symbiose-worker, built by trunk beside the app).
const WORKER_URL: &str = "symbiose-worker_loader.js";
/// A worker whose WebAssembly memory has grown to this ends after its result, and the next edit
/// starts a new one (see `retire`): a territory of 5,000 companies leaves 240–280 MB after a
/// whole run and 61 MB after an update. Below it the worker stays: starting one costs an
/// update 0.2–0.4 s, which a project of a few hundred companies (10–30 MB) need not pay.
const RETIRE_FROM_BYTES: f64 = 48.0 * 1024.0 * 1024.0;
/// A whole run of a territory with this many flows or more is split between workers: below,
/// a run takes about a second and another worker's start and reading would eat the gain.
const SPLIT_FROM_FLOWS: usize = 10_000;
/// The most workers a split run starts: each reads the whole territory, so each costs memory.
const MAX_SHARES: usize = 4;

/// A result of the workers, waiting to be decoded: one part (head and chunks) per share.
pub(super) struct Arrived {
    pub generation: f64,
    pub parts: Vec<(Vec<u8>, Array)>,
    /// The workers' WebAssembly memory when they sent it, bytes, summed over the shares.
    pub worker_memory: f64,
    /// The offers an update scored again; `None` for a whole run.
    pub rescored: Option<f64>,
    /// Each share's ms reading and planning, scoring, and writing its result (the benchmark
    /// prints them).
    pub phases: Array,
}

type Handler = Closure<dyn FnMut(web_sys::MessageEvent)>;

/// One worker and what the page knows of it.
struct Hand {
    worker: web_sys::Worker,
    /// It listens (it says so once its module is running).
    ready: Cell<bool>,
    /// The newest generation posted to it (0 before any).
    sent: Cell<f64>,
}

/// A share's result of a split run, with the summary of its part.
type Part = (Arrived, Option<Uint8Array>);

/// The page's end of the detection workers.
pub(super) struct Link {
    state: ProjectState,
    detected: Detected,
    hands: RefCell<Vec<Hand>>,
    /// The newest inputs, until every worker has them: generation, message and its buffers.
    pending: RefCell<Option<(f64, Object, Array)>>,
    /// The newest generation sent or pending.
    pub asked: Cell<f64>,
    /// Results in the order they came: each applies to the detection the one before left.
    pub inbox: RefCell<VecDeque<Arrived>>,
    pub draining: Cell<bool>,
    /// The `symbiose:detect` span of the newest generation (the scale benchmark reads it).
    pub span: RefCell<Option<crate::perf::Span>>,
    /// The workers' handlers, dropped with the project (or the workers).
    handlers: RefCell<Vec<Handler>>,
    /// How many workers this project has started.
    pub started: Cell<u32>,
    /// The project was closed: nothing more is started or applied.
    pub closed: Cell<bool>,
    /// The summary a worker started afresh plans its first update with, one part per share
    /// of the run it summarises; sent with the next inputs.
    seen: RefCell<Vec<Uint8Array>>,
    /// The shares' results of the split run under way, as they come.
    parts: RefCell<Vec<Option<Part>>>,
    /// The share of its offers each worker of the run under way has done.
    done: RefCell<Vec<f64>>,
    /// The assumptions of the last inputs sent: a change makes the next run a whole one.
    assumptions: RefCell<Option<Assumptions>>,
}

fn field(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The browser's logical cores (at least one).
fn cores() -> usize {
    let navigator = web_sys::window().map(|w| field(&w, "navigator"));
    navigator
        .and_then(|n| field(&n, "hardwareConcurrency").as_f64())
        .map_or(1, |c| c.max(1.0) as usize)
}

impl Link {
    pub fn new(state: ProjectState, detected: Detected) -> Rc<Self> {
        Rc::new(Self {
            state,
            detected,
            hands: RefCell::new(Vec::new()),
            pending: RefCell::new(None),
            asked: Cell::new(0.0),
            inbox: RefCell::new(VecDeque::new()),
            draining: Cell::new(false),
            span: RefCell::new(None),
            handlers: RefCell::new(Vec::new()),
            started: Cell::new(0),
            closed: Cell::new(false),
            seen: RefCell::new(Vec::new()),
            parts: RefCell::new(Vec::new()),
            done: RefCell::new(Vec::new()),
            assumptions: RefCell::new(None),
        })
    }

    pub fn idle(&self) -> bool {
        self.hands.borrow().is_empty()
    }

    /// How many workers the next run needs: one per core (at most `MAX_SHARES`) for the
    /// whole run of a large territory, one when there is a summary to plan an update with.
    fn shares(&self) -> usize {
        if self.seen.borrow().is_empty() {
            self.whole_run_shares()
        } else {
            1
        }
    }

    /// How many workers a whole run of this territory is split between.
    fn whole_run_shares(&self) -> usize {
        let flows = self
            .state
            .project
            .try_with_untracked(|p| p.flows.len())
            .unwrap_or(0);
        if flows < SPLIT_FROM_FLOWS {
            return 1;
        }
        cores().min(MAX_SHARES)
    }

    /// Starts the workers of the next run unless some are there, the first map is not drawn
    /// yet (`may_start`), detection failed or the project was closed.
    pub fn start_if_idle(self: &Rc<Self>) {
        let d = self.detected;
        if self.idle()
            && !self.closed.get()
            && d.may_start.try_get_untracked() == Some(true)
            && d.failed.try_with_untracked(Option::is_none) == Some(true)
        {
            start(self, self.shares());
        }
    }

    /// Sends generation `generation`'s inputs: the workers of a split run under way end (a
    /// newer whole run replaces theirs), workers start if none are there, and the inputs wait
    /// for those still starting.
    pub fn send(self: &Rc<Self>, generation: f64, msg: Object, buffers: Array, asm: Assumptions) {
        let split_at_work = {
            let hands = self.hands.borrow();
            hands.len() > 1 && hands.iter().any(|h| h.sent.get() > 0.0)
        };
        // New assumptions change every score: the worker would plan a whole run, alone. Without
        // the summary (and the worker that keeps it) it is split, as for a project just opened.
        let before = self.assumptions.borrow_mut().replace(asm.clone());
        let whole_again = before.is_some_and(|b| b != asm) && self.whole_run_shares() > 1;
        if whole_again {
            self.seen.borrow_mut().clear();
        }
        if split_at_work || whole_again {
            self.end_workers();
        }
        self.start_if_idle();
        *self.pending.borrow_mut() = Some((generation, msg, buffers));
        self.post_pending();
    }

    /// Posts the pending inputs to every worker that listens and has not had them. A split
    /// run's workers each get a copy with their share; a single worker gets the buffers
    /// themselves (transferred) and the summary to plan with.
    fn post_pending(&self) {
        let mut pending = self.pending.borrow_mut();
        let Some((generation, msg, buffers)) = pending.as_ref() else {
            return;
        };
        let hands = self.hands.borrow();
        let of = hands.len();
        let mut waiting = hands.is_empty();
        for (share, hand) in hands.iter().enumerate() {
            if hand.sent.get() >= *generation {
                continue;
            }
            if !hand.ready.get() {
                waiting = true;
                continue;
            }
            Reflect::set(msg, &"share".into(), &(share as f64).into()).ok();
            Reflect::set(msg, &"shares".into(), &(of as f64).into()).ok();
            if of == 1 {
                let seen: Vec<Uint8Array> = std::mem::take(&mut *self.seen.borrow_mut());
                if !seen.is_empty() {
                    let parts = Array::new();
                    for s in seen {
                        buffers.push(&s.buffer());
                        parts.push(&s);
                    }
                    Reflect::set(msg, &"seen".into(), &parts).ok();
                }
                hand.worker.post_message_with_transfer(msg, buffers).ok();
            } else {
                // Copied, not transferred: every share reads the same inputs.
                hand.worker.post_message(msg).ok();
            }
            hand.sent.set(*generation);
        }
        if !waiting {
            *pending = None;
        }
    }

    /// Ends every worker (their handlers with them); the summary and the inbox stay.
    fn end_workers(&self) {
        for hand in self.hands.borrow_mut().drain(..) {
            hand.worker.terminate();
        }
        let handlers = std::mem::take(&mut *self.handlers.borrow_mut());
        // Dropped after this task: one of them may be the handler running now.
        wasm_bindgen_futures::spawn_local(async move { drop(handlers) });
        self.parts.borrow_mut().clear();
        self.done.borrow_mut().clear();
    }

    /// Closing the project ends its workers.
    pub fn close(&self) {
        self.closed.set(true);
        self.end_workers();
        self.inbox.borrow_mut().clear();
    }

    /// Detection stops for this project: the workers end, since a result the page could not
    /// apply leaves their summary and the page's detection apart, and every later update
    /// would be planned against the wrong one. The proposals panel says to reload.
    pub fn fail(&self, message: String) {
        web_sys::console::error_2(
            &"symbiose: detection stopped:".into(),
            &message.clone().into(),
        );
        self.end_workers();
        self.pending.borrow_mut().take();
        self.seen.borrow_mut().clear();
        self.inbox.borrow_mut().clear();
        self.span.borrow_mut().take();
        self.detected.failed.try_set(Some(message));
        self.detected.progress.try_set(None);
    }

    /// A worker says how far it is: the run's progress is the mean of its shares'.
    fn progress(&self, share: usize, generation: f64, done: f64, total: f64) {
        if generation != self.asked.get() || total <= 0.0 {
            return;
        }
        let mut shares = self.done.borrow_mut();
        if let Some(d) = shares.get_mut(share) {
            *d = done / total;
        }
        let mean = shares.iter().sum::<f64>() / shares.len().max(1) as f64;
        self.detected.progress.try_set(Some(mean));
    }

    /// A worker's result: a single worker's is decoded at once; a split run's waits for
    /// every share, then they are decoded together and its workers end.
    fn result(
        self: &Rc<Self>,
        share: usize,
        of: usize,
        arrived: Arrived,
        seen: Option<Uint8Array>,
    ) {
        if of == 1 {
            if let Some(seen) = seen
                && arrived.worker_memory >= RETIRE_FROM_BYTES
            {
                // After the handler: it is the worker's, and is dropped with it.
                let (link, generation) = (self.clone(), arrived.generation);
                wasm_bindgen_futures::spawn_local(async move {
                    link.retire(generation, seen);
                });
            }
            self.receive(arrived);
            return;
        }
        let joined = {
            let mut parts = self.parts.borrow_mut();
            parts.resize_with(of, || None);
            parts[share] = Some((arrived, seen));
            if parts.iter().any(Option::is_none) {
                return;
            }
            std::mem::take(&mut *parts)
        };
        // The first share's result, the others' parts after it, in share order.
        let mut shares = joined.into_iter().flatten();
        let Some((mut whole, first)) = shares.next() else {
            return;
        };
        let mut seen: Vec<Uint8Array> = first.into_iter().collect();
        for (part, summary) in shares {
            whole.worker_memory += part.worker_memory;
            whole.parts.extend(part.parts);
            whole.phases = whole.phases.concat(&part.phases);
            seen.extend(summary);
        }
        // The next update is planned with the shares' summaries joined (`Seen::join`).
        if seen.len() == of {
            *self.seen.borrow_mut() = seen;
        }
        let link = self.clone();
        wasm_bindgen_futures::spawn_local(async move { link.end_workers() });
        self.receive(whole);
    }

    fn receive(self: &Rc<Self>, arrived: Arrived) {
        self.inbox.borrow_mut().push_back(arrived);
        if !self.draining.get() {
            self.draining.set(true);
            wasm_bindgen_futures::spawn_local(super::drain(self.clone(), self.detected));
        }
    }

    /// Ends a single worker grown past `RETIRE_FROM_BYTES` once it has sent the newest
    /// generation's result: its WebAssembly memory keeps the peak of its run (a memory never
    /// shrinks) though it keeps only the summary, which came with the result. The next inputs
    /// start a new worker and take the summary to it. Not when a newer generation is asked:
    /// the worker may be at it, planned against what it kept.
    fn retire(&self, generation: f64, seen: Uint8Array) {
        if self.asked.get() != generation || self.closed.get() || self.hands.borrow().len() != 1 {
            return;
        }
        self.end_workers();
        *self.seen.borrow_mut() = vec![seen];
    }
}

/// Starts `of` workers: one, or the shares of a split run.
fn start(link: &Rc<Link>, of: usize) {
    let mut hands: Vec<Hand> = Vec::with_capacity(of);
    for share in 0..of {
        let worker = match web_sys::Worker::new(WORKER_URL) {
            Ok(w) => w,
            Err(e) => {
                for h in hands {
                    h.worker.terminate();
                }
                link.fail(format!("{e:?}"));
                return;
            }
        };
        listen(link, &worker, share, of);
        hands.push(Hand {
            worker,
            ready: Cell::new(false),
            sent: Cell::new(0.0),
        });
    }
    *link.hands.borrow_mut() = hands;
    crate::perf::moment("symbiose:workers-started");
    *link.done.borrow_mut() = vec![0.0; of];
    link.started.set(link.started.get() + of as u32);
}

fn listen(link: &Rc<Link>, worker: &web_sys::Worker, share: usize, of: usize) {
    let on_message = {
        let link = link.clone();
        Handler::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            let generation = field(&data, "gen").as_f64().unwrap_or(-1.0);
            let number = |key| field(&data, key).as_f64().unwrap_or(0.0);
            match field(&data, "kind").as_string().as_deref() {
                Some("ready") => {
                    if let Some(h) = link.hands.borrow().get(share) {
                        h.ready.set(true);
                    }
                    crate::perf::moment("symbiose:worker-ready");
                    link.post_pending();
                }
                Some("progress") => {
                    link.progress(share, generation, number("done"), number("total"));
                }
                Some("result") => {
                    let seen = field(&data, "seen");
                    let arrived = Arrived {
                        generation,
                        parts: vec![(
                            Uint8Array::new(&field(&data, "head")).to_vec(),
                            field(&data, "chunks").unchecked_into(),
                        )],
                        worker_memory: number("memory"),
                        rescored: field(&data, "rescored").as_f64(),
                        phases: Array::of1(&field(&data, "phases")),
                    };
                    let seen = seen.is_object().then(|| seen.unchecked_into());
                    link.result(share, of, arrived, seen);
                }
                Some("error") => {
                    link.fail(field(&data, "message").as_string().unwrap_or_default());
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
            link.fail(field(&e, "message").as_string().unwrap_or_default());
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    link.handlers.borrow_mut().extend([on_message, on_error]);
}
