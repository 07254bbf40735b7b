//! Symbiose's own rules, where the literature data is thin: which input a resource can
//! replace (waste → raw material, fuel, feed, fertiliser), and which activities usually take
//! it. Each rule says why, in both languages, so a proposal built on it can be judged.

use crate::Bilingual;
use crate::model::ResourceCategory;

use ResourceCategory as C;

/// An offered resource that can meet a need declared in another category.
#[derive(Debug, Clone, Copy)]
pub struct SubstitutionRule {
    pub offer: ResourceCategory,
    pub need: ResourceCategory,
    /// How close the substitute is, 0–1 (1 = the same resource).
    pub fit: f64,
    pub why_fr: &'static str,
    pub why_en: &'static str,
}

pub const SUBSTITUTIONS: &[SubstitutionRule] = &[
    SubstitutionRule {
        offer: C::Wood,
        need: C::Biomass,
        fit: 0.8,
        why_fr: "bois non traité → combustible de chaudière biomasse",
        why_en: "untreated wood → biomass boiler fuel",
    },
    SubstitutionRule {
        offer: C::FoodByproducts,
        need: C::Organic,
        fit: 0.75,
        why_fr: "coproduits alimentaires → compostage ou méthanisation",
        why_en: "food by-products → composting or anaerobic digestion",
    },
    SubstitutionRule {
        offer: C::Organic,
        need: C::FoodByproducts,
        fit: 0.5,
        why_fr: "matière organique → alimentation animale, si elle en respecte les règles sanitaires",
        why_en: "organic matter → animal feed, if it meets feed safety rules",
    },
    SubstitutionRule {
        offer: C::Sludge,
        need: C::Organic,
        fit: 0.55,
        why_fr: "boues → épandage agricole ou méthanisation (plan d'épandage requis)",
        why_en: "sludge → land spreading or anaerobic digestion (spreading plan required)",
    },
    SubstitutionRule {
        offer: C::Biomass,
        need: C::Organic,
        fit: 0.5,
        why_fr: "biomasse → compostage (structurant)",
        why_en: "biomass → composting (bulking agent)",
    },
    SubstitutionRule {
        offer: C::Steam,
        need: C::Heat,
        fit: 0.9,
        why_fr: "vapeur → besoin de chaleur",
        why_en: "steam → heat need",
    },
    SubstitutionRule {
        offer: C::Heat,
        need: C::Steam,
        fit: 0.6,
        why_fr: "chaleur → besoin de vapeur, si la température suffit",
        why_en: "heat → steam need, if the temperature is high enough",
    },
    SubstitutionRule {
        offer: C::Rainwater,
        need: C::ProcessWater,
        fit: 0.7,
        why_fr: "eaux pluviales → eau de process peu exigeante (lavage, refroidissement)",
        why_en: "rainwater → undemanding process water (washing, cooling)",
    },
    SubstitutionRule {
        offer: C::Wastewater,
        need: C::ProcessWater,
        fit: 0.45,
        why_fr: "eaux usées traitées → eau de process (traitement à prévoir)",
        why_en: "treated wastewater → process water (treatment needed)",
    },
    SubstitutionRule {
        offer: C::OilsSolvents,
        need: C::Gas,
        fit: 0.3,
        why_fr: "huiles et solvants usagés → combustible de substitution",
        why_en: "used oils and solvents → substitute fuel",
    },
];

/// The categories an offer of category `offer` may meet, besides its own, with their rules.
pub fn substitutes_for(offer: ResourceCategory) -> impl Iterator<Item = &'static SubstitutionRule> {
    SUBSTITUTIONS.iter().filter(move |r| r.offer == offer)
}

/// The rule linking an offered category to a needed one, if any.
pub fn substitution(
    offer: ResourceCategory,
    need: ResourceCategory,
) -> Option<&'static SubstitutionRule> {
    SUBSTITUTIONS
        .iter()
        .find(|r| r.offer == offer && r.need == need)
}

