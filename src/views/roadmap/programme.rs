//! The territory's programme: which funding track it follows (a new territory in phases 1–2,
//! or a pilot territory supported since 2015 in phases 3–4), its phase, years, facilitation
//! and funders. The deliverables and the dashboard follow these (baseline year, track).

use leptos::prelude::*;
use symbiose_core::edit::Command;
use symbiose_core::{Maturity, ProgrammePhase, ProgrammeTrack};

use crate::forms::FieldError;
use crate::forms::programme::ProgrammeDraft;
use crate::i18n::{Texts, use_texts};
use crate::state::use_project;
use crate::views::controls::{FormFooter, SelectField, TextField, choices, error_of};

fn track_label(track: ProgrammeTrack, t: &Texts) -> &'static str {
    match track {
        ProgrammeTrack::NewTerritory => t.roadmap.track_new,
        ProgrammeTrack::Pilot => t.roadmap.track_pilot,
    }
}

#[component]
pub fn ProgrammeSettings() -> impl IntoView {
    let t = use_texts();
    let state = use_project();
    let draft = RwSignal::new(
        state
            .project
            .with_untracked(|p| ProgrammeDraft::from_territory(&p.territory)),
    );
    let errors = RwSignal::new(Vec::<FieldError>::new());
    // The form stays open after a save: its line says so, in the language of the moment.
    let saved = RwSignal::new(false);
    let done = Signal::derive(move || {
        saved
            .get()
            .then(|| t.get().roadmap.programme_saved.to_string())
    });
    let err = move |field: &'static str| error_of(errors, field);

    macro_rules! text {
        ($field:ident, $page:ident . $label:ident, $testid:literal $(, $mode:literal)?) => {
            view! {
                <TextField label=move || t.get().$page.$label testid=$testid $(inputmode=$mode)?
                    value=Signal::derive(move || draft.with(|d| d.$field.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.$field = v))
                    error=err(stringify!($field)) />
            }
        };
    }

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let territory = state
            .project
            .with_untracked(|p| draft.with_untracked(|d| d.to_territory(&p.territory)));
        match territory {
            Err(e) => errors.set(e),
            Ok(territory) => match state.apply(Command::SetTerritory(territory)) {
                Ok(()) => {
                    errors.set(Vec::new());
                    saved.set(true);
                }
                Err(e) => errors.set(vec![FieldError::refused(&e)]),
            },
        }
    };
    let tracks = choices(
        &[ProgrammeTrack::NewTerritory, ProgrammeTrack::Pilot],
        move |k| track_label(k, t.get()).to_string(),
    );
    // By name, as the funding track is known: "new", "pilot".
    let track_key = |k: &ProgrammeTrack| match k {
        ProgrammeTrack::NewTerritory => "new".to_string(),
        ProgrammeTrack::Pilot => "pilot".to_string(),
    };
    let lang = crate::i18n::use_lang();
    let maturities = choices(&Maturity::ALL, move |m| m.label(lang.get()).to_string());
    let phases = choices(&ProgrammePhase::ALL, move |p| {
        format!("{} {}", t.get().roadmap.phase_word, p.number())
    });
    view! {
        <details class="programme-settings" data-testid="programme-settings">
            <summary>{move || format!("{} — {}", t.get().roadmap.programme_settings, track_label(draft.with(|d| d.track), t.get()))}</summary>
            <form class="action-form" on:submit=save novalidate>
                <div class="form-grid">
                    <SelectField label=move || t.get().roadmap.f_track testid="programme-track" options=tracks key=track_key
                        value=Signal::derive(move || draft.with(|d| Some(d.track)))
                        on_change=Callback::new(move |v| if let Some(v) = v { draft.update(|d| d.set_track(v)) }) />
                    <SelectField label=move || t.get().roadmap.f_phase testid="programme-phase" options=phases
                        value=Signal::derive(move || draft.with(|d| Some(d.phase)))
                        on_change=Callback::new(move |v| if let Some(v) = v { draft.update(|d| d.phase = v) }) />
                    {text!(start_year, roadmap.f_start_year, "programme-start", "numeric")}
                    {text!(baseline_year, roadmap.f_baseline_year, "programme-baseline", "numeric")}
                    <SelectField label=move || t.get().roadmap.f_maturity testid="programme-maturity" options=maturities
                        value=Signal::derive(move || draft.with(|d| d.maturity))
                        on_change=Callback::new(move |v| draft.update(|d| d.maturity = v))
                        none_label=move || t.get().roadmap.not_given />
                    {text!(facilitator, roadmap.f_facilitator, "programme-facilitator")}
                    {text!(funders, roadmap.f_funders, "programme-funders")}
                </div>
                <FormFooter errors save_testid="programme-save" done testid="programme-message" />
            </form>
        </details>
    }
}
