//! Detection after an edit: only the offers the edit can affect are scored again.
//!
//! An offer's proposals depend on the offer and its company, on the needs within the longest
//! exchange of it (and their companies), and, for deductive leads, on the companies within
//! that distance. So an edit that changes some flows or companies affects the offers within
//! that distance of where they were and where they are, the changed offers themselves, and the
//! offers with no position (they see every need). Everything else is kept as it was. Pooling is
//! recomputed in full (it is grouped around seeds, any change can move a group), and a change
//! of the assumptions, a flow or company with no position, an edit touching many places at
//! once (an import), or one that reaches more than half of the offers (in a territory narrower
//! than the longest exchange, every edit does) is a full run. The result equals a full run: a test compares them.

use std::collections::{HashMap, HashSet};

use super::assumptions::Assumptions;
use super::context::Context;
use super::engine::{OfferScorer, offer_results};
use super::steps::{Step, checkpoint, finish, never_pause};
use super::{Detection, Mutualisation, Proposal, Refusal, mutualise};
use crate::factors::Factors;
use crate::kb::KnowledgeBase;
use crate::model::{Actor, ActorId, Flow, FlowId, Position, Project};

/// Beyond this many places touched by one edit, rescoring their neighbourhoods costs about as
/// much as a full run, and a full run is simpler to trust.
const MAX_PLACES: usize = 64;

/// What a new run gives: a whole detection, or the part of one an edit changed.
pub enum Update {
    Full(Detection, Vec<Refusal>),
    Partial(Partial),
}

/// The offers an edit affected, with their new proposals and refusals, and the recomputed
/// pooling. [`Partial::apply`] puts them into the detection they update.
pub struct Partial {
    /// Every offer of the edited project, in order, and whether it was scored again.
    offers: Vec<(FlowId, bool)>,
    proposals: HashMap<FlowId, Vec<Proposal>>,
    refused: HashMap<FlowId, Vec<Refusal>>,
    mutualisations: Vec<Mutualisation>,
    /// How many offers were scored again, out of how many.
    pub rescored: usize,
}

impl Partial {
    /// Updates the detection of the project before the edit into the detection of the project
    /// after it: unaffected offers keep their proposals (moved, not copied), in the new order.
    pub fn apply(mut self, detection: &mut Detection, refused: &mut Vec<Refusal>) {
        let mut old = Groups::new(std::mem::take(&mut detection.proposals), |p| &p.offer);
        let mut old_refused = Groups::new(std::mem::take(refused), |r| &r.offer);
        for (offer, rescored) in &self.offers {
            if *rescored {
                detection
                    .proposals
                    .extend(self.proposals.remove(offer).into_iter().flatten());
                refused.extend(self.refused.remove(offer).into_iter().flatten());
            } else {
                old.move_group(offer, &mut detection.proposals);
                old_refused.move_group(offer, refused);
            }
        }
        detection.mutualisations = self.mutualisations;
    }
}

/// A detection's list cut into its offers' runs (a list is grouped by offer): one map entry per
/// offer, not per proposal, and each run moved out once.
struct Groups<T> {
    items: Vec<Option<T>>,
    runs: HashMap<FlowId, std::ops::Range<usize>>,
}

impl<T> Groups<T> {
    fn new(items: Vec<T>, offer: impl Fn(&T) -> &FlowId) -> Self {
        let mut runs: HashMap<FlowId, std::ops::Range<usize>> = HashMap::new();
        let mut start = 0;
        for i in 1..=items.len() {
            if i == items.len() || offer(&items[i]) != offer(&items[start]) {
                runs.insert(offer(&items[start]).clone(), start..i);
                start = i;
            }
        }
        Self {
            items: items.into_iter().map(Some).collect(),
            runs,
        }
    }

    fn move_group(&mut self, offer: &FlowId, into: &mut Vec<T>) {
        if let Some(run) = self.runs.remove(offer) {
            into.extend(self.items[run].iter_mut().filter_map(Option::take));
        }
    }
}

/// Flows and companies whose value differs between two projects (added, removed or changed).
struct Changes<'a> {
    flows: Vec<&'a Flow>,
    actors: Vec<&'a Actor>,
}

