//! Field by field: how a returned questionnaire's record completes the project's, and how each
//! difference reads in the summary.
//!
//! What "left blank" means, type by type (docs/FORMAT.md says the same):
//! - a text (name, address, contact, label, contaminants): empty or only spaces;
//! - an optional value (SIRET, NAF, headcount, commune, position, category, waste code,
//!   quantity, physical state, temperature, purity, route, cost): absent (`null` or no key);
//!   a waste code of only spaces counts as absent too;
//! - the months: the empty set, which no form can produce. "All year" is an answer, not a
//!   blank: Symbiose always writes the list, so all year in a returned file means the company
//!   chose it, and keeping the project's season instead would silently drop that answer. A
//!   hand-made file without the key reads as all year; the summary then shows the change;
//! - direction and family have no blank (Symbiose always writes them): the file's value stands,
//!   and the summary shows any change;
//! - confidentiality never becomes less strict unless the facilitator accepts it for that flow
//!   (a file without the key reads as public, the least strict level, so it keeps the project's).
//!
//! Fields the company never receives (the facilitator's notes on the company and its flows, the
//! flows' quality notes, the company's tags: see `extract_questionnaire`) are only ever added
//! to. Whatever a returned file holds there was written by the company, or comes from an older
//! file that still carried them: it is appended (notes) or joined (tags), never a replacement,
//! and a text the project already holds is not added twice.

use super::FieldChange;
use crate::model::{Actor, ActorId, Flow, Months, Quantity};
use crate::numbers::{Precision::Exact, number};
use crate::refdata::text::fold;
use crate::{Bilingual, Lang};

/// The file's text unless it is blank.
fn text(new: &str, old: &str) -> String {
    if new.trim().is_empty() {
        old.to_string()
    } else {
        new.to_string()
    }
}

/// The project's note with the file's appended, unless the file says nothing new.
fn added_note(old: &str, new: &str) -> String {
    let new = new.trim();
    if new.is_empty() || old.contains(new) {
        old.to_string()
    } else if old.trim().is_empty() {
        new.to_string()
    } else {
        format!("{}\n\n{new}", old.trim_end())
    }
}

/// The project's tags, then the file's that are not already there (case and accents folded).
fn joined_tags(old: &[String], new: &[String]) -> Vec<String> {
    let mut out = old.to_vec();
    for tag in new {
        let tag = tag.trim();
        if !tag.is_empty() && !out.iter().any(|t| fold(t.trim()) == fold(tag)) {
            out.push(tag.to_string());
        }
    }
    out
}

/// The project's actor completed by the file: the file wins where it says something.
pub(super) fn merged_actor(old: &Actor, new: &Actor) -> Actor {
    Actor {
        id: old.id.clone(),
        name: text(&new.name, &old.name),
        siret: new.siret.clone().or_else(|| old.siret.clone()),
        naf: new.naf.clone().or_else(|| old.naf.clone()),
        headcount: new.headcount.or(old.headcount),
        address: text(&new.address, &old.address),
        commune: new.commune.clone().or_else(|| old.commune.clone()),
        position: new.position.or(old.position),
        contact: text(&new.contact, &old.contact),
        tags: joined_tags(&old.tags, &new.tags),
        notes: added_note(&old.notes, &new.notes),
    }
}

/// The project's flow completed by the file's, for `actor`. Its confidentiality is the stricter
/// of the two unless `accept_looser`, the facilitator's explicit choice for this flow.
pub(super) fn merged_flow(old: &Flow, new: &Flow, actor: &ActorId, accept_looser: bool) -> Flow {
    let waste_code = new
        .waste_code
        .clone()
        .filter(|c| !c.trim().is_empty())
        .or_else(|| old.waste_code.clone());
    Flow {
        id: old.id.clone(),
        actor: actor.clone(),
        direction: new.direction,
        family: new.family,
        label: text(&new.label, &old.label),
        category: new.category.or(old.category),
        waste_code,
        quantity: new.quantity.or(old.quantity),
        months: if new.months.count() == 0 {
            old.months
        } else {
            new.months
        },
        quality: crate::model::Quality {
            state: new.quality.state.or(old.quality.state),
            temperature_c: new.quality.temperature_c.or(old.quality.temperature_c),
            purity_percent: new.quality.purity_percent.or(old.quality.purity_percent),
            contaminants: text(&new.quality.contaminants, &old.quality.contaminants),
            notes: added_note(&old.quality.notes, &new.quality.notes),
        },
        route: new.route.or(old.route),
        cost_eur_per_unit: new.cost_eur_per_unit.or(old.cost_eur_per_unit),
        confidentiality: if accept_looser {
            new.confidentiality
        } else {
            new.confidentiality.max(old.confidentiality)
        },
        provenance: new.provenance.or(old.provenance),
        collected_on: new.collected_on.or(old.collected_on),
        collected_by: text(&new.collected_by, &old.collected_by),
        notes: added_note(&old.notes, &new.notes),
    }
}

