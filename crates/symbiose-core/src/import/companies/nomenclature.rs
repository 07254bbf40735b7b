//! SIRENE's `nomenclatureActivitePrincipaleEtablissement` column: which classification a row's
//! activity code (`activitePrincipaleEtablissement`) is written in.
//!
//! Only a NAF rév. 2 code goes into a company's NAF field: the knowledge base, the detection
//! (by NACE division and class) and the map's section colours read that field as rév. 2. The
//! older classifications and NAF 2025 (NACE Rev. 2.1, SIRENE's APE codes from 2027) write codes
//! of the same look, `NN.NNL` or `NN.NN`, with other meanings: `10.71C` read as rév. 2 would be
//! a bakery whatever the file meant. So such a code is never looked up in the rév. 2 table.

use std::fmt;

use crate::refdata::text::fold;
use crate::{Bilingual, Lang, UserMessage, bilingual};

/// The column's header, folded as `columns` folds headers.
pub(super) const COLUMN: &str = "nomenclatureactiviteprincipaleetablissement";

/// The classification of a row's activity code when it is not NAF rév. 2, as the column
/// names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OtherNomenclature {
    /// `NAFRev1`: NAF rév. 1 (2003 to 2007).
    NafRev1,
    /// `NAF1993`: the first NAF (1993 to 2002).
    Naf1993,
    /// `NAP` in the stock files (`NAPv2`, a spelling met elsewhere, reads the same): the NAP of
    /// 1973, used before 1993.
    Nap,
    /// `NAF2025`: NAF 2025, SIRENE's APE classification from 1 January 2027.
    Naf2025,
    /// Any other value, as written (empty when the cell is): not guessed.
    Unknown(String),
}

impl OtherNomenclature {
    /// Reads a cell of the column: `None` for NAF rév. 2 (`NAFRev2`). Case, accents, spaces and
    /// dots are ignored (`NAF rév. 2` reads as `NAFRev2`), nothing else: a value not listed is
    /// `Unknown`.
    pub fn read(value: &str) -> Option<Self> {
        let key: String = fold(value)
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        Some(match key.as_str() {
            "nafrev2" => return None,
            "nafrev1" => Self::NafRev1,
            "naf1993" => Self::Naf1993,
            "nap" | "napv2" => Self::Nap,
            "naf2025" => Self::Naf2025,
            _ => Self::Unknown(value.trim().to_string()),
        })
    }

    /// The value as SIRENE writes it, for the company's notes.
    fn token(&self) -> &str {
        match self {
            Self::NafRev1 => "NAFRev1",
            Self::Naf1993 => "NAF1993",
            Self::Nap => "NAP",
            Self::Naf2025 => "NAF2025",
            Self::Unknown(v) => v,
        }
    }
}

/// A row's activity code, read according to its nomenclature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Activity {
    None,
    /// A NAF rév. 2 code (normalised, `10.71C`), for the company's NAF field.
    Rev2(String),
    NotRev2(NafNotRev2),
}

/// `code` as the file gives it; `nomenclature` the row's cell, `None` when the file has no
/// such column (the template, an older or trimmed export): then codes are read as rév. 2, as
/// they always were. A blank cell next to a code is not read as rév. 2: SIRENE leaves the cell
/// blank only when there is no code, so the code was added by hand, and one copied from a
/// company's papers from 2027 on is a NAF 2025 code.
pub(super) fn activity(code: &str, nomenclature: Option<&str>) -> Activity {
    let code = code.trim();
    if code.is_empty() {
        return Activity::None;
    }
    match nomenclature.and_then(OtherNomenclature::read) {
        None => Activity::Rev2(crate::refdata::naf::normalise(code)),
        Some(nomenclature) => Activity::NotRev2(NafNotRev2 {
            nomenclature,
            code: code.to_string(),
        }),
    }
}

/// An activity code that is not NAF rév. 2: the company is imported with the code in its
/// notes and its NAF field empty, and the row carries this warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NafNotRev2 {
    pub nomenclature: OtherNomenclature,
    /// As written in the file (trimmed).
    pub code: String,
}

impl NafNotRev2 {
    /// The line written in the company's notes. The notes are free text that nothing reads as
    /// a NAF code, so the code stays in sight of the facilitator (who can pick its rév. 2
    /// equivalent) without being used as one. In SIRENE's own words (`NAF1993`), which read
    /// the same in French and English, as the file's columns do.
    pub fn note(&self) -> String {
        match self.nomenclature.token() {
            "" => format!("SIRENE APE {}", self.code),
            token => format!("SIRENE APE {} ({token})", self.code),
        }
    }
}

impl UserMessage for NafNotRev2 {
    fn message(&self) -> Bilingual {
        let code = &self.code;
        let unusable = |l: Lang| -> String {
            bilingual!(
                in l,
                "gardé dans les notes, mais la base de connaissances ne peut pas s'en servir tant qu'un code NAF rév. 2 n'est pas saisi",
                "kept in the notes, but the knowledge base cannot use it until a NAF rev. 2 code is entered"
            )
        };
        Bilingual::from_fn(|l| {
            let older = |name: &str| -> String {
                bilingual!(
                    in l,
                    "code d'activité « {code} » en {name}, nomenclature antérieure à la NAF rév. 2 : {}",
                    "activity code \"{code}\" in {name}, a nomenclature older than NAF rev. 2: {}",
                    unusable(l)
                )
            };
            match &self.nomenclature {
                OtherNomenclature::NafRev1 => older(l.pick("NAF rév. 1", "NAF rev. 1")),
                OtherNomenclature::Naf1993 => older("NAF 1993"),
                OtherNomenclature::Nap => older("NAP 1973"),
                OtherNomenclature::Naf2025 => bilingual!(
                    in l,
                    "code d'activité « {code} » en NAF 2025, qui n'est pas la NAF rév. 2 : {}",
                    "activity code \"{code}\" in NAF 2025, which is not NAF rev. 2: {}",
                    unusable(l)
                ),
                OtherNomenclature::Unknown(v) if v.is_empty() => bilingual!(
                    in l,
                    "code d'activité « {code} » sans nomenclature (colonne nomenclatureActivitePrincipaleEtablissement vide), pas lu comme NAF rév. 2 : {}",
                    "activity code \"{code}\" with no nomenclature (column nomenclatureActivitePrincipaleEtablissement empty), not read as NAF rev. 2: {}",
                    unusable(l)
                ),
                OtherNomenclature::Unknown(v) => bilingual!(
                    in l,
                    "code d'activité « {code} » en nomenclature « {v} » inconnue (colonne nomenclatureActivitePrincipaleEtablissement), pas lu comme NAF rév. 2 : {}",
                    "activity code \"{code}\" in an unknown nomenclature \"{v}\" (column nomenclatureActivitePrincipaleEtablissement), not read as NAF rev. 2: {}",
                    unusable(l)
                ),
            }
        })
    }
}

impl fmt::Display for NafNotRev2 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_in(Lang::En))
    }
}

#[cfg(test)]
mod tests;
