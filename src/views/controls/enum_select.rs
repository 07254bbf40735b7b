//! A labelled select over a closed list of choices.

use leptos::prelude::*;

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
