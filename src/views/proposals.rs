//! The proposals view: what detection found, each with its reasons in words a workshop can read,
//! filterable, and "take into the pipeline" to turn one into a synergy (stage: idea).

use leptos::prelude::*;
use symbiose_core::Index;
use symbiose_core::UserMessage;
use symbiose_core::detect::{Audience, ProposalKind};
use symbiose_core::edit::Command;
use symbiose_core::numbers::with_unit;
use symbiose_core::optimise::{Objective, optimise};
use symbiose_core::refdata::text::{all_words_in, fold};

use crate::detection::{
    synergy_from_mutualisation, synergy_from_proposal, taken_keys, today, use_detected,
};
use crate::i18n::{use_lang, use_texts};
use crate::notice::Notice;
use crate::state::use_project;
use crate::views::controls::{NoticeLine, Outcome};

/// How many cards are drawn at once: a projected list of 3,000 cards helps no one.
const SHOWN: usize = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    Substitution,
    Deductive,
    Mutualisation,
}

impl Filter {
    fn of(kind: ProposalKind) -> Self {
        match kind {
            ProposalKind::Substitution => Filter::Substitution,
            ProposalKind::Deductive => Filter::Deductive,
        }
    }
}

/// Where a card comes from in the detection.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Source {
    Proposal(usize),
    Pooling(usize),
}

/// The card of one proposal or pooling, its sentences written in `lang`.
fn card_of(
    d: &symbiose_core::detect::Detection,
    lookup: &Index,
    src: Source,
    lang: symbiose_core::Lang,
    taken: &[String],
) -> Option<Card> {
    match src {
        Source::Proposal(i) => {
            let pr = &d.proposals[i];
            let r = pr.render_in(lookup, Audience::Facilitator)?;
            let key = pr.key();
            Some(Card {
                taken: taken.contains(&key),
                key,
                title: r.title.get(lang).to_string(),
                reasons: r.reasons.iter().map(|b| b.get(lang).to_string()).collect(),
                flags: r.flags.iter().map(|b| b.get(lang).to_string()).collect(),
                score: Some(pr.score),
                kind: Filter::of(pr.kind),
            })
        }
        Source::Pooling(i) => {
            let m = &d.mutualisations[i];
            Some(Card {
                key: m.key.clone(),
                title: m.title.get(lang).to_string(),
                reasons: std::iter::once(&m.assumptions)
                    .chain(&m.obligations)
                    .map(|b| b.get(lang).to_string())
                    .collect(),
                flags: Vec::new(),
                score: None,
                taken: taken.contains(&m.key),
                kind: Filter::Mutualisation,
            })
        }
    }
}

/// One card: everything it shows, as text.
#[derive(Debug, Clone, PartialEq)]
struct Card {
    key: String,
    title: String,
    reasons: Vec<String>,
    flags: Vec<String>,
    score: Option<f64>,
    taken: bool,
    kind: Filter,
}

