//! The roadmap and dashboard as a file of its own: the synergies followed, the roadmap actions,
//! the indicator targets and measurements, the workshops, the mission's activity log and the
//! programme fields of the territory, without the inventory (actors and flows).
//!
//! ```json
//! {"type": "symbiose-roadmap", "version": 3, "source": "symbiose 0.1.0", "roadmap": {...}}
//! ```
//!
//! It lets a facilitator share where the programme stands (with a funder, a colleague, a second
//! machine) without sending the companies' declarations, and bring a colleague's roadmap back
//! into a project as one undoable step ([`merge_roadmap`]). The synergies still name actors and
//! flows by id, so the file merges only into a project that holds them; it carries costs and
//! notes, so for eco-communication export the roadmap of [`super::public::anonymise`] instead.
//!
//! The envelope is the project file's (`crate::format::envelope`), with a version and a
//! migration chain of its own, because the file's shape can change without the project's.
//! History:
//! - v1: first version.
//! - v2: synergies carry their regulatory checklist.
//! - v3: actions' financing (eligible cost, aid status), the activity log, the maturity.

mod error;

pub use error::RoadmapError;

use serde::{Deserialize, Serialize};

use crate::edit::{self, Command};
use crate::format::envelope;
use crate::model::{
    Activity, BaselineValue, Maturity, Measurement, ProgrammePhase, ProgrammeTrack, Project,
    RoadmapAction, Synergy, Target, Territory, Workshop,
};
use crate::validate;

pub const ROADMAP_TYPE: &str = envelope::ROADMAP.type_name;
/// The version this build writes and the newest it reads.
pub const ROADMAP_VERSION: u32 = envelope::ROADMAP.version;

/// Where the programme stands: the territory's fields that the roadmap, not the map, is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Programme {
    pub phase: ProgrammePhase,
    pub track: ProgrammeTrack,
    pub start_year: Option<i32>,
    pub baseline_year: Option<i32>,
    /// v3.
    pub maturity: Option<Maturity>,
    /// v3.
    pub baseline_values: Vec<BaselineValue>,
    pub facilitator: String,
    pub funders: Vec<String>,
}

/// The parts of a project a roadmap file carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct Roadmap {
    /// For the reader of the file; merging leaves the project's name alone.
    pub project_name: String,
    pub programme: Programme,
    pub synergies: Vec<Synergy>,
    pub actions: Vec<RoadmapAction>,
    pub targets: Vec<Target>,
    pub measurements: Vec<Measurement>,
    pub workshops: Vec<Workshop>,
    /// The mission's activity log (v3).
    pub activities: Vec<Activity>,
}

/// The roadmap parts of a project.
pub fn extract(p: &Project) -> Roadmap {
    let t = &p.territory;
    Roadmap {
        project_name: p.name.clone(),
        programme: Programme {
            phase: t.phase,
            track: t.track,
            start_year: t.start_year,
            baseline_year: t.baseline_year,
            maturity: t.maturity,
            baseline_values: t.baseline_values.clone(),
            facilitator: t.facilitator.clone(),
            funders: t.funders.clone(),
        },
        synergies: p.synergies.clone(),
        actions: p.actions.clone(),
        targets: p.targets.clone(),
        measurements: p.measurements.clone(),
        workshops: p.workshops.clone(),
        activities: p.activities.clone(),
    }
}

/// The roadmap file of a project, pretty-printed JSON.
pub fn save_roadmap(p: &Project) -> String {
    envelope::write(envelope::ROADMAP, &extract(p), true)
}

/// Reads a roadmap file: the envelope every Symbiose file shares (size, strict JSON, type,
/// version and the roadmap's migration chain), then the shape with the path of any bad value.
/// References to actors and flows are checked by [`merge_roadmap`], against the project.
pub fn load_roadmap(text: &str) -> Result<Roadmap, RoadmapError> {
    let (body, _) = envelope::read(text, envelope::ROADMAP)?;
    Ok(envelope::deserialise(body, envelope::ROADMAP)?)
}

/// One command that puts `roadmap` in place of the project's synergies, actions, targets,
/// measurements, workshops and programme fields, keeping its actors, flows, name and map.
/// Applied with [`edit::apply`], it is one step of the history, undone as one.
///
/// The command is tried on a copy first, so an error comes back here, not from the app's
/// `apply`: a synergy naming an actor the project lacks ([`RoadmapError::Conflict`]), or a
/// roadmap that would make the project invalid ([`RoadmapError::Invalid`], only the problems
/// the project did not already have).
pub fn merge_roadmap(p: &Project, roadmap: Roadmap) -> Result<Command, RoadmapError> {
    use Command as C;
    // Actions first: removing a synergy would otherwise edit the actions linked to it.
    let mut commands: Vec<Command> = p
        .actions
        .iter()
        .map(|a| C::RemoveAction(a.id.clone()))
        .collect();
    commands.extend(p.synergies.iter().map(|s| C::RemoveSynergy(s.id.clone())));
    commands.extend(p.targets.iter().map(|_| C::RemoveTarget(0)));
    commands.extend(p.measurements.iter().map(|_| C::RemoveMeasurement(0)));
    commands.extend(p.workshops.iter().map(|w| C::RemoveWorkshop(w.id.clone())));
    commands.extend(p.activities.iter().map(|a| C::RemoveActivity(a.id.clone())));
    let Roadmap {
        project_name: _,
        programme,
        synergies,
        actions,
        targets,
        measurements,
        workshops,
        activities,
    } = roadmap;
    commands.extend(synergies.into_iter().map(C::AddSynergy));
    commands.extend(actions.into_iter().map(C::AddAction));
    commands.extend(targets.into_iter().map(C::AddTarget));
    commands.extend(measurements.into_iter().map(C::AddMeasurement));
    commands.extend(workshops.into_iter().map(C::AddWorkshop));
    commands.extend(activities.into_iter().map(C::AddActivity));
    commands.push(C::SetTerritory(Territory {
        phase: programme.phase,
        track: programme.track,
        start_year: programme.start_year,
        baseline_year: programme.baseline_year,
        maturity: programme.maturity,
        baseline_values: programme.baseline_values,
        facilitator: programme.facilitator,
        funders: programme.funders,
        ..p.territory.clone()
    }));
    let command = C::Batch(commands);

    let mut trial = p.clone();
    edit::apply(&mut trial, command.clone()).map_err(|e| match e {
        edit::EditError::Invalid(problems) => RoadmapError::Invalid(problems),
        other => RoadmapError::Conflict(other),
    })?;
    let before = validate::validate(p).errors;
    let new: Vec<_> = validate::validate(&trial)
        .errors
        .into_iter()
        .filter(|e| !before.contains(e))
        .collect();
    if !new.is_empty() {
        return Err(RoadmapError::Invalid(new));
    }
    Ok(command)
}
