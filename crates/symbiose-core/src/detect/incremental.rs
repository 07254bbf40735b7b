//! Detection after an edit: only the offers the edit can change are scored again.
//!
//! An offer's proposals are its k best pairs (or, with none, its deductive leads), so an edit
//! changes them only if: the offer or its company changed; one of its shown pairs or refused
//! pairs involves a changed need (or a need of a changed company); a changed need now reaches
//! its k-th best score (the need is scored against that offer once, with that floor); or it has
//! no pair and a company within the longest exchange changed (its leads read them). Everything
//! else keeps its proposals, moved, not copied. Pooling is grouped again in the themes of the
//! flows the edit changed, before and after it (a theme's groups depend on its members alone;
//! within a theme any change can move a group); the other themes keep theirs. A change of the
//! assumptions, a flow or company with no position, an edit touching many companies at once
//! (an import), or one that reaches more than half of the offers is a full run. The result
//! equals a full run: tests compare them.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::assumptions::Assumptions;
use super::context::Context;
use super::engine::{OfferScorer, Pairs, offer_results, run_offers};
use super::mutualise::{PoolingTheme, theme_of};
use super::seen::{Prints, Seen, fingerprint};
use super::share::Share;
use super::steps::{Step, checkpoint, finish, never_pause};
use super::{Detection, Mutualisation, Proposal, Refusal, mutualise};
use crate::factors::Factors;
use crate::kb::KnowledgeBase;
use crate::model::{ActorId, Flow, FlowId, Position, Project};

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
    /// The pooling themes grouped again, and their groups.
    pooled: Vec<PoolingTheme>,
    mutualisations: Vec<Mutualisation>,
    /// How many offers were scored again, out of how many.
    pub rescored: usize,
}

impl Partial {
    /// Updates the detection of the project before the edit into the detection of the project
    /// after it: unaffected offers keep their proposals (moved, not copied), in the new order.
    pub fn apply(mut self, detection: &mut Detection, refused: &mut Vec<Refusal>) {
        merge(
            &mut detection.proposals,
            &self.offers,
            &mut self.proposals,
            |p| &p.offer,
        );
        merge(refused, &self.offers, &mut self.refused, |r| &r.offer);
        regroup(
            &mut detection.mutualisations,
            &self.pooled,
            self.mutualisations,
        );
    }

    /// Its offers in order, its new proposals and refusals in that order, and its pooling: what
    /// the detection worker sends to the page (`wire`).
    pub(crate) fn parts(&self) -> PartialParts<'_> {
        let rescored = || self.offers.iter().filter(|(_, r)| *r).map(|(id, _)| id);
        PartialParts {
            offers: &self.offers,
            proposals: rescored()
                .flat_map(|id| self.proposals.get(id).into_iter().flatten())
                .collect(),
            refused: rescored()
                .flat_map(|id| self.refused.get(id).into_iter().flatten())
                .collect(),
            pooled: &self.pooled,
            mutualisations: &self.mutualisations,
        }
    }

    /// The update [`Partial::parts`] described.
    pub(crate) fn from_parts(
        offers: Vec<(FlowId, bool)>,
        proposals: Vec<Proposal>,
        refused: Vec<Refusal>,
        pooled: Vec<PoolingTheme>,
        mutualisations: Vec<Mutualisation>,
    ) -> Self {
        let mut by_offer: HashMap<FlowId, Vec<Proposal>> = HashMap::new();
        for p in proposals {
            by_offer.entry(p.offer.clone()).or_default().push(p);
        }
        let mut refused_by_offer: HashMap<FlowId, Vec<Refusal>> = HashMap::new();
        for r in refused {
            refused_by_offer.entry(r.offer.clone()).or_default().push(r);
        }
        Self {
            rescored: offers.iter().filter(|(_, r)| *r).count(),
            offers,
            proposals: by_offer,
            refused: refused_by_offer,
            pooled,
            mutualisations,
        }
    }
}

