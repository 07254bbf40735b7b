//! What the list, the map and the legend show of an actor, derived from the project on demand.
//! Plain functions over the core model, tested on the host.

use std::collections::HashMap;

use symbiose_core::detect::{Proposal, index_for};
use symbiose_core::refdata::naf;
use symbiose_core::{Actor, ActorId, Direction, Family, FlowId, Index, Lang, Position, Project};

use crate::filter::MapFilter;

/// A line between two companies on the map: a synergy (solid) or a proposal (dashed).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub from: Position,
    pub to: Position,
    pub colour: &'static str,
    pub dashed: bool,
    pub weight: f64,
}

/// One row of the company list and one marker of the map.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorSummary {
    pub id: ActorId,
    pub name: String,
    pub siret: Option<String>,
    /// NAF code and its label in the current language, when the code is known.
    pub activity: Option<(String, String)>,
    /// NACE section letter, `None` when the NAF code is missing or unknown.
    pub section: Option<char>,
    pub commune: Option<String>,
    pub position: Option<Position>,
    pub offers: usize,
    pub needs: usize,
}

impl ActorSummary {
    pub fn flow_count(&self) -> usize {
        self.offers + self.needs
    }

    /// Whether the query (accents and case ignored) names this actor, its SIRET or its activity.
    pub fn matches(&self, query_folded: &str) -> bool {
        use symbiose_core::refdata::text::{all_words_in, fold};
        if query_folded.trim().is_empty() {
            return true;
        }
        let digits: String = query_folded
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            return self.siret.as_deref().is_some_and(|s| s.contains(&digits));
        }
        let (code, label) = self.activity.clone().unwrap_or_default();
        all_words_in(
            query_folded,
            &fold(&format!("{} {} {}", self.name, code, label)),
        )
    }
}

/// The companies the filter shows, each with the number of its shown offers and needs.
pub fn summarise(project: &Project, lang: Lang, filter: &MapFilter) -> Vec<ActorSummary> {
    let mut counts = std::collections::HashMap::<&ActorId, (usize, usize)>::new();
    // Each company's flows, for a filter to judge it by (with none, every company is shown).
    let mut by_actor = std::collections::HashMap::<&ActorId, Vec<&symbiose_core::Flow>>::new();
    for f in &project.flows {
        if filter.is_active() {
            by_actor.entry(&f.actor).or_default().push(f);
        }
        if !filter.shows_flow(f) {
            continue;
        }
        let c = counts.entry(&f.actor).or_default();
        match f.direction {
            Direction::Offer => c.0 += 1,
            Direction::Need => c.1 += 1,
        }
    }
    project
        .actors
        .iter()
        .filter(|a| {
            let flows = by_actor.get(&a.id).map(Vec::as_slice).unwrap_or_default();
            filter.shows_actor(a, flows.iter().copied())
        })
        .map(|a| {
            let (offers, needs) = counts.get(&a.id).copied().unwrap_or_default();
            summary_of(a, offers, needs, lang)
        })
        .collect()
}

fn summary_of(a: &Actor, offers: usize, needs: usize, lang: Lang) -> ActorSummary {
    let naf = a.naf.as_deref().and_then(naf::lookup);
    ActorSummary {
        id: a.id.clone(),
        name: a.name.clone(),
        siret: a.siret.as_ref().map(|s| s.as_str().to_string()),
        activity: naf
            .map(|n| (n.code.clone(), n.label(lang).to_string()))
            .or_else(|| a.naf.clone().map(|c| (c, String::new()))),
        section: naf.map(|n| n.section_letter()),
        commune: a.commune.clone(),
        position: a.position.filter(Position::is_valid),
        offers,
        needs,
    }
}

/// The sections present in the project, in A–U order, with how many actors each has.
pub fn sections_present(summaries: &[ActorSummary]) -> Vec<(char, usize)> {
    let mut counts = std::collections::BTreeMap::<char, usize>::new();
    for s in summaries {
        if let Some(sec) = s.section {
            *counts.entry(sec).or_default() += 1;
        }
    }
    counts.into_iter().collect()
}

/// The most proposal links the map draws (the best-scored companies first).
pub const MAX_PROPOSAL_LINKS: usize = 300;

/// The proposals a selected company receives that the map draws besides its own offers'.
pub const RECEIVED_LINKS: usize = 5;

