//! A labelled text input (or text area) with its error under it: every form's text fields.

use leptos::prelude::*;

/// A labelled text input; `error` shows under it and marks it invalid for assistive tools.
#[component]
pub fn TextField(
    #[prop(into)] label: Signal<&'static str>,
    testid: &'static str,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(optional)] multiline: bool,
    #[prop(optional, into)] placeholder: Option<Signal<&'static str>>,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let id = format!("field-{testid}");
    let err_id = format!("{id}-error");
    let control = if multiline {
        view! {
            <textarea id=id.clone() data-testid=testid rows="3" prop:value=move || value.get()
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=err_id.clone()
                on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type="text" id=id.clone() data-testid=testid prop:value=move || value.get()
                inputmode=inputmode
                placeholder=move || placeholder.map(|p| p.get()).unwrap_or_default()
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=err_id.clone()
                on:input=move |ev| on_input.run(event_target_value(&ev)) />
        }
        .into_any()
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id>{move || label.get()}</label>
            {control}
            <p class="field-error" id=format!("field-{testid}-error") role="alert">{move || error.get()}</p>
        </div>
    }
}
