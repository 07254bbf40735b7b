//! Flows: what an actor offers (outputs, surpluses, spare capacity) and what it needs.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::date::Date;
use super::ids::{ActorId, FlowId};
use super::quantity::Quantity;
use crate::labels;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Something the actor has and could give, sell or share (flux sortant).
    #[default]
    Offer,
    /// Something the actor uses or looks for (flux entrant).
    Need,
}

labels!(Direction {
    Offer => "Offre", "Offer";
    Need => "Besoin", "Need";
});

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Family {
    #[default]
    Matter,
    Energy,
    Water,
    Waste,
    Equipment,
    Skill,
    Service,
}

labels!(Family {
    Matter => "Matière", "Matter";
    Energy => "Énergie", "Energy";
    Water => "Eau", "Water";
    Waste => "Déchet", "Waste";
    Equipment => "Équipement", "Equipment";
    Skill => "Compétence", "Skill";
    Service => "Service", "Service";
});

impl Family {
    pub const ALL: [Family; 7] = [
        Self::Matter,
        Self::Energy,
        Self::Water,
        Self::Waste,
        Self::Equipment,
        Self::Skill,
        Self::Service,
    ];
}

/// A controlled resource vocabulary: free-text labels break matching ("soude" / "NaOH"), so
/// every flow can name its class from this closed list, shared by offers and needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResourceCategory {
    Wood,
    PaperCardboard,
    Plastics,
    Metals,
    Glass,
    Textiles,
    Organic,
    FoodByproducts,
    Minerals,
    Chemicals,
    OilsSolvents,
    Sludge,
    Biomass,
    Heat,
    Cold,
    Steam,
    Electricity,
    Gas,
    Co2,
    ProcessWater,
    Wastewater,
    Rainwater,
    Equipment,
    Premises,
    Skills,
    Logistics,
    Catering,
    OtherService,
    Other,
}

labels!(ResourceCategory {
    Wood => "Bois, palettes", "Wood, pallets";
    PaperCardboard => "Papiers, cartons", "Paper, cardboard";
    Plastics => "Plastiques", "Plastics";
    Metals => "Métaux", "Metals";
    Glass => "Verre", "Glass";
    Textiles => "Textiles", "Textiles";
    Organic => "Biodéchets, matières organiques", "Biowaste, organic matter";
    FoodByproducts => "Coproduits alimentaires", "Food by-products";
    Minerals => "Minéraux, inertes", "Minerals, inert materials";
    Chemicals => "Produits chimiques", "Chemicals";
    OilsSolvents => "Huiles, solvants", "Oils, solvents";
    Sludge => "Boues", "Sludge";
    Biomass => "Biomasse combustible", "Biomass fuel";
    Heat => "Chaleur", "Heat";
    Cold => "Froid", "Cold";
    Steam => "Vapeur", "Steam";
    Electricity => "Électricité", "Electricity";
    Gas => "Gaz", "Gas";
    Co2 => "CO₂", "CO₂";
    ProcessWater => "Eau de process", "Process water";
    Wastewater => "Eaux usées", "Wastewater";
    Rainwater => "Eaux pluviales", "Rainwater";
    Equipment => "Équipements, machines", "Equipment, machines";
    Premises => "Locaux, terrains", "Premises, land";
    Skills => "Compétences", "Skills";
    Logistics => "Transport, logistique", "Transport, logistics";
    Catering => "Restauration", "Catering";
    OtherService => "Autre service", "Other service";
    Other => "Autre", "Other";
});

impl ResourceCategory {
    pub const ALL: [ResourceCategory; 29] = [
        Self::Wood,
        Self::PaperCardboard,
        Self::Plastics,
        Self::Metals,
        Self::Glass,
        Self::Textiles,
        Self::Organic,
        Self::FoodByproducts,
        Self::Minerals,
        Self::Chemicals,
        Self::OilsSolvents,
        Self::Sludge,
        Self::Biomass,
        Self::Heat,
        Self::Cold,
        Self::Steam,
        Self::Electricity,
        Self::Gas,
        Self::Co2,
        Self::ProcessWater,
        Self::Wastewater,
        Self::Rainwater,
        Self::Equipment,
        Self::Premises,
        Self::Skills,
        Self::Logistics,
        Self::Catering,
        Self::OtherService,
        Self::Other,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PhysicalState {
    Solid,
    Powder,
    Paste,
    Liquid,
    Gas,
}

labels!(PhysicalState {
    Solid => "Solide", "Solid";
    Powder => "Poudre, granulés", "Powder, granules";
    Paste => "Pâteux", "Paste";
    Liquid => "Liquide", "Liquid";
    Gas => "Gazeux", "Gas";
});

/// What decides whether a flow can really feed another process.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Quality {
    pub state: Option<PhysicalState>,
    /// For heat, steam, cold and water: the temperature offered, or the one needed, in °C.
    pub temperature_c: Option<f64>,
    /// Purity or concentration in percent, when known.
    pub purity_percent: Option<f64>,
    pub contaminants: String,
    pub notes: String,
}

/// Where an output goes today (its exutoire) or where an input comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Route {
    Landfill,
    Incineration,
    EnergyRecovery,
    Recycling,
    Composting,
    AnaerobicDigestion,
    Reuse,
    Sewer,
    Purchase,
    Other,
}

