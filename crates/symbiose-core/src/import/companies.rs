//! Companies from a CSV file: INSEE's SIRENE `StockEtablissement` export, or the simple
//! template (`nom;siret;naf;adresse;commune;lat;lon`, English headers accepted).
//!
//! Each row becomes a ready actor (with warnings), a skipped row (closed establishment, SIRET
//! already in the project or earlier in the file) or an error naming its line and column.
//! Positions come from the file's lat/lon, else from the commune's centroid when the commune is
//! bundled (Corsica); the app lets the user place the others.

use std::collections::{HashMap, HashSet};

use super::decode::{decode, sniff_separator};
use crate::model::{Actor, ActorId, HeadcountBand, Position, Project, Siret};
use crate::refdata::{communes, naf};
use crate::{Bilingual, Lang};

/// The downloadable template, with two fictional example rows.
pub const TEMPLATE_CSV: &str = include_str!("../../data/template_entreprises.csv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvFormat {
    Sirene,
    Template,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowOutcome {
    Ready {
        line: usize,
        actor: Actor,
        warnings: Vec<Bilingual>,
    },
    Skipped {
        line: usize,
        reason: Bilingual,
    },
    Error {
        line: usize,
        column: String,
        message: Bilingual,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub format: CsvFormat,
    pub rows: Vec<RowOutcome>,
}

impl ImportPreview {
    pub fn ready(&self) -> Vec<Actor> {
        self.rows
            .iter()
            .filter_map(|r| {
                if let RowOutcome::Ready { actor, .. } = r {
                    Some(actor.clone())
                } else {
                    None
                }
            })
            .collect()
    }

    pub fn count(&self) -> (usize, usize, usize) {
        self.rows
            .iter()
            .fold((0, 0, 0), |(r, s, e), row| match row {
                RowOutcome::Ready { .. } => (r + 1, s, e),
                RowOutcome::Skipped { .. } => (r, s + 1, e),
                RowOutcome::Error { .. } => (r, s, e + 1),
            })
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("empty file")]
    Empty,
    #[error("unknown columns")]
    UnknownColumns { found: Vec<String> },
    #[error("unreadable CSV at line {line}")]
    Csv { line: usize, detail: String },
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Empty, Lang::Fr) => "Le fichier est vide : aucune ligne d'entreprise.".into(),
            (Self::Empty, Lang::En) => "The file is empty: no company row.".into(),
            (Self::UnknownColumns { found }, Lang::Fr) => format!(
                "Colonnes non reconnues ({}). Attendu : un export SIRENE StockEtablissement (siret, activitePrincipaleEtablissement…) ou le modèle « nom;siret;naf;adresse;commune;lat;lon ».",
                found.join(", ")
            ),
            (Self::UnknownColumns { found }, Lang::En) => format!(
                "Columns not recognised ({}). Expected: a SIRENE StockEtablissement export (siret, activitePrincipaleEtablissement…) or the template \"name;siret;naf;address;commune;lat;lon\".",
                found.join(", ")
            ),
            (Self::Csv { line, detail }, Lang::Fr) => {
                format!("CSV illisible à la ligne {line} : {detail}")
            }
            (Self::Csv { line, detail }, Lang::En) => {
                format!("Unreadable CSV at line {line}: {detail}")
            }
        }
    }
}

/// Column positions by role, from the header.
struct Columns(HashMap<&'static str, usize>);

impl Columns {
    fn get<'a>(&self, row: &'a csv::StringRecord, role: &str) -> &'a str {
        self.0
            .get(role)
            .and_then(|&i| row.get(i))
            .map(str::trim)
            .unwrap_or("")
    }
}

