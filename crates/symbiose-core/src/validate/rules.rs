//! The rules one record must follow, whatever its neighbours: the single home of what makes a
//! company, a flow, a synergy, an action, a target, a measurement, a workshop or the territory
//! acceptable.
//!
//! The loader runs them over every record of a file ([`super::validate`]), `edit::apply` over
//! every record a command adds or changes, and the forms over the record they are about to send.
//! So a project built by edits is always one the loader accepts. Rules between records (unique
//! ids, references, SIRETs shared) live in `checks`.
//!
//! Each rule pushes its problems with a path under `at` (`actors[3]`, `flows[12]`...), so a form
//! can read the field back from the path and the loader can say where a file is wrong.

use super::Report;
use crate::Lang;
use crate::model::{
    Activity, Actor, AssumptionChoices, ChecklistItem, Date, Flow, FundingLine, Measurement,
    Position, ProgrammeTrack, Project, RoadmapAction, Stage, Synergy, Target, Territory, Workshop,
};
use crate::refdata::{naf, waste};

/// The documented maxima (docs/FORMAT.md). They keep one pasted file or a runaway script from
/// making a project too heavy to open, print or project, while leaving real data far below them.
pub mod limits {
    /// Record ids (`a-12`, or an id brought by an imported file).
    pub const ID_CHARS: usize = 64;
    /// Names, titles, labels, short fields (address, contact, a tag, a partner).
    pub const NAME_CHARS: usize = 300;
    /// Notes, decisions, next steps: free text.
    pub const TEXT_CHARS: usize = 20_000;
    /// Entries of a list of short texts (tags, partners, funders, decisions...).
    pub const LIST_ITEMS: usize = 500;
    /// Years of dates, targets, the programme's start and baseline.
    pub const FIRST_YEAR: i32 = 1900;
    pub const LAST_YEAR: i32 = 2200;
    /// Points of the territory's drawn perimeter.
    pub const PERIMETER_POINTS: usize = 10_000;
}

/// Runs every record rule of a project (the loader's record-by-record part).
pub fn project(p: &Project, r: &mut Report) {
    project_name(&p.name, r);
    territory(&p.territory, "territory", r);
    assumptions(&p.assumptions, "assumptions", r);
    for (i, a) in p.actors.iter().enumerate() {
        actor(a, &format!("actors[{i}]"), r);
    }
    for (i, f) in p.flows.iter().enumerate() {
        flow(f, &format!("flows[{i}]"), r);
    }
    for (i, s) in p.synergies.iter().enumerate() {
        synergy(s, &format!("synergies[{i}]"), r);
    }
    for (i, a) in p.actions.iter().enumerate() {
        action(a, &format!("actions[{i}]"), r);
        action_phase(a, p.territory.track, &format!("actions[{i}]"), r);
    }
    for (i, t) in p.targets.iter().enumerate() {
        target(t, &format!("targets[{i}]"), r);
    }
    for (i, m) in p.measurements.iter().enumerate() {
        measurement(m, &format!("measurements[{i}]"), r);
    }
    for (i, w) in p.workshops.iter().enumerate() {
        workshop(w, &format!("workshops[{i}]"), r);
    }
    for (i, a) in p.activities.iter().enumerate() {
        activity(a, &format!("activities[{i}]"), r);
    }
}

/// `01001`, `2B033`: two digits or 2A/2B, then three digits.
fn insee_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 5
        && (b[..2].iter().all(u8::is_ascii_digit) || matches!(&b[..2], b"2A" | b"2B"))
        && b[2..].iter().all(u8::is_ascii_digit)
}

/// The range of each numeric assumption a person may set, where the engine's figures still
/// mean something (an efficiency of 0 would divide by zero; a detour below 1 is shorter than the
/// straight line). docs/DETECTION.md lists them.
pub const ASSUMPTION_RANGES: [(&str, f64, f64); 8] = [
    ("boiler_efficiency", 0.3, 1.1),
    ("road_factor", 1.0, 3.0),
    ("max_road_km", 1.0, 1000.0),
    ("transport_eur_per_tkm", 0.0, 10.0),
    ("current_outlet_road_km", 0.0, 1000.0),
    ("pooling_radius_km", 0.1, 200.0),
    ("pooling_saving_share", 0.0, 1.0),
    ("proposals_per_offer", 1.0, 50.0),
];

