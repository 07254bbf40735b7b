//! The bin: copies kept before every destructive step (deleting a project, replacing it by an
//! import or a roadmap file, the first save of a repair), restorable until the user empties it.
//! Entries are written by `store::bin_put`; this module brings them back.

use symbiose_core::format::{self, packed};

use super::keys::{BinEntry, BinReason, Meta, Stamp};
use super::store::{self, SaveError};

/// Where a restored copy went.
#[derive(Debug, Clone, PartialEq)]
pub enum Restored {
    /// Back under its own id, which was free.
    AsItWas(String),
    /// Over the project it came from; what that project held is now in the bin.
    Over(String),
    /// Under a new id: its own was taken by a project it does not replace.
    AsNew(String),
}

impl Restored {
    pub fn id(&self) -> &str {
        match self {
            Restored::AsItWas(id) | Restored::Over(id) | Restored::AsNew(id) => id,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum RestoreError {
    /// The entry is gone (emptied in another tab) or its header is unreadable.
    Missing,
    Storage(SaveError),
}

/// What the home view lists of a restored project: read from the copy when it loads, from the
/// entry otherwise (a copy taken before a repair does not load, by nature).
fn meta_for(entry: &BinEntry, stored: &str) -> Meta {
    let (_, body) = Stamp::read(stored);
    let loaded = packed::unpack(body)
        .ok()
        .and_then(|text| format::load_project(&text).ok());
    match loaded {
        Some(l) => super::session::meta_of(&l.value),
        None => Meta {
            name: entry.name.clone(),
            actors: entry.actors,
            flows: entry.flows,
            synergies: 0,
            saved_at: js_sys::Date::now(),
            public_copy: false,
        },
    }
}

/// Puts a bin entry back. A copy of a replaced version goes over the project it came from,
/// after that project's current value went to the bin in turn (so a restore can be undone the
/// same way); a deleted project comes back under its id. The copy gets a new stamp: a tab that
/// has the project open sees that someone else wrote it.
pub fn restore(entry_id: &str, writer: &str) -> Result<Restored, RestoreError> {
    let value = store::bin_read(entry_id).ok_or(RestoreError::Missing)?;
    let (entry, stored) = BinEntry::unpack(&value).ok_or(RestoreError::Missing)?;
    let current = store::read_stored(&entry.project);
    let restored = match (&current, entry.reason) {
        (None, _) => Restored::AsItWas(entry.project.clone()),
        (Some(_), BinReason::Deleted) => Restored::AsNew(super::keys::new_project_id(
            js_sys::Date::now(),
            js_sys::Math::random(),
        )),
        (Some(now), _) => {
            let at = js_sys::Date::now();
            let replaced = match store::read_meta(&entry.project) {
                Some(m) => BinEntry {
                    reason: BinReason::ReplacedByRestore,
                    project: entry.project.clone(),
                    name: m.name,
                    actors: m.actors,
                    flows: m.flows,
                    at,
                },
                None => BinEntry {
                    reason: BinReason::ReplacedByRestore,
                    at,
                    ..entry.clone()
                },
            };
            store::bin_put(&replaced, now).map_err(RestoreError::Storage)?;
            Restored::Over(entry.project.clone())
        }
    };
    let id = restored.id();
    let previous = store::read_stamp(id).unwrap_or(super::keys::StampRead::None);
    let (_, body) = Stamp::read(stored);
    let stamp = Stamp::next(&previous, writer);
    store::write_stored(id, &stamp.put_on(body), &meta_for(&entry, stored))
        .map_err(RestoreError::Storage)?;
    store::bin_remove(entry_id);
    Ok(restored)
}

/// The project file text a bin entry keeps, for an export: unpacked when it unpacks, the
/// entry's whole value otherwise (the user's data either way).
pub fn export_text(entry_id: &str) -> Option<String> {
    let value = store::bin_read(entry_id)?;
    let Some((_, stored)) = BinEntry::unpack(&value) else {
        return Some(value);
    };
    let (_, body) = Stamp::read(stored);
    Some(match packed::unpack(body) {
        Ok(text) => text.into_owned(),
        Err(_) => stored.to_string(),
    })
}

/// Empties the bin: every entry is deleted for good.
pub fn empty() {
    for (id, _) in store::bin_list() {
        store::bin_remove(&id);
    }
}
