//! An action's financing as the funder follows it: the kind of aid, the beneficiary's size,
//! and each funder's line with its status (planned, requested, granted, paid, refused), dates
//! and amounts. The checks on these figures are record rules (`validate::rules::action`); the
//! follow-up tables are `charts::aids`.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::roadmap::FundingSource;
use crate::labels;

/// Where an aid stands with its funder. A line starts planned (in the financing plan), is
/// requested, then granted (an agreement, possibly for less), then paid; or refused.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AidStatus {
    #[default]
    Planned,
    Requested,
    Granted,
    Paid,
    Refused,
}

labels!(AidStatus {
    Planned => "Prévue", "Planned";
    Requested => "Demandée", "Requested";
    Granted => "Accordée", "Granted";
    Paid => "Versée", "Paid";
    Refused => "Refusée", "Refused";
});

impl AidStatus {
    pub const ALL: [AidStatus; 5] = [
        Self::Planned,
        Self::Requested,
        Self::Granted,
        Self::Paid,
        Self::Refused,
    ];
}

/// What the call funds, each with its own budget line: studies and consulting support (AMO),
/// facilitation (animation), and investments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AidKind {
    Study,
    Facilitation,
    Investment,
}

labels!(AidKind {
    Study => "Étude / AMO", "Study / consulting support";
    Facilitation => "Animation", "Facilitation";
    Investment => "Investissement", "Investment";
});

impl AidKind {
    pub const ALL: [AidKind; 3] = [Self::Study, Self::Facilitation, Self::Investment];
}

/// The size of a company that benefits from an aid, in the European SME definition that aid
/// rates depend on (Commission Recommendation 2003/361/EC: headcount and turnover or balance).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CompanySize {
    Small,
    Medium,
    Large,
}

labels!(CompanySize {
    Small => "Petite entreprise (moins de 50 salariés)", "Small enterprise (under 50 staff)";
    Medium => "Moyenne entreprise (50 à 249 salariés)", "Medium enterprise (50 to 249 staff)";
    Large => "Grande entreprise (250 salariés ou plus)", "Large enterprise (250 staff or more)";
});

impl CompanySize {
    pub const ALL: [CompanySize; 3] = [Self::Small, Self::Medium, Self::Large];
}

/// One funder's share of an action, and how far its aid has gone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FundingLine {
    pub source: FundingSource,
    /// The amount in the financing plan (what is asked for), € excluding VAT.
    pub amount_eur: f64,
    #[serde(default)]
    pub status: AidStatus,
    #[serde(default)]
    pub requested_on: Option<Date>,
    #[serde(default)]
    pub granted_on: Option<Date>,
    /// The amount granted when it differs from the one asked for.
    #[serde(default)]
    pub granted_eur: Option<f64>,
    #[serde(default)]
    pub paid_on: Option<Date>,
    /// The amount paid so far when it differs from the one granted (an advance, a balance).
    #[serde(default)]
    pub paid_eur: Option<f64>,
    #[serde(default)]
    pub note: String,
}

impl FundingLine {
    /// A line of the financing plan, not yet requested.
    pub fn planned(source: FundingSource, amount_eur: f64) -> Self {
        Self {
            source,
            amount_eur,
            status: AidStatus::Planned,
            requested_on: None,
            granted_on: None,
            granted_eur: None,
            paid_on: None,
            paid_eur: None,
            note: String::new(),
        }
    }
}

impl FundingSource {
    /// Whether the line is an aid (a funder's money) rather than the companies' own share:
    /// only aids count against the eligible cost and in the aid rate.
    pub fn is_aid(self) -> bool {
        self != Self::Companies
    }
}

impl FundingLine {
    /// The amount granted: the agreement's when it differs, else the amount asked; `None`
    /// before a grant, or when refused.
    pub fn granted(&self) -> Option<f64> {
        matches!(self.status, AidStatus::Granted | AidStatus::Paid)
            .then(|| self.granted_eur.unwrap_or(self.amount_eur))
    }

    /// The amount paid so far: the payment's when given, else the whole grant; `None` before
    /// any payment.
    pub fn paid(&self) -> Option<f64> {
        (self.status == AidStatus::Paid).then(|| {
            self.paid_eur
                .or(self.granted_eur)
                .unwrap_or(self.amount_eur)
        })
    }

