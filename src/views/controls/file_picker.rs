//! A button that opens the browser's file chooser: the project import, the company CSV and the
//! roadmap file all choose files this way.

use leptos::prelude::*;

/// `label` on a button; the chosen file goes to `on_file`. The input itself is hidden from
/// sight, the keyboard and assistive tools (the button is what they reach), and is cleared at
/// once so that the same file can be chosen again after the user fixes it.
#[component]
pub fn FilePicker(
    #[prop(into)] label: Signal<String>,
    /// The `accept` attribute: extensions and MIME types offered by the chooser.
    accept: &'static str,
    button_testid: &'static str,
    input_testid: &'static str,
    on_file: impl Fn(web_sys::File) + 'static,
) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |ev: leptos::ev::Event| {
        let target: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = target.files().and_then(|f| f.get(0)) else {
            return;
        };
        target.set_value("");
        on_file(file);
    };
    view! {
        <button type="button" data-testid=button_testid on:click=move |_| {
            if let Some(i) = input.get() { i.click(); }
        }>{label}</button>
        <input type="file" accept=accept class="visually-hidden" data-testid=input_testid
            node_ref=input on:change=on_change tabindex="-1" aria-hidden="true" />
    }
}
