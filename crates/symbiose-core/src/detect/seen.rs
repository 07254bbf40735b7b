//! What planning the next run needs of the last one (`incremental::Run::plan`), and nothing
//! more: for each offer, the needs of its shown pairs with their scores and the needs of its
//! refused pairs; for each company and flow, a fingerprint of its value, with a flow's company
//! and pooling theme and a company's position; a fingerprint of the assumptions. The detection
//! worker keeps this instead of the last project and detection (at 5,000 companies, megabytes
//! instead of hundreds of them), and it travels as bytes, so a worker started afresh plans
//! against the detection the page holds.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};

use serde::{Deserialize, Serialize};

use super::assumptions::Assumptions;
use super::incremental::Partial;
use super::mutualise::{PoolingTheme, theme_of};
use super::{Detection, Proposal, ProposalKind, Refusal};
use crate::model::{ActorId, FlowId, Position, Project};

/// A summary of the last run and of the inputs it read (see the module's comment).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Seen {
    pub(super) assumptions: u64,
    pub(super) flows: HashMap<FlowId, FlowSeen>,
    pub(super) actors: HashMap<ActorId, ActorSeen>,
    pub(super) offers: HashMap<FlowId, OfferSeen>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct FlowSeen {
    pub print: u64,
    pub actor: ActorId,
    /// The pooling theme it belonged to: an edit that changes it groups that theme again.
    #[serde(with = "theme_code")]
    pub theme: Option<PoolingTheme>,
}

/// A flow's pooling theme in the summary's bytes, as [`PoolingTheme::code`].
mod theme_code {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::detect::mutualise::PoolingTheme;
    use crate::model::ResourceCategory;

    pub fn serialize<S: Serializer>(t: &Option<PoolingTheme>, s: S) -> Result<S::Ok, S::Error> {
        t.map(PoolingTheme::code).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PoolingTheme>, D::Error> {
        match Option::<(u8, Option<ResourceCategory>)>::deserialize(d)? {
            None => Ok(None),
            Some(code) => PoolingTheme::from_code(code)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom("no pooling theme has this code")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct ActorSeen {
    pub print: u64,
    /// `None` when it has no valid position.
    pub position: Option<Position>,
}

/// An offer's shown substitution pairs (need, score) and refused needs. An offer with neither
/// has no entry.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(super) struct OfferSeen {
    pub pairs: Vec<(FlowId, f64)>,
    pub refused: Vec<FlowId>,
}

/// A fingerprint of a value: its bytes (postcard), hashed. Two equal values have the same; two
/// different ones, almost surely not. The hasher's keys are fixed, so a page and its worker
/// (one build) agree; a fingerprint is never stored.
pub(super) fn fingerprint<T: Serialize>(value: &T) -> u64 {
    Prints::default().of(value)
}

/// Fingerprints of many values, each written in one reused buffer and hashed in one call.
/// (Written as JSON straight into the hasher, piece by piece, the fingerprints of a territory's
/// 50,000 flows were a third of an update after one edit, 2026-12-03.)
#[derive(Default)]
pub(super) struct Prints(Vec<u8>);

impl Prints {
    pub fn of<T: Serialize>(&mut self, value: &T) -> u64 {
        let mut bytes = std::mem::take(&mut self.0);
        bytes.clear();
        // Writing to memory cannot fail, nor can a model value's serialisation.
        bytes = postcard::to_extend(value, bytes).unwrap_or_default();
        let mut hasher = DefaultHasher::new();
        hasher.write(&bytes);
        self.0 = bytes;
        hasher.finish()
    }
}

fn pairs_of<'a>(proposals: impl IntoIterator<Item = &'a Proposal>) -> Vec<(FlowId, f64)> {
    proposals
        .into_iter()
        .filter(|p| p.kind == ProposalKind::Substitution)
        .filter_map(|p| Some((p.need.clone()?, p.score)))
        .collect()
}

fn refused_of<'a>(refused: impl IntoIterator<Item = &'a Refusal>) -> Vec<FlowId> {
    refused.into_iter().filter_map(|r| r.need.clone()).collect()
}

impl Seen {
    /// The summary of `detection` and `refused`, found for `project`.
    pub fn new(project: &Project, detection: &Detection, refused: &[Refusal]) -> Self {
        let mut offers: HashMap<FlowId, OfferSeen> = HashMap::new();
        for p in &detection.proposals {
            if p.kind == ProposalKind::Substitution
                && let Some(need) = &p.need
            {
                let entry = offers.entry(p.offer.clone()).or_default();
                entry.pairs.push((need.clone(), p.score));
            }
        }
        for r in refused {
            if let Some(need) = &r.need {
                let entry = offers.entry(r.offer.clone()).or_default();
                entry.refused.push(need.clone());
            }
        }
        let mut seen = Self {
            offers,
            ..Self::default()
        };
        seen.read_inputs(project);
        seen
    }

