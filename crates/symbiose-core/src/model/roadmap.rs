//! The roadmap (feuille de route), indicator targets and measurements, and workshops.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::financing::{AidKind, AidStatus, CompanySize, FundingLine};
use super::ids::{ActionId, ActorId, SynergyId, WorkshopId};
use super::territory::ProgrammePhase;
use crate::numbers::{Precision::Reading, number};
use crate::{Lang, bilingual, labels};

/// Fields of intervention as the funders' programmes name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InterventionField {
    BehaviourChange,
    /// Waste reduction, recycling, recovery.
    #[default]
    EnvironmentalProject,
    RenewableEnergy,
    /// Animation and AMO (consulting support).
    FacilitationConsulting,
    Other,
}

labels!(InterventionField {
    BehaviourChange => "Changement de comportement", "Behaviour change";
    EnvironmentalProject => "Projet environnemental (réduction, recyclage, valorisation des déchets)", "Environmental project (waste reduction, recycling, recovery)";
    RenewableEnergy => "Développement des énergies renouvelables", "Renewable energy development";
    FacilitationConsulting => "Animation et AMO", "Facilitation and consulting support";
    Other => "Autre", "Other";
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Postponed,
    /// Abandoned (an earlier plan's action that was not carried out).
    Cancelled,
    /// An earlier plan's action the new plan takes up again (v3).
    ToRelaunch,
}

labels!(ActionStatus {
    Planned => "Prévue", "Planned";
    InProgress => "En cours", "In progress";
    Done => "Réalisée", "Done";
    Postponed => "Reportée", "Postponed";
    Cancelled => "Annulée", "Cancelled";
    ToRelaunch => "À relancer", "To relaunch";
});

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FundingSource {
    Ademe,
    RegionalAgency,
    Epci,
    Companies,
    Other,
}

labels!(FundingSource {
    Ademe => "ADEME", "ADEME";
    RegionalAgency => "OEC ou autre agence régionale", "OEC or other regional agency";
    Epci => "EPCI", "EPCI";
    Companies => "Entreprises", "Companies";
    Other => "Autre", "Other";
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub date: Date,
    pub label: String,
    #[serde(default)]
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct RoadmapAction {
    pub id: ActionId,
    pub title: String,
    pub synergy: Option<SynergyId>,
    /// The project owner (porteur de projet).
    pub owner: String,
    pub partners: Vec<String>,
    pub phase: ProgrammePhase,
    pub field: InterventionField,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub milestones: Vec<Milestone>,
    pub status: ActionStatus,
    /// € excluding VAT, as every amount of an action.
    pub investment_eur: Option<f64>,
    pub operating_eur_per_year: Option<f64>,
    /// The part of the cost a funder may pay a share of (dépense éligible), € excluding VAT.
    pub eligible_eur: Option<f64>,
    pub aid_kind: Option<AidKind>,
    /// The beneficiary's size, when the beneficiary is a company.
    pub beneficiary_size: Option<CompanySize>,
    pub funding: Vec<FundingLine>,
    /// Where the action comes from when not from this roadmap: "Plan d'actions 2015" (v3).
    pub origin: String,
    pub notes: String,
}

impl ActionStatus {
    /// Whether the action belongs to the investment programme. A postponed or cancelled
    /// action is shown apart, with its figures, and its money enters no programme total.
    pub fn in_programme(self) -> bool {
        !matches!(self, Self::Postponed | Self::Cancelled | Self::ToRelaunch)
    }
}

/// A figure the remaining cost needs and the action does not give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingFigure {
    /// No investment figure: unknown, not zero (an action without investment says 0).
    Investment,
    /// No dates: the action falls in no year, and an operating cost per year cannot be
    /// counted over years that are not known.
    Dates,
}

/// Where an action's money stands in the investment programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgrammePlace {
    /// In the programme's years and totals.
    Counted,
    /// Postponed or cancelled: shown apart, outside the programme and its totals.
    Outside,
    /// In the programme, but not in its years nor totals until the missing figure is given.
    Uncounted(MissingFigure),
}

/// An action's money by the one rule the roadmap page, the deliverables and the exports use
/// (see [`RoadmapAction::money`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ActionMoney {
    /// Investment plus operating cost over the action's years, or what is missing to know it.
    pub cost: Result<f64, MissingFigure>,
    /// Every funding line of the action, summed.
    pub funding: f64,
    /// The calendar years the operating cost is counted for; `None` without dates.
    pub years: Option<u32>,
}

