//! A detection as messages between the detection worker and the page.
//!
//! The browser runs detection in a Web Worker with its own wasm module (issue 15), so whatever it
//! finds crosses to the page as bytes. A territory of 5,000 companies has 250,000 proposals:
//! they go as binary chunks (postcard) that the page decodes a few thousand at a time, and
//! everything else (pooling, refusals, the assumptions and factors the sentences quote) as one
//! JSON head. A proposal crosses with the numbers its sentences are written from ([`Why`]);
//! references into the bundled tables (NAF and waste codes, Symbiose's rules) cross as their
//! position in the table, and the shared setting once, in the head. Decoding gives back the
//! very proposals encoded: same figures, same sentences (test below).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::incremental::{Partial, Update};
use super::mutualise::PoolingTheme;
use super::why::{Setting, Why};
use super::{Detection, Mutualisation, Proposal, ProposalKind, Refusal};
use crate::Bilingual;
use crate::factors::Factors;
use crate::model::{Actor, ActorId, AssumptionChoices, Flow, FlowId, Project, Territory};

use super::assumptions::Assumptions;

/// Proposals per binary chunk: a chunk decodes in a few milliseconds on a laptop.
pub const CHUNK: usize = 2_000;

/// Companies or flows per chunk of the inputs the page sends: a chunk is cloned and written in a
/// few milliseconds, so sending 50,000 flows never makes one long task of the page.
pub const INPUT_CHUNK: usize = 2_000;

/// What detection reads besides the companies and flows (see [`inputs_head`]).
#[derive(Serialize, Deserialize)]
struct InputsHead<T, A> {
    territory: T,
    assumptions: A,
}

/// The territory and the assumptions a person chose: the head of the inputs the page sends the
/// worker, whose companies and flows follow in chunks ([`records`]).
pub fn inputs_head(p: &Project) -> Vec<u8> {
    serde_json::to_vec(&InputsHead {
        territory: &p.territory,
        assumptions: &p.assumptions,
    })
    .expect("a territory always encodes")
}

/// A chunk of companies or flows, as JSON.
pub fn records<T: Serialize>(records: &[T]) -> Vec<u8> {
    serde_json::to_vec(records).expect("a record always encodes")
}

/// The project detection reads, from the head and the chunks the page sent, in their order.
pub fn read_inputs<'b>(
    head: &[u8],
    actors: impl IntoIterator<Item = &'b [u8]>,
    flows: impl IntoIterator<Item = &'b [u8]>,
) -> Result<Project, WireError> {
    let unreadable = |e: serde_json::Error| WireError(e.to_string());
    let head: InputsHead<Territory, AssumptionChoices> =
        serde_json::from_slice(head).map_err(unreadable)?;
    let mut p = Project {
        territory: head.territory,
        assumptions: head.assumptions,
        ..Project::default()
    };
    for chunk in actors {
        p.actors
            .extend(serde_json::from_slice::<Vec<Actor>>(chunk).map_err(unreadable)?);
    }
    for chunk in flows {
        p.flows
            .extend(serde_json::from_slice::<Vec<Flow>>(chunk).map_err(unreadable)?);
    }
    Ok(p)
}

/// Everything of an update but its proposals.
#[derive(Serialize, Deserialize)]
struct Head {
    asm: Assumptions,
    factors: Factors,
    refused: Vec<Refusal>,
    /// An update after an edit: the pooling themes grouped again, whose groups follow (a whole
    /// run's are every theme's).
    pooled: Vec<PoolingTheme>,
    mutualisations: Vec<Mutualisation>,
    proposals: usize,
    /// A whole detection: its factor list and its "not counted" sentence.
    full: Option<(Vec<Bilingual>, Bilingual)>,
    /// An update after an edit: every offer in order, and whether it was scored again.
    offers: Vec<(FlowId, bool)>,
}

/// An update as bytes: a JSON head and the proposals in binary chunks.
pub struct Encoded {
    pub head: Vec<u8>,
    pub chunks: Vec<Vec<u8>>,
}