/// Activities that usually take a resource: NACE prefixes (division `01` or class `3530`).
#[derive(Debug, Clone, Copy)]
pub struct ReceiverRule {
    pub offer: ResourceCategory,
    pub nace_prefixes: &'static [&'static str],
    pub why_fr: &'static str,
    pub why_en: &'static str,
}

pub const RECEIVERS: &[ReceiverRule] = &[
    ReceiverRule {
        offer: C::Wood,
        // Not sawmills (16.10): they make sawdust and offcuts, they do not take them.
        nace_prefixes: &["3530", "1621", "3821"],
        why_fr: "bois : chaufferies biomasse, fabricants de panneaux, plateformes de valorisation",
        why_en: "wood: biomass boiler plants, panel makers, recovery platforms",
    },
    ReceiverRule {
        offer: C::Organic,
        nace_prefixes: &["3821", "3521", "01"],
        why_fr: "biodéchets : compostage, méthanisation, exploitations agricoles",
        why_en: "biowaste: composting, anaerobic digestion, farms",
    },
    ReceiverRule {
        offer: C::FoodByproducts,
        nace_prefixes: &["0141", "0142", "0146", "0147", "1091", "3521"],
        why_fr: "coproduits alimentaires (drêches, lactosérum) : élevages, fabricants d'aliments pour animaux, méthanisation",
        why_en: "food by-products (spent grain, whey): livestock farms, feed makers, anaerobic digestion",
    },
    ReceiverRule {
        offer: C::Sludge,
        nace_prefixes: &["01", "3821", "3521"],
        why_fr: "boues : épandage agricole, compostage, méthanisation",
        why_en: "sludge: land spreading, composting, anaerobic digestion",
    },
    ReceiverRule {
        offer: C::Heat,
        nace_prefixes: &["0113", "10", "5510", "8610", "9311", "3530"],
        why_fr: "chaleur fatale : serres, industrie agroalimentaire, hôtels, hôpitaux, piscines, réseaux de chaleur",
        why_en: "surplus heat: greenhouses, food industry, hotels, hospitals, swimming pools, heat networks",
    },
    ReceiverRule {
        offer: C::Steam,
        nace_prefixes: &["10", "20", "17", "3530"],
        why_fr: "vapeur : agroalimentaire, chimie, papeterie, réseaux de chaleur",
        why_en: "steam: food, chemicals, paper industries, heat networks",
    },
    ReceiverRule {
        offer: C::PaperCardboard,
        // Recovered paper and board go to the mills (17.12); corrugated-board makers (17.21)
        // buy paper reels and have trimmings of their own.
        nace_prefixes: &["1712", "3832"],
        why_fr: "papiers-cartons : papeteries, recycleurs",
        why_en: "paper and cardboard: paper mills, recyclers",
    },
    ReceiverRule {
        offer: C::Plastics,
        nace_prefixes: &["2221", "2222", "2229", "3832"],
        why_fr: "plastiques : plasturgie, recycleurs",
        why_en: "plastics: plastics processors, recyclers",
    },
    ReceiverRule {
        offer: C::Metals,
        nace_prefixes: &["2410", "2451", "2453", "3832", "4677"],
        why_fr: "métaux : sidérurgie, fonderies, recycleurs, négoce de ferraille",
        why_en: "metals: steelworks, foundries, recyclers, scrap dealers",
    },
    ReceiverRule {
        offer: C::Glass,
        nace_prefixes: &["2311", "2313", "3832"],
        why_fr: "verre : verreries, recycleurs",
        why_en: "glass: glassworks, recyclers",
    },
    ReceiverRule {
        offer: C::Minerals,
        nace_prefixes: &["2351", "2361", "2363", "4211", "0812"],
        why_fr: "minéraux, cendres, laitiers : cimenteries, béton, travaux routiers, carrières",
        why_en: "minerals, ash, slag: cement, concrete, road works, quarries",
    },
    ReceiverRule {
        offer: C::OilsSolvents,
        nace_prefixes: &["2351", "3822", "1920"],
        why_fr: "huiles et solvants : cimenteries (combustible de substitution), régénération",
        why_en: "oils and solvents: cement kilns (substitute fuel), re-refining",
    },
    ReceiverRule {
        offer: C::Textiles,
        // Reuse shops sell second-hand goods (47.79); 88.10 (social work for the elderly and
        // disabled, home help) is no reuse activity.
        nace_prefixes: &["1399", "3832", "4779"],
        why_fr: "textiles : effilochage, recycleurs, boutiques de réemploi",
        why_en: "textiles: fibre recovery, recyclers, second-hand shops",
    },
    ReceiverRule {
        offer: C::Biomass,
        nace_prefixes: &["3530", "3521", "3821"],
        why_fr: "biomasse : chaufferies, méthanisation, compostage",
        why_en: "biomass: boiler plants, anaerobic digestion, composting",
    },
];

