//! Regulatory rules: what the law forbids or conditions when a resource moves from one company
//! to another. Detection asks them about every pair it would propose (an offer and a declared
//! need, or an offer and a receiver sector) before writing it: a refused pair is never proposed,
//! a pair under a condition carries it as a regulatory flag, and an allowed use names the rule
//! that allows it. Each rule names its legal reference in both languages.
//!
//! The rules judge from what a project knows: the offer's waste code (the strongest signal),
//! its resource class, the donor's and the receiver's NAF codes, and the class of the declared
//! need. The use a pair implies comes from the receiver: farmed animals and feed makers eat,
//! farms spread on their land, boiler plants burn. Without a waste code a rule can only judge
//! the class, and says so.

use serde::{Deserialize, Serialize};

use super::classify::is_sludge_code;
use crate::labels;
use crate::model::ResourceCategory;
use crate::refdata::waste::WasteCode;
use crate::{Bilingual, Lang, bilingual};

use ResourceCategory as C;

/// One regulatory rule. Each has one verdict ([`Rule::verdict`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    CateringToFeed,
    RawAnimalMatter,
    AnimalByproductPlant,
    NotFeedMaterial,
    FeedHygiene,
    CateringToLand,
    HazardousSpreading,
    NoAgronomicValue,
    SpreadingPlan,
    SludgeOriginToCheck,
    TreatedWood,
    UntreatedWood,
}

labels!(Rule {
    CateringToFeed => "Déchets de cuisine et de table vers des animaux d'élevage", "Catering waste to farmed animals";
    RawAnimalMatter => "Sous-produits animaux crus vers une exploitation", "Raw animal by-products to a farm";
    AnimalByproductPlant => "Sous-produits animaux crus vers un fabricant d'aliments", "Raw animal by-products to a feed maker";
    NotFeedMaterial => "Matière interdite en alimentation animale", "Material banned from animal feed";
    FeedHygiene => "Coproduits alimentaires en alimentation animale", "Food by-products as animal feed";
    CateringToLand => "Déchets de cuisine et de table vers une exploitation agricole", "Catering waste to a farm";
    HazardousSpreading => "Déchet dangereux vers des sols agricoles", "Hazardous waste to farmland";
    NoAgronomicValue => "Boues sans valeur agronomique vers des sols agricoles", "Sludge without agronomic value to farmland";
    SpreadingPlan => "Boues d'intérêt agronomique : épandage", "Sludge of agronomic value: spreading";
    SludgeOriginToCheck => "Boues d'origine à préciser : épandage", "Sludge of unstated origin: spreading";
    TreatedWood => "Bois traité vers une combustion", "Treated wood to combustion";
    UntreatedWood => "Bois non traité vers une chaufferie biomasse", "Untreated wood to a biomass boiler";
});

/// What a rule decides about a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Never proposed; the refusal is kept with its sentence.
    Refused,
    /// Proposed with a regulatory flag stating the condition: not a plain proposal.
    Caution,
    /// Proposed; the resource sentence names the rule that allows the use.
    Allowed,
}

impl Rule {
    pub fn verdict(self) -> Verdict {
        use Rule::*;
        match self {
            CateringToFeed | RawAnimalMatter | NotFeedMaterial | HazardousSpreading
            | NoAgronomicValue => Verdict::Refused,
            AnimalByproductPlant | FeedHygiene | CateringToLand | SpreadingPlan
            | SludgeOriginToCheck | TreatedWood => Verdict::Caution,
            UntreatedWood => Verdict::Allowed,
        }
    }

