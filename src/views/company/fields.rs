//! Small form controls shared by the company and flow forms: a labelled input with its inline
//! error, and a select over a closed enum.

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

/// A select over `options`; the first entry may be "none" when `none_label` is given.
#[component]
pub fn EnumSelect<T>(
    #[prop(into)] label: Signal<&'static str>,
    testid: &'static str,
    /// The choices with their labels, recomputed when the language changes.
    #[prop(into)]
    options: Signal<Vec<(T, String)>>,
    #[prop(into)] value: Signal<Option<T>>,
    on_change: Callback<Option<T>>,
    #[prop(optional, into)] none_label: Option<Signal<&'static str>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let id = format!("field-{testid}");
    let has_none = none_label.is_some();
    let change = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        let picked = raw
            .parse::<usize>()
            .ok()
            .and_then(|i| options.with_untracked(|o| o.get(i).map(|(x, _)| *x)));
        on_change.run(picked);
    };
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <select id=id data-testid=testid on:change=change>
                {move || has_none.then(|| view! {
                    <option value="none" prop:selected=move || value.get().is_none()>
                        {move || none_label.map(|l| l.get()).unwrap_or_default()}
                    </option>
                })}
                {move || options.get().into_iter().enumerate().map(|(i, (x, text))| view! {
                    <option value=i.to_string() prop:selected=move || value.get() == Some(x)>{text}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

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
