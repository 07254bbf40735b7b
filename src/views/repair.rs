//! Repair mode's panel: what keeps the open project from loading normally, each item with its
//! place, why, and a way to fix or remove it. Problems are derived from the project on every
//! edit (`validate`), so one disappears as soon as its record is fixed; unreadable parts are the
//! session's (`persist::session::Repair`) until put back or dropped.

use leptos::prelude::*;
use symbiose_core::UserMessage;
use symbiose_core::edit::Command;
use symbiose_core::format::repair::{Unreadable, reinsert};
use symbiose_core::validate::{Problem, rules::limits, validate};
use symbiose_core::{Project, Territory};

use crate::i18n::{counted, use_lang, use_texts};
use crate::persist::use_session;
use crate::route::{Page, Route, go};
use crate::state::{ProjectState, use_project};
use crate::views::controls::{NoticeLine, failure};

/// `actors[3].position` → (`actors`, Some(3)); `territory.notes` → (`territory`, None).
pub fn record_of(path: &str) -> (&str, Option<usize>) {
    let head = path.split('.').next().unwrap_or(path);
    match head.split_once('[') {
        Some((list, rest)) => (list, rest.trim_end_matches(']').parse().ok()),
        None => (head, None),
    }
}

/// The command that removes the record a problem is about, when it is a record of a list.
fn removal(p: &Project, list: &str, index: usize) -> Option<Command> {
    Some(match list {
        "actors" => Command::RemoveActor(p.actors.get(index)?.id.clone()),
        "flows" => Command::RemoveFlow(p.flows.get(index)?.id.clone()),
        "synergies" => Command::RemoveSynergy(p.synergies.get(index)?.id.clone()),
        "actions" => Command::RemoveAction(p.actions.get(index)?.id.clone()),
        "targets" if index < p.targets.len() => Command::RemoveTarget(index),
        "measurements" if index < p.measurements.len() => Command::RemoveMeasurement(index),
        "workshops" => Command::RemoveWorkshop(p.workshops.get(index)?.id.clone()),
        "activities" => Command::RemoveActivity(p.activities.get(index)?.id.clone()),
        _ => return None,
    })
}

/// What the record is called, so the user knows which one it is.
fn record_name(p: &Project, list: &str, index: usize) -> Option<String> {
    let short = |s: &str| s.chars().take(80).collect::<String>();
    Some(match list {
        "actors" => short(&p.actors.get(index)?.name),
        "flows" => short(&p.flows.get(index)?.label),
        "synergies" => short(&p.synergies.get(index)?.title),
        "actions" => short(&p.actions.get(index)?.title),
        "workshops" => short(&p.workshops.get(index)?.title),
        "activities" => {
            let a = p.activities.get(index)?;
            short(if a.title.is_empty() {
                a.id.as_str()
            } else {
                &a.title
            })
        }
        _ => return None,
    })
}

/// Goes where the record can be corrected: its company's sheet and form, or its page.
fn show_record(state: ProjectState, id: &str, p: &Project, list: &str, index: usize) {
    let company = match list {
        "actors" => p.actors.get(index).map(|a| a.id.clone()),
        "flows" => p
            .flows
            .get(index)
            .map(|f| f.actor.clone())
            .filter(|a| p.actor(a).is_some()),
        _ => None,
    };
    let page = match list {
        "synergies" => Page::Pipeline,
        "actions" | "workshops" | "activities" => Page::Roadmap,
        "territory" | "assumptions" => Page::Territory,
        "targets" | "measurements" => Page::Dashboard,
        _ => Page::Map,
    };
    go(Route::Project(id.to_string(), page));
    if let Some(company) = company {
        state.selected.set(Some(company));
        state.open_form.set(list == "actors");
    }
}

