//! The public copy of a project, for eco-communication: what the programme achieved, without
//! what companies confided.
//!
//! The rule, applied by [`anonymise`]:
//! - Private flows are removed, and so is every synergy that uses one (its existence would
//!   reveal the flow); a roadmap action linked to such a synergy loses the link.
//! - An actor with at least one anonymised or private flow is renamed "Entreprise du secteur
//!   <section NAF>" ("A company in sector <section>"), numbered when several share a section, or
//!   "Entreprise du territoire" when its sector is unknown. Its NAF sub-class, headcount band and
//!   tags are dropped and its position is rounded to 0.01° (about 1 km), so neither the pin nor
//!   "sector + size" points at the one site of the zone that could be it. Its commune stays: the
//!   rounded position tells it anyway, and eco-communication reports by commune.
//! - Every actor loses its SIRET, address, contact and notes; every flow loses who collected it.
//! - Money is removed: flow costs, synergies' € gains and investment, actions' investment,
//!   operating cost, eligible cost, funding lines and the beneficiary's size. Physical gains (t, MWh, m³, tCO₂e) and jobs stay: they
//!   are what eco-communication reports.
//! - Every note is removed (flows, quality, synergies, stage history, barriers, actions,
//!   measurements, workshops, log entries, territory), with synergies' next step and abandon
//!   reason, workshops' outside participants and ideas, and the log's people, which are
//!   facilitator's working text.
//! - In every text that stays (titles, labels, owners, decisions…), the real name of a renamed
//!   actor is replaced by its public name, and any actor's SIRET or contact is removed, whatever
//!   the case.

use std::collections::{BTreeMap, HashSet};

use crate::Lang;
use crate::detect::{Audience, sight};
use crate::model::{ActorId, FlowId, Gains, Position, Project, SynergyId};
use crate::refdata::naf;

/// The public copy, with French names for renamed actors.
pub fn anonymise(p: &Project) -> Project {
    anonymise_in(p, Lang::Fr)
}

/// The public copy; `lang` chooses the language of the names given to renamed actors.
pub fn anonymise_in(p: &Project, lang: Lang) -> Project {
    let mut out = p.clone();
    out.public_copy = true;

    let private_flows: HashSet<FlowId> = p
        .flows
        .iter()
        .filter(|f| !sight(f.confidentiality, Audience::Public).shown())
        .map(|f| f.id.clone())
        .collect();
    let hidden_actors: HashSet<ActorId> = p
        .flows
        .iter()
        .filter(|f| !sight(f.confidentiality, Audience::Public).named())
        .map(|f| f.actor.clone())
        .collect();

    // Public names first, so every text can then be scrubbed of the real ones.
    let renames = public_names(p, &hidden_actors, lang);
    let mut secrets: Vec<(String, String)> = Vec::new();
    for a in &mut out.actors {
        if let Some(siret) = a.siret.take() {
            secrets.push((siret.as_str().to_string(), String::new()));
            secrets.push((siret.spaced(), String::new()));
        }
        if a.contact.trim().chars().count() >= 3 {
            secrets.push((a.contact.trim().to_string(), String::new()));
        }
        a.address.clear();
        a.contact.clear();
        a.notes.clear();
        if let Some(public) = renames.get(&a.id) {
            // Short names ("SA") would blank ordinary words; they are replaced on the actor only.
            if a.name.trim().chars().count() >= 3 {
                secrets.push((a.name.trim().to_string(), public.clone()));
            }
            a.name = public.clone();
            a.naf = None;
            a.headcount = None;
            a.tags.clear();
            a.position = a.position.map(|p| {
                let round = |v: f64| (v * 100.0).round() / 100.0;
                Position::new(round(p.lat), round(p.lon))
            });
        }
    }
    // Longest first, so a name containing another is replaced whole.
    secrets.sort_by_key(|(s, _)| std::cmp::Reverse(s.chars().count()));
    let scrub = |text: &mut String| {
        for (secret, public) in &secrets {
            if !secret.is_empty() {
                *text = replace_ignoring_case(text, secret, public);
            }
        }
    };

    out.flows.retain(|f| !private_flows.contains(&f.id));
    for f in &mut out.flows {
        f.cost_eur_per_unit = None;
        f.collected_by.clear();
        f.notes.clear();
        f.quality.notes.clear();
        scrub(&mut f.label);
        scrub(&mut f.quality.contaminants);
    }

    let dropped: HashSet<SynergyId> = p
        .synergies
        .iter()
        .filter(|s| s.flows.iter().any(|f| private_flows.contains(f)))
        .map(|s| s.id.clone())
        .collect();
    out.synergies.retain(|s| !dropped.contains(&s.id));
    for s in &mut out.synergies {
        scrub(&mut s.title);
        for g in [&mut s.estimated, &mut s.measured] {
            *g = Gains {
                eur_per_year: None,
                investment_eur: None,
                revenue_eur_per_year: None,
                avoided_investment_eur: None,
                ..*g
            };
        }
        s.next_step.clear();
        s.abandon_reason.clear();
        s.notes.clear();
        s.proposal_key = None;
        s.history.iter_mut().for_each(|h| h.note.clear());
        s.barriers.iter_mut().for_each(|b| b.note.clear());
    }

    for a in &mut out.actions {
        if a.synergy.as_ref().is_some_and(|s| dropped.contains(s)) {
            a.synergy = None;
        }
        scrub(&mut a.title);
        scrub(&mut a.owner);
        a.partners.iter_mut().for_each(&scrub);
        a.milestones.iter_mut().for_each(|m| scrub(&mut m.label));
        a.investment_eur = None;
        a.operating_eur_per_year = None;
        a.eligible_eur = None;
        a.beneficiary_size = None;
        a.funding.clear();
        a.notes.clear();
    }
    out.measurements.iter_mut().for_each(|m| m.note.clear());
    // The log says what the facilitation did, not with whom outside the companies, nor what
    // was said: its counts stay for eco-communication, its people and notes go.
    for a in &mut out.activities {
        scrub(&mut a.title);
        a.people.clear();
        a.notes.clear();
    }
    for w in &mut out.workshops {
        scrub(&mut w.title);
        w.decisions.iter_mut().for_each(&scrub);
        // Ideas are what the room said, about flows the copy may have removed: working text.
        w.ideas.clear();
        w.other_participants.clear();
        w.notes.clear();
    }
    out.territory.notes.clear();
    out
}

