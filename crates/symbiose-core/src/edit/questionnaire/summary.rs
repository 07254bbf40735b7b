//! What the facilitator reads before confirming a merge: the company and every flow the file
//! adds or updates, each changed field as old → new, the flows kept, the confidentiality
//! levels the file would loosen, and a warning when the file names another project.

use super::fields::{field_label, quantity_text};
use super::{ActorMatch, FieldChange, FlowOutcome, LooserConfidentiality, MergePlan};
use crate::{Lang, bilingual};

/// The plan in one language, in parts a view can lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeSummary {
    /// The file was made for another project: both names, before anything else.
    pub foreign_project: Option<String>,
    /// The company: new, unchanged, updated, or the conflict to settle.
    pub company: String,
    /// Each changed field of the company, `field : « old » → « new »`.
    pub company_changes: Vec<String>,
    /// Flows added, updated, unchanged and kept, counted.
    pub totals: String,
    /// Each flow the file adds or updates, with its changed fields.
    pub flows: Vec<FlowSummary>,
    /// The project's flows the file does not mention, by name: they stay as they are.
    pub kept: Option<String>,
    /// One line per flow whose file asks for a less strict confidentiality.
    pub confidentiality: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowSummary {
    pub title: String,
    pub changes: Vec<String>,
}

/// Longer values are shortened in the middle: the summary must stay readable, and the start
/// and the end of a note (where an appended text goes) both stay visible.
const SHOWN_CHARS: usize = 160;

fn quoted(value: &str, lang: Lang) -> String {
    // Line breaks of a note would break the one-line-per-field layout.
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        return lang.pick("(vide)", "(empty)").to_string();
    }
    let chars: Vec<char> = value.chars().collect();
    let value = if chars.len() > SHOWN_CHARS {
        let half = SHOWN_CHARS / 2;
        let head: String = chars[..half].iter().collect();
        let tail: String = chars[chars.len() - half..].iter().collect();
        format!("{} … {}", head.trim_end(), tail.trim_start())
    } else {
        value
    };
    match lang {
        Lang::Fr => format!("« {value} »"),
        Lang::En => format!("\"{value}\""),
    }
}

fn change_line(c: &FieldChange, lang: Lang) -> String {
    let sep = lang.pick(" : ", ": ");
    format!(
        "{}{sep}{} → {}",
        field_label(c.field, lang),
        quoted(c.old.get(lang), lang),
        quoted(c.new.get(lang), lang)
    )
}

impl LooserConfidentiality {
    /// What the file asks for this flow and what the merge will do about it.
    pub fn describe(&self, lang: Lang) -> String {
        let label = quoted(&self.label, lang);
        let file = quoted(self.file.label(lang), lang);
        let project = quoted(self.project.label(lang), lang);
        if self.accepted {
            bilingual!(in lang,
                "{label} : {project} → {file}, accepté.",
                "{label}: {project} → {file}, accepted."
            )
        } else {
            bilingual!(in lang,
                "{label} : le fichier demande {file} ; {project}, plus strict, est gardé.",
                "{label}: the file asks for {file}; {project}, stricter, is kept."
            )
        }
    }
}

