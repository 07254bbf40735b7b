//! Every assumption as a line a person can read: what it is, its value, where the value comes
//! from, and whether someone chose it for this project. The settings panel and the
//! deliverables show these lines, so the figures' premises are never hidden.

use crate::factors::{FactorKey, Factors};
use crate::model::Project;
use crate::numbers::{Precision, number};
use crate::{Bilingual, Lang, bilingual};

use super::assumptions::{Assumptions, TerritoryBasis};

/// Which assumption a line is about (the panel edits it by this key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AssumptionKey {
    ReplacedHeatFuel,
    BoilerEfficiency,
    Electricity,
    Freight,
    RoadFactor,
    MaxRoadKm,
    TransportCost,
    OutletDistance,
    PoolingRadius,
    PoolingSaving,
    Weights,
    ProposalsPerOffer,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AssumptionLine {
    pub key: AssumptionKey,
    pub label: Bilingual,
    pub value: Bilingual,
    pub source: Bilingual,
    /// Someone chose this value for the project (else it is the territory's default).
    pub chosen: bool,
}

fn factor(key: FactorKey, factors: &Factors) -> Bilingual {
    let f = factors.get(key);
    bilingual!(
        |l| "{} ({} {})",
        "{} ({} {})",
        key.label(l),
        number(f.value, l, Precision::Exact),
        f.unit
    )
}

fn plain(v: f64, unit: &str) -> Bilingual {
    Bilingual::from_fn(|l| {
        format!("{} {unit}", number(v, l, Precision::Exact))
            .trim()
            .to_string()
    })
}

/// Why the territory's energy defaults are what they are.
fn territory_reason(basis: TerritoryBasis) -> Bilingual {
    match basis {
        TerritoryBasis::TerritoryCommunes { corsican: true } => Bilingual::new(
            "défaut pour la Corse, d'après les communes du territoire (pas de réseau de gaz, électricité insulaire)",
            "default for Corsica, from the territory's communes (no gas network, island electricity)",
        ),
        TerritoryBasis::CompanyCommunes { corsican: true } => Bilingual::new(
            "défaut pour la Corse, d'après les communes des entreprises (le territoire n'a pas de communes)",
            "default for Corsica, from the companies' communes (the territory has no communes)",
        ),
        TerritoryBasis::TerritoryCommunes { corsican: false } => Bilingual::new(
            "défaut pour la France continentale, d'après les communes du territoire",
            "default for mainland France, from the territory's communes",
        ),
        TerritoryBasis::CompanyCommunes { corsican: false } => Bilingual::new(
            "défaut pour la France continentale, d'après les communes des entreprises",
            "default for mainland France, from the companies' communes",
        ),
        TerritoryBasis::Unknown => Bilingual::new(
            "défaut pour la France continentale (ni le territoire ni les entreprises n'ont de commune)",
            "default for mainland France (neither the territory nor the companies have a commune)",
        ),
    }
}

fn with_citation(reason: Bilingual, key: FactorKey, factors: &Factors) -> Bilingual {
    let factor = factors.get(key);
    Bilingual::from_fn(|l| {
        let source = factor.source_in(l);
        bilingual!(in l, "{} ; source : {source}", "{}; source: {source}", reason.get(l))
    })
}

