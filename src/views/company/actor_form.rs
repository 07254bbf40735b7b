//! Editing a company's details. The draft is local; "Save" turns it into one core command, so a
//! whole form is one undo step and an invalid form changes nothing.

use leptos::prelude::*;
use symbiose_core::UserMessage;
use symbiose_core::edit::Command;
use symbiose_core::numbers::{Precision::Editing, number};
use symbiose_core::{Actor, HeadcountBand};

use crate::forms::actor::ActorDraft;
use crate::forms::{FieldError, error_for};
use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;
use crate::views::controls::{
    FieldMessage, FormFooter, SelectField, TextField, choices, draft_text, error_of,
};

#[component]
pub fn ActorForm(actor: Actor, on_done: Callback<()>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let draft = RwSignal::new(ActorDraft::from_actor(&actor, lang.get_untracked()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let base = StoredValue::new(actor);
    let err = move |field: &'static str| error_of(errors, field);
    let naf_hint = Signal::derive(move || {
        errors
            .with(|e| error_for(e, "naf", lang.get()))
            .or_else(|| {
                draft
                    .with(|d| d.naf_warning())
                    .map(|w| w.message.get(lang.get()).to_string())
            })
    });

    // Every text field of this form, bound to its draft (`controls::draft_text`).
    macro_rules! text {
        ($($field:tt)*) => { draft_text!(t, draft, err; $($field)*) };
    }

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.with_untracked(|d| d.to_actor(&base.get_value())) {
            Err(e) => errors.set(e),
            Ok(actor) => match state.apply(Command::UpdateActor(actor)) {
                Ok(()) => on_done.run(()),
                Err(e) => errors.set(vec![FieldError::new(
                    "form",
                    e.message_in(symbiose_core::Lang::Fr),
                    e.message_in(symbiose_core::Lang::En),
                )]),
            },
        }
    };
    // NAF search by code or words (French, or English class labels), silent once the code is known.
    let naf_hits = Memo::new(move |_| {
        let lang = lang.get();
        draft.with(|d| {
            if d.naf.trim().len() < 2 || symbiose_core::refdata::naf::lookup(&d.naf).is_some() {
                return Vec::new();
            }
            symbiose_core::refdata::naf::search(&d.naf, 6)
                .into_iter()
                .map(|n| (n.code.clone(), format!("{} · {}", n.code, n.label(lang))))
                .collect::<Vec<_>>()
        })
    });
    // Commune autocomplete: names, postcodes or codes; silent once the field holds a known code.
    // All French communes once their table has arrived (fetched when the form opens, cached
    // offline), the bundled Corsican ones until then.
    let placed_note = RwSignal::new(false);
    let national = RwSignal::new(crate::gazetteer::LoadState::Idle);
    crate::gazetteer::load(national);
    let commune_hits = Memo::new(move |_| {
        national.track();
        draft.with(|d| crate::gazetteer::suggest(&d.commune, 6))
    });
    // A click on the map while picking moves the company there.
    Effect::new(move |_| {
        if let Some(p) = state.picked.get() {
            draft.update(|d| {
                d.lat = number((p.lat * 1e6).round() / 1e6, lang.get_untracked(), Editing);
                d.lon = number((p.lon * 1e6).round() / 1e6, lang.get_untracked(), Editing);
            });
            state.picked.set(None);
        }
    });
    // The draft's position, when it reads as one, is the pin on the map.
    Effect::new(move |_| {
        let at = draft.with(|d| {
            let lat = crate::forms::number::parse_optional(&d.lat)
                .ok()
                .flatten()?;
            let lon = crate::forms::number::parse_optional(&d.lon)
                .ok()
                .flatten()?;
            Some(symbiose_core::Position::new(lat, lon)).filter(|p| p.is_valid())
        });
        if state.pin.get_untracked() != at {
            state.pin.set(at);
        }
    });
    on_cleanup(move || {
        state.picking.set(false);
        state.pin.set(None);
    });
    let headcounts = choices(&HeadcountBand::ALL, |h| h.label().to_string());

    view! {
        <form class="entity-form" data-testid="actor-form" on:submit=save novalidate>
            {text!(name, common.f_name, "actor-name")}
            {text!(siret, company.f_siret, "actor-siret")}
            <TextField label=move || t.get().company.f_naf testid="actor-naf"
                value=Signal::derive(move || draft.with(|d| d.naf.clone()))
                on_input=Callback::new(move |v| draft.update(|d| d.naf = v))
                error=naf_hint />
            <ul class="picker-results" data-testid="naf-results">
                <For each=move || naf_hits.get() key=|(code, _)| code.clone() let:hit>
                    <li><button type="button" data-testid="naf-hit" on:click={
                        let code = hit.0.clone();
                        move |_| draft.update(|d| d.naf = code.clone())
                    }>{hit.1.clone()}</button></li>
                </For>
            </ul>
            <SelectField label=move || t.get().company.f_headcount testid="actor-headcount" options=headcounts
                value=Signal::derive(move || draft.with(|d| d.headcount))
                on_change=Callback::new(move |v| draft.update(|d| d.headcount = v))
                none_label=move || t.get().company.not_given />
            {text!(address, company.f_address, "actor-address")}
            {text!(commune, company.f_commune, "actor-commune")}
            <ul class="picker-results" data-testid="commune-results">
                <For each=move || commune_hits.get() key=|c| c.insee.clone() let:c>
                    <li><button type="button" data-testid="commune-hit" on:click={
                        let c = c.clone();
                        move |_| {
                            draft.update(|d| {
                                d.commune = c.insee.to_string();
                                if let Some(at) = c.position {
                                    d.lat = number(at.lat, lang.get_untracked(), Editing);
                                    d.lon = number(at.lon, lang.get_untracked(), Editing);
                                }
                            });
                            placed_note.set(c.position.is_some());
                        }
                    }>{format!("{} ({}) · {}", c.name, c.postcodes.join(", "), c.insee)}</button></li>
                </For>
            </ul>
            <Show when=move || placed_note.get()>
                <p class="hint" data-testid="commune-placed">{move || t.get().company.commune_placed}</p>
            </Show>
            <div class="field-row">
                {text!(lat, company.f_lat, "actor-lat")}
                {text!(lon, company.f_lon, "actor-lon")}
            </div>
            <button type="button" data-testid="place-on-map" class:active=move || state.picking.get()
                on:click=move |_| state.picking.set(true)>{move || t.get().company.place_on_map}</button>
            <Show when=move || state.picking.get()>
                <p class="hint" role="status" data-testid="picking-hint">{move || t.get().company.picking_hint}</p>
            </Show>
            <FieldMessage id="field-position-error".to_string() message=err("position") />
            {text!(contact, company.f_contact, "actor-contact")}
            {text!(tags, company.f_tags, "actor-tags")}
            <TextField label=move || t.get().common.f_notes testid="actor-notes" multiline=true
                value=Signal::derive(move || draft.with(|d| d.notes.clone()))
                on_input=Callback::new(move |v| draft.update(|d| d.notes = v)) />
            <FormFooter errors save_testid="actor-save" on_cancel=on_done />
        </form>
    }
}
