//! The one select of the app: a labelled choice among options, each an enum variant (fed by the
//! core's `VARIANTS` list) or any value with its label (a synergy, a radius, a NAF section).

use leptos::prelude::*;

/// A select over `options`, with a first "none" entry when `none_label` is given (its value is
/// empty, and choosing it gives `None`).
///
/// Each option's `value` attribute is its position in `options`, unless `key` names it: forms
/// whose options are enum variants need no more, while a choice known by a name (a synergy id,
/// the track "pilot", a section letter) keeps that name, which the end-to-end tests pick by.
#[component]
pub fn SelectField<T>(
    #[prop(into)] label: TextProp,
    testid: &'static str,
    /// The choices with their labels, recomputed when the language changes.
    #[prop(into)]
    options: Signal<Vec<(T, String)>>,
    #[prop(into)] value: Signal<Option<T>>,
    on_change: Callback<Option<T>>,
    #[prop(optional, into)] none_label: Option<TextProp>,
    #[prop(optional)] key: Option<fn(&T) -> String>,
    /// The label is for assistive tools only, where the surroundings say what is chosen.
    #[prop(optional)]
    hide_label: bool,
    /// The wrapper's class: "field" (a form's field) unless told ("filter-select", a bar's).
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let id = format!("field-{testid}");
    let key_of = move |i: usize, x: &T| key.map_or_else(|| i.to_string(), |k| k(x));
    let change = move |ev: leptos::ev::Event| {
        let raw = event_target_value(&ev);
        let picked = options.with_untracked(|o| {
            o.iter()
                .enumerate()
                .find(|(i, (x, _))| key_of(*i, x) == raw)
                .map(|(_, (x, _))| x.clone())
        });
        on_change.run(picked);
    };
    view! {
        <div class=class.unwrap_or("field")>
            <label for=id.clone() class=hide_label.then_some("visually-hidden")>{move || label.get()}</label>
            <select id=id data-testid=testid on:change=change>
                {none_label.map(|none| view! {
                    <option value="" prop:selected=move || value.with(Option::is_none)>{move || none.get()}</option>
                })}
                {move || options.get().into_iter().enumerate().map(|(i, (x, text))| {
                    let key = key_of(i, &x);
                    view! {
                        <option value=key prop:selected=move || value.with(|v| v.as_ref() == Some(&x))>{text}</option>
                    }
                }).collect_view()}
            </select>
        </div>
    }
}

/// The options of a closed list (an enum's `VARIANTS`, or a hand-ordered `ALL`), each labelled
/// by `label`; when `label` reads the language, the options follow it.
pub fn choices<T>(
    items: &'static [T],
    label: impl Fn(T) -> String + Send + Sync + 'static,
) -> Signal<Vec<(T, String)>>
where
    T: Copy + Send + Sync + 'static,
{
    Signal::derive(move || items.iter().map(|x| (*x, label(*x))).collect())
}