fn columns(header: &csv::StringRecord) -> Option<(CsvFormat, Columns)> {
    let names: Vec<String> = header
        .iter()
        .map(|h| crate::refdata::text::fold(h.trim()))
        .collect();
    let find = |alts: &[&str]| names.iter().position(|n| alts.contains(&n.as_str()));
    let mut map = HashMap::new();
    let format =
        if find(&["activiteprincipaleetablissement"]).is_some() && find(&["siret"]).is_some() {
            for (role, alts) in [
                ("siret", &["siret"][..]),
                ("naf", &["activiteprincipaleetablissement"]),
                ("state", &["etatadministratifetablissement"]),
                ("headcount", &["trancheeffectifsetablissement"]),
                ("denomination", &["denominationusuelleetablissement"]),
                ("sign", &["enseigne1etablissement"]),
                ("number", &["numerovoieetablissement"]),
                ("way_type", &["typevoieetablissement"]),
                ("way", &["libellevoieetablissement"]),
                ("postcode", &["codepostaletablissement"]),
                ("town", &["libellecommuneetablissement"]),
                ("commune", &["codecommuneetablissement"]),
            ] {
                if let Some(i) = find(alts) {
                    map.insert(role, i);
                }
            }
            CsvFormat::Sirene
        } else if find(&["nom", "name", "raison sociale"]).is_some() {
            for (role, alts) in [
                ("name", &["nom", "name", "raison sociale"][..]),
                ("siret", &["siret"]),
                ("naf", &["naf", "code naf", "ape"]),
                ("address", &["adresse", "address"]),
                ("commune", &["commune", "municipality", "ville"]),
                ("lat", &["lat", "latitude"]),
                ("lon", &["lon", "lng", "longitude"]),
            ] {
                if let Some(i) = find(alts) {
                    map.insert(role, i);
                }
            }
            CsvFormat::Template
        } else {
            return None;
        };
    Some((format, Columns(map)))
}

/// French or English decimal (`42,6166` or `42.6166`).
fn decimal(s: &str) -> Option<f64> {
    s.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

pub fn parse(bytes: &[u8], project: &Project) -> Result<ImportPreview, ImportError> {
    let text = decode(bytes);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sniff_separator(&text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| ImportError::Csv {
            line: 1,
            detail: e.to_string(),
        })?
        .clone();
    let (format, cols) = columns(&header).ok_or_else(|| ImportError::UnknownColumns {
        found: header.iter().take(8).map(str::to_string).collect(),
    })?;
    let mut sirets: HashSet<String> = project
        .actors
        .iter()
        .filter_map(|a| a.siret.as_ref().map(|s| s.as_str().to_string()))
        .collect();
    // Fresh ids continue after the project's highest `a-N` (a counter: rescanning every id per
    // row would make a large file quadratic).
    let mut next_id = ActorId::next_free(project.actors.iter().map(|a| &a.id))
        .as_str()
        .trim_start_matches("a-")
        .parse::<u64>()
        .unwrap_or(1);
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        let record = record.map_err(|e| ImportError::Csv {
            line,
            detail: e.to_string(),
        })?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != header.len() {
            rows.push(RowOutcome::Error {
                line,
                column: String::new(),
                message: Bilingual::new(
                    format!(
                        "ligne {line} : {} champs au lieu de {}",
                        record.len(),
                        header.len()
                    ),
                    format!(
                        "line {line}: {} fields instead of {}",
                        record.len(),
                        header.len()
                    ),
                ),
            });
            continue;
        }
        let outcome = row(format, &cols, &record, line, &mut sirets, &mut next_id);
        rows.push(outcome);
    }
    if rows.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(ImportPreview { format, rows })
}

