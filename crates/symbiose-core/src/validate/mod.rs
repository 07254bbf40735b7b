//! Validation of a whole project: every problem, each with its location, in French and English.
//!
//! Errors make a file unloadable (a dangling reference, a negative quantity); warnings are kept
//! data that deserves a look (an unknown waste or NAF code is kept as typed, never dropped).

mod checks;
pub mod rules;

use serde::{Deserialize, Serialize};

use crate::model::{Project, Questionnaire};
use crate::{Bilingual, Lang};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// Where, as a path into the project: `flows[12].quantity`.
    pub path: String,
    pub message: Bilingual,
}

impl Problem {
    pub fn new(path: impl Into<String>, fr: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            message: Bilingual::new(fr, en),
        }
    }

    /// `flux n° 13 › quantité (flows[12].quantity) : valeur négative` (French typography) or
    /// `flow 13 › quantity (flows[12].quantity): negative value`: the place as a reader counts,
    /// and the path for whoever mends the file by hand (`format::fault::place_with_path`).
    pub fn to_string_in(&self, lang: Lang) -> String {
        let place = crate::format::fault::place_with_path(&self.path, lang);
        match lang {
            Lang::Fr => format!("{place} : {}", self.message.fr),
            Lang::En => format!("{place}: {}", self.message.en),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
}

impl Report {
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    pub(crate) fn error(
        &mut self,
        path: impl Into<String>,
        fr: impl Into<String>,
        en: impl Into<String>,
    ) {
        self.errors.push(Problem::new(path, fr, en));
    }

    pub(crate) fn warn(
        &mut self,
        path: impl Into<String>,
        fr: impl Into<String>,
        en: impl Into<String>,
    ) {
        self.warnings.push(Problem::new(path, fr, en));
    }
}

pub fn validate(p: &Project) -> Report {
    let mut r = Report::default();
    checks::ids_and_references(p, &mut r);
    checks::shared_sirets(p, &mut r);
    rules::project(p, &mut r);
    r
}

/// A questionnaire is one actor and its flows: every flow must belong to that actor.
pub fn validate_questionnaire(q: &Questionnaire) -> Report {
    let p = Project {
        actors: vec![q.actor.clone()],
        flows: q.flows.clone(),
        ..Default::default()
    };
    let mut r = Report::default();
    checks::ids_and_references(&p, &mut r);
    rules::actor(&q.actor, "actors[0]", &mut r);
    for (i, f) in q.flows.iter().enumerate() {
        rules::flow(f, &format!("flows[{i}]"), &mut r);
    }
    for e in r.errors.iter_mut().chain(r.warnings.iter_mut()) {
        if let Some(rest) = e.path.strip_prefix("actors[0]") {
            e.path = format!("actor{rest}");
        }
    }
    r
}

#[cfg(test)]
mod tests;