/// A [`Partial`] laid out for sending (`wire`).
pub(crate) struct PartialParts<'a> {
    pub offers: &'a [(FlowId, bool)],
    pub proposals: Vec<&'a Proposal>,
    pub refused: Vec<&'a Refusal>,
    pub pooled: &'a [PoolingTheme],
    pub mutualisations: &'a [Mutualisation],
}

/// Puts the groups of the themes `pooled`, grouped again, in place of their old ones in
/// `groups` (a detection's, theme by theme in the themes' order, as a whole run gives them).
fn regroup(groups: &mut Vec<Mutualisation>, pooled: &[PoolingTheme], new: Vec<Mutualisation>) {
    groups.retain(|m| !pooled.contains(&m.theme));
    groups.extend(new);
    // Stable: each theme's groups keep their order.
    groups.sort_by_key(|m| m.theme);
}

/// Puts the rescored offers' new items into `items` (a detection's list, grouped by offer), in
/// the order of `offers`; the other offers keep theirs. When the offers keep their order and each
/// rescored offer has as many items as before (an edit's usual case), the new items replace the
/// old where they stand and nothing else moves: a territory's 250,000 proposals are not moved for
/// an edit that changed forty (in the browser, that move was a task of 130 ms at 5,000 companies).
fn merge<T>(
    items: &mut Vec<T>,
    offers: &[(FlowId, bool)],
    new: &mut HashMap<FlowId, Vec<T>>,
    offer: impl Fn(&T) -> &FlowId,
) {
    if let Some(replaced) = same_places(items, offers, new, &offer) {
        for (run, id) in replaced {
            let fresh = new.remove(&id).into_iter().flatten();
            for (slot, item) in items[run].iter_mut().zip(fresh) {
                *slot = item;
            }
        }
        return;
    }
    let mut old = Groups::new(std::mem::take(items), &offer);
    for (id, rescored) in offers {
        if *rescored {
            items.extend(new.remove(id).into_iter().flatten());
        } else {
            old.move_group(id, items);
        }
    }
}

/// Where the rescored offers' items stand in `items`, if the merged list keeps every offer in
/// its place with as many items (see [`merge`]); `None` otherwise. The old list and the new
/// offers are walked side by side, in order, with no table of the old list's offers: an edit at
/// 5,000 companies is published on the page, where building one took 20–30 ms.
fn same_places<T>(
    items: &[T],
    offers: &[(FlowId, bool)],
    new: &HashMap<FlowId, Vec<T>>,
    offer: &impl Fn(&T) -> &FlowId,
) -> Option<Vec<(Range<usize>, FlowId)>> {
    let mut at = 0;
    let mut replaced = Vec::new();
    for (id, rescored) in offers {
        // The offer's old items, if they stand next; an offer whose items stand elsewhere (the
        // order changed) leaves them unread, and the walk ends short of the list's end.
        let run = items[at..]
            .iter()
            .take_while(|item| offer(item) == id)
            .count();
        if *rescored {
            if new.get(id).map_or(0, Vec::len) != run {
                return None;
            }
            if run > 0 {
                replaced.push((at..at + run, id.clone()));
            }
        }
        at += run;
    }
    // Offers of the old list that the new one does not have (a flow deleted), or moved.
    (at == items.len()).then_some(replaced)
}

/// Where each offer's items stand in a detection's list (proposals or refusals, grouped by
/// offer): one entry per offer, not per item.
fn offer_runs<T>(items: &[T], offer: impl Fn(&T) -> &FlowId) -> HashMap<&FlowId, Range<usize>> {
    let mut runs = HashMap::new();
    let mut start = 0;
    for i in 1..=items.len() {
        if i == items.len() || offer(&items[i]) != offer(&items[start]) {
            runs.insert(offer(&items[start]), start..i);
            start = i;
        }
    }
    runs
}

