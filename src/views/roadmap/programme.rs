//! The territory's programme: which funding track it follows (a new territory in phases 1–2,
//! or a pilot territory supported since 2015 in phases 3–4), its phase, years, facilitation
//! and funders. The deliverables and the dashboard follow these (baseline year, track).

use leptos::prelude::*;
use symbiose_core::UserMessage;
use symbiose_core::edit::Command;
use symbiose_core::{ProgrammePhase, ProgrammeTrack};

use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;

fn year(s: &str) -> Result<Option<i32>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<i32>()
        .ok()
        .filter(|y| (1990..=2100).contains(y))
        .map(Some)
        .ok_or(())
}

#[component]
pub fn ProgrammeSettings() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let current = state.project.with_untracked(|p| p.territory.clone());
    let track = RwSignal::new(current.track);
    let phase = RwSignal::new(current.phase);
    let start = RwSignal::new(
        current
            .start_year
            .map(|y| y.to_string())
            .unwrap_or_default(),
    );
    let baseline = RwSignal::new(
        current
            .baseline_year
            .map(|y| y.to_string())
            .unwrap_or_default(),
    );
    let facilitator = RwSignal::new(current.facilitator.clone());
    let funders = RwSignal::new(current.funders.join(", "));
    let message = RwSignal::new(None::<(bool, String)>);
    // A pilot territory measures from 2015: offer it when no baseline was given.
    Effect::new(move |_| {
        if track.get() == ProgrammeTrack::Pilot && baseline.with_untracked(|b| b.trim().is_empty())
        {
            baseline.set("2015".into());
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let tx = t.get_untracked();
        let (Ok(start_year), Ok(baseline_year)) = (
            year(&start.get_untracked()),
            year(&baseline.get_untracked()),
        ) else {
            message.set(Some((false, tx.common.bad_year.to_string())));
            return;
        };
        let mut territory = state.project.with_untracked(|p| p.territory.clone());
        territory.track = track.get_untracked();
        territory.phase = phase.get_untracked();
        territory.start_year = start_year;
        territory.baseline_year = baseline_year;
        territory.facilitator = facilitator.get_untracked().trim().to_string();
        territory.funders = funders
            .get_untracked()
            .split(',')
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty())
            .collect();
        match state.apply(Command::SetTerritory(territory)) {
            Ok(()) => message.set(Some((true, tx.roadmap.programme_saved.to_string()))),
            Err(e) => message.set(Some((false, e.message_in(lang.get_untracked())))),
        }
    };
    let tracks = [ProgrammeTrack::NewTerritory, ProgrammeTrack::Pilot];
    view! {
        <details class="programme-settings" data-testid="programme-settings">
            <summary>{move || format!("{} — {}", t.get().roadmap.programme_settings, if track.get() == ProgrammeTrack::Pilot { t.get().roadmap.track_pilot } else { t.get().roadmap.track_new })}</summary>
            <form class="action-form" on:submit=save novalidate>
                <div class="form-grid">
                    <label><span>{move || t.get().roadmap.f_track}</span>
                        <select data-testid="programme-track" on:change=move |ev| {
                            track.set(if event_target_value(&ev) == "pilot" { ProgrammeTrack::Pilot } else { ProgrammeTrack::NewTerritory });
                        }>
                            {tracks.into_iter().map(|k| view! {
                                <option value=if k == ProgrammeTrack::Pilot { "pilot" } else { "new" } prop:selected=move || track.get() == k>
                                    {move || if k == ProgrammeTrack::Pilot { t.get().roadmap.track_pilot } else { t.get().roadmap.track_new }}
                                </option>
                            }).collect_view()}
                        </select></label>
                    <label><span>{move || t.get().roadmap.f_phase}</span>
                        <select data-testid="programme-phase" on:change=move |ev| {
                            if let Some(p) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| ProgrammePhase::ALL.get(i)) { phase.set(*p); }
                        }>
                            {ProgrammePhase::ALL.iter().enumerate().map(|(i, p)| view! {
                                <option value=i.to_string() prop:selected=move || phase.get() == *p>{move || format!("{} {}", t.get().roadmap.phase_word, p.number())}</option>
                            }).collect_view()}
                        </select></label>
                    <label><span>{move || t.get().roadmap.f_start_year}</span>
                        <input type="text" inputmode="numeric" data-testid="programme-start" prop:value=move || start.get() on:input=move |ev| start.set(event_target_value(&ev)) /></label>
                    <label><span>{move || t.get().roadmap.f_baseline_year}</span>
                        <input type="text" inputmode="numeric" data-testid="programme-baseline" prop:value=move || baseline.get() on:input=move |ev| baseline.set(event_target_value(&ev)) /></label>
                    <label><span>{move || t.get().roadmap.f_facilitator}</span>
                        <input type="text" data-testid="programme-facilitator" prop:value=move || facilitator.get() on:input=move |ev| facilitator.set(event_target_value(&ev)) /></label>
                    <label><span>{move || t.get().roadmap.f_funders}</span>
                        <input type="text" data-testid="programme-funders" prop:value=move || funders.get() on:input=move |ev| funders.set(event_target_value(&ev)) /></label>
                </div>
                <div class="form-buttons">
                    <button type="submit" class="primary" data-testid="programme-save">{move || t.get().common.save}</button>
                </div>
                {move || message.get().map(|(ok, m)| view! {
                    <p class=if ok { "hint" } else { "field-error" } role=if ok { "status" } else { "alert" } data-testid="programme-message">{m}</p>
                })}
            </form>
        </details>
    }
}