/// The lines for a project, in the order the panel shows them.
pub fn lines(project: &Project, factors: &Factors) -> Vec<AssumptionLine> {
    let a = Assumptions::for_project(project);
    let c = &project.assumptions;
    let basis = TerritoryBasis::of(project);
    let chosen_note = Bilingual::new("choisi pour ce projet", "chosen for this project");
    let energy_reason = |chosen: bool| {
        if chosen {
            chosen_note.clone()
        } else {
            territory_reason(basis)
        }
    };
    let team = |fr: &str, en: &str| Bilingual::new(fr, en);
    let w = &a.weights;
    let weights = Bilingual::from_fn(|l| {
        let pct = |v: f64| number(v * 100.0, l, Precision::Reading);
        bilingual!(in l,
            "ressource {} %, quantité {} %, calendrier {} %, distance {} %, économie {} %, climat {} %, qualité {} %",
            "resource {} %, quantity {} %, timing {} %, distance {} %, economics {} %, climate {} %, quality {} %",
            pct(w.resource), pct(w.quantity), pct(w.timing), pct(w.distance),
            pct(w.economics), pct(w.climate), pct(w.quality)
        )
    });
    vec![
        AssumptionLine {
            key: AssumptionKey::ReplacedHeatFuel,
            label: team(
                "Combustible remplacé par la chaleur récupérée",
                "Fuel replaced by recovered heat",
            ),
            value: factor(a.replaced_heat_fuel, factors),
            source: with_citation(
                energy_reason(c.replaced_heat_fuel.is_some()),
                a.replaced_heat_fuel,
                factors,
            ),
            chosen: c.replaced_heat_fuel.is_some(),
        },
        AssumptionLine {
            key: AssumptionKey::BoilerEfficiency,
            label: team(
                "Rendement de la chaudière remplacée (sur PCI)",
                "Efficiency of the replaced boiler (on LHV)",
            ),
            value: plain(a.boiler_efficiency, ""),
            source: if c.boiler_efficiency.is_some() {
                chosen_note.clone()
            } else {
                team(
                    "hypothèse de Symbiose : ordre de grandeur d'une chaudière récente, pas une mesure ; saisir le rendement du receveur (une vieille chaudière fioul est plus près de 0,75)",
                    "Symbiose's assumption: an order of magnitude for a recent boiler, not a measurement; enter the receiver's own (an old oil boiler is nearer 0.75)",
                )
            },
            chosen: c.boiler_efficiency.is_some(),
        },
        AssumptionLine {
            key: AssumptionKey::Electricity,
            label: team(
                "Mix électrique du territoire",
                "Electricity mix of the territory",
            ),
            value: factor(a.electricity, factors),
            source: with_citation(
                energy_reason(c.electricity.is_some()),
                a.electricity,
                factors,
            ),
            chosen: c.electricity.is_some(),
        },
        AssumptionLine {
            key: AssumptionKey::Freight,
            label: team(
                "Camion des transports créés et évités",
                "Truck of the trips created and avoided",
            ),
            value: factor(a.freight_factor, factors),
            source: with_citation(
                if c.freight_factor.is_some() {
                    chosen_note.clone()
                } else {
                    team(
                        "défaut : trajets courts entre voisins, chargement partiel",
                        "default: short trips between neighbours, part loads",
                    )
                },
                a.freight_factor,
                factors,
            ),
            chosen: c.freight_factor.is_some(),
        },
        AssumptionLine {
            key: AssumptionKey::RoadFactor,
            label: team(
                "Détour routier (route ÷ vol d'oiseau)",
                "Road detour (road ÷ straight line)",
            ),
            value: plain(a.road_factor, "×"),
            source: if c.road_factor.is_some() {
                chosen_note.clone()
            } else {
                team(
                    "défaut 1,3 : détour usuel entre sites proches en France ; 1,5 en montagne",
                    "default 1.3: usual detour between nearby French sites; 1.5 in mountains",
                )
            },
            chosen: c.road_factor.is_some(),
        },
        AssumptionLine {
            key: AssumptionKey::MaxRoadKm,
            label: team(
                "Distance routière maximale d'un échange",
                "Longest road distance of an exchange",
            ),
            value: plain(a.max_road_km, "km"),
            source: if c.max_road_km.is_some() {
                chosen_note.clone()
            } else {
                team(
                    "défaut 50 km : l'EIT vise des boucles locales",
                    "default 50 km: EIT aims at local loops",
                )
            },
            chosen: c.max_road_km.is_some(),
        },
        AssumptionLine {
            key: AssumptionKey::TransportCost,
            label: team("Coût du transport", "Transport cost"),
            value: plain(a.transport_eur_per_tkm, "€/t.km"),
            source: if c.transport_eur_per_tkm.is_some() {
                chosen_note.clone()
            } else {
                team(
                    "défaut 0,20 € : trajet court en porteur, chargement partiel (le grand routier complet coûte ~0,07 €)",
                    "default €0.20: short rigid-truck trip, part load (full long-haul is ~€0.07)",
                )
            },
            chosen: c.transport_eur_per_tkm.is_some(),
        },
        AssumptionLine {
            key: AssumptionKey::OutletDistance,
            label: team(
                "Distance jusqu'à l'exutoire actuel des déchets",
                "Distance to the waste's current outlet",
            ),
            value: plain(a.current_outlet_road_km, "km"),
            source: if c.current_outlet_road_km.is_some() {
                chosen_note.clone()
            } else {
                team(
                    "défaut 30 km, non déclaré dans le projet : à ajuster au territoire",
                    "default 30 km, not declared in the project: adjust to the territory",
                )
            },
            chosen: c.current_outlet_road_km.is_some(),
        },
        AssumptionLine {
            key: AssumptionKey::PoolingRadius,
            label: team("Rayon d'une mutualisation", "Radius of a pooling group"),
            value: plain(a.pooling_radius_km, "km"),
            source: if c.pooling_radius_km.is_some() {
                chosen_note.clone()
            } else {
                team(
                    "défaut 5 km : une zone d'activités et ses abords",
                    "default 5 km: an activity zone and its surroundings",
                )
            },
            chosen: c.pooling_radius_km.is_some(),
        },
        AssumptionLine {
            key: AssumptionKey::PoolingSaving,
            label: team("Économie d'une mutualisation", "Saving of a pooling"),
            value: Bilingual::from_fn(|l| {
                format!(
                    "{} %",
                    number(a.pooling_saving_share * 100.0, l, Precision::Reading)
                )
            }),
            source: if c.pooling_saving_share.is_some() {
                chosen_note.clone()
            } else {
                team(
                    "défaut 15 % : ordre de grandeur cité par les animateurs, à remplacer par les devis du groupe",
                    "default 15 %: an order of magnitude facilitators quote; replace with the group's quotes",
                )
            },
            chosen: c.pooling_saving_share.is_some(),
        },
        AssumptionLine {
            key: AssumptionKey::Weights,
            label: team(
                "Poids des critères du score",
                "Weights of the score's criteria",
            ),
            value: weights,
            source: if c.weights.is_some() {
                chosen_note.clone()
            } else {
                team(
                    "défaut : la pertinence de la ressource d'abord, puis distance et quantité",
                    "default: resource fit first, then distance and quantity",
                )
            },
            chosen: c.weights.is_some(),
        },
        AssumptionLine {
            key: AssumptionKey::ProposalsPerOffer,
            label: team("Receveurs gardés par offre", "Receivers kept per offer"),
            value: Bilingual::from_fn(|_| a.max_proposals_per_offer.to_string()),
            source: if c.proposals_per_offer.is_some() {
                chosen_note.clone()
            } else {
                team(
                    "défaut 10 : les meilleurs receveurs de chaque offre, ce qu'un atelier peut lire",
                    "default 10: each offer's best receivers, what a workshop can read",
                )
            },
            chosen: c.proposals_per_offer.is_some(),
        },
    ]
}