/// A detection's list cut into its offers' runs, each moved out once.
struct Groups<T> {
    items: Vec<Option<T>>,
    runs: HashMap<FlowId, Range<usize>>,
}

impl<T> Groups<T> {
    fn new(items: Vec<T>, offer: impl Fn(&T) -> &FlowId) -> Self {
        let runs = offer_runs(&items, &offer)
            .into_iter()
            .map(|(id, run)| (id.clone(), run))
            .collect();
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

/// Flows and companies whose value differs between the last run's inputs and the project now
/// (added, removed or changed): a flow with its company (before and after, when it moved).
struct Changes<'a> {
    flows: Vec<(&'a FlowId, &'a ActorId)>,
    actors: Vec<&'a ActorId>,
    /// The project's flows now, by id, with their fingerprints.
    now: HashMap<&'a FlowId, (u64, &'a Flow)>,
}

fn changes<'a>(seen: &'a Seen, after: &'a Project) -> Changes<'a> {
    let mut flows = Vec::new();
    let mut prints = Prints::default();
    let now: HashMap<&FlowId, (u64, &Flow)> = after
        .flows
        .iter()
        .map(|f| (&f.id, (prints.of(f), f)))
        .collect();
    for (id, before) in &seen.flows {
        if now.get(id).map(|(print, _)| *print) != Some(before.print) {
            flows.push((id, &before.actor));
        }
    }
    for (id, (print, flow)) in &now {
        if seen.flows.get(*id).map(|f| f.print) != Some(*print) {
            flows.push((*id, &flow.actor));
        }
    }
    let now_actors: HashMap<&ActorId, u64> =
        after.actors.iter().map(|a| (&a.id, prints.of(a))).collect();
    let mut actors: Vec<&ActorId> = seen
        .actors
        .iter()
        .filter(|(id, before)| now_actors.get(id) != Some(&before.print))
        .map(|(id, _)| id)
        .collect();
    actors.extend(
        now_actors
            .iter()
            .filter(|(id, print)| seen.actors.get(**id).map(|a| a.print) != Some(**print))
            .map(|(id, _)| *id),
    );
    Changes { flows, actors, now }
}

/// Where an edit happened: the positions of the changed flows' companies and of the changed
/// companies, before and after; `None` when one has no position (then everything may move).
fn places(seen: &Seen, after: &Project, c: &Changes) -> Option<Vec<Position>> {
    // A company found in neither project (a flow pointing nowhere) has no position either.
    let position = |id: &ActorId| -> Option<Vec<Position>> {
        let mut out = Vec::new();
        if let Some(a) = seen.actors.get(id) {
            out.push(a.position?);
        }
        if let Some(a) = after.actors.iter().find(|a| &a.id == id) {
            out.push(a.position.filter(Position::is_valid)?);
        }
        (!out.is_empty()).then_some(out)
    };
    let mut ids: Vec<&ActorId> = c.flows.iter().map(|(_, actor)| *actor).collect();
    ids.extend(c.actors.iter().copied());
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

/// Whether an offer is within the longest exchange of one of the places an edit touched.
fn within_reach(position: Position, places: &[Position], asm: &Assumptions) -> bool {
    // A hair more than the longest exchange, so rounding never leaves out one at the limit.
    let reach = asm.max_road_km * (1.0 + 1e-9);
    places
        .iter()
        .any(|q| position.distance_km(q) * asm.road_factor <= reach)
}

/// What a run after an edit does: everything again (or a worker's share of it), or the
/// offers marked.
pub enum Plan {
    Full,
    /// These offers of a whole run split between workers (`share`), pooling or not.
    Share(Range<usize>, bool),
    /// These offers scored again, and these pooling themes grouped again.
    Rescore(Vec<bool>, Vec<PoolingTheme>),
}

/// A detection run after an edit: the edited project prepared once; [`Run::plan`] reads the
/// detection on screen (at once, so a browser can lend it from its state), then
/// [`Run::finish_stepwise`] scores what must be, in pieces.
pub struct Run<'a> {
    ctx: Context<'a>,
    kb: &'a KnowledgeBase,
}

