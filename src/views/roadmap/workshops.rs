//! The workshops held: date, who came, what was decided. The bilan reads them back.

use leptos::prelude::*;
use symbiose_core::UserMessage;
use symbiose_core::edit::Command;
use symbiose_core::{ActorId, Date, Workshop, WorkshopId};

use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;

#[component]
pub fn Workshops() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let open = RwSignal::new(false);
    let title = RwSignal::new(String::new());
    let date = RwSignal::new(crate::files::today_iso());
    let chosen = RwSignal::new(Vec::<ActorId>::new());
    let others = RwSignal::new(String::new());
    let decisions = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let workshops = Memo::new(move |_| state.project.with(|p| p.workshops.clone()));
    let actors = Memo::new(move |_| {
        state.project.with(|p| {
            p.actors
                .iter()
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let tx = t.get_untracked();
        let Ok(day) = date.get_untracked().trim().parse::<Date>() else {
            return error.set(Some(tx.common.bad_date.to_string()));
        };
        if title.get_untracked().trim().is_empty() {
            return error.set(Some(tx.roadmap.title_required.to_string()));
        }
        let w = state.project.with_untracked(|p| Workshop {
            id: WorkshopId::next_free(p.workshops.iter().map(|w| &w.id)),
            title: title.get_untracked().trim().to_string(),
            date: Some(day),
            participants: chosen.get_untracked(),
            other_participants: others
                .get_untracked()
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            decisions: decisions
                .get_untracked()
                .lines()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            notes: String::new(),
        });
        match state.apply(Command::AddWorkshop(w)) {
            Ok(()) => {
                open.set(false);
                error.set(None);
                title.set(String::new());
                chosen.set(Vec::new());
                others.set(String::new());
                decisions.set(String::new());
            }
            Err(e) => error.set(Some(e.message_in(lang.get_untracked()))),
        }
    };
    let pick = move |ev: leptos::ev::Event| {
        let select: web_sys::HtmlSelectElement = event_target(&ev);
        let options = select.selected_options();
        chosen.set(
            (0..options.length())
                .filter_map(|i| options.item(i))
                .filter_map(|o| o.get_attribute("value"))
                .map(ActorId::new)
                .collect(),
        );
    };
    view! {
        <section class="workshops" data-testid="workshops">
            <h3>{move || t.get().roadmap.workshops_title}</h3>
            <Show when=move || workshops.with(Vec::is_empty)>
                <p class="empty">{move || t.get().roadmap.no_workshops}</p>
            </Show>
            <ul class="action-list">
                {move || workshops.get().into_iter().map(|w| view! {
                    <li class="action-item" data-testid="workshop-item">
                        <strong>{format!("{} — {}", w.date.map(|d| d.to_string()).unwrap_or_default(), w.title)}</strong>
                        <span class="action-meta">{format!("{} {} · {} {}", w.participants.len() + w.other_participants.len(), t.get().roadmap.participants_word, w.decisions.len(), t.get().roadmap.decisions_word)}</span>
                        {(!w.decisions.is_empty()).then(|| view! { <span class="action-meta">{w.decisions.join(" ; ")}</span> })}
                    </li>
                }).collect_view()}
            </ul>
            <Show when=move || open.get() fallback=move || view! {
                <button class="add-workshop" data-testid="add-workshop" on:click=move |_| open.set(true)>{move || t.get().roadmap.add_workshop}</button>
            }>
                <form class="action-form" data-testid="workshop-form" on:submit=save novalidate>
                    <div class="form-grid">
                        <label><span>{move || t.get().roadmap.f_workshop_title}</span>
                            <input type="text" data-testid="workshop-title" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) /></label>
                        <label><span>{move || t.get().common.f_date}</span>
                            <input type="text" data-testid="workshop-date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) /></label>
                    </div>
                    <label><span>{move || t.get().roadmap.f_participants}</span>
                        <select multiple size="8" data-testid="workshop-participants" on:change=pick>
                            {move || actors.get().into_iter().map(|(id, name)| view! { <option value=id.as_str().to_string()>{name}</option> }).collect_view()}
                        </select></label>
                    <label><span>{move || t.get().roadmap.f_others}</span>
                        <input type="text" data-testid="workshop-others" prop:value=move || others.get() on:input=move |ev| others.set(event_target_value(&ev)) /></label>
                    <label><span>{move || t.get().roadmap.f_decisions}</span>
                        <textarea data-testid="workshop-decisions" prop:value=move || decisions.get() on:input=move |ev| decisions.set(event_target_value(&ev))></textarea></label>
                    {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                    <div class="form-buttons">
                        <button type="submit" class="primary" data-testid="workshop-save">{move || t.get().common.save}</button>
                        <button type="button" on:click=move |_| open.set(false)>{move || t.get().common.cancel}</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}
