//! The end of a form: what went wrong, then its buttons.

use leptos::prelude::*;

/// The end of an entity form: the form-wide error line, Save, Cancel, and any extra buttons.
#[component]
pub fn FormFooter(
    errors: RwSignal<Vec<crate::forms::FieldError>>,
    save_testid: &'static str,
    on_cancel: Callback<()>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let t = crate::i18n::use_texts();
    let lang = crate::i18n::use_lang();
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <p class="error" role="alert" data-testid="form-errors">
                {move || t.get().company.fix_errors}" "
                {move || errors.with(|e| crate::forms::error_for(e, "form", lang.get()))}
            </p>
        </Show>
        <div class="form-buttons">
            <button type="submit" class="primary" data-testid=save_testid>{move || t.get().common.save}</button>
            <button type="button" on:click=move |_| on_cancel.run(())>{move || t.get().common.cancel}</button>
            {children.map(|c| c())}
        </div>
    }
}