/// Whether a value is within its assumption's range (a name without one: any finite value).
pub fn assumption_in_range(name: &str, v: f64) -> bool {
    v.is_finite()
        && ASSUMPTION_RANGES
            .iter()
            .find(|(n, ..)| *n == name)
            .is_none_or(|(_, min, max)| (*min..=*max).contains(&v))
}

/// The assumptions a person set: each within its range, weights not negative nor all zero.
pub fn assumptions(c: &AssumptionChoices, at: &str, r: &mut Report) {
    let values = [
        ("boiler_efficiency", c.boiler_efficiency),
        ("road_factor", c.road_factor),
        ("max_road_km", c.max_road_km),
        ("transport_eur_per_tkm", c.transport_eur_per_tkm),
        ("current_outlet_road_km", c.current_outlet_road_km),
        ("pooling_radius_km", c.pooling_radius_km),
        ("pooling_saving_share", c.pooling_saving_share),
        ("proposals_per_offer", c.proposals_per_offer.map(f64::from)),
    ];
    for ((name, value), (_, min, max)) in values.into_iter().zip(ASSUMPTION_RANGES) {
        if let Some(v) = value
            && !assumption_in_range(name, v)
        {
            r.error(
                format!("{at}.{name}"),
                format!("{v} hors de l'intervalle accepté ({min} à {max})"),
                format!("{v} outside the accepted range ({min} to {max})"),
            );
        }
    }
    if let Some(w) = &c.weights
        && !w.usable()
    {
        r.error(
            format!("{at}.weights"),
            "poids négatifs ou tous nuls",
            "negative weights, or all zero",
        );
    }
}

pub fn project_name(name: &str, r: &mut Report) {
    short_text(name, "name", r);
}

pub fn territory(t: &Territory, at: &str, r: &mut Report) {
    for (i, c) in t.communes.iter().enumerate() {
        let path = format!("{at}.communes[{i}]");
        if !insee_code(&c.insee) {
            r.error(
                format!("{path}.insee"),
                format!(
                    "code INSEE « {} » invalide (5 caractères, ex. 2B033)",
                    c.insee
                ),
                format!(
                    "invalid INSEE code \"{}\" (5 characters, e.g. 2B033)",
                    c.insee
                ),
            );
        }
        short_text(&c.name, &format!("{path}.name"), r);
    }
    list_len(t.communes.len(), &format!("{at}.communes"), 40_000, r);
    if let Some(e) = &t.epci {
        if !(e.siren.len() == 9 && e.siren.bytes().all(|b| b.is_ascii_digit())) {
            r.error(
                format!("{at}.epci.siren"),
                format!("SIREN d'EPCI « {} » invalide (9 chiffres)", e.siren),
                format!("invalid EPCI SIREN \"{}\" (9 digits)", e.siren),
            );
        }
        short_text(&e.name, &format!("{at}.epci.name"), r);
    }
    list_len(
        t.perimeter.len(),
        &format!("{at}.perimeter"),
        limits::PERIMETER_POINTS,
        r,
    );
    if let Some(i) = t.perimeter.iter().position(|p| !p.is_valid()) {
        bad_position(&format!("{at}.perimeter[{i}]"), r);
    }
    year(t.start_year, &format!("{at}.start_year"), r);
    year(t.baseline_year, &format!("{at}.baseline_year"), r);
    for (i, b) in t.baseline_values.iter().enumerate() {
        let path = format!("{at}.baseline_values[{i}]");
        if !b.value.is_finite() {
            r.error(
                format!("{path}.value"),
                "valeur non numérique",
                "not a number",
            );
        }
        if t.baseline_values[..i]
            .iter()
            .any(|o| o.indicator == b.indicator)
        {
            r.error(
                format!("{path}.indicator"),
                format!("indicateur « {} » donné deux fois", b.indicator),
                format!("indicator \"{}\" given twice", b.indicator),
            );
        }
        if !crate::indicators::elipse::CODES.contains(&b.indicator.as_str()) {
            r.warn(
                format!("{path}.indicator"),
                format!("indicateur « {} » inconnu, gardé tel quel", b.indicator),
                format!("unknown indicator \"{}\", kept as is", b.indicator),
            );
        }
    }
    list_len(
        t.baseline_values.len(),
        &format!("{at}.baseline_values"),
        limits::LIST_ITEMS,
        r,
    );
    short_text(&t.facilitator, &format!("{at}.facilitator"), r);
    short_texts(&t.funders, &format!("{at}.funders"), r);
    long_text(&t.notes, &format!("{at}.notes"), r);
}

