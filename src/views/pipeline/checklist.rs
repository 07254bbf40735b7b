//! A synergy card's regulatory checklist (core `kb::checklist`): each item that applies, with
//! why and its legal reference, its status set by one press (done, to do, not applicable), the
//! material's status for an exchange, and a note. Every change is an `UpdateSynergy` command,
//! so Ctrl+Z undoes it like any edit.

use leptos::prelude::*;
use symbiose_core::edit::Command;
use symbiose_core::kb::checklist::{Check, checklist, with_material, with_note, with_status};
use symbiose_core::{ChecklistItem, ItemStatus, MaterialStatus, Synergy, SynergyId};

use crate::i18n::{use_lang, use_texts};
use crate::notice::Notice;
use crate::state::use_project;

/// The name an item goes by in the page (`data-item`), as in the file.
fn item_slug(item: ChecklistItem) -> &'static str {
    match item {
        ChecklistItem::MaterialStatus => "material_status",
        ChecklistItem::ReceiverIcpe => "receiver_icpe",
        ChecklistItem::AnimalByproduct => "animal_byproduct",
        ChecklistItem::SpreadingPlan => "spreading_plan",
        ChecklistItem::TransporterDeclaration => "transporter_declaration",
        ChecklistItem::WasteRegister => "waste_register",
        ChecklistItem::Trackdechets => "trackdechets",
    }
}

fn status_slug(status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::ToDo => "to_do",
        ItemStatus::Done => "done",
        ItemStatus::NotApplicable => "not_applicable",
    }
}

/// Puts the focus back on the control just used, once the card is drawn again.
fn refocus(selector: String) {
    set_timeout(
        move || {
            if let Some(el) = document().query_selector(&selector).ok().flatten() {
                use wasm_bindgen::JsCast;
                el.unchecked_into::<web_sys::HtmlElement>().focus().ok();
            }
        },
        std::time::Duration::from_millis(30),
    );
}

/// The checklist of one card. `open` lives in the card, outside the view redrawn after each
/// edit, so the list stays open while the group works through it.
#[component]
pub fn Checklist(synergy: Synergy, open: RwSignal<bool>) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let session = crate::persist::use_session();
    let tx = t.get_untracked();
    let l = lang.get_untracked();
    let checks: Vec<Check> = state.project.with_untracked(|p| checklist(p, &synergy));
    let shown: Vec<Check> = checks.iter().filter(|c| c.shown()).cloned().collect();
    let done = shown
        .iter()
        .filter(|c| c.status != ItemStatus::ToDo)
        .count();
    let not_applicable: Vec<&str> = checks
        .iter()
        .filter(|c| !c.shown())
        .map(|c| c.item.label(l))
        .collect();
    let id: SynergyId = synergy.id.clone();
    let base = StoredValue::new(synergy);
    let send = move |s: Synergy, focus: Option<String>| {
        if base.with_value(|b| *b == s) {
            return; // nothing changed: no empty step in the undo history
        }
        match state.apply(Command::UpdateSynergy(s)) {
            Ok(()) => {
                if let Some(selector) = focus {
                    refocus(selector);
                }
            }
            Err(e) => session.notice.set(Some(Notice::error(&e))),
        }
    };
    let card = format!("[data-synergy=\"{}\"]", id.as_str());
    let list_id = format!("checklist-{}", id.as_str());
    let summary = if shown.is_empty() {
        tx.pipeline.checklist_title.to_string()
    } else {
        format!(
            "{} : {done}/{} {}",
            tx.pipeline.checklist_title,
            shown.len(),
            tx.pipeline.checklist_answered
        )
    };
    view! {
        <div class="card-checklist" data-testid="checklist">
            <button type="button" class="checklist-toggle" data-testid="checklist-toggle"
                aria-expanded=move || open.get().to_string() aria-controls=list_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)>
                {summary}
            </button>
            <div id=list_id class="checklist-body" hidden=move || !open.get()>
                {shown.is_empty().then(|| view! { <p class="checklist-none">{tx.pipeline.checklist_none}</p> })}
                <ul class="checklist">
                    {shown.into_iter().map(|c| {
                        let item = c.item;
                        let slug = item_slug(item);
                        let note = c.entry.as_ref().map(|e| e.note.clone()).unwrap_or_default();
                        let material = c.entry.as_ref().and_then(|e| e.material);
                        let card = card.clone();
                        view! {
                            <li class="check" class:check-done=c.status == ItemStatus::Done data-testid="check" data-item=slug>
                                <div class="check-head">
                                    <strong>{item.label(l)}</strong>
                                    <span class="check-status" role="group" aria-label=item.label(l)>
                                        {ItemStatus::VARIANTS.iter().map(|&status| {
                                            let card = card.clone();
                                            let pressed = c.status == status;
                                            view! {
                                                <button type="button" class:active=pressed aria-pressed=pressed.to_string()
                                                    data-status=status_slug(status)
                                                    on:click=move |_| {
                                                        let s = with_status(&base.get_value(), item, status);
                                                        send(s, Some(format!("{card} [data-item={slug}] [data-status={}]", status_slug(status))));
                                                    }>
                                                    {status.label(l)}
                                                </button>
                                            }
                                        }).collect_view()}
                                    </span>
                                </div>
                                {(item == ChecklistItem::MaterialStatus).then(|| {
                                    let card = card.clone();
                                    view! {
                                        <label class="check-material">
                                            {tx.pipeline.checklist_material}
                                            <select data-testid="check-material" on:change=move |ev| {
                                                let raw = event_target_value(&ev);
                                                let picked = MaterialStatus::VARIANTS.iter().copied().find(|m| m.label(l) == raw);
                                                let s = with_material(&base.get_value(), picked);
                                                send(s, Some(format!("{card} [data-testid=check-material]")));
                                            }>
                                                <option value="" selected=material.is_none()>{tx.pipeline.checklist_material_none}</option>
                                                {MaterialStatus::VARIANTS.iter().map(|&m| view! {
                                                    <option value=m.label(l) selected=material == Some(m)>{m.label(l)}</option>
                                                }).collect_view()}
                                            </select>
                                        </label>
                                    }
                                })}
                                <p class="check-detail">{c.detail.get(l).to_string()}</p>
                                <p class="check-ref"><strong>{tx.pipeline.checklist_reference}" : "</strong>{c.reference.get(l).to_string()}</p>
                                <input class="check-note" type="text" data-testid="check-note" value=note
                                    aria-label=format!("{} — {}", item.label(l), tx.pipeline.checklist_note)
                                    placeholder=tx.pipeline.checklist_note
                                    on:change=move |ev| {
                                        let text = event_target_value(&ev);
                                        send(with_note(&base.get_value(), item, &text), None);
                                    } />
                            </li>
                        }
                    }).collect_view()}
                </ul>
                {(!not_applicable.is_empty()).then(|| view! {
                    <p class="checklist-na">{format!("{} : {}", ItemStatus::NotApplicable.label(l), not_applicable.join(", "))}</p>
                })}
            </div>
        </div>
    }
}