impl<'a> Run<'a> {
    pub fn new(
        project: &'a Project,
        asm: &'a Assumptions,
        factors: &'a Factors,
        kb: &'a KnowledgeBase,
    ) -> Self {
        Self {
            ctx: Context::new(project, asm, factors, kb),
            kb,
        }
    }

    /// Which offers the edit since `before` (the summary of the last run, `seen`) can change.
    /// An unchanged offer keeps its proposals unless one of them, or one of its refused pairs,
    /// involves a changed need, or a changed need now reaches its k-th best score (it is scored
    /// against it, once), or it has no pair and its leads may change (a company within reach
    /// changed). A changed offer, an offer with no position, a change of assumptions, a company
    /// or flow with no position, or an edit touching many companies: see the module's comment.
    pub fn plan(&self, before: Option<&Seen>) -> Plan {
        let ctx = &self.ctx;
        let (project, asm) = (ctx.project, ctx.asm);
        let Some(seen) = before else {
            return Plan::Full;
        };
        if seen.assumptions != fingerprint(asm) {
            return Plan::Full;
        }
        let c = changes(seen, project);
        let Some(places) = places(seen, project, &c) else {
            return Plan::Full;
        };
        let changed_actors: HashSet<&ActorId> = c.actors.iter().copied().collect();
        // A flow changed when its value or its company's did, before or after the edit.
        let mut changed: HashSet<&FlowId> = c.flows.iter().map(|(id, _)| *id).collect();
        if !changed_actors.is_empty() {
            changed.extend(
                seen.flows
                    .iter()
                    .filter(|(_, f)| changed_actors.contains(&f.actor))
                    .map(|(id, _)| id),
            );
            changed.extend(
                project
                    .flows
                    .iter()
                    .filter(|f| changed_actors.contains(&f.actor))
                    .map(|f| &f.id),
            );
        }
        let new_needs: Vec<usize> = (0..ctx.needs.len())
            .filter(|&ni| changed.contains(&ctx.needs[ni].flow.id))
            .collect();
        let k = asm.max_proposals_per_offer;
        let todo: Vec<bool> = ctx
            .offers
            .iter()
            .enumerate()
            .map(|(oi, o)| {
                let Some(position) = o.position else {
                    return true;
                };
                if changed.contains(&o.flow.id) {
                    return true;
                }
                let shown = seen.offers.get(&o.flow.id);
                let pairs = shown.map_or(&[][..], |s| s.pairs.as_slice());
                if pairs.is_empty() && within_reach(position, &places, asm) {
                    return true;
                }
                if pairs.iter().any(|(need, _)| changed.contains(need))
                    || shown.is_some_and(|s| s.refused.iter().any(|n| changed.contains(n)))
                {
                    return true;
                }
                let floor = if pairs.len() >= k {
                    pairs
                        .iter()
                        .map(|(_, score)| *score)
                        .fold(f64::INFINITY, f64::min)
                } else {
                    f64::NEG_INFINITY
                };
                new_needs
                    .iter()
                    .any(|&ni| super::engine::evaluate(ctx, oi, ni, floor).is_some())
            })
            .collect();
        // An edit that reaches most offers: a full run costs the same and is published by a
        // swap instead of a merge of every list.
        if todo.iter().filter(|t| **t).count() * 2 > todo.len() {
            return Plan::Full;
        }
        // The themes the changed flows were in, and are in now.
        let mut pooled: Vec<PoolingTheme> = changed
            .iter()
            .filter_map(|id| seen.flows.get(*id)?.theme)
            .chain(changed.iter().filter_map(|id| theme_of(c.now.get(*id)?.1)))
            .collect();
        pooled.sort();
        pooled.dedup();
        Plan::Rescore(todo, pooled)
    }

