//! Several companies of the project chosen at once (those at a workshop, those a log entry
//! names): the one multiple choice of the app, so a plain `<select multiple>` rather than
//! `SelectField`, which picks one value.

use leptos::prelude::*;
use symbiose_core::ActorId;

use crate::state::use_project;

#[component]
pub fn CompaniesField(
    #[prop(into)] label: TextProp,
    testid: &'static str,
    #[prop(into)] chosen: Signal<Vec<ActorId>>,
    on_change: Callback<Vec<ActorId>>,
    /// Rows shown before scrolling.
    size: u32,
) -> impl IntoView {
    let state = use_project();
    let id = format!("field-{testid}");
    let names = Memo::new(move |_| {
        state.project.with(|p| {
            p.actors
                .iter()
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let pick = move |ev: leptos::ev::Event| {
        let select: web_sys::HtmlSelectElement = event_target(&ev);
        let options = select.selected_options();
        let picked = (0..options.length())
            .filter_map(|i| options.item(i))
            .filter_map(|o| o.get_attribute("value"))
            .map(ActorId::new)
            .collect();
        on_change.run(picked);
    };
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <select multiple size=size id=id data-testid=testid on:change=pick>
                {move || names.get().into_iter().map(|(id, name)| {
                    let this = id.clone();
                    view! {
                        <option value=id.as_str().to_string()
                            prop:selected=move || chosen.with(|c| c.contains(&this))>{name}</option>
                    }
                }).collect_view()}
            </select>
        </div>
    }
}