    /// The legal texts the rule rests on, as its sentences cite them.
    pub fn reference(self, lang: Lang) -> &'static str {
        use Rule::*;
        match self {
            CateringToFeed => lang.pick(
                "Règlement (CE) 1069/2009, art. 11, § 1, b)",
                "Regulation (EC) 1069/2009, Art. 11(1)(b)",
            ),
            RawAnimalMatter => lang.pick(
                "Règlement (CE) 1069/2009, art. 14 et 24 ; règlement (CE) 999/2001, art. 7",
                "Regulation (EC) 1069/2009, Art. 14 and 24; Regulation (EC) 999/2001, Art. 7",
            ),
            AnimalByproductPlant => lang.pick(
                "Règlement (CE) 1069/2009, art. 24 ; règlement (CE) 999/2001, art. 7",
                "Regulation (EC) 1069/2009, Art. 24; Regulation (EC) 999/2001, Art. 7",
            ),
            NotFeedMaterial => lang.pick(
                "Règlement (CE) 767/2009, art. 6 et annexe III",
                "Regulation (EC) 767/2009, Art. 6 and Annex III",
            ),
            FeedHygiene => lang.pick(
                "Règlement (CE) 183/2005, art. 9 ; règlement (CE) 1069/2009, art. 10, f)",
                "Regulation (EC) 183/2005, Art. 9; Regulation (EC) 1069/2009, Art. 10(f)",
            ),
            CateringToLand => lang.pick(
                "Règlement (CE) 1069/2009, art. 10, p) et art. 24",
                "Regulation (EC) 1069/2009, Art. 10(p) and Art. 24",
            ),
            HazardousSpreading | NoAgronomicValue => lang.pick(
                "arrêté du 2 février 1998, art. 36",
                "French order of 2 February 1998, Art. 36",
            ),
            SpreadingPlan | SludgeOriginToCheck => lang.pick(
                "arrêté du 8 janvier 1998, épandage des boues ; arrêté du 2 février 1998, art. 36 à 42",
                "French order of 8 January 1998, sewage sludge spreading; order of 2 February 1998, Art. 36 to 42",
            ),
            TreatedWood => lang.pick(
                "Code de l'environnement, art. R541-8 ; ICPE 2770 et 2910",
                "French environment code, Art. R541-8; ICPE headings 2770 and 2910",
            ),
            UntreatedWood => lang.pick(
                "Code de l'environnement, art. R541-8 ; ICPE 2910",
                "French environment code, Art. R541-8; ICPE heading 2910",
            ),
        }
    }
}

/// A pair as the rules see it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Transfer<'a> {
    pub code: Option<&'static WasteCode>,
    pub category: Option<ResourceCategory>,
    pub donor_naf: Option<&'a str>,
    pub receiver_naf: Option<&'a str>,
    /// The class of the declared need; `None` for a deductive lead (no need declared).
    pub need: Option<ResourceCategory>,
}

/// The rule that applies to a pair, with the offer's code its sentence quotes.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Finding {
    pub rule: Rule,
    #[serde(with = "crate::detect::wire::waste_code")]
    code: Option<&'static WasteCode>,
}

// NAF prefixes, as digits. Farmed animals: 01.4 livestock, 01.50 mixed farming, 03.2
// aquaculture (fish are farmed animals too).
const FARMED_ANIMALS: &[&str] = &["014", "015", "032"];
/// 10.91 farm-animal feed, 10.92 pet food.
const FEED_MAKERS: &[&str] = &["109"];
/// 46.21 wholesale of grain and animal feed: what it receives is sold as feed.
const FEED_TRADE: &[&str] = &["4621"];
/// Farms with land: crops (01.1–01.3), livestock and mixed farms (01.4, 01.5), support to
/// agriculture (01.6, spreading contractors among them). Hunting (01.7) has no fields.
const FARMS: &[&str] = &["011", "012", "013", "014", "015", "016"];
/// 56: restaurants, caterers, collective catering.
const CATERERS: &[&str] = &["56"];
/// 35.11 power plants, 35.30 heat and steam plants: what they receive, they burn.
const COMBUSTION_PLANTS: &[&str] = &["3511", "3530"];

/// Raw meat, fish and animal tissue (not sludges): category 3 animal by-products at best.
const RAW_ANIMAL_CODES: &[&str] = &["020102", "020202", "020203", "020299"];

/// Food-industry codes that may be feed materials (plant matter, dairy, bakery, beverages).
/// Anything else reaching a feed use is not a feed material: manure, sludges, preserving
/// agents, municipal or treated waste, packaging (Regulation 767/2009, Annex III).
const FEED_CODES: &[&str] = &[
    "020103", "020304", "020399", "020499", "020501", "020599", "020601", "020699", "020701",
    "020702", "020704", "020799",
];

