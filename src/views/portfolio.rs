//! The funder's portfolio, on the home view: choose projects of this browser and add project
//! files, then see their follow-up indicators side by side with the sum, and their aids
//! consolidated (`symbiose_core::portfolio`); export it as one CSV sheet. Files added here are
//! read, never stored: nothing changes in this browser, nothing leaves it.

use leptos::prelude::*;
use symbiose_core::charts::AidAmounts;
use symbiose_core::factors::Factors;
use symbiose_core::numbers::{Precision::Reading, number};
use symbiose_core::portfolio::{not_summed, portfolio};
use symbiose_core::{Project, UserMessage, format};

use crate::files;
use crate::i18n::{use_lang, use_texts};
use crate::persist::store;
use crate::views::controls::{FilePicker, NoticeLine, failure};

#[component]
pub fn Portfolio(#[prop(into)] stored: Signal<Vec<(String, String)>>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    // Ids of the stored projects ticked, and files added (name, project), in the order chosen.
    let ticked = RwSignal::new(Vec::<String>::new());
    let added = RwSignal::new(Vec::<(String, Project)>::new());
    let error = RwSignal::new(None::<String>);
    let chosen = Memo::new(move |_| {
        let mut out: Vec<(String, Project)> = Vec::new();
        for id in ticked.get() {
            if let Some(Ok((_, text))) = store::read_file(&id)
                && let Ok(loaded) = format::load_project(&text)
            {
                out.push((loaded.value.name.clone(), loaded.value));
            }
        }
        out.extend(added.get());
        out
    });
    let table = Memo::new(move |_| chosen.with(|c| portfolio(c, Factors::bundled())));
    let on_file = move |file: web_sys::File| {
        let lang = lang.get_untracked();
        let name = file.name();
        leptos::task::spawn_local(async move {
            let read = files::read_utf8(&file)
                .await
                .map_err(|e| e.message_in(lang))
                .and_then(|text| format::load_project(&text).map_err(|e| e.message_in(lang)));
            match read {
                Ok(loaded) => {
                    error.set(None);
                    let label = if loaded.value.name.trim().is_empty() {
                        name
                    } else {
                        loaded.value.name.clone()
                    };
                    added.update(|a| a.push((label, loaded.value)));
                }
                Err(message) => error.set(Some(format!("{name} : {message}"))),
            }
        });
    };
    let export = move |_| {
        let text = table
            .with_untracked(|pf| symbiose_core::export::csv::portfolio(pf, lang.get_untracked()));
        let file = format!("portefeuille-{}.csv", files::today_iso());
        files::download(&file, "text/csv;charset=utf-8", &text).ok();
    };
    let figure =
        move |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| number(v, lang.get(), Reading));
    let euros = move |v: f64| format!("{} €", number(v, lang.get(), Reading));
    let aid_cells = move |a: &AidAmounts| {
        [a.planned, a.granted, a.paid]
            .into_iter()
            .map(|v| view! { <td class="num">{euros(v)}</td> })
            .collect_view()
    };
    view! {
        <details class="portfolio" data-testid="portfolio">
            <summary>{move || t.get().projects.portfolio_title}</summary>
            <p class="home-intro">{move || t.get().projects.portfolio_intro}</p>
            <ul class="portfolio-choice">
                {move || stored.get().into_iter().map(|(id, name)| {
                    let key = id.clone();
                    view! {
                        <li><label>
                            <input type="checkbox" data-testid="portfolio-pick"
                                prop:checked=move || ticked.with(|t| t.contains(&key))
                                on:change={
                                    let id = id.clone();
                                    move |ev| {
                                        let on = event_target_checked(&ev);
                                        ticked.update(|t| {
                                            t.retain(|x| x != &id);
                                            if on { t.push(id.clone()); }
                                        });
                                    }
                                } />
                            {name}
                        </label></li>
                    }
                }).collect_view()}
                {move || added.get().into_iter().map(|(name, _)| view! {
                    <li class="portfolio-file">{format!("{name} ({})", t.get().projects.portfolio_from_file)}</li>
                }).collect_view()}
            </ul>
            <div class="home-actions">
                <FilePicker label=Signal::derive(move || t.get().projects.portfolio_add_file.to_string())
                    accept=".json,application/json" button_testid="portfolio-add-file" input_testid="portfolio-input" on_file />
                <button data-testid="portfolio-export" disabled=move || chosen.with(Vec::is_empty) on:click=export>
                    {move || t.get().projects.portfolio_export}
                </button>
            </div>
            <NoticeLine notice=failure(error) />
            <Show when=move || !chosen.with(Vec::is_empty)
                fallback=move || view! { <p class="empty">{move || t.get().projects.portfolio_empty}</p> }>
                <div class="portfolio-scroll">
                    <table class="programme" data-testid="portfolio-table">
                        <thead><tr>
                            <th>{move || t.get().projects.portfolio_indicator}</th>
                            {move || table.with(|pf| pf.territories.iter().map(|n| view! { <th>{n.clone()}</th> }).collect_view())}
                            <th>{move || t.get().projects.portfolio_total}</th>
                        </tr></thead>
                        <tbody>
                            {move || table.with(|pf| pf.rows.iter().map(|r| {
                                let total = if r.code == "maturity" { not_summed(lang.get()).to_string() } else { figure(r.total) };
                                view! {
                                    <tr data-code=r.code>
                                        <td>{format!("{} ({})", r.label.get(lang.get()), r.unit.get(lang.get()))}</td>
                                        {r.values.iter().map(|v| view! { <td class="num">{figure(*v)}</td> }).collect_view()}
                                        <td class="num"><strong>{total}</strong></td>
                                    </tr>
                                }
                            }).collect_view())}
                        </tbody>
                    </table>
                    <table class="programme" data-testid="portfolio-aids">
                        <caption>{move || t.get().projects.portfolio_aids}</caption>
                        <thead><tr>
                            <th>{move || t.get().roadmap.col_funder}</th>
                            <th>{move || t.get().roadmap.col_planned}</th>
                            <th>{move || t.get().roadmap.col_granted}</th>
                            <th>{move || t.get().roadmap.col_paid}</th>
                        </tr></thead>
                        <tbody>
                            {move || table.with(|pf| pf.aids.by_funder.iter().filter(|(_, a)| !a.is_empty()).map(|(s, a)| view! {
                                <tr data-funder=format!("{s:?}")><td>{s.label(lang.get())}</td>{aid_cells(a)}</tr>
                            }).collect_view())}
                            <tr data-testid="portfolio-aids-total">
                                <th scope="row">{move || t.get().roadmap.col_total}</th>
                                {move || table.with(|pf| aid_cells(&pf.aids.total))}
                            </tr>
                        </tbody>
                    </table>
                </div>
            </Show>
        </details>
    }
}