    /// The fingerprints and places of `project`'s companies and flows, and of its assumptions.
    fn read_inputs(&mut self, project: &Project) {
        let mut prints = Prints::default();
        self.assumptions = prints.of(&Assumptions::for_project(project));
        self.flows = project
            .flows
            .iter()
            .map(|f| {
                let seen = FlowSeen {
                    print: prints.of(f),
                    actor: f.actor.clone(),
                    theme: theme_of(f),
                };
                (f.id.clone(), seen)
            })
            .collect();
        self.actors = project
            .actors
            .iter()
            .map(|a| {
                let seen = ActorSeen {
                    print: prints.of(a),
                    position: a.position.filter(Position::is_valid),
                };
                (a.id.clone(), seen)
            })
            .collect();
    }

    /// The summary after `partial`, the update of the detection this summarises into that of
    /// `project`: the rescored offers' pairs replaced, offers no longer there dropped.
    pub fn apply(&mut self, partial: &Partial, project: &Project) {
        let parts = partial.parts();
        let mut rescored: HashMap<&FlowId, OfferSeen> = parts
            .offers
            .iter()
            .filter(|(_, r)| *r)
            .map(|(id, _)| (id, OfferSeen::default()))
            .collect();
        for p in parts.proposals {
            if let Some(o) = rescored.get_mut(&p.offer) {
                o.pairs.extend(pairs_of([p]));
            }
        }
        for r in parts.refused {
            if let Some(o) = rescored.get_mut(&r.offer) {
                o.refused.extend(refused_of([r]));
            }
        }
        let kept: std::collections::HashSet<&FlowId> =
            parts.offers.iter().map(|(id, _)| id).collect();
        self.offers.retain(|id, _| kept.contains(id));
        for (id, o) in rescored {
            if o.pairs.is_empty() && o.refused.is_empty() {
                self.offers.remove(id);
            } else {
                self.offers.insert(id.clone(), o);
            }
        }
        self.read_inputs(project);
    }

    /// The summary of a whole run split between workers (`detect::share`), from the shares'
    /// summaries: their offers are disjoint, their inputs the same. `None` when there is none.
    pub fn join(shares: impl IntoIterator<Item = Seen>) -> Option<Self> {
        let mut shares = shares.into_iter();
        let mut whole = shares.next()?;
        for share in shares {
            whole.offers.extend(share.offers);
        }
        Some(whole)
    }

    /// As bytes, for a worker started afresh (postcard).
    pub fn to_bytes(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("a summary always encodes")
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, super::wire::WireError> {
        postcard::from_bytes(bytes).map_err(|e| super::wire::WireError(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_a_summary_are_refused() {
        assert!(Seen::from_bytes(&[0xff; 3]).is_err());
        assert!(Seen::from_bytes(&[]).is_err());
        let seen = Seen::default();
        assert_eq!(Seen::from_bytes(&seen.to_bytes()), Ok(seen));
    }

    #[test]
    fn the_shares_summaries_joined_are_the_whole_run_s() {
        use crate::detect::incremental::{Run, Update};
        use crate::detect::share::Share;
        use crate::factors::Factors;
        use crate::kb::KnowledgeBase;
        let project = crate::detect::synthetic::territory(2_000, 11);
        let asm = Assumptions::for_project(&project);
        let kb = KnowledgeBase::full();
        let (whole, refused) =
            crate::detect::detect_with_refusals(&project, &asm, Factors::bundled(), &kb);
        let of = 3;
        let shares = (0..of).map(|index| {
            let run = Run::new(&project, &asm, Factors::bundled(), &kb);
            let plan = run.plan_share(Share { index, of });
            match run.finish(plan) {
                Update::Full(d, r) => Seen::new(&project, &d, &r),
                Update::Partial(_) => panic!("a share is a whole run's part"),
            }
        });
        let joined = Seen::join(shares).expect("three shares");
        assert!(!joined.offers.is_empty());
        assert_eq!(joined, Seen::new(&project, &whole, &refused));
        assert_eq!(Seen::join([]), None);
    }

    #[test]
    fn every_pooling_theme_reads_back_from_its_code() {
        use crate::model::ResourceCategory as C;
        let mut themes = vec![PoolingTheme::GroupPurchase(C::Heat)];
        for n in 0..=u8::MAX {
            themes.extend(PoolingTheme::from_code((n, None)));
        }
        assert_eq!(
            themes.len(),
            14,
            "every theme but purchases, and one purchase"
        );
        for t in themes {
            assert_eq!(PoolingTheme::from_code(t.code()), Some(t));
        }
        assert_eq!(PoolingTheme::from_code((7, None)), None);
        assert_eq!(PoolingTheme::from_code((0, Some(C::Heat))), None);
    }

    #[test]
    fn a_fingerprint_follows_the_value() {
        let p = crate::demo::project();
        let (a, mut b) = (p.flows[0].clone(), p.flows[0].clone());
        assert_eq!(fingerprint(&a), fingerprint(&b));
        b.label.push('!');
        assert_ne!(fingerprint(&a), fingerprint(&b));
    }
}
