//! What the facilitator changed among detection's assumptions, kept in the project file.
//!
//! Every field left empty takes the territory's default (`detect::Assumptions::for_project`),
//! so a Corsican project keeps fuel oil and the island electricity mix until someone decides
//! otherwise, and a file says exactly which figures a person chose.

use serde::{Deserialize, Serialize};

use crate::factors::FactorKey;

/// Weights of the score components in the total. Used as given after being scaled to sum 1,
/// so a facilitator can raise one without lowering the others by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Weights {
    pub resource: f64,
    pub quantity: f64,
    pub timing: f64,
    pub distance: f64,
    pub economics: f64,
    pub climate: f64,
    pub quality: f64,
}

impl Default for Weights {
    fn default() -> Self {
        // The resource fit decides whether an exchange makes sense at all; distance and
        // quantity decide whether it is worth it; the rest refine the order.
        Self {
            resource: 0.35,
            quantity: 0.15,
            timing: 0.1,
            distance: 0.2,
            economics: 0.1,
            climate: 0.05,
            quality: 0.05,
        }
    }
}

impl Weights {
    pub fn as_array(&self) -> [f64; 7] {
        [
            self.resource,
            self.quantity,
            self.timing,
            self.distance,
            self.economics,
            self.climate,
            self.quality,
        ]
    }

    /// None negative or not a number, and not all zero.
    pub fn usable(&self) -> bool {
        let total: f64 = self.as_array().iter().sum();
        total.is_finite() && total > 0.0 && self.as_array().iter().all(|w| *w >= 0.0)
    }

    /// The same proportions summing to 1; the defaults when they are not usable.
    pub fn normalised(&self) -> Weights {
        if !self.usable() {
            return Weights::default();
        }
        let total: f64 = self.as_array().iter().sum();
        Weights {
            resource: self.resource / total,
            quantity: self.quantity / total,
            timing: self.timing / total,
            distance: self.distance / total,
            economics: self.economics / total,
            climate: self.climate / total,
            quality: self.quality / total,
        }
    }
}

/// The assumptions a person set for this project; `None` keeps the territory's default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct AssumptionChoices {
    /// Fuel a recovered heat replaces at the receiver.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced_heat_fuel: Option<FactorKey>,
    /// Seasonal efficiency of the boiler a recovered heat replaces, on the fuel's lower heating
    /// value (PCI).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boiler_efficiency: Option<f64>,
    /// Electricity mix of the territory.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub electricity: Option<FactorKey>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub road_factor: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_road_km: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transport_eur_per_tkm: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_outlet_road_km: Option<f64>,
    /// Truck used for the new trip and the avoided one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freight_factor: Option<FactorKey>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pooling_radius_km: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pooling_saving_share: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weights: Option<Weights>,
    /// How many receivers detection keeps per offer (k): more shows more, fewer reads faster
    /// on a projected screen and costs less in a large territory.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proposals_per_offer: Option<u32>,
}

impl AssumptionChoices {
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}
