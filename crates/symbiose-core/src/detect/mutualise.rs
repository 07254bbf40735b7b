//! Mutualisation proposals: actors close to each other that share a need or an output
//! family pool it — a shared collection of the same waste family, a group purchase of the
//! same input, shared energy (heat network, boiler), shared services.
//!
//! Groups are formed per theme, greedily: the actor with the most neighbours within the
//! pooling radius seeds a group of its still-unassigned neighbours, then the next, so each
//! actor is in at most one group per theme and every member is within the radius of the seed.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::assumptions::Assumptions;
use super::spatial::{Cell, Grid};
use super::steps::{Step, checkpoint, finish, never_pause};
use crate::kb::classify::effective_category;
use crate::model::{
    Actor, ActorId, Direction, Family, Flow, FlowId, Position, Project, ResourceCategory, Unit,
};
use crate::numbers::{Precision::Reading, number};
use crate::refdata::waste;
use crate::{Bilingual, Lang, bilingual};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "theme", content = "category")]
pub enum PoolingTheme {
    CollectCardboard,
    CollectWood,
    CollectBiowaste,
    CollectPlastics,
    CollectMetals,
    CollectGlass,
    CollectHazardous,
    GroupPurchase(ResourceCategory),
    SharedEnergy,
    SharedCatering,
    SharedLogistics,
    SharedPremises,
    SharedEquipment,
    SharedSkills,
}

impl PoolingTheme {
    pub fn label(self, lang: Lang) -> String {
        let s = match self {
            Self::CollectCardboard => lang.pick(
                "Collecte mutualisée des cartons",
                "Shared cardboard collection",
            ),
            Self::CollectWood => lang.pick(
                "Collecte mutualisée du bois et des palettes",
                "Shared wood and pallet collection",
            ),
            Self::CollectBiowaste => lang.pick(
                "Collecte mutualisée des biodéchets",
                "Shared biowaste collection",
            ),
            Self::CollectPlastics => lang.pick(
                "Collecte mutualisée des plastiques",
                "Shared plastics collection",
            ),
            Self::CollectMetals => {
                lang.pick("Collecte mutualisée des métaux", "Shared metals collection")
            }
            Self::CollectGlass => {
                lang.pick("Collecte mutualisée du verre", "Shared glass collection")
            }
            Self::CollectHazardous => lang.pick(
                "Collecte mutualisée des déchets dangereux",
                "Shared hazardous waste collection",
            ),
            Self::GroupPurchase(c) => {
                return format!(
                    "{} : {}",
                    lang.pick("Achat groupé", "Group purchase"),
                    c.label(lang)
                );
            }
            Self::SharedEnergy => lang.pick(
                "Énergie partagée (réseau de chaleur, chaufferie commune)",
                "Shared energy (heat network, common boiler)",
            ),
            Self::SharedCatering => {
                lang.pick("Restauration collective partagée", "Shared catering")
            }
            Self::SharedLogistics => lang.pick(
                "Transport et covoiturage mutualisés",
                "Shared transport and carpooling",
            ),
            Self::SharedPremises => lang.pick(
                "Locaux partagés (coworking, stockage)",
                "Shared premises (coworking, storage)",
            ),
            Self::SharedEquipment => lang.pick("Équipements partagés", "Shared equipment"),
            Self::SharedSkills => lang.pick(
                "Compétences partagées (emploi partagé)",
                "Shared skills (shared staff)",
            ),
        };
        s.to_string()
    }

    /// The theme as a number and, for a group purchase, its class: how the detection worker's
    /// summary holds it (`seen`), postcard being unable to read the theme's own tagged form.
    pub(crate) fn code(self) -> (u8, Option<ResourceCategory>) {
        let n = match self {
            Self::CollectCardboard => 0,
            Self::CollectWood => 1,
            Self::CollectBiowaste => 2,
            Self::CollectPlastics => 3,
            Self::CollectMetals => 4,
            Self::CollectGlass => 5,
            Self::CollectHazardous => 6,
            Self::GroupPurchase(c) => return (7, Some(c)),
            Self::SharedEnergy => 8,
            Self::SharedCatering => 9,
            Self::SharedLogistics => 10,
            Self::SharedPremises => 11,
            Self::SharedEquipment => 12,
            Self::SharedSkills => 13,
        };
        (n, None)
    }

