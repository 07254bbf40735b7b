//! From proposals to implemented synergies: how many reached each stage. A synergy counts in
//! every stage it went through (its dated history), so the funnel never widens downwards;
//! abandoned ones are shown apart, with the stage they had reached counted above.

use super::svg::{escape, no_data, open};
use crate::model::{Project, Stage, Synergy};
use crate::numbers::{Precision::Reading, number};
use crate::{Bilingual, Lang};

#[derive(Debug, Clone, PartialEq)]
pub struct FunnelStep {
    pub label: Bilingual,
    pub count: usize,
}

/// The furthest stage a synergy reached on the road idea → implemented.
fn reached(s: &Synergy) -> Stage {
    s.history
        .iter()
        .map(|h| h.stage)
        .chain(std::iter::once(s.stage))
        .filter(|st| *st != Stage::Abandoned)
        .max()
        .unwrap_or(Stage::Idea)
}

/// Proposals found, then synergies by furthest stage reached, then the abandoned ones.
pub fn funnel(p: &Project, proposals: usize) -> Vec<FunnelStep> {
    let mut steps = vec![FunnelStep {
        label: Bilingual::new("Propositions détectées", "Proposals found"),
        count: proposals,
    }];
    for stage in [
        Stage::Idea,
        Stage::UnderStudy,
        Stage::Negotiating,
        Stage::Implemented,
    ] {
        steps.push(FunnelStep {
            label: Bilingual::from_fn(|l| stage.label(l)),
            count: p.synergies.iter().filter(|s| reached(s) >= stage).count(),
        });
    }
    steps.push(FunnelStep {
        label: Bilingual::from_fn(|l| Stage::Abandoned.label(l)),
        count: p
            .synergies
            .iter()
            .filter(|s| s.stage == Stage::Abandoned)
            .count(),
    });
    steps
}

const COLOURS: [&str; 6] = [
    "#90a4ae", "#78909c", "#1e88e5", "#f9a825", "#2e7d32", "#b71c1c",
];

pub fn funnel_svg(steps: &[FunnelStep], lang: Lang) -> String {
    let title = lang.pick("Entonnoir des synergies", "Synergy funnel");
    if steps.iter().all(|s| s.count == 0) {
        return no_data(title, lang);
    }
    let desc = steps
        .iter()
        .map(|s| format!("{} : {}", s.label.get(lang), s.count))
        .collect::<Vec<_>>()
        .join(" ; ");
    // The proposals can outnumber synergies a hundredfold: widths follow a square root, so
    // that the synergies' steps stay visible, and every count is written.
    let max = steps.iter().map(|s| s.count).max().unwrap_or(1).max(1) as f64;
    let (width, row) = (760.0, 46.0);
    let mut out = open(width, 40.0 + row * steps.len() as f64, title, &desc);
    out.push_str(&format!(
        "<text x=\"0\" y=\"22\" font-weight=\"700\" font-size=\"18\">{}</text>",
        escape(title)
    ));
    for (i, s) in steps.iter().enumerate() {
        let y = 36.0 + row * i as f64;
        let w = ((s.count as f64 / max).sqrt() * 420.0).max(4.0);
        let x = 220.0 + (420.0 - w) / 2.0;
        out.push_str(&format!(
            "<text x=\"210\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"34\" rx=\"4\" fill=\"{}\"/><text x=\"650\" y=\"{}\" font-weight=\"700\">{}</text>",
            y + 23.0,
            escape(s.label.get(lang)),
            COLOURS[i % COLOURS.len()],
            y + 23.0,
            number(s.count as f64, lang, Reading)
        ));
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, StageChange, SynergyId};

    fn synergy(id: &str, stage: Stage, went_through: &[Stage]) -> Synergy {
        Synergy {
            id: SynergyId::new(id),
            stage,
            history: went_through
                .iter()
                .map(|st| StageChange {
                    stage: *st,
                    date: Date::new(2026, 1, 1).unwrap(),
                    note: String::new(),
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn a_synergy_counts_in_every_stage_it_reached() {
        let p = Project {
            synergies: vec![
                synergy(
                    "s-1",
                    Stage::Implemented,
                    &[Stage::Idea, Stage::UnderStudy, Stage::Implemented],
                ),
                synergy(
                    "s-2",
                    Stage::Abandoned,
                    &[Stage::Idea, Stage::Negotiating, Stage::Abandoned],
                ),
                synergy("s-3", Stage::Idea, &[]),
            ],
            ..Default::default()
        };
        let counts: Vec<usize> = funnel(&p, 40).iter().map(|s| s.count).collect();
        assert_eq!(counts, [40, 3, 2, 2, 1, 1]);
        let svg = funnel_svg(&funnel(&p, 40), Lang::Fr);
        assert_eq!(svg.matches("<rect").count(), 6);
        assert!(svg.contains("<desc>Propositions détectées : 40 ; Idée : 3 ; À l&#39;étude : 2"));
    }

    #[test]
    fn an_empty_project_says_no_data() {
        let svg = funnel_svg(&funnel(&Project::default(), 0), Lang::Fr);
        assert!(svg.contains("Aucune donnée"));
    }
}
