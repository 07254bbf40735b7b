//! Choosing which exchanges to pursue: the set of substitution proposals that maximises the
//! total net benefit (€ or tCO2e per year) without any offer giving, or any need taking,
//! more than its declared quantity. A linear programme, solved by `good_lp` with its
//! pure-Rust `microlp` backend (so it runs in the browser too).

use std::collections::HashMap;

use good_lp::{Expression, ProblemVariables, Solution, SolverModel, microlp, variable};
use serde::{Deserialize, Serialize};

use crate::detect::Proposal;
use crate::model::FlowId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    Euros,
    Co2e,
}

/// One exchange of the optimal plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chosen {
    pub key: String,
    /// Quantity per year in the proposal's base unit.
    pub amount: f64,
    pub benefit: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub objective: Objective,
    pub chosen: Vec<Chosen>,
    pub total: f64,
    /// Proposals left out of the programme: no need, no comparable quantity, or no estimate
    /// of the chosen benefit.
    pub not_considered: usize,
}

/// The solver's own words (English) and, for the user, what failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("optimisation failed: {0}")]
pub struct OptimiseError(String);

impl OptimiseError {
    #[cfg(test)]
    pub(crate) fn new(detail: &str) -> Self {
        Self(detail.to_string())
    }
}

/// The English message is the `Display` form.
impl crate::UserMessage for OptimiseError {
    fn message(&self) -> crate::Bilingual {
        let fr = format!("l'optimisation a échoué : {}", self.0);
        crate::Bilingual::new(fr, self.to_string())
    }
}

/// The best plan over the proposals (substitutions with a need and a matched quantity).
pub fn optimise(proposals: &[Proposal], objective: Objective) -> Result<Plan, OptimiseError> {
    let usable: Vec<(&Proposal, &FlowId, f64, f64)> = proposals
        .iter()
        .filter_map(|p| {
            let need = p.need.as_ref()?;
            let amount = p.matched().filter(|m| *m > 0.0)?;
            p.offer_quantity().zip(p.need_quantity())?;
            let per_unit = match objective {
                Objective::Euros => p.eur_per_unit()?,
                Objective::Co2e => p.tco2e_per_unit()?,
            };
            // An exchange that loses money (or emits more) is never worth choosing.
            (per_unit > 0.0).then_some((p, need, amount, per_unit))
        })
        .collect();
    let not_considered = proposals.len() - usable.len();
    if usable.is_empty() {
        return Ok(Plan {
            objective,
            chosen: Vec::new(),
            total: 0.0,
            not_considered,
        });
    }
    let mut vars = ProblemVariables::new();
    // A proposal can move at most min(offer, need).
    let x: Vec<_> = usable
        .iter()
        .map(|(_, _, amount, _)| vars.add(variable().min(0.0).max(*amount)))
        .collect();
    let objective_expr: Expression = usable
        .iter()
        .zip(&x)
        .map(|((_, _, _, per_unit), v)| *per_unit * *v)
        .sum();
    let mut offer_rows: HashMap<&FlowId, (f64, Expression)> = HashMap::new();
    let mut need_rows: HashMap<&FlowId, (f64, Expression)> = HashMap::new();
    for ((p, need, _, _), v) in usable.iter().zip(&x) {
        let o = offer_rows
            .entry(&p.offer)
            .or_insert((p.offer_quantity().unwrap_or(0.0), Expression::from(0.0)));
        o.1 += *v;
        let n = need_rows
            .entry(need)
            .or_insert((p.need_quantity().unwrap_or(0.0), Expression::from(0.0)));
        n.1 += *v;
    }
    let mut model = vars.maximise(objective_expr.clone()).using(microlp);
    for (cap, expr) in offer_rows.into_values().chain(need_rows.into_values()) {
        model = model.with(expr.leq(cap));
    }
    let solution = model.solve().map_err(|e| OptimiseError(e.to_string()))?;
    let mut chosen: Vec<Chosen> = usable
        .iter()
        .zip(&x)
        .filter_map(|((p, _, _, per_unit), v)| {
            let amount = solution.value(*v);
            (amount > 1e-9).then(|| Chosen {
                key: p.key(),
                amount,
                benefit: amount * per_unit,
            })
        })
        .collect();
    chosen.sort_by(|a, b| {
        b.benefit
            .total_cmp(&a.benefit)
            .then_with(|| a.key.cmp(&b.key))
    });
    let total = chosen.iter().map(|c| c.benefit).sum();
    Ok(Plan {
        objective,
        chosen,
        total,
        not_considered,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::ProposalKind;
    use crate::model::{ActorId, Unit};

    fn proposal(offer: &str, need: &str, offer_q: f64, need_q: f64, eur_per_unit: f64) -> Proposal {
        let mut why = crate::detect::why::Why::unknown();
        why.quantity.matched = Some(offer_q.min(need_q)).into();
        why.quantity.unit = Some(Unit::Tonne);
        why.quantity.offer_annual = Some(offer_q).into();
        why.quantity.need_annual = Some(need_q).into();
        why.road_km = Some(5.0).into();
        why.economics.net = Some(offer_q.min(need_q) * eur_per_unit).into();
        why.economics.net_per_unit = Some(eur_per_unit).into();
        Proposal {
            kind: ProposalKind::Substitution,
            offer: FlowId::new(offer),
            offer_actor: ActorId::new("a-1"),
            receiver: ActorId::new("a-2"),
            need: Some(FlowId::new(need)),
            score: 0.5,
            why,
        }
    }

    #[test]
    fn known_optimum_splits_an_offer_between_needs() {
        // Offer A 100 t; needs X 60 t (10 €/t from A) and Y 70 t (8 €/t from A, 9 €/t from B);
        // offer B 50 t. Best: A→X 60, B→Y 50, A→Y 20: 600 + 450 + 160 = 1210 €.
        let ps = vec![
            proposal("A", "X", 100.0, 60.0, 10.0),
            proposal("A", "Y", 100.0, 70.0, 8.0),
            proposal("B", "Y", 50.0, 70.0, 9.0),
            proposal("B", "X", 50.0, 60.0, -1.0),
        ];
        let plan = optimise(&ps, Objective::Euros).unwrap();
        assert!((plan.total - 1210.0).abs() < 1e-6, "{plan:?}");
        let amount = |k: &str| {
            plan.chosen
                .iter()
                .find(|c| c.key == k)
                .map_or(0.0, |c| c.amount)
        };
        assert!((amount("sub:A:X") - 60.0).abs() < 1e-6);
        assert!((amount("sub:B:Y") - 50.0).abs() < 1e-6);
        assert!((amount("sub:A:Y") - 20.0).abs() < 1e-6);
        assert_eq!(
            plan.not_considered, 1,
            "the loss-making exchange is left out"
        );
        let co2 = optimise(&ps, Objective::Co2e).unwrap();
        assert!(co2.chosen.is_empty() && co2.not_considered == 4);
    }
}
