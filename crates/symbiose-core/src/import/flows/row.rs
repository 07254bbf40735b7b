//! One row of a flows file: its company found, its cells read, the record rules every flow
//! follows (`validate::rules::flow`) applied, and its verdict: a ready flow (with warnings), a
//! skip (the same flow already in the project or earlier in the file) or an error naming the
//! line and the column.

use std::collections::HashMap;

use super::columns::{Columns, Role};
use super::company::{Companies, NotFound};
use super::{RowOutcome, vocab};
use crate::import::cells::{self, labels_of, optional, unknown};
use crate::import::table::Row;
use crate::model::{
    ActorId, Direction, Family, Flow, FlowId, Period, Project, Quality, Quantity, Unit,
};
use crate::refdata::waste;
use crate::{Bilingual, Lang, bilingual};

type Refusal = cells::Refusal<Role>;

fn refuse(role: Role, message: Bilingual) -> Refusal {
    cells::Refusal(role, message)
}

fn number(cell: &str, role: Role, example: &str) -> Result<Option<f64>, Refusal> {
    cells::number(cell, role, example)
}

/// What the rows read so far have taken: every check is a hash look-up.
pub(super) struct Seen {
    companies: Companies,
    /// A flow's identity (company, direction, label as compared) → the line that brought it,
    /// `None` for a flow already in the project.
    flows: HashMap<(ActorId, Direction, String), Option<usize>>,
    next_id: u64,
}

impl Seen {
    pub fn new(project: &Project) -> Self {
        Self {
            companies: Companies::new(project),
            flows: project
                .flows
                .iter()
                .map(|f| ((f.actor.clone(), f.direction, vocab::key(&f.label)), None))
                .collect(),
            next_id: super::next_flow_number(project),
        }
    }
}

pub(super) fn row(cols: &Columns, r: &Row, seen: &mut Seen) -> RowOutcome {
    let line = r.line;
    let company_cell = match cols.get(r, Role::Company) {
        "" => cols.get(r, Role::Siret),
        name => name,
    };
    let what = [company_cell, cols.get(r, Role::Label)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" — ");
    match read(cols, r, seen) {
        Ok(Read::Ready(flow, company, warnings)) => RowOutcome::Ready {
            line,
            name: {
                let name = format!("{company} — {}", flow.label);
                Bilingual::new(name.clone(), name)
            },
            item: flow,
            warnings,
        },
        Ok(Read::Duplicate(reason)) => RowOutcome::Skipped { line, what, reason },
        Err(cells::Refusal(role, message)) => {
            RowOutcome::error(line, cols.name(role), what, &message)
        }
    }
}

enum Read {
    Ready(Box<Flow>, String, Vec<Bilingual>),
    Duplicate(Bilingual),
}

