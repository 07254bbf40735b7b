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
    // The stored projects ticked (id, name, project: read from storage once, when ticked), and
    // the files added (name, project), in the order chosen.
    let ticked = RwSignal::new(Vec::<(String, String, Project)>::new());
    let added = RwSignal::new(Vec::<(String, Project)>::new());
    let error = RwSignal::new(None::<String>);
    let chosen = Signal::derive(move || {
        let mut out: Vec<(String, Project)> = ticked.with(|t| {
            t.iter()
                .map(|(_, name, p)| (name.clone(), p.clone()))
                .collect()
        });
        out.extend(added.get());
        out
    });
    let tick = move |id: String, on: bool| {
        ticked.update(|t| t.retain(|(x, _, _)| x != &id));
        if !on {
            return;
        }
        let lang = lang.get_untracked();
        match store::read_file(&id).map(|read| {
            read.map_err(|e| e.message_in(lang))
                .and_then(|(_, text)| format::load_project(&text).map_err(|e| e.message_in(lang)))
        }) {
            Some(Ok(loaded)) => {
                error.set(None);
                let name = loaded.value.name.clone();
                ticked.update(|t| t.push((id, name, loaded.value)));
            }
            Some(Err(message)) => error.set(Some(message)),
            None => {}
        }
    };
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
                                prop:checked=move || ticked.with(|t| t.iter().any(|(x, _, _)| x == &key))
                                on:change={
                                    let id = id.clone();
                                    move |ev| tick(id.clone(), event_target_checked(&ev))
                                } />
                            {name}
                        </label></li>
                    }
                }).collect_view()}
                // A file added by mistake leaves the comparison as it came, by its own button.
                {move || added.get().into_iter().enumerate().map(|(i, (name, _))| view! {
                    <li class="portfolio-file" data-testid="portfolio-file">
                        <span>{format!("{name} ({})", t.get().projects.portfolio_from_file)}</span>
                        <button data-testid="portfolio-remove-file"
                            title=move || t.get().projects.portfolio_remove_file_hint
                            on:click=move |_| added.update(|a| { if i < a.len() { a.remove(i); } })>
                            {move || t.get().projects.portfolio_remove_file}
                        </button>
                    </li>
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
