//! The individual checks. Each pushes every problem it finds; none stops at the first.

use std::collections::{HashMap, HashSet};

use super::Report;
use crate::model::{Family, Flow, Project, Stage};
use crate::refdata::{naf, waste};

fn duplicates<'a>(ids: impl Iterator<Item = &'a str>, list: &str, r: &mut Report) {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        if id.trim().is_empty() {
            r.error(format!("{list}[{i}].id"), "identifiant vide", "empty id");
        } else if !seen.insert(id) {
            r.error(
                format!("{list}[{i}].id"),
                format!("identifiant « {id} » en double"),
                format!("duplicate id \"{id}\""),
            );
        }
    }
}

pub(super) fn ids_and_references(p: &Project, r: &mut Report) {
    duplicates(p.actors.iter().map(|a| a.id.as_str()), "actors", r);
    duplicates(p.flows.iter().map(|f| f.id.as_str()), "flows", r);
    duplicates(p.synergies.iter().map(|s| s.id.as_str()), "synergies", r);
    duplicates(p.actions.iter().map(|a| a.id.as_str()), "actions", r);
    duplicates(p.workshops.iter().map(|w| w.id.as_str()), "workshops", r);

    let actors: HashSet<&str> = p.actors.iter().map(|a| a.id.as_str()).collect();
    let flows: HashSet<&str> = p.flows.iter().map(|f| f.id.as_str()).collect();
    let synergies: HashSet<&str> = p.synergies.iter().map(|s| s.id.as_str()).collect();
    let missing = |r: &mut Report, path: String, what_fr: &str, what_en: &str, id: &str| {
        r.error(
            path,
            format!("{what_fr} « {id} » inexistante"),
            format!("{what_en} \"{id}\" does not exist"),
        );
    };
    for (i, f) in p.flows.iter().enumerate() {
        if !actors.contains(f.actor.as_str()) {
            missing(
                r,
                format!("flows[{i}].actor"),
                "entreprise",
                "company",
                f.actor.as_str(),
            );
        }
    }
    for (i, s) in p.synergies.iter().enumerate() {
        for (j, f) in s.flows.iter().enumerate() {
            if !flows.contains(f.as_str()) {
                r.error(
                    format!("synergies[{i}].flows[{j}]"),
                    format!("flux « {f} » inexistant"),
                    format!("flow \"{f}\" does not exist"),
                );
            }
        }
        for (j, a) in s.actors.iter().enumerate() {
            if !actors.contains(a.as_str()) {
                missing(
                    r,
                    format!("synergies[{i}].actors[{j}]"),
                    "entreprise",
                    "company",
                    a.as_str(),
                );
            }
        }
    }
    for (i, a) in p.actions.iter().enumerate() {
        if let Some(s) = &a.synergy
            && !synergies.contains(s.as_str())
        {
            missing(
                r,
                format!("actions[{i}].synergy"),
                "synergie",
                "synergy",
                s.as_str(),
            );
        }
    }
    for (i, w) in p.workshops.iter().enumerate() {
        for (j, a) in w.participants.iter().enumerate() {
            if !actors.contains(a.as_str()) {
                missing(
                    r,
                    format!("workshops[{i}].participants[{j}]"),
                    "entreprise",
                    "company",
                    a.as_str(),
                );
            }
        }
    }
}

pub(super) fn actors(p: &Project, r: &mut Report) {
    let mut sirets: HashMap<&str, usize> = HashMap::new();
    for (i, a) in p.actors.iter().enumerate() {
        if a.name.trim().is_empty() {
            r.error(format!("actors[{i}].name"), "nom vide", "empty name");
        }
        match a.position {
            Some(pos) if !pos.is_valid() => r.error(
                format!("actors[{i}].position"),
                "position hors des limites (latitude −90 à 90, longitude −180 à 180)",
                "position out of range (latitude −90 to 90, longitude −180 to 180)",
            ),
            None => r.warn(
                format!("actors[{i}].position"),
                "sans position : absente de la carte",
                "no position: not on the map",
            ),
            _ => {}
        }
        if let Some(code) = &a.naf
            && naf::lookup(code).is_none()
        {
            r.warn(
                format!("actors[{i}].naf"),
                format!("code NAF « {code} » inconnu, gardé tel quel"),
                format!("unknown NAF code \"{code}\", kept as is"),
            );
        }
        if let Some(s) = &a.siret
            && let Some(first) = sirets.insert(s.as_str(), i)
        {
            r.warn(
                format!("actors[{i}].siret"),
                format!("même SIRET que actors[{first}]"),
                format!("same SIRET as actors[{first}]"),
            );
        }
    }
}