fn changes<'a>(before: &'a Project, after: &'a Project) -> Changes<'a> {
    fn changed<'a, K: Eq + std::hash::Hash + 'a, T: PartialEq>(
        old: &'a [T],
        new: &'a [T],
        id: impl Fn(&'a T) -> &'a K,
    ) -> Vec<&'a T> {
        let old_by: HashMap<&K, &T> = old.iter().map(|x| (id(x), x)).collect();
        let new_by: HashMap<&K, &T> = new.iter().map(|x| (id(x), x)).collect();
        let mut out: Vec<&T> = old
            .iter()
            .filter(|x| new_by.get(id(x)) != Some(x))
            .collect();
        out.extend(new.iter().filter(|x| old_by.get(id(x)) != Some(x)));
        out
    }
    Changes {
        flows: changed(&before.flows, &after.flows, |f: &Flow| &f.id),
        actors: changed(&before.actors, &after.actors, |a: &Actor| &a.id),
    }
}

/// Where an edit happened: the positions of the changed flows' companies and of the changed
/// companies, before and after; `None` when one has no position (then everything may move).
fn places(before: &Project, after: &Project, c: &Changes) -> Option<Vec<Position>> {
    // A company found in neither project (a flow pointing nowhere) has no position either.
    let position = |id: &ActorId| -> Option<Vec<Position>> {
        let mut out = Vec::new();
        for p in [before, after] {
            if let Some(a) = p.actors.iter().find(|a| &a.id == id) {
                out.push(a.position.filter(Position::is_valid)?);
            }
        }
        (!out.is_empty()).then_some(out)
    };
    let mut ids: Vec<&ActorId> = c.flows.iter().map(|f| &f.actor).collect();
    ids.extend(c.actors.iter().map(|a| &a.id));
    ids.sort();
    ids.dedup();
    if ids.len() > MAX_PLACES {
        return None;
    }
    let mut out = Vec::new();
    for id in ids {
        out.extend(position(id)?);
    }
    Some(out)
}

/// The offers of `ctx` that must be scored again.
fn affected(ctx: &Context, c: &Changes, places: &[Position], asm: &Assumptions) -> Vec<bool> {
    let changed_flows: HashSet<&FlowId> = c.flows.iter().map(|f| &f.id).collect();
    let changed_actors: HashSet<&ActorId> = c.actors.iter().map(|a| &a.id).collect();
    // A hair more than the longest exchange, so rounding never leaves out one at the limit.
    let reach = asm.max_road_km * (1.0 + 1e-9);
    ctx.offers
        .iter()
        .map(|o| {
            changed_flows.contains(&o.flow.id)
                || changed_actors.contains(&o.flow.actor)
                || match o.position {
                    None => true,
                    Some(p) => places
                        .iter()
                        .any(|q| p.distance_km(q) * asm.road_factor <= reach),
                }
        })
        .collect()
}

/// The detection of `project` given the one of `before` (the inputs of the detection shown):
/// only what the edit can affect is scored again (see the module's comment). `between` is asked
/// after every offer scored, as in [`super::detect_stepwise`].
pub async fn redetect_stepwise<P: Future<Output = ()>>(
    before: Option<&Project>,
    project: &Project,
    asm: &Assumptions,
    factors: &Factors,
    kb: &KnowledgeBase,
    mut between: impl FnMut() -> Step<P>,
) -> Option<Update> {
    let partial = before.and_then(|b| {
        let same_assumptions = Assumptions::for_project(b) == *asm;
        let c = changes(b, project);
        let places = places(b, project, &c)?;
        same_assumptions.then_some((c, places))
    });
    let Some((c, places)) = partial else {
        let (d, r) =
            super::engine::detect_stepwise_with_refusals(project, asm, factors, kb, between)
                .await?;
        return Some(Update::Full(d, r));
    };
    let ctx = Context::new(project, asm, factors, kb);
    let todo = affected(&ctx, &c, &places, asm);
    // In a territory narrower than the longest exchange (an EPCI), an edit reaches most offers:
    // a full run costs the same and is published by a swap instead of a merge of every list.
    if todo.iter().filter(|t| **t).count() * 2 > todo.len() {
        let (d, r) =
            super::engine::detect_stepwise_with_refusals(project, asm, factors, kb, between)
                .await?;
        return Some(Update::Full(d, r));
    }
    let mut scorer = OfferScorer::new(&ctx);
    let mut proposals = HashMap::new();
    let mut refused = HashMap::new();
    for (oi, _) in todo.iter().enumerate().filter(|(_, t)| **t) {
        let kept = scorer.score(&ctx, oi);
        let (found, refusals) = offer_results(&ctx, oi, &kept, kb);
        let id = ctx.offers[oi].flow.id.clone();
        proposals.insert(id.clone(), found);
        refused.insert(id, refusals);
        if !checkpoint(&mut between).await {
            return None;
        }
    }
    let mutualisations = mutualise::mutualisations_stepwise(project, asm, &mut between).await?;
    let offers = ctx
        .offers
        .iter()
        .zip(&todo)
        .map(|(o, t)| (o.flow.id.clone(), *t))
        .collect();
    // The factor list and the "not counted" sentence follow the assumptions, which are the same.
    Some(Update::Partial(Partial {
        offers,
        rescored: proposals.len(),
        proposals,
        refused,
        mutualisations,
    }))
}

