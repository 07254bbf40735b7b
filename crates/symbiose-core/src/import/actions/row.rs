//! One row of an action plan file: its cells read, the record rules every action follows
//! (`validate::rules::action`) applied, and its verdict: a ready action (with warnings), a
//! skip (the same action already in the project or earlier in the file) or an error naming
//! the line and the column.

use std::collections::HashMap;

use super::RowOutcome;
use super::columns::{Columns, Role};
use super::vocab::{self, Edge};
use crate::import::cells::{self, key, labels_of, optional, unknown};
use crate::import::table::Row;
use crate::model::{
    ActionId, ActionStatus, AidKind, AidStatus, CompanySize, FundingLine, FundingSource,
    InterventionField, ProgrammePhase, ProgrammeTrack, Project, RoadmapAction,
};
use crate::{Bilingual, bilingual};

type Refusal = cells::Refusal<Role>;

fn refuse(role: Role, message: Bilingual) -> Refusal {
    cells::Refusal(role, message)
}

/// What the rows read so far have taken.
pub(super) struct Seen {
    /// An action's identity (title and origin, as compared) → the line that brought it, `None`
    /// for an action already in the project.
    actions: HashMap<(String, String), Option<usize>>,
    track: ProgrammeTrack,
    /// The origin of a row that gives none.
    origin: String,
}

impl Seen {
    pub fn new(project: &Project, origin: &str) -> Self {
        Self {
            actions: project
                .actions
                .iter()
                .map(|a| ((key(&a.title), key(&a.origin)), None))
                .collect(),
            track: project.territory.track,
            origin: origin.trim().to_string(),
        }
    }
}

pub(super) fn row(cols: &Columns, r: &Row, seen: &mut Seen) -> RowOutcome {
    let line = r.line;
    let what = cols.get(r, Role::Title).to_string();
    match read(cols, r, seen) {
        Ok(Read::Ready(action, warnings)) => RowOutcome::Ready {
            line,
            name: Bilingual::from_fn(|l| {
                let mut name = format!("{} — {}", action.title, action.status.label(l));
                if !action.origin.is_empty() {
                    name.push_str(&format!(" ({})", action.origin));
                }
                name
            }),
            item: action,
            warnings,
        },
        Ok(Read::Duplicate(reason)) => RowOutcome::Skipped { line, what, reason },
        Err(cells::Refusal(role, message)) => {
            RowOutcome::error(line, cols.name(role), what, &message)
        }
    }
}

enum Read {
    Ready(Box<RoadmapAction>, Vec<Bilingual>),
    Duplicate(Bilingual),
}

fn amount(cols: &Columns, r: &Row, role: Role) -> Result<Option<f64>, Refusal> {
    let cell = cols.get(r, role);
    let value = cells::number(cell, role, "12 000")?;
    if value.is_some_and(|v| v < 0.0) {
        return Err(refuse(
            role,
            bilingual!(
                |l| "montant négatif « {cell} » : un coût ou une aide est positif",
                "negative amount \"{cell}\": a cost or an aid is positive"
            ),
        ));
    }
    Ok(value)
}

fn day(cols: &Columns, r: &Row, role: Role, edge: Edge) -> Result<Option<ActionDate>, Refusal> {
    match cols.get(r, role) {
        "" => Ok(None),
        cell => vocab::date_at(cell, edge).map(Some).ok_or_else(|| {
            refuse(
                role,
                bilingual!(
                    |l| "date illisible « {cell} » : AAAA, MM/AAAA, JJ/MM/AAAA ou AAAA-MM-JJ",
                    "unreadable date \"{cell}\": YYYY, MM/YYYY, DD/MM/YYYY or YYYY-MM-DD"
                ),
            )
        }),
    }
}

type ActionDate = crate::model::Date;