#[component]
pub fn Proposals() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let session = crate::persist::use_session();
    let state = use_project();
    let detected = use_detected();
    let progress = crate::detection::use_detection_progress();
    let failed = crate::detection::use_detection_failed();
    let filter = RwSignal::new(Filter::All);
    // What is typed, and the query searched once typing pauses (a search reads every card).
    let typed = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let pending = StoredValue::new_local(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
    let on_type = move |text: String| {
        typed.set(text.clone());
        pending.update_value(|p| {
            if let Some(old) = p.take() {
                old.clear();
            }
            *p = set_timeout_with_handle(
                move || query.set(text),
                std::time::Duration::from_millis(250),
            )
            .ok();
        });
    };

    // The order of every proposal (best score first, then the poolings), without their text: a
    // territory has 100,000 proposals, and writing every card's sentences would freeze the page
    // for seconds. Cards are written only for what is shown, or searched.
    let order = Memo::new(move |_| {
        detected.with(|d| {
            let mut order: Vec<(Source, Filter, f64)> = d
                .proposals
                .iter()
                .enumerate()
                .map(|(i, pr)| (Source::Proposal(i), Filter::of(pr.kind), pr.score))
                .collect();
            order.sort_by(|a, b| b.2.total_cmp(&a.2));
            order.extend(
                (0..d.mutualisations.len())
                    .map(|i| (Source::Pooling(i), Filter::Mutualisation, f64::NEG_INFINITY)),
            );
            order
        })
    });
    let shown = Memo::new(move |_| {
        let q = fold(&query.get());
        let f = filter.get();
        let lang = lang.get();
        let taken = state.project.with(taken_keys);
        order.with(|order| {
            detected.with(|d| {
                state.project.with(|p| {
                    let lookup = Index::new(p);
                    let candidates = order
                        .iter()
                        .filter(|(_, kind, _)| f == Filter::All || *kind == f);
                    let card = |src: &Source| card_of(d, &lookup, *src, lang, &taken);
                    if q.trim().is_empty() {
                        let total = candidates.clone().count();
                        let cards: Vec<Card> = candidates
                            .filter_map(|(src, _, _)| card(src))
                            .take(SHOWN)
                            .collect();
                        (cards, total.saturating_sub(SHOWN))
                    } else {
                        // A search reads every card's text: the user asked for it.
                        let matching: Vec<Card> = candidates
                            .filter_map(|(src, _, _)| card(src))
                            .filter(|c| {
                                all_words_in(
                                    &q,
                                    &fold(&format!("{} {}", c.title, c.reasons.join(" "))),
                                )
                            })
                            .collect();
                        let hidden = matching.len().saturating_sub(SHOWN);
                        (matching.into_iter().take(SHOWN).collect(), hidden)
                    }
                })
            })
        })
    });

    let take = move |key: String| {
        let today = today();
        let synergy = state.project.with_untracked(|p| {
            detected.with_untracked(|d| {
                d.proposals
                    .iter()
                    .find(|pr| pr.has_key(&key))
                    .map(|pr| synergy_from_proposal(p, pr, today))
                    .or_else(|| {
                        d.mutualisations
                            .iter()
                            .find(|m| m.key == key)
                            .map(|m| synergy_from_mutualisation(p, m, today))
                    })
            })
        });
        if let Some(s) = synergy
            && let Err(e) = state.apply(Command::AddSynergy(s))
        {
            session.notice.set(Some(Notice::error(&e)));
        }
    };

    let filter_button = move |f: Filter, label: fn(&crate::i18n::Texts) -> &'static str| {
        view! {
            <button class="filter" class:active=move || filter.get() == f aria-pressed=move || (filter.get() == f).to_string()
                on:click=move |_| filter.set(f)>{move || label(t.get())}</button>
        }
    };

    view! {
        <aside class="company-panel proposals" data-testid="proposals">
            <p class="proposals-intro">{move || t.get().proposals.proposals_intro}</p>
            {move || failed.get().map(|why| view! {
                <p class="notice error" role="alert" data-testid="detection-failed">
                    {move || t.get().proposals.detection_failed}" "
                    {if why.is_empty() { t.get_untracked().proposals.worker_not_loaded.to_string() } else { why }}
                </p>
            })}
            {move || progress.get().map(|share| view! {
                <p class="notice" role="status" data-testid="detection-progress">
                    {move || t.get().proposals.detection_progress}{move || symbiose_core::numbers::percent(share, lang.get())}
                </p>
            })}
            <div class="filters" role="group">
                {filter_button(Filter::All, |t| t.proposals.filter_all)}
                {filter_button(Filter::Substitution, |t| t.proposals.filter_substitution)}
                {filter_button(Filter::Deductive, |t| t.proposals.filter_deductive)}
                {filter_button(Filter::Mutualisation, |t| t.proposals.filter_mutualisation)}
            </div>
            <input type="search" class="company-search" data-testid="proposal-search"
                placeholder=move || t.get().proposals.search_proposals aria-label=move || t.get().proposals.search_proposals
                prop:value=move || typed.get() on:input=move |ev| on_type(event_target_value(&ev)) />
            <OptimalPlan />
            <Show when=move || progress.with(Option::is_none) && failed.with(Option::is_none) && shown.with(|(c, _)| c.is_empty())>
                <p class="empty">{move || t.get().proposals.no_proposals}</p>
            </Show>
            <ul class="proposal-list">
                <For each=move || shown.get().0 key=|c| (c.key.clone(), c.taken, c.title.clone()) let:card>
                    <li class="proposal-card" data-testid="proposal-card" class:taken=card.taken>
                        <h3>{card.title.clone()}
                            {card.score.map(|s| view! { <span class="score">{format!(" · {} {}", t.get_untracked().proposals.score, symbiose_core::numbers::percent(s, lang.get_untracked()))}</span> })}
                        </h3>
                        <ul class="reasons">{card.reasons.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view()}</ul>
                        {(!card.flags.is_empty()).then(|| view! {
                            <ul class="flags">{card.flags.iter().map(|f| view! { <li>"⚠ "{f.clone()}</li> }).collect_view()}</ul>
                        })}
                        {if card.taken {
                            view! { <p class="taken-note" data-testid="proposal-taken">"✓ "{move || t.get().proposals.in_pipeline}</p> }.into_any()
                        } else {
                            let key = card.key.clone();
                            view! {
                                <button class="primary" data-testid="take-proposal" on:click=move |_| take(key.clone())>
                                    {move || t.get().proposals.take_into_pipeline}
                                </button>
                            }.into_any()
                        }}
                    </li>
                </For>
            </ul>
            {move || {
                let hidden = shown.with(|(_, h)| *h);
                (hidden > 0).then(|| view! { <p class="more">{format!("{hidden} {}", t.get().proposals.more_proposals)}</p> })
            }}
            <Refused />
        </aside>
    }
}