labels!(Route {
    Landfill => "Enfouissement", "Landfill";
    Incineration => "Incinération", "Incineration";
    EnergyRecovery => "Valorisation énergétique", "Energy recovery";
    Recycling => "Recyclage", "Recycling";
    Composting => "Compostage", "Composting";
    AnaerobicDigestion => "Méthanisation", "Anaerobic digestion";
    Reuse => "Réemploi", "Reuse";
    Sewer => "Rejet au réseau", "Discharge to sewer";
    Purchase => "Achat", "Purchase";
    Other => "Autre", "Other";
});

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Confidentiality {
    /// Shown with the company's name to everyone who sees the project.
    #[default]
    Public,
    /// Shown as "a company of sector X", without cost, outside the facilitator's view.
    Anonymised,
    /// Seen only in the facilitator's view; never in public exports.
    Private,
}

labels!(Confidentiality {
    Public => "Public", "Public";
    Anonymised => "Anonymisé", "Anonymised";
    Private => "Privé", "Private";
});

/// How a flow's figures were obtained: what a funder and the facilitator weigh a figure by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// Given by the company (interview, questionnaire), not checked.
    Declared,
    /// Worked out by the facilitator from ratios, invoices or a similar site.
    Estimated,
    /// Weighed, metered or counted.
    Measured,
}

labels!(Provenance {
    Declared => "Déclaré", "Declared";
    Estimated => "Estimé", "Estimated";
    Measured => "Mesuré", "Measured";
});

impl Provenance {
    pub const ALL: [Provenance; 3] = [Self::Declared, Self::Estimated, Self::Measured];
}

/// The months a flow is available or needed, as a 12-bit set (bit 0 = January).
/// The file stores the list of month numbers; an absent list means all year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Months(u16);

impl Months {
    pub const ALL_YEAR: Months = Months(0x0FFF);
    pub const NONE: Months = Months(0);

    /// From month numbers 1–12; numbers outside are the validator's business, ignored here.
    pub fn from_numbers(months: impl IntoIterator<Item = u8>) -> Self {
        Months(
            months
                .into_iter()
                .filter(|m| (1..=12).contains(m))
                .fold(0, |acc, m| acc | 1 << (m - 1)),
        )
    }

    pub fn numbers(self) -> Vec<u8> {
        (1..=12).filter(|m| self.contains(*m)).collect()
    }

    pub fn contains(self, month: u8) -> bool {
        (1..=12).contains(&month) && self.0 & (1 << (month - 1)) != 0
    }

    pub fn count(self) -> u32 {
        self.0.count_ones()
    }

    pub fn overlap(self, other: Months) -> Months {
        Months(self.0 & other.0)
    }

    /// The months in either set.
    pub fn union(self, other: Months) -> Months {
        Months(self.0 | other.0)
    }

    pub fn is_all_year(self) -> bool {
        self.0 == Self::ALL_YEAR.0
    }
}

impl Default for Months {
    fn default() -> Self {
        Self::ALL_YEAR
    }
}

impl Serialize for Months {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.numbers().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Months {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let numbers = Vec::<u8>::deserialize(d)?;
        if let Some(bad) = numbers.iter().find(|m| !(1..=12).contains(*m)) {
            return Err(serde::de::Error::custom(format!(
                "mois {bad} hors de 1–12 / month {bad} outside 1–12"
            )));
        }
        Ok(Months::from_numbers(numbers))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Flow {
    pub id: FlowId,
    pub actor: ActorId,
    pub direction: Direction,
    pub family: Family,
    pub label: String,
    pub category: Option<ResourceCategory>,
    /// European List of Waste code, six digits without spaces (`150103`). Whether the waste is
    /// hazardous is derived from the code (the `*` entries), never stored.
    pub waste_code: Option<String>,
    pub quantity: Option<Quantity>,
    pub months: Months,
    pub quality: Quality,
    pub route: Option<Route>,
    /// For an offer: what the current route costs (positive) or earns (negative), € per unit of
    /// the quantity. For a need: the purchase price, € per unit.
    pub cost_eur_per_unit: Option<f64>,
    pub confidentiality: Confidentiality,
    /// How the figures were obtained; `None` when nobody said (files before version 3).
    pub provenance: Option<Provenance>,
    /// When the flow was collected (visit, interview, questionnaire returned).
    pub collected_on: Option<Date>,
    /// Who collected it: the facilitator, the company itself, a consultant.
    pub collected_by: String,
    pub notes: String,
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Months {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Months".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "array",
            "items": {"type": "integer", "minimum": 1, "maximum": 12},
            "description": "Month numbers 1–12 when the flow is available or needed; absent means all year."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_roundtrip_and_overlap() {
        let summer = Months::from_numbers([6, 7, 8]);
        let q3 = Months::from_numbers([7, 8, 9]);
        assert_eq!(summer.overlap(q3).numbers(), vec![7, 8]);
        let json = serde_json::to_string(&summer).unwrap();
        assert_eq!(json, "[6,7,8]");
        assert_eq!(serde_json::from_str::<Months>(&json).unwrap(), summer);
        assert!(serde_json::from_str::<Months>("[0,13]").is_err());
        assert!(Months::default().is_all_year());
    }

    #[test]
    fn every_category_has_both_labels() {
        for c in ResourceCategory::ALL {
            assert!(!c.label(crate::Lang::Fr).is_empty());
            assert!(!c.label(crate::Lang::En).is_empty());
        }
    }
}
