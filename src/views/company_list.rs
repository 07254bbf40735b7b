//! The side panel: the companies of the zone, searchable, in step with the map's selection.

use leptos::prelude::*;
use symbiose_core::refdata::text::fold;

use symbiose_core::edit::Command;
use symbiose_core::numbers::{Precision::Reading, number};
use symbiose_core::{Actor, ActorId, Position, geo};

use crate::i18n::{use_lang, use_texts};
use crate::notice::Notice;
use crate::palette::section_colour;
use crate::state::use_project;
use crate::summary::ActorSummary;

/// Rows drawn at once. Past a few hundred, a list is searched, not scrolled, and drawing 2,000
/// rows costs a noticeable pause on every change.
const ROWS: usize = 200;

#[component]
pub fn CompanyList(summaries: Memo<Vec<ActorSummary>>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let session = crate::persist::use_session();
    let state = use_project();
    let ui = crate::ui::use_ui();
    // A new company starts in the middle of the zone, ready to be named and placed.
    let add = move |_| {
        let actor = state.project.with_untracked(|p| {
            let centre = geo::bounds(p.actors.iter().filter_map(|a| a.position))
                .map(|(sw, ne)| Position::new((sw.lat + ne.lat) / 2.0, (sw.lon + ne.lon) / 2.0));
            Actor {
                id: ActorId::next_free(p.actors.iter().map(|a| &a.id)),
                name: t.get_untracked().common.new_company_name.to_string(),
                position: centre,
                ..Default::default()
            }
        });
        let id = actor.id.clone();
        match state.apply(Command::AddActor(actor)) {
            Ok(()) => {
                state.open_form.set(true);
                state.selected.set(Some(id));
            }
            Err(e) => session.notice.set(Some(Notice::error(&e))),
        }
    };
    let query = RwSignal::new(String::new());
    let shown = Memo::new(move |_| {
        let q = fold(&query.get());
        summaries.with(|all| {
            all.iter()
                .filter(|s| s.matches(&q))
                .cloned()
                .collect::<Vec<_>>()
        })
    });

    view! {
        <aside class="company-panel" data-testid="company-panel">
            <h2>
                {move || t.get().workspace.companies}
                <span class="count" data-testid="company-count">
                    // Grouped as every figure is ("39 446"): the projected count is read aloud.
                    {move || format!(" ({})", number(shown.with(Vec::len) as f64, lang.get(), Reading))}
                </span>
            </h2>
            <div class="add-row">
                <button class="add-company" data-testid="add-company" on:click=add>{move || t.get().workspace.add_company}</button>
                <button class="add-company" data-testid="add-on-map" aria-pressed=move || ui.place_new.get().to_string()
                    on:click=move |_| {
                        let on = !ui.place_new.get_untracked();
                        ui.place_new.set(on);
                        state.picking.set(on);
                    }>{move || t.get().workspace.add_on_map}</button>
            </div>
            <crate::views::csv_import::CsvImport />
            <crate::views::table_import::TableImport kind=crate::views::table_import::ImportKind::Flows />
            <input type="search" class="company-search" data-testid="company-search"
                placeholder=move || t.get().workspace.search_companies
                aria-label=move || t.get().workspace.search_companies
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev)) />
            <Show when=move || shown.with(Vec::is_empty)>
                <p class="empty">{move || t.get().workspace.no_company_matches}</p>
            </Show>
            <ul class="company-list" data-testid="company-list">
                // Keyed by content: a row whose company changed (an edit, an undo) is drawn again.
                <For each=move || shown.with(|all| all.iter().take(ROWS).cloned().collect::<Vec<_>>())
                    key=|s| format!("{s:?}") let:s>
                    <CompanyItem summary=s />
                </For>
            </ul>
            {move || {
                let more = shown.with(Vec::len).saturating_sub(ROWS);
                (more > 0).then(|| view! {
                    <p class="empty" data-testid="list-more">{format!("… {} {}", number(more as f64, lang.get(), Reading), t.get().workspace.list_more)}</p>
                })
            }}
        </aside>
    }
}

#[component]
fn CompanyItem(summary: ActorSummary) -> impl IntoView {
    let state = use_project();
    let t = use_texts();
    let id = summary.id.clone();
    let is_selected = Memo::new({
        let id = id.clone();
        move |_| state.selected.with(|s| s.as_ref() == Some(&id))
    });
    let select = move |_| state.selected.set(Some(id.clone()));
    let colour = section_colour(summary.section);
    let activity = summary.activity.clone().map(|(code, label)| {
        if label.is_empty() {
            code
        } else {
            format!("{code} · {label}")
        }
    });
    let n = summary.flow_count();
    let has_position = summary.position.is_some();
    view! {
        <li>
            <button class="company-item" class:selected=is_selected data-testid="company-item"
                aria-pressed=move || is_selected.get().to_string() on:click=select>
                <span class="swatch" style:background-color=colour aria-hidden="true"></span>
                <span class="company-text">
                    <span class="company-name">{summary.name.clone()}</span>
                    <span class="company-activity">
                        {move || activity.clone().unwrap_or_else(|| t.get().workspace.activity_unknown.to_string())}
                    </span>
                    <span class="company-flows">
                        {move || format!("{n} {}", if n == 1 { t.get().workspace.flow_count_one } else { t.get().workspace.flow_count_many })}
                        {move || (!has_position).then(|| format!(" · {}", t.get().workspace.no_position))}
                    </span>
                </span>
            </button>
        </li>
    }
}