/// Activities that make a resource as their own residue, so are not its receivers whatever the
/// data says: a sawmill has sawdust and offcuts of its own, a corrugated-board maker its own
/// board trimmings (recovered board goes to the paper mills, 17.12).
pub const PRODUCERS: &[(ResourceCategory, &[&str])] =
    &[(C::Wood, &["1610"]), (C::PaperCardboard, &["1721"])];

/// Whether the activity of NACE digits `nace` makes resources of class `offer`.
pub fn produces(offer: ResourceCategory, nace: &str) -> bool {
    PRODUCERS
        .iter()
        .filter(|(c, _)| *c == offer)
        .any(|(_, prefixes)| prefixes.iter().any(|p| nace.starts_with(p)))
}

/// The receiver rules for a category.
pub fn receivers_for(offer: ResourceCategory) -> impl Iterator<Item = &'static ReceiverRule> {
    RECEIVERS.iter().filter(move |r| r.offer == offer)
}

impl SubstitutionRule {
    pub fn why(&self) -> Bilingual {
        Bilingual::new(self.why_fr, self.why_en)
    }
}

impl ReceiverRule {
    pub fn why(&self) -> Bilingual {
        Bilingual::new(self.why_fr, self.why_en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_cover_the_classic_loops() {
        assert!(substitution(C::Wood, C::Biomass).is_some());
        assert!(substitution(C::Biomass, C::Wood).is_none());
        assert!(receivers_for(C::FoodByproducts).any(|r| r.nace_prefixes.contains(&"1091")));
        assert!(receivers_for(C::Heat).any(|r| r.nace_prefixes.contains(&"0113")));
        for r in RECEIVERS {
            assert!(
                r.nace_prefixes.iter().all(|p| p.len() == 2 || p.len() == 4),
                "{:?}",
                r.offer
            );
        }
    }

    #[test]
    fn receiver_codes_are_real_naf_activities_and_not_producers() {
        let digits: Vec<String> = crate::refdata::naf::all()
            .iter()
            .map(|c| crate::kb::nace_digits(&c.code))
            .collect();
        for r in RECEIVERS {
            for p in r.nace_prefixes {
                assert!(
                    digits.iter().any(|d| d.starts_with(p)),
                    "{:?}: {p} is no NAF code",
                    r.offer
                );
                assert!(!produces(r.offer, p), "{:?}: {p} makes it", r.offer);
            }
        }
        for (_, prefixes) in PRODUCERS {
            assert!(
                prefixes
                    .iter()
                    .all(|p| digits.iter().any(|d| d.starts_with(p)))
            );
        }
        assert!(produces(C::Wood, "1610"));
        assert!(!produces(C::Wood, "1621"), "panel makers take sawdust");
        assert!(!produces(C::PaperCardboard, "1712"));
    }
}
