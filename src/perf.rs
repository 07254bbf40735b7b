//! Named spans in the browser's performance timeline (`performance.measure`), so the scale
//! benchmark (scripts/bench) reads how long detection and saves took without timing the page
//! from outside. A span costs two marks; nothing is logged, and at most `MAX_KEPT` measures of
//! a name are kept.

use wasm_bindgen::JsCast;

/// Longest piece of long work (detection, reading a CSV) between two chances for the page to
/// handle input and paint: under the 16 ms of a frame.
pub const SLICE_MS: f64 = 12.0;

/// Milliseconds since the page opened (monotonic), 0 outside a browser.
pub fn now_ms() -> f64 {
    performance().map_or(0.0, |p| p.now())
}

/// A macrotask boundary: the browser handles pending input and paints before long work goes on.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .ok();
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.ok();
}

/// `performance.mark(name)`, replacing the last mark of that name: a moment the scale benchmark
/// places in the load's timeline (the detection workers started, one said it listens).
pub fn moment(name: &str) {
    mark_with(name, &js_sys::Object::new());
}

/// Measures kept per name before the oldest are dropped.
const MAX_KEPT: u32 = 200;

pub struct Span {
    name: &'static str,
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

impl Span {
    pub fn start(name: &'static str) -> Self {
        if let Some(p) = performance() {
            p.mark(&format!("{name}:start")).ok();
        }
        Span { name }
    }

    pub fn end(self) {
        if let Some(p) = performance() {
            let start = format!("{}:start", self.name);
            p.measure_with_start_mark(self.name, &start).ok();
            p.clear_marks_with_mark_name(&start);
            // The timeline keeps measures until cleared: a day-long workshop must not grow it
            // without end (the benchmark reads far fewer than this).
            if p.get_entries_by_name(self.name).length() > MAX_KEPT {
                p.clear_measures_with_measure_name(self.name);
            }
        }
    }
}

/// Runs `f` inside a span named `name`.
pub fn time<T>(name: &'static str, f: impl FnOnce() -> T) -> T {
    let span = Span::start(name);
    let out = f();
    span.end();
    out
}

/// The size of the page's WebAssembly memory, bytes: the most it has held at once (it never
/// shrinks).
fn page_memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    f64::from(
        memory
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length(),
    )
}

/// `performance.mark(name, {detail})`, replacing the last mark of that name (web-sys has the
/// options only behind its unstable APIs).
fn mark_with(name: &str, detail: &js_sys::Object) {
    let Some(p) = performance() else { return };
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"detail".into(), detail).ok();
    p.clear_marks_with_mark_name(name);
    let mark: Option<js_sys::Function> = js_sys::Reflect::get(&p, &"mark".into())
        .ok()
        .and_then(|f| f.dyn_into().ok());
    if let Some(mark) = mark {
        mark.call2(&p, &name.into(), &options).ok();
    }
}

fn detail(fields: &[(&str, wasm_bindgen::JsValue)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        js_sys::Reflect::set(&o, &(*k).into(), v).ok();
    }
    o
}

/// Records the page's WebAssembly memory when the first map is drawn, before any detection
/// result: the mark `symbiose:first-map-memory`, detail `{page}` (bytes).
pub fn first_map_mark() {
    mark_with(
        "symbiose:first-map-memory",
        &detail(&[("page", page_memory_bytes().into())]),
    );
}

/// Records a detection result as the mark `symbiose:detection-result`, replacing the last one,
/// with detail `{page, worker, rescored, workers, shares, phases}`: the page's and the detection
/// workers' WebAssembly memories (bytes, the workers' summed over a split run's shares; a memory
/// never shrinks, so each is the most that module has held at once), the offers an update scored
/// again (`null` for a whole run), how many workers the page has started, how many shares the
/// result came in (several for a whole run split between workers), and each share's ms reading
/// and planning, scoring, and writing its result. The scale benchmark and the e2e tests read it.
pub fn detection_mark(
    worker_bytes: f64,
    rescored: Option<f64>,
    workers: u32,
    phases: &js_sys::Array,
) {
    let rescored = rescored.map_or(wasm_bindgen::JsValue::NULL, Into::into);
    mark_with(
        "symbiose:detection-result",
        &detail(&[
            ("page", page_memory_bytes().into()),
            ("worker", worker_bytes.into()),
            ("rescored", rescored),
            ("workers", workers.into()),
            ("shares", phases.length().into()),
            ("phases", phases.into()),
        ]),
    );
}

/// Long work cut into time slices of about `SLICE_MS`: `spent` gives the page back to input and
/// paint (the next task) once a slice is used up.
pub struct Slices(f64);

impl Slices {
    /// The first slice starts now.
    pub fn start() -> Self {
        Self(now_ms())
    }

    pub async fn spent(&mut self) {
        if now_ms() - self.0 > SLICE_MS {
            next_task().await;
            self.0 = now_ms();
        }
    }
}
