//! Looking up a project's companies and flows by id, built once for a whole pass.
//!
//! `Project::actor`, `Project::flow` and `Project::flows_of` read the lists from the start:
//! right for one look-up, wrong in a loop over the territory. An EPCI of 5,000 companies and
//! 50,000 flows made the GeoJSON export, the diagnostic and "what is around me" scan the
//! flows once per company (250 million comparisons, one to two seconds each natively;
//! docs/PERFORMANCE.md "Look-ups by id"). A pass over many companies or flows builds an
//! `Index` first (one pass over each list) and asks it instead.

use std::cell::OnceCell;
use std::collections::HashMap;

use super::{Actor, ActorId, Flow, FlowId, Project};

/// A project's companies and flows by id, and each company's flows in the file's order.
#[derive(Debug)]
pub struct Index<'p> {
    actors: HashMap<&'p ActorId, &'p Actor>,
    flows: HashMap<&'p FlowId, &'p Flow>,
    /// The kept flows in the file's order.
    listed: Vec<&'p Flow>,
    /// Each company's flows, grouped when first asked: rendering proposals needs none.
    by_actor: OnceCell<HashMap<&'p ActorId, Vec<&'p Flow>>>,
}

impl<'p> Index<'p> {
    /// Every company and flow of the project.
    pub fn new(project: &'p Project) -> Self {
        Self::keeping(project, |_| true, |_| true)
    }

    /// Only the companies and flows the filters keep (one pass over each list): what a few
    /// look-ups among a large territory need, without hashing all of it. A flow left out is
    /// missing from `flow` and from its company's `flows_of`.
    pub fn keeping(
        project: &'p Project,
        keep_actor: impl Fn(&Actor) -> bool,
        keep_flow: impl Fn(&Flow) -> bool,
    ) -> Self {
        // The first of a repeated id, as the scans find it (a checked file has none).
        let mut actors = HashMap::new();
        for a in project.actors.iter().filter(|a| keep_actor(a)) {
            actors.entry(&a.id).or_insert(a);
        }
        let listed: Vec<&Flow> = project.flows.iter().filter(|f| keep_flow(f)).collect();
        let mut flows = HashMap::with_capacity(listed.len());
        for f in &listed {
            flows.entry(&f.id).or_insert(*f);
        }
        Self {
            actors,
            flows,
            listed,
            by_actor: OnceCell::new(),
        }
    }

    /// The company with this id (the first, as `Project::actor` finds it).
    pub fn actor(&self, id: &ActorId) -> Option<&'p Actor> {
        self.actors.get(id).copied()
    }

    /// The flow with this id (the first, as `Project::flow` finds it).
    pub fn flow(&self, id: &FlowId) -> Option<&'p Flow> {
        self.flows.get(id).copied()
    }

    /// The company's flows, in the file's order (as `Project::flows_of` lists them).
    pub fn flows_of(&self, actor: &ActorId) -> &[&'p Flow] {
        let by_actor = self.by_actor.get_or_init(|| {
            let mut by_actor: HashMap<&ActorId, Vec<&Flow>> = HashMap::new();
            for f in &self.listed {
                by_actor.entry(&f.actor).or_default().push(*f);
            }
            by_actor
        });
        by_actor.get(actor).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index answers as the project's own scans do, for every company and flow of the demo
    /// and for ids that are not there.
    #[test]
    fn the_index_finds_what_the_project_s_scans_find() {
        let p = crate::demo::project();
        let index = Index::new(&p);
        for a in &p.actors {
            assert_eq!(
                index.actor(&a.id).map(|x| &x.id),
                p.actor(&a.id).map(|x| &x.id)
            );
            let scanned: Vec<&FlowId> = p.flows_of(&a.id).map(|f| &f.id).collect();
            let indexed: Vec<&FlowId> = index.flows_of(&a.id).iter().map(|f| &f.id).collect();
            assert_eq!(indexed, scanned, "{}", a.id.as_str());
        }
        for f in &p.flows {
            assert!(std::ptr::eq(
                index.flow(&f.id).unwrap(),
                p.flow(&f.id).unwrap()
            ));
        }
        assert!(index.actor(&ActorId::new("nobody")).is_none());
        assert!(index.flow(&FlowId::new("nothing")).is_none());
        assert!(index.flows_of(&ActorId::new("nobody")).is_empty());
    }

    #[test]
    fn an_index_keeping_some_flows_knows_only_those() {
        let p = crate::demo::project();
        let first = &p.actors[0].id;
        let index = Index::keeping(&p, |a| &a.id == first, |f| &f.actor == first);
        assert!(index.actor(first).is_some());
        assert!(index.actor(&p.actors[1].id).is_none());
        assert_eq!(index.flows_of(first).len(), p.flows_of(first).count());
        assert!(index.flows_of(&p.actors[1].id).is_empty());
        let other = p.flows.iter().find(|f| &f.actor != first).unwrap();
        assert!(index.flow(&other.id).is_none());
    }
}