pub(super) fn flows(flows: &[Flow], list: &str, r: &mut Report) {
    for (i, f) in flows.iter().enumerate() {
        let at = |field: &str| format!("{list}[{i}].{field}");
        if let Some(q) = f.quantity {
            if !q.value.is_finite() {
                r.error(at("quantity"), "valeur non numérique", "not a number");
            } else if q.value < 0.0 {
                r.error(at("quantity"), "valeur négative", "negative value");
            }
        }
        if f.cost_eur_per_unit.is_some_and(|c| !c.is_finite()) {
            r.error(
                at("cost_eur_per_unit"),
                "valeur non numérique",
                "not a number",
            );
        }
        if f.quality
            .temperature_c
            .is_some_and(|t| !t.is_finite() || t < -273.15)
        {
            r.error(
                at("quality.temperature_c"),
                "température impossible",
                "impossible temperature",
            );
        }
        if f.quality
            .purity_percent
            .is_some_and(|p| !(0.0..=100.0).contains(&p))
        {
            r.error(
                at("quality.purity_percent"),
                "pureté hors de 0–100 %",
                "purity outside 0–100 %",
            );
        }
        if f.months.count() == 0 {
            r.error(
                at("months"),
                "aucun mois de disponibilité",
                "no month available",
            );
        }
        match &f.waste_code {
            Some(code) if waste::lookup(code).is_none() => r.warn(
                at("waste_code"),
                format!("code déchet « {code} » absent de la liste européenne, gardé tel quel"),
                format!("waste code \"{code}\" not in the European List of Waste, kept as is"),
            ),
            None if f.family == Family::Waste => r.warn(
                at("waste_code"),
                "déchet sans code de la liste européenne : correspondances moins sûres",
                "waste without a List of Waste code: matches are less reliable",
            ),
            _ => {}
        }
    }
}

pub(super) fn synergies_and_roadmap(p: &Project, r: &mut Report) {
    for (i, s) in p.synergies.iter().enumerate() {
        if s.stage == Stage::Abandoned && s.abandon_reason.trim().is_empty() {
            r.error(
                format!("synergies[{i}].abandon_reason"),
                "synergie abandonnée sans raison",
                "abandoned synergy without a reason",
            );
        }
        for (field, g) in [("estimated", &s.estimated), ("measured", &s.measured)] {
            let values = g.values();
            if values.iter().flatten().any(|v| !v.is_finite()) {
                r.error(
                    format!("synergies[{i}].{field}"),
                    "gain non numérique",
                    "gain is not a number",
                );
            }
        }
    }
    for (i, a) in p.actions.iter().enumerate() {
        if let (Some(start), Some(end)) = (a.start, a.end)
            && end < start
        {
            r.error(
                format!("actions[{i}].end"),
                "fin avant le début",
                "ends before it starts",
            );
        }
        for (j, line) in a.funding.iter().enumerate() {
            if !line.amount_eur.is_finite() || line.amount_eur < 0.0 {
                r.error(
                    format!("actions[{i}].funding[{j}].amount_eur"),
                    "montant négatif ou non numérique",
                    "negative or non-numeric amount",
                );
            }
        }
    }
    for (i, m) in p.measurements.iter().enumerate() {
        if !m.value.is_finite() {
            r.error(
                format!("measurements[{i}].value"),
                "valeur non numérique",
                "not a number",
            );
        }
    }
}