/// The lines the map draws for the whole zone: every synergy in the pipeline (solid, between
/// its companies in order) and, when asked, each company's single best proposal (dashed, at most
/// `MAX_PROPOSAL_LINKS`), coloured by family. A projected map with every offer's best was a
/// tangle no one in the room could read (issue 17): one line per company says where each
/// company's best lead goes, and a selected company shows the rest ([`company_links`]). Only
/// companies in `shown` are joined, and only families the filter shows.
pub fn links(
    p: &Project,
    d: &symbiose_core::detect::Detection,
    proposals: bool,
    filter: &MapFilter,
    shown: &[ActorSummary],
) -> Vec<Link> {
    let visible = positions(shown);
    let mut out = pipeline_links(p, filter, &visible);
    if !proposals {
        return out;
    }
    // A family is looked up per proposal only when the filter hides one; otherwise only the
    // drawn lines' (a map of a territory's 50,000 flows was a third of this, after each edit).
    let families = (!filter.hidden.is_empty()).then(|| all_flows(p));
    let shows = |pr: &Proposal| {
        families
            .as_ref()
            .is_none_or(|f| !filter.hidden.contains(&family_of(f, &pr.offer)))
            && visible.contains_key(&pr.offer_actor)
            && visible.contains_key(&pr.receiver)
    };
    let taken = taken_keys(p);
    // Each company's best: proposals come grouped by offer, best first, so only the first
    // untaken one of each group can be its company's best (no set of seen offers to hash
    // 250,000 times).
    let mut best: HashMap<&ActorId, (f64, &Proposal)> = HashMap::new();
    for pr in offer_bests(d, &taken) {
        if best.get(&pr.offer_actor).is_some_and(|b| b.0 >= pr.score) || !shows(pr) {
            continue;
        }
        best.insert(&pr.offer_actor, (pr.score, pr));
    }
    // Best first, ties by company, so the same lines are drawn (and kept) from run to run.
    let mut best: Vec<(&ActorId, (f64, &Proposal))> = best.into_iter().collect();
    best.sort_by(|a, b| b.1.0.total_cmp(&a.1.0).then_with(|| a.0.cmp(b.0)));
    // A territory's thousands of dashed lines would hide the map: the best ones are drawn.
    best.truncate(MAX_PROPOSAL_LINKS);
    let families = families.unwrap_or_else(|| index_for(p, best.iter().map(|(_, (_, pr))| *pr)));
    out.extend(
        best.into_iter()
            .filter_map(|(_, (_, pr))| proposal_link(pr, &families, filter, &visible)),
    );
    out
}

/// What a selected company adds to the map: the best proposal of each of its offers, and the
/// [`RECEIVED_LINKS`] best it receives, dashed, in the families the filter shows.
pub fn company_links(
    p: &Project,
    d: &symbiose_core::detect::Detection,
    company: &ActorId,
    filter: &MapFilter,
    shown: &[ActorSummary],
) -> Vec<Link> {
    let visible = positions(shown);
    if !visible.contains_key(company) {
        return Vec::new();
    }
    let taken = taken_keys(p);
    let own: Vec<&Proposal> = offer_bests(d, &taken)
        .filter(|pr| &pr.offer_actor == company)
        .collect();
    let received: Vec<&Proposal> = d
        .proposals
        .iter()
        .filter(|pr| &pr.receiver == company && !is_taken(pr, &taken))
        .collect();
    let families = index_for(p, own.iter().chain(&received).copied());
    let mut out: Vec<Link> = own
        .into_iter()
        .filter_map(|pr| proposal_link(pr, &families, filter, &visible))
        .collect();
    let mut received: Vec<(f64, Link)> = received
        .into_iter()
        .filter_map(|pr| proposal_link(pr, &families, filter, &visible).map(|l| (pr.score, l)))
        .collect();
    received.sort_by(|a, b| b.0.total_cmp(&a.0));
    out.extend(received.into_iter().take(RECEIVED_LINKS).map(|(_, l)| l));
    out
}

fn positions(shown: &[ActorSummary]) -> HashMap<&ActorId, Position> {
    shown
        .iter()
        .filter_map(|s| s.position.map(|pos| (&s.id, pos)))
        .collect()
}

/// Every flow by id, for a family looked up per proposal (a territory can have 250,000 of them).
fn all_flows(p: &Project) -> Index<'_> {
    Index::keeping(p, |_| false, |_| true)
}

/// The proposals already taken into the pipeline: drawn as their synergy, not again.
fn taken_keys(p: &Project) -> Vec<&str> {
    p.synergies
        .iter()
        .filter_map(|s| s.proposal_key.as_deref())
        .collect()
}

fn is_taken(pr: &symbiose_core::detect::Proposal, taken: &[&str]) -> bool {
    taken.iter().any(|k| pr.has_key(k))
}

/// Every offer's best untaken proposal, in the detection's order.
fn offer_bests<'d>(
    d: &'d symbiose_core::detect::Detection,
    taken: &[&str],
) -> impl Iterator<Item = &'d symbiose_core::detect::Proposal> {
    let mut last_offer: Option<&symbiose_core::FlowId> = None;
    d.proposals
        .iter()
        .filter(|pr| !is_taken(pr, taken))
        .filter(move |pr| {
            let first = last_offer != Some(&pr.offer);
            last_offer = Some(&pr.offer);
            first
        })
}

