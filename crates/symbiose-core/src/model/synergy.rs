//! Synergies: decisions the group took about an exchange or a pooling, followed stage by stage.
//! A computed proposal becomes a `Synergy` only when someone takes it into the pipeline.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::ids::{ActorId, FlowId, SynergyId};
use crate::labels;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SynergyKind {
    /// One actor's output replaces another's input (échange de flux).
    #[default]
    Substitution,
    /// Actors pool a need or a resource.
    Mutualisation,
}

labels!(SynergyKind {
    Substitution => "Substitution", "Substitution";
    Mutualisation => "Mutualisation", "Pooling";
});

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    #[default]
    Idea,
    UnderStudy,
    Negotiating,
    Implemented,
    Abandoned,
}

labels!(Stage {
    Idea => "Idée", "Idea";
    UnderStudy => "À l'étude", "Under study";
    Negotiating => "En négociation", "Negotiating";
    Implemented => "Mise en œuvre", "Implemented";
    Abandoned => "Abandonnée", "Abandoned";
});

impl Stage {
    pub const ALL: [Stage; 5] = [
        Self::Idea,
        Self::UnderStudy,
        Self::Negotiating,
        Self::Implemented,
        Self::Abandoned,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BarrierKind {
    Organisation,
    Governance,
    /// Adapting a flow to a new process: quality, quantity, regularity.
    Technical,
    /// Waste status, ICPE permits.
    Regulatory,
    /// Transport, treatment, payback.
    Economic,
}

labels!(BarrierKind {
    Organisation => "Organisationnel", "Organisation";
    Governance => "Gouvernance", "Governance";
    Technical => "Technique", "Technical";
    Regulatory => "Réglementaire", "Regulatory";
    Economic => "Économique", "Economic";
});

impl BarrierKind {
    pub const ALL: [BarrierKind; 5] = [
        Self::Organisation,
        Self::Governance,
        Self::Technical,
        Self::Regulatory,
        Self::Economic,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Barrier {
    pub kind: BarrierKind,
    #[serde(default)]
    pub note: String,
}

/// Yearly gains of a synergy, each optional: unknown is not zero.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Gains {
    pub tonnes_per_year: Option<f64>,
    pub mwh_per_year: Option<f64>,
    pub m3_per_year: Option<f64>,
    pub tco2e_per_year: Option<f64>,
    /// Savings a year (disposal or purchases avoided), €.
    pub eur_per_year: Option<f64>,
    pub investment_eur: Option<f64>,
    /// Jobs created, full-time equivalent.
    pub jobs: Option<f64>,
    /// New revenue a year (a by-product sold that was a cost), € (v3).
    pub revenue_eur_per_year: Option<f64>,
    /// Investment avoided (a boiler not bought, equipment shared), € (v3).
    pub avoided_investment_eur: Option<f64>,
    /// Jobs kept thanks to the synergy, apart from those created, full-time equivalent (v3).
    pub jobs_kept: Option<f64>,
}

impl Gains {
    /// Every figure in field order: t, MWh, m³, tCO₂e, €/yr saved, € invested, jobs created,
    /// €/yr of new revenue, € of investment avoided, jobs kept.
    pub fn values(&self) -> [Option<f64>; 10] {
        [
            self.tonnes_per_year,
            self.mwh_per_year,
            self.m3_per_year,
            self.tco2e_per_year,
            self.eur_per_year,
            self.investment_eur,
            self.jobs,
            self.revenue_eur_per_year,
            self.avoided_investment_eur,
            self.jobs_kept,
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StageChange {
    pub stage: Stage,
    pub date: Date,
    #[serde(default)]
    pub note: String,
}

/// One item of a synergy's regulatory checklist (`kb::checklist` decides which apply).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChecklistItem {
    /// Waste, by-product (L541-4-2), end-of-waste (L541-4-3) or product.
    MaterialStatus,
    /// The receiver's ICPE heading and regime when it takes in waste.
    ReceiverIcpe,
    /// Animal by-product category 1, 2 or 3 (Regulation (EC) 1069/2009).
    AnimalByproduct,
    SpreadingPlan,
    /// Prefectoral declaration of the waste transporter (R541-50).
    TransporterDeclaration,
    /// Chronological waste register (R541-43).
    WasteRegister,
    /// Electronic hazardous-waste tracking form in Trackdéchets (R541-45).
    Trackdechets,
}

labels!(ChecklistItem {
    MaterialStatus => "Statut de la matière", "Status of the material";
    ReceiverIcpe => "Rubrique et régime ICPE du receveur", "Receiver's ICPE heading and regime";
    AnimalByproduct => "Catégorie de sous-produit animal", "Animal by-product category";
    SpreadingPlan => "Plan d'épandage", "Spreading plan";
    TransporterDeclaration => "Déclaration du transporteur", "Transporter declaration";
    WasteRegister => "Registre des déchets", "Waste register";
    Trackdechets => "Bordereau Trackdéchets", "Trackdéchets tracking form";
});

impl ChecklistItem {
    /// The order the checklist is shown in: what the material is, who may receive it, then
    /// what follows it on the road.
    pub const ALL: [ChecklistItem; 7] = [
        Self::MaterialStatus,
        Self::ReceiverIcpe,
        Self::AnimalByproduct,
        Self::SpreadingPlan,
        Self::TransporterDeclaration,
        Self::WasteRegister,
        Self::Trackdechets,
    ];
}

/// Where an item of the checklist stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    #[default]
    ToDo,
    Done,
    NotApplicable,
}

labels!(ItemStatus {
    ToDo => "À faire", "To do";
    Done => "Fait", "Done";
    NotApplicable => "Sans objet", "Not applicable";
});

/// What the law makes of the material a synergy moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MaterialStatus {
    Waste,
    /// Code de l'environnement, L541-4-2: all its conditions met, it never was a waste.
    ByProduct,
    /// Code de l'environnement, L541-4-3: a recovered waste meeting end-of-waste criteria.
    EndOfWaste,
    Product,
}

labels!(MaterialStatus {
    Waste => "Déchet", "Waste";
    ByProduct => "Sous-produit", "By-product";
    EndOfWaste => "Sortie du statut de déchet", "End-of-waste";
    Product => "Produit", "Product";
});

impl MaterialStatus {
    /// Whether the waste obligations (register, transport, tracking, the receiver's waste
    /// permit) follow the material.
    pub fn is_waste(self) -> bool {
        self == Self::Waste
    }
}

/// The group's answer to one checklist item: its status, the material's status for
/// [`ChecklistItem::MaterialStatus`], and a note (the ICPE heading found, the date of a
/// declaration...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChecklistEntry {
    pub item: ChecklistItem,
    #[serde(default)]
    pub status: ItemStatus,
    /// Only for the material-status item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub material: Option<MaterialStatus>,
    #[serde(default)]
    pub note: String,
}

impl ChecklistEntry {
    pub fn new(item: ChecklistItem, status: ItemStatus) -> Self {
        Self {
            item,
            status,
            material: None,
            note: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Synergy {
    pub id: SynergyId,
    pub kind: SynergyKind,
    pub title: String,
    pub flows: Vec<FlowId>,
    pub actors: Vec<ActorId>,
    pub stage: Stage,
    /// Every stage change with its date, oldest first; the current stage is the last one.
    pub history: Vec<StageChange>,
    pub barriers: Vec<Barrier>,
    pub estimated: Gains,
    pub measured: Gains,
    pub next_step: String,
    /// Why the group abandoned it; required when `stage` is `Abandoned`.
    pub abandon_reason: String,
    /// The key of the detection proposal it came from, so the proposal list can mark it taken.
    pub proposal_key: Option<String>,
    pub notes: String,
    /// The group's answers to the regulatory checklist, one entry per item answered at most;
    /// an item without an entry takes the status `kb::checklist` derives for it. Absent from
    /// a file while empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub regulatory: Vec<ChecklistEntry>,
}

impl Synergy {
    /// The entry recorded for an item, if any.
    pub fn checklist_entry(&self, item: ChecklistItem) -> Option<&ChecklistEntry> {
        self.regulatory.iter().find(|e| e.item == item)
    }

    /// The material's status the group recorded, if any.
    pub fn material_status(&self) -> Option<MaterialStatus> {
        self.checklist_entry(ChecklistItem::MaterialStatus)
            .and_then(|e| e.material)
    }
}
