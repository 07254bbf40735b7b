//! The words of an action plan file read back as the model's values: status, phase, field of
//! intervention, kind of aid, beneficiary's size, aid status, and dates that may be a year or
//! a month (an earlier plan often says "2016" or "03/2018"). Words are compared as
//! `import::cells::pick` compares them; each list adds the synonyms plans use.

use crate::import::cells::{date, key, pick};
use crate::model::{
    ActionStatus, AidKind, AidStatus, CompanySize, Date, InterventionField, ProgrammePhase,
};

pub(super) fn status(cell: &str) -> Option<ActionStatus> {
    use ActionStatus::*;
    pick(
        cell,
        ActionStatus::VARIANTS,
        ActionStatus::label,
        &[
            ("prévu", Planned),
            ("à venir", Planned),
            ("à lancer", Planned),
            ("non démarrée", Planned),
            ("not started", Planned),
            ("démarrée", InProgress),
            ("ongoing", InProgress),
            ("réalisé", Done),
            ("terminée", Done),
            ("terminé", Done),
            ("achevée", Done),
            ("faite", Done),
            ("completed", Done),
            ("reporté", Postponed),
            ("en attente", Postponed),
            ("suspendue", Postponed),
            ("on hold", Postponed),
            ("abandonnée", Cancelled),
            ("abandonné", Cancelled),
            ("abandon", Cancelled),
            ("annulé", Cancelled),
            ("abandoned", Cancelled),
            ("relancer", ToRelaunch),
            ("à reprendre", ToRelaunch),
            ("relaunch", ToRelaunch),
        ],
    )
}

/// `3`, `phase 3`, `Phase 3 : mise en œuvre`, or the phase's name.
pub(super) fn phase(cell: &str) -> Option<ProgrammePhase> {
    use ProgrammePhase::*;
    let words = key(cell);
    let number = words.strip_prefix("phase ").unwrap_or(&words);
    let first = number.split(' ').next().unwrap_or("");
    if let Ok(n) = first.parse::<usize>() {
        return (1..=4).contains(&n).then(|| ProgrammePhase::ALL[n - 1]);
    }
    [
        ("diagnostic", Diagnostic),
        ("accompagnement", Accompaniment),
        ("accompaniment", Accompaniment),
        ("mise en oeuvre", Implementation),
        ("implementation", Implementation),
        ("bilan", Bilan),
        ("evaluation", Bilan),
    ]
    .into_iter()
    .find(|(name, _)| key(name) == number)
    .map(|(_, p)| p)
}

pub(super) fn field(cell: &str) -> Option<InterventionField> {
    use InterventionField::*;
    pick(
        cell,
        InterventionField::VARIANTS,
        InterventionField::label,
        &[
            ("changement de comportement", BehaviourChange),
            ("sensibilisation", BehaviourChange),
            ("comportement", BehaviourChange),
            ("projet environnemental", EnvironmentalProject),
            ("environnement", EnvironmentalProject),
            ("déchets", EnvironmentalProject),
            ("environmental project", EnvironmentalProject),
            ("énergies renouvelables", RenewableEnergy),
            ("énergie renouvelable", RenewableEnergy),
            ("EnR", RenewableEnergy),
            ("énergie", RenewableEnergy),
            ("renewable energy", RenewableEnergy),
            ("animation", FacilitationConsulting),
            ("AMO", FacilitationConsulting),
            ("facilitation", FacilitationConsulting),
        ],
    )
}

pub(super) fn aid_kind(cell: &str) -> Option<AidKind> {
    use AidKind::*;
    pick(
        cell,
        AidKind::VARIANTS,
        AidKind::label,
        &[
            ("étude", Study),
            ("AMO", Study),
            ("study", Study),
            ("consulting", Study),
            ("investment", Investment),
        ],
    )
}

pub(super) fn size(cell: &str) -> Option<CompanySize> {
    use CompanySize::*;
    pick(
        cell,
        CompanySize::VARIANTS,
        CompanySize::label,
        &[
            ("petite", Small),
            ("petite entreprise", Small),
            ("PE", Small),
            ("TPE", Small),
            ("micro-entreprise", Small),
            ("small", Small),
            ("moyenne", Medium),
            ("moyenne entreprise", Medium),
            ("ME", Medium),
            ("medium", Medium),
            ("grande", Large),
            ("grande entreprise", Large),
            ("GE", Large),
            ("ETI", Large),
            ("large", Large),
        ],
    )
}

