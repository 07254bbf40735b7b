//! The synergy pipeline: one column per stage, a card per synergy. Cards move by drag and drop,
//! by their buttons, or from the keyboard (← →, A to abandon, Enter to edit); every move is a
//! dated `SetStage` command, so it is undoable and the stage history keeps its dates.
//! Abandoning always asks why: the reason is required by the core and read in the bilan.

mod card;
mod checklist;

use leptos::prelude::*;
use symbiose_core::edit::Command;
use symbiose_core::{Stage, SynergyId};

use crate::detection::today;
use crate::i18n::{use_lang, use_texts};
use crate::state::{ProjectState, use_project};
use card::Card;

/// The stage a card moves to with ← or →; abandoned cards leave that column only by "resume".
pub fn step(stage: Stage, forward: bool) -> Option<Stage> {
    const ROAD: [Stage; 4] = [
        Stage::Idea,
        Stage::UnderStudy,
        Stage::Negotiating,
        Stage::Implemented,
    ];
    let i = ROAD.iter().position(|s| *s == stage)?;
    if forward {
        ROAD.get(i + 1).copied()
    } else {
        i.checked_sub(1).map(|j| ROAD[j])
    }
}

/// Moves a synergy to a stage, dated today. Abandoning goes through [`abandon`].
pub fn move_to(state: ProjectState, id: &SynergyId, stage: Stage) -> bool {
    let current = state
        .project
        .with_untracked(|p| p.synergy(id).map(|s| s.stage));
    if current.is_none() || current == Some(stage) || stage == Stage::Abandoned {
        return false;
    }
    state
        .apply(Command::SetStage {
            id: id.clone(),
            stage,
            date: today(),
            note: String::new(),
        })
        .is_ok()
}

pub fn abandon(state: ProjectState, id: &SynergyId, reason: &str) -> bool {
    !reason.trim().is_empty()
        && state
            .apply(Command::SetStage {
                id: id.clone(),
                stage: Stage::Abandoned,
                date: today(),
                note: reason.trim().to_string(),
            })
            .is_ok()
}

#[component]
pub fn Board() -> impl IntoView {
    let t = use_texts();
    let state = use_project();
    // The card whose abandon form is open (a drop on the Abandoned column opens it too).
    let abandoning = RwSignal::new(None::<SynergyId>);
    let empty = Memo::new(move |_| state.project.with(|p| p.synergies.is_empty()));
    view! {
        <main class="page pipeline" data-testid="pipeline-page">
            <h2>{move || t.get().pipeline.page_pipeline}</h2>
            <p class="page-intro">{move || t.get().pipeline.pipeline_intro}</p>
            <Show when=move || empty.get()>
                <p class="empty" data-testid="pipeline-empty">{move || t.get().pipeline.pipeline_empty}</p>
            </Show>
            <div class="board" data-testid="board">
                {Stage::ALL.into_iter().map(|stage| view! { <Column stage abandoning /> }).collect_view()}
            </div>
        </main>
    }
}

#[component]
fn Column(stage: Stage, abandoning: RwSignal<Option<SynergyId>>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let ids = Memo::new(move |_| {
        state.project.with(|p| {
            p.synergies
                .iter()
                .filter(|s| s.stage == stage)
                .map(|s| s.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let over = RwSignal::new(false);
    let drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        let Some(id) = ev
            .data_transfer()
            .and_then(|d| d.get_data("text/plain").ok())
            .filter(|s| !s.is_empty())
            .map(SynergyId::new)
        else {
            return;
        };
        if stage == Stage::Abandoned {
            abandoning.set(Some(id));
        } else {
            move_to(state, &id, stage);
        }
    };
    let slug = format!("{stage:?}").to_lowercase();
    view! {
        <section class=format!("column stage-{slug}") class:over=move || over.get() data-testid=format!("column-{slug}")
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); over.set(true); }
            on:dragleave=move |_| over.set(false)
            on:drop=drop>
            <h3>
                {move || stage.label(lang.get())}
                <span class="count">{move || format!(" ({})", ids.with(Vec::len))}</span>
            </h3>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="column-empty">{move || t.get().pipeline.column_empty}</p>
            </Show>
            <ol class="cards">
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <li><Card id abandoning /></li>
                </For>
            </ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_follow_the_road_and_never_abandon() {
        assert_eq!(step(Stage::Idea, true), Some(Stage::UnderStudy));
        assert_eq!(step(Stage::Negotiating, true), Some(Stage::Implemented));
        assert_eq!(step(Stage::Implemented, true), None);
        assert_eq!(step(Stage::Idea, false), None);
        assert_eq!(step(Stage::UnderStudy, false), Some(Stage::Idea));
        assert_eq!(step(Stage::Abandoned, true), None);
        assert_eq!(step(Stage::Abandoned, false), None);
    }
}