    /// Share `share` of a whole run: the same as [`Plan::Full`] when it is the only one.
    pub fn plan_share(&self, share: Share) -> Plan {
        if share == Share::WHOLE {
            Plan::Full
        } else {
            Plan::Share(share.offers(&self.ctx), share.pools())
        }
    }

    /// How many times [`Run::finish_stepwise`] asks `between` while it goes through the offers
    /// (once an offer, scored and its proposals written; pooling's pauses come after), so a
    /// page can show the share of offers done.
    pub fn offer_steps(&self, plan: &Plan) -> usize {
        match plan {
            Plan::Full => self.ctx.offers.len(),
            Plan::Share(offers, _) => offers.len(),
            Plan::Rescore(todo, _) => todo.iter().filter(|t| **t).count(),
        }
    }

    /// Scores what `plan` says; `between` is asked after every offer scored, as in
    /// [`super::detect_stepwise`].
    pub async fn finish_stepwise<P: Future<Output = ()>>(
        self,
        plan: Plan,
        mut between: impl FnMut() -> Step<P>,
    ) -> Option<Update> {
        let ctx = &self.ctx;
        let (offers, pooling) = match plan {
            Plan::Full => (0..ctx.offers.len(), true),
            Plan::Share(offers, pooling) => (offers, pooling),
            Plan::Rescore(todo, pooled) => return self.rescore(todo, pooled, between).await,
        };
        let pairs = Pairs::indexed(ctx);
        let (d, r) = run_offers(ctx, pairs, offers, pooling, self.kb, &mut between).await?;
        Some(Update::Full(d, r))
    }

    /// [`Run::finish_stepwise`] in one go.
    pub fn finish(self, plan: Plan) -> Update {
        finish(self.finish_stepwise(plan, never_pause))
    }

    /// Scores the offers marked in `todo` again, and groups the pooling themes `pooled` again.
    async fn rescore<P: Future<Output = ()>>(
        self,
        todo: Vec<bool>,
        pooled: Vec<PoolingTheme>,
        mut between: impl FnMut() -> Step<P>,
    ) -> Option<Update> {
        let ctx = &self.ctx;
        let mut scorer = OfferScorer::new(ctx);
        let mut proposals = HashMap::new();
        let mut refused = HashMap::new();
        for (oi, _) in todo.iter().enumerate().filter(|(_, t)| **t) {
            let kept = scorer.score(ctx, oi);
            let (found, refusals) = offer_results(ctx, oi, kept, self.kb);
            let id = ctx.offers[oi].flow.id.clone();
            proposals.insert(id.clone(), found);
            refused.insert(id, refusals);
            if !checkpoint(&mut between).await {
                return None;
            }
        }
        let again = |t: PoolingTheme| pooled.binary_search(&t).is_ok();
        let mutualisations =
            mutualise::regrouped_stepwise(ctx.project, ctx.asm, again, &mut between).await?;
        let offers = ctx
            .offers
            .iter()
            .zip(&todo)
            .map(|(o, t)| (o.flow.id.clone(), *t))
            .collect();
        // The factor list and the "not counted" sentence follow the assumptions, the same.
        Some(Update::Partial(Partial {
            offers,
            rescored: proposals.len(),
            proposals,
            refused,
            pooled,
            mutualisations,
        }))
    }
}