pub fn actor(a: &Actor, at: &str, r: &mut Report) {
    id(a.id.as_str(), at, r);
    if a.name.trim().is_empty() {
        r.error(format!("{at}.name"), "nom vide", "empty name");
    }
    short_text(&a.name, &format!("{at}.name"), r);
    if let Some(code) = &a.naf {
        short_text(code, &format!("{at}.naf"), r);
        if naf::lookup(code).is_none() {
            r.warn(
                format!("{at}.naf"),
                format!("code NAF « {code} » inconnu, gardé tel quel"),
                format!("unknown NAF code \"{code}\", kept as is"),
            );
        }
    }
    short_text(&a.address, &format!("{at}.address"), r);
    if let Some(c) = &a.commune {
        short_text(c, &format!("{at}.commune"), r);
    }
    match a.position {
        Some(p) if !p.is_valid() => bad_position(&format!("{at}.position"), r),
        None => r.warn(
            format!("{at}.position"),
            "sans position : absente de la carte",
            "no position: not on the map",
        ),
        _ => {}
    }
    short_text(&a.contact, &format!("{at}.contact"), r);
    short_texts(&a.tags, &format!("{at}.tags"), r);
    long_text(&a.notes, &format!("{at}.notes"), r);
}

pub fn flow(f: &Flow, at: &str, r: &mut Report) {
    let field = |name: &str| format!("{at}.{name}");
    id(f.id.as_str(), at, r);
    short_text(&f.label, &field("label"), r);
    if let Some(code) = &f.waste_code {
        short_text(code, &field("waste_code"), r);
    }
    if let Some(q) = f.quantity {
        if !q.value.is_finite() {
            r.error(field("quantity"), "valeur non numérique", "not a number");
        } else if q.value < 0.0 {
            r.error(field("quantity"), "valeur négative", "negative value");
        }
    }
    if f.cost_eur_per_unit.is_some_and(|c| !c.is_finite()) {
        r.error(
            field("cost_eur_per_unit"),
            "valeur non numérique",
            "not a number",
        );
    }
    if f.quality
        .temperature_c
        .is_some_and(|t| !t.is_finite() || !(-273.15..=10_000.0).contains(&t))
    {
        r.error(
            field("quality.temperature_c"),
            "température impossible (de −273,15 à 10 000 °C)",
            "impossible temperature (−273.15 to 10,000 °C)",
        );
    }
    if f.quality
        .purity_percent
        .is_some_and(|p| !(0.0..=100.0).contains(&p))
    {
        r.error(
            field("quality.purity_percent"),
            "pureté hors de 0–100 %",
            "purity outside 0–100 %",
        );
    }
    if f.months.count() == 0 {
        r.error(
            field("months"),
            "aucun mois de disponibilité",
            "no month available",
        );
    }
    short_text(&f.quality.contaminants, &field("quality.contaminants"), r);
    date(f.collected_on, &field("collected_on"), r);
    short_text(&f.collected_by, &field("collected_by"), r);
    long_text(&f.quality.notes, &field("quality.notes"), r);
    long_text(&f.notes, &field("notes"), r);
    match &f.waste_code {
        Some(code) if waste::lookup(code).is_none() => r.warn(
            field("waste_code"),
            format!("code déchet « {code} » absent de la liste européenne, gardé tel quel"),
            format!("waste code \"{code}\" not in the European List of Waste, kept as is"),
        ),
        None if f.family == crate::model::Family::Waste => r.warn(
            field("waste_code"),
            "déchet sans code de la liste européenne : correspondances moins sûres",
            "waste without a List of Waste code: matches are less reliable",
        ),
        _ => {}
    }
}