pub(super) fn aid_status(cell: &str) -> Option<AidStatus> {
    use AidStatus::*;
    pick(
        cell,
        AidStatus::VARIANTS,
        AidStatus::label,
        &[
            ("prévu", Planned),
            ("demandé", Requested),
            ("sollicitée", Requested),
            ("accordé", Granted),
            ("notifiée", Granted),
            ("obtenue", Granted),
            ("versé", Paid),
            ("payée", Paid),
            ("soldée", Paid),
            ("refusé", Refused),
        ],
    )
}

/// Which end of a period a year or a month stands for.
#[derive(Clone, Copy)]
pub(super) enum Edge {
    Start,
    End,
}

/// A date as `cells::date` reads it, a year (`2016`: 1 January as a start, 31 December as an
/// end) or a month (`03/2018`, `2018-03`: its first or last day).
pub(super) fn date_at(cell: &str, edge: Edge) -> Option<Date> {
    if let Some(d) = date(cell) {
        return Some(d);
    }
    let cell = cell.trim();
    let (year, month) = if cell.len() == 4 {
        (cell.parse::<i32>().ok()?, None)
    } else {
        let (a, b) = cell.split_once(['/', '-', '.'])?;
        match (a.len(), b.len()) {
            (1 | 2, 4) => (b.parse().ok()?, Some(a.parse::<u8>().ok()?)),
            (4, 1 | 2) => (a.parse().ok()?, Some(b.parse::<u8>().ok()?)),
            _ => return None,
        }
    };
    match (edge, month) {
        (Edge::Start, m) => Date::new(year, m.unwrap_or(1), 1).ok(),
        (Edge::End, None) => Date::new(year, 12, 31).ok(),
        (Edge::End, Some(m)) => (28..=31).rev().find_map(|d| Date::new(year, m, d).ok()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_earlier_plans_words_are_read() {
        assert_eq!(status("Réalisée"), Some(ActionStatus::Done));
        assert_eq!(status("abandonnée"), Some(ActionStatus::Cancelled));
        assert_eq!(status("A RELANCER"), Some(ActionStatus::ToRelaunch));
        assert_eq!(status("to relaunch"), Some(ActionStatus::ToRelaunch));
        assert_eq!(status("en cours"), Some(ActionStatus::InProgress));
        assert_eq!(status("peut-être"), None);
        assert_eq!(phase("3"), Some(ProgrammePhase::Implementation));
        assert_eq!(phase("Phase 4 : bilan"), Some(ProgrammePhase::Bilan));
        assert_eq!(phase("mise en œuvre"), Some(ProgrammePhase::Implementation));
        assert_eq!(phase("5"), None);
        assert_eq!(
            field("Projet environnemental"),
            Some(InterventionField::EnvironmentalProject)
        );
        assert_eq!(
            field("Énergies renouvelables"),
            Some(InterventionField::RenewableEnergy)
        );
        assert_eq!(
            field("Animation et AMO"),
            Some(InterventionField::FacilitationConsulting)
        );
        assert_eq!(aid_kind("Étude / AMO"), Some(AidKind::Study));
        assert_eq!(aid_kind("investissement"), Some(AidKind::Investment));
        assert_eq!(size("Moyenne entreprise"), Some(CompanySize::Medium));
        assert_eq!(
            size("Petite entreprise (moins de 50 salariés)"),
            Some(CompanySize::Small)
        );
        assert_eq!(aid_status("versée"), Some(AidStatus::Paid));
        assert_eq!(aid_status("Refusé"), Some(AidStatus::Refused));
    }

    #[test]
    fn a_year_or_a_month_is_a_period_edge() {
        let d = |y, m, d| Date::new(y, m, d).ok();
        assert_eq!(date_at("2016", Edge::Start), d(2016, 1, 1));
        assert_eq!(date_at("2016", Edge::End), d(2016, 12, 31));
        assert_eq!(date_at("03/2018", Edge::Start), d(2018, 3, 1));
        assert_eq!(date_at("02/2020", Edge::End), d(2020, 2, 29));
        assert_eq!(date_at("2019-11", Edge::End), d(2019, 11, 30));
        assert_eq!(date_at("15/06/2017", Edge::End), d(2017, 6, 15));
        assert_eq!(date_at("bientôt", Edge::Start), None);
        assert_eq!(date_at("13/2018", Edge::Start), None);
    }
}
