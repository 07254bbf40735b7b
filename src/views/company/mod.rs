//! The company panel: one actor's details and flows, and the forms to edit them. It takes the
//! list's place in the side panel while a company is selected.

mod actor_form;
pub mod flow_form;
mod idea;
pub mod neighbourhood;

use leptos::prelude::*;
use symbiose_core::detect::public::{Audience, sight};
use symbiose_core::refdata::{naf, waste};
use symbiose_core::{ActorId, Direction, Flow, FlowId, Lang};

use symbiose_core::edit::questionnaire::extract_questionnaire;
use symbiose_core::format;

use crate::files;
use crate::i18n::{Texts, use_lang, use_texts};
use crate::persist::keys::export_file_name;
use crate::state::use_project;
use actor_form::ActorForm;
use flow_form::FlowForm;
use idea::IdeaCapture;
use neighbourhood::Neighbourhood;
use symbiose_core::numbers::Precision::Reading;

#[derive(Debug, Clone, PartialEq)]
enum Editing {
    Nothing,
    Actor,
    Flow(FlowId),
    NewFlow(FlowId),
}

/// One line describing a flow, as the panel lists it.
pub fn flow_line(f: &Flow, t: &Texts, lang: Lang) -> String {
    let arrow = if f.direction == Direction::Offer {
        "↗"
    } else {
        "↘"
    };
    let mut parts = vec![
        format!("{arrow} {}", f.direction.label(lang)),
        f.label.clone(),
    ];
    if let Some(q) = f.quantity {
        parts.push(q.text(lang, Reading));
    }
    if let Some(code) = &f.waste_code {
        let hazardous = waste::lookup(code).is_some_and(|w| w.hazardous);
        parts.push(if hazardous {
            format!("{code}* ({})", t.company.hazardous)
        } else {
            code.clone()
        });
    }
    // Marked when a public audience would not see the flow in full: the rule is detect::public's.
    if !sight(f.confidentiality, Audience::Public).named() {
        parts.push(f.confidentiality.label(lang).to_string());
    }
    parts.join(" · ")
}