#[component]
pub fn RepairPanel() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let session = use_session();
    let state = use_project();
    let active = Memo::new(move |_| session.repair.with(Option::is_some));
    let problems = Memo::new(move |_| {
        if !active.get() {
            return Vec::new();
        }
        state.project.with(|p| validate(p).errors)
    });
    let unreadable = Memo::new(move |_| {
        session
            .repair
            .with(|r| r.as_ref().map(|r| r.unreadable.clone()).unwrap_or_default())
    });
    view! {
        <Show when=move || active.get()>
            <section class="banner problem repair" data-testid="repair-panel" role="region"
                aria-labelledby="repair-title">
                <h2 id="repair-title">{move || t.get().files.repair_title}</h2>
                <p>{move || t.get().files.repair_intro}</p>
                <p class="repair-counts" data-testid="repair-counts">
                    {move || {
                        let (t, lang) = (t.get(), lang.get());
                        format!("{} · {}",
                            counted(problems.with(Vec::len), lang, t.files.repair_problem_one, t.files.repair_problems),
                            counted(unreadable.with(Vec::len), lang, t.files.repair_unreadable_one, t.files.repair_unreadable))
                    }}
                </p>
                <ul class="repair-list">
                    <For each=move || problems.get().into_iter().enumerate()
                        key=|(i, p)| (*i, p.path.clone(), p.message.fr.clone()) let:item>
                        <ProblemRow problem=item.1 />
                    </For>
                    <For each=move || unreadable.get().into_iter().enumerate()
                        key=|(i, u)| (*i, u.path(), u.why.clone()) let:item>
                        <UnreadableRow index=item.0 part=item.1 />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn ProblemRow(problem: Problem) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let session = use_session();
    let state = use_project();
    let error = RwSignal::new(None::<String>);
    let path = problem.path.clone();
    let (list, index) = record_of(&path);
    let list = list.to_string();
    let name = index.and_then(|i| state.project.with_untracked(|p| record_name(p, &list, i)));
    let can_remove = index.is_some_and(|i| {
        state
            .project
            .with_untracked(|p| removal(p, &list, i).is_some())
    });
    let perimeter = path.starts_with("territory.perimeter");
    let assumption = path.starts_with("assumptions");
    let long_name = path == "name";
    let list = StoredValue::new(list);
    let remove = move |_| {
        let cmd = state
            .project
            .with_untracked(|p| index.and_then(|i| list.with_value(|l| removal(p, l, i))));
        if let Some(cmd) = cmd
            && let Err(e) = state.apply(cmd)
        {
            error.set(Some(e.message_in(lang.get_untracked())));
        }
    };
    let show = move |_| {
        let Some(id) = session.open_id.get_untracked() else {
            return;
        };
        state.project.with_untracked(|p| {
            list.with_value(|l| show_record(state, &id, p, l, index.unwrap_or(0)))
        });
    };
    let fix = move |cmd: Command| {
        if let Err(e) = state.apply(cmd) {
            error.set(Some(e.message_in(lang.get_untracked())));
        }
    };
    view! {
        <li class="repair-item" data-testid="repair-problem">
            // The record's own name first, as a facilitator knows it; then the place in words,
            // the path beside it for whoever mends the file in a text editor, and the problem.
            {name.map(|n| view! { <strong>"« "{n}" »"</strong> })}
            <span>{move || problem.to_string_in(lang.get())}</span>
            <span class="repair-buttons">
                <button data-testid="repair-show" on:click=show>{move || t.get().files.repair_show}</button>
                <Show when=move || can_remove>
                    <button class="danger" data-testid="repair-remove" on:click=remove>{move || t.get().files.repair_remove}</button>
                </Show>
                <Show when=move || perimeter>
                    <button data-testid="repair-clear-perimeter" on:click=move |_| {
                        let territory = state.project.with_untracked(|p| Territory {
                            perimeter: Vec::new(),
                            ..p.territory.clone()
                        });
                        fix(Command::SetTerritory(territory));
                    }>{move || t.get().files.repair_clear_perimeter}</button>
                </Show>
                <Show when=move || assumption>
                    <button data-testid="repair-reset-assumptions" on:click=move |_| {
                        fix(Command::SetAssumptions(Default::default()));
                    }>{move || t.get().files.repair_reset_assumptions}</button>
                </Show>
                <Show when=move || long_name>
                    <button data-testid="repair-shorten-name" on:click=move |_| {
                        let name = state.project.with_untracked(|p| p.name.chars().take(limits::NAME_CHARS).collect());
                        fix(Command::SetProjectName(name));
                    }>{move || t.get().files.repair_shorten_name}</button>
                </Show>
            </span>
            <NoticeLine notice=failure(error) />
        </li>
    }
}