    /// What the action can count on from this line: the grant once granted (paid or not),
    /// the amount asked before, nothing once refused. Every remaining cost and every total
    /// of funding uses it.
    pub fn in_force(&self) -> f64 {
        match self.status {
            AidStatus::Refused => 0.0,
            AidStatus::Granted | AidStatus::Paid => self.granted().unwrap_or(0.0),
            AidStatus::Planned | AidStatus::Requested => self.amount_eur,
        }
    }

    /// The line's status for a table, with its date when known and the amounts when they
    /// differ: "accordée le 01/09/2026 (12 500 € demandés)", "accordée le 01/09/2026, 6 000 €
    /// versés le 10/02/2027".
    pub fn status_text(&self, lang: crate::Lang) -> String {
        use crate::numbers::{Precision::Reading, number};
        let euros = |v: f64| format!("{} €", number(v, lang, Reading));
        let on = |label: String, d: Option<Date>| match d {
            Some(d) => format!("{label} {} {}", lang.pick("le", "on"), d.in_lang(lang)),
            None => label,
        };
        let label = |s: AidStatus| s.label(lang).to_lowercase();
        let granted = on(label(AidStatus::Granted), self.granted_on);
        let granted = match self.granted_eur {
            Some(g) if (g - self.amount_eur).abs() >= 0.005 => format!(
                "{granted} ({} {})",
                euros(self.amount_eur),
                lang.pick("demandés", "asked")
            ),
            _ => granted,
        };
        match self.status {
            AidStatus::Planned => label(AidStatus::Planned),
            AidStatus::Requested => on(label(AidStatus::Requested), self.requested_on),
            AidStatus::Refused => on(label(AidStatus::Refused), self.granted_on),
            AidStatus::Granted => granted,
            AidStatus::Paid => match (self.paid(), self.granted()) {
                (Some(paid), Some(all)) if paid + 0.005 < all => {
                    let paid = on(
                        format!("{} {}", euros(paid), lang.pick("versés", "paid")),
                        self.paid_on,
                    );
                    format!("{granted}, {paid}")
                }
                _ => on(label(AidStatus::Paid), self.paid_on),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn a_line_says_where_its_aid_stands_and_what_differs() {
        let d = |s: &str| Some(s.parse::<Date>().unwrap());
        let asked = FundingLine {
            requested_on: d("2026-05-20"),
            ..FundingLine::planned(FundingSource::Ademe, 12_500.0)
        };
        assert_eq!(asked.status_text(Lang::Fr), "prévue");
        let requested = FundingLine {
            status: AidStatus::Requested,
            ..asked.clone()
        };
        assert_eq!(requested.status_text(Lang::En), "requested on 2026-05-20");
        let granted = FundingLine {
            status: AidStatus::Granted,
            granted_on: d("2026-09-01"),
            granted_eur: Some(12_000.0),
            ..asked.clone()
        };
        assert_eq!(
            granted.status_text(Lang::Fr),
            "accordée le 01/09/2026 (12\u{202f}500 € demandés)"
        );
        assert_eq!(granted.in_force(), 12_000.0);
        let part_paid = FundingLine {
            status: AidStatus::Paid,
            paid_on: d("2027-02-10"),
            paid_eur: Some(6_000.0),
            ..granted.clone()
        };
        assert_eq!(
            part_paid.status_text(Lang::En),
            "granted on 2026-09-01 (12,500 € asked), 6,000 € paid on 2027-02-10"
        );
        let all_paid = FundingLine {
            paid_eur: None,
            ..part_paid
        };
        assert_eq!(all_paid.status_text(Lang::Fr), "versée le 10/02/2027");
        assert_eq!(all_paid.paid(), Some(12_000.0));
        let refused = FundingLine {
            status: AidStatus::Refused,
            granted_on: d("2026-07-01"),
            ..asked
        };
        assert_eq!(refused.status_text(Lang::Fr), "refusée le 01/07/2026");
        assert_eq!(refused.in_force(), 0.0);
    }
}