pub fn synergy(s: &Synergy, at: &str, r: &mut Report) {
    id(s.id.as_str(), at, r);
    short_text(&s.title, &format!("{at}.title"), r);
    if s.stage == Stage::Abandoned && s.abandon_reason.trim().is_empty() {
        r.error(
            format!("{at}.abandon_reason"),
            "synergie abandonnée sans raison",
            "abandoned synergy without a reason",
        );
    }
    for (field, g) in [("estimated", &s.estimated), ("measured", &s.measured)] {
        if g.values().iter().flatten().any(|v| !v.is_finite()) {
            r.error(
                format!("{at}.{field}"),
                "gain non numérique",
                "gain is not a number",
            );
        }
    }
    for (i, change) in s.history.iter().enumerate() {
        date(Some(change.date), &format!("{at}.history[{i}].date"), r);
        long_text(&change.note, &format!("{at}.history[{i}].note"), r);
    }
    list_len(s.history.len(), &format!("{at}.history"), 10_000, r);
    for (i, b) in s.barriers.iter().enumerate() {
        long_text(&b.note, &format!("{at}.barriers[{i}].note"), r);
    }
    list_len(
        s.barriers.len(),
        &format!("{at}.barriers"),
        limits::LIST_ITEMS,
        r,
    );
    long_text(&s.next_step, &format!("{at}.next_step"), r);
    long_text(&s.abandon_reason, &format!("{at}.abandon_reason"), r);
    if let Some(k) = &s.proposal_key {
        short_text(k, &format!("{at}.proposal_key"), r);
    }
    long_text(&s.notes, &format!("{at}.notes"), r);
    for (i, e) in s.regulatory.iter().enumerate() {
        let entry = format!("{at}.regulatory[{i}]");
        if s.regulatory[..i].iter().any(|o| o.item == e.item) {
            r.error(
                format!("{entry}.item"),
                "élément de la liste réglementaire présent deux fois",
                "regulatory checklist item given twice",
            );
        }
        if e.material.is_some() && e.item != ChecklistItem::MaterialStatus {
            r.error(
                format!("{entry}.material"),
                "statut de matière donné hors de l'élément « statut de la matière »",
                "material status given outside the \"status of the material\" item",
            );
        }
        long_text(&e.note, &format!("{entry}.note"), r);
    }
}

pub fn action(a: &RoadmapAction, at: &str, r: &mut Report) {
    id(a.id.as_str(), at, r);
    short_text(&a.title, &format!("{at}.title"), r);
    short_text(&a.owner, &format!("{at}.owner"), r);
    short_texts(&a.partners, &format!("{at}.partners"), r);
    date(a.start, &format!("{at}.start"), r);
    date(a.end, &format!("{at}.end"), r);
    if let (Some(start), Some(end)) = (a.start, a.end)
        && end < start
    {
        r.error(
            format!("{at}.end"),
            "fin avant le début",
            "ends before it starts",
        );
    }
    for (i, m) in a.milestones.iter().enumerate() {
        date(Some(m.date), &format!("{at}.milestones[{i}].date"), r);
        short_text(&m.label, &format!("{at}.milestones[{i}].label"), r);
    }
    list_len(
        a.milestones.len(),
        &format!("{at}.milestones"),
        limits::LIST_ITEMS,
        r,
    );
    for (field, v) in [
        ("investment_eur", a.investment_eur),
        ("operating_eur_per_year", a.operating_eur_per_year),
    ] {
        if v.is_some_and(|v| !v.is_finite() || v < 0.0) {
            r.error(
                format!("{at}.{field}"),
                "montant négatif ou non numérique",
                "negative or non-numeric amount",
            );
        }
    }
    if a.eligible_eur.is_some_and(|v| !v.is_finite() || v < 0.0) {
        r.error(
            format!("{at}.eligible_eur"),
            "montant négatif ou non numérique",
            "negative or non-numeric amount",
        );
    }
    for (j, line) in a.funding.iter().enumerate() {
        funding_line(line, &format!("{at}.funding[{j}]"), r);
    }
    financing(a, at, r);
    short_text(&a.origin, &format!("{at}.origin"), r);
    list_len(
        a.funding.len(),
        &format!("{at}.funding"),
        limits::LIST_ITEMS,
        r,
    );
    long_text(&a.notes, &format!("{at}.notes"), r);
}

fn funding_line(line: &FundingLine, at: &str, r: &mut Report) {
    for (field, v) in [
        ("amount_eur", Some(line.amount_eur)),
        ("granted_eur", line.granted_eur),
        ("paid_eur", line.paid_eur),
    ] {
        if v.is_some_and(|v| !v.is_finite() || v < 0.0) {
            r.error(
                format!("{at}.{field}"),
                "montant négatif ou non numérique",
                "negative or non-numeric amount",
            );
        }
    }
    if let (Some(granted), Some(paid)) = (line.granted(), line.paid())
        && paid > granted + CENT
    {
        r.error(
            format!("{at}.paid_eur"),
            format!(
                "versé ({}) supérieur à l'accordé ({})",
                euros(paid, Lang::Fr),
                euros(granted, Lang::Fr)
            ),
            format!(
                "paid ({}) above the amount granted ({})",
                euros(paid, Lang::En),
                euros(granted, Lang::En)
            ),
        );
    }
    let steps = [
        ("requested_on", line.requested_on),
        ("granted_on", line.granted_on),
        ("paid_on", line.paid_on),
    ];
    for (field, d) in steps {
        date(d, &format!("{at}.{field}"), r);
    }
    for (i, (field, later)) in steps.iter().enumerate().skip(1) {
        if let Some(later) = later
            && let Some((before, earlier)) =
                steps[..i].iter().rev().find_map(|(f, d)| d.map(|d| (f, d)))
            && *later < earlier
        {
            let (fr, en) = match *before {
                "requested_on" => ("la demande", "the request"),
                _ => ("l'accord", "the grant"),
            };
            r.error(
                format!("{at}.{field}"),
                format!("date antérieure à celle de {fr} ({earlier})"),
                format!("date before that of {en} ({earlier})"),
            );
        }
    }
    short_text(&line.note, &format!("{at}.note"), r);
}

