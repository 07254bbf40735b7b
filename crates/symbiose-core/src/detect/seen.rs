//! What planning the next run needs of the last one (`incremental::Run::plan`), and nothing
//! more: for each offer, the needs of its shown pairs with their scores and the needs of its
//! refused pairs; for each company and flow, a fingerprint of its value, with a flow's company
//! and a company's position; a fingerprint of the assumptions. The detection worker keeps this
//! instead of the last project and detection (at 5,000 companies, megabytes instead of hundreds
//! of them), and it travels as bytes, so a worker started afresh plans against the detection
//! the page holds.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};

use serde::{Deserialize, Serialize};

use super::assumptions::Assumptions;
use super::incremental::Partial;
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

/// A fingerprint of a value: its JSON text hashed as it is written, nothing allocated. Two
/// equal values have the same; two different ones, almost surely not. The hasher's keys are
/// fixed, so a page and its worker (one build) agree; a fingerprint is never stored.
pub(super) fn fingerprint<T: Serialize>(value: &T) -> u64 {
    struct Hashing(DefaultHasher);
    impl std::io::Write for Hashing {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.write(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut out = Hashing(DefaultHasher::new());
    // Writing to a hasher cannot fail, nor can a model value's serialisation.
    serde_json::to_writer(&mut out, value).ok();
    out.0.finish()
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
        self.assumptions = fingerprint(&Assumptions::for_project(project));
        self.flows = project
            .flows
            .iter()
            .map(|f| {
                let seen = FlowSeen {
                    print: fingerprint(f),
                    actor: f.actor.clone(),
                };
                (f.id.clone(), seen)
            })
            .collect();
        self.actors = project
            .actors
            .iter()
            .map(|a| {
                let seen = ActorSeen {
                    print: fingerprint(a),
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
    fn a_fingerprint_follows_the_value() {
        let p = crate::demo::project();
        let (a, mut b) = (p.flows[0].clone(), p.flows[0].clone());
        assert_eq!(fingerprint(&a), fingerprint(&b));
        b.label.push('!');
        assert_ne!(fingerprint(&a), fingerprint(&b));
    }
}
