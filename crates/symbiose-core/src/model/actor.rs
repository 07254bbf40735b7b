//! Actors: the companies, sites and organisations of the territory.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::ids::ActorId;

/// WGS84 position in decimal degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Position {
    pub lat: f64,
    pub lon: f64,
}

/// The mean Earth radius (IUGG).
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

impl Position {
    pub const fn new(lat: f64, lon: f64) -> Self {
        Self { lat, lon }
    }

    pub fn is_valid(&self) -> bool {
        self.lat.is_finite()
            && self.lon.is_finite()
            && self.lat.abs() <= 90.0
            && self.lon.abs() <= 180.0
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius).
    pub fn distance_km(&self, other: &Position) -> f64 {
        self.distance_km_with(other, self.cos_lat(), other.cos_lat())
    }

    /// The cosine of the latitude, which [`Position::distance_km_with`] takes precomputed.
    pub fn cos_lat(&self) -> f64 {
        self.lat.to_radians().cos()
    }

    /// [`Position::distance_km`] with both latitudes' cosines given: a detection compares one
    /// offer with thousands of needs, and the result is bit for bit the same.
    pub fn distance_km_with(&self, other: &Position, cos_self: f64, cos_other: f64) -> f64 {
        Self::haversine_km(
            (self.lat.to_radians(), self.lon, cos_self),
            (other.lat.to_radians(), other.lon, cos_other),
        )
    }

    /// [`Position::distance_km_with`] from each point's latitude in radians, longitude in
    /// degrees and latitude's cosine: a detection's scan keeps them in its flows' outlines
    /// and measures a distance without reading the flows. The same operations, so the same
    /// bits.
    pub fn haversine_km(a: (f64, f64, f64), b: (f64, f64, f64)) -> f64 {
        let dlat = b.0 - a.0;
        let dlon = (b.1 - a.1).to_radians();
        let h = (dlat / 2.0).sin().powi(2) + a.2 * b.2 * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
    }

    /// A lower bound of [`Position::distance_km`] from the latitudes alone, with no
    /// trigonometry: the distance along a meridian.
    pub fn latitude_km(&self, other: &Position) -> f64 {
        Self::latitude_km_radians(self.lat.to_radians(), other.lat.to_radians())
    }

    /// [`Position::latitude_km`] from two latitudes already in radians.
    pub fn latitude_km_radians(a: f64, b: f64) -> f64 {
        EARTH_RADIUS_KM * (b - a).abs()
    }

    /// The point on the unit sphere, for [`Position::chord_squared`].
    pub fn on_unit_sphere(&self) -> [f64; 3] {
        let (lat, lon) = (self.lat.to_radians(), self.lon.to_radians());
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    }

    /// The squared straight line through the Earth between two points of the unit sphere:
    /// with no trigonometry, it orders and bounds distances (a distance d is within r exactly
    /// when the chord² is within (2 sin(r / 2R))²).
    pub fn chord_squared(a: [f64; 3], b: [f64; 3]) -> f64 {
        (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2) + (a[2] - b[2]).powi(2)
    }
}

/// Headcount bands as INSEE codes them (tranche d'effectifs salariés).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum HeadcountBand {
    /// 0 salaried employees.
    None,
    From1To9,
    From10To49,
    From50To249,
    From250To999,
    Over1000,
}

impl HeadcountBand {
    pub const ALL: [HeadcountBand; 6] = [
        Self::None,
        Self::From1To9,
        Self::From10To49,
        Self::From50To249,
        Self::From250To999,
        Self::Over1000,
    ];