/// Half a cent: sums of amounts typed to the cent may differ by rounding, never by more.
const CENT: f64 = 0.005;

fn euros(v: f64, lang: Lang) -> String {
    crate::numbers::with_unit(v, lang, "€")
}

/// The funder's two ceilings: the eligible cost is part of the cost (excluding VAT), and the
/// aids (every line but the companies' own, at the amount in force) never exceed it.
fn financing(a: &RoadmapAction, at: &str, r: &mut Report) {
    let Some(eligible) = a.eligible_eur.filter(|v| v.is_finite()) else {
        return;
    };
    if let Ok(cost) = a.money().cost
        && eligible > cost + CENT
    {
        r.error(
            format!("{at}.eligible_eur"),
            format!(
                "dépense éligible ({}) supérieure au coût de l'action ({} HT)",
                euros(eligible, Lang::Fr),
                euros(cost, Lang::Fr)
            ),
            format!(
                "eligible cost ({}) above the action's cost ({} excl. VAT)",
                euros(eligible, Lang::En),
                euros(cost, Lang::En)
            ),
        );
    }
    let aid = a.aid();
    if aid > eligible + CENT {
        r.error(
            format!("{at}.funding"),
            format!(
                "aides ({}) supérieures à la dépense éligible ({})",
                euros(aid, Lang::Fr),
                euros(eligible, Lang::Fr)
            ),
            format!(
                "aids ({}) above the eligible cost ({})",
                euros(aid, Lang::En),
                euros(eligible, Lang::En)
            ),
        );
    }
}

/// An action still to carry out (planned or in progress) in a phase the territory's track does
/// not fund: kept, with the call's rule. Actions done, or from an earlier plan, are history.
pub fn action_phase(a: &RoadmapAction, track: ProgrammeTrack, at: &str, r: &mut Report) {
    use crate::model::ActionStatus::{InProgress, Planned};
    if !matches!(a.status, Planned | InProgress) || track.funds(a.phase) {
        return;
    }
    let n = a.phase.number();
    r.warn(
        format!("{at}.phase"),
        format!(
            "phase {n} hors du parcours du territoire : {}",
            ProgrammeTrack::rule(Lang::Fr)
        ),
        format!(
            "phase {n} outside the territory's track: {}",
            ProgrammeTrack::rule(Lang::En)
        ),
    );
}

pub fn target(t: &Target, at: &str, r: &mut Report) {
    year(Some(t.year), &format!("{at}.year"), r);
    if !t.value.is_finite() {
        r.error(
            format!("{at}.value"),
            "valeur non numérique",
            "not a number",
        );
    }
}

pub fn measurement(m: &Measurement, at: &str, r: &mut Report) {
    date(Some(m.date), &format!("{at}.date"), r);
    if !m.value.is_finite() {
        r.error(
            format!("{at}.value"),
            "valeur non numérique",
            "not a number",
        );
    }
    short_text(&m.note, &format!("{at}.note"), r);
}

pub fn activity(a: &Activity, at: &str, r: &mut Report) {
    id(a.id.as_str(), at, r);
    date(a.date, &format!("{at}.date"), r);
    short_text(&a.title, &format!("{at}.title"), r);
    short_texts(&a.people, &format!("{at}.people"), r);
    list_len(
        a.actors.len(),
        &format!("{at}.actors"),
        limits::LIST_ITEMS * 20,
        r,
    );
    hours(a.hours, &format!("{at}.hours"), r);
    long_text(&a.notes, &format!("{at}.notes"), r);
}

