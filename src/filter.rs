//! What the map and the list show: flow families switched on or off, one NAF section, one
//! chapter of the List of Waste. Plain data and functions, tested on the host.
//!
//! A family switched off hides its flows (from marker sizes, popups and links); a company whose
//! flows are all hidden leaves the map, while a company with no flow at all stays, because it
//! is still part of the zone and still to be interviewed.

use std::collections::{BTreeMap, BTreeSet};

use symbiose_core::refdata::{naf, waste};
use symbiose_core::{Actor, Family, Flow, Lang, Project};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapFilter {
    /// Families switched off.
    pub hidden: BTreeSet<Family>,
    /// Only companies of this NACE section (letter A–U).
    pub section: Option<char>,
    /// Only companies declaring a waste of this List of Waste chapter ("02", "15"…).
    pub chapter: Option<String>,
}

impl MapFilter {
    pub fn is_active(&self) -> bool {
        !self.hidden.is_empty() || self.section.is_some() || self.chapter.is_some()
    }

    pub fn toggle(&mut self, family: Family) {
        if !self.hidden.remove(&family) {
            self.hidden.insert(family);
        }
    }

    pub fn shows_flow(&self, flow: &Flow) -> bool {
        !self.hidden.contains(&flow.family)
    }

    /// Whether the company is shown, given its flows.
    pub fn shows_actor<'a>(
        &self,
        actor: &Actor,
        mut flows: impl Iterator<Item = &'a Flow>,
    ) -> bool {
        if let Some(sec) = self.section
            && actor.naf.as_deref().and_then(naf::section_of) != Some(sec)
        {
            return false;
        }
        let flows: Vec<&Flow> = flows.by_ref().collect();
        if let Some(ch) = &self.chapter
            && !flows
                .iter()
                .any(|f| waste_chapter(f).as_deref() == Some(ch.as_str()))
        {
            return false;
        }
        flows.is_empty() || flows.iter().any(|f| self.shows_flow(f))
    }
}

fn waste_chapter(flow: &Flow) -> Option<String> {
    flow.waste_code
        .as_deref()
        .and_then(waste::lookup)
        .map(|w| w.chapter.clone())
}

/// The List of Waste chapters the project's flows use, with their label and how many flows.
pub fn chapters_present(project: &Project, lang: Lang) -> Vec<(String, String, usize)> {
    let mut found = BTreeMap::<String, (String, usize)>::new();
    for f in &project.flows {
        if let Some(w) = f.waste_code.as_deref().and_then(waste::lookup) {
            let e = found
                .entry(w.chapter.clone())
                .or_insert_with(|| (w.chapter_label(lang).to_string(), 0));
            e.1 += 1;
        }
    }
    found
        .into_iter()
        .map(|(code, (label, n))| (code, label, n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use symbiose_core::{ActorId, FlowId};

    fn actor(id: &str, naf: &str) -> Actor {
        Actor {
            id: ActorId::new(id),
            naf: Some(naf.into()),
            ..Default::default()
        }
    }

    fn flow(actor: &str, family: Family, waste: Option<&str>) -> Flow {
        Flow {
            id: FlowId::new(format!("f-{actor}-{family:?}")),
            actor: ActorId::new(actor),
            family,
            waste_code: waste.map(str::to_string),
            ..Default::default()
        }
    }

    #[test]
    fn families_hide_flows_and_companies_left_with_none() {
        let sawmill = actor("a-1", "16.10A");
        let flows = [
            flow("a-1", Family::Waste, Some("030105")),
            flow("a-1", Family::Energy, None),
        ];
        let mut f = MapFilter::default();
        assert!(!f.is_active());
        f.toggle(Family::Waste);
        assert!(f.is_active());
        assert!(!f.shows_flow(&flows[0]) && f.shows_flow(&flows[1]));
        assert!(f.shows_actor(&sawmill, flows.iter()), "energy is still on");
        f.toggle(Family::Energy);
        assert!(!f.shows_actor(&sawmill, flows.iter()));
        assert!(
            f.shows_actor(&sawmill, [].iter()),
            "a company without flows stays"
        );
        f.toggle(Family::Energy);
        f.toggle(Family::Waste);
        assert!(!f.is_active(), "toggling twice switches back on");
    }

    #[test]
    fn section_and_waste_chapter() {
        let sawmill = actor("a-1", "16.10A");
        let bakery = actor("a-2", "10.71C");
        let sawdust = [flow("a-1", Family::Waste, Some("030105"))];
        let f = MapFilter {
            section: Some('C'),
            chapter: Some("03".into()),
            ..Default::default()
        };
        assert!(f.shows_actor(&sawmill, sawdust.iter()));
        assert!(!f.shows_actor(&bakery, [].iter()), "no chapter 03 waste");
        let g = MapFilter {
            section: Some('F'),
            ..Default::default()
        };
        assert!(!g.shows_actor(&sawmill, sawdust.iter()));
    }

    #[test]
    fn chapters_of_the_demo() {
        let p = symbiose_core::demo::project();
        let chapters = chapters_present(&p, Lang::Fr);
        assert!(chapters.iter().any(|(c, _, n)| c == "15" && *n > 0));
        assert!(chapters.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(chapters.iter().all(|(_, label, _)| !label.is_empty()));
    }
}