    /// The theme of [`PoolingTheme::code`]; `None` for a code no theme has.
    pub(crate) fn from_code(code: (u8, Option<ResourceCategory>)) -> Option<Self> {
        Some(match code {
            (0, None) => Self::CollectCardboard,
            (1, None) => Self::CollectWood,
            (2, None) => Self::CollectBiowaste,
            (3, None) => Self::CollectPlastics,
            (4, None) => Self::CollectMetals,
            (5, None) => Self::CollectGlass,
            (6, None) => Self::CollectHazardous,
            (7, Some(c)) => Self::GroupPurchase(c),
            (8, None) => Self::SharedEnergy,
            (9, None) => Self::SharedCatering,
            (10, None) => Self::SharedLogistics,
            (11, None) => Self::SharedPremises,
            (12, None) => Self::SharedEquipment,
            (13, None) => Self::SharedSkills,
            _ => return None,
        })
    }

    fn key(self) -> String {
        match self {
            Self::GroupPurchase(c) => format!(
                "purchase-{}",
                serde_json::to_value(c)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            ),
            other => format!("{other:?}").to_lowercase(),
        }
    }

    /// Whether the costs pooled are disposal costs (collections) rather than purchases.
    fn is_collection(self) -> bool {
        matches!(
            self,
            Self::CollectCardboard
                | Self::CollectWood
                | Self::CollectBiowaste
                | Self::CollectPlastics
                | Self::CollectMetals
                | Self::CollectGlass
                | Self::CollectHazardous
        )
    }
}

/// NAF divisions of construction (41 buildings, 42 civil engineering, 43 specialised works):
/// their waste falls under the seven-stream sorting (mineral fraction and plaster added).
const CONSTRUCTION: &[&str] = &["41", "42", "43"];

/// The legal obligations that make pooling this stream worthwhile, with their references:
/// the sorting of the five (seven on building sites) streams, the source separation of
/// biowaste. Empty for a theme no such obligation concerns.
fn obligations(theme: PoolingTheme, members: &[&Member]) -> Vec<Bilingual> {
    use PoolingTheme as T;
    let mut out = Vec::new();
    match theme {
        T::CollectCardboard | T::CollectWood | T::CollectPlastics | T::CollectMetals | T::CollectGlass => {
            out.push(Bilingual::from_fn(|l| {
                l.pick(
                    "Obligation : trier à la source le papier-carton, le métal, le plastique, le verre et le bois (« 5 flux ») pour toute entreprise collectée par un prestataire privé ou produisant plus de 1 100 litres de déchets par semaine ; une collecte commune rend ce tri abordable aux petits producteurs (Code de l'environnement, art. D543-278 à D543-286 ; décret 2016-288 du 10 mars 2016)",
                    "Obligation: sort paper and board, metal, plastic, glass and wood at source (the \"five streams\") for every firm collected by a private contractor or producing more than 1,100 litres of waste a week; a shared collection makes this sorting affordable for small producers (French environment code, Art. D543-278 to D543-286; decree 2016-288 of 10 March 2016)",
                )
                .to_string()
            }));
            let builders = members.iter().any(|m| {
                m.actor.naf.as_deref().is_some_and(|naf| {
                    CONSTRUCTION.iter().any(|c| naf.starts_with(c))
                })
            });
            if builders {
                out.push(Bilingual::from_fn(|l| {
                    l.pick(
                        "Déchets de chantier : « 7 flux » depuis le 19 juillet 2021, la fraction minérale (béton, briques, tuiles, pierres) et le plâtre triés aussi (décret 2021-950 du 16 juillet 2021)",
                        "Building-site waste: \"seven streams\" since 19 July 2021, the mineral fraction (concrete, bricks, tiles, stones) and plaster sorted too (decree 2021-950 of 16 July 2021)",
                    )
                    .to_string()
                }));
            }
        }
        T::CollectBiowaste => out.push(Bilingual::from_fn(|l| {
            l.pick(
                "Obligation : trier à la source les biodéchets, pour tous les producteurs depuis le 1er janvier 2024, quelle que soit la quantité ; une collecte commune ou un compostage partagé y répond à moindre coût (Code de l'environnement, art. L541-21-1)",
                "Obligation: separate biowaste at source, for every producer since 1 January 2024 whatever the quantity; a shared collection or shared composting meets it at lower cost (French environment code, Art. L541-21-1)",
            )
            .to_string()
        })),
        _ => {}
    }
    out
}

