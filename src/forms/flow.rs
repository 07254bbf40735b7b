//! The flow form: draft, the choices that follow the family, validation, conversion to a `Flow`.

use super::date::optional_date;
use symbiose_core::refdata::waste;
use symbiose_core::{
    Confidentiality, Direction, Family, Flow, Months, Period, PhysicalState, Provenance, Quality,
    Quantity, ResourceCategory, Route, Unit,
};

use super::FieldError;
use super::number::parse_optional;
use symbiose_core::Lang;
use symbiose_core::numbers::{Precision::Editing, number};
use symbiose_core::validate::rules;

/// Units offered for a family, most common first: tonnes for matter, MWh for energy...
pub fn units_for(family: Family) -> &'static [Unit] {
    match family {
        Family::Matter | Family::Waste => &[
            Unit::Tonne,
            Unit::Kilogram,
            Unit::CubicMetre,
            Unit::Litre,
            Unit::Unit,
        ],
        Family::Energy => &[Unit::MegawattHour, Unit::KilowattHour, Unit::Kilowatt],
        Family::Water => &[Unit::CubicMetre, Unit::Litre],
        Family::Equipment => &[Unit::Unit, Unit::Hour],
        Family::Skill | Family::Service => &[Unit::Hour, Unit::Unit],
    }
}

/// Resource classes that fit a family, to list first in the picker (any class stays allowed).
pub fn categories_for(family: Family) -> Vec<ResourceCategory> {
    use ResourceCategory::*;
    match family {
        Family::Matter | Family::Waste => vec![
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
            Other,
        ],
        Family::Energy => vec![Heat, Cold, Steam, Electricity, Gas, Biomass, Co2, Other],
        Family::Water => vec![ProcessWater, Wastewater, Rainwater, Other],
        Family::Equipment => vec![Equipment, Premises, Logistics, Other],
        Family::Skill => vec![Skills, Other],
        Family::Service => vec![Logistics, Catering, OtherService, Other],
    }
}

/// Whether the form asks for a temperature (heat, cold, steam, water).
pub fn shows_temperature(family: Family, category: Option<ResourceCategory>) -> bool {
    family == Family::Water
        || matches!(
            category,
            Some(ResourceCategory::Heat | ResourceCategory::Cold | ResourceCategory::Steam)
        )
}

