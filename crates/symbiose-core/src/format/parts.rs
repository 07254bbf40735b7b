//! The project file written a piece at a time, for an autosave that must not hold the page's
//! only thread for a whole territory (a task of 400–500 ms at 5,000 companies): the file around
//! the companies and flows at once, then the companies and flows a few at a time, each deflated
//! into the stored value (`packed`) as it comes. The text is the one [`super::save_project`]
//! writes (test).

use super::packed::Packing;
use crate::model::Project;

/// Where the companies' and the flows' lists sit in the file of a project without them: the
/// project's own fields, in their declared order (name, territory, then these two).
const EMPTY_LISTS: &str = r#""actors":[],"flows":[]"#;

/// A project file being written (see the module's comment).
pub struct Writing {
    packing: Packing,
    /// From the end of the companies' list to the start of the flows'.
    between: &'static str,
    /// From the end of the flows' list to the end of the file.
    tail: String,
    in_flows: bool,
    next: usize,
}

impl Writing {
    /// Writes the file up to the first company. The project is lent mutably only to write it
    /// without its companies and flows, which are back in place when this returns.
    pub fn start(project: &mut Project) -> Self {
        let actors = std::mem::take(&mut project.actors);
        let flows = std::mem::take(&mut project.flows);
        let shell = super::save_project(project, false);
        project.actors = actors;
        project.flows = flows;
        // The first occurrence is the project's: only its name and territory come before, and
        // neither has these keys; a synergy lists its flows before its companies.
        let at = shell
            .find(EMPTY_LISTS)
            .expect("a project file lists its companies, then its flows");
        let mut packing = Packing::new();
        packing.push(&shell.as_bytes()[..at + r#""actors":["#.len()]);
        Self {
            packing,
            between: r#"],"flows":["#,
            tail: shell[at + EMPTY_LISTS.len() - 1..].to_string(),
            in_flows: false,
            next: 0,
        }
    }

    /// Writes the next companies, then flows, of `project` (the one given to [`Writing::start`],
    /// unchanged since) while `go_on` says so (asked after each). True once all are written.
    pub fn step(&mut self, project: &Project, mut go_on: impl FnMut() -> bool) -> bool {
        loop {
            let written = if self.in_flows {
                self.write_next(&project.flows)
            } else {
                self.write_next(&project.actors)
            };
            if !written {
                if self.in_flows {
                    return true;
                }
                self.packing.push(self.between.as_bytes());
                self.in_flows = true;
                self.next = 0;
            }
            if !go_on() {
                return false;
            }
        }
    }

    /// Writes the next record of `list`; false when there is none.
    fn write_next<T: serde::Serialize>(&mut self, list: &[T]) -> bool {
        let Some(record) = list.get(self.next) else {
            return false;
        };
        if self.next > 0 {
            self.packing.push(b",");
        }
        // Through `dyn Write`, as `save_project` writes: one compiled copy of the model's writer.
        let out: &mut dyn std::io::Write = &mut self.packing;
        serde_json::to_writer(out, record).expect("the model serialises");
        self.next += 1;
        true
    }

    /// The stored value (`packed`): the rest of the file written and the stream closed.
    pub fn finish(mut self) -> String {
        self.packing.push(self.tail.as_bytes());
        self.packing.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{packed, save_project};

    fn written_in_steps(project: &mut Project, per_step: usize) -> (String, usize) {
        let mut w = Writing::start(project);
        let mut steps = 1;
        loop {
            let mut left = per_step;
            let done = w.step(project, || {
                left -= 1;
                left > 0
            });
            if done {
                break;
            }
            steps += 1;
        }
        (packed::unpack(&w.finish()).unwrap().into_owned(), steps)
    }

    #[test]
    fn written_in_pieces_it_is_the_file_save_writes() {
        let mut demo = crate::demo::project();
        // A synergy with empty lists of flows and companies, ahead of nothing it could be
        // taken for.
        let mut s = demo.synergies[0].clone();
        s.flows.clear();
        s.actors.clear();
        demo.synergies.push(s);
        let mut territory = crate::detect::synthetic::territory(300, 6);
        for (p, per_step) in [
            (&mut demo, 1),
            (&mut territory, 37),
            (&mut Project::default(), 5),
        ] {
            let want = save_project(p, false);
            let (text, steps) = written_in_steps(p, per_step);
            assert_eq!(text, want);
            assert_eq!(save_project(p, false), want, "the project is as it was");
            let records = p.actors.len() + p.flows.len();
            assert!(
                steps >= records / per_step,
                "{steps} steps for {records} records"
            );
        }
    }
}