/// An offer's family (matter when the flow is gone).
fn family_of(flows: &Index, offer: &FlowId) -> Family {
    flows.flow(offer).map_or(Family::Matter, |f| f.family)
}

/// A proposal as a dashed line, when both companies are on the map and its family is shown.
fn proposal_link(
    pr: &symbiose_core::detect::Proposal,
    families: &Index,
    filter: &MapFilter,
    visible: &HashMap<&ActorId, Position>,
) -> Option<Link> {
    use crate::palette::{family_colour, link_weight};
    let family = family_of(families, &pr.offer);
    if filter.hidden.contains(&family) {
        return None;
    }
    Some(Link {
        from: *visible.get(&pr.offer_actor)?,
        to: *visible.get(&pr.receiver)?,
        colour: family_colour(family),
        dashed: true,
        weight: link_weight(pr.matched()),
    })
}

/// The pipeline's synergies, solid, between their companies in order.
fn pipeline_links(
    p: &Project,
    filter: &MapFilter,
    visible: &HashMap<&ActorId, Position>,
) -> Vec<Link> {
    use crate::palette::{family_colour, link_weight};
    let mut out = Vec::new();
    for s in &p.synergies {
        let family = s
            .flows
            .first()
            .and_then(|f| p.flow(f))
            .map_or(symbiose_core::Family::Matter, |f| f.family);
        if filter.hidden.contains(&family) {
            continue;
        }
        for pair in s.actors.windows(2) {
            if let (Some(from), Some(to)) = (visible.get(&pair[0]), visible.get(&pair[1])) {
                let q = s
                    .estimated
                    .tonnes_per_year
                    .or(s.estimated.mwh_per_year)
                    .or(s.estimated.m3_per_year);
                out.push(Link {
                    from: *from,
                    to: *to,
                    colour: family_colour(family),
                    dashed: false,
                    weight: link_weight(q) + 1.0,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use symbiose_core::detect::Detection;
    use symbiose_core::{Flow, FlowId, Siret};

    fn project() -> Project {
        let actor = |id: &str, name: &str, naf: &str| Actor {
            id: ActorId::new(id),
            name: name.into(),
            naf: Some(naf.into()),
            position: Some(Position::new(42.6, 9.44)),
            ..Default::default()
        };
        let mut bakery = actor("a-1", "Boulangerie Santa Maria", "10.71C");
        bakery.siret = Some(Siret::parse("12002701600019").unwrap());
        let flow = |id: &str, actor: &str, direction| Flow {
            id: FlowId::new(id),
            actor: ActorId::new(actor),
            direction,
            ..Default::default()
        };
        Project {
            actors: vec![
                bakery,
                actor("a-2", "Scierie du Golo", "16.10A"),
                actor("a-3", "Inconnu", "00.00X"),
            ],
            flows: vec![
                flow("f-1", "a-1", Direction::Offer),
                flow("f-2", "a-1", Direction::Need),
                flow("f-3", "a-1", Direction::Offer),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn counts_sections_and_labels() {
        let s = summarise(&project(), Lang::Fr, &MapFilter::default());
        assert_eq!((s[0].offers, s[0].needs), (2, 1));
        assert_eq!(s[0].section, Some('C'));
        assert_eq!(
            s[2].section, None,
            "unknown NAF has no section but keeps its code"
        );
        assert_eq!(s[2].activity.as_ref().unwrap().0, "00.00X");
        assert_eq!(sections_present(&s), vec![('C', 2)]);
    }

    #[test]
    fn search_by_name_siret_activity() {
        use symbiose_core::refdata::text::fold;
        let s = summarise(&project(), Lang::Fr, &MapFilter::default());
        assert!(s[0].matches(&fold("santa MARIA")));
        assert!(s[0].matches(&fold("120 027")));
        assert!(!s[1].matches(&fold("120027")));
        assert!(s[1].matches(&fold("sciage")));
        assert!(s[1].matches(""));
    }

    #[test]
    fn a_hidden_family_leaves_out_its_flows_and_the_companies_left_without_any() {
        let mut filter = MapFilter::default();
        filter.toggle(symbiose_core::Family::Matter);
        let s = summarise(&project(), Lang::Fr, &filter);
        let ids: Vec<&str> = s.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids, ["a-2", "a-3"], "a-1's flows are all matter");
    }

    /// The dashed lines as the map means them, said plainly: each offer's first untaken
    /// proposal, kept when its offer's family is shown and its two companies are on the map;
    /// per company, the best of these (the first among equals); the 300 best, ties by company.
    fn plain_links(
        p: &Project,
        d: &Detection,
        filter: &MapFilter,
        shown: &[ActorSummary],
    ) -> Vec<Link> {
        let visible = positions(shown);
        let families = all_flows(p);
        let taken = taken_keys(p);
        let mut best: Vec<(&ActorId, f64, Link)> = Vec::new();
        let mut offers = HashSet::new();
        let untaken = d.proposals.iter().filter(|pr| !is_taken(pr, &taken));
        for pr in untaken.filter(|pr| offers.insert(&pr.offer)) {
            let Some(link) = proposal_link(pr, &families, filter, &visible) else {
                continue;
            };
            match best.iter_mut().find(|b| b.0 == &pr.offer_actor) {
                Some(b) if b.1 >= pr.score => {}
                Some(b) => *b = (&pr.offer_actor, pr.score, link),
                None => best.push((&pr.offer_actor, pr.score, link)),
            }
        }
        best.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        best.truncate(MAX_PROPOSAL_LINKS);
        best.into_iter().map(|(_, _, l)| l).collect()
    }

    #[test]
    fn the_drawn_lines_are_each_companys_best_shown_proposal_with_or_without_a_filter() {
        use symbiose_core::detect::{Assumptions, detect, synthetic};
        use symbiose_core::factors::Factors;
        use symbiose_core::kb::KnowledgeBase;
        let mut p = synthetic::epci(400, 6, 3);
        // Some companies off the map: their lines are not drawn.
        for a in p.actors.iter_mut().step_by(9) {
            a.position = None;
        }
        let d = detect(
            &p,
            &Assumptions::for_project(&p),
            Factors::bundled(),
            &KnowledgeBase::full(),
        );
        let mut hiding = MapFilter::default();
        hiding.toggle(Family::Waste);
        for filter in [MapFilter::default(), hiding] {
            let shown = summarise(&p, Lang::Fr, &filter);
            let dashed: Vec<Link> = links(&p, &d, true, &filter, &shown)
                .into_iter()
                .filter(|l| l.dashed)
                .collect();
            assert!(dashed.len() > 100, "{} lines", dashed.len());
            assert_eq!(dashed, plain_links(&p, &d, &filter, &shown), "{filter:?}");
        }
    }

    #[test]
    fn the_map_draws_each_companys_best_link_at_most_300_and_a_selected_companys_rest() {
        use symbiose_core::detect::{Assumptions, detect, synthetic};
        use symbiose_core::factors::Factors;
        use symbiose_core::kb::KnowledgeBase;
        let p = synthetic::epci(400, 6, 3);
        let d = detect(
            &p,
            &Assumptions::for_project(&p),
            Factors::bundled(),
            &KnowledgeBase::full(),
        );
        let offering: std::collections::HashSet<_> =
            d.proposals.iter().map(|pr| &pr.offer_actor).collect();
        assert!(
            offering.len() > MAX_PROPOSAL_LINKS,
            "{} companies",
            offering.len()
        );
        let filter = MapFilter::default();
        let shown = summarise(&p, symbiose_core::Lang::Fr, &filter);
        let drawn = links(&p, &d, true, &filter, &shown);
        let dashed: Vec<&Link> = drawn.iter().filter(|l| l.dashed).collect();
        assert_eq!(dashed.len(), MAX_PROPOSAL_LINKS);
        // One line per company: no two leave the same place (each company has its own).
        let mut starts: Vec<(u64, u64)> = dashed
            .iter()
            .map(|l| (l.from.lat.to_bits(), l.from.lon.to_bits()))
            .collect();
        starts.sort_unstable();
        starts.dedup();
        assert_eq!(starts.len(), MAX_PROPOSAL_LINKS);
        assert!(
            links(&p, &d, false, &filter, &shown)
                .iter()
                .all(|l| !l.dashed)
        );

        // A selected company: one line per offer of it that has a proposal, and what it receives.
        let company = d.proposals[0].offer_actor.clone();
        let at = shown
            .iter()
            .find(|s| s.id == company)
            .unwrap()
            .position
            .unwrap();
        let offers: std::collections::HashSet<_> = d
            .proposals
            .iter()
            .filter(|pr| pr.offer_actor == company)
            .map(|pr| &pr.offer)
            .collect();
        let received = d
            .proposals
            .iter()
            .filter(|pr| pr.receiver == company)
            .count();
        let mine = company_links(&p, &d, &company, &filter, &shown);
        assert_eq!(mine.len(), offers.len() + received.min(RECEIVED_LINKS));
        assert!(
            mine.iter()
                .all(|l| l.dashed && (l.from == at || l.to == at))
        );
        assert_eq!(mine.iter().filter(|l| l.from == at).count(), offers.len());
    }
}