impl MergePlan {
    /// The summary in parts, for the dialog.
    pub fn summary_parts(&self, lang: Lang) -> MergeSummary {
        let count = |f: fn(&FlowOutcome) -> bool| self.flows.iter().filter(|o| f(o)).count();
        let added = count(|o| matches!(o, FlowOutcome::Added(_)));
        let updated = count(|o| matches!(o, FlowOutcome::Updated { .. }));
        let unchanged = count(|o| matches!(o, FlowOutcome::Unchanged(_)));
        let kept = self.kept.len();
        // The project's name for a known company: the file's may be blank or misspelt.
        let name = quoted(
            self.project_actor
                .as_ref()
                .map_or(&self.questionnaire.actor.name, |a| &a.name),
            lang,
        );
        let (company, company_changes) = match &self.actor {
            ActorMatch::New { .. } => (
                bilingual!(in lang,
                    "Nouvelle entreprise {name}.",
                    "New company {name}."
                ),
                Vec::new(),
            ),
            ActorMatch::Existing { changes, .. } if changes.is_empty() => (
                bilingual!(in lang,
                    "{name} : fiche inchangée.",
                    "{name}: details unchanged."
                ),
                Vec::new(),
            ),
            ActorMatch::Existing { changes, .. } => (
                bilingual!(in lang,
                    "{name} : fiche mise à jour.",
                    "{name}: details updated."
                ),
                changes.iter().map(|c| change_line(c, lang)).collect(),
            ),
            ActorMatch::Conflict { by_siret, by_id } => (
                bilingual!(in lang,
                    "Conflit : le SIRET désigne {by_siret}, l'identifiant désigne {by_id}. Choisissez.",
                    "Conflict: the SIRET names {by_siret}, the id names {by_id}. Choose."
                ),
                Vec::new(),
            ),
        };
        let totals = bilingual!(in lang,
            "Flux : {added} ajouté(s), {updated} mis à jour, {unchanged} inchangé(s), {kept} gardé(s) (absents du fichier).",
            "Flows: {added} added, {updated} updated, {unchanged} unchanged, {kept} kept (not in the file)."
        );
        let flows = self
            .flows
            .iter()
            .filter_map(|o| match o {
                FlowOutcome::Added(f) => {
                    let what = [
                        Some(f.direction.label(lang).to_string()),
                        Some(f.family.label(lang).to_string()),
                        f.quantity.map(|q| quantity_text(q, lang)),
                        Some(f.confidentiality.label(lang).to_string()),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                    let label = quoted(&f.label, lang);
                    Some(FlowSummary {
                        title: bilingual!(in lang,
                            "Nouveau flux {label} ({what}).",
                            "New flow {label} ({what})."
                        ),
                        changes: Vec::new(),
                    })
                }
                FlowOutcome::Updated { old, changes, .. } => {
                    let label = quoted(&old.label, lang);
                    Some(FlowSummary {
                        title: bilingual!(in lang,
                            "Flux {label} mis à jour :",
                            "Flow {label} updated:"
                        ),
                        changes: changes.iter().map(|c| change_line(c, lang)).collect(),
                    })
                }
                FlowOutcome::Unchanged(_) => None,
            })
            .collect();
        let kept_names = self
            .existing
            .iter()
            .filter(|f| self.kept.contains(&f.id))
            .map(|f| quoted(&f.label, lang))
            .collect::<Vec<_>>()
            .join(", ");
        let kept = (!self.kept.is_empty()).then(|| {
            bilingual!(in lang,
                "Gardés tels quels (absents du fichier) : {kept_names}.",
                "Kept as they are (not in the file): {kept_names}."
            )
        });
        let foreign_project = self.foreign_project.as_ref().map(|f| {
            let project = quoted(&f.project, lang);
            if f.file.trim().is_empty() {
                bilingual!(in lang,
                    "Attention : ce questionnaire ne nomme aucun projet, et le projet ouvert est {project}. Vérifiez que c'est le bon fichier avant de fusionner.",
                    "Warning: this questionnaire names no project, and the open project is {project}. Check it is the right file before merging."
                )
            } else {
                let file = quoted(&f.file, lang);
                bilingual!(in lang,
                    "Attention : ce questionnaire a été fait pour le projet {file}, pas pour {project}. Vérifiez que c'est le bon fichier avant de fusionner.",
                    "Warning: this questionnaire was made for the project {file}, not {project}. Check it is the right file before merging."
                )
            }
        });
        MergeSummary {
            foreign_project,
            company,
            company_changes,
            totals,
            flows,
            kept,
            confidentiality: self.looser.iter().map(|l| l.describe(lang)).collect(),
        }
    }

    /// The whole summary as text, one line per statement and per changed field.
    pub fn summary(&self, lang: Lang) -> String {
        let s = self.summary_parts(lang);
        let mut lines: Vec<String> = Vec::new();
        lines.extend(s.foreign_project);
        lines.push(s.company);
        lines.extend(s.company_changes.into_iter().map(|c| format!("  • {c}")));
        lines.push(s.totals);
        for f in s.flows {
            lines.push(f.title);
            lines.extend(f.changes.into_iter().map(|c| format!("  • {c}")));
        }
        lines.extend(s.kept);
        if !s.confidentiality.is_empty() {
            lines.push(
                lang.pick("Confidentialité :", "Confidentiality:")
                    .to_string(),
            );
            lines.extend(s.confidentiality.into_iter().map(|c| format!("  • {c}")));
        }
        lines.join("\n")
    }
}