/// [`redetect_stepwise`] in one go, applied: the detection and refusals of `project`, given
/// those of `before`.
pub fn redetect(
    before: Option<(&Project, Detection, Vec<Refusal>)>,
    project: &Project,
    asm: &Assumptions,
    factors: &Factors,
    kb: &KnowledgeBase,
) -> (Detection, Vec<Refusal>, Option<usize>) {
    let update = finish(redetect_stepwise(
        before.as_ref().map(|b| b.0),
        project,
        asm,
        factors,
        kb,
        never_pause,
    ));
    match (update, before) {
        (Update::Partial(p), Some((_, mut d, mut r))) => {
            let rescored = p.rescored;
            p.apply(&mut d, &mut r);
            (d, r, Some(rescored))
        }
        (Update::Full(d, r), _) => (d, r, None),
        (Update::Partial(_), None) => unreachable!("a partial run has a run before it"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::{detect_with_refusals, synthetic};
    use crate::model::{Direction, Quantity};

    /// Edits a copy of `base` with `edit`, then checks that updating the base's detection
    /// gives what a full run on the edited project gives; returns how many offers were rescored.
    fn check(base: &Project, edit: impl Fn(&mut Project)) -> Option<usize> {
        let (f, kb) = (Factors::bundled(), KnowledgeBase::full());
        let asm = Assumptions::for_project(base);
        let (d, r) = detect_with_refusals(base, &asm, f, &kb);
        let mut after = base.clone();
        edit(&mut after);
        let asm_after = Assumptions::for_project(&after);
        let (full, full_refused) = detect_with_refusals(&after, &asm_after, f, &kb);
        let (updated, refused, rescored) = redetect(Some((base, d, r)), &after, &asm_after, f, &kb);
        let keys = |d: &Detection| {
            d.proposals
                .iter()
                .map(|p| p.key.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(&updated), keys(&full));
        for (a, b) in updated.proposals.iter().zip(&full.proposals) {
            assert!(a == b, "{} differs", a.key);
        }
        assert!(updated == full, "pooling or sources differ");
        assert_eq!(refused, full_refused);
        rescored
    }

    /// An edit of a test, with what it does.
    type Edit = (&'static str, Box<dyn Fn(&mut Project)>);

    fn territory() -> Project {
        let mut p = synthetic::territory(1_600, 5);
        // Some dairy farms, so that refusals are part of what is compared.
        for a in p.actors.iter_mut().step_by(5) {
            a.naf = Some("01.41Z".into());
        }
        p
    }

    #[test]
    fn an_edit_rescores_its_neighbourhood_and_gives_the_full_result() {
        let base = territory();
        let offers = base
            .flows
            .iter()
            .filter(|f| f.direction == Direction::Offer)
            .count();
        let need = base
            .flows
            .iter()
            .position(|f| f.direction == Direction::Need)
            .unwrap();
        let offer = base
            .flows
            .iter()
            .position(|f| f.direction == Direction::Offer)
            .unwrap();
        // An offer with room among its best (fewer than k substitutions), so a new need enters.
        let before = crate::detect::detect(
            &base,
            &Assumptions::for_project(&base),
            Factors::bundled(),
            &KnowledgeBase::full(),
        );
        let roomy = base
            .flows
            .iter()
            .position(|f| {
                let n = before
                    .proposals
                    .iter()
                    .filter(|p| p.offer == f.id && p.need.is_some())
                    .count();
                f.direction == Direction::Offer && (1..5).contains(&n)
            })
            .expect("an offer with few substitutions");
        let local: [Edit; 6] = [
            (
                "a need's quantity",
                Box::new(move |p: &mut Project| {
                    let q = p.flows[need].quantity.map(|q| Quantity {
                        value: q.value * 3.0,
                        ..q
                    });
                    p.flows[need].quantity = q;
                }),
            ),
            (
                "a need removed",
                Box::new(move |p: &mut Project| {
                    p.flows.remove(need);
                }),
            ),
            (
                "an offer's code",
                Box::new(move |p: &mut Project| {
                    p.flows[offer].waste_code = Some("200108".into());
                    p.flows[offer].category = None;
                }),
            ),
            (
                "a company moved 15 km",
                Box::new(|p: &mut Project| {
                    let a = &mut p.actors[7];
                    a.position = a.position.map(|x| Position::new(x.lat + 0.13, x.lon));
                }),
            ),
            (
                "a company became a farm",
                Box::new(|p: &mut Project| {
                    p.actors[12].naf = Some("01.41Z".into());
                }),
            ),
            (
                "a new offer",
                Box::new(move |p: &mut Project| {
                    let mut f = p.flows[offer].clone();
                    f.id = FlowId::new("f-new");
                    f.actor = p.actors[30].id.clone();
                    p.flows.push(f);
                }),
            ),
        ];
        // A company 40 km by road from an offer, declaring exactly the need the offer meets: it
        // enters that offer's best, though it is far from most of what the edit touches.
        let far = move |p: &mut Project| {
            let o = p.flows[roomy].clone();
            let home = p.actors.iter().find(|a| a.id == o.actor).unwrap().clone();
            let at = home.position.unwrap();
            p.actors.push(Actor {
                id: ActorId::new("a-far"),
                position: Some(Position::new(at.lat + 40.0 / 1.3 / 111.19, at.lon)),
                naf: Some("38.21Z".into()),
                ..home
            });
            p.flows.push(Flow {
                id: FlowId::new("f-far"),
                actor: ActorId::new("a-far"),
                direction: Direction::Need,
                ..o
            });
        };
        let mut with_far = base.clone();
        far(&mut with_far);
        let asm = Assumptions::for_project(&with_far);
        let d = crate::detect::detect(&with_far, &asm, Factors::bundled(), &KnowledgeBase::full());
        let far_key = format!("sub:{}:f-far", base.flows[roomy].id);
        assert!(
            d.proposals.iter().any(|p| p.key == far_key),
            "the far need is among the offer's best"
        );
        let local: Vec<Edit> = local
            .into_iter()
            .chain([("a far need", Box::new(far) as Box<dyn Fn(&mut Project)>)])
            .collect();
        for (what, edit) in local {
            let rescored = check(&base, edit).unwrap_or_else(|| panic!("{what}: a full run"));
            assert!(
                rescored < offers / 2,
                "{what}: {rescored} of {offers} offers rescored"
            );
        }
    }

    #[test]
    fn a_change_of_assumptions_or_an_unplaced_company_is_a_full_run() {
        let base = territory();
        let more_detour = |p: &mut Project| p.assumptions.road_factor = Some(1.5);
        assert_eq!(check(&base, more_detour), None);
        let unplaced = |p: &mut Project| p.actors[3].position = None;
        assert_eq!(check(&base, unplaced), None);
        assert_eq!(
            check(&base, |_| {}),
            Some(0),
            "nothing changed, nothing rescored"
        );
        // The demo's zone is narrower than the longest exchange: any edit reaches every offer.
        let demo = crate::demo::project();
        let quantity = |p: &mut Project| {
            let f = p.flows.iter_mut().find(|f| f.quantity.is_some()).unwrap();
            f.quantity = f.quantity.map(|q| Quantity {
                value: q.value + 1.0,
                ..q
            });
        };
        assert_eq!(check(&demo, quantity), None);
    }
}