/// Sludges of recognised agronomic value: food and drink making, paper mills, urban
/// wastewater and septic tanks.
const SPREADABLE_SLUDGES: &[&str] = &[
    "020101", "020201", "020204", "020301", "020305", "020403", "020502", "020603", "020705",
    "030302", "030305", "030310", "030311", "190805", "200304",
];
/// Spread under the sewage-sludge order (8 January 1998) rather than the ICPE order.
const SEWAGE_SLUDGES: &[&str] = &["190805", "200304"];
/// Organic sludges whose agronomic value depends on the industry they come from.
const ORIGIN_DEPENDENT_SLUDGES: &[&str] = &["190812"];

/// Wood, treated or not, wherever the list files it (see `classify`): a flow declared as
/// biomass fuel with one of these codes is still wood.
const WOOD_CODES: &[&str] = &[
    "030101", "030104", "030105", "030199", "030301", "150103", "170201", "170204", "191206",
    "191207", "200137", "200138",
];

/// Whether the digits of a NAF code (`01.45Z`) start with `prefix` (`014`), without allocating:
/// the engine asks this of every candidate pair.
fn naf_starts(naf: &str, prefix: &str) -> bool {
    let mut digits = naf.bytes().filter(u8::is_ascii_digit);
    prefix.bytes().all(|p| digits.next() == Some(p))
}

fn naf_in(naf: Option<&str>, prefixes: &[&str]) -> bool {
    naf.is_some_and(|n| prefixes.iter().any(|p| naf_starts(n, p)))
}

fn code_in(code: Option<&WasteCode>, codes: &[&str]) -> bool {
    code.is_some_and(|c| codes.contains(&c.code.as_str()))
}

impl Transfer<'_> {
    fn hazardous(&self) -> bool {
        self.code.is_some_and(|c| c.hazardous)
    }

    /// Catering waste in the sense of Regulation 1069/2009: kitchen waste and used cooking oil
    /// by their codes, and any food waste of a restaurant or caterer, whatever its code.
    fn catering(&self) -> bool {
        let food = self.code.is_some_and(|c| c.chapter == "02")
            || matches!(self.category, Some(C::Organic | C::FoodByproducts));
        code_in(self.code, &["200108", "200125"]) || (naf_in(self.donor_naf, CATERERS) && food)
    }

    /// What could be mistaken for feed: food, biowaste, sludge.
    fn edible_looking(&self) -> bool {
        self.code.is_some_and(|c| c.chapter == "02")
            || matches!(
                self.category,
                Some(C::Organic | C::FoodByproducts | C::Sludge)
            )
    }

    /// The pair feeds animals: the receiver makes or trades feed, or keeps farmed animals and
    /// declared a feed need (food by-products) or, for a lead, is offered food by-products.
    fn feed_use(&self) -> bool {
        let r = self.receiver_naf;
        naf_in(r, FEED_MAKERS)
            || naf_in(r, FEED_TRADE)
            || (naf_in(r, FARMED_ANIMALS) && self.need.or(self.category) == Some(C::FoodByproducts))
    }

    fn feed_material(&self) -> bool {
        match self.code {
            Some(c) => !c.hazardous && FEED_CODES.contains(&c.code.as_str()),
            None => self.category == Some(C::FoodByproducts),
        }
    }

    fn sludge(&self) -> bool {
        self.code
            .map_or(self.category == Some(C::Sludge), is_sludge_code)
    }

    /// Matter a farm would put on its land.
    fn land_matter(&self) -> bool {
        self.sludge()
            || matches!(
                self.category,
                None | Some(C::Organic | C::FoodByproducts | C::Minerals | C::Biomass)
            )
    }

    fn wood(&self) -> bool {
        self.category == Some(C::Wood) || code_in(self.code, WOOD_CODES)
    }

    /// The pair burns the offer: a biomass-fuel need, or a power or heat plant.
    fn combustion(&self) -> bool {
        self.need == Some(C::Biomass) || naf_in(self.receiver_naf, COMBUSTION_PLANTS)
    }
}