/// The pooling theme a flow belongs to, if any.
pub fn theme_of(flow: &Flow) -> Option<PoolingTheme> {
    use ResourceCategory as C;
    let category = effective_category(flow);
    match flow.direction {
        Direction::Offer => {
            let is_waste = flow.family == Family::Waste || flow.waste_code.is_some();
            if !is_waste {
                return None;
            }
            if flow
                .waste_code
                .as_deref()
                .and_then(waste::lookup)
                .is_some_and(|c| c.hazardous)
            {
                return Some(PoolingTheme::CollectHazardous);
            }
            Some(match category? {
                C::PaperCardboard => PoolingTheme::CollectCardboard,
                C::Wood => PoolingTheme::CollectWood,
                C::Organic | C::FoodByproducts => PoolingTheme::CollectBiowaste,
                C::Plastics => PoolingTheme::CollectPlastics,
                C::Metals => PoolingTheme::CollectMetals,
                C::Glass => PoolingTheme::CollectGlass,
                _ => return None,
            })
        }
        Direction::Need => Some(match category? {
            C::Heat | C::Steam | C::Cold => PoolingTheme::SharedEnergy,
            C::Catering => PoolingTheme::SharedCatering,
            C::Logistics => PoolingTheme::SharedLogistics,
            C::Premises => PoolingTheme::SharedPremises,
            C::Equipment => PoolingTheme::SharedEquipment,
            C::Skills => PoolingTheme::SharedSkills,
            C::OtherService | C::Wastewater | C::Rainwater => return None,
            c => PoolingTheme::GroupPurchase(c),
        }),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mutualisation {
    /// `mut:<theme>:<seed actor>`.
    pub key: String,
    pub theme: PoolingTheme,
    pub title: Bilingual,
    pub members: Vec<ActorId>,
    pub flows: Vec<FlowId>,
    /// Sum of the members' annual quantities in `unit`, over the flows in that unit.
    pub pooled: Option<f64>,
    pub unit: Option<Unit>,
    /// Flows left out of the sum (no quantity, or another dimension).
    pub flows_not_summed: usize,
    /// `pooling_saving_share` × the known yearly costs pooled.
    pub estimated_gain_eur: Option<f64>,
    pub members_with_costs: usize,
    /// Whether the gain derives from a non-public flow's costs (hide it from public views).
    pub confidential_costs: bool,
    pub assumptions: Bilingual,
    /// The legal obligations that make this pooling worthwhile, with their references (the
    /// five or seven sorted streams, biowaste separation); empty when none concerns the stream.
    pub obligations: Vec<Bilingual>,
}

struct Member<'a> {
    actor: &'a Actor,
    flows: Vec<&'a Flow>,
}

/// Mutualisation proposals of a project, theme by theme.
pub fn mutualisations(project: &Project, asm: &Assumptions) -> Vec<Mutualisation> {
    finish(mutualisations_stepwise(project, asm, &mut never_pause))
}

/// [`mutualisations`] in pieces (see [`super::steps`]): a dense territory's neighbourhoods are
/// millions of distances.
pub(crate) async fn mutualisations_stepwise<P: Future<Output = ()>>(
    project: &Project,
    asm: &Assumptions,
    between: &mut impl FnMut() -> Step<P>,
) -> Option<Vec<Mutualisation>> {
    regrouped_stepwise(project, asm, |_| true, between).await
}

/// The groups of the themes `regroup` accepts, theme by theme. A theme's groups depend on its
/// members alone (their places, their flows of the theme, their companies' fields) and on the
/// assumptions, so after an edit only the themes of the flows it changed are grouped again
/// (`incremental`); the others keep theirs.
pub(crate) async fn regrouped_stepwise<P: Future<Output = ()>>(
    project: &Project,
    asm: &Assumptions,
    regroup: impl Fn(PoolingTheme) -> bool,
    between: &mut impl FnMut() -> Step<P>,
) -> Option<Vec<Mutualisation>> {
    let mut out = Vec::new();
    for (theme, members) in members_by_theme(project, regroup) {
        out.extend(group(theme, &members, asm, between).await?);
    }
    Some(out)
}

/// The companies with a position that have flows of each theme `wanted` accepts, with those
/// flows.
fn members_by_theme(
    project: &Project,
    wanted: impl Fn(PoolingTheme) -> bool,
) -> BTreeMap<PoolingTheme, Vec<Member<'_>>> {
    let actors: HashMap<&ActorId, &Actor> = project.actors.iter().map(|a| (&a.id, a)).collect();
    let mut by_theme: BTreeMap<PoolingTheme, BTreeMap<&ActorId, Member>> = BTreeMap::new();
    for flow in &project.flows {
        let Some(theme) = theme_of(flow).filter(|t| wanted(*t)) else {
            continue;
        };
        let Some(actor) = actors.get(&flow.actor) else {
            continue;
        };
        if actor.position.is_none() {
            continue;
        }
        by_theme
            .entry(theme)
            .or_default()
            .entry(&actor.id)
            .or_insert_with(|| Member {
                actor,
                flows: Vec::new(),
            })
            .flows
            .push(flow);
    }
    by_theme
        .into_iter()
        .map(|(theme, members)| (theme, members.into_values().collect()))
        .collect()
}