/// One proposal on the wire: what its key and figures are derived from.
type WireRef<'a> = (
    ProposalKind,
    &'a FlowId,
    &'a ActorId,
    &'a ActorId,
    &'a Option<FlowId>,
    f64,
    &'a Why,
);
/// One proposal as the page reads it: its ids borrowed from the chunk, to be shared
/// ([`Ids`]) rather than each allocated.
type WireRead<'a> = (
    ProposalKind,
    &'a str,
    &'a str,
    &'a str,
    Option<&'a str>,
    f64,
    Why,
);

/// The ids the decoded proposals name, each held once: a territory of 5,000 companies has
/// 250,000 proposals naming four ids each but at most 55,000 distinct ids; holding them once
/// took the page's memory after detection from 124.0 to 107.9 MB (docs/PERFORMANCE.md, run AF).
#[derive(Default)]
struct Ids(std::collections::HashSet<Arc<str>>);

impl Ids {
    fn get(&mut self, id: &str) -> Arc<str> {
        if let Some(held) = self.0.get(id) {
            return held.clone();
        }
        let held: Arc<str> = Arc::from(id);
        self.0.insert(held.clone());
        held
    }
}

fn encode_parts(
    proposals: Vec<&Proposal>,
    refused: Vec<Refusal>,
    (pooled, mutualisations): (Vec<PoolingTheme>, Vec<Mutualisation>),
    full: Option<(Vec<Bilingual>, Bilingual)>,
    offers: Vec<(FlowId, bool)>,
) -> Encoded {
    let count = proposals.len();
    let mut chunks = Vec::with_capacity(count.div_ceil(CHUNK));
    let mut batch: Vec<WireRef> = Vec::with_capacity(CHUNK.min(count));
    let mut setting = None;
    for p in proposals {
        if setting.is_none() {
            setting = Some((p.why.setting.asm.clone(), p.why.setting.factors.clone()));
        }
        batch.push((
            p.kind,
            &p.offer,
            &p.offer_actor,
            &p.receiver,
            &p.need,
            p.score,
            &p.why,
        ));
        if batch.len() == CHUNK {
            chunks.push(postcard::to_allocvec(&batch).expect("a proposal always encodes"));
            batch.clear();
        }
    }
    if !batch.is_empty() {
        chunks.push(postcard::to_allocvec(&batch).expect("a proposal always encodes"));
    }
    // With no proposal, the sentences quote no setting: the defaults stand in.
    let (asm, factors) =
        setting.unwrap_or_else(|| (Assumptions::default(), Factors { rows: Vec::new() }));
    let head = Head {
        asm,
        factors,
        refused,
        pooled,
        mutualisations,
        proposals: count,
        full,
        offers,
    };
    Encoded {
        head: serde_json::to_vec(&head).expect("a head always encodes"),
        chunks,
    }
}

/// Encodes a whole detection and its refusals.
pub fn encode_full(d: &Detection, refused: &[Refusal]) -> Encoded {
    encode_parts(
        d.proposals.iter().collect(),
        refused.to_vec(),
        (Vec::new(), d.mutualisations.clone()),
        Some((d.factor_sources.clone(), d.not_counted.clone())),
        Vec::new(),
    )
}

/// Encodes the part of a detection an edit changed.
pub fn encode_partial(p: &Partial) -> Encoded {
    let parts = p.parts();
    encode_parts(
        parts.proposals,
        parts.refused.into_iter().cloned().collect(),
        (parts.pooled.to_vec(), parts.mutualisations.to_vec()),
        None,
        parts.offers.to_vec(),
    )
}

/// Rebuilds an update from its head and chunks, a chunk at a time.
pub struct Decoder {
    head: Head,
    setting: Arc<Setting>,
    proposals: Vec<Proposal>,
    ids: Ids,
}

/// What a message that does not decode says (a page and a worker of different releases).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("detection message unreadable: {0}")]
pub struct WireError(pub(crate) String);

impl WireError {
    /// A result with no part to decode.
    pub fn no_part() -> Self {
        Self("a detection result without its parts".into())
    }
}