#[component]
pub fn CompanyPanel(id: ActorId) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let editing = RwSignal::new(if state.open_form.get_untracked() {
        Editing::Actor
    } else {
        Editing::Nothing
    });
    state.open_form.set(false);
    let actor_id = StoredValue::new(id);
    let actor = Memo::new(move |_| {
        state
            .project
            .with(|p| p.actor(&actor_id.get_value()).cloned())
    });
    let flows = Memo::new(move |_| {
        state.project.with(|p| {
            p.flows_of(&actor_id.get_value())
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let done = Callback::new(move |_| editing.set(Editing::Nothing));
    let new_flow = move |_| {
        let id = state
            .project
            .with_untracked(|p| FlowId::next_free(p.flows.iter().map(|f| &f.id)));
        editing.set(Editing::NewFlow(id));
    };

    let export_questionnaire = move |_| {
        let q = state
            .project
            .with_untracked(|p| extract_questionnaire(p, &actor_id.get_value()));
        if let Some(q) = q {
            let file = export_file_name(&q.actor.name, &files::today_iso(), "questionnaire");
            files::download(&file, "application/json", &format::save_questionnaire(&q)).ok();
        }
    };
    // The same sheet on paper: A4 HTML, pre-filled, with blank rows; printed from the browser.
    let paper_questionnaire = move |_| {
        let sheet = state.project.with_untracked(|p| {
            let name = p.actor(&actor_id.get_value())?.name.clone();
            let html = symbiose_core::report::paper_questionnaire(
                p,
                &actor_id.get_value(),
                lang.get_untracked(),
                crate::detection::today(),
            )?;
            Some((name, html))
        });
        if let Some((name, html)) = sheet {
            let file = crate::persist::keys::export_file_name_ext(
                &name,
                &files::today_iso(),
                "questionnaire-papier",
                "html",
            );
            files::download(&file, "text/html;charset=utf-8", &html).ok();
        }
    };
    let details = move || {
        actor.get().map(|a| {
            let t = t.get();
            let lang = lang.get();
            let activity = a.naf.as_deref().map(|c| match naf::lookup(c) {
                Some(n) => format!("{} · {}", n.code, n.label(lang)),
                None => c.to_string(),
            });
            let or_none = |s: Option<String>| {
                s.filter(|s| !s.is_empty())
                    .unwrap_or_else(|| t.company.not_given.to_string())
            };
            view! {
                <h2 class="company-title" data-testid="company-title">{a.name.clone()}</h2>
                <dl class="company-facts">
                    <dt>{t.company.activity}</dt><dd>{or_none(activity)}</dd>
                    <dt>"SIRET"</dt><dd>{or_none(a.siret.as_ref().map(|s| s.spaced()))}</dd>
                    <dt>{t.company.f_address}</dt><dd>{or_none(Some(a.address.clone()))}</dd>
                    <dt>{t.company.f_contact}</dt><dd>{or_none(Some(a.contact.clone()))}</dd>
                </dl>
            }
        })
    };

    view! {
        <aside class="company-panel detail" data-testid="company-detail">
            <button class="back" data-testid="back-to-list" on:click=move |_| state.selected.set(None)>
                {move || t.get().company.back_to_list}
            </button>
            {move || match editing.get() {
                Editing::Actor => actor.get_untracked().map(|a| view! { <ActorForm actor=a on_done=done /> }.into_any()),
                Editing::Flow(fid) => flows.get_untracked().into_iter().find(|f| f.id == fid)
                    .map(|f| view! { <FlowForm flow=f is_new=false on_done=done /> }.into_any()),
                Editing::NewFlow(fid) => Some(view! {
                    <FlowForm flow=Flow { id: fid, actor: actor_id.get_value(), ..Default::default() } is_new=true on_done=done />
                }.into_any()),
                Editing::Nothing => Some(view! {
                    <div class="company-detail-body">
                        {details}
                        <button data-testid="edit-actor" on:click=move |_| editing.set(Editing::Actor)>{move || t.get().common.edit}</button>
                        <button data-testid="export-questionnaire" title=move || t.get().company.questionnaire_export_hint
                            on:click=export_questionnaire>{move || t.get().company.questionnaire_export}</button>
                        <button data-testid="paper-questionnaire" title=move || t.get().company.paper_questionnaire_hint
                            on:click=paper_questionnaire>{move || t.get().company.paper_questionnaire}</button>
                        <h3>{move || t.get().company.flows_title}</h3>
                        <Show when=move || flows.with(Vec::is_empty)>
                            <p class="empty">{move || t.get().company.no_flows}</p>
                        </Show>
                        <ul class="flow-list" data-testid="flow-list">
                            <For each=move || flows.get() key=|f| (f.id.clone(), format!("{f:?}")) let:f>
                                <li>
                                    <button class="flow-item" data-testid="flow-item" on:click={
                                        let id = f.id.clone();
                                        move |_| editing.set(Editing::Flow(id.clone()))
                                    }>{
                                        let f = f.clone();
                                        move || flow_line(&f, t.get(), lang.get())
                                    }</button>
                                </li>
                            </For>
                        </ul>
                        <div class="capture-row">
                            <button class="primary" data-testid="add-flow" on:click=new_flow>{move || t.get().company.add_flow}</button>
                            <IdeaCapture actor=actor_id.get_value() />
                        </div>
                        <Neighbourhood />
                        <h3>{move || t.get().company.what_could_be_done}</h3>
                        <FlowLeads actor=actor_id.get_value() />
                    </div>
                }.into_any()),
            }}
        </aside>
    }
}

/// For each flow of the company, the best proposals that involve it (as offer or as need).
#[component]
pub fn FlowLeads(actor: ActorId) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let ui = crate::ui::use_ui();
    let detected = crate::detection::use_detected();
    let leads = Memo::new(move |_| {
        let lang = lang.get();
        // As the screen's audience may see them: in a workshop or the company explorer, no
        // private flow and no anonymised company's name.
        let audience = ui.audience.get();
        // `with`, not `get`: a territory's detection holds 100,000 proposals, never cloned. One
        // pass keeps the proposals where this company is a party, then each flow takes its 3 best
        // (proposals come best first within an offer).
        detected.with(|d| {
            state.project.with(|p| {
                let mine: Vec<&symbiose_core::detect::Proposal> = d
                    .proposals
                    .iter()
                    .filter(|pr| pr.offer_actor == actor || pr.receiver == actor)
                    .collect();
                // Only the flows and companies these proposals name, found in one pass: a
                // rendering looked each up from the start of 50,000 flows. Every flow of this
                // company that has a proposal is among them.
                let index = symbiose_core::detect::index_for(p, mine.iter().copied());
                index
                    .flows_of(&actor)
                    .iter()
                    .filter(|f| symbiose_core::detect::sight(f.confidentiality, audience).shown())
                    .filter_map(|f| {
                        let lines: Vec<String> = mine
                            .iter()
                            .filter(|pr| pr.offer == f.id || pr.need.as_ref() == Some(&f.id))
                            .filter_map(|pr| pr.render_in(&index, audience))
                            .take(3)
                            .map(|r| r.title.get(lang).to_string())
                            .collect();
                        (!lines.is_empty()).then(|| (f.label.clone(), lines))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <Show when=move || leads.with(Vec::is_empty)>
            <p class="empty">{move || t.get().company.no_flow_proposal}</p>
        </Show>
        <ul class="flow-leads" data-testid="flow-leads">
            {move || leads.get().into_iter().map(|(label, lines)| view! {
                <li><strong>{label}</strong>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </li>
            }).collect_view()}
        </ul>
    }
}
