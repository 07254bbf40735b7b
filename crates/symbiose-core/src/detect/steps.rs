//! Work in pieces: the detection engine asks its caller between two pieces whether to go on,
//! wait (a browser gives the page back to input and paint) or stop (the result is stale). The
//! core has no clock and no runtime: the caller decides, and the synchronous entry points run
//! the same code with a caller that always goes on.

/// What the caller of [`super::detect_stepwise`] says between two pieces of work.
pub enum Step<P> {
    /// Go on at once.
    Go,
    /// Wait for this future (a browser gives the page back to input, paints, then resumes).
    Pause(P),
    /// Give up: the project changed, this result is no longer wanted.
    Stop,
}

/// False when the caller stopped the run.
pub(crate) async fn checkpoint<P: Future<Output = ()>>(
    between: &mut impl FnMut() -> Step<P>,
) -> bool {
    match between() {
        Step::Go => true,
        Step::Pause(p) => {
            p.await;
            true
        }
        Step::Stop => false,
    }
}

/// Runs a stepwise computation whose `between` is [`never_pause`] to its end: it never waits
/// and is never stopped, so it completes in one poll with a value.
pub(crate) fn finish<T>(f: impl Future<Output = Option<T>>) -> T {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match f.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(out) => out.expect("a run without Stop ends"),
        std::task::Poll::Pending => unreachable!("no step of a run without pauses waits"),
    }
}

pub(crate) fn never_pause() -> Step<std::future::Ready<()>> {
    Step::Go
}
