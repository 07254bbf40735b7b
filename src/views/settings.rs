//! Settings next to the legend: who the screen is for (the audience), and the map background's
//! tile server, checked before it is used and kept as a browser preference.

use leptos::prelude::*;
use symbiose_core::detect::Audience;

use crate::i18n::{use_lang, use_texts};
use crate::prefs::OSM_TILES;
use crate::prefs::{Refusal, TileUrl, check_tile_url};
use crate::ui::use_ui;
use crate::views::controls::{NoticeLine, Outcome, SelectField, TextField};

#[component]
pub fn AudienceSelect() -> impl IntoView {
    let t = use_texts();
    let ui = use_ui();
    let audiences = Signal::derive(move || {
        let t = t.get();
        vec![
            (
                Audience::Facilitator,
                t.workspace.audience_facilitator.to_string(),
            ),
            (Audience::Public, t.workspace.audience_public.to_string()),
        ]
    });
    let key = |a: &Audience| match a {
        Audience::Facilitator => "facilitator".to_string(),
        Audience::Public => "public".to_string(),
    };
    view! {
        <SelectField label=move || t.get().workspace.audience_label testid="audience" class="filter-select audience"
            options=audiences value=Signal::derive(move || Some(ui.audience.get()))
            on_change=Callback::new(move |a: Option<Audience>| if let Some(a) = a { ui.audience.set(a) })
            key />
    }
}

#[component]
pub fn TileSettings() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let TileUrl(url) = expect_context::<TileUrl>();
    let draft = RwSignal::new(url.get_untracked());
    // The address is checked by `prefs::check_tile_url` (host-tested); this line says the outcome.
    let message = RwSignal::new(None::<Outcome>);
    let changed = move || Outcome::Done(t.get_untracked().workspace.tile_url_changed.to_string());
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match check_tile_url(&draft.get_untracked()) {
            Ok(u) => {
                url.set(u.clone());
                draft.set(u);
                message.set(Some(changed()));
            }
            Err((fr, en)) => message.set(Some(Outcome::Failed(
                lang.get_untracked().pick(&fr, &en).to_string(),
            ))),
        }
    };
    let reset = move |_| {
        url.set(OSM_TILES.to_string());
        draft.set(OSM_TILES.to_string());
        message.set(Some(changed()));
    };
    view! {
        <details class="tile-settings" data-testid="tile-settings">
            <summary>{move || t.get().workspace.tile_settings}</summary>
            <form on:submit=apply novalidate>
                <TextField label=move || t.get().workspace.tile_url_label testid="tile-url" kind="url"
                    value=draft on_input=Callback::new(move |v| draft.set(v)) />
                <button type="submit" data-testid="tile-apply">{move || t.get().workspace.apply}</button>
                <button type="button" data-testid="tile-reset" on:click=reset>{move || t.get().workspace.reset_osm}</button>
            </form>
            <NoticeLine notice=message testid="tile-message" />
        </details>
    }
}

/// Said once at start when the stored tile address was set aside (`Prefs::load`): the map
/// shows OpenStreetMap instead, and the user learns why their own server is gone.
#[component]
pub fn TileUrlRefused(refused: Option<Refusal>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let shown = RwSignal::new(refused);
    move || {
        shown.get().map(|(fr, en)| {
            view! {
                <div class="banner info" role="status" data-testid="tile-url-refused">
                    <p>{move || format!("{} {}", t.get().workspace.tile_url_refused, lang.get().pick(&fr, &en))}</p>
                    <button on:click=move |_| shown.set(None)>{move || t.get().common.dismiss}</button>
                </div>
            }
        })
    }
}
