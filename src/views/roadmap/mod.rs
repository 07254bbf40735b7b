//! The roadmap (feuille de route): the programme's actions, the investment programme by year
//! and the timeline, all derived from the same actions (`charts::investment_by_year`, `gantt`).

mod form;
mod programme;
mod workshops;

use leptos::prelude::*;
use symbiose_core::charts::{SOURCES, gantt, investment_by_year};
use symbiose_core::numbers::{Precision::Reading, number};
use symbiose_core::{ActionId, RoadmapAction};

use crate::detection::today;
use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;
use crate::views::dashboard::Chart;
use form::ActionForm;

#[component]
pub fn Roadmap() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    // The action being edited, or a new one not yet in the project.
    let editing = RwSignal::new(None::<(RoadmapAction, bool)>);
    let actions = Memo::new(move |_| state.project.with(|p| p.actions.clone()));
    let add = move |_| {
        let action = state.project.with_untracked(|p| RoadmapAction {
            id: ActionId::next_free(p.actions.iter().map(|a| &a.id)),
            title: t.get_untracked().roadmap.new_action_title.to_string(),
            phase: p.territory.phase,
            ..Default::default()
        });
        editing.set(Some((action, true)));
    };
    let timeline = Signal::derive(move || actions.with(|a| gantt(a, lang.get(), Some(today()))));
    let programme = Memo::new(move |_| actions.with(|a| investment_by_year(a)));
    let euros = move |v: f64| format!("{} €", number(v.round(), lang.get(), Reading));
    view! {
        <main class="page roadmap" data-testid="roadmap-page">
            <h2>{move || t.get().common.page_roadmap}</h2>
            <p class="page-intro">{move || t.get().roadmap.roadmap_page_intro}</p>
            <programme::ProgrammeSettings />
            <button class="primary" data-testid="add-action" on:click=add>{move || t.get().roadmap.add_action}</button>
            {move || editing.get().map(|(action, is_new)| view! {
                <ActionForm action is_new on_done=Callback::new(move |_| editing.set(None)) />
            })}
            <Show when=move || actions.with(Vec::is_empty)>
                <p class="empty">{move || t.get().roadmap.no_actions}</p>
            </Show>
            <ul class="action-list" data-testid="action-list">
                {move || {
                    let (t, lang) = (t.get(), lang.get());
                    actions.get().into_iter().map(|a| {
                        let dates = format!(
                            "{} → {}",
                            a.start.map(|d| d.to_string()).unwrap_or_else(|| "?".into()),
                            a.end.map(|d| d.to_string()).unwrap_or_else(|| "?".into())
                        );
                        let money = a.investment_eur.map(|v| format!(" · {} {}", t.roadmap.col_investment, euros(v))).unwrap_or_default();
                        let edit = a.clone();
                        view! {
                            <li class="action-item" data-testid="action-item">
                                <button class="link action-title" on:click=move |_| editing.set(Some((edit.clone(), false)))>{a.title.clone()}</button>
                                <span class="action-meta">
                                    {format!("{} {} · {} · {} · {}{money}", t.roadmap.phase_word, a.phase.number(), a.status.label(lang), a.owner, dates)}
                                </span>
                                <span class="action-meta">{a.field.label(lang)}</span>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <Chart svg=timeline testid="chart-gantt" />
            <workshops::Workshops />
            <h3>{move || t.get().roadmap.programme_title}</h3>
            <table class="programme" data-testid="programme-table">
                <thead><tr>
                    <th>{move || t.get().roadmap.col_year}</th>
                    <th>{move || t.get().roadmap.col_investment}</th>
                    <th>{move || t.get().roadmap.col_operating}</th>
                    {SOURCES.iter().map(|s| view! { <th>{move || s.label(lang.get())}</th> }).collect_view()}
                    <th>{move || t.get().roadmap.col_remaining}</th>
                </tr></thead>
                <tbody>
                    {move || programme.get().0.into_iter().map(|r| view! {
                        <tr>
                            <td>{r.year}</td>
                            <td class="num">{euros(r.investment)}</td>
                            <td class="num">{euros(r.operating)}</td>
                            {r.funding.iter().map(|(_, v)| view! { <td class="num">{euros(*v)}</td> }).collect_view()}
                            <td class="num"><strong>{euros(r.remaining)}</strong></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="page-intro">{move || t.get().roadmap.programme_rule}</p>
            {move || {
                let undated = programme.with(|p| p.1.clone());
                (!undated.is_empty()).then(|| view! { <p class="hint">{format!("{} {}", t.get().roadmap.undated_actions, undated.join(", "))}</p> })
            }}
        </main>
    }
}
