//! The checks between records: unique ids, references, shared SIRETs. Each pushes every problem
//! it finds; none stops at the first. What one record must be on its own is in `rules`.

use std::collections::{HashMap, HashSet};

use super::Report;
use crate::model::Project;

fn duplicates<'a>(ids: impl Iterator<Item = &'a str>, list: &str, r: &mut Report) {
    let mut seen = HashSet::new();
    for (i, id) in ids.enumerate() {
        // An empty id is a record rule's error (rules::id), not a duplicate.
        if !id.trim().is_empty() && !seen.insert(id) {
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
    duplicates(p.activities.iter().map(|a| a.id.as_str()), "activities", r);

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
    for (i, entry) in p.activities.iter().enumerate() {
        for (j, a) in entry.actors.iter().enumerate() {
            if !actors.contains(a.as_str()) {
                missing(
                    r,
                    format!("activities[{i}].actors[{j}]"),
                    "entreprise",
                    "company",
                    a.as_str(),
                );
            }
        }
    }
}

/// Two companies with the same SIRET are most likely one entered twice: kept, flagged.
pub(super) fn shared_sirets(p: &Project, r: &mut Report) {
    let mut sirets: HashMap<&str, usize> = HashMap::new();
    for (i, a) in p.actors.iter().enumerate() {
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
