//! The end of a form: what the last Save came to, then the form's buttons.

use leptos::prelude::*;

use super::{NoticeLine, Outcome};
use crate::forms::{FieldError, summary};

/// The form-wide line and the buttons. After a refused Save the line says that nothing was
/// saved and lists every problem once (each is also under its field): one announcement that
/// tells all. After a Save that keeps the form open, it says `done`.
#[component]
pub fn FormFooter(
    errors: RwSignal<Vec<FieldError>>,
    save_testid: &'static str,
    /// No Cancel button on forms that stay open (the programme, a measurement).
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
    /// "Save" unless told.
    #[prop(optional, into)]
    save_label: Option<TextProp>,
    /// The Save button warns (abandoning a synergy) instead of leading.
    #[prop(optional)]
    danger: bool,
    /// What the last Save did, said while nothing is wrong.
    #[prop(optional, into)]
    done: Signal<Option<String>>,
    /// The line's test id: "form-errors" unless told.
    #[prop(optional)]
    testid: Option<&'static str>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let t = crate::i18n::use_texts();
    let lang = crate::i18n::use_lang();
    let notice = Signal::derive(move || {
        errors
            .with(|e| summary(e, lang.get()))
            .map(Outcome::Failed)
            .or_else(|| done.get().map(Outcome::Done))
    });
    let save_text = move || match &save_label {
        Some(label) => label.get(),
        None => t.get().common.save.into(),
    };
    view! {
        <NoticeLine notice testid=testid.unwrap_or("form-errors") />
        <div class="form-buttons">
            <button type="submit" class=if danger { "danger" } else { "primary" } data-testid=save_testid>{save_text}</button>
            {on_cancel.map(|cancel| view! {
                <button type="button" on:click=move |_| cancel.run(())>{move || t.get().common.cancel}</button>
            })}
            {children.map(|c| c())}
        </div>
    }
}