impl AssumptionLine {
    /// `Label : value (source)`, one line of a deliverable's method section.
    pub fn sentence(&self, lang: Lang) -> String {
        bilingual!(in lang, "{} : {} ({})", "{}: {} ({})", self.label.get(lang), self.value.get(lang), self.source.get(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CommuneRef;

    #[test]
    fn every_assumption_has_a_value_and_a_source_and_says_who_chose_it() {
        let mut p = Project::default();
        p.territory.communes = vec![CommuneRef::new("2B033", "Bastia")];
        let f = Factors::bundled();
        let all = lines(&p, f);
        assert_eq!(all.len(), 12);
        for l in &all {
            assert!(!l.value.fr.is_empty() && !l.source.fr.is_empty() && !l.source.en.is_empty());
            assert!(!l.chosen);
        }
        let fuel = &all[0];
        assert!(
            fuel.value
                .fr
                .starts_with("Fioul domestique (0,323 kgCO2e/kWh)"),
            "{}",
            fuel.value.fr
        );
        assert!(
            fuel.source.fr.contains("Corse")
                && fuel.source.fr.contains("Nos Gestes Climat (ADEME)")
        );
        p.assumptions.boiler_efficiency = Some(0.75);
        let all = lines(&p, f);
        assert!(
            all[1].chosen
                && all[1].value.fr == "0,75"
                && all[1].source.en == "chosen for this project"
        );
        assert!(
            all[1]
                .sentence(Lang::Fr)
                .starts_with("Rendement de la chaudière remplacée (sur PCI) : 0,75")
        );
    }
}
