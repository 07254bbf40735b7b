use leptos::prelude::*;
use symbiose_core::Lang;

use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;

#[component]
pub fn Header() -> impl IntoView {
    let state = use_project();
    let lang = use_lang();
    let t = use_texts();
    // Outside a project (the home view) the header names none.
    let session = use_context::<crate::persist::Session>();
    let is_open = move || session.is_none_or(|s| s.open_id.get().is_some());
    let switch = move |_| lang.update(|l| *l = if *l == Lang::Fr { Lang::En } else { Lang::Fr });
    view! {
        <header class="app-header">
            <div class="brand">
                <h1>{move || t.get().common.app_title}</h1>
                <span class="tagline">{move || t.get().common.tagline}</span>
            </div>
            <div class="project-name" data-testid="project-name">
                {move || is_open().then(|| state.project.with(|p| p.name.clone()))}
            </div>
            <button class="lang-switch" data-testid="lang-switch" on:click=switch
                lang=move || if lang.get() == Lang::Fr { "en" } else { "fr" }>
                {move || t.get().common.switch_lang}
            </button>
        </header>
    }
}
