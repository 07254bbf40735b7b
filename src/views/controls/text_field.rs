//! A labelled text input (or text area) with its message under it: every form's text fields.

use leptos::prelude::*;

use super::FieldMessage;

/// A labelled text input; `error` shows under it and marks it invalid for assistive tools.
#[component]
pub fn TextField(
    #[prop(into)] label: TextProp,
    testid: &'static str,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(optional)] multiline: bool,
    #[prop(optional, into)] placeholder: Option<TextProp>,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// The input's `type`: "text" unless told ("url").
    #[prop(optional)]
    kind: Option<&'static str>,
    /// For the short "add a line" rows, whose placeholder already shows what to type: the
    /// label is still there for assistive tools, but not on screen.
    #[prop(optional)]
    hide_label: bool,
    /// Takes the keyboard focus when drawn (a form opened to type one thing at once).
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let id = format!("field-{testid}");
    let err_id = format!("{id}-error");
    let input = NodeRef::<leptos::html::Input>::new();
    if autofocus {
        Effect::new(move |_| {
            if let Some(el) = input.get() {
                el.focus().ok();
            }
        });
    }
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
            <input type=kind.unwrap_or("text") id=id.clone() data-testid=testid node_ref=input
                prop:value=move || value.get()
                inputmode=inputmode
                placeholder=move || placeholder.as_ref().map(|p| p.get())
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=err_id.clone()
                on:input=move |ev| on_input.run(event_target_value(&ev)) />
        }
        .into_any()
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id class=hide_label.then_some("visually-hidden")>{move || label.get()}</label>
            {control}
            <FieldMessage id=err_id message=error />
        </div>
    }
}

/// A `TextField` bound to one string field of a form draft: its label from the page's texts,
/// its value and input from the draft, its problem from the form's errors. Written once for
/// every form that binds fields this way; the caller names its texts signal, draft and error
/// lookup, then `field, page.label, "test-id"`.
/// A trailing `true` makes it a multi-line field.
macro_rules! draft_text {
    ($t:ident, $draft:ident, $err:ident; $field:ident, $page:ident . $label:ident, $testid:literal $(, $multiline:literal)?) => {
        view! {
            <TextField label=move || $t.get().$page.$label testid=$testid $(multiline=$multiline)?
                value=Signal::derive(move || $draft.with(|d| d.$field.clone()))
                on_input=Callback::new(move |v| $draft.update(|d| d.$field = v))
                error=$err(stringify!($field)) />
        }
    };
}
pub(crate) use draft_text;
