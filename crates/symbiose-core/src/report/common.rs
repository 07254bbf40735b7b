//! Sections several deliverables share: the cover, the territory, the flows by family, the key
//! figures, and the rule for what a deliverable shows of the companies' flows.

use super::doc::{Cell, Doc};
use crate::Lang;
use crate::detect::{Audience, actor_label, sight};
use crate::indicators::Indicators;
use crate::model::{CommuneRef, Date, Direction, Family, Flow, Index, ProgrammeTrack, Project};
use crate::numbers::{Precision::Reading, number};

/// Deliverables are read by funders and often published: a private flow is never in them, an
/// anonymised flow is attributed to its sector, and no flow's cost is printed.
pub fn shown_flows(p: &Project) -> impl Iterator<Item = &Flow> {
    p.flows
        .iter()
        .filter(|f| sight(f.confidentiality, Audience::Public).shown())
}

/// Who declared a flow, as a public reader may know it (`companies` finds the flow's company).
pub fn flow_owner(companies: &Index, f: &Flow, lang: Lang) -> String {
    actor_label(
        companies.actor(&f.actor),
        f.confidentiality,
        Audience::Public,
    )
    .get(lang)
    .to_string()
}

pub fn cover(d: &mut Doc, p: &Project, title: &str, lang: Lang, today: Date) {
    let t = &p.territory;
    d.h1(title);
    d.p(&p.name);
    let track = match t.track {
        ProgrammeTrack::NewTerritory => lang.pick(
            "nouveau territoire (phases 1–2 : diagnostic et accompagnement)",
            "new territory (phases 1–2: diagnostic and accompaniment)",
        ),
        ProgrammeTrack::Pilot => lang.pick(
            "territoire pilote (phases 3–4 : mise en œuvre et bilan)",
            "pilot territory (phases 3–4: implementation and bilan)",
        ),
    };
    let communes: Vec<String> = t.communes.iter().map(CommuneRef::display).collect();
    let mut lines = vec![
        format!(
            "{} : {}",
            lang.pick("Territoire", "Territory"),
            t.kind.label(lang)
        ),
        format!(
            "{} : {}",
            lang.pick("Communes", "Communes"),
            if communes.is_empty() {
                lang.pick(
                    "non précisées (celles des entreprises font foi)",
                    "not set (the companies' communes stand for them)",
                )
                .to_string()
            } else {
                communes.join(", ")
            }
        ),
        format!("{} : {track}", lang.pick("Parcours", "Track")),
        format!(
            "{} : {}",
            lang.pick("Phase en cours", "Current phase"),
            t.phase.number()
        ),
        format!(
            "{} : {}",
            lang.pick("Document produit le", "Document made on"),
            today.in_lang(lang)
        ),
    ];
    if !t.facilitator.is_empty() {
        lines.push(format!(
            "{} : {}",
            lang.pick("Animation", "Facilitation"),
            t.facilitator
        ));
    }
    if !t.funders.is_empty() {
        lines.push(format!(
            "{} : {}",
            lang.pick("Financeurs", "Funders"),
            t.funders.join(", ")
        ));
    }
    d.list(lines);
}

pub fn territory(d: &mut Doc, p: &Project, lang: Lang) {
    let t = &p.territory;
    let names: Vec<String> = t.communes.iter().map(CommuneRef::display).collect();
    let mut lines = vec![format!(
        "{} : {}",
        lang.pick("Communes", "Communes"),
        if names.is_empty() {
            "—".into()
        } else {
            names.join(", ")
        }
    )];
    if let Some(e) = &t.epci {
        lines.push(if e.name.is_empty() {
            format!("EPCI : {}", e.siren)
        } else {
            format!("EPCI : {} ({})", e.name, e.siren)
        });
    }
    if let Some(y) = t.start_year {
        lines.push(format!(
            "{} : {y}",
            lang.pick("Début du programme", "Programme start")
        ));
    }
    if let Some(y) = t.baseline_year {
        lines.push(format!(
            "{} : {y}",
            lang.pick(
                "Année de référence des indicateurs",
                "Indicators' baseline year"
            )
        ));
    }
    lines.push(format!(
        "{} : {}",
        lang.pick("Entreprises recensées", "Companies surveyed"),
        p.actors.len()
    ));
    d.list(lines);
    if !t.notes.is_empty() {
        d.p(&t.notes);
    }
}

