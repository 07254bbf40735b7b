//! The assumptions panel's draft: every number as typed (empty keeps the territory's default)
//! and the factor choices (none keeps the default).

use symbiose_core::factors::FactorKey;
use symbiose_core::validate::rules;
use symbiose_core::{AssumptionChoices, Weights};

use super::number::parse_optional;
use super::{FieldError, add_rule_errors, noted, rule_errors};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AssumptionsDraft {
    pub replaced_heat_fuel: Option<FactorKey>,
    pub electricity: Option<FactorKey>,
    pub freight_factor: Option<FactorKey>,
    pub boiler_efficiency: String,
    pub road_factor: String,
    pub max_road_km: String,
    pub transport_eur_per_tkm: String,
    pub current_outlet_road_km: String,
    pub pooling_radius_km: String,
    /// In percent, as people say it ("15").
    pub pooling_saving_percent: String,
    /// Seven percentages in the order resource, quantity, timing, distance, economics,
    /// climate, quality ("35, 15, 10, 20, 10, 5, 5"); scaled to sum 100 when used.
    pub weights_percent: String,
    /// A whole number of receivers kept per offer.
    pub proposals_per_offer: String,
}

fn text(v: Option<f64>) -> String {
    v.map(|v| {
        symbiose_core::numbers::number(
            v,
            symbiose_core::Lang::Fr,
            symbiose_core::numbers::Precision::Exact,
        )
    })
    .unwrap_or_default()
}

fn number(field: &'static str, typed: &str) -> Result<Option<f64>, FieldError> {
    parse_optional(typed).map_err(|_| FieldError::not_a_number(field, typed))
}

impl AssumptionsDraft {
    pub fn from_choices(c: &AssumptionChoices) -> Self {
        Self {
            replaced_heat_fuel: c.replaced_heat_fuel,
            electricity: c.electricity,
            freight_factor: c.freight_factor,
            boiler_efficiency: text(c.boiler_efficiency),
            road_factor: text(c.road_factor),
            max_road_km: text(c.max_road_km),
            transport_eur_per_tkm: text(c.transport_eur_per_tkm),
            current_outlet_road_km: text(c.current_outlet_road_km),
            pooling_radius_km: text(c.pooling_radius_km),
            pooling_saving_percent: text(c.pooling_saving_share.map(|s| s * 100.0)),
            weights_percent: c
                .weights
                .as_ref()
                .map(|w| {
                    w.as_array()
                        .iter()
                        .map(|v| text(Some(v * 100.0)))
                        .collect::<Vec<_>>()
                        .join(" ; ")
                })
                .unwrap_or_default(),
            proposals_per_offer: text(c.proposals_per_offer.map(f64::from)),
        }
    }

    fn weights(&self) -> Result<Option<Weights>, FieldError> {
        let typed = self.weights_percent.trim();
        if typed.is_empty() {
            return Ok(None);
        }
        let parts: Vec<&str> = typed.split(';').map(str::trim).collect();
        let values: Option<Vec<f64>> = parts
            .iter()
            .map(|p| super::number::parse_decimal(p).map(|v| v / 100.0))
            .collect();
        match values.as_deref() {
            Some(
                &[
                    resource,
                    quantity,
                    timing,
                    distance,
                    economics,
                    climate,
                    quality,
                ],
            ) => Ok(Some(Weights {
                resource,
                quantity,
                timing,
                distance,
                economics,
                climate,
                quality,
            })),
            _ => Err(FieldError::from_texts("weights", |t| {
                t.territory.weights_shape.to_string()
            })),
        }
    }

