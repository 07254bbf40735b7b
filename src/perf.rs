//! Named spans in the browser's performance timeline (`performance.measure`), so the scale
//! benchmark (scripts/bench) reads how long detection and saves took without timing the page
//! from outside. A span costs two marks; nothing is logged.

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