/// Offers and needs by family, with yearly tonnes, MWh and m³ where declared.
pub fn flows_by_family(d: &mut Doc, p: &Project, lang: Lang) {
    let head = [
        lang.pick("Famille", "Family"),
        lang.pick("Offres", "Offers"),
        lang.pick("Besoins", "Needs"),
        lang.pick("t/an offertes", "t/yr offered"),
        lang.pick("MWh/an offerts", "MWh/yr offered"),
        lang.pick("m³/an offerts", "m³/yr offered"),
    ];
    let rows = Family::ALL.iter().filter_map(|fam| {
        let flows: Vec<&Flow> = shown_flows(p).filter(|f| f.family == *fam).collect();
        if flows.is_empty() {
            return None;
        }
        let sum = |dim| {
            flows
                .iter()
                .filter(|f| f.direction == Direction::Offer)
                .filter_map(|f| {
                    f.quantity.filter(|q| {
                        q.unit.dimension() == dim && q.period != crate::model::Period::Once
                    })
                })
                .map(|q| q.annual_base())
                .filter(|v| v.is_finite())
                .fold(0.0, |sum: f64, v| (sum + v).clamp(-f64::MAX, f64::MAX))
        };
        use crate::model::Dimension::*;
        let count = |direction| flows.iter().filter(|f| f.direction == direction).count();
        Some(vec![
            Cell::text(fam.label(lang)),
            Cell::number(count(Direction::Offer).to_string()),
            Cell::number(count(Direction::Need).to_string()),
            Cell::number(number(sum(Mass), lang, Reading)),
            Cell::number(number(sum(Energy), lang, Reading)),
            Cell::number(number(sum(Volume), lang, Reading)),
        ])
    });
    d.table(&head, rows.collect::<Vec<_>>());
}

/// The dashboard's achieved figures, with the pipeline's potential beside, and each method.
pub fn key_figures(d: &mut Doc, ind: &Indicators, lang: Lang) {
    let unit = |u: &str| {
        if lang == Lang::En {
            u.replace("/an", "/yr").replace("ETP", "FTE")
        } else {
            u.to_string()
        }
    };
    let mut boxes = vec![(
        ind.actors_engaged.to_string(),
        lang.pick("entreprises engagées", "companies engaged")
            .to_string(),
    )];
    boxes.extend(ind.achieved.iter().map(|i| {
        (
            format!("{} {}", number(i.value, lang, Reading), unit(i.unit)),
            i.label.get(lang).to_string(),
        )
    }));
    d.figures(&boxes);
    let head = [
        lang.pick("Indicateur", "Indicator"),
        lang.pick("Réalisé", "Achieved"),
        lang.pick("En projet", "In the pipeline"),
        lang.pick("Méthode", "Method"),
    ];
    let rows = ind.achieved.iter().map(|a| {
        let pot = ind
            .potential
            .iter()
            .find(|p| p.kind == a.kind)
            .map_or(0.0, |p| p.value);
        vec![
            Cell::text(a.label.get(lang)),
            Cell::number(format!(
                "{} {}",
                number(a.value, lang, Reading),
                unit(a.unit)
            )),
            Cell::number(format!("{} {}", number(pot, lang, Reading), unit(a.unit))),
            Cell::text(format!(
                "{} ({} / {})",
                a.method.get(lang),
                a.with_data,
                a.with_data + a.without_data
            )),
        ]
    });
    d.table(&head, rows.collect::<Vec<_>>());
    if let Some(co2) = ind.achieved.iter().find(|i| i.unit.starts_with("tCO")) {
        d.note(&format!(
            "{} : {}",
            lang.pick("Sources", "Sources"),
            co2.sources
                .iter()
                .map(|s| s.get(lang))
                .collect::<Vec<_>>()
                .join(" ; ")
        ));
    }
}

/// Every assumption behind the estimates, with its value and its source: a funder reads the
/// premises with the figures.
pub fn assumptions(d: &mut Doc, p: &Project, lang: Lang) {
    d.h3(lang.pick(
        "Hypothèses des estimations",
        "Assumptions behind the estimates",
    ));
    d.list(
        crate::detect::assumption_lines::lines(p, crate::factors::Factors::bundled())
            .iter()
            .map(|l| l.sentence(lang)),
    );
}