/// How many refused pairs are listed: the first ones say which rules are at work.
const REFUSED_SHOWN: usize = 50;

/// The exchanges a regulatory rule kept out, each with the rule's sentence and legal reference,
/// so a facilitator can say why the obvious exchange is not proposed. They name companies and
/// flows, so only the facilitator's screen shows them.
#[component]
fn Refused() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let refused = crate::detection::use_refused();
    let audience = crate::ui::use_ui().audience;
    let lines = Memo::new(move |_| {
        let l = lang.get();
        refused.with(|list| {
            state.project.with(|p| {
                let company = |id| {
                    p.actor(id)
                        .map_or_else(|| "?".to_string(), |a| a.name.clone())
                };
                list.iter()
                    .take(REFUSED_SHOWN)
                    .map(|r| {
                        let offer = p
                            .flow(&r.offer)
                            .map_or_else(|| r.offer.to_string(), |f| f.label.clone());
                        (
                            format!(
                                "{offer} ({}) → {}",
                                company(&r.offer_actor),
                                company(&r.receiver)
                            ),
                            r.text.get(l).to_string(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <Show when=move || audience.get() == Audience::Facilitator && refused.with(|r| !r.is_empty())>
            <details class="refused" data-testid="refused">
                <summary>{move || format!("{} ({})", t.get().proposals.refused_title, refused.with(Vec::len))}</summary>
                <p class="hint">{move || t.get().proposals.refused_intro}</p>
                <ul>
                    {move || lines.get().into_iter().map(|(pair, why)| view! {
                        <li data-testid="refused-item"><strong>{pair}</strong><br />{why}</li>
                    }).collect_view()}
                </ul>
            </details>
        </Show>
    }
}

/// The best set of exchanges under the quantities declared, by € or by tCO₂e, computed on demand.
#[component]
fn OptimalPlan() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let detected = use_detected();
    let state = use_project();
    let result = RwSignal::new(None::<Result<(Objective, usize, f64, usize, Vec<String>), String>>);
    let run = move |objective: Objective| {
        let outcome = detected.with_untracked(|d| {
            optimise(&d.proposals, objective)
                .map(|plan| {
                    let titles = state.project.with_untracked(|p| {
                        plan.chosen
                            .iter()
                            .take(8)
                            .filter_map(|c| d.proposals.iter().find(|pr| pr.has_key(&c.key)))
                            .filter_map(|pr| pr.render(p, Audience::Facilitator))
                            .map(|r| r.title.get(lang.get_untracked()).to_string())
                            .collect()
                    });
                    (
                        objective,
                        plan.chosen.len(),
                        plan.total,
                        plan.not_considered,
                        titles,
                    )
                })
                .map_err(|e| e.message_in(lang.get_untracked()))
        });
        result.set(Some(outcome));
    };
    view! {
        <details class="optimal-plan" data-testid="optimal-plan">
            <summary>{move || t.get().proposals.optimise_title}</summary>
            <p class="hint">{move || t.get().proposals.optimise_explain}</p>
            <div class="filters">
                <button class="filter" data-testid="optimise-eur" on:click=move |_| run(Objective::Euros)>{move || t.get().proposals.optimise_eur}</button>
                <button class="filter" data-testid="optimise-co2" on:click=move |_| run(Objective::Co2e)>{move || t.get().proposals.optimise_co2}</button>
            </div>
            {move || result.get().map(|r| match r {
                Ok((objective, n, total, left_out, titles)) => {
                    let t = t.get();
                    let figure = match objective {
                        Objective::Euros => format!("{n} {} : {}", t.proposals.optimise_result_eur, with_unit(total.round(), lang.get(), t.common.gain_eur)),
                        Objective::Co2e => format!("{n} {} : {}", t.proposals.optimise_result_co2, with_unit((total * 10.0).round() / 10.0, lang.get(), t.common.gain_co2)),
                    };
                    view! {
                        <div data-testid="plan-result">
                            <p class="plan-total"><strong>{figure}</strong></p>
                            <ul class="reasons">{titles.into_iter().map(|x| view! { <li>{x}</li> }).collect_view()}</ul>
                            <p class="hint">{format!("{left_out} {}", t.proposals.optimise_left_out)}</p>
                        </div>
                    }.into_any()
                }
                Err(e) => view! { <NoticeLine notice=Some(Outcome::Failed(e)) /> }.into_any(),
            })}
        </details>
    }
}