impl Decoder {
    pub fn new(head: &[u8]) -> Result<Self, WireError> {
        let head: Head = serde_json::from_slice(head).map_err(|e| WireError(e.to_string()))?;
        let setting = Arc::new(Setting {
            asm: head.asm.clone(),
            factors: head.factors.clone(),
        });
        Ok(Self {
            proposals: Vec::with_capacity(head.proposals),
            head,
            setting,
            ids: Ids::default(),
        })
    }

    /// Goes on with the next share of a whole run split between workers (`detect::share`):
    /// its proposals, refusals and pooling follow this one's, so that [`Decoder::finish`]
    /// gives the whole run, decoded once and never copied to be joined. Every chunk of the
    /// shares before must have been pushed.
    pub fn and_share(&mut self, head: &[u8]) -> Result<(), WireError> {
        let next: Head = serde_json::from_slice(head).map_err(|e| WireError(e.to_string()))?;
        let wanted = self.head.proposals;
        if self.proposals.len() != wanted {
            return Err(WireError(format!(
                "{wanted} proposals announced, {} received",
                self.proposals.len()
            )));
        }
        if self.head.full.is_none() || next.full.is_none() {
            return Err(WireError("only shares of a whole run join".into()));
        }
        self.proposals.reserve_exact(next.proposals);
        self.head.proposals += next.proposals;
        self.head.refused.extend(next.refused);
        self.head.mutualisations.extend(next.mutualisations);
        Ok(())
    }

    pub fn push(&mut self, chunk: &[u8]) -> Result<(), WireError> {
        let batch: Vec<WireRead> =
            postcard::from_bytes(chunk).map_err(|e| WireError(e.to_string()))?;
        let ids = &mut self.ids;
        for (kind, offer, offer_actor, receiver, need, score, mut why) in batch {
            why.setting = self.setting.clone();
            self.proposals.push(Proposal::from_why(
                kind,
                FlowId(ids.get(offer)),
                ActorId(ids.get(offer_actor)),
                ActorId(ids.get(receiver)),
                need.map(|n| FlowId(ids.get(n))),
                score,
                Box::new(why),
            ));
        }
        Ok(())
    }

    pub fn finish(self) -> Result<Update, WireError> {
        let Head {
            refused,
            pooled,
            mutualisations,
            proposals,
            full,
            offers,
            ..
        } = self.head;
        if self.proposals.len() != proposals {
            return Err(WireError(format!(
                "{} proposals announced, {} received",
                proposals,
                self.proposals.len()
            )));
        }
        Ok(match full {
            Some((factor_sources, not_counted)) => Update::Full(
                Detection {
                    proposals: self.proposals,
                    mutualisations,
                    factor_sources,
                    not_counted,
                },
                refused,
            ),
            None => Update::Partial(Partial::from_parts(
                offers,
                self.proposals,
                refused,
                pooled,
                mutualisations,
            )),
        })
    }
}

/// What a decoded [`Why`] holds until the decoder gives it the message's setting.
pub(crate) fn unset() -> Arc<Setting> {
    thread_local! {
        static UNSET: Arc<Setting> = Arc::new(Setting {
            asm: Assumptions::default(),
            factors: Factors { rows: Vec::new() },
        });
    }
    UNSET.with(Arc::clone)
}

/// A reference into a bundled table, sent as its position in it. Tables of rules are `const`s,
/// whose uses need not share one address: then the entry is found by what identifies it.
fn position<T>(table: &'static [T], item: &'static T, same: fn(&T, &T) -> bool) -> u32 {
    let start = table.as_ptr() as usize;
    let at = item as *const T as usize;
    let index = at.wrapping_sub(start) / std::mem::size_of::<T>().max(1);
    if index < table.len() && std::ptr::eq(&table[index], item) {
        return index as u32;
    }
    table
        .iter()
        .position(|t| same(t, item))
        .expect("an entry of its table") as u32
}

fn entry<'de, T, D: serde::Deserializer<'de>>(
    table: &'static [T],
    index: Option<u32>,
) -> Result<Option<&'static T>, D::Error> {
    index
        .map(|i| {
            table
                .get(i as usize)
                .ok_or_else(|| serde::de::Error::custom(format!("no entry {i} in its table")))
        })
        .transpose()
}

