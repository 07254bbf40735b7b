//! Emission factors, each with its exact source, from `data/emission_factors_fr.csv`.
//!
//! Detection and indicators only use the few factors named by [`FactorKey`]; the table stays
//! a plain editable list so the app can show it, and a user can correct a value (the source
//! then says it was edited). Waste-treatment "impacts" are deliberately NOT given keys: they
//! cover the treatment only, and subtracting two of them (landfill − recycling) gives
//! misleading "avoided" figures (see the reference-data README).

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

use crate::{Bilingual, bilingual};

/// One row of the factor table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmissionFactor {
    pub category: String,
    pub name: String,
    pub value: f64,
    /// `kgCO2e/kWh`, `kgCO2e/l`, `kgCO2e/t.km`, `kgCO2e/m3`, `kgCO2e/kg`.
    pub unit: String,
    pub source: String,
    pub note: String,
}

/// The factors the engine uses, by meaning. Each maps to one row name of the bundled table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FactorKey {
    ElectricityMainland,
    ElectricityCorsica,
    NaturalGas,
    HeatNetwork,
    FuelOilKwh,
    Lpg,
    WoodPellets,
    /// Road freight by rigid truck, for short trips between neighbouring firms.
    FreightRigid19t,
    FreightArticulated40tRegional,
    TapWater,
}

impl FactorKey {
    pub const ALL: [FactorKey; 10] = [
        Self::ElectricityMainland,
        Self::ElectricityCorsica,
        Self::NaturalGas,
        Self::HeatNetwork,
        Self::FuelOilKwh,
        Self::Lpg,
        Self::WoodPellets,
        Self::FreightRigid19t,
        Self::FreightArticulated40tRegional,
        Self::TapWater,
    ];

    /// The `name` column of the row this key stands for.
    fn row_name(self) -> &'static str {
        match self {
            Self::ElectricityMainland => {
                "Électricité France continentale – mix moyen consommation (lissé 2021-2024)"
            }
            Self::ElectricityCorsica => "Électricité consommée en Corse (ZNI)",
            Self::NaturalGas => "Gaz naturel réseau – mix moyen consommation (kWh PCS)",
            Self::HeatNetwork => "Réseau de chaleur – moyenne France",
            Self::FuelOilKwh => "Fioul domestique (kWh PCI)",
            Self::Lpg => "GPL (kWh)",
            Self::WoodPellets => "Granulés bois (kWh)",
            Self::FreightRigid19t => "Porteur 19 t PTAC – messagerie",
            Self::FreightArticulated40tRegional => {
                "Ensemble articulé 40 t PTRA – marchandises diverses régional"
            }
            Self::TapWater => "Eau potable + traitement eaux usées",
        }
    }

    /// Fuels burnt in a boiler: a kWh of heat they deliver takes more than a kWh of fuel.
    /// A heat network's and electricity's factors are per kWh delivered already.
    pub fn is_boiler_fuel(self) -> bool {
        matches!(
            self,
            Self::NaturalGas | Self::FuelOilKwh | Self::Lpg | Self::WoodPellets
        )
    }

    /// Higher over lower heating value (PCS/PCI) of a factor given per kWh PCS, to turn it into
    /// a factor per kWh PCI, the basis boiler efficiencies are given on. Natural gas: 1.111, the
    /// ratio the factor table's note uses. The other fuel rows are per kWh PCI already.
    pub fn pcs_per_pci(self) -> Option<f64> {
        match self {
            Self::NaturalGas => Some(1.111),
            _ => None,
        }
    }

    /// The fuels a recovered heat may replace, as offered in the assumptions panel.
    pub const HEAT_FUELS: [FactorKey; 6] = [
        Self::NaturalGas,
        Self::FuelOilKwh,
        Self::Lpg,
        Self::WoodPellets,
        Self::HeatNetwork,
        Self::ElectricityMainland,
    ];
    pub const ELECTRICITY: [FactorKey; 2] = [Self::ElectricityMainland, Self::ElectricityCorsica];
    pub const FREIGHT: [FactorKey; 2] =
        [Self::FreightRigid19t, Self::FreightArticulated40tRegional];
}

crate::labels!(FactorKey {
    ElectricityMainland => "Électricité, France continentale", "Electricity, mainland France";
    ElectricityCorsica => "Électricité, Corse (zone non interconnectée)", "Electricity, Corsica (non-interconnected zone)";
    NaturalGas => "Gaz naturel (réseau)", "Natural gas (grid)";
    HeatNetwork => "Réseau de chaleur", "Heat network";
    FuelOilKwh => "Fioul domestique", "Heating oil";
    Lpg => "GPL", "LPG";
    WoodPellets => "Granulés de bois", "Wood pellets";
    FreightRigid19t => "Porteur 19 t (trajets courts, chargement partiel)", "19 t rigid truck (short trips, part loads)";
    FreightArticulated40tRegional => "Semi-remorque 40 t, régional", "40 t articulated truck, regional";
    TapWater => "Eau du réseau (potable + assainissement)", "Mains water (supply + treatment)";
});