fn read(cols: &Columns, r: &Row, seen: &mut Seen) -> Result<Read, Refusal> {
    let get = |role| cols.get(r, role);
    let mut warnings = Vec::new();

    let title = get(Role::Title).to_string();
    if title.is_empty() {
        return Err(refuse(
            Role::Title,
            Bilingual::new(
                "intitulé manquant : nommez l'action en quelques mots",
                "title missing: name the action in a few words",
            ),
        ));
    }
    let status = match get(Role::Status) {
        "" => {
            return Err(refuse(
                Role::Status,
                Bilingual::from_fn(|l| {
                    let choices =
                        labels_of(ActionStatus::VARIANTS, ActionStatus::label)(l).join(", ");
                    bilingual!(in l, "statut manquant ; attendu : {choices}", "status missing; expected: {choices}")
                }),
            ));
        }
        cell => vocab::status(cell).ok_or_else(|| {
            refuse(
                Role::Status,
                unknown(cell, labels_of(ActionStatus::VARIANTS, ActionStatus::label)),
            )
        })?,
    };
    let origin = match get(Role::Origin) {
        "" => seen.origin.clone(),
        cell => cell.to_string(),
    };
    let phase = match get(Role::Phase) {
        "" => {
            warnings.push(Bilingual::new(
                "phase non renseignée : phase 3 (mise en œuvre) retenue",
                "no phase given: phase 3 (implementation) taken",
            ));
            ProgrammePhase::Implementation
        }
        cell => vocab::phase(cell).ok_or_else(|| {
            refuse(
                Role::Phase,
                bilingual!(
                    |l| "phase « {cell} » inconnue ; attendu : 1, 2, 3 ou 4 (diagnostic, accompagnement, mise en œuvre, bilan)",
                    "unknown phase \"{cell}\"; expected: 1, 2, 3 or 4 (diagnostic, accompaniment, implementation, bilan)"
                ),
            )
        })?,
    };
    let field = optional(
        get(Role::Field),
        vocab::field,
        Role::Field,
        labels_of(InterventionField::VARIANTS, InterventionField::label),
    )?
    .unwrap_or_default();
    let start = day(cols, r, Role::Start, Edge::Start)?;
    let end = day(cols, r, Role::End, Edge::End)?;
    let investment_eur = amount(cols, r, Role::Investment)?;
    let operating_eur_per_year = amount(cols, r, Role::Operating)?;
    let eligible_eur = amount(cols, r, Role::Eligible)?;
    let aid_kind = optional(
        get(Role::AidKind),
        vocab::aid_kind,
        Role::AidKind,
        labels_of(AidKind::VARIANTS, AidKind::label),
    )?;
    let beneficiary_size = optional(
        get(Role::BeneficiarySize),
        vocab::size,
        Role::BeneficiarySize,
        labels_of(CompanySize::VARIANTS, CompanySize::label),
    )?;
    let aid_status = optional(
        get(Role::AidStatus),
        vocab::aid_status,
        Role::AidStatus,
        labels_of(AidStatus::VARIANTS, AidStatus::label),
    )?;
    let mut funding = Vec::new();
    for source in FundingSource::VARIANTS {
        if let Some(v) = amount(cols, r, Role::Funding(*source))?
            && v > 0.0
        {
            let mut line = FundingLine::planned(*source, v);
            if source.is_aid() {
                line.status = aid_status.unwrap_or_default();
            }
            funding.push(line);
        }
    }
    let aids = funding.iter().any(|f| f.source.is_aid());
    if aid_status.is_some() && !aids {
        warnings.push(Bilingual::new(
            "statut des aides sans montant d'aide : ignoré",
            "aid status without an aid amount: ignored",
        ));
    }
    if aids && aid_status.is_none() && status == ActionStatus::Done {
        warnings.push(Bilingual::new(
            "action réalisée dont les aides restent « prévues » : indiquez si elles ont été versées (colonne statut des aides)",
            "action done whose aids stay \"planned\": say whether they were paid (aid status column)",
        ));
    }

    let action = RoadmapAction {
        id: ActionId::new("r-0"),
        title,
        synergy: None,
        owner: get(Role::Owner).to_string(),
        partners: get(Role::Partners)
            .split([',', '/'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect(),
        phase,
        field,
        start,
        end,
        milestones: Vec::new(),
        status,
        investment_eur,
        operating_eur_per_year,
        eligible_eur,
        aid_kind,
        beneficiary_size,
        funding,
        origin,
        notes: get(Role::Notes).to_string(),
    };

    // The record rules every action follows: a row that breaks one is an error here, named by
    // its column, never a refusal of the whole import.
    let mut report = crate::validate::Report::default();
    crate::validate::rules::action(&action, "", &mut report);
    crate::validate::rules::action_phase(&action, seen.track, "", &mut report);
    if let Some(problem) = report.errors.first() {
        let path = problem.path.trim_start_matches('.');
        let role = match path.split(['.', '[']).next().unwrap_or("") {
            "owner" => Role::Owner,
            "partners" => Role::Partners,
            "start" => Role::Start,
            "end" => Role::End,
            "investment_eur" => Role::Investment,
            "operating_eur_per_year" => Role::Operating,
            "eligible_eur" | "funding" => Role::Eligible,
            "origin" => Role::Origin,
            "notes" => Role::Notes,
            _ => Role::Title,
        };
        return Err(refuse(role, problem.message.clone()));
    }
    warnings.extend(report.warnings.into_iter().map(|w| w.message));

    let identity = (key(&action.title), key(&action.origin));
    if let Some(earlier) = seen.actions.get(&identity) {
        return Ok(Read::Duplicate(match earlier {
            None => Bilingual::new(
                "déjà dans le projet (même intitulé, même origine)",
                "already in the project (same title and origin)",
            ),
            Some(at) => bilingual!(
                |l| "même action qu'à la ligne {at} (même intitulé, même origine)",
                "same action as line {at} (same title and origin)"
            ),
        }));
    }
    seen.actions.insert(identity, Some(r.line));
    Ok(Read::Ready(Box::new(action), warnings))
}
