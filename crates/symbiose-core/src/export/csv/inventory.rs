//! The inventory tables: who is on the territory and what each one offers or needs.

use super::Table;
use crate::Lang;
use crate::model::{Dimension, Index, Period, Project, Quantity};
use crate::refdata::{naf, waste};

/// Actors: identity, sector, location, contact.
pub fn actors(p: &Project, lang: Lang) -> String {
    let mut t = Table::new(
        lang,
        &[
            ("id", "id"),
            ("nom", "name"),
            ("siret", "siret"),
            ("naf", "naf"),
            ("activité", "activity"),
            ("effectif", "headcount"),
            ("adresse", "address"),
            ("commune", "commune"),
            ("latitude", "latitude"),
            ("longitude", "longitude"),
            ("contact", "contact"),
            ("étiquettes", "tags"),
            ("notes", "notes"),
        ],
    );
    for a in &p.actors {
        let naf_label = a
            .naf
            .as_deref()
            .and_then(naf::lookup)
            .map(|n| n.label(lang));
        t.row(vec![
            t.text(a.id.as_str()),
            t.text(&a.name),
            t.text(a.siret.as_ref().map_or("", |s| s.as_str())),
            t.text(a.naf.as_deref().unwrap_or("")),
            t.text(naf_label.unwrap_or("")),
            t.text(a.headcount.map_or("", |h| h.label())),
            t.text(&a.address),
            t.text(a.commune.as_deref().unwrap_or("")),
            t.number(a.position.map(|p| p.lat)),
            t.number(a.position.map(|p| p.lon)),
            t.text(&a.contact),
            t.text(&a.tags.join(", ")),
            t.text(&a.notes),
        ]);
    }
    t.finish()
}

/// Flows with their actor's name, the waste code and label, the quantity as declared and
/// brought to its yearly base (t, m³, MWh per year).
pub fn flows(p: &Project, lang: Lang) -> String {
    let mut t = Table::new(
        lang,
        &[
            ("id", "id"),
            ("entreprise", "company"),
            ("sens", "direction"),
            ("famille", "family"),
            ("libellé", "label"),
            ("catégorie", "category"),
            ("code déchet", "waste code"),
            ("libellé déchet", "waste label"),
            ("dangereux", "hazardous"),
            ("quantité", "quantity"),
            ("unité", "unit"),
            ("période", "period"),
            ("quantité annuelle", "annual quantity"),
            ("unité annuelle", "annual unit"),
            ("mois", "months"),
            ("exutoire", "route"),
            ("coût €/unité", "cost €/unit"),
            ("confidentialité", "confidentiality"),
            ("provenance", "provenance"),
            ("collecté le", "collected on"),
            ("collecté par", "collected by"),
            ("notes", "notes"),
        ],
    );
    // The companies only: each flow names its own.
    let companies = Index::keeping(p, |_| true, |_| false);
    for f in &p.flows {
        let actor = companies.actor(&f.actor).map_or("", |a| a.name.as_str());
        let code = f.waste_code.as_deref().and_then(waste::lookup);
        let q = f.quantity.as_ref();
        let months = if f.months.is_all_year() {
            String::new()
        } else {
            let numbers: Vec<String> = f.months.numbers().iter().map(u8::to_string).collect();
            numbers.join(" ")
        };
        t.row(vec![
            t.text(f.id.as_str()),
            t.text(actor),
            t.text(f.direction.label(lang)),
            t.text(f.family.label(lang)),
            t.text(&f.label),
            t.text(f.category.map_or("", |c| c.label(lang))),
            t.text(&code.map_or_else(
                || f.waste_code.clone().unwrap_or_default(),
                // The bundled list's display form already carries the hazardous star.
                |c| c.code_display.clone(),
            )),
            t.text(code.map_or("", |c| c.label(lang))),
            code.map_or(String::new(), |c| t.yes_no(c.hazardous)),
            t.number(q.map(|q| q.value)),
            t.text(q.map_or("", |q| q.unit.symbol())),
            t.text(q.map_or("", |q| period_label(q.period, lang))),
            t.number(q.map(|q| q.annual_base())),
            t.text(&q.map_or(String::new(), |q| annual_unit(q, lang))),
            t.text(&months),
            t.text(f.route.map_or("", |r| r.label(lang))),
            t.number(f.cost_eur_per_unit),
            t.text(f.confidentiality.label(lang)),
            t.text(f.provenance.map_or("", |v| v.label(lang))),
            t.date(f.collected_on),
            t.text(&f.collected_by),
            t.text(&f.notes),
        ]);
    }
    t.finish()
}

pub(crate) fn period_label(period: Period, lang: Lang) -> &'static str {
    match period {
        Period::Year => lang.pick("an", "year"),
        Period::Month => lang.pick("mois", "month"),
        Period::Week => lang.pick("semaine", "week"),
        Period::Day => lang.pick("jour ouvré", "working day"),
        Period::Once => lang.pick("ponctuel", "one-off"),
    }
}

fn annual_unit(q: &Quantity, lang: Lang) -> String {
    let base = q.unit.base().symbol();
    if q.unit.dimension() == Dimension::Power || q.period.per_year().is_none() {
        base.to_string()
    } else {
        format!("{base}/{}", lang.pick("an", "yr"))
    }
}