/// "Entreprise du secteur Industrie manufacturière", numbered "(2)", "(3)"… when several hidden
/// actors share a section, in the project's actor order.
fn public_names(p: &Project, hidden: &HashSet<ActorId>, lang: Lang) -> BTreeMap<ActorId, String> {
    let base_of = |naf_code: Option<&str>| match naf_code
        .and_then(naf::section_of)
        .and_then(|s| naf::section_label(s, lang))
    {
        Some(section) => format!(
            "{} {section}",
            lang.pick("Entreprise du secteur", "A company in sector")
        ),
        None => lang
            .pick("Entreprise du territoire", "A company of the area")
            .to_string(),
    };
    let bases: Vec<(ActorId, String)> = p
        .actors
        .iter()
        .filter(|a| hidden.contains(&a.id))
        .map(|a| (a.id.clone(), base_of(a.naf.as_deref())))
        .collect();
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, base) in &bases {
        *totals.entry(base.as_str()).or_default() += 1;
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    bases
        .iter()
        .map(|(id, base)| {
            let n = seen.entry(base.as_str()).or_default();
            *n += 1;
            let name = if totals[base.as_str()] > 1 {
                format!("{base} ({n})")
            } else {
                base.clone()
            };
            (id.clone(), name)
        })
        .collect()
}

/// Replaces every occurrence of `needle` in `text`, comparing characters case-insensitively.
fn replace_ignoring_case(text: &str, needle: &str, with: &str) -> String {
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let mut lowered = chars[i..].iter().flat_map(|(_, c)| c.to_lowercase());
        let mut taken = 0;
        let mut matched = true;
        for want in &needle {
            match lowered.next() {
                Some(c) if c == *want => taken += 1,
                _ => {
                    matched = false;
                    break;
                }
            }
        }
        // Count the source characters the match spans (lower-casing may expand one into two).
        if matched && taken == needle.len() {
            let mut span = 0;
            let mut produced = 0;
            while produced < needle.len() {
                produced += chars[i + span].1.to_lowercase().count();
                span += 1;
            }
            out.push_str(with);
            i += span;
        } else {
            out.push(chars[i].1);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_copy_says_it_is_one_and_survives_a_round_trip() {
        let demo = crate::demo::project();
        assert!(!demo.public_copy);
        let public = anonymise(&demo);
        assert!(public.public_copy);
        let text = crate::format::save_project(&public, false);
        assert!(text.contains("\"public_copy\":true"));
        assert!(
            crate::format::load_project(&text)
                .unwrap()
                .value
                .public_copy
        );
        assert!(!crate::format::save_project(&demo, false).contains("public_copy"));
    }

    #[test]
    fn replaces_whatever_the_case() {
        assert_eq!(
            replace_ignoring_case("Chaleur de la SOCIÉTÉ X vers Société x", "Société X", "Y"),
            "Chaleur de la Y vers Y"
        );
        assert_eq!(replace_ignoring_case("abc", "abcd", "Z"), "abc");
        assert_eq!(replace_ignoring_case("", "a", "Z"), "");
    }
}