fn read(cols: &Columns, r: &Row, seen: &mut Seen) -> Result<Read, Refusal> {
    let get = |role| cols.get(r, role);
    let mut warnings = Vec::new();

    let company = seen
        .companies
        .find(get(Role::Siret), get(Role::Company))
        .map_err(|e| {
            let role = match &e {
                NotFound::BadSiret(_) | NotFound::OtherSiret { .. } => Role::Siret,
                NotFound::Unknown { siret: Some(_), .. } => Role::Siret,
                NotFound::Missing if !cols.has(Role::Company) => Role::Siret,
                _ => Role::Company,
            };
            refuse(role, e.message())
        })?;
    warnings.extend(company.warning);

    let direction = match get(Role::Direction) {
        "" => {
            return Err(refuse(
                Role::Direction,
                Bilingual::new(
                    "sens manquant : offre ou besoin",
                    "direction missing: offer or need",
                ),
            ));
        }
        cell => vocab::direction(cell).ok_or_else(|| {
            refuse(
                Role::Direction,
                unknown(cell, labels_of(Direction::VARIANTS, Direction::label)),
            )
        })?,
    };

    let waste_cell = get(Role::WasteCode);
    let family = match get(Role::Family) {
        // A waste code says the family.
        "" if !waste_cell.is_empty() => Family::Waste,
        "" => {
            return Err(refuse(
                Role::Family,
                Bilingual::from_fn(|l| {
                    let choices = labels_of(Family::VARIANTS, Family::label)(l).join(", ");
                    bilingual!(in l, "famille manquante ; attendu : {choices}", "family missing; expected: {choices}")
                }),
            ));
        }
        cell => vocab::family(cell).ok_or_else(|| {
            refuse(
                Role::Family,
                unknown(cell, labels_of(Family::VARIANTS, Family::label)),
            )
        })?,
    };

    let label = get(Role::Label).to_string();
    if label.is_empty() {
        return Err(refuse(
            Role::Label,
            Bilingual::new(
                "libellé manquant : décrivez le flux en quelques mots (ex. « palettes bois cassées »)",
                "label missing: describe the flow in a few words (e.g. \"broken wooden pallets\")",
            ),
        ));
    }

    let category = match get(Role::Category) {
        "" => None,
        cell => Some(vocab::category(cell).ok_or_else(|| {
            refuse(
                Role::Category,
                bilingual!(
                    |l| "catégorie « {cell} » inconnue ; attendu une catégorie de la liste, ex. « {} », « {} », « {} » (docs/FORMAT.md les donne toutes)",
                    "unknown category \"{cell}\"; expected a category of the list, e.g. \"{}\", \"{}\", \"{}\" (docs/FORMAT.md lists them all)",
                    crate::model::ResourceCategory::Wood.label(l),
                    crate::model::ResourceCategory::Heat.label(l),
                    crate::model::ResourceCategory::ProcessWater.label(l)
                ),
            )
        })?),
    };

    let waste_code = match waste_cell {
        "" => None,
        cell => {
            let digits = waste::normalise(cell);
            let only_digits = cell
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_whitespace());
            if digits.len() == 5 && only_digits {
                // A spreadsheet that took `030105` for a number wrote `30105`.
                let code = format!("0{digits}");
                warnings.push(bilingual!(
                    |l| "code déchet {cell} lu {code} (zéro initial rétabli : un tableur l'avait pris pour un nombre)",
                    "waste code {cell} read as {code} (leading zero put back: a spreadsheet had taken it for a number)"
                ));
                Some(code)
            } else if digits.len() == 6 {
                Some(digits)
            } else {
                return Err(refuse(
                    Role::WasteCode,
                    bilingual!(
                        |l| "« {cell} » n'est pas un code déchet : 6 chiffres (ex. 15 01 03)",
                        "\"{cell}\" is not a waste code: 6 digits (e.g. 15 01 03)"
                    ),
                ));
            }
        }
    };

    let quantity = match number(get(Role::Quantity), Role::Quantity, "12,5")? {
        None => None,
        Some(value) => {
            let unit_cell = get(Role::Unit);
            let (unit_text, per_text) = match vocab::unit_per(unit_cell) {
                Some((u, p)) => (u, p),
                None => (unit_cell, ""),
            };
            let units = |l: Lang| -> Vec<String> {
                let _ = l;
                Unit::ALL.iter().map(|u| u.symbol().to_string()).collect()
            };
            if unit_text.is_empty() {
                return Err(refuse(
                    Role::Unit,
                    Bilingual::from_fn(|l| {
                        let choices = units(l).join(", ");
                        bilingual!(in l, "unité manquante pour la quantité ; attendu : {choices}", "unit missing for the quantity; expected: {choices}")
                    }),
                ));
            }
            let unit = vocab::unit(unit_text)
                .ok_or_else(|| refuse(Role::Unit, unknown(unit_text, units)))?;
            let period_cell = match get(Role::Period) {
                "" => per_text,
                cell => cell,
            };
            let periods = |l: Lang| -> Vec<String> {
                Period::ALL
                    .iter()
                    .map(|&p| crate::export::csv::period_label(p, l).to_string())
                    .collect()
            };
            let period = match period_cell {
                "" => Period::Year,
                cell => vocab::period(cell).ok_or_else(|| {
                    let role = if get(Role::Period).is_empty() {
                        Role::Unit
                    } else {
                        Role::Period
                    };
                    refuse(role, unknown(cell, periods))
                })?,
            };
            Some(Quantity::new(value, unit, period))
        }
    };

    let months = vocab::months(get(Role::Months)).ok_or_else(|| {
        let cell = get(Role::Months);
        refuse(
            Role::Months,
            bilingual!(
                |l| "mois illisibles « {cell} » : des numéros (1-3, 10) ou des noms (janv-mars, oct), vide pour toute l'année",
                "unreadable months \"{cell}\": numbers (1-3, 10) or names (jan-mar, oct), empty for all year"
            ),
        )
    })?;

    let state = optional(
        get(Role::State),
        vocab::state,
        Role::State,
        labels_of(
            crate::model::PhysicalState::VARIANTS,
            crate::model::PhysicalState::label,
        ),
    )?;
    let temperature_c = number(get(Role::Temperature), Role::Temperature, "60")?;
    let route = optional(
        get(Role::Route),
        vocab::route,
        Role::Route,
        labels_of(crate::model::Route::VARIANTS, crate::model::Route::label),
    )?;
    let cost_eur_per_unit = number(get(Role::Cost), Role::Cost, "-15,5")?;
    let confidentiality = optional(
        get(Role::Confidentiality),
        vocab::confidentiality,
        Role::Confidentiality,
        labels_of(
            crate::model::Confidentiality::VARIANTS,
            crate::model::Confidentiality::label,
        ),
    )?
    .unwrap_or_default();
    let provenance = optional(
        get(Role::Provenance),
        vocab::provenance,
        Role::Provenance,
        labels_of(
            crate::model::Provenance::VARIANTS,
            crate::model::Provenance::label,
        ),
    )?;
    let collected_on = match get(Role::CollectedOn) {
        "" => None,
        cell => Some(vocab::date(cell).ok_or_else(|| {
            refuse(
                Role::CollectedOn,
                bilingual!(
                    |l| "date illisible « {cell} » : AAAA-MM-JJ ou JJ/MM/AAAA",
                    "unreadable date \"{cell}\": YYYY-MM-DD or DD/MM/YYYY"
                ),
            )
        })?),
    };

    let flow = Flow {
        id: FlowId::new(format!("f-{}", seen.next_id)),
        actor: company.id.clone(),
        direction,
        family,
        label,
        category,
        waste_code,
        quantity,
        months,
        quality: Quality {
            state,
            temperature_c,
            ..Default::default()
        },
        route,
        cost_eur_per_unit,
        confidentiality,
        provenance,
        collected_on,
        collected_by: get(Role::CollectedBy).to_string(),
        notes: get(Role::Notes).to_string(),
    };

    // The record rules every flow follows (ranges, lengths, the years a date may have): a row
    // that breaks one is an error here, named by its column, never a refusal of the import.
    let mut report = crate::validate::Report::default();
    crate::validate::rules::flow(&flow, "", &mut report);
    if let Some(problem) = report.errors.first() {
        let role = match problem.path.trim_start_matches('.') {
            "waste_code" => Role::WasteCode,
            "quantity" => Role::Quantity,
            "months" => Role::Months,
            "quality.temperature_c" => Role::Temperature,
            "cost_eur_per_unit" => Role::Cost,
            "collected_on" => Role::CollectedOn,
            "collected_by" => Role::CollectedBy,
            "notes" => Role::Notes,
            _ => Role::Label,
        };
        return Err(refuse(role, problem.message.clone()));
    }
    warnings.extend(report.warnings.into_iter().map(|w| w.message));

    let identity = (flow.actor.clone(), flow.direction, vocab::key(&flow.label));
    if let Some(earlier) = seen.flows.get(&identity) {
        return Ok(Read::Duplicate(match earlier {
            None => Bilingual::new(
                "déjà dans le projet (même entreprise, même sens, même libellé)",
                "already in the project (same company, direction and label)",
            ),
            Some(at) => bilingual!(
                |l| "même flux qu'à la ligne {at} (même entreprise, même sens, même libellé)",
                "same flow as line {at} (same company, direction and label)"
            ),
        }));
    }
    seen.flows.insert(identity, Some(r.line));
    seen.next_id = seen.next_id.saturating_add(1);
    Ok(Read::Ready(Box::new(flow), company.name, warnings))
}
