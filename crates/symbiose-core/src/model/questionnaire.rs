//! A company questionnaire: one actor and its flows, sent to a company as a file, filled in on
//! its own machine and merged back into the facilitator's project.
//!
//! The shape is the project's (an `Actor`, `Flow`s), but a questionnaire made by
//! `edit::questionnaire::extract_questionnaire` leaves the facilitator's own fields empty: the
//! actor's `notes` and `tags`, each flow's `notes` and `quality.notes`. A merge reads them empty
//! as "not asked", never as "cleared".

use serde::{Deserialize, Serialize};

use super::actor::Actor;
use super::flow::Flow;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Questionnaire {
    /// The territory's name, so the company knows who asks, and the facilitator sees a file
    /// returned for another project before merging it.
    pub project_name: String,
    pub actor: Actor,
    /// The actor's flows; each one's `actor` field equals `actor.id`.
    pub flows: Vec<Flow>,
    /// (v3) Answered from the project's public copy (the company explorer): the company's
    /// record and its flows' labels are the copy's (renamed, rounded, scrubbed), not the
    /// company's words, and the merge reads them so (`edit::questionnaire::plan_merge`).
    /// Absent = made from the working project.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub from_public_copy: bool,
}
