//! Asked before leaving a project whose latest edits are not stored (storage full, refused, a
//! conflict with another tab, never stored): export, leave anyway, or stay. The tab's own
//! close or reload is asked by the browser (`beforeunload`, see `persist::session`).

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::route::{LeaveRequest, go_anyway};
use crate::views::dialog::Dialog;
use crate::views::toolbar::export_open_project;

#[component]
pub fn LeaveDialog() -> impl IntoView {
    let t = use_texts();
    let LeaveRequest(request) = expect_context::<LeaveRequest>();
    let exported = RwSignal::new(false);
    view! {
        {move || request.get().map(|to| {
            let to = StoredValue::new(to);
            view! {
                <Dialog title=Signal::derive(move || t.get().files.leave_title) title_id="leave-title">
                    <div class="dialog-body" data-testid="leave-dialog" role="alert">
                        <p>{move || t.get().files.leave_body}</p>
                        <Show when=move || exported.get()>
                            <p class="hint" role="status" data-testid="leave-exported">{move || t.get().files.leave_exported}</p>
                        </Show>
                    </div>
                    <div class="dialog-buttons">
                        <button class="primary" data-testid="leave-export" on:click=move |_| {
                            export_open_project();
                            exported.set(true);
                        }>{move || t.get().files.leave_export}</button>
                        <button class="danger" data-testid="leave-anyway" on:click=move |_| {
                            exported.set(false);
                            go_anyway(to.get_value());
                        }>{move || t.get().files.leave_anyway}</button>
                        <button data-testid="leave-stay" on:click=move |_| {
                            exported.set(false);
                            request.set(None);
                        }>{move || t.get().files.leave_stay}</button>
                    </div>
                </Dialog>
            }
        })}
    }
}