/// Whether the form asks for physical state, purity and contaminants.
pub fn shows_material_quality(family: Family) -> bool {
    matches!(family, Family::Matter | Family::Waste | Family::Water)
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowDraft {
    pub direction: Direction,
    pub family: Family,
    pub label: String,
    pub category: Option<ResourceCategory>,
    pub waste_code: String,
    pub quantity: String,
    pub unit: Unit,
    pub period: Period,
    pub months: Months,
    pub state: Option<PhysicalState>,
    pub temperature: String,
    pub purity: String,
    pub contaminants: String,
    pub route: Option<Route>,
    pub cost: String,
    pub confidentiality: Confidentiality,
    /// How the figures were obtained, when, and by whom.
    pub provenance: Option<Provenance>,
    pub collected_on: String,
    pub collected_by: String,
    pub notes: String,
}

impl Default for FlowDraft {
    fn default() -> Self {
        Self {
            direction: Direction::Offer,
            family: Family::Waste,
            label: String::new(),
            category: None,
            waste_code: String::new(),
            quantity: String::new(),
            unit: Unit::Tonne,
            period: Period::Year,
            months: Months::ALL_YEAR,
            state: None,
            temperature: String::new(),
            purity: String::new(),
            contaminants: String::new(),
            route: None,
            cost: String::new(),
            confidentiality: Confidentiality::Public,
            provenance: None,
            collected_on: String::new(),
            collected_by: String::new(),
            notes: String::new(),
        }
    }
}

impl FlowDraft {
    pub fn from_flow(f: &Flow, lang: Lang) -> Self {
        let show = |v: f64| number(v, lang, Editing);
        Self {
            direction: f.direction,
            family: f.family,
            label: f.label.clone(),
            category: f.category,
            waste_code: f.waste_code.clone().unwrap_or_default(),
            quantity: f.quantity.map(|q| show(q.value)).unwrap_or_default(),
            unit: f
                .quantity
                .map_or_else(|| units_for(f.family)[0], |q| q.unit),
            period: f.quantity.map_or(Period::Year, |q| q.period),
            months: f.months,
            state: f.quality.state,
            temperature: f.quality.temperature_c.map(show).unwrap_or_default(),
            purity: f.quality.purity_percent.map(show).unwrap_or_default(),
            contaminants: f.quality.contaminants.clone(),
            route: f.route,
            cost: f.cost_eur_per_unit.map(show).unwrap_or_default(),
            confidentiality: f.confidentiality,
            provenance: f.provenance,
            collected_on: f.collected_on.map(|d| d.to_string()).unwrap_or_default(),
            collected_by: f.collected_by.clone(),
            notes: f.notes.clone(),
        }
    }

    /// Changing the family keeps what still makes sense and resets the unit when the old one
    /// does not belong to the new family (kW makes no sense for cardboard).
    pub fn set_family(&mut self, family: Family) {
        self.family = family;
        if !units_for(family).contains(&self.unit) {
            self.unit = units_for(family)[0];
        }
        if family != Family::Waste {
            self.waste_code.clear();
        }
    }

    /// The flow this draft describes, keeping `base`'s id and actor; or every problem by field.
    pub fn to_flow(&self, base: &Flow) -> Result<Flow, Vec<FieldError>> {
        let mut errors = Vec::new();
        let label = self.label.trim().to_string();
        if label.is_empty() {
            errors.push(FieldError::new(
                "label",
                "Décrivez le flux en quelques mots (ex. « palettes bois cassées »).",
                "Describe the flow in a few words (e.g. \"broken wooden pallets\").",
            ));
        }
        let waste_code = match self.waste_code.trim() {
            "" => None,
            typed => {
                let code = waste::normalise(typed);
                if code.len() != 6 {
                    errors.push(FieldError::new(
                        "waste_code",
                        "Un code déchet a 6 chiffres (ex. 15 01 03).",
                        "A waste code has 6 digits (e.g. 15 01 03).",
                    ));
                }
                Some(code)
            }
        };
        let quantity = match parse_optional(&self.quantity) {
            Ok(v) => v.map(|value| Quantity::new(value, self.unit, self.period)),
            Err(_) => {
                errors.push(FieldError::new(
                    "quantity",
                    "Quantité : un nombre (ex. 12,5).",
                    "Quantity: a number (e.g. 12.5).",
                ));
                None
            }
        };
        let number =
            |field: &'static str, text: &str, errors: &mut Vec<FieldError>| match parse_optional(
                text,
            ) {
                Ok(v) => v,
                Err(_) => {
                    errors.push(FieldError::new(
                        field,
                        "Un nombre est attendu ici.",
                        "A number is expected here.",
                    ));
                    None
                }
            };
        let temperature_c = number("temperature", &self.temperature, &mut errors);
        let purity_percent = number("purity", &self.purity, &mut errors);
        let cost = number("cost", &self.cost, &mut errors);
        let collected_on = optional_date("collected_on", &self.collected_on)
            .map_err(|e| errors.push(e))
            .unwrap_or(None);
        let flow = Flow {
            direction: self.direction,
            family: self.family,
            label,
            category: self.category,
            waste_code,
            quantity,
            months: self.months,
            quality: Quality {
                state: self.state,
                temperature_c,
                purity_percent,
                contaminants: self.contaminants.trim().to_string(),
                notes: base.quality.notes.clone(),
            },
            route: self.route,
            cost_eur_per_unit: cost,
            confidentiality: self.confidentiality,
            provenance: self.provenance,
            collected_on,
            collected_by: self.collected_by.trim().to_string(),
            notes: self.notes.clone(),
            ..base.clone()
        };
        // Ranges, months and lengths are the core's record rules, shared with files and edits.
        errors.extend(super::rule_errors(
            |at, r| rules::flow(&flow, at, r),
            &[
                ("label", "label"),
                ("waste_code", "waste_code"),
                ("quantity", "quantity"),
                ("months", "months"),
                ("quality.temperature_c", "temperature"),
                ("quality.purity_percent", "purity"),
                ("cost_eur_per_unit", "cost"),
                ("collected_on", "collected_on"),
                ("collected_by", "collected_by"),
            ],
            "form",
        ));
        if errors.is_empty() {
            Ok(flow)
        } else {
            Err(errors)
        }
    }

    /// Non-blocking advice: an unknown List of Waste code is kept, a waste without code is
    /// harder to match.
    pub fn waste_warning(&self) -> Option<FieldError> {
        let code = waste::normalise(&self.waste_code);
        if self.family == Family::Waste && code.is_empty() {
            return Some(FieldError::new(
                "waste_code",
                "Sans code de la liste européenne des déchets, les correspondances seront moins sûres.",
                "Without a European List of Waste code, matches will be less reliable.",
            ));
        }
        (code.len() == 6 && waste::lookup(&code).is_none()).then(|| {
            FieldError::new(
                "waste_code",
                format!("Code {code} absent de la liste européenne des déchets : il sera gardé tel quel."),
                format!("Code {code} is not in the European List of Waste: it will be kept as typed."),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use symbiose_core::{ActorId, FlowId};

    fn base() -> Flow {
        Flow {
            id: FlowId::new("f-3"),
            actor: ActorId::new("a-1"),
            ..Default::default()
        }
    }

    #[test]
    fn a_waste_flow_round_trips() {
        let d = FlowDraft {
            label: "Palettes cassées".into(),
            category: Some(ResourceCategory::Wood),
            waste_code: "15 01 03".into(),
            quantity: "12,5".into(),
            cost: "-15".into(),
            months: Months::from_numbers([1, 2, 3]),
            provenance: Some(Provenance::Measured),
            collected_on: "2026-02-03".into(),
            collected_by: " Animatrice EIT ".into(),
            ..Default::default()
        };
        let f = d.to_flow(&base()).unwrap();
        assert_eq!((f.id.as_str(), f.actor.as_str()), ("f-3", "a-1"));
        assert_eq!(f.provenance, Some(Provenance::Measured));
        assert_eq!(
            f.collected_on.map(|d| d.to_string()).as_deref(),
            Some("2026-02-03")
        );
        assert_eq!(f.collected_by, "Animatrice EIT");
        let undated = FlowDraft {
            collected_on: "03/02/2026".into(),
            ..d.clone()
        };
        let errors = undated.to_flow(&base()).unwrap_err();
        assert_eq!(errors[0].field, "collected_on");
        assert_eq!(f.waste_code.as_deref(), Some("150103"));
        assert_eq!(
            f.quantity,
            Some(Quantity::new(12.5, Unit::Tonne, Period::Year))
        );
        assert_eq!(f.cost_eur_per_unit, Some(-15.0));
        for lang in [Lang::Fr, Lang::En] {
            assert_eq!(FlowDraft::from_flow(&f, lang).to_flow(&base()).unwrap(), f);
        }
    }

    #[test]
    fn bad_fields_are_all_reported() {
        let d = FlowDraft {
            quantity: "-2".into(),
            waste_code: "1501".into(),
            purity: "140".into(),
            temperature: "chaud".into(),
            months: Months::from_numbers([]),
            ..Default::default()
        };
        let mut fields: Vec<_> = d
            .to_flow(&base())
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        fields.sort_unstable();
        assert_eq!(
            fields,
            vec![
                "label",
                "months",
                "purity",
                "quantity",
                "temperature",
                "waste_code"
            ]
        );
    }

    #[test]
    fn family_change_fixes_the_unit_and_drops_the_waste_code() {
        let mut d = FlowDraft {
            waste_code: "150103".into(),
            ..Default::default()
        };
        d.set_family(Family::Energy);
        assert_eq!(d.unit, Unit::MegawattHour);
        assert!(d.waste_code.is_empty());
        d.unit = Unit::Kilowatt;
        d.set_family(Family::Energy);
        assert_eq!(
            d.unit,
            Unit::Kilowatt,
            "a unit valid for the family is kept"
        );
        assert!(shows_temperature(
            Family::Energy,
            Some(ResourceCategory::Heat)
        ));
        assert!(!shows_temperature(
            Family::Energy,
            Some(ResourceCategory::Electricity)
        ));
    }

    #[test]
    fn waste_warnings() {
        let mut d = FlowDraft::default();
        assert!(d.waste_warning().is_some(), "a waste without code");
        d.waste_code = "999999".into();
        assert!(d.waste_warning().unwrap().message.fr.contains("999999"));
        d.waste_code = "150103".into();
        assert!(d.waste_warning().is_none());
    }
}