/// Collects the fields whose value differs, each shown in both languages.
#[derive(Default)]
struct Changes(Vec<FieldChange>);

impl Changes {
    /// A field whose shown value is the same in both languages.
    fn plain(&mut self, field: &'static str, differs: bool, old: String, new: String) {
        self.both(
            field,
            differs,
            Bilingual::new(old.clone(), old),
            Bilingual::new(new.clone(), new),
        );
    }

    fn both(&mut self, field: &'static str, differs: bool, old: Bilingual, new: Bilingual) {
        if differs {
            self.0.push(FieldChange { field, old, new });
        }
    }
}

/// A value in both languages, from a function of the language.
fn shown(f: impl Fn(Lang) -> String) -> Bilingual {
    Bilingual::from_fn(f)
}

fn opt_shown<T: Copy>(v: Option<T>, f: impl Fn(T, Lang) -> String) -> Bilingual {
    shown(|lang| v.map(|v| f(v, lang)).unwrap_or_default())
}

pub(super) fn actor_changes(old: &Actor, new: &Actor) -> Vec<FieldChange> {
    let mut c = Changes::default();
    c.plain(
        "name",
        old.name != new.name,
        old.name.clone(),
        new.name.clone(),
    );
    let siret = |a: &Actor| a.siret.as_ref().map(|s| s.spaced()).unwrap_or_default();
    c.plain("siret", old.siret != new.siret, siret(old), siret(new));
    c.plain(
        "naf",
        old.naf != new.naf,
        old.naf.clone().unwrap_or_default(),
        new.naf.clone().unwrap_or_default(),
    );
    let band = |a: &Actor| {
        a.headcount
            .map(|h| h.label().to_string())
            .unwrap_or_default()
    };
    c.plain(
        "headcount",
        old.headcount != new.headcount,
        band(old),
        band(new),
    );
    c.plain(
        "address",
        old.address != new.address,
        old.address.clone(),
        new.address.clone(),
    );
    c.plain(
        "commune",
        old.commune != new.commune,
        old.commune.clone().unwrap_or_default(),
        new.commune.clone().unwrap_or_default(),
    );
    let pos = |a: &Actor| {
        a.position
            .map(|p| format!("{:.5}, {:.5}", p.lat, p.lon))
            .unwrap_or_default()
    };
    c.plain("position", old.position != new.position, pos(old), pos(new));
    c.plain(
        "contact",
        old.contact != new.contact,
        old.contact.clone(),
        new.contact.clone(),
    );
    c.plain(
        "tags",
        old.tags != new.tags,
        old.tags.join(", "),
        new.tags.join(", "),
    );
    c.plain(
        "notes",
        old.notes != new.notes,
        old.notes.clone(),
        new.notes.clone(),
    );
    c.0
}