/// Time spent on one activity: at most a year of days and nights, which no entry needs.
fn hours(h: Option<f64>, path: &str, r: &mut Report) {
    if h.is_some_and(|h| !h.is_finite() || !(0.0..=8_760.0).contains(&h)) {
        r.error(
            path,
            "durée hors de 0 à 8 760 heures",
            "time outside 0 to 8,760 hours",
        );
    }
}

pub fn workshop(w: &Workshop, at: &str, r: &mut Report) {
    id(w.id.as_str(), at, r);
    short_text(&w.title, &format!("{at}.title"), r);
    date(w.date, &format!("{at}.date"), r);
    short_texts(
        &w.other_participants,
        &format!("{at}.other_participants"),
        r,
    );
    for (i, d) in w.decisions.iter().enumerate() {
        long_text(d, &format!("{at}.decisions[{i}]"), r);
    }
    list_len(
        w.decisions.len(),
        &format!("{at}.decisions"),
        limits::LIST_ITEMS,
        r,
    );
    for (i, idea) in w.ideas.iter().enumerate() {
        long_text(idea, &format!("{at}.ideas[{i}]"), r);
    }
    list_len(w.ideas.len(), &format!("{at}.ideas"), limits::LIST_ITEMS, r);
    hours(w.hours, &format!("{at}.hours"), r);
    long_text(&w.notes, &format!("{at}.notes"), r);
}

fn id(id: &str, at: &str, r: &mut Report) {
    let path = format!("{at}.id");
    if id.trim().is_empty() {
        r.error(path, "identifiant vide", "empty id");
    } else if too_long(id, limits::ID_CHARS) {
        r.error(
            path,
            format!(
                "identifiant trop long (plus de {} caractères)",
                limits::ID_CHARS
            ),
            format!("id too long (over {} characters)", limits::ID_CHARS),
        );
    }
}

/// Counts characters only when the byte length could exceed the limit: a 4 MB name costs one
/// comparison, not four million steps.
fn too_long(text: &str, max_chars: usize) -> bool {
    text.len() > max_chars && text.chars().count() > max_chars
}

fn length(text: &str, path: &str, max: usize, r: &mut Report) {
    if too_long(text, max) {
        let n = text.chars().count();
        r.error(
            path,
            format!("texte trop long ({n} caractères, au plus {max})"),
            format!("text too long ({n} characters, at most {max})"),
        );
    }
}

fn short_text(text: &str, path: &str, r: &mut Report) {
    length(text, path, limits::NAME_CHARS, r);
}

fn long_text(text: &str, path: &str, r: &mut Report) {
    length(text, path, limits::TEXT_CHARS, r);
}

fn short_texts(items: &[String], path: &str, r: &mut Report) {
    list_len(items.len(), path, limits::LIST_ITEMS, r);
    for (i, t) in items.iter().enumerate() {
        short_text(t, &format!("{path}[{i}]"), r);
    }
}

fn list_len(len: usize, path: &str, max: usize, r: &mut Report) {
    if len > max {
        r.error(
            path,
            format!("liste trop longue ({len} éléments, au plus {max})"),
            format!("list too long ({len} items, at most {max})"),
        );
    }
}

fn bad_position(path: &str, r: &mut Report) {
    r.error(
        path,
        "position hors des limites (latitude −90 à 90, longitude −180 à 180)",
        "position out of range (latitude −90 to 90, longitude −180 to 180)",
    );
}

/// The years a date or a target may carry.
pub fn year_in_range(year: i32) -> bool {
    (limits::FIRST_YEAR..=limits::LAST_YEAR).contains(&year)
}

fn year(y: Option<i32>, path: &str, r: &mut Report) {
    if let Some(y) = y
        && !year_in_range(y)
    {
        r.error(
            path,
            format!(
                "année {y} hors de {}–{}",
                limits::FIRST_YEAR,
                limits::LAST_YEAR
            ),
            format!(
                "year {y} outside {}–{}",
                limits::FIRST_YEAR,
                limits::LAST_YEAR
            ),
        );
    }
}

fn date(d: Option<Date>, path: &str, r: &mut Report) {
    year(d.map(|d| d.year), path, r);
}

/// A position a map click may give: Leaflet reports longitudes beyond ±180 on the repeated
/// copies of the world left and right of the main one. The same place, brought back.
pub fn wrap_position(p: Position) -> Option<Position> {
    if !p.lat.is_finite() || !p.lon.is_finite() || p.lat.abs() > 90.0 {
        return None;
    }
    let lon = (p.lon + 180.0).rem_euclid(360.0) - 180.0;
    Some(Position::new(p.lat, lon))
}
