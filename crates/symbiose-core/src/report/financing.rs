//! The "Feuille de route" deliverable's financing part: each action's financing plan (cost,
//! eligible cost, aids and their rate, each funder's line with where it stands, self-funding),
//! then the aid follow-up by funder and by year (`charts::aid_follow_up`, the tables of the
//! roadmap page and the CSV export).

use super::doc::{Cell, Doc};
use crate::charts::{self, AidAmounts};
use crate::model::{Project, RoadmapAction};
use crate::numbers::{Precision::Reading, number};
use crate::{Lang, bilingual};

fn euros(v: f64, lang: Lang) -> String {
    format!("{} €", number(v, lang, Reading))
}

fn known(v: Option<f64>, lang: Lang) -> Cell {
    Cell::number(v.map_or("—".into(), |v| euros(v, lang)))
}

/// The aids and their rate on the eligible cost: "12 500 € (50 %)".
fn aid_cell(a: &RoadmapAction, lang: Lang) -> Cell {
    let aid = euros(a.aid(), lang);
    Cell::number(match a.aid_rate() {
        Some(rate) => format!("{aid} ({} %)", number(rate * 100.0, lang, Reading)),
        None => aid,
    })
}

fn plan_table(d: &mut Doc, p: &Project, lang: Lang) {
    let financed: Vec<&RoadmapAction> = p
        .actions
        .iter()
        .filter(|a| !a.funding.is_empty() || a.eligible_eur.is_some())
        .collect();
    if financed.is_empty() {
        d.p(lang.pick(
            "Aucune action n'a encore de plan de financement.",
            "No action has a financing plan yet.",
        ));
        return;
    }
    d.table(
        &[
            lang.pick("Action", "Action"),
            lang.pick("Type d'aide, bénéficiaire", "Kind of aid, beneficiary"),
            lang.pick("Coût HT", "Cost excl. VAT"),
            lang.pick("Dépense éligible", "Eligible cost"),
            lang.pick("Aides (taux)", "Aids (rate)"),
            lang.pick("Financeurs et état des aides", "Funders and aid status"),
            lang.pick("Autofinancement", "Self-funding"),
        ],
        financed
            .iter()
            .map(|a| {
                let kind = [
                    a.aid_kind.map(|k| k.label(lang)),
                    a.beneficiary_size.map(|s| s.label(lang)),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" — ");
                let money = a.money();
                vec![
                    Cell::text(a.title.clone()),
                    Cell::text(kind),
                    known(money.cost.ok(), lang),
                    known(a.eligible_eur, lang),
                    aid_cell(a, lang),
                    Cell::text(a.funding_text(lang)),
                    Cell::number(a.remaining_text(lang)),
                ]
            })
            .collect::<Vec<_>>(),
    );
    d.note(lang.pick(
        "Aides : toutes les lignes de financement sauf la part des entreprises, au montant accordé dès qu'il l'est (une aide refusée ne compte pas) ; taux d'aide : aides / dépense éligible. Autofinancement : le reste à charge du porteur.",
        "Aids: every funding line but the companies' share, at the amount granted once it is (a refused aid counts nothing); aid rate: aids / eligible cost. Self-funding: the project owner's remaining cost.",
    ));
}

fn amounts_row(label: String, a: &AidAmounts, lang: Lang) -> Vec<Cell> {
    vec![
        Cell::text(label),
        Cell::number(euros(a.planned, lang)),
        Cell::number(euros(a.granted, lang)),
        Cell::number(euros(a.paid, lang)),
    ]
}

fn follow_up_tables(d: &mut Doc, p: &Project, lang: Lang) {
    let f = charts::aid_follow_up(&p.actions);
    let columns = [
        lang.pick("Prévu", "Planned"),
        lang.pick("Accordé", "Granted"),
        lang.pick("Versé", "Paid"),
    ];
    let total = lang.pick("Total", "Total").to_string();
    d.h3(lang.pick("Aides par financeur", "Aids by funder"));
    let mut head = vec![lang.pick("Financeur", "Funder")];
    head.extend(columns);
    let mut rows: Vec<Vec<Cell>> = f
        .by_funder
        .iter()
        .filter(|(_, a)| !a.is_empty())
        .map(|(s, a)| amounts_row(s.label(lang).to_string(), a, lang))
        .collect();
    rows.push(amounts_row(total.clone(), &f.total, lang));
    d.table(&head, rows);
    d.h3(lang.pick("Aides par année", "Aids by year"));
    let mut head = vec![lang.pick("Année", "Year")];
    head.extend(columns);
    let mut rows: Vec<Vec<Cell>> = f
        .by_year
        .iter()
        .map(|(y, a)| {
            let year = y.map_or(
                lang.pick("année inconnue", "year unknown").to_string(),
                |y| y.to_string(),
            );
            amounts_row(year, a, lang)
        })
        .collect();
    rows.push(amounts_row(total, &f.total, lang));
    d.table(&head, rows);
    d.note(charts::aid_rule(lang));
    let (count, amount) = f.refused;
    if count > 0 {
        let amount = euros(amount, lang);
        d.note(&bilingual!(in lang,
            "Aides refusées : {count}, pour {amount} demandés.",
            "Refused aids: {count}, for {amount} asked."
        ));
    }
}

/// The financing part of the roadmap deliverable.
pub fn financing(d: &mut Doc, p: &Project, lang: Lang) {
    plan_table(d, p, lang);
    follow_up_tables(d, p, lang);
}
