//! What a company comes for: the offers and needs of the other companies around it, nearest
//! first, as an audience may see them.
//!
//! The facilitator sees every flow with its company and cost. Any other audience (a company
//! exploring, a projected screen) never sees a private flow, sees an anonymised flow's company
//! as "a company of sector X" and never sees its cost: the same rule as the proposals
//! (`detect::public`), so the two views cannot disagree.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::Bilingual;
use crate::detect::{Audience, actor_label, sight};
use crate::model::{Actor, ActorId, Direction, Family, FlowId, Position, Project, Quantity};

/// The radii offered to the user, in kilometres: a ZA, a commune, an EPCI, a department.
pub const RADII_KM: [f64; 5] = [1.0, 2.0, 5.0, 10.0, 25.0];

/// One flow of another company within the radius.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Neighbour {
    pub flow: FlowId,
    pub actor: ActorId,
    /// The company's name, or its sector when the flow is anonymised for this audience.
    pub actor_label: Bilingual,
    /// Whether the audience may know which company it is (and so be shown it on the map).
    pub named: bool,
    pub direction: Direction,
    pub family: Family,
    pub label: String,
    pub waste_code: Option<String>,
    pub quantity: Option<Quantity>,
    /// € per unit; `None` when unknown or hidden from this audience.
    pub cost_eur_per_unit: Option<f64>,
    pub distance_km: f64,
    /// Where the company is, when the audience may know which company it is (`named`): an
    /// anonymised company's place would say who it is.
    pub position: Option<Position>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeighbourhoodError {
    UnknownActor,
    /// The company has no position yet, so there is no "around" to speak of.
    NoPosition,
}

/// The flows of the other companies within `radius_km` of `centre`, nearest first (then by
/// label, so that equal distances keep a stable order). Companies without a valid position
/// are left out: their distance is unknown.
pub fn around(
    project: &Project,
    centre: &ActorId,
    radius_km: f64,
    audience: Audience,
) -> Result<Vec<Neighbour>, NeighbourhoodError> {
    let me = project
        .actor(centre)
        .ok_or(NeighbourhoodError::UnknownActor)?;
    let here = me
        .position
        .filter(Position::is_valid)
        .ok_or(NeighbourhoodError::NoPosition)?;
    Ok(around_point(
        project,
        here,
        Some(centre),
        radius_km,
        audience,
    ))
}

/// The flows of the companies within `radius_km` of the point `here` (but `except`'s), nearest
/// first, as [`around`] lists them: what a company exploring a site it has in mind, or the
/// explorer's point on the map, finds around it.
pub fn around_point(
    project: &Project,
    here: Position,
    except: Option<&ActorId>,
    radius_km: f64,
    audience: Audience,
) -> Vec<Neighbour> {
    // The companies within reach first, then one pass over the flows: a flow list scanned per
    // company took a second at 5,000 companies (docs/PERFORMANCE.md "Look-ups by id").
    let mut within: HashMap<&ActorId, (&Actor, f64, Position)> = HashMap::new();
    for actor in project.actors.iter().filter(|a| Some(&a.id) != except) {
        let Some(there) = actor.position.filter(Position::is_valid) else {
            continue;
        };
        let distance_km = here.distance_km(&there);
        if distance_km <= radius_km {
            within
                .entry(&actor.id)
                .or_insert((actor, distance_km, there));
        }
    }
    let mut out = Vec::new();
    for flow in &project.flows {
        let Some(&(actor, distance_km, there)) = within.get(&flow.actor) else {
            continue;
        };
        let sight = sight(flow.confidentiality, audience);
        if !sight.shown() {
            continue;
        }
        let named = sight.named();
        out.push(Neighbour {
            flow: flow.id.clone(),
            actor: actor.id.clone(),
            actor_label: actor_label(Some(actor), flow.confidentiality, audience),
            named,
            direction: flow.direction,
            family: flow.family,
            label: flow.label.clone(),
            waste_code: flow.waste_code.clone(),
            quantity: flow.quantity,
            cost_eur_per_unit: if named { flow.cost_eur_per_unit } else { None },
            distance_km,
            position: named.then_some(there),
        });
    }
    out.sort_by(|a, b| {
        a.distance_km
            .total_cmp(&b.distance_km)
            .then_with(|| a.label.cmp(&b.label))
            .then_with(|| a.flow.as_str().cmp(b.flow.as_str()))
    });
    out
}