fn position(m: &Member) -> Position {
    m.actor
        .position
        .expect("members have positions (filtered above)")
}

/// A theme's members filed by grid cell of the pooling radius, with their places as points on
/// the unit sphere: whether two members are within the radius is then a chord's length, with
/// no trigonometry (a dense zone measures millions of pairs, and a browser's WebAssembly has no
/// native sine), and the haversine only decides the pairs within a hair of the radius.
struct Cells {
    grid: Grid,
    cells: HashMap<Cell, Vec<usize>>,
    points: Vec<[f64; 3]>,
    /// Squared chords surely within the radius (below `inside`) or surely beyond (above
    /// `outside`); NaN when the radius is half the Earth's circumference or more.
    inside: f64,
    outside: f64,
}

/// Rounding room for the chord test: far above the error of a chord of a few metres, far below
/// anything a pooling radius means.
const CHORD_SLACK: f64 = 1e-6;

impl Cells {
    fn new(members: &[Member], asm: &Assumptions) -> Self {
        let grid = Grid::new(asm.pooling_radius_km, members.iter().map(position));
        let mut cells: HashMap<Cell, Vec<usize>> = HashMap::new();
        for (i, m) in members.iter().enumerate() {
            cells.entry(grid.cell(position(m))).or_default().push(i);
        }
        // d ≤ r exactly when the chord² = 4 · haversine term ≤ (2 sin(r / 2R))².
        let half_angle = asm.pooling_radius_km / (2.0 * crate::model::EARTH_RADIUS_KM);
        let chord = if half_angle < std::f64::consts::FRAC_PI_2 {
            (2.0 * half_angle.sin()).powi(2)
        } else {
            f64::NAN
        };
        Self {
            grid,
            cells,
            points: members
                .iter()
                .map(|m| position(m).on_unit_sphere())
                .collect(),
            inside: chord * (1.0 - CHORD_SLACK),
            outside: chord * (1.0 + CHORD_SLACK),
        }
    }

    /// The members within `radius_km` of member `i`, in no order.
    fn near<'s>(
        &'s self,
        members: &'s [Member],
        i: usize,
        radius_km: f64,
    ) -> impl Iterator<Item = usize> + 's {
        self.candidates(position(&members[i]))
            .filter(move |&j| j != i && self.within(members, i, j, radius_km))
    }

    /// Whether members `i` and `j` are within the pooling radius: the same answer as comparing
    /// their haversine distance with it.
    fn within(&self, members: &[Member], i: usize, j: usize, radius_km: f64) -> bool {
        let chord = Position::chord_squared(self.points[i], self.points[j]);
        if chord < self.inside {
            true
        } else if chord > self.outside {
            false
        } else {
            position(&members[i]).distance_km(&position(&members[j])) <= radius_km
        }
    }

    /// The members whose distance to one at `p` pooling measures (its cell and the next ones).
    fn candidates(&self, p: Position) -> impl Iterator<Item = usize> + '_ {
        self.grid
            .neighbourhood(p)
            .filter_map(|c| self.cells.get(&c))
            .flatten()
            .copied()
    }
}