impl ActionMoney {
    /// What the project owners still pay: the cost minus the funding, never below zero;
    /// `None` when the cost is unknown.
    pub fn remaining(&self) -> Option<f64> {
        self.cost.ok().map(|c| (c - self.funding).max(0.0))
    }

    /// Funding above the cost, stated apart: it pays for no other action. Zero when the
    /// funding does not exceed the cost, or when the cost is unknown.
    pub fn beyond_cost(&self) -> f64 {
        self.cost.map_or(0.0, |c| (self.funding - c).max(0.0))
    }

    /// The rule of [`RoadmapAction::money`] in one sentence, for the reader of a table of it.
    pub fn rule(lang: Lang) -> &'static str {
        lang.pick(
            "Reste à charge d'une action (son autofinancement) : son investissement plus son fonctionnement de chaque année civile de son début à sa fin (l'année de début seule sans date de fin), hors taxes, moins tous ses financements (le montant accordé dès qu'il l'est, rien pour une aide refusée) ; jamais négatif (un financement supérieur au coût est signalé à part) ; inconnu, et hors totaux, sans montant d'investissement (0 s'il n'y en a pas) ou avec un fonctionnement sans dates ; les actions reportées, annulées ou à relancer sont hors programme.",
            "An action's remaining cost (its self-funding): its investment plus its operating cost for every calendar year from its start to its end (the start year only without an end date), excluding VAT, minus all its funding (the amount granted once it is, nothing for a refused aid); never negative (funding above the cost is stated apart); unknown, and left out of the totals, without an investment figure (0 if there is none) or with an operating cost but no dates; postponed, cancelled or to-relaunch actions are outside the programme.",
        )
    }

    /// The remaining cost as every table writes it: the amount, 0 with what the funding
    /// exceeds the cost by, or why it is unknown.
    pub fn remaining_text(&self, lang: Lang) -> String {
        let euros = |v: f64| format!("{} €", number(v, lang, Reading));
        match self.cost {
            Ok(_) if self.beyond_cost() > 0.0 => {
                let beyond = euros(self.beyond_cost());
                bilingual!(in lang,
                    "0 € (financements supérieurs au coût de {beyond})",
                    "0 € (funding exceeds the cost by {beyond})"
                )
            }
            Ok(_) => euros(self.remaining().unwrap_or(0.0)),
            Err(MissingFigure::Investment) => lang
                .pick(
                    "inconnu : investissement non renseigné",
                    "unknown: no investment figure",
                )
                .into(),
            Err(MissingFigure::Dates) => lang
                .pick(
                    "inconnu : fonctionnement sans dates",
                    "unknown: operating cost without dates",
                )
                .into(),
        }
    }
}

impl ProgrammePlace {
    /// What a table of actions says next to the remaining cost of an action not counted in
    /// the programme's totals; nothing for a counted one.
    pub fn label(self, lang: Lang) -> Option<&'static str> {
        match self {
            Self::Counted => None,
            Self::Outside => Some(lang.pick("hors programme", "outside the programme")),
            Self::Uncounted(_) => Some(lang.pick("hors totaux", "not in the totals")),
        }
    }
}

/// `a + b` saturated at ±`f64::MAX` (two amounts near the limit must not make infinity).
fn add(a: f64, b: f64) -> f64 {
    let sum = a + b;
    if sum.is_nan() {
        0.0
    } else {
        sum.clamp(-f64::MAX, f64::MAX)
    }
}

impl RoadmapAction {
    /// The action's first and last calendar years: from its start (its end when it has no
    /// start) to its end (the same year when it has no end); `None` without any date.
    pub fn years(&self) -> Option<(i32, i32)> {
        let first = self.start.or(self.end)?.year;
        Some((first, self.end.map_or(first, |d| d.year).max(first)))
    }

    /// The remaining cost ("reste à charge") of an action, as a funder reads it:
    ///
    /// - **cost** = the investment, plus the operating cost per year times the calendar years
    ///   of the action, both included (March 2026 to June 2028 counts three years; without an
    ///   end date, the start year only); no operating figure means no operating cost;
    /// - **minus** every funding line of the action, whatever its source;
    /// - **never negative**: funding above the cost leaves 0 to pay and is stated apart
    ///   ([`ActionMoney::beyond_cost`]), never deducted from another action;
    /// - **unknown is not zero**: without an investment figure (an action with no investment
    ///   says 0), or with an operating cost but no dates, the cost and the remaining cost are
    ///   unknown, written as such, and left out of every total.
    ///
    /// A postponed or cancelled action keeps its figures but is outside the programme
    /// ([`RoadmapAction::programme_place`]). Sums saturate at `f64::MAX` instead of
    /// overflowing.
    pub fn money(&self) -> ActionMoney {
        let funding = self
            .funding
            .iter()
            .fold(0.0, |sum, line| add(sum, line.in_force()));
        let years = self.years().map(|(first, last)| {
            u32::try_from(i64::from(last) - i64::from(first) + 1).unwrap_or(u32::MAX)
        });
        let cost = match (self.investment_eur, self.operating_eur_per_year, years) {
            (None, _, _) => Err(MissingFigure::Investment),
            (Some(investment), None, _) => Ok(investment),
            (Some(_), Some(_), None) => Err(MissingFigure::Dates),
            (Some(investment), Some(per_year), Some(n)) => {
                Ok(add(investment, (per_year * f64::from(n)).min(f64::MAX)))
            }
        };
        ActionMoney {
            cost,
            funding,
            years,
        }
    }

