//! One row of a company file: its SIRET, NAF code, name, address and position checked and
//! turned into an actor, a skip (closed, already present) or an error naming its column.

use super::nomenclature::{Activity, NafNotRev2, activity};
use super::{Columns, CsvFormat, RowOutcome, Seen};
use crate::model::{Actor, ActorId, HeadcountBand, Position, Siret};
use crate::numbers::parse_decimal as decimal;
use crate::refdata::{communes, naf};
use crate::{Bilingual, UserMessage, bilingual};

pub(super) fn row(
    format: CsvFormat,
    cols: &Columns,
    r: &csv::StringRecord,
    line: usize,
    seen: &mut Seen,
) -> RowOutcome {
    let err = |column: &str, message: Bilingual| RowOutcome::Error {
        line,
        column: column.into(),
        message,
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
                return err(
                    "siret",
                    bilingual!(
                        |l| "ligne {line}, colonne siret : {}",
                        "line {line}, column siret: {}",
                        e.message().get(l)
                    ),
                );
            }
        },
    };
    if let Some(s) = &siret
        && !seen.sirets.insert(s.as_str().to_string())
    {
        return RowOutcome::Skipped {
            line,
            reason: bilingual!(
                |l| "SIRET {} déjà présent",
                "SIRET {} already present",
                s.spaced()
            ),
        };
    }
    let nomenclature = cols
        .has("nomenclature")
        .then(|| cols.get(r, "nomenclature"));
    let (naf_code, naf_not_rev2) = match activity(cols.get(r, "naf"), nomenclature) {
        Activity::None => (None, None),
        Activity::Rev2(code) => {
            if naf::lookup(&code).is_none() {
                warnings.push(Bilingual::new(
                    format!("code NAF « {code} » inconnu, gardé"),
                    format!("unknown NAF code \"{code}\", kept"),
                ));
            }
            (Some(code), None)
        }
        Activity::NotRev2(other) => {
            warnings.push(other.message());
            (None, Some(other))
        }
    };
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
                    bilingual!(
                        |l| "ligne {line}, colonne nom : le nom est obligatoire",
                        "line {line}, column name: the name is required"
                    ),
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
    let commune = *seen
        .communes
        .entry(commune_field.clone())
        .or_insert_with(|| {
            communes::lookup(&commune_field).or_else(|| {
                communes::search(&commune_field, 1).into_iter().find(|c| {
                    crate::refdata::text::fold(&c.name)
                        == crate::refdata::text::fold(&commune_field)
                })
            })
        });
    let position = match (decimal(cols.get(r, "lat")), decimal(cols.get(r, "lon"))) {
        (Some(lat), Some(lon)) => {
            let p = Position::new(lat, lon);
            if !p.is_valid() {
                return err(
                    "lat",
                    bilingual!(
                        |l| "ligne {line}, colonnes lat/lon : position hors limites",
                        "line {line}, columns lat/lon: position out of range"
                    ),
                );
            }
            Some(p)
        }
        (None, None) if cols.get(r, "lat").is_empty() && cols.get(r, "lon").is_empty() => commune
            .map(|c| {
                warnings.push(bilingual!(
                    |l| "placée au centre de {}",
                    "placed at the centre of {}",
                    c.name
                ));
                c.position
            }),
        _ => {
            return err(
                "lat",
                bilingual!(
                    |l| "ligne {line}, colonnes lat/lon : nombres attendus (ex. 42,6166)",
                    "line {line}, columns lat/lon: numbers expected (e.g. 42.6166)"
                ),
            );
        }
    };
    if position.is_none() {
        warnings.push(Bilingual::new(
            "sans position : à placer sur la carte",
            "no position: place it on the map",
        ));
    }
    let id = ActorId::new(format!("a-{}", seen.next_id));
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
        // Not the NAF field: see `NafNotRev2::note`.
        notes: naf_not_rev2
            .as_ref()
            .map(NafNotRev2::note)
            .unwrap_or_default(),
        ..Default::default()
    };
    // The record rules every company follows (name and address lengths...): a row that breaks
    // one is an error here, named by its column, rather than a refusal of the whole import.
    let mut report = crate::validate::Report::default();
    crate::validate::rules::actor(&actor, "", &mut report);
    if let Some(problem) = report.errors.first() {
        let field = problem.path.trim_start_matches('.');
        let column = field.split(['.', '[']).next().unwrap_or(field);
        return err(
            column,
            bilingual!(
                |l| "ligne {line}, colonne {column} : {}",
                "line {line}, column {column}: {}",
                problem.message.get(l)
            ),
        );
    }
    seen.next_id = seen.next_id.saturating_add(1);
    seen.naf_not_rev2 += usize::from(naf_not_rev2.is_some());
    RowOutcome::Ready {
        line,
        actor,
        warnings,
    }
}