macro_rules! by_position {
    ($name:ident, $ty:ty, $table:expr, $same:expr) => {
        pub(crate) mod $name {
            use super::*;
            pub fn serialize<S: serde::Serializer>(
                item: &Option<&'static $ty>,
                s: S,
            ) -> Result<S::Ok, S::Error> {
                item.map(|r| position($table, r, $same)).serialize(s)
            }
            pub fn deserialize<'de, D: serde::Deserializer<'de>>(
                d: D,
            ) -> Result<Option<&'static $ty>, D::Error> {
                entry::<_, D>($table, Option::<u32>::deserialize(d)?)
            }
        }
    };
}

by_position!(
    substitution_rule,
    crate::kb::rules::SubstitutionRule,
    crate::kb::rules::SUBSTITUTIONS,
    |a, b| a.offer == b.offer && a.need == b.need
);
by_position!(
    receiver_rule,
    crate::kb::rules::ReceiverRule,
    crate::kb::rules::RECEIVERS,
    |a, b| a.offer == b.offer && a.nace_prefixes == b.nace_prefixes
);
by_position!(
    naf_code,
    crate::refdata::naf::NafCode,
    crate::refdata::naf::all(),
    |a, b| a.code == b.code
);
by_position!(
    waste_code,
    crate::refdata::waste::WasteCode,
    crate::refdata::waste::all(),
    |a, b| a.code == b.code
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::synthetic;
    use crate::kb::KnowledgeBase;

    fn decode(e: &Encoded) -> Update {
        let mut d = Decoder::new(&e.head).unwrap();
        for c in &e.chunks {
            d.push(c).unwrap();
        }
        d.finish().unwrap()
    }

    #[test]
    fn a_detection_crosses_to_the_page_unchanged() {
        // The demo has substitutions, leads, refusals, pooling, hazardous codes and NAF entries.
        for p in [crate::demo::project(), synthetic::epci(300, 6, 5)] {
            let asm = crate::detect::Assumptions::for_project(&p);
            let kb = KnowledgeBase::full();
            let (d, refused) =
                crate::detect::detect_with_refusals(&p, &asm, Factors::bundled(), &kb);
            assert!(d.proposals.len() > CHUNK || p.actors.len() < 100);
            let e = encode_full(&d, &refused);
            assert_eq!(e.chunks.len(), d.proposals.len().div_ceil(CHUNK));
            let Update::Full(back, back_refused) = decode(&e) else {
                panic!("a whole detection decodes whole");
            };
            // Equality compares every figure and every sentence, in both languages.
            assert_eq!(back, d);
            assert_eq!(back_refused, refused);
            // An id named by several proposals is held once, whichever chunk named it.
            let mut held: std::collections::HashMap<&str, &Arc<str>> = Default::default();
            let mut shared = 0;
            for q in &back.proposals {
                for id in [&q.offer.0, &q.offer_actor.0, &q.receiver.0] {
                    let first = held.entry(id).or_insert(id);
                    assert!(Arc::ptr_eq(first, id), "{id} decoded twice");
                    shared += usize::from(!std::ptr::eq(*first, id));
                }
            }
            assert!(shared > back.proposals.len(), "ids are shared: {shared}");
        }
    }

    #[test]
    fn the_shares_of_a_whole_run_decode_as_one_detection() {
        use crate::detect::incremental::Run;
        use crate::detect::share::Share;
        let p = synthetic::epci(300, 6, 5);
        let asm = crate::detect::Assumptions::for_project(&p);
        let kb = KnowledgeBase::full();
        let (whole, refused) =
            crate::detect::detect_with_refusals(&p, &asm, Factors::bundled(), &kb);
        let of = 3;
        let encoded: Vec<Encoded> = (0..of)
            .map(|index| {
                let run = Run::new(&p, &asm, Factors::bundled(), &kb);
                let plan = run.plan_share(Share { index, of });
                match run.finish(plan) {
                    Update::Full(d, r) => encode_full(&d, &r),
                    Update::Partial(_) => panic!("a share is a whole run's part"),
                }
            })
            .collect();
        let mut decoder = Decoder::new(&encoded[0].head).unwrap();
        for (i, e) in encoded.iter().enumerate() {
            if i > 0 {
                decoder.and_share(&e.head).unwrap();
            }
            for c in &e.chunks {
                decoder.push(c).unwrap();
            }
        }
        let Ok(Update::Full(back, back_refused)) = decoder.finish() else {
            panic!("joined shares decode whole");
        };
        assert_eq!(back, whole);
        assert_eq!(back_refused, refused);

        // A share whose chunks did not all come is refused before the next is joined.
        let mut decoder = Decoder::new(&encoded[0].head).unwrap();
        let err = decoder.and_share(&encoded[1].head).unwrap_err();
        assert!(err.to_string().contains("announced"), "{err}");
        // An update after an edit is not a share.
        let partial = encode_partial(&Partial::from_parts(
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        ));
        let mut decoder = Decoder::new(&partial.head).unwrap();
        assert!(decoder.and_share(&encoded[1].head).is_err());
    }

    #[test]
    fn an_update_after_an_edit_crosses_and_applies_as_it_would_have() {
        let p = synthetic::epci(300, 6, 5);
        let asm = crate::detect::Assumptions::for_project(&p);
        let kb = KnowledgeBase::full();
        let (d, refused) = crate::detect::detect_with_refusals(&p, &asm, Factors::bundled(), &kb);
        let mut edited = p.clone();
        let flow = &mut edited.flows[7];
        flow.quantity = flow.quantity.map(|mut q| {
            q.value *= 3.0;
            q
        });
        let run = crate::detect::incremental::Run::new(&edited, &asm, Factors::bundled(), &kb);
        let seen = crate::detect::seen::Seen::new(&p, &d, &refused);
        let plan = run.plan(Some(&seen));
        let Update::Partial(partial) = super::super::steps::finish(
            run.finish_stepwise(plan, super::super::steps::never_pause),
        ) else {
            panic!("one quantity changed: a partial run");
        };
        let e = encode_partial(&partial);
        let (mut direct, mut direct_refused) = (d.clone(), refused.clone());
        partial.apply(&mut direct, &mut direct_refused);
        let Update::Partial(crossed) = decode(&e) else {
            panic!("a partial run decodes partial");
        };
        let (mut via_wire, mut via_wire_refused) = (d, refused);
        crossed.apply(&mut via_wire, &mut via_wire_refused);
        assert_eq!(via_wire, direct);
        assert_eq!(via_wire_refused, direct_refused);
    }

    #[test]
    fn the_inputs_sent_in_chunks_read_back_as_the_project_detection_reads() {
        let mut p = synthetic::epci(300, 12, 5);
        p.assumptions.boiler_efficiency = Some(0.8);
        let head = inputs_head(&p);
        let actors: Vec<Vec<u8>> = p.actors.chunks(INPUT_CHUNK).map(records).collect();
        let flows: Vec<Vec<u8>> = p.flows.chunks(INPUT_CHUNK).map(records).collect();
        assert!(flows.len() > 1);
        let read = read_inputs(
            &head,
            actors.iter().map(Vec::as_slice),
            flows.iter().map(Vec::as_slice),
        )
        .unwrap();
        assert_eq!(read.actors, p.actors);
        assert_eq!(read.flows, p.flows);
        assert_eq!(read.territory, p.territory);
        assert_eq!(read.assumptions, p.assumptions);
        assert!(read_inputs(b"[]", [], []).is_err());
    }

    #[test]
    fn a_message_from_another_release_is_refused_not_misread() {
        assert!(Decoder::new(b"{}").is_err());
        let d = crate::detect::detect(
            &crate::demo::project(),
            &crate::detect::Assumptions::default(),
            Factors::bundled(),
            &KnowledgeBase::full(),
        );
        let e = encode_full(&d, &[]);
        let mut dec = Decoder::new(&e.head).unwrap();
        assert!(dec.push(&e.chunks[0][..e.chunks[0].len() / 2]).is_err());
        // A chunk missing: the count announced in the head does not match.
        let dec = Decoder::new(&e.head).unwrap();
        assert!(dec.finish().is_err());
    }
}
