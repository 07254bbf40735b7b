//! Persistence: projects in browser storage, autosaved, never silently overwritten.

pub mod bin;
pub mod keys;
pub mod session;
pub mod store;

pub use session::{SaveStatus, Session, use_session};