/// How many distances pooling measures, counted without measuring them: the measure of its
/// work that a whole run split between workers weighs against the scan's (`detect::share`).
pub fn pooling_work(project: &Project, asm: &Assumptions) -> usize {
    members_by_theme(project, |_| true)
        .values()
        .map(|members| {
            let cells = Cells::new(members, asm);
            members
                .iter()
                .map(|m| cells.candidates(position(m)).count())
                .sum::<usize>()
        })
        .sum()
}

/// The most members a pooling group proposes: a collection round or a purchasing group of
/// thirty firms is already large to organise, and a dense zone gives several groups instead of
/// one of hundreds.
pub const MAX_POOL_MEMBERS: usize = 30;

/// Members are grouped around the most connected first; each member joins one group, of at
/// most [`MAX_POOL_MEMBERS`] (the seed and its nearest).
async fn group<P: Future<Output = ()>>(
    theme: PoolingTheme,
    members: &[Member<'_>],
    asm: &Assumptions,
    between: &mut impl FnMut() -> Step<P>,
) -> Option<Vec<Mutualisation>> {
    let pos = position;
    let cells = Cells::new(members, asm);
    let radius = asm.pooling_radius_km;
    let near = |i: usize| cells.near(members, i, radius);
    let neighbours = |i: usize| -> Vec<usize> {
        let mut v: Vec<usize> = near(i).collect();
        v.sort_unstable();
        v
    };
    // Only the counts are kept: in a dense zone every member has hundreds of neighbours.
    let mut counts: Vec<usize> = Vec::with_capacity(members.len());
    for i in 0..members.len() {
        counts.push(near(i).count());
        if !checkpoint(between).await {
            return None;
        }
    }
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_by(|&a, &b| counts[b].cmp(&counts[a]).then(a.cmp(&b)));
    let mut assigned = vec![false; members.len()];
    let mut out = Vec::new();
    for seed in order {
        if assigned[seed] {
            continue;
        }
        let mut near: Vec<usize> = neighbours(seed)
            .into_iter()
            .filter(|&j| !assigned[j])
            .collect();
        if near.len() >= MAX_POOL_MEMBERS {
            // The seed's nearest unassigned neighbours; the others seed or join other groups.
            // Each distance measured once, not at every comparison of the sort.
            let p = pos(&members[seed]);
            let mut by_distance: Vec<(f64, usize)> = near
                .iter()
                .map(|&j| (p.distance_km(&pos(&members[j])), j))
                .collect();
            by_distance.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            near = by_distance
                .into_iter()
                .take(MAX_POOL_MEMBERS - 1)
                .map(|(_, j)| j)
                .collect();
            near.sort_unstable();
        }
        let group: Vec<usize> = std::iter::once(seed).chain(near).collect();
        if group.len() < 2 {
            continue;
        }
        for &i in &group {
            assigned[i] = true;
        }
        out.push(build(theme, group.iter().map(|&i| &members[i]), asm));
        if !checkpoint(between).await {
            return None;
        }
    }
    Some(out)
}

fn build<'a>(
    theme: PoolingTheme,
    group: impl Iterator<Item = &'a Member<'a>>,
    asm: &Assumptions,
) -> Mutualisation {
    let group: Vec<&Member> = group.collect();
    let flows: Vec<&Flow> = group.iter().flat_map(|m| m.flows.iter().copied()).collect();
    let unit = flows.iter().find_map(|f| f.quantity).map(|q| q.unit.base());
    let in_unit = |f: &Flow| {
        f.quantity
            .is_some_and(|q| Some(q.unit.base()) == unit && q.period != crate::model::Period::Once)
    };
    let pooled = unit.map(|_| {
        flows
            .iter()
            .filter(|f| in_unit(f))
            .map(|f| f.quantity.map_or(0.0, |q| q.annual_base()))
            .sum()
    });
    let flows_not_summed = flows.iter().filter(|f| !in_unit(f)).count();
    let costs: Vec<(usize, f64)> = group
        .iter()
        .enumerate()
        .flat_map(|(i, m)| {
            m.flows.iter().filter_map(move |f| {
                let q = f.quantity?;
                // Cost is per declared unit, so the declared value times its yearly rate.
                Some((
                    i,
                    q.value * q.period.per_year().unwrap_or(1.0) * f.cost_eur_per_unit?,
                ))
            })
        })
        .collect();
    let mut with_costs: Vec<usize> = costs.iter().map(|(i, _)| *i).collect();
    with_costs.dedup();
    let total_cost: f64 = costs.iter().map(|(_, c)| c).sum();
    let estimated_gain_eur =
        (!costs.is_empty()).then(|| total_cost.abs() * asm.pooling_saving_share);
    let what = |l: Lang| {
        if theme.is_collection() {
            l.pick(
                "coûts de collecte et de traitement",
                "collection and treatment costs",
            )
        } else {
            l.pick("achats", "purchases")
        }
    };
    let share = format!("{:.0}", asm.pooling_saving_share * 100.0);
    let assumptions = bilingual!(
        |l| "Hypothèse : {} % des {} déclarés par {} membre(s) sur {} ; rayon {} km autour de l'acteur le plus entouré. À remplacer par les devis obtenus.",
        "Assumption: {} % of the {} declared by {} of {} member(s); radius {} km around the best-connected actor. Replace with the quotes obtained.",
        share,
        what(l),
        with_costs.len(),
        group.len(),
        number(asm.pooling_radius_km, l, Reading)
    );
    let seed = group[0].actor;
    Mutualisation {
        key: format!("mut:{}:{}", theme.key(), seed.id),
        theme,
        title: bilingual!(
            |l| "{} ({} entreprises)",
            "{} ({} companies)",
            theme.label(l),
            group.len()
        ),
        members: group.iter().map(|m| m.actor.id.clone()).collect(),
        flows: flows.iter().map(|f| f.id.clone()).collect(),
        pooled,
        unit,
        flows_not_summed,
        estimated_gain_eur,
        members_with_costs: with_costs.len(),
        confidential_costs: flows.iter().any(|f| {
            !super::public::costs_public(f.confidentiality) && f.cost_eur_per_unit.is_some()
        }),
        assumptions,
        obligations: obligations(theme, &group),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chord test answers as the haversine does, for pairs on both sides of the radius and
    /// within a hair of it, from a few metres to half the Earth.
    #[test]
    fn the_chord_test_agrees_with_the_haversine() {
        let centre = Position {
            lat: 42.70,
            lon: 9.45,
        };
        for radius in [0.005, 0.5, 5.0, 20.0, 800.0, 19_000.0, 25_000.0] {
            let asm = Assumptions {
                pooling_radius_km: radius,
                ..Assumptions::default()
            };
            // Points at distances around the radius, in every direction: a step of a degree
            // of bearing and of relative distance from 1 - 1e-3 to 1 + 1e-3, and 1 ± 1e-12.
            let mut actors = vec![Actor {
                position: Some(centre),
                ..Actor::default()
            }];
            let angular = radius / crate::model::EARTH_RADIUS_KM;
            for bearing in 0..360 {
                let b = f64::from(bearing).to_radians();
                for k in [-1e-3, -1e-6, -1e-9, -1e-12, 0.0, 1e-12, 1e-9, 1e-6, 1e-3] {
                    let d = angular * (1.0 + k);
                    let (la, lo) = (centre.lat.to_radians(), centre.lon.to_radians());
                    let lat = (la.sin() * d.cos() + la.cos() * d.sin() * b.cos()).asin();
                    let lon =
                        lo + (b.sin() * d.sin() * la.cos()).atan2(d.cos() - la.sin() * lat.sin());
                    actors.push(Actor {
                        position: Some(Position {
                            lat: lat.to_degrees(),
                            lon: lon.to_degrees(),
                        }),
                        ..Actor::default()
                    });
                }
            }
            let members: Vec<Member> = actors
                .iter()
                .map(|actor| Member {
                    actor,
                    flows: Vec::new(),
                })
                .collect();
            let cells = Cells::new(&members, &asm);
            let (mut within, mut beyond) = (0, 0);
            for j in 1..members.len() {
                let exact = centre.distance_km(&position(&members[j])) <= radius;
                assert_eq!(
                    cells.within(&members, 0, j, radius),
                    exact,
                    "{radius} km, {j}"
                );
                if exact { within += 1 } else { beyond += 1 }
            }
            // Beyond half the circumference, every point is within.
            let both_sides = radius < std::f64::consts::PI * crate::model::EARTH_RADIUS_KM;
            assert!(
                within > 300 && (beyond > 300 || !both_sides),
                "{radius} km: {within} within, {beyond} beyond"
            );
        }
    }
}