fn row(
    format: CsvFormat,
    cols: &Columns,
    r: &csv::StringRecord,
    line: usize,
    sirets: &mut HashSet<String>,
    next_id: &mut u64,
) -> RowOutcome {
    let err = |column: &str, fr: String, en: String| RowOutcome::Error {
        line,
        column: column.into(),
        message: Bilingual::new(fr, en),
    };
    let mut warnings = Vec::new();
    if format == CsvFormat::Sirene && cols.get(r, "state") == "F" {
        return RowOutcome::Skipped {
            line,
            reason: Bilingual::new(
                "établissement fermé (état administratif F)",
                "closed establishment (administrative state F)",
            ),
        };
    }
    let siret = match cols.get(r, "siret") {
        "" => None,
        s => match Siret::parse(s) {
            Ok(s) => Some(s),
            Err(e) => {
                let text = e.to_string();
                let (fr, en) = text.split_once(" / ").unwrap_or((&text, &text));
                return err(
                    "siret",
                    format!("ligne {line}, colonne siret : {fr}"),
                    format!("line {line}, column siret: {en}"),
                );
            }
        },
    };
    if let Some(s) = &siret
        && !sirets.insert(s.as_str().to_string())
    {
        return RowOutcome::Skipped {
            line,
            reason: Bilingual::new(
                format!("SIRET {} déjà présent", s.spaced()),
                format!("SIRET {} already present", s.spaced()),
            ),
        };
    }
    let naf_code = Some(naf::normalise(cols.get(r, "naf"))).filter(|c| !c.is_empty());
    if let Some(code) = &naf_code
        && naf::lookup(code).is_none()
    {
        warnings.push(Bilingual::new(
            format!("code NAF « {code} » inconnu, gardé"),
            format!("unknown NAF code \"{code}\", kept"),
        ));
    }
    let (name, address, commune_field) = match format {
        CsvFormat::Sirene => {
            let name = [cols.get(r, "denomination"), cols.get(r, "sign")]
                .into_iter()
                .find(|n| !n.is_empty())
                .map(str::to_string);
            let name = name.unwrap_or_else(|| {
                warnings.push(Bilingual::new(
                    "pas de nom dans ce fichier (il est dans le fichier des unités légales) : à compléter",
                    "no name in this file (it is in the legal units file): to be completed",
                ));
                format!("Établissement {}", siret.as_ref().map(Siret::spaced).unwrap_or_default())
            });
            let street = [
                cols.get(r, "number"),
                cols.get(r, "way_type"),
                cols.get(r, "way"),
            ]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
            let town = [cols.get(r, "postcode"), cols.get(r, "town")]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            let address = [street, town]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            (name, address, cols.get(r, "commune").to_string())
        }
        CsvFormat::Template => {
            let name = cols.get(r, "name").to_string();
            if name.is_empty() {
                return err(
                    "nom",
                    format!("ligne {line}, colonne nom : le nom est obligatoire"),
                    format!("line {line}, column name: the name is required"),
                );
            }
            (
                name,
                cols.get(r, "address").to_string(),
                cols.get(r, "commune").to_string(),
            )
        }
    };
    // The commune: an INSEE code, else a bundled commune's exact name.
    let commune = communes::lookup(&commune_field).or_else(|| {
        communes::search(&commune_field, 1).into_iter().find(|c| {
            crate::refdata::text::fold(&c.name) == crate::refdata::text::fold(&commune_field)
        })
    });
    let position = match (decimal(cols.get(r, "lat")), decimal(cols.get(r, "lon"))) {
        (Some(lat), Some(lon)) => {
            let p = Position::new(lat, lon);
            if !p.is_valid() {
                return err(
                    "lat",
                    format!("ligne {line}, colonnes lat/lon : position hors limites"),
                    format!("line {line}, columns lat/lon: position out of range"),
                );
            }
            Some(p)
        }
        (None, None) if cols.get(r, "lat").is_empty() && cols.get(r, "lon").is_empty() => commune
            .map(|c| {
                warnings.push(Bilingual::new(
                    format!("placée au centre de {}", c.name),
                    format!("placed at the centre of {}", c.name),
                ));
                c.position
            }),
        _ => {
            return err(
                "lat",
                format!("ligne {line}, colonnes lat/lon : nombres attendus (ex. 42,6166)"),
                format!("line {line}, columns lat/lon: numbers expected (e.g. 42.6166)"),
            );
        }
    };
    if position.is_none() {
        warnings.push(Bilingual::new(
            "sans position : à placer sur la carte",
            "no position: place it on the map",
        ));
    }
    let id = ActorId::new(format!("a-{next_id}"));
    *next_id += 1;
    let actor = Actor {
        id,
        name,
        siret,
        naf: naf_code,
        headcount: HeadcountBand::from_insee(cols.get(r, "headcount")),
        address,
        commune: commune
            .map(|c| c.insee.clone())
            .or_else(|| Some(commune_field).filter(|c| !c.is_empty())),
        position,
        ..Default::default()
    };
    RowOutcome::Ready {
        line,
        actor,
        warnings,
    }
}

#[cfg(test)]
mod tests;