    /// The remaining cost as a list of actions writes it ([`ActionMoney::remaining_text`]),
    /// followed by "hors programme" or "hors totaux" when the programme does not count it.
    pub fn remaining_text(&self, lang: Lang) -> String {
        let text = self.money().remaining_text(lang);
        match self.programme_place().label(lang) {
            Some(place) => format!("{text} — {place}"),
            None => text,
        }
    }

    /// The operating cost as the remaining cost counts it, for a table: per year times its
    /// years ("5 000 €/an × 3 ans"); `None` when the action gives none.
    pub fn operating_text(&self, lang: Lang) -> Option<String> {
        self.operating_parts(lang)
            .map(|(per_year, years)| format!("{per_year} {years}"))
    }

    /// [`RoadmapAction::operating_text`] in its two parts, the amount a year and the years
    /// counted: a narrow column may put them on two lines, never break either.
    pub fn operating_parts(&self, lang: Lang) -> Option<(String, String)> {
        let per_year = format!(
            "{} {}",
            number(self.operating_eur_per_year?, lang, Reading),
            lang.pick("€/an", "€/yr")
        );
        let years = match self.money().years {
            Some(1) => lang.pick("× 1 an", "× 1 year").to_string(),
            Some(n) => bilingual!(in lang, "× {n} ans", "× {n} years"),
            None => lang
                .pick("(années inconnues)", "(years unknown)")
                .to_string(),
        };
        Some((per_year, years))
    }

