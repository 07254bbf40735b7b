//! The roadmap page's aid follow-up: planned, granted and paid by funder and by year, from the
//! core's one count (`charts::aid_follow_up`), which the CSV export and the "Feuille de route"
//! deliverable print too.

use leptos::prelude::*;
use symbiose_core::charts::{AidAmounts, aid_follow_up, aid_rule};
use symbiose_core::numbers::{Precision::Reading, number};

use crate::i18n::{use_lang, use_texts};
use crate::state::use_project;

#[component]
pub fn AidFollowUp() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let follow_up = Memo::new(move |_| state.project.with(|p| aid_follow_up(&p.actions)));
    let any = move || follow_up.with(|f| !f.total.is_empty() || f.refused.0 > 0);
    let euros = move |v: f64| format!("{} €", number(v, lang.get(), Reading));
    let cells = move |a: &AidAmounts, strong: bool| {
        [a.planned, a.granted, a.paid]
            .into_iter()
            .map(|v| {
                if strong {
                    view! { <td class="num"><strong>{euros(v)}</strong></td> }.into_any()
                } else {
                    view! { <td class="num">{euros(v)}</td> }.into_any()
                }
            })
            .collect_view()
    };
    let head = move |first: &'static str| {
        let t = t.get();
        view! {
            <thead><tr>
                <th>{first}</th>
                <th>{t.roadmap.col_planned}</th>
                <th>{t.roadmap.col_granted}</th>
                <th>{t.roadmap.col_paid}</th>
            </tr></thead>
        }
    };
    let total_row = move || {
        view! {
            <tr data-testid="aids-total">
                <th scope="row">{t.get().roadmap.col_total}</th>
                {follow_up.with(|f| cells(&f.total, true))}
            </tr>
        }
    };
    view! {
        <section class="aids" data-testid="aids">
            <h3>{move || t.get().roadmap.aids_title}</h3>
            <p class="page-intro">{move || t.get().roadmap.aids_intro}</p>
            <Show when=any fallback=move || view! { <p class="empty">{move || t.get().roadmap.no_aids}</p> }>
                <div class="aids-tables">
                    <table class="programme" data-testid="aids-by-funder">
                        <caption>{move || t.get().roadmap.aids_by_funder}</caption>
                        {move || head(t.get().roadmap.col_funder)}
                        <tbody>
                            {move || follow_up.with(|f| f.by_funder.iter().filter(|(_, a)| !a.is_empty()).map(|(s, a)| view! {
                                <tr data-funder=format!("{s:?}")>
                                    <td>{s.label(lang.get())}</td>
                                    {cells(a, false)}
                                </tr>
                            }).collect_view())}
                            {total_row}
                        </tbody>
                    </table>
                    <table class="programme" data-testid="aids-by-year">
                        <caption>{move || t.get().roadmap.aids_by_year}</caption>
                        {move || head(t.get().roadmap.col_year)}
                        <tbody>
                            {move || follow_up.with(|f| f.by_year.iter().map(|(y, a)| {
                                let year = y.map_or_else(|| t.get().roadmap.year_unknown.to_string(), |y| y.to_string());
                                view! {
                                    <tr>
                                        <td>{year}</td>
                                        {cells(a, false)}
                                    </tr>
                                }
                            }).collect_view())}
                            {total_row}
                        </tbody>
                    </table>
                </div>
                {move || follow_up.with(|f| (f.refused.0 > 0).then(|| view! {
                    <p class="hint" data-testid="aids-refused">
                        {format!("{} {} ({})", t.get().roadmap.refused_aids, f.refused.0, euros(f.refused.1))}
                    </p>
                }))}
                <p class="page-intro">{move || format!("{} {}", t.get().roadmap.rule_word, aid_rule(lang.get()))}</p>
            </Show>
        </section>
    }
}
