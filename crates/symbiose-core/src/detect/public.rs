//! Rendering proposals for an audience. The facilitator sees everything; a public audience
//! (a workshop screen, an export) never sees a private flow, sees an anonymised actor as "a
//! company of sector X", and never sees costs derived from a non-public flow.

use std::collections::HashSet;

use serde::Serialize;

use super::Proposal;
use crate::model::{Actor, ActorId, Confidentiality, Flow, FlowId, Index, Project};
use crate::refdata::naf;
use crate::{Bilingual, bilingual};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Facilitator,
    Public,
}

/// A proposal as an audience may read it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rendered {
    pub title: Bilingual,
    pub reasons: Vec<Bilingual>,
    pub flags: Vec<Bilingual>,
}

/// What an audience may see of one flow. This is the only place that decides it: the map, the
/// neighbourhood, proposals, exports and reports all ask [`sight`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sight {
    /// Nothing of it: a private flow, before a public audience.
    Hidden,
    /// The flow, its company called by its sector, and none of its costs: an anonymised flow
    /// before a public audience.
    Anonymous,
    /// Everything: the facilitator, or a public flow.
    Named,
}

impl Sight {
    /// The flow may appear at all.
    pub fn shown(self) -> bool {
        self != Sight::Hidden
    }

    /// The flow may appear under its company's name, with its costs.
    pub fn named(self) -> bool {
        self == Sight::Named
    }
}

/// What `audience` may see of a flow of this confidentiality.
pub fn sight(confidentiality: Confidentiality, audience: Audience) -> Sight {
    match (audience, confidentiality) {
        (Audience::Facilitator, _) | (_, Confidentiality::Public) => Sight::Named,
        (Audience::Public, Confidentiality::Anonymised) => Sight::Anonymous,
        (Audience::Public, Confidentiality::Private) => Sight::Hidden,
    }
}

/// What may be said of this flow's costs before a public audience (a workshop screen, a
/// deliverable): nothing unless the flow is public.
pub fn costs_public(confidentiality: Confidentiality) -> bool {
    sight(confidentiality, Audience::Public).named()
}

/// How an actor is named for an audience, given the confidentiality of the flow shown.
pub fn actor_label(
    actor: Option<&Actor>,
    confidentiality: Confidentiality,
    audience: Audience,
) -> Bilingual {
    let Some(actor) = actor else {
        return Bilingual::new("acteur inconnu", "unknown actor");
    };
    if sight(confidentiality, audience).named() {
        return Bilingual::new(actor.name.clone(), actor.name.clone());
    }
    let section = actor.naf.as_deref().and_then(naf::section_of);
    match section {
        Some(s) => bilingual!(
            |l| "une entreprise du secteur « {} »",
            "a company in \"{}\"",
            naf::section_label(s, l).unwrap_or("?")
        ),
        None => Bilingual::new("une entreprise du territoire", "a company of the territory"),
    }
}

/// What rendering `proposals` looks up, and nothing else: their flows (offer and need) and
/// companies, found in one pass over each list of the project. A company's few proposals among a
/// territory's 50,000 flows need no index of all of them.
pub fn index_for<'p>(
    project: &'p Project,
    proposals: impl IntoIterator<Item = &'p Proposal>,
) -> Index<'p> {
    let mut flows: HashSet<&FlowId> = HashSet::new();
    let mut actors: HashSet<&ActorId> = HashSet::new();
    for pr in proposals {
        flows.extend(std::iter::once(&pr.offer).chain(pr.need.as_ref()));
        actors.extend([&pr.offer_actor, &pr.receiver]);
    }
    Index::keeping(
        project,
        |a| actors.contains(&a.id),
        |f| flows.contains(&f.id),
    )
}

impl Proposal {
    /// The proposal for an audience; `None` when a public audience may not see it at all
    /// (one of its flows is private).
    pub fn render(&self, project: &Project, audience: Audience) -> Option<Rendered> {
        self.render_with(&|id| project.flow(id), &|id| project.actor(id), audience)
    }

    /// [`Proposal::render`] for many proposals: the lookups come from an index built once
    /// (an [`Index`]), since `Project::flow` is a scan and a territory can have 100,000
    /// proposals.
    pub fn render_in(&self, index: &Index, audience: Audience) -> Option<Rendered> {
        self.render_with(&|id| index.flow(id), &|id| index.actor(id), audience)
    }

    fn render_with<'p>(
        &self,
        flow: &dyn Fn(&FlowId) -> Option<&'p Flow>,
        actor: &dyn Fn(&ActorId) -> Option<&'p Actor>,
        audience: Audience,
    ) -> Option<Rendered> {
        let offer = flow(&self.offer)?;
        let need = self.need.as_ref().and_then(flow);
        let hidden = |f: &Flow| !sight(f.confidentiality, audience).shown();
        if hidden(offer) || need.is_some_and(hidden) {
            return None;
        }
        let giver = actor_label(actor(&self.offer_actor), offer.confidentiality, audience);
        let receiver_conf = need.map_or(Confidentiality::Public, |n| n.confidentiality);
        let taker = actor_label(actor(&self.receiver), receiver_conf, audience);
        let title = bilingual!(
            |l| "{} : « {} » → {}",
            "{}: \"{}\" → {}",
            giver.get(l),
            offer.label,
            taker.get(l)
        );
        let reasons = self
            .components()
            .into_iter()
            .map(|c| match (audience, c.public_text) {
                (Audience::Public, Some(public)) => public,
                _ => c.text,
            })
            .collect();
        let flags = self.flags().into_iter().map(|f| f.text).collect();
        Some(Rendered {
            title,
            reasons,
            flags,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Confidentiality::*;

    #[test]
    fn the_one_rule_of_who_sees_what() {
        for c in [Public, Anonymised, Private] {
            assert_eq!(sight(c, Audience::Facilitator), Sight::Named, "{c:?}");
        }
        assert_eq!(sight(Public, Audience::Public), Sight::Named);
        assert_eq!(sight(Anonymised, Audience::Public), Sight::Anonymous);
        assert_eq!(sight(Private, Audience::Public), Sight::Hidden);
        assert!(costs_public(Public) && !costs_public(Anonymised) && !costs_public(Private));
        let sawmill = Actor {
            name: "Scierie Orsini".into(),
            naf: Some("16.10A".into()),
            ..Default::default()
        };
        assert_eq!(
            actor_label(Some(&sawmill), Anonymised, Audience::Public).fr,
            "une entreprise du secteur « Industrie manufacturière »"
        );
        assert_eq!(
            actor_label(Some(&sawmill), Anonymised, Audience::Facilitator).fr,
            "Scierie Orsini"
        );
    }
}