    /// The funding lines for a table: "ADEME 6 000 € (accordée le 12/05/2026), Entreprises
    /// 6 000 €": the amount in force ([`FundingLine::in_force`]; the amount asked when
    /// refused), with the status once the line has left the plan.
    pub fn funding_text(&self, lang: Lang) -> String {
        self.funding
            .iter()
            .map(|f| {
                let amount = match f.status {
                    AidStatus::Refused => f.amount_eur,
                    _ => f.in_force(),
                };
                let line = format!(
                    "{} {} €",
                    f.source.label(lang),
                    number(amount, lang, Reading)
                );
                match f.status {
                    AidStatus::Planned => line,
                    _ => format!("{line} ({})", f.status_text(lang)),
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The aids the action counts on ([`FundingLine::in_force`] of every line but the
    /// companies' own), summed.
    pub fn aid(&self) -> f64 {
        self.funding
            .iter()
            .filter(|l| l.source.is_aid())
            .fold(0.0, |sum, l| add(sum, l.in_force()))
    }

    /// The aid rate: the aids over the eligible cost; `None` without a positive eligible cost.
    pub fn aid_rate(&self) -> Option<f64> {
        self.eligible_eur
            .filter(|e| *e > 0.0)
            .map(|eligible| self.aid() / eligible)
    }

    /// Whether the action's money is in the programme's years and totals, outside the
    /// programme (postponed or cancelled), or waiting for a figure or its dates.
    pub fn programme_place(&self) -> ProgrammePlace {
        if !self.status.in_programme() {
            ProgrammePlace::Outside
        } else if self.investment_eur.is_none() {
            ProgrammePlace::Uncounted(MissingFigure::Investment)
        } else if self.years().is_none() {
            ProgrammePlace::Uncounted(MissingFigure::Dates)
        } else {
            ProgrammePlace::Counted
        }
    }
}

/// The indicators a dashboard follows over the years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    TonnesPerYear,
    MwhPerYear,
    M3PerYear,
    Tco2ePerYear,
    EurPerYear,
    InvestmentEur,
    Jobs,
    ActorsEngaged,
    SynergiesImplemented,
}

labels!(IndicatorKind {
    TonnesPerYear => "Tonnes détournées ou substituées par an", "Tonnes diverted or substituted per year";
    MwhPerYear => "Énergie valorisée ou substituée par an", "Energy recovered or substituted per year";
    M3PerYear => "Eau réutilisée ou économisée par an", "Water reused or saved per year";
    Tco2ePerYear => "Émissions évitées par an", "Emissions avoided per year";
    EurPerYear => "€ économisés par an", "€ saved per year";
    InvestmentEur => "€ investis", "€ invested";
    Jobs => "Emplois", "Jobs";
    ActorsEngaged => "Entreprises engagées", "Companies engaged";
    SynergiesImplemented => "Synergies mises en œuvre", "Synergies implemented";
});

impl IndicatorKind {
    pub const ALL: [IndicatorKind; 9] = [
        Self::TonnesPerYear,
        Self::MwhPerYear,
        Self::M3PerYear,
        Self::Tco2ePerYear,
        Self::EurPerYear,
        Self::InvestmentEur,
        Self::Jobs,
        Self::ActorsEngaged,
        Self::SynergiesImplemented,
    ];

    /// The unit a measurement of it is given in.
    pub fn unit(self, lang: Lang) -> &'static str {
        match self {
            Self::TonnesPerYear => lang.pick("t/an", "t/yr"),
            Self::MwhPerYear => lang.pick("MWh/an", "MWh/yr"),
            Self::M3PerYear => lang.pick("m³/an", "m³/yr"),
            Self::Tco2ePerYear => lang.pick("tCO₂e/an", "tCO₂e/yr"),
            Self::EurPerYear => lang.pick("€/an", "€/yr"),
            Self::InvestmentEur => "€",
            Self::Jobs => lang.pick("ETP", "FTE"),
            Self::ActorsEngaged => lang.pick("entreprises", "companies"),
            Self::SynergiesImplemented => lang.pick("synergies", "synergies"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub indicator: IndicatorKind,
    pub year: i32,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    pub indicator: IndicatorKind,
    pub date: Date,
    pub value: f64,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Workshop {
    pub id: WorkshopId,
    pub title: String,
    pub date: Option<Date>,
    pub participants: Vec<ActorId>,
    /// People present who are not actors of the project (funders, consultants).
    pub other_participants: Vec<String>,
    pub decisions: Vec<String>,
    /// The synergy ideas the room put forward, as noted at the time (v4): a record of what was
    /// said, kept as written whatever becomes of the synergies.
    pub ideas: Vec<String>,
    /// Facilitation time spent on it, preparation and report included, in hours (v3).
    pub hours: Option<f64>,
    pub notes: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_measurement_is_the_last_by_date_then_the_last_recorded() {
        let m = |indicator, (y, mo, d), value| Measurement {
            indicator,
            date: Date::new(y, mo, d).unwrap(),
            value,
            note: String::new(),
        };
        let p = crate::Project {
            measurements: vec![
                m(IndicatorKind::ActorsEngaged, (2026, 3, 31), 14.0),
                m(IndicatorKind::ActorsEngaged, (2025, 12, 31), 9.0),
                m(IndicatorKind::Jobs, (2026, 6, 1), 2.0),
                m(IndicatorKind::ActorsEngaged, (2026, 3, 31), 15.0),
            ],
            ..Default::default()
        };
        let latest = |k| p.latest_measurement(k).map(|m| m.value);
        assert_eq!(latest(IndicatorKind::ActorsEngaged), Some(15.0));
        assert_eq!(latest(IndicatorKind::Jobs), Some(2.0));
        assert_eq!(latest(IndicatorKind::MwhPerYear), None);
    }

    fn action(investment: Option<f64>, per_year: Option<f64>, funding: &[f64]) -> RoadmapAction {
        RoadmapAction {
            start: Some(Date::new(2026, 3, 1).unwrap()),
            end: Some(Date::new(2028, 6, 30).unwrap()),
            investment_eur: investment,
            operating_eur_per_year: per_year,
            funding: funding
                .iter()
                .map(|amount_eur| FundingLine::planned(FundingSource::Ademe, *amount_eur))
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn the_remaining_cost_counts_operating_over_every_year_minus_all_funding() {
        // March 2026 to June 2028: three calendar years of operating cost.
        let m = action(Some(100_000.0), Some(5_000.0), &[40_000.0, 10_000.0]).money();
        assert_eq!(m.years, Some(3));
        assert_eq!(m.cost, Ok(115_000.0));
        assert_eq!(m.funding, 50_000.0);
        assert_eq!(m.remaining(), Some(65_000.0));
        assert_eq!(m.beyond_cost(), 0.0);
        assert_eq!(
            m.remaining_text(Lang::Fr),
            format!("{} €", number(65_000.0, Lang::Fr, Reading))
        );
        // No operating figure: no operating cost; no end date: the start year only.
        let mut one_year = action(Some(8_000.0), Some(1_000.0), &[]);
        one_year.end = None;
        assert_eq!(one_year.money().cost, Ok(9_000.0));
        assert_eq!(
            action(Some(8_000.0), None, &[]).money().remaining(),
            Some(8_000.0)
        );
    }

    #[test]
    fn the_tables_write_operating_cost_with_its_years() {
        let a = action(Some(1.0), Some(5_000.0), &[1_000.0, 500.0]);
        let per_year = number(5_000.0, Lang::Fr, Reading);
        assert_eq!(
            a.operating_text(Lang::Fr),
            Some(format!("{per_year} €/an × 3 ans"))
        );
        assert_eq!(
            a.funding_text(Lang::En),
            format!(
                "ADEME {} €, ADEME 500 €",
                number(1_000.0, Lang::En, Reading)
            )
        );
        let mut undated = a.clone();
        undated.start = None;
        undated.end = None;
        assert!(
            undated
                .operating_text(Lang::En)
                .unwrap()
                .ends_with("(years unknown)")
        );
        assert_eq!(action(Some(1.0), None, &[]).operating_text(Lang::Fr), None);
    }

    #[test]
    fn funding_above_the_cost_leaves_zero_and_says_by_how_much() {
        let m = action(Some(10_000.0), None, &[12_500.0]).money();
        assert_eq!(m.remaining(), Some(0.0));
        assert_eq!(m.beyond_cost(), 2_500.0);
        assert!(
            m.remaining_text(Lang::Fr)
                .starts_with("0 € (financements supérieurs au coût de 2")
        );
        assert!(
            m.remaining_text(Lang::En)
                .starts_with("0 € (funding exceeds the cost by 2")
        );
    }

    #[test]
    fn unknown_is_not_zero() {
        let m = action(None, Some(5_000.0), &[1_000.0]).money();
        assert_eq!(m.cost, Err(MissingFigure::Investment));
        assert_eq!((m.remaining(), m.beyond_cost()), (None, 0.0));
        assert_eq!(
            m.remaining_text(Lang::Fr),
            "inconnu : investissement non renseigné"
        );
        let mut undated = action(Some(1_000.0), Some(5_000.0), &[]);
        undated.start = None;
        undated.end = None;
        assert_eq!(undated.money().cost, Err(MissingFigure::Dates));
        assert_eq!(undated.money().remaining(), None);
        assert_eq!(
            undated.programme_place(),
            ProgrammePlace::Uncounted(MissingFigure::Dates)
        );
        // Without an operating cost, its dates are not needed to know its cost.
        undated.operating_eur_per_year = None;
        assert_eq!(undated.money().remaining(), Some(1_000.0));
        // An explicit 0 is a figure.
        assert_eq!(action(Some(0.0), None, &[]).money().remaining(), Some(0.0));
    }

    #[test]
    fn the_programme_place_of_an_action() {
        let mut a = action(Some(1.0), None, &[]);
        assert_eq!(a.programme_place(), ProgrammePlace::Counted);
        for (status, counted) in [
            (ActionStatus::Planned, true),
            (ActionStatus::InProgress, true),
            (ActionStatus::Done, true),
            (ActionStatus::Postponed, false),
            (ActionStatus::Cancelled, false),
        ] {
            a.status = status;
            assert_eq!(status.in_programme(), counted, "{status:?}");
            assert_eq!(
                a.programme_place() == ProgrammePlace::Outside,
                !counted,
                "{status:?}"
            );
        }
        // Outside the programme whatever is missing; else the investment first.
        a.investment_eur = None;
        assert_eq!(a.programme_place(), ProgrammePlace::Outside);
        a.status = ActionStatus::Planned;
        a.start = None;
        a.end = None;
        assert_eq!(
            a.programme_place(),
            ProgrammePlace::Uncounted(MissingFigure::Investment)
        );
    }

    #[test]
    fn sums_saturate() {
        let mut a = action(Some(f64::MAX), Some(f64::MAX), &[f64::MAX, f64::MAX]);
        a.start = Some(Date::new(-5_000, 1, 1).unwrap());
        a.end = Some(Date::new(i32::MAX, 12, 31).unwrap());
        let m = a.money();
        assert_eq!(m.cost, Ok(f64::MAX));
        assert_eq!(m.funding, f64::MAX);
        assert_eq!(m.remaining(), Some(0.0));
    }
}