/// Where the companies named among `found` are, each place once, nearest first: what the map
/// rings around the centre. Anonymised companies are left out (the ring would name them).
pub fn named_positions(found: &[Neighbour]) -> Vec<Position> {
    // A place by its coordinates' bits (`+ 0.0` makes -0 and 0 one place, as `==` does).
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for pos in found.iter().filter_map(|n| n.position) {
        if seen.insert(((pos.lat + 0.0).to_bits(), (pos.lon + 0.0).to_bits())) {
            out.push(pos);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Confidentiality, Flow, Period, Unit};

    fn actor(id: &str, name: &str, lat: f64) -> Actor {
        Actor {
            id: ActorId::new(id),
            name: name.into(),
            naf: Some("16.10A".into()),
            position: Some(Position::new(lat, 9.44)),
            ..Default::default()
        }
    }

    fn flow(id: &str, actor: &str, label: &str, conf: Confidentiality) -> Flow {
        Flow {
            id: FlowId::new(id),
            actor: ActorId::new(actor),
            label: label.into(),
            quantity: Some(Quantity::new(12.0, Unit::Tonne, Period::Year)),
            cost_eur_per_unit: Some(80.0),
            confidentiality: conf,
            ..Default::default()
        }
    }

    /// A company at 42.60°N with neighbours about 1.1 km, 3.3 km and 22 km north of it.
    fn project() -> Project {
        Project {
            actors: vec![
                actor("a-0", "Centre", 42.60),
                actor("a-1", "Scierie Proche", 42.61),
                actor("a-2", "Menuiserie Moyenne", 42.63),
                actor("a-3", "Lointaine", 42.80),
                Actor {
                    position: None,
                    ..actor("a-4", "Sans position", 0.0)
                },
            ],
            flows: vec![
                flow("f-0", "a-0", "own flow", Confidentiality::Public),
                flow("f-1", "a-1", "sciure", Confidentiality::Public),
                flow("f-2", "a-2", "chutes de bois", Confidentiality::Anonymised),
                flow("f-3", "a-2", "secret process", Confidentiality::Private),
                flow("f-4", "a-3", "far away", Confidentiality::Public),
                flow("f-5", "a-4", "nowhere", Confidentiality::Public),
            ],
            ..Default::default()
        }
    }

    /// `around` reads the flows once; the plain statement (each company within the radius,
    /// then its flows) gives the same list, on a territory with many companies in reach.
    #[test]
    fn around_lists_what_each_company_within_reach_declares() {
        let p = crate::detect::synthetic::dense_territory(2_000, 7);
        for audience in [Audience::Facilitator, Audience::Public] {
            let centre = &p.actors[0];
            let here = centre.position.unwrap();
            let mut plain: Vec<(FlowId, ActorId, bool)> = Vec::new();
            for a in p.actors.iter().filter(|a| a.id != centre.id) {
                let Some(there) = a.position.filter(Position::is_valid) else {
                    continue;
                };
                if here.distance_km(&there) > 5.0 {
                    continue;
                }
                for f in p.flows_of(&a.id) {
                    let s = sight(f.confidentiality, audience);
                    if s.shown() {
                        plain.push((f.id.clone(), a.id.clone(), s.named()));
                    }
                }
            }
            let found = around(&p, &centre.id, 5.0, audience).unwrap();
            assert!(found.len() > 100, "{}", found.len());
            let mut listed: Vec<(FlowId, ActorId, bool)> = found
                .iter()
                .map(|n| (n.flow.clone(), n.actor.clone(), n.named))
                .collect();
            listed.sort();
            plain.sort();
            assert_eq!(listed, plain);
        }
    }

    #[test]
    fn the_map_rings_each_named_company_s_place_once() {
        let mut p = project();
        // A second company at the sawmill's address.
        p.actors.push(actor("a-5", "Voisin de palier", 42.61));
        p.flows
            .push(flow("f-6", "a-5", "palettes", Confidentiality::Public));
        let centre = ActorId::new("a-0");
        let found = around(&p, &centre, 5.0, Audience::Public).unwrap();
        // The anonymised joinery is around, but not named: no ring would say who it is.
        assert!(found.iter().any(|n| n.actor.as_str() == "a-2" && !n.named));
        assert_eq!(named_positions(&found), [Position::new(42.61, 9.44)]);
        let all = around(&p, &centre, 5.0, Audience::Facilitator).unwrap();
        assert_eq!(
            named_positions(&all),
            [Position::new(42.61, 9.44), Position::new(42.63, 9.44)]
        );
    }

    #[test]
    fn nearest_first_within_the_radius_without_own_flows() {
        let p = project();
        let n = around(&p, &ActorId::new("a-0"), 5.0, Audience::Facilitator).unwrap();
        let labels: Vec<&str> = n.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["sciure", "chutes de bois", "secret process"]);
        assert!(
            (n[0].distance_km - 1.11).abs() < 0.01,
            "{}",
            n[0].distance_km
        );
        assert!(n.windows(2).all(|w| w[0].distance_km <= w[1].distance_km));
        let wide = around(&p, &ActorId::new("a-0"), 25.0, Audience::Facilitator).unwrap();
        assert_eq!(wide.last().unwrap().label, "far away");
        assert!(
            !wide
                .iter()
                .any(|x| x.label == "nowhere" || x.label == "own flow")
        );
    }

    #[test]
    fn the_facilitator_sees_names_and_costs() {
        let p = project();
        let n = around(&p, &ActorId::new("a-0"), 5.0, Audience::Facilitator).unwrap();
        assert!(
            n.iter()
                .all(|x| x.named && x.cost_eur_per_unit == Some(80.0))
        );
        assert_eq!(n[1].actor_label.fr, "Menuiserie Moyenne");
    }

    #[test]
    fn a_public_audience_sees_no_private_flow_and_no_anonymised_name_or_cost() {
        let p = project();
        let n = around(&p, &ActorId::new("a-0"), 5.0, Audience::Public).unwrap();
        assert_eq!(n.len(), 2, "the private flow is left out");
        assert!(n[0].named && n[0].cost_eur_per_unit == Some(80.0));
        let anon = &n[1];
        assert!(!anon.named);
        assert_eq!(anon.cost_eur_per_unit, None);
        // Its place would say which company it is.
        assert_eq!(anon.position, None);
        assert_eq!(n[0].position, Some(Position::new(42.61, 9.44)));
        assert!(anon.actor_label.fr.starts_with("une entreprise du secteur"));
        let text = serde_json::to_string(&n).unwrap();
        assert!(!text.contains("Menuiserie") && !text.contains("secret"));
    }

    #[test]
    fn a_company_without_position_has_no_neighbourhood() {
        let p = project();
        let id = ActorId::new("a-4");
        assert_eq!(
            around(&p, &id, 5.0, Audience::Facilitator),
            Err(NeighbourhoodError::NoPosition)
        );
        assert_eq!(
            around(&p, &ActorId::new("zz"), 5.0, Audience::Facilitator),
            Err(NeighbourhoodError::UnknownActor)
        );
    }

    #[test]
    fn around_a_point_every_company_counts_and_the_same_rule_holds() {
        let p = project();
        // A point just south of the centre company: its own flow is now a neighbour too.
        let here = Position::new(42.599, 9.44);
        let n = around_point(&p, here, None, 5.0, Audience::Public);
        let labels: Vec<&str> = n.iter().map(|x| x.label.as_str()).collect();
        assert_eq!(labels, ["own flow", "sciure", "chutes de bois"]);
        assert!(!n[2].named && n[2].cost_eur_per_unit.is_none());
        // Around a company, as `around` gives it.
        let centre = ActorId::new("a-0");
        assert_eq!(
            around_point(
                &p,
                Position::new(42.60, 9.44),
                Some(&centre),
                5.0,
                Audience::Public
            ),
            around(&p, &centre, 5.0, Audience::Public).unwrap()
        );
    }
}
