//! The line a form or a page writes after an action: what was done, or what went wrong.

use leptos::prelude::*;

/// What an action came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Done: said politely (`role="status"`), in the hint's colours.
    Done(String),
    /// Refused or failed: said at once (`role="alert"`), in red.
    Failed(String),
}

/// The line itself, absent while there is nothing to say.
#[component]
pub fn NoticeLine(
    #[prop(into)] notice: Signal<Option<Outcome>>,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    move || {
        notice.get().map(|n| {
            let (class, role, text) = match n {
                Outcome::Done(text) => ("notice-line hint", "status", text),
                Outcome::Failed(text) => ("notice-line error", "alert", text),
            };
            view! { <p class=class role=role data-testid=testid>{text}</p> }
        })
    }
}

/// A failure held as `Option<String>` (most views keep their last error that way), as a notice.
pub fn failure(error: RwSignal<Option<String>>) -> Signal<Option<Outcome>> {
    Signal::derive(move || error.get().map(Outcome::Failed))
}