/// The rule that applies to a pair, if any: refusals are checked before conditions, and the
/// first rule that applies decides.
pub fn assess(t: &Transfer) -> Option<Finding> {
    let rule = rule_for(t)?;
    Some(Finding { rule, code: t.code })
}

fn rule_for(t: &Transfer) -> Option<Rule> {
    let r = t.receiver_naf;
    let animals = naf_in(r, FARMED_ANIMALS);
    let feed_business = naf_in(r, FEED_MAKERS) || naf_in(r, FEED_TRADE);
    let farm = naf_in(r, FARMS);
    let catering = t.catering();
    if catering && (animals || feed_business) {
        return Some(Rule::CateringToFeed);
    }
    if code_in(t.code, RAW_ANIMAL_CODES) {
        if farm || naf_in(r, FEED_TRADE) {
            return Some(Rule::RawAnimalMatter);
        }
        if naf_in(r, FEED_MAKERS) {
            return Some(Rule::AnimalByproductPlant);
        }
    }
    if t.feed_use() && t.edible_looking() {
        return Some(if t.feed_material() {
            Rule::FeedHygiene
        } else {
            Rule::NotFeedMaterial
        });
    }
    if catering && farm {
        return Some(Rule::CateringToLand);
    }
    if farm && t.land_matter() {
        if t.hazardous() {
            return Some(Rule::HazardousSpreading);
        }
        if t.sludge() {
            return Some(match t.code {
                Some(c) if SPREADABLE_SLUDGES.contains(&c.code.as_str()) => Rule::SpreadingPlan,
                Some(c) if !ORIGIN_DEPENDENT_SLUDGES.contains(&c.code.as_str()) => {
                    Rule::NoAgronomicValue
                }
                _ => Rule::SludgeOriginToCheck,
            });
        }
    }
    if t.wood() && t.combustion() {
        return Some(if t.hazardous() {
            Rule::TreatedWood
        } else {
            Rule::UntreatedWood
        });
    }
    None
}

impl Finding {
    pub fn verdict(&self) -> Verdict {
        self.rule.verdict()
    }

    /// The sentence a proposal or a refusal shows: what the rule decides about this offer, and
    /// the legal reference, written once for both languages.
    pub fn text(&self) -> Bilingual {
        Bilingual::from_fn(|l| self.sentence(l))
    }

