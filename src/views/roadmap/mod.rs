//! The roadmap (feuille de route): the programme's actions, the investment programme by year
//! and the timeline, all derived from the same actions (`charts::investment_by_year`, `gantt`).
//! Every remaining cost is the core's one rule (`RoadmapAction::money`), so the figures here
//! are the deliverables' and the CSV export's; postponed and cancelled actions are listed
//! apart, outside the programme's totals.

mod activities;
mod aids;
mod form;
mod funding;
mod programme;
pub mod workshops;

use leptos::prelude::*;
use symbiose_core::charts::{Amounts, SOURCES, by_year_rule, gantt, investment_by_year};
use symbiose_core::numbers::{Precision::Reading, number};
use symbiose_core::{ActionId, ActionMoney, RoadmapAction};

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
    let track = Memo::new(move |_| state.project.with(|p| p.territory.track));
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
    // A programme line's cells after its label: investment, operating, funding by source and
    // the remaining cost, in bold (the whole line for the total).
    let amounts = move |r: &Amounts, total: bool| {
        let cell = move |v: f64, strong: bool| {
            if strong {
                view! { <td class="num"><strong>{euros(v)}</strong></td> }.into_any()
            } else {
                view! { <td class="num">{euros(v)}</td> }.into_any()
            }
        };
        let mut cells = vec![cell(r.investment, total), cell(r.operating, total)];
        cells.extend(r.funding.iter().map(|(_, v)| cell(*v, total)));
        cells.push(cell(r.remaining, true));
        cells
    };
    view! {
        <main class="page roadmap" data-testid="roadmap-page">
            <h2>{move || t.get().common.page_roadmap}</h2>
            <p class="page-intro">{move || t.get().roadmap.roadmap_page_intro}</p>
            <programme::ProgrammeSettings />
            <div class="roadmap-actions-bar">
                <button class="primary" data-testid="add-action" on:click=add>{move || t.get().roadmap.add_action}</button>
                <crate::views::table_import::TableImport kind=crate::views::table_import::ImportKind::Actions />
            </div>
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
                            a.start.map(|d| d.in_lang(lang)).unwrap_or_else(|| "?".into()),
                            a.end.map(|d| d.in_lang(lang)).unwrap_or_else(|| "?".into())
                        );
                        let money = a.investment_eur.map(|v| format!(" · {} {}", t.roadmap.col_investment, euros(v))).unwrap_or_default();
                        let remaining = format!("{} {}", t.roadmap.col_remaining, a.remaining_text(lang));
                        let aids = (!a.funding.is_empty()).then(|| {
                            let rate = a.aid_rate().map(|r| format!(" ({} %)", number(r * 100.0, lang, Reading))).unwrap_or_default();
                            format!("{} {}{rate} — {}", t.roadmap.aid_word, euros(a.aid()), a.funding_text(lang))
                        });
                        let outside_track = (matches!(a.status, symbiose_core::ActionStatus::Planned | symbiose_core::ActionStatus::InProgress) && !track.get().funds(a.phase))
                            .then(|| format!("{} {}.", t.roadmap.phase_outside_track, a.phase.number()));
                        let edit = a.clone();
                        view! {
                            <li class="action-item" data-testid="action-item">
                                <button class="link action-title" on:click=move |_| editing.set(Some((edit.clone(), false)))>{a.title.clone()}</button>
                                <span class="action-meta">
                                    {format!("{} {} · {} · {} · {}{money}", t.roadmap.phase_word, a.phase.number(), a.status.label(lang), a.owner, dates)}
                                </span>
                                <span class="action-meta">{a.field.label(lang)}</span>
                                {(!a.origin.is_empty()).then(|| view! {
                                    <span class="action-meta" data-testid="action-origin">{format!("{} {}", t.roadmap.origin_word, a.origin)}</span>
                                })}
                                {aids.map(|aids| view! { <span class="action-meta" data-testid="action-aids">{aids}</span> })}
                                <span class="action-meta" data-testid="action-remaining">{remaining}</span>
                                {outside_track.map(|w| view! { <span class="action-meta hint" data-testid="action-outside-track">{w}</span> })}
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <Chart svg=timeline testid="chart-gantt" />
            <workshops::Workshops />
            <activities::ActivityLog />
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
                    {move || programme.with(|p| p.rows.iter().map(|r| view! {
                        <tr>
                            <td>{r.year}</td>
                            {amounts(&r.amounts, false)}
                        </tr>
                    }).collect_view())}
                    <tr data-testid="programme-total">
                        <th scope="row">{move || t.get().roadmap.col_total}</th>
                        {move || programme.with(|p| amounts(&p.total, true))}
                    </tr>
                </tbody>
            </table>
            <p class="page-intro">{move || format!("{} {}", t.get().roadmap.rule_word, by_year_rule(lang.get()))}</p>
            <p class="page-intro">{move || ActionMoney::rule(lang.get())}</p>
            {move || {
                let t = t.get();
                programme.with(|p| {
                    let beyond: Vec<String> = p
                        .beyond_cost
                        .iter()
                        .map(|(title, v)| format!("{title} ({})", euros(*v)))
                        .collect();
                    [
                        (t.roadmap.unpriced_actions, p.unpriced.clone()),
                        (t.roadmap.undated_actions, p.undated.clone()),
                        (t.roadmap.beyond_cost, beyond),
                    ]
                    .into_iter()
                    .filter(|(_, titles)| !titles.is_empty())
                    .map(|(what, titles)| view! { <p class="hint">{format!("{what} {}", titles.join(", "))}</p> })
                    .collect_view()
                })
            }}
            <aids::AidFollowUp />
            <Show when=move || programme.with(|p| !p.outside.is_empty())>
                <h3>{move || t.get().roadmap.outside_title}</h3>
                <table class="programme" data-testid="outside-table">
                    <thead><tr>
                        <th>{move || t.get().roadmap.col_action}</th>
                        <th>{move || t.get().roadmap.col_status}</th>
                        <th>{move || t.get().roadmap.col_investment}</th>
                        <th>{move || t.get().roadmap.col_operating}</th>
                        <th>{move || t.get().roadmap.col_funding}</th>
                        <th>{move || t.get().roadmap.col_remaining}</th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let lang = lang.get();
                            programme.with(|p| p.outside.iter().map(|a| view! {
                                <tr>
                                    <td>{a.title.clone()}</td>
                                    <td>{a.status.label(lang)}</td>
                                    <td class="num">{a.investment_eur.map_or("—".to_string(), euros)}</td>
                                    <td class="num">{a.operating_text(lang).unwrap_or_else(|| "—".into())}</td>
                                    <td>{a.funding_text(lang)}</td>
                                    <td class="num">{a.money().remaining_text(lang)}</td>
                                </tr>
                            }).collect_view())
                        }}
                    </tbody>
                </table>
            </Show>
        </main>
    }
}
