//! Stable identifiers. They are plain strings in the file so that people can read and diff
//! them, and typed in Rust so that a flow id can never be passed where an actor id is expected.
//! Imports never trust them: the validator checks uniqueness and every reference.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(transparent)]
        pub struct $name(pub Arc<str>);

        impl $name {
            /// The prefix new ids of this kind start with (`a-12`, `f-40`...).
            pub const PREFIX: &'static str = $prefix;

            pub fn new(s: impl Into<Arc<str>>) -> Self {
                Self(s.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The first id `PREFIX-n` not present in `taken`.
            pub fn next_free<'a>(taken: impl IntoIterator<Item = &'a Self>) -> Self {
                let max = taken
                    .into_iter()
                    .filter_map(|id| id.0.strip_prefix(concat!($prefix, "-"))?.parse::<u64>().ok())
                    .max()
                    .unwrap_or(0);
                Self(format!("{}-{}", $prefix, max + 1).into())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// An actor: a company, a site or an organisation.
    ActorId, "a");
id_type!(
    /// A declared flow (an offer or a need) of one actor.
    FlowId, "f");
id_type!(
    /// A synergy the group decided to follow.
    SynergyId, "s");
id_type!(
    /// A roadmap action.
    ActionId, "r");
id_type!(
    /// A workshop (atelier).
    WorkshopId, "w");
id_type!(
    /// An entry of the mission's activity log (visit, interview, committee...).
    ActivityId, "m");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_free_skips_foreign_ids_and_takes_max_plus_one() {
        let ids = [
            ActorId::new("a-3"),
            ActorId::new("imported-x"),
            ActorId::new("a-10"),
        ];
        assert_eq!(ActorId::next_free(&ids), ActorId::new("a-11"));
        assert_eq!(FlowId::next_free(&[]), FlowId::new("f-1"));
    }
}
