//! The message under one field: what is wrong with it, or a warning about it.

use leptos::prelude::*;

use crate::forms::{FieldError, error_for};

/// Drawn only while there is a message, so a form holds no empty message elements. `id` is what
/// the field's `aria-describedby` names: a screen reader reads the message with its field. It is
/// not an alert itself: after Save, the form's summary (`FormFooter`) is the one announcement.
#[component]
pub fn FieldMessage(id: String, #[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message
            .get()
            .map(|m| view! { <p class="field-error" id=id.clone()>{m}</p> })
    }
}

/// The message of `field` among a form's errors, in the current language.
pub fn error_of(errors: RwSignal<Vec<FieldError>>, field: &'static str) -> Signal<Option<String>> {
    let lang = crate::i18n::use_lang();
    Signal::derive(move || errors.with(|e| error_for(e, field, lang.get())))
}
