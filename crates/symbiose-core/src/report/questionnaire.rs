//! The paper questionnaire: one company's sheet on A4, its known details and flows pre-filled,
//! blank rows to write what is missing, for the site visit or the company that prefers paper.
//! It carries what the file questionnaire carries (`edit::questionnaire`): the company's own
//! figures, never the facilitator's notes or tags.

use super::doc::{Cell, Doc};
use crate::Lang;
use crate::model::{ActorId, Date, Direction, Flow, Project};
use crate::numbers::{Precision::Reading, number};
use crate::refdata::naf;

/// Rows left blank under each list of flows, for what the company adds by hand.
pub const BLANK_ROWS: usize = 5;

fn flow_row(f: &Flow, lang: Lang) -> Vec<Cell> {
    let months = if f.months.is_all_year() {
        lang.pick("toute l'année", "all year").to_string()
    } else {
        f.months
            .numbers()
            .iter()
            .map(u8::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    vec![
        Cell::text(match &f.waste_code {
            Some(code) => format!("{} ({code})", f.label),
            None => f.label.clone(),
        }),
        Cell::text(f.family.label(lang)),
        Cell::number(f.quantity.map_or(String::new(), |q| q.text(lang, Reading))),
        Cell::text(months),
        Cell::text(f.route.map_or("", |r| r.label(lang))),
        Cell::number(
            f.cost_eur_per_unit
                .map_or(String::new(), |c| number(c, lang, Reading)),
        ),
        Cell::text(f.provenance.map_or("", |p| p.label(lang))),
    ]
}

fn flows_table(d: &mut Doc, p: &Project, actor: &ActorId, direction: Direction, lang: Lang) {
    let head = [
        lang.pick("Ressource (code déchet)", "Resource (waste code)"),
        lang.pick("Famille", "Family"),
        lang.pick("Quantité", "Quantity"),
        lang.pick("Mois", "Months"),
        match direction {
            Direction::Offer => lang.pick("Exutoire actuel", "Current outlet"),
            Direction::Need => lang.pick("Source actuelle", "Current source"),
        },
        lang.pick("Coût €/unité", "Cost €/unit"),
        lang.pick(
            "Déclaré, estimé ou mesuré",
            "Declared, estimated or measured",
        ),
    ];
    let mut rows: Vec<Vec<Cell>> = p
        .flows_of(actor)
        .filter(|f| f.direction == direction)
        .map(|f| flow_row(f, lang))
        .collect();
    rows.extend((0..BLANK_ROWS).map(|_| vec![Cell::Blank; head.len()]));
    d.table(&head, rows);
}

/// The sheet of `actor`, or `None` when the project has no such company.
pub fn paper_questionnaire(
    p: &Project,
    actor: &ActorId,
    lang: Lang,
    today: Date,
) -> Option<String> {
    let a = p.actor(actor)?;
    let mut d = Doc::new();
    d.h1(lang.pick("Questionnaire des flux", "Flow questionnaire"));
    d.p(&a.name);
    d.note(&format!(
        "{} — {} {}",
        p.name,
        lang.pick("imprimé le", "printed on"),
        today.in_lang(lang)
    ));
    d.p(lang.pick(
        "Corrigez ce qui est pré-rempli, complétez les lignes vides, et rendez la feuille à l'animateur. Une quantité se donne avec son unité et sa période (t/an, m³/mois, MWh/an…). Ce que vous marquez « confidentiel » ne sera montré à personne d'autre.",
        "Correct what is pre-filled, fill in the blank rows, and give the sheet back to the facilitator. A quantity comes with its unit and period (t/yr, m³/month, MWh/yr…). What you mark \"confidential\" will be shown to no one else.",
    ));
    d.h2(lang.pick("1. L'entreprise", "1. The company"));
    let activity = a.naf.as_deref().map(|c| match naf::lookup(c) {
        Some(n) => format!("{} {}", n.code, n.label(lang)),
        None => c.to_string(),
    });
    let facts: [(&str, String); 6] = [
        (lang.pick("Raison sociale", "Company name"), a.name.clone()),
        (
            "SIRET",
            a.siret.as_ref().map_or(String::new(), |s| s.spaced()),
        ),
        (
            lang.pick("Activité (NAF)", "Activity (NAF)"),
            activity.unwrap_or_default(),
        ),
        (
            lang.pick("Effectif", "Headcount"),
            a.headcount.map_or(String::new(), |h| {
                format!("{} {}", h.label(), lang.pick("salariés", "staff"))
            }),
        ),
        (lang.pick("Adresse", "Address"), a.address.clone()),
        (lang.pick("Contact", "Contact"), a.contact.clone()),
    ];
    d.table(
        &[
            lang.pick("Rubrique", "Item"),
            lang.pick("Connu", "Known"),
            lang.pick("Correction", "Correction"),
        ],
        facts
            .into_iter()
            .map(|(what, known)| vec![Cell::text(what), Cell::text(known), Cell::Blank])
            .collect::<Vec<_>>(),
    );
    d.h2(lang.pick(
        "2. Ce que vous avez : sorties, déchets, coproduits, surplus, équipements ou compétences à partager",
        "2. What you have: outputs, waste, by-products, surpluses, equipment or skills to share",
    ));
    flows_table(&mut d, p, actor, Direction::Offer, lang);
    d.h2(lang.pick(
        "3. Ce dont vous avez besoin : matières, énergie, eau, services",
        "3. What you need: materials, energy, water, services",
    ));
    flows_table(&mut d, p, actor, Direction::Need, lang);
    d.h2(lang.pick(
        "4. Remarques, flux confidentiels",
        "4. Remarks, confidential flows",
    ));
    d.table(&[""], (0..4).map(|_| vec![Cell::Blank]).collect::<Vec<_>>());
    Some(d.finish(
        &format!(
            "{} — {}",
            lang.pick("Questionnaire des flux", "Flow questionnaire"),
            a.name
        ),
        lang,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sheet_prefills_the_company_and_its_flows_and_leaves_rows_to_write_in() {
        let p = crate::demo::project();
        let a = &p.actors[0];
        let today = Date::new(2026, 12, 2).unwrap();
        let html = paper_questionnaire(&p, &a.id, Lang::Fr, today).unwrap();
        assert!(html.contains(&crate::charts::escape(&a.name)));
        for f in p.flows_of(&a.id) {
            assert!(
                html.contains(&crate::charts::escape(&f.label)),
                "{}",
                f.label
            );
        }
        // Company facts, two flow tables and the remarks: 6 + 5 + 5 + 4 blank cells' rows.
        let blank_rows = html.matches("<td class=\"blank\"></td></tr>").count();
        assert_eq!(blank_rows, 6 + BLANK_ROWS * 2 + 4);
        assert!(html.contains("imprimé le 02/12/2026"));
        // The facilitator's notes and tags are not the company's to read.
        for secret in a.tags.iter().chain([&a.notes]) {
            if !secret.is_empty() {
                assert!(!html.contains(&crate::charts::escape(secret)), "{secret}");
            }
        }
        let en = paper_questionnaire(&p, &a.id, Lang::En, today).unwrap();
        assert!(en.contains("What you need"));
        assert!(paper_questionnaire(&p, &ActorId::new("a-404"), Lang::Fr, today).is_none());
    }
}
