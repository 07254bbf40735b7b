//! The modal frame shared by the import dialogs, and the body they show when a file is refused.

use leptos::prelude::*;

use crate::i18n::use_texts;

/// A modal dialog: backdrop, titled box, and the given content.
#[component]
pub fn Dialog(
    #[prop(into)] title: Signal<&'static str>,
    /// Id of the title element, for `aria-labelledby`.
    title_id: &'static str,
    #[prop(optional)] wide: bool,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="dialog-backdrop">
            <div class="dialog" class:wide=wide role="dialog" aria-modal="true" aria-labelledby=title_id>
                <h2 id=title_id>{move || title.get()}</h2>
                {children()}
            </div>
        </div>
    }
}

/// What a refused file shows: that nothing changed, every problem, and a way out.
#[component]
pub fn LoadFailure(
    message: String,
    testid: &'static str,
    close: impl Fn() + Copy + Send + Sync + 'static,
    /// Another way out, before "dismiss" (opening the file in repair mode).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="dialog-body" data-testid=testid role="alert">
            <p class="error"><strong>{move || t.get().common.import_failed}</strong></p>
            <pre class="problems">{message}</pre>
        </div>
        <div class="dialog-buttons">
            {children.map(|c| c())}
            <button on:click=move |_| close()>{move || t.get().common.dismiss}</button>
        </div>
    }
}