    pub fn to_choices(&self) -> Result<AssumptionChoices, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut n = |field: &'static str, typed: &str| noted(&mut errors, number(field, typed));
        let boiler_efficiency = n("boiler_efficiency", &self.boiler_efficiency);
        let road_factor = n("road_factor", &self.road_factor);
        let max_road_km = n("max_road_km", &self.max_road_km);
        let transport_eur_per_tkm = n("transport_eur_per_tkm", &self.transport_eur_per_tkm);
        let current_outlet_road_km = n("current_outlet_road_km", &self.current_outlet_road_km);
        let pooling_radius_km = n("pooling_radius_km", &self.pooling_radius_km);
        let pooling_saving_share =
            n("pooling_saving_share", &self.pooling_saving_percent).map(|p| p / 100.0);
        let typed_k = n("proposals_per_offer", &self.proposals_per_offer);
        let weights = noted(&mut errors, self.weights());
        // The message quotes what was typed ("2,5"), not the number read from it.
        let typed = self.proposals_per_offer.trim();
        let proposals_per_offer = typed_k.and_then(|k| {
            if k.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&k) {
                Some(k as u32)
            } else {
                errors.push(FieldError::new(
                    "proposals_per_offer",
                    format!("« {typed} » : un nombre entier est attendu"),
                    format!("\"{typed}\": a whole number is expected"),
                ));
                None
            }
        });
        let choices = AssumptionChoices {
            replaced_heat_fuel: self.replaced_heat_fuel,
            electricity: self.electricity,
            freight_factor: self.freight_factor,
            boiler_efficiency,
            road_factor,
            max_road_km,
            transport_eur_per_tkm,
            current_outlet_road_km,
            pooling_radius_km,
            pooling_saving_share,
            weights,
            proposals_per_offer,
        };
        // The ranges are the core's, the same as for a loaded file.
        const FIELDS: [(&str, &str); 9] = [
            ("boiler_efficiency", "boiler_efficiency"),
            ("road_factor", "road_factor"),
            ("max_road_km", "max_road_km"),
            ("transport_eur_per_tkm", "transport_eur_per_tkm"),
            ("current_outlet_road_km", "current_outlet_road_km"),
            ("pooling_radius_km", "pooling_radius_km"),
            ("pooling_saving_share", "pooling_saving_share"),
            ("weights", "weights"),
            ("proposals_per_offer", "proposals_per_offer"),
        ];
        add_rule_errors(
            &mut errors,
            rule_errors(|at, r| rules::assumptions(&choices, at, r), &FIELDS, "form"),
        );
        if errors.is_empty() {
            Ok(choices)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_fields_keep_the_defaults_and_typed_ones_are_checked() {
        let d = AssumptionsDraft::default();
        assert_eq!(d.to_choices().unwrap(), AssumptionChoices::default());
        let d = AssumptionsDraft {
            boiler_efficiency: "0,75".into(),
            pooling_saving_percent: "20".into(),
            weights_percent: "40 ; 15 ; 10 ; 15 ; 10 ; 5 ; 5".into(),
            replaced_heat_fuel: Some(FactorKey::Lpg),
            ..Default::default()
        };
        let c = d.to_choices().unwrap();
        assert_eq!(c.boiler_efficiency, Some(0.75));
        assert_eq!(c.pooling_saving_share, Some(0.2));
        assert_eq!(c.weights.as_ref().unwrap().resource, 0.4);
        assert_eq!(AssumptionsDraft::from_choices(&c).to_choices().unwrap(), c);
        let bad = AssumptionsDraft {
            boiler_efficiency: "5".into(),
            road_factor: "abc".into(),
            weights_percent: "1 ; 2".into(),
            ..Default::default()
        };
        let fields: Vec<&str> = bad
            .to_choices()
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["road_factor", "weights", "boiler_efficiency"]);
    }

    #[test]
    fn receivers_per_offer_is_a_whole_number_from_1_to_50() {
        let k = |typed: &str| {
            AssumptionsDraft {
                proposals_per_offer: typed.into(),
                ..Default::default()
            }
            .to_choices()
        };
        assert_eq!(k("5").unwrap().proposals_per_offer, Some(5));
        assert_eq!(k("").unwrap().proposals_per_offer, None);
        for bad in ["2,5", "0", "51", "-3", "dix"] {
            let errors = k(bad).unwrap_err();
            assert_eq!(errors.len(), 1, "{bad}: {errors:?}");
            assert_eq!(errors[0].field, "proposals_per_offer", "{bad}");
        }
    }
}