    fn sentence(&self, l: Lang) -> String {
        use Rule::*;
        let code = self.code.map_or_else(
            || {
                l.pick("code déchet non précisé", "waste code not given")
                    .to_string()
            },
            WasteCode::display_with_star,
        );
        let reference = self.rule.reference(l);
        match self.rule {
            CateringToFeed => bilingual!(in l,
                "Déchets de cuisine et de table ({code}) : interdits dans l'alimentation des animaux d'élevage, non proposés ({reference})",
                "Catering and kitchen waste ({code}): banned from the feed of farmed animals, not proposed ({reference})"
            ),
            RawAnimalMatter => bilingual!(in l,
                "Sous-produits animaux crus ({code}) : ni aliment ni épandage à la ferme, transformation préalable dans un établissement agréé ; non proposés ({reference})",
                "Raw animal by-products ({code}): neither feed nor spreading on a farm, processing in an approved plant first; not proposed ({reference})"
            ),
            AnimalByproductPlant => bilingual!(in l,
                "Sous-produits animaux crus ({code}) : seulement si l'établissement receveur est agréé pour les transformer ; protéines animales interdites dans l'alimentation des ruminants ({reference})",
                "Raw animal by-products ({code}): only if the receiving plant is approved to process them; animal proteins banned from ruminant feed ({reference})"
            ),
            NotFeedMaterial => match self.code {
                Some(_) => bilingual!(in l,
                    "{code} : matière interdite dans l'alimentation animale (fèces et fumiers, boues, déchets municipaux, emballages, bois traité), non proposée ({reference})",
                    "{code}: a material banned from animal feed (faeces and manure, sludge, municipal waste, packaging, treated wood), not proposed ({reference})"
                ),
                None => bilingual!(in l,
                    "Biodéchets sans code de l'industrie agroalimentaire (02 xx xx) : non proposés en alimentation animale, préciser le code déchet ({reference})",
                    "Biowaste without a food-industry waste code (02 xx xx): not proposed as animal feed, give the waste code ({reference})"
                ),
            },
            FeedHygiene => bilingual!(in l,
                "Alimentation animale : le fournisseur s'enregistre comme exploitant du secteur de l'alimentation animale ; les produits contenant lait, œufs ou autres produits animaux (laiterie, boulangerie) sont des sous-produits animaux de catégorie 3 ({reference})",
                "Animal feed: the supplier registers as a feed business operator; products containing milk, eggs or other animal products (dairy, bakery) are category 3 animal by-products ({reference})"
            ),
            CateringToLand => bilingual!(in l,
                "Déchets de cuisine et de table ({code}) : sous-produits animaux de catégorie 3, compostés ou méthanisés dans une installation agréée avant tout retour au sol, jamais épandus bruts ({reference})",
                "Catering and kitchen waste ({code}): category 3 animal by-products, composted or digested in an approved plant before going back to land, never spread raw ({reference})"
            ),
            HazardousSpreading => bilingual!(in l,
                "Déchet dangereux ({code}) : jamais épandu sur des sols agricoles, non proposé ({reference})",
                "Hazardous waste ({code}): never spread on farmland, not proposed ({reference})"
            ),
            NoAgronomicValue => bilingual!(in l,
                "Boues {code} ({}) : sans intérêt pour les sols ni la nutrition des cultures, épandage exclu, non proposées ({reference})",
                "Sludge {code} ({}): of no value to soils or crop nutrition, spreading excluded, not proposed ({reference})",
                self.code.map_or("", |c| c.label(l))
            ),
            SpreadingPlan if code_in(self.code, SEWAGE_SLUDGES) => bilingual!(in l,
                "Boues {code} : épandage seulement dans le cadre d'un plan d'épandage, avec analyses des boues et des sols (arrêté du 8 janvier 1998, épandage des boues)",
                "Sludge {code}: spreading only under a spreading plan, with sludge and soil analyses (French order of 8 January 1998, sewage sludge spreading)"
            ),
            SpreadingPlan => bilingual!(in l,
                "Boues {code} d'intérêt agronomique : épandage après une étude préalable et dans le cadre d'un plan d'épandage (arrêté du 2 février 1998, art. 36 à 42)",
                "Sludge {code} of agronomic value: spreading after a prior study and under a spreading plan (French order of 2 February 1998, Art. 36 to 42)"
            ),
            SludgeOriginToCheck => bilingual!(in l,
                "Boues ({code}) : seules les boues d'intérêt agronomique (agroalimentaire, papeterie, station d'épuration urbaine) sont épandues, sous plan d'épandage ; origine et analyses à fournir ({reference})",
                "Sludge ({code}): only sludge of agronomic value (food industry, paper mills, urban wastewater) is spread, under a spreading plan; origin and analyses to provide ({reference})"
            ),
            TreatedWood => bilingual!(in l,
                "Bois traité ({code}, déchet dangereux) : à brûler seulement dans une installation autorisée à traiter des déchets dangereux (ICPE 2770), jamais dans une chaufferie biomasse ({reference})",
                "Treated wood ({code}, hazardous waste): to be burnt only in an installation permitted to treat hazardous waste (ICPE 2770), never in a biomass boiler ({reference})"
            ),
            UntreatedWood => bilingual!(in l,
                "bois non traité ({code}) : combustible biomasse d'une chaufferie (rubrique 2910-A) ; bois traité, peint ou souillé exclu ({reference})",
                "untreated wood ({code}): biomass fuel for a boiler plant (heading 2910-A); treated, painted or soiled wood excluded ({reference})"
            ),
        }
    }
}

#[cfg(test)]
#[path = "regulation_tests.rs"]
mod tests;