/// The factor table: bundled by default, editable by the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Factors {
    pub rows: Vec<EmissionFactor>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FactorError {
    #[error("factor \"{0}\" missing from the table")]
    Missing(String),
    #[error("unreadable factor table, line {line}: {message}")]
    Csv { line: u64, message: String },
}

/// The English message is the `Display` form.
impl crate::UserMessage for FactorError {
    fn message(&self) -> Bilingual {
        let fr = match self {
            Self::Missing(name) => format!("facteur « {name} » absent de la table"),
            Self::Csv { line, message } => {
                format!("table des facteurs illisible, ligne {line} : {message}")
            }
        };
        Bilingual::new(fr, self.to_string())
    }
}

impl Factors {
    /// The bundled table, parsed once.
    pub fn bundled() -> &'static Factors {
        static TABLE: OnceLock<Factors> = OnceLock::new();
        TABLE.get_or_init(|| {
            Factors::from_csv(include_str!("../data/emission_factors_fr.csv"))
                .expect("bundled emission_factors_fr.csv is valid (checked by tests)")
        })
    }

    /// Parses a table with the bundled file's columns and checks every key has its row.
    pub fn from_csv(text: &str) -> Result<Factors, FactorError> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut rows = Vec::new();
        for row in reader.deserialize() {
            let row: EmissionFactor = row.map_err(|e| FactorError::Csv {
                line: e.position().map_or(0, |p| p.line()),
                message: e.to_string(),
            })?;
            rows.push(row);
        }
        let factors = Factors { rows };
        for key in FactorKey::ALL {
            factors.try_get(key)?;
        }
        Ok(factors)
    }

    pub fn try_get(&self, key: FactorKey) -> Result<&EmissionFactor, FactorError> {
        self.rows
            .iter()
            .find(|r| r.name == key.row_name())
            .ok_or_else(|| FactorError::Missing(key.row_name().to_string()))
    }

    /// The row for a key. Tables built by [`Factors::from_csv`] always have every key.
    pub fn get(&self, key: FactorKey) -> &EmissionFactor {
        self.try_get(key)
            .unwrap_or_else(|_| Factors::bundled().get(key))
    }

    /// Replaces a value (the user corrects a factor); the source records the edit.
    pub fn set_value(&mut self, key: FactorKey, value: f64) {
        let name = key.row_name();
        if let Some(row) = self.rows.iter_mut().find(|r| r.name == name) {
            row.value = value;
            if !row.source.starts_with(EDITED) {
                row.source = format!("{EDITED}{}", row.source);
            }
        }
    }
}

impl EmissionFactor {
    /// `Granulés bois (kWh) : 0,032 kgCO2e/kWh (source : …)`, the citation shown next to a
    /// figure: the value with every digit the table has, in the reader's notation, and the
    /// source as [`EmissionFactor::source_in`] words it.
    pub fn citation(&self) -> Bilingual {
        bilingual!(
            |l| "{} : {} {} (source : {})",
            "{}: {} {} (source: {})",
            self.name,
            crate::numbers::number(self.value, l, crate::numbers::Precision::Exact),
            self.unit,
            self.source_in(l)
        )
    }

    /// The source in words a funder reads, in `lang`. The table keeps where each figure was
    /// taken from as it was taken (a package's file and the rule's name in it, or how a figure
    /// was derived, in English); a screen or a report says the same in the reader's language.
    /// A source the wording does not know is shown as it is.
    pub fn source_in(&self, lang: crate::Lang) -> String {
        readable_source(&self.source, lang)
    }
}