/// A run after an edit in one go, applied: the detection and refusals of `project`, given the
/// inputs, detection and refusals of `before`; and how many offers were scored again (`None`
/// for a full run).
pub fn redetect(
    before: Option<(&Project, Detection, Vec<Refusal>)>,
    project: &Project,
    asm: &Assumptions,
    factors: &Factors,
    kb: &KnowledgeBase,
) -> (Detection, Vec<Refusal>, Option<usize>) {
    let run = Run::new(project, asm, factors, kb);
    let seen = before.as_ref().map(|(p, d, r)| Seen::new(p, d, r));
    let plan = run.plan(seen.as_ref());
    let update = finish(run.finish_stepwise(plan, never_pause));
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
    use crate::model::{Actor, Direction, Flow, Quantity};

    /// Items of a detection's list: (offer, value).
    fn merged(
        items: &mut Vec<(FlowId, u32)>,
        offers: &[(&str, bool)],
        new: &[(&str, &[u32])],
    ) -> Vec<(String, u32)> {
        let offers: Vec<(FlowId, bool)> =
            offers.iter().map(|(o, r)| (FlowId::new(*o), *r)).collect();
        let mut new: HashMap<FlowId, Vec<(FlowId, u32)>> = new
            .iter()
            .map(|(o, v)| {
                (
                    FlowId::new(*o),
                    v.iter().map(|x| (FlowId::new(*o), *x)).collect(),
                )
            })
            .collect();
        merge(items, &offers, &mut new, |(o, _)| o);
        items.iter().map(|(o, x)| (o.to_string(), *x)).collect()
    }

    /// Offers (rescored or not), their new items, and the list wanted.
    type Case<'a> = (
        &'a [(&'a str, bool)],
        &'a [(&'a str, &'a [u32])],
        &'a [(&'a str, u32)],
    );

    fn list(items: &[(&str, u32)]) -> Vec<(FlowId, u32)> {
        items.iter().map(|(o, x)| (FlowId::new(*o), *x)).collect()
    }

    #[test]
    fn an_update_replaces_in_place_when_nothing_else_moves_and_rebuilds_otherwise() {
        let own = |v: &[(&str, u32)]| {
            v.iter()
                .map(|(o, x)| (o.to_string(), *x))
                .collect::<Vec<_>>()
        };
        // b rescored with as many proposals as before: replaced where they stand, no new list.
        let mut items = list(&[("a", 1), ("a", 2), ("b", 3), ("c", 4)]);
        let before = items.as_ptr();
        let out = merged(
            &mut items,
            &[("a", false), ("b", true), ("c", false)],
            &[("b", &[9])],
        );
        assert_eq!(out, own(&[("a", 1), ("a", 2), ("b", 9), ("c", 4)]));
        assert_eq!(items.as_ptr(), before, "in place");
        // Offers with no proposal before or after, between the others: still in place.
        let out = merged(
            &mut items,
            &[
                ("x", false),
                ("a", true),
                ("y", true),
                ("b", false),
                ("c", false),
            ],
            &[("a", &[5, 6])],
        );
        assert_eq!(out, own(&[("a", 5), ("a", 6), ("b", 9), ("c", 4)]));
        assert_eq!(items.as_ptr(), before, "in place");
        // One more proposal for b, an offer deleted, an offer added, offers reordered: rebuilt.
        let start = [("a", 1), ("a", 2), ("b", 3), ("c", 4)];
        let cases: [Case; 4] = [
            (
                &[("a", false), ("b", true), ("c", false)],
                &[("b", &[8, 9])],
                &[("a", 1), ("a", 2), ("b", 8), ("b", 9), ("c", 4)],
            ),
            (
                &[("a", false), ("c", false)],
                &[],
                &[("a", 1), ("a", 2), ("c", 4)],
            ),
            (
                &[("a", false), ("b", false), ("d", true), ("c", false)],
                &[("d", &[7])],
                &[("a", 1), ("a", 2), ("b", 3), ("d", 7), ("c", 4)],
            ),
            (
                &[("c", false), ("a", false), ("b", false)],
                &[],
                &[("c", 4), ("a", 1), ("a", 2), ("b", 3)],
            ),
        ];
        for (offers, new, want) in cases {
            assert_eq!(merged(&mut list(&start), offers, new), own(want));
        }
        // A rescored offer that loses its proposals, and one that gains its first.
        let out = merged(
            &mut list(&start),
            &[("a", false), ("b", true), ("c", true)],
            &[("c", &[5])],
        );
        assert_eq!(out, own(&[("a", 1), ("a", 2), ("c", 5)]));
    }

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
        let keys = |d: &Detection| d.proposals.iter().map(Proposal::key).collect::<Vec<_>>();
        assert_eq!(keys(&updated), keys(&full));
        for (a, b) in updated.proposals.iter().zip(&full.proposals) {
            assert!(
                a == b,
                "{} differs:\n{:?}\n{:?}\n{:?}\n{:?}",
                a.key(),
                a.components()
                    .iter()
                    .map(|c| (c.score, &c.text.fr))
                    .collect::<Vec<_>>(),
                b.components()
                    .iter()
                    .map(|c| (c.score, &c.text.fr))
                    .collect::<Vec<_>>(),
                (a.score, a.matched(), a.net_eur_per_year(), a.flags()),
                (b.score, b.matched(), b.net_eur_per_year(), b.flags())
            );
        }
        assert!(updated == full, "pooling or sources differ");
        assert_eq!(refused, full_refused);
        // The worker's summary, sent as bytes to a worker started afresh, plans the same run;
        // updated by that run, it is the summary of the full run, so the next edit plans right.
        let before = redetect_summary(base, &after, &asm_after, &kb);
        assert_eq!(
            before.1, rescored,
            "the summary after bytes plans the same run"
        );
        assert_eq!(before.0, Seen::new(&after, &full, &full_refused));
        rescored
    }

    /// The summary of `base`'s detection through bytes, planned against and updated by a run on
    /// `after`: the summary after, and how many offers that run rescored (`None`: a full run).
    fn redetect_summary(
        base: &Project,
        after: &Project,
        asm_after: &Assumptions,
        kb: &KnowledgeBase,
    ) -> (Seen, Option<usize>) {
        let f = Factors::bundled();
        let (d, r) = detect_with_refusals(base, &Assumptions::for_project(base), f, kb);
        let bytes = Seen::new(base, &d, &r).to_bytes();
        let mut seen = Seen::from_bytes(&bytes).expect("a summary reads back");
        let run = Run::new(after, asm_after, f, kb);
        let plan = run.plan(Some(&seen));
        match finish(run.finish_stepwise(plan, never_pause)) {
            Update::Partial(partial) => {
                seen.apply(&partial, after);
                (seen, Some(partial.rescored))
            }
            Update::Full(d, r) => (Seen::new(after, &d, &r), None),
        }
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
        let local: [Edit; 7] = [
            (
                "a need's class, from one pooling theme to another",
                Box::new(move |p: &mut Project| {
                    p.flows[need].category = Some(crate::model::ResourceCategory::Heat);
                }),
            ),
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
            d.proposals.iter().any(|p| p.has_key(&far_key)),
            "the far need is among the offer's best"
        );
        // An offer with all its k places taken: a twin of its next-to-last need (same flow, a
        // company at the same place) scores above its k-th best and pushes it out. Only scoring
        // the new need against that k-th best tells.
        let k = Assumptions::default().max_proposals_per_offer;
        let (twin_need, twin_actor) = base
            .flows
            .iter()
            .filter(|f| f.direction == Direction::Offer)
            .find_map(|f| {
                let subs: Vec<&Proposal> = before
                    .proposals
                    .iter()
                    .filter(|p| p.offer == f.id && p.need.is_some())
                    .collect();
                (subs.len() == k && subs[k - 2].score > subs[k - 1].score).then(|| {
                    (
                        subs[k - 2].need.clone().unwrap(),
                        subs[k - 2].receiver.clone(),
                    )
                })
            })
            .expect("an offer with k substitutions");
        let twin = move |p: &mut Project| {
            let mut n = p.flows.iter().find(|f| f.id == twin_need).unwrap().clone();
            let mut a = p
                .actors
                .iter()
                .find(|a| a.id == twin_actor)
                .unwrap()
                .clone();
            a.id = ActorId::new("a-twin");
            n.id = FlowId::new("f-twin");
            n.actor = a.id.clone();
            p.actors.push(a);
            p.flows.push(n);
        };
        let local: Vec<Edit> = local
            .into_iter()
            .chain([
                ("a far need", Box::new(far) as Box<dyn Fn(&mut Project)>),
                ("a twin need", Box::new(twin)),
            ])
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
    fn an_edit_groups_again_only_the_pooling_themes_of_the_flows_it_changed() {
        let base = territory();
        let (f, kb) = (Factors::bundled(), KnowledgeBase::full());
        let asm = Assumptions::for_project(&base);
        let (d, r) = detect_with_refusals(&base, &asm, f, &kb);
        let seen = Seen::new(&base, &d, &r);
        let themes = |p: &Project| {
            let mut t: Vec<PoolingTheme> = p.flows.iter().filter_map(theme_of).collect();
            t.sort();
            t.dedup();
            t
        };
        assert!(themes(&base).len() > 5, "{:?}", themes(&base));
        let need = base
            .flows
            .iter()
            .position(|f| f.direction == Direction::Need && theme_of(f).is_some())
            .unwrap();
        let was = theme_of(&base.flows[need]).unwrap();
        let planned = |after: &Project| match Run::new(after, &asm, f, &kb).plan(Some(&seen)) {
            Plan::Rescore(_, pooled) => pooled,
            _ => panic!("one flow edited: a partial run"),
        };
        let mut more = base.clone();
        more.flows[need].quantity = more.flows[need].quantity.map(|q| Quantity {
            value: q.value * 3.0,
            ..q
        });
        assert_eq!(planned(&more), vec![was]);
        // Moved to another theme: both are grouped again.
        let mut moved = base.clone();
        moved.flows[need].category = Some(crate::model::ResourceCategory::Skills);
        let now = theme_of(&moved.flows[need]).unwrap();
        assert_ne!(now, was);
        let mut both = vec![was, now];
        both.sort();
        assert_eq!(planned(&moved), both);
    }

    #[test]
    fn regrouped_themes_replace_their_old_groups_in_the_themes_order() {
        let group = |theme: PoolingTheme, key: &str| Mutualisation {
            key: key.into(),
            theme,
            title: crate::Bilingual::new("", ""),
            members: Vec::new(),
            flows: Vec::new(),
            pooled: None,
            unit: None,
            flows_not_summed: 0,
            estimated_gain_eur: None,
            members_with_costs: 0,
            confidential_costs: false,
            assumptions: crate::Bilingual::new("", ""),
            obligations: Vec::new(),
        };
        use PoolingTheme as T;
        let mut groups = vec![
            group(T::CollectCardboard, "a1"),
            group(T::CollectCardboard, "a2"),
            group(T::CollectWood, "b1"),
            group(T::SharedSkills, "c1"),
        ];
        regroup(
            &mut groups,
            &[T::CollectWood, T::CollectGlass, T::SharedSkills],
            vec![group(T::CollectGlass, "g1"), group(T::CollectGlass, "g2")],
        );
        let keys: Vec<&str> = groups.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(keys, ["a1", "a2", "g1", "g2"]);
    }

    #[test]
    fn a_change_of_assumptions_or_an_unplaced_company_is_a_full_run_a_need_edit_is_not() {
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
        // The demo's zone is narrower than the longest exchange, yet an edit of one need
        // changes only the offers it enters or leaves.
        let demo = crate::demo::project();
        let demo_offers = demo
            .flows
            .iter()
            .filter(|f| f.direction == Direction::Offer)
            .count();
        let quantity = |p: &mut Project| {
            let f = p.flows.iter_mut().find(|f| f.quantity.is_some()).unwrap();
            f.quantity = f.quantity.map(|q| Quantity {
                value: q.value + 1.0,
                ..q
            });
        };
        let rescored = check(&demo, quantity).expect("a partial run");
        assert!(rescored < demo_offers / 2, "{rescored} of {demo_offers}");
    }
}