    /// The band for an INSEE `trancheEffectifsEtablissement` code (`NN`, `00`, `01`… `53`).
    pub fn from_insee(code: &str) -> Option<Self> {
        Some(match code.trim() {
            "00" => Self::None,
            "01" | "02" | "03" => Self::From1To9,
            "11" | "12" => Self::From10To49,
            "21" | "22" | "31" => Self::From50To249,
            "32" | "41" => Self::From250To999,
            "42" | "51" | "52" | "53" => Self::Over1000,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::None => "0",
            Self::From1To9 => "1–9",
            Self::From10To49 => "10–49",
            Self::From50To249 => "50–249",
            Self::From250To999 => "250–999",
            Self::Over1000 => "1000+",
        }
    }
}

/// A SIRET: 14 digits identifying a site, Luhn-checked. Its first 9 digits are the SIREN.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "String", into = "String")]
pub struct Siret(String);

#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
pub enum SiretError {
    #[error("a SIRET has 14 digits (read \"{0}\")")]
    Length(String),
    #[error("SIRET \"{0}\": bad check digit (Luhn)")]
    Checksum(String),
}

/// The English message is the `Display` form.
impl crate::UserMessage for SiretError {
    fn message(&self) -> crate::Bilingual {
        let fr = match self {
            Self::Length(read) => format!("le SIRET doit avoir 14 chiffres (lu : « {read} »)"),
            Self::Checksum(siret) => format!("SIRET « {siret} » : clé de contrôle (Luhn) invalide"),
        };
        crate::Bilingual::new(fr, self.to_string())
    }
}

/// La Poste's sites share SIREN 356000000 and do not follow Luhn; INSEE documents the exception:
/// the digit sum of the whole SIRET is a multiple of 5 instead.
const LA_POSTE_SIREN: &str = "356000000";

impl Siret {
    /// Parses a SIRET, ignoring spaces (`552 100 554 00025`).
    pub fn parse(input: &str) -> Result<Self, SiretError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() != 14 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(SiretError::Length(input.trim().to_string()));
        }
        let ok = if digits.starts_with(LA_POSTE_SIREN) {
            digits
                .bytes()
                .map(|b| u32::from(b - b'0'))
                .sum::<u32>()
                .is_multiple_of(5)
        } else {
            luhn_valid(&digits)
        };
        if !ok {
            return Err(SiretError::Checksum(digits));
        }
        Ok(Siret(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The 9-digit company number.
    pub fn siren(&self) -> &str {
        &self.0[..9]
    }

    /// `552 100 554 00025`, as French documents print it.
    pub fn spaced(&self) -> String {
        format!(
            "{} {} {} {}",
            &self.0[..3],
            &self.0[3..6],
            &self.0[6..9],
            &self.0[9..]
        )
    }
}

/// Luhn check over ASCII digits.
pub(crate) fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let dd = d * 2;
                if dd > 9 { dd - 9 } else { dd }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

impl TryFrom<String> for Siret {
    type Error = SiretError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Siret::parse(&s)
    }
}

impl From<Siret> for String {
    fn from(s: Siret) -> String {
        s.0
    }
}

impl fmt::Display for Siret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    pub siret: Option<Siret>,
    /// NAF rév. 2 sub-class, `10.71C`. Unknown codes are kept (with a warning), never dropped.
    pub naf: Option<String>,
    pub headcount: Option<HeadcountBand>,
    pub address: String,
    /// INSEE code of the commune (`2B037`).
    pub commune: Option<String>,
    pub position: Option<Position>,
    pub contact: String,
    pub tags: Vec<String>,
    pub notes: String,
}

impl Actor {
    /// The NAF section letter (`C` for manufacturing), when the code is known to the caller's
    /// reference table; here only the division is read from the code itself.
    pub fn naf_division(&self) -> Option<&str> {
        self.naf
            .as_deref()
            .and_then(|c| c.get(..2))
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siret_luhn_and_siren() {
        // INSEE's own SIRET, published on insee.fr.
        let s = Siret::parse("120 027 016 00019").unwrap();
        assert_eq!(s.siren(), "120027016");
        assert_eq!(s.spaced(), "120 027 016 00019");
        assert!(matches!(
            Siret::parse("12002701600018"),
            Err(SiretError::Checksum(_))
        ));
        assert!(matches!(
            Siret::parse("1200270160001"),
            Err(SiretError::Length(_))
        ));
        assert!(matches!(
            Siret::parse("1200270160001A"),
            Err(SiretError::Length(_))
        ));
    }

    #[test]
    fn la_poste_exception() {
        assert!(Siret::parse("35600000000060").is_ok() && !luhn_valid("35600000000060"));
    }

    #[test]
    fn distance_bastia_biguglia() {
        let bastia = Position::new(42.68641, 9.42503);
        let biguglia = Position::new(42.6166, 9.44083);
        let d = bastia.distance_km(&biguglia);
        assert!((7.0..8.5).contains(&d), "{d}");
    }

    #[test]
    fn headcount_from_insee() {
        assert_eq!(
            HeadcountBand::from_insee("12"),
            Some(HeadcountBand::From10To49)
        );
        assert_eq!(HeadcountBand::from_insee("NN"), None);
    }
}