pub(super) fn flow_changes(old: &Flow, new: &Flow) -> Vec<FieldChange> {
    let mut c = Changes::default();
    c.both(
        "direction",
        old.direction != new.direction,
        shown(|l| old.direction.label(l).into()),
        shown(|l| new.direction.label(l).into()),
    );
    c.both(
        "family",
        old.family != new.family,
        shown(|l| old.family.label(l).into()),
        shown(|l| new.family.label(l).into()),
    );
    c.plain(
        "label",
        old.label != new.label,
        old.label.clone(),
        new.label.clone(),
    );
    c.both(
        "category",
        old.category != new.category,
        opt_shown(old.category, |v, l| v.label(l).into()),
        opt_shown(new.category, |v, l| v.label(l).into()),
    );
    c.plain(
        "waste_code",
        old.waste_code != new.waste_code,
        old.waste_code.clone().unwrap_or_default(),
        new.waste_code.clone().unwrap_or_default(),
    );
    c.both(
        "quantity",
        old.quantity != new.quantity,
        opt_shown(old.quantity, quantity_text),
        opt_shown(new.quantity, quantity_text),
    );
    c.both(
        "months",
        old.months != new.months,
        shown(|l| months_text(old.months, l)),
        shown(|l| months_text(new.months, l)),
    );
    let (oq, nq) = (&old.quality, &new.quality);
    c.both(
        "state",
        oq.state != nq.state,
        opt_shown(oq.state, |v, l| v.label(l).into()),
        opt_shown(nq.state, |v, l| v.label(l).into()),
    );
    let celsius = |v: f64, l| format!("{} °C", number(v, l, Exact));
    c.both(
        "temperature",
        oq.temperature_c != nq.temperature_c,
        opt_shown(oq.temperature_c, celsius),
        opt_shown(nq.temperature_c, celsius),
    );
    let percent = |v: f64, l| format!("{} %", number(v, l, Exact));
    c.both(
        "purity",
        oq.purity_percent != nq.purity_percent,
        opt_shown(oq.purity_percent, percent),
        opt_shown(nq.purity_percent, percent),
    );
    c.plain(
        "contaminants",
        oq.contaminants != nq.contaminants,
        oq.contaminants.clone(),
        nq.contaminants.clone(),
    );
    c.plain(
        "quality_notes",
        oq.notes != nq.notes,
        oq.notes.clone(),
        nq.notes.clone(),
    );
    c.both(
        "route",
        old.route != new.route,
        opt_shown(old.route, |v, l| v.label(l).into()),
        opt_shown(new.route, |v, l| v.label(l).into()),
    );
    c.both(
        "cost",
        old.cost_eur_per_unit != new.cost_eur_per_unit,
        opt_shown(old.cost_eur_per_unit, |v, l| cost_text(v, old.quantity, l)),
        opt_shown(new.cost_eur_per_unit, |v, l| cost_text(v, new.quantity, l)),
    );
    c.both(
        "confidentiality",
        old.confidentiality != new.confidentiality,
        shown(|l| old.confidentiality.label(l).into()),
        shown(|l| new.confidentiality.label(l).into()),
    );
    c.plain(
        "notes",
        old.notes != new.notes,
        old.notes.clone(),
        new.notes.clone(),
    );
    c.0
}

/// `40 t/an`, exact: a change summary must show the very figure that changes.
pub(super) fn quantity_text(q: Quantity, lang: Lang) -> String {
    q.text(lang, Exact)
}

/// A cost per unit of the flow's quantity, `140 €/t`, or `140 €` when no unit is known.
fn cost_text(v: f64, quantity: Option<Quantity>, lang: Lang) -> String {
    match quantity {
        Some(q) => format!("{} €/{}", number(v, lang, Exact), q.unit.symbol()),
        None => format!("{} €", number(v, lang, Exact)),
    }
}

const MONTHS_FR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn months_text(m: Months, lang: Lang) -> String {
    if m.is_all_year() {
        return lang.pick("toute l'année", "all year").into();
    }
    if m.count() == 0 {
        return lang.pick("aucun mois", "no month").into();
    }
    m.numbers()
        .iter()
        .map(|&n| lang.pick(MONTHS_FR[usize::from(n - 1)], MONTHS_EN[usize::from(n - 1)]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A field's name as the user reads it: the questionnaire's own fields, then the file's keys
/// (`format::fault::key_name`).
pub(super) fn field_label(field: &str, lang: Lang) -> &str {
    let (fr, en) = match field {
        "temperature" => ("température", "temperature"),
        "purity" => ("pureté", "purity"),
        "quality_notes" => ("notes de qualité", "quality notes"),
        "cost" => ("coût ou prix", "cost or price"),
        other => return crate::format::fault::key_name(other, lang).unwrap_or(other),
    };
    lang.pick(fr, en)
}
