//! Quantities with their unit and period, and the conversions that make sense between them.
//!
//! Detection compares an offer with a need, so both must be brought to one base per dimension:
//! tonnes per year for mass, m³ per year for volume, MWh per year for energy. Power (kW) and
//! counts are compared only with the same unit: converting kW to MWh needs operating hours
//! nobody declared, and a guess would look like data.

use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::numbers::{Precision, number};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Unit {
    #[serde(rename = "t")]
    Tonne,
    #[serde(rename = "kg")]
    Kilogram,
    #[serde(rename = "m3")]
    CubicMetre,
    #[serde(rename = "L")]
    Litre,
    #[serde(rename = "MWh")]
    MegawattHour,
    #[serde(rename = "kWh")]
    KilowattHour,
    /// Power (a capacity, not an amount of energy).
    #[serde(rename = "kW")]
    Kilowatt,
    /// Pieces: pallets, containers, machines.
    #[serde(rename = "u")]
    Unit,
    /// Hours of work or of use: skills, services, equipment.
    #[serde(rename = "h")]
    Hour,
}

/// What a unit measures; only quantities of the same dimension can be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Mass,
    Volume,
    Energy,
    Power,
    Count,
    Time,
}

impl Unit {
    pub const ALL: [Unit; 9] = [
        Self::Tonne,
        Self::Kilogram,
        Self::CubicMetre,
        Self::Litre,
        Self::MegawattHour,
        Self::KilowattHour,
        Self::Kilowatt,
        Self::Unit,
        Self::Hour,
    ];

    pub fn dimension(self) -> Dimension {
        match self {
            Self::Tonne | Self::Kilogram => Dimension::Mass,
            Self::CubicMetre | Self::Litre => Dimension::Volume,
            Self::MegawattHour | Self::KilowattHour => Dimension::Energy,
            Self::Kilowatt => Dimension::Power,
            Self::Unit => Dimension::Count,
            Self::Hour => Dimension::Time,
        }
    }

    /// How many base units (t, m³, MWh, kW, u, h) one of this unit is.
    pub fn to_base(self) -> f64 {
        match self {
            Self::Kilogram => 0.001,
            Self::Litre => 0.001,
            Self::KilowattHour => 0.001,
            _ => 1.0,
        }
    }

    /// The symbol shown to users (same in French and English).
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Tonne => "t",
            Self::Kilogram => "kg",
            Self::CubicMetre => "m³",
            Self::Litre => "L",
            Self::MegawattHour => "MWh",
            Self::KilowattHour => "kWh",
            Self::Kilowatt => "kW",
            Self::Unit => "u",
            Self::Hour => "h",
        }
    }

    /// The base unit of this unit's dimension.
    pub fn base(self) -> Unit {
        match self.dimension() {
            Dimension::Mass => Self::Tonne,
            Dimension::Volume => Self::CubicMetre,
            Dimension::Energy => Self::MegawattHour,
            Dimension::Power => Self::Kilowatt,
            Dimension::Count => Self::Unit,
            Dimension::Time => Self::Hour,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    #[default]
    Year,
    Month,
    Week,
    Day,
    /// A stock available once (a machine, a batch of material); it has no yearly rate.
    Once,
}

impl Period {
    pub const ALL: [Period; 5] = [Self::Year, Self::Month, Self::Week, Self::Day, Self::Once];

    /// Occurrences per year; `None` for a one-off stock.
    pub fn per_year(self) -> Option<f64> {
        match self {
            Self::Year => Some(1.0),
            Self::Month => Some(12.0),
            Self::Week => Some(52.0),
            // Working days: flows follow production, which stops at weekends in most firms.
            Self::Day => Some(250.0),
            Self::Once => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quantity {
    pub value: f64,
    pub unit: Unit,
    #[serde(default)]
    pub period: Period,
}

impl Quantity {
    pub fn new(value: f64, unit: Unit, period: Period) -> Self {
        Self {
            value,
            unit,
            period,
        }
    }

    /// The amount in the dimension's base unit per year (t/yr, m³/yr, MWh/yr...). Power is a
    /// rate already and stays in kW; a one-off stock stays a stock.
    pub fn annual_base(&self) -> f64 {
        let base = self.value * self.unit.to_base();
        if self.unit.dimension() == Dimension::Power {
            return base;
        }
        base * self.period.per_year().unwrap_or(1.0)
    }

    /// How every view writes a quantity: `40 t/an`, `2 MWh/semaine`, `3 u (une fois)`, and a
    /// power with no period (`500 kW`: it is a rate already).
    pub fn text(&self, lang: Lang, precision: Precision) -> String {
        let per = if self.unit.dimension() == Dimension::Power {
            ""
        } else {
            match self.period {
                Period::Year => lang.pick("/an", "/yr"),
                Period::Month => lang.pick("/mois", "/month"),
                Period::Week => lang.pick("/semaine", "/week"),
                Period::Day => lang.pick("/jour ouvré", "/working day"),
                Period::Once => lang.pick(" (une fois)", " (once)"),
            }
        };
        format!(
            "{} {}{per}",
            number(self.value, lang, precision),
            self.unit.symbol()
        )
    }

    /// Whether two quantities can be compared: same dimension and both recurring or both stocks.
    pub fn comparable(&self, other: &Quantity) -> bool {
        self.unit.dimension() == other.unit.dimension()
            && (self.period == Period::Once) == (other.period == Period::Once)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quantity_is_written_with_its_period_except_a_power() {
        use crate::numbers::Precision::Reading;
        let q = |v, u, p| Quantity::new(v, u, p).text(Lang::Fr, Reading);
        assert_eq!(q(12.5, Unit::Tonne, Period::Year), "12,5 t/an");
        assert_eq!(q(2.0, Unit::MegawattHour, Period::Week), "2 MWh/semaine");
        assert_eq!(q(3.0, Unit::Unit, Period::Once), "3 u (une fois)");
        assert_eq!(q(500.0, Unit::Kilowatt, Period::Year), "500 kW");
        let en = Quantity::new(1500.0, Unit::CubicMetre, Period::Month).text(Lang::En, Reading);
        assert_eq!(en, "1,500 m³/month");
    }

    #[test]
    fn conversions_to_annual_base() {
        let q = Quantity::new(500.0, Unit::Kilogram, Period::Month);
        assert!((q.annual_base() - 6.0).abs() < 1e-9);
        let e = Quantity::new(2000.0, Unit::KilowattHour, Period::Week);
        assert!((e.annual_base() - 104.0).abs() < 1e-9);
        let p = Quantity::new(300.0, Unit::Kilowatt, Period::Year);
        assert_eq!(p.annual_base(), 300.0);
        let d = Quantity::new(2.0, Unit::CubicMetre, Period::Day);
        assert_eq!(d.annual_base(), 500.0);
    }

    #[test]
    fn comparability() {
        let t = Quantity::new(1.0, Unit::Tonne, Period::Year);
        let kg = Quantity::new(1.0, Unit::Kilogram, Period::Day);
        let m3 = Quantity::new(1.0, Unit::CubicMetre, Period::Year);
        let once = Quantity::new(1.0, Unit::Tonne, Period::Once);
        assert!(t.comparable(&kg));
        assert!(!t.comparable(&m3));
        assert!(!t.comparable(&once));
    }
}