#[component]
fn UnreadableRow(index: usize, part: Unreadable) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let session = use_session();
    let state = use_project();
    let editing = RwSignal::new(false);
    let pretty = serde_json::to_string_pretty(&part.raw).unwrap_or_default();
    let text = RwSignal::new(pretty.clone());
    let error = RwSignal::new(None::<String>);
    let part = StoredValue::new(part);
    let put_back = move |_| {
        let cmd = state.project.with_untracked(|p| {
            part.with_value(|u| reinsert(p, &u.key, u.index, &text.get_untracked()))
        });
        let lang = lang.get_untracked();
        match cmd
            .map_err(|why| why.message_in(lang))
            .map(|c| state.apply(c).map_err(|e| e.message_in(lang)))
        {
            Ok(Ok(())) => session.drop_unreadable(index),
            Ok(Err(e)) | Err(e) => error.set(Some(e)),
        }
    };
    let path = part.with_value(Unreadable::path);
    let name = move || part.with_value(|u| u.name_in(lang.get()));
    let why = part.with_value(|u| u.why.clone());
    // Only the parts the model knows can be put back; an unknown field can only be dropped.
    let known = part.with_value(|u| {
        matches!(
            u.key.as_str(),
            "name"
                | "territory"
                | "assumptions"
                | "actors"
                | "flows"
                | "synergies"
                | "actions"
                | "targets"
                | "measurements"
                | "workshops"
                | "activities"
        )
    });
    view! {
        <li class="repair-item" data-testid="repair-unreadable">
            <strong>{name}</strong>
            <code>{path}</code>
            <span>{move || why.message_in(lang.get())}</span>
            <span class="repair-buttons">
                <Show when=move || known>
                    <button data-testid="repair-edit" on:click=move |_| editing.update(|e| *e = !*e)>
                        {move || if editing.get() { t.get().files.repair_hide } else { t.get().files.repair_edit }}
                    </button>
                </Show>
                <button class="danger" data-testid="repair-drop" on:click=move |_| session.drop_unreadable(index)>
                    {move || t.get().files.repair_drop}
                </button>
            </span>
            <Show when=move || editing.get() fallback=move || view! {
                <details><summary>{move || t.get().files.repair_raw}</summary><pre class="repair-raw">{pretty.clone()}</pre></details>
            }>
                <textarea class="repair-raw" data-testid="repair-text" rows="8" prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                <button class="primary" data-testid="repair-put-back" on:click=put_back>{move || t.get().files.repair_apply}</button>
            </Show>
            <NoticeLine notice=failure(error) testid="repair-error" />
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_path_names_its_record() {
        assert_eq!(record_of("actors[3].position"), ("actors", Some(3)));
        assert_eq!(record_of("flows[12]"), ("flows", Some(12)));
        assert_eq!(record_of("territory.perimeter[2]"), ("territory", None));
        assert_eq!(record_of("name"), ("name", None));
    }

    #[test]
    fn each_list_record_can_be_removed_and_named() {
        let p = symbiose_core::demo::build();
        for list in symbiose_core::format::repair::LISTS {
            let cmd = removal(&p, list, 0).unwrap_or_else(|| panic!("{list}"));
            let mut q = p.clone();
            symbiose_core::edit::apply(&mut q, cmd).unwrap();
        }
        assert!(removal(&p, "actors", 10_000).is_none());
        assert!(removal(&p, "territory", 0).is_none());
        assert_eq!(
            record_name(&p, "actors", 0).as_deref(),
            Some(p.actors[0].name.as_str())
        );
    }
}