/// The wording of [`EmissionFactor::source_in`].
fn readable_source(source: &str, lang: crate::Lang) -> String {
    use crate::Lang;
    if let Some(rest) = source.strip_prefix(EDITED) {
        let edited = lang.pick("[modifié par l'utilisateur]", "[edited by the user]");
        return format!("{edited} {}", readable_source(rest, lang));
    }
    if source.contains("nosgestesclimat") {
        // "npm @incubateur-ademe/nosgestesclimat@4.10.2 public/….json (MIT); rule: a . b",
        // "npm …@3.4.0 rule a . b", "nosgestesclimat rule a . b (doc page)".
        let version = source
            .split_once("nosgestesclimat@")
            .and_then(|(_, v)| v.split_whitespace().next())
            .map(|v| format!(" {v}"))
            .unwrap_or_default();
        let rule = source
            .split_once("rule: ")
            .or_else(|| source.split_once("rule "))
            .map(|(_, r)| r.trim_end_matches("(doc page)").trim());
        return match (rule, lang) {
            (Some(r), Lang::Fr) => format!("Nos Gestes Climat (ADEME){version}, règle « {r} »"),
            (Some(r), Lang::En) => format!("Nos Gestes Climat (ADEME){version}, rule “{r}”"),
            (None, _) => format!("Nos Gestes Climat (ADEME){version}"),
        };
    }
    if source == DERIVED_FREIGHT {
        return lang
            .pick(
                "calculé d'après la consommation et le chargement de l'arrêté du 10 avril 2012, annexe II (valeurs de niveau 1, retours à vide compris) × gazole 3,17 kgCO2e/l (arrêté du 26 avril 2017)",
                "derived from the consumption and load of the arrêté of 10 April 2012, annex II (level-1 values, empty trips included) × diesel 3.17 kgCO2e/l (arrêté of 26 April 2017)",
            )
            .to_string();
    }
    if let Some(rest) = source.strip_suffix(" (stored page)") {
        return format!("{rest} ({})", lang.pick("page archivée", "stored page"));
    }
    source.to_string()
}

/// How an edited factor's source begins (`Factors::set_value`).
const EDITED: &str = "[modifié par l'utilisateur / edited by the user] ";

/// The source of the freight factors derived from a lorry's consumption and load.
const DERIVED_FREIGHT: &str = "DERIVED: consumption & load from Arrêté du 10 avril 2012 annexe II (valeurs de niveau 1, load includes empty trips) x gazole 3.17 kgCO2e/l (arrêté 2017)";

#[cfg(test)]
mod tests {
    use super::*;

    /// Every source of the bundled table reads in the reader's language: no package path, no
    /// rule's English label, no "DERIVED", and French figures with a decimal comma.
    #[test]
    fn citations_read_in_the_reader_s_language() {
        let f = Factors::bundled();
        for row in &f.rows {
            let c = row.citation();
            for text in [&c.fr, &c.en] {
                assert!(
                    !["npm", "rule:", "DERIVED", ".json", "(MIT)"]
                        .iter()
                        .any(|w| text.contains(w)),
                    "{text}"
                );
            }
            assert!(
                !c.fr.contains("(stored page)") && !c.fr.contains(" x gazole"),
                "{}",
                c.fr
            );
        }
        let gas = f.get(FactorKey::NaturalGas).citation();
        assert_eq!(
            gas.fr,
            "Gaz naturel réseau – mix moyen consommation (kWh PCS) : 0,215 kgCO2e/kWh (source : Nos Gestes Climat (ADEME) 4.10.2, règle « logement . chauffage . gaz . intensité carbone »)"
        );
        assert_eq!(
            gas.en,
            "Gaz naturel réseau – mix moyen consommation (kWh PCS): 0.215 kgCO2e/kWh (source: Nos Gestes Climat (ADEME) 4.10.2, rule “logement . chauffage . gaz . intensité carbone”)"
        );
        let mut edited = f.clone();
        edited.set_value(FactorKey::NaturalGas, 0.2);
        assert!(edited.get(FactorKey::NaturalGas).citation().fr.contains(
            "0,2 kgCO2e/kWh (source : [modifié par l'utilisateur] Nos Gestes Climat (ADEME) 4.10.2"
        ));
    }

    #[test]
    fn bundled_table_has_every_key_with_a_source() {
        let f = Factors::bundled();
        assert_eq!(f.rows.len(), 53);
        for key in FactorKey::ALL {
            let row = f.get(key);
            assert!(row.value > 0.0, "{key:?}");
            assert!(!row.source.is_empty(), "{key:?}");
        }
        assert_eq!(f.get(FactorKey::ElectricityCorsica).value, 0.59);
        // Corrected 2026-12-01: per kWh PCI, as the source gives it (was ×1.111 the wrong way).
        assert_eq!(f.get(FactorKey::FuelOilKwh).value, 0.323);
        assert_eq!(f.get(FactorKey::FreightRigid19t).unit, "kgCO2e/t.km");
    }

    #[test]
    fn editing_a_value_marks_the_source() {
        let mut f = Factors::bundled().clone();
        f.set_value(FactorKey::NaturalGas, 0.2);
        assert_eq!(f.get(FactorKey::NaturalGas).value, 0.2);
        assert!(f.get(FactorKey::NaturalGas).source.contains("edited"));
        assert!(
            f.get(FactorKey::NaturalGas)
                .citation()
                .en
                .contains("0.2 kgCO2e/kWh")
        );
    }

    #[test]
    fn a_table_missing_a_key_is_rejected() {
        let text = "category,name,value,unit,source,note\nenergy,X,1,kgCO2e/kWh,s,\n";
        assert!(matches!(
            Factors::from_csv(text),
            Err(FactorError::Missing(_))
        ));
    }
}
