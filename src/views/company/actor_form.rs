//! Editing a company's details. The draft is local; "Save" turns it into one core command, so a
//! whole form is one undo step and an invalid form changes nothing.

use leptos::prelude::*;
use symbiose_core::edit::Command;
use symbiose_core::{Actor, HeadcountBand};

use super::fields::{EnumSelect, TextField};
use crate::forms::actor::ActorDraft;
use crate::forms::{FieldError, error_for};
use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;

#[component]
pub fn ActorForm(actor: Actor, on_done: Callback<()>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let draft = RwSignal::new(ActorDraft::from_actor(&actor));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let base = StoredValue::new(actor);
    let err = move |field: &'static str| {
        Signal::derive(move || errors.with(|e| error_for(e, field, lang.get())))
    };
    let naf_hint = Signal::derive(move || {
        errors
            .with(|e| error_for(e, "naf", lang.get()))
            .or_else(|| {
                draft
                    .with(|d| d.naf_warning())
                    .map(|w| w.message.get(lang.get()).to_string())
            })
    });

    macro_rules! text {
        ($field:ident, $label:ident, $testid:literal) => {
            view! {
                <TextField label=Signal::derive(move || t.get().$label) testid=$testid
                    value=Signal::derive(move || draft.with(|d| d.$field.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.$field = v))
                    error=err(stringify!($field)) />
            }
        };
    }

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.with_untracked(|d| d.to_actor(&base.get_value())) {
            Err(e) => errors.set(e),
            Ok(actor) => match state.apply(Command::UpdateActor(actor)) {
                Ok(()) => on_done.run(()),
                Err(e) => errors.set(vec![FieldError::new(
                    "form",
                    e.message(symbiose_core::Lang::Fr),
                    e.message(symbiose_core::Lang::En),
                )]),
            },
        }
    };
    let headcounts = Signal::derive(|| {
        HeadcountBand::ALL
            .iter()
            .map(|h| (*h, h.label().to_string()))
            .collect::<Vec<_>>()
    });

    view! {
        <form class="entity-form" data-testid="actor-form" on:submit=save novalidate>
            {text!(name, f_name, "actor-name")}
            {text!(siret, f_siret, "actor-siret")}
            <TextField label=Signal::derive(move || t.get().f_naf) testid="actor-naf"
                value=Signal::derive(move || draft.with(|d| d.naf.clone()))
                on_input=Callback::new(move |v| draft.update(|d| d.naf = v))
                error=naf_hint />
            <EnumSelect label=Signal::derive(move || t.get().f_headcount) testid="actor-headcount" options=headcounts
                value=Signal::derive(move || draft.with(|d| d.headcount))
                on_change=Callback::new(move |v| draft.update(|d| d.headcount = v))
                none_label=Signal::derive(move || t.get().not_given) />
            {text!(address, f_address, "actor-address")}
            {text!(commune, f_commune, "actor-commune")}
            <div class="field-row">
                {text!(lat, f_lat, "actor-lat")}
                {text!(lon, f_lon, "actor-lon")}
            </div>
            <p class="field-error" role="alert">{move || errors.with(|e| error_for(e, "position", lang.get()))}</p>
            {text!(contact, f_contact, "actor-contact")}
            {text!(tags, f_tags, "actor-tags")}
            <TextField label=Signal::derive(move || t.get().f_notes) testid="actor-notes" multiline=true
                value=Signal::derive(move || draft.with(|d| d.notes.clone()))
                on_input=Callback::new(move |v| draft.update(|d| d.notes = v)) />
            <Show when=move || errors.with(|e| !e.is_empty())>
                <p class="error" role="alert" data-testid="form-errors">
                    {move || t.get().fix_errors}" "{move || errors.with(|e| error_for(e, "form", lang.get()))}
                </p>
            </Show>
            <div class="form-buttons">
                <button type="submit" class="primary" data-testid="actor-save">{move || t.get().save}</button>
                <button type="button" on:click=move |_| on_done.run(())>{move || t.get().cancel}</button>
            </div>
        </form>
    }
}
