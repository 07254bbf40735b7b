//! Settings next to the legend: who the screen is for (the audience), and the map background's
//! tile server, checked before it is used and kept as a browser preference.

use leptos::prelude::*;
use symbiose_core::detect::Audience;

use crate::i18n::{use_lang, use_texts};
use crate::prefs::OSM_TILES;
use crate::prefs::{Refusal, TileUrl, check_tile_url};
use crate::state::use_project;
use crate::ui::use_ui;
use crate::vector_background::{self as vector, VectorBackground};
use crate::views::controls::{FilePicker, NoticeLine, Outcome, SelectField, TextField};

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
            <VectorSettings />
        </details>
    }
}

/// The offline background: which PMTiles extract this browser keeps and what it covers, a file
/// to open or an address to load in its place, and a way to remove it. A refused file changes
/// nothing (`vector_background::keep` checks before it keeps).
#[component]
fn VectorSettings() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let Some(VectorBackground(kept)) = use_context::<VectorBackground>() else {
        return ().into_any();
    };
    let message = RwSignal::new(None::<Outcome>);
    let address = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    // Keeps a file got from disk or from beside the app, and says how it went.
    let take = move |got: Result<(String, web_sys::Blob), symbiose_core::Bilingual>| async move {
        let t = t.get_untracked();
        let lang = lang.get_untracked();
        let outcome = match got {
            Ok((name, blob)) => vector::keep(&name, &blob).await,
            Err(e) => Err(e),
        };
        message.set(Some(match outcome {
            Ok(k) => {
                // What it covers is in the status line above.
                let said = format!("{} {}.", t.workspace.vector_kept, k.name);
                kept.set(Some(k));
                Outcome::Done(said)
            }
            Err(e) => Outcome::Failed(format!(
                "{} {}",
                t.workspace.vector_refused,
                lang.pick(&e.fr, &e.en)
            )),
        }));
        busy.set(false);
    };
    let reading = move || {
        busy.set(true);
        message.set(Some(Outcome::Done(
            t.get_untracked().workspace.vector_reading.to_string(),
        )));
    };
    let on_file = move |file: web_sys::File| {
        reading();
        let name = file.name();
        leptos::task::spawn_local(take(Ok((name, file.into()))));
    };
    let on_fetch = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        reading();
        let at = address.get_untracked();
        leptos::task::spawn_local(async move { take(vector::fetch_beside(&at).await).await });
    };
    let on_forget = move |_| {
        leptos::task::spawn_local(async move {
            let t = t.get_untracked();
            match vector::forget().await {
                Ok(()) => {
                    kept.set(None);
                    message.set(Some(Outcome::Done(
                        t.workspace.vector_forgotten.to_string(),
                    )));
                }
                Err(e) => message.set(Some(Outcome::Failed(
                    lang.get_untracked().pick(&e.fr, &e.en).to_string(),
                ))),
            }
        });
    };
    let status = move || {
        let t = t.get();
        let lang = lang.get();
        match kept.get() {
            None => t.workspace.vector_none.to_string(),
            Some(k) => {
                let about = k.describe();
                let places: Vec<_> = state
                    .project
                    .with(|p| p.actors.iter().filter_map(|a| a.position).collect());
                let outside = k
                    .coverage(&places)
                    .map(|c| format!(" {}", lang.pick(&c.fr, &c.en)))
                    .unwrap_or_default();
                format!(
                    "{} {}.{outside}",
                    t.workspace.vector_in_use,
                    lang.pick(&about.fr, &about.en)
                )
            }
        }
    };
    view! {
        <section class="vector-settings" data-testid="vector-settings">
            <h4>{move || t.get().workspace.vector_title}</h4>
            <p class="hint" data-testid="vector-status">{status}</p>
            <div class="row">
                <FilePicker label=Signal::derive(move || t.get().workspace.vector_open.to_string())
                    accept=".pmtiles,application/vnd.pmtiles" button_testid="vector-open" input_testid="vector-file"
                    on_file=on_file />
                <Show when=move || kept.with(Option::is_some)>
                    <button type="button" data-testid="vector-forget" on:click=on_forget>{move || t.get().workspace.vector_forget}</button>
                </Show>
            </div>
            <form on:submit=on_fetch novalidate>
                <TextField label=move || t.get().workspace.vector_address testid="vector-address"
                    value=address on_input=Callback::new(move |v| address.set(v)) />
                <button type="submit" data-testid="vector-fetch" disabled=move || busy.get()>{move || t.get().workspace.vector_fetch}</button>
            </form>
            <NoticeLine notice=message testid="vector-message" />
        </section>
    }
    .into_any()
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
