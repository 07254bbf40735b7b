//! What a company comes for: the offers and needs of the other companies around it, nearest
//! first, as an audience may see them.
//!
//! The facilitator sees every flow with its company and cost. Any other audience (a company
//! exploring, a projected screen) never sees a private flow, sees an anonymised flow's company
//! as "a company of sector X" and never sees its cost: the same rule as the proposals
//! (`detect::public`), so the two views cannot disagree.

use serde::Serialize;

use crate::Bilingual;
use crate::detect::{Audience, actor_label, sight};
use crate::model::{ActorId, Direction, Family, FlowId, Position, Project, Quantity};

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
    let mut out = Vec::new();
    for actor in project.actors.iter().filter(|a| Some(&a.id) != except) {
        let Some(there) = actor.position.filter(Position::is_valid) else {
            continue;
        };
        let distance_km = here.distance_km(&there);
        if distance_km > radius_km {
            continue;
        }
        for flow in project.flows_of(&actor.id) {
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
            });
        }
    }
    out.sort_by(|a, b| {
        a.distance_km
            .total_cmp(&b.distance_km)
            .then_with(|| a.label.cmp(&b.label))
            .then_with(|| a.flow.as_str().cmp(b.flow.as_str()))
    });
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
