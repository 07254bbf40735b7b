//! The mission log (journal de mission): visits, interviews, questionnaires and committees,
//! newest first, each editable; a line of totals; a form to record one. The process
//! indicators of the dashboard count from it (`indicators::elipse`).

use leptos::prelude::*;
use symbiose_core::edit::Command;
use symbiose_core::indicators::elipse::HOURS_PER_DAY;
use symbiose_core::numbers::{Precision::Reading, number};
use symbiose_core::{Activity, ActivityId, ActivityKind};

use crate::forms::FieldError;
use crate::forms::activity::ActivityDraft;
use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;
use crate::views::controls::{
    CompaniesField, FormFooter, SelectField, TextField, choices, error_of,
};

#[component]
pub fn ActivityLog() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    // The entry being edited: `None` closed, `Some(None)` a new one, `Some(Some(id))` an entry.
    let editing = RwSignal::new(None::<Option<ActivityId>>);
    let draft = RwSignal::new(ActivityDraft::new(crate::files::today_iso()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let err = move |field: &'static str| error_of(errors, field);
    let log = Memo::new(move |_| {
        state.project.with(|p| {
            let mut log = p.activities.clone();
            // Newest first; undated entries (from a file) last.
            log.sort_by_key(|a| std::cmp::Reverse(a.date));
            log
        })
    });
    let names = Memo::new(move |_| {
        state.project.with(|p| {
            p.actors
                .iter()
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let kinds = choices(&ActivityKind::ALL, move |k| k.label(lang.get()).to_string());

    let open = move |entry: Option<&Activity>| {
        draft.set(match entry {
            Some(a) => ActivityDraft::from_activity(a, lang.get_untracked()),
            None => ActivityDraft::new(crate::files::today_iso()),
        });
        errors.set(Vec::new());
        editing.set(Some(entry.map(|a| a.id.clone())));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(which) = editing.get_untracked() else {
            return;
        };
        let id = which.clone().unwrap_or_else(|| {
            state
                .project
                .with_untracked(|p| ActivityId::next_free(p.activities.iter().map(|a| &a.id)))
        });
        match draft.with_untracked(|d| d.to_activity(id)) {
            Err(e) => errors.set(e),
            Ok(a) => {
                let cmd = if which.is_some() {
                    Command::UpdateActivity(a)
                } else {
                    Command::AddActivity(a)
                };
                match state.apply(cmd) {
                    Ok(()) => editing.set(None),
                    Err(e) => errors.set(vec![FieldError::refused(&e)]),
                }
            }
        }
    };
    let remove = move |_| {
        if let Some(Some(id)) = editing.get_untracked()
            && state.apply(Command::RemoveActivity(id)).is_ok()
        {
            editing.set(None);
        }
    };
    macro_rules! text {
        ($field:ident, $page:ident . $label:ident, $testid:literal $(, $multiline:literal)?) => {
            view! {
                <TextField label=move || t.get().$page.$label testid=$testid $(multiline=$multiline)?
                    value=Signal::derive(move || draft.with(|d| d.$field.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.$field = v))
                    error=err(stringify!($field)) />
            }
        };
    }
    // "8 visites de site · 4 entretiens · … · 9,4 jours d'animation": what the log adds up to.
    let summary = move || {
        let (t, lang) = (t.get(), lang.get());
        state.project.with(|p| {
            let mut parts: Vec<String> = p
                .log_totals()
                .into_iter()
                .map(|(kind, n, _, _)| format!("{n} × {}", kind.label(lang)))
                .collect();
            if let Some(hours) = p.facilitation_hours().filter(|h| *h > 0.0) {
                parts.push(format!(
                    "{} {}",
                    number(hours / HOURS_PER_DAY, lang, Reading),
                    t.roadmap.days_word
                ));
            }
            (!parts.is_empty())
                .then(|| format!("{} : {}", t.roadmap.log_summary, parts.join(" · ")))
        })
    };
    view! {
        <section class="workshops activity-log" data-testid="activity-log">
            <h3>{move || t.get().roadmap.log_title}</h3>
            <p class="page-intro">{move || t.get().roadmap.log_intro}</p>
            {move || summary().map(|s| view! { <p class="action-meta" data-testid="log-summary">{s}</p> })}
            <Show when=move || log.with(Vec::is_empty)>
                <p class="empty">{move || t.get().roadmap.no_activities}</p>
            </Show>
            <ul class="action-list">
                {move || {
                    let (t, lang) = (t.get(), lang.get());
                    log.get().into_iter().map(|a| {
                        let who: Vec<String> = names.with(|n| {
                            a.actors.iter().filter_map(|id| n.iter().find(|(x, _)| x == id).map(|(_, name)| name.clone())).collect()
                        });
                        let mut meta = Vec::new();
                        if !who.is_empty() {
                            meta.push(if who.len() <= 3 { who.join(", ") } else { format!("{} {}", who.len(), t.roadmap.companies_word) });
                        }
                        if !a.people.is_empty() {
                            meta.push(a.people.join(", "));
                        }
                        if let Some(h) = a.hours {
                            meta.push(format!("{} {}", number(h, lang, Reading), t.roadmap.hours_word));
                        }
                        let head = format!(
                            "{} — {}{}",
                            a.date.map(|d| d.in_lang(lang)).unwrap_or_else(|| "?".into()),
                            a.kind.label(lang),
                            if a.title.is_empty() { String::new() } else { format!(" : {}", a.title) }
                        );
                        let entry = a.clone();
                        view! {
                            <li class="action-item" data-testid="activity-item">
                                <button class="link action-title" on:click=move |_| open(Some(&entry))>{head}</button>
                                {(!meta.is_empty()).then(|| view! { <span class="action-meta">{meta.join(" · ")}</span> })}
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <Show when=move || editing.with(Option::is_some) fallback=move || view! {
                <button class="add-workshop" data-testid="add-activity" on:click=move |_| open(None)>{move || t.get().roadmap.add_activity}</button>
            }>
                <form class="action-form" data-testid="activity-form" on:submit=save novalidate>
                    <div class="form-grid">
                        <SelectField label=move || t.get().roadmap.f_activity_kind testid="activity-kind" options=kinds
                            value=Signal::derive(move || draft.with(|d| Some(d.kind)))
                            on_change=Callback::new(move |v| if let Some(v) = v { draft.update(|d| d.kind = v) }) />
                        {text!(date, common.f_date, "activity-date")}
                        {text!(title, roadmap.f_activity_title, "activity-title")}
                        {text!(hours, roadmap.f_hours, "activity-hours")}
                    </div>
                    <CompaniesField label=move || t.get().roadmap.f_activity_companies testid="activity-companies" size=6
                        chosen=Signal::derive(move || draft.with(|d| d.actors.clone()))
                        on_change=Callback::new(move |v| draft.update(|d| d.actors = v)) />
                    {text!(people, roadmap.f_people, "activity-people")}
                    {text!(notes, roadmap.f_notes, "activity-notes", true)}
                    <FormFooter errors save_testid="activity-save" on_cancel=Callback::new(move |_| editing.set(None)) testid="activity-error">
                        {move || editing.with(|e| matches!(e, Some(Some(_)))).then(|| view! {
                            <button type="button" class="danger" data-testid="activity-delete" on:click=remove>{move || t.get().common.remove}</button>
                        })}
                    </FormFooter>
                </form>
            </Show>
        </section>
    }
}
