//! Which company of the project a row's flow belongs to: by SIRET first, else by name.
//!
//! Names are compared whole, after folding case and accents and dropping punctuation
//! (`SCIERIE ORSINI & FILS` is `Scierie Orsini & Fils`, `Scierie Orsini et Fils` is not):
//! close names are not guessed, since a flow put on the wrong company is worse than a row to
//! correct. A name two companies share asks for the SIRET.

use std::collections::HashMap;

use crate::model::{Actor, ActorId, Project, Siret};
use crate::refdata::text::fold;
use crate::{Bilingual, UserMessage, bilingual};

/// A company name as compared: folded, letters and digits only, single spaces.
pub(crate) fn name_key(name: &str) -> String {
    fold(name)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The project's companies, indexed by SIRET and by name once, so a row costs the same at the
/// thousandth row as at the first.
pub(super) struct Companies {
    actors: Vec<(ActorId, String, Option<Siret>)>,
    by_siret: HashMap<String, usize>,
    by_name: HashMap<String, Vec<usize>>,
}

/// A row's company, found.
pub(super) struct Found {
    pub id: ActorId,
    pub name: String,
    /// Something the facilitator should check (matched by name despite a SIRET, names that
    /// differ).
    pub warning: Option<Bilingual>,
}

/// Why no company was found, and which column to look at.
pub(super) enum NotFound {
    /// The SIRET cell is not a SIRET.
    BadSiret(Bilingual),
    /// Neither cell is filled.
    Missing,
    /// No company has this SIRET (nor, if given, this name).
    Unknown { siret: Option<String>, name: String },
    /// Several companies have this name and no SIRET settles it.
    Ambiguous { name: String, count: usize },
    /// The SIRET is not in the project, and the company of that name has another one.
    OtherSiret {
        siret: String,
        name: String,
        theirs: String,
    },
}

impl Companies {
    pub fn new(project: &Project) -> Self {
        let actors: Vec<_> = project
            .actors
            .iter()
            .map(|a: &Actor| (a.id.clone(), a.name.clone(), a.siret.clone()))
            .collect();
        let mut by_siret = HashMap::new();
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (_, name, siret)) in actors.iter().enumerate() {
            if let Some(s) = siret {
                by_siret.entry(s.as_str().to_string()).or_insert(i);
            }
            by_name.entry(name_key(name)).or_default().push(i);
        }
        Self {
            actors,
            by_siret,
            by_name,
        }
    }

    fn found(&self, i: usize, warning: Option<Bilingual>) -> Found {
        let (id, name, _) = &self.actors[i];
        Found {
            id: id.clone(),
            name: name.clone(),
            warning,
        }
    }

    /// The company a row names by `siret` and `name` (trimmed cells, either may be empty).
    pub fn find(&self, siret: &str, name: &str) -> Result<Found, NotFound> {
        let by_name = || {
            self.by_name
                .get(&name_key(name))
                .map_or(&[][..], Vec::as_slice)
        };
        if siret.is_empty() {
            if name.is_empty() {
                return Err(NotFound::Missing);
            }
            return match by_name() {
                [] => Err(NotFound::Unknown {
                    siret: None,
                    name: name.to_string(),
                }),
                [i] => Ok(self.found(*i, None)),
                several => Err(NotFound::Ambiguous {
                    name: name.to_string(),
                    count: several.len(),
                }),
            };
        }
        let siret = read_siret(siret).map_err(NotFound::BadSiret)?;
        if let Some(&i) = self.by_siret.get(siret.as_str()) {
            let theirs = &self.actors[i].1;
            let warning = (!name.is_empty() && name_key(name) != name_key(theirs)).then(|| {
                bilingual!(
                    |l| "le nom « {name} » diffère de celui de l'entreprise au SIRET {} (« {theirs} ») : rattaché par le SIRET",
                    "the name \"{name}\" differs from that of the company with SIRET {} (\"{theirs}\"): matched by SIRET",
                    siret.spaced()
                )
            });
            return Ok(self.found(i, warning));
        }
        let unknown = || NotFound::Unknown {
            siret: Some(siret.spaced()),
            name: name.to_string(),
        };
        if name.is_empty() {
            return Err(unknown());
        }
        match by_name() {
            [] => Err(unknown()),
            [i] => match &self.actors[*i].2 {
                Some(theirs) => Err(NotFound::OtherSiret {
                    siret: siret.spaced(),
                    name: self.actors[*i].1.clone(),
                    theirs: theirs.spaced(),
                }),
                None => {
                    let warning = bilingual!(
                        |l| "SIRET {} absent du projet : rattaché par le nom à « {} », qui n'a pas de SIRET (ajoutez-le sur sa fiche)",
                        "SIRET {} not in the project: matched by name to \"{}\", which has no SIRET (add it on its sheet)",
                        siret.spaced(),
                        self.actors[*i].1
                    );
                    Ok(self.found(*i, Some(warning)))
                }
            },
            several => Err(NotFound::Ambiguous {
                name: name.to_string(),
                count: several.len(),
            }),
        }
    }
}

/// A SIRET cell: 14 digits, spaces allowed, Luhn-checked by [`Siret`]. A spreadsheet that
/// took the SIRET for a number drops its leading zeros: 12 or 13 digits are read with them put
/// back when the result passes the check.
fn read_siret(cell: &str) -> Result<Siret, Bilingual> {
    let parsed = Siret::parse(cell);
    if parsed.is_err() {
        let digits: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
        if (12..14).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && let Ok(s) = Siret::parse(&format!("{digits:0>14}"))
        {
            return Ok(s);
        }
    }
    parsed.map_err(|e| e.message())
}

impl NotFound {
    /// The message, without the line and column (the caller adds them).
    pub fn message(&self) -> Bilingual {
        match self {
            Self::BadSiret(m) => m.clone(),
            Self::Missing => Bilingual::new(
                "entreprise manquante : donnez son SIRET ou son nom",
                "company missing: give its SIRET or its name",
            ),
            Self::Unknown {
                siret: Some(siret),
                name,
            } if !name.is_empty() => bilingual!(
                |l| "aucune entreprise du projet n'a le SIRET {siret} ni le nom « {name} » : ajoutez ou importez d'abord l'entreprise",
                "no company of the project has SIRET {siret} or the name \"{name}\": add or import the company first"
            ),
            Self::Unknown {
                siret: Some(siret), ..
            } => bilingual!(
                |l| "aucune entreprise du projet n'a le SIRET {siret} : ajoutez ou importez d'abord l'entreprise",
                "no company of the project has SIRET {siret}: add or import the company first"
            ),
            Self::Unknown { name, .. } => bilingual!(
                |l| "aucune entreprise du projet ne s'appelle « {name} » : vérifiez le nom ou donnez le SIRET",
                "no company of the project is called \"{name}\": check the name or give the SIRET"
            ),
            Self::Ambiguous { name, count } => bilingual!(
                |l| "{count} entreprises du projet s'appellent « {name} » : donnez le SIRET pour choisir",
                "{count} companies of the project are called \"{name}\": give the SIRET to choose"
            ),
            Self::OtherSiret {
                siret,
                name,
                theirs,
            } => bilingual!(
                |l| "SIRET {siret} absent du projet, et « {name} » y a le SIRET {theirs} : corrigez l'un ou l'autre",
                "SIRET {siret} not in the project, and \"{name}\" has SIRET {theirs} there: correct one or the other"
            ),
        }
    }
}
