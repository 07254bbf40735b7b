//! Reading and writing projects in localStorage (through gloo-storage's handle).
//!
//! Writes never destroy a good value: `setItem` either stores the new text or throws (quota)
//! and leaves the previous one as it was, which is what "storage full keeps the last save"
//! relies on. Reads never delete: an unreadable project stays where it is until the user
//! exports or deletes it. Deleting moves the project to the bin first (see `keys::BinEntry`).

use gloo_storage::{LocalStorage, Storage};
use symbiose_core::format::{LoadError, packed};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::keys::{
    BinEntry, Meta, SKETCH_KEY, Stamp, StampRead, bin_entry_of, bin_key, meta_key, new_project_id,
    project_id_of, project_key,
};

#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// The browser's storage quota is reached.
    Full,
    /// Storage refused for another reason (disabled, private mode...).
    Refused(String),
}

fn storage() -> web_sys::Storage {
    LocalStorage::raw()
}

fn classify(err: JsValue) -> SaveError {
    let name = js_sys::Reflect::get(&err, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        SaveError::Full
    } else {
        let msg = js_sys::Reflect::get(&err, &"message".into())
            .ok()
            .and_then(|m| m.as_string());
        SaveError::Refused(msg.unwrap_or(name))
    }
}

/// Stores a value. Storage full: the first map's sketch (`keys::SKETCH_KEY`, only a picture for
/// the next visit) gives its room to what the user entered, and the write is tried once more.
fn set(key: &str, value: &str) -> Result<(), SaveError> {
    match storage().set_item(key, value).map_err(classify) {
        Err(SaveError::Full) if storage().get_item(SKETCH_KEY).ok().flatten().is_some() => {
            storage().remove_item(SKETCH_KEY).ok();
            storage().set_item(key, value).map_err(classify)
        }
        done => done,
    }
}

/// Every stored project id with its metadata (None when the metadata is missing or
/// unreadable: the project is still listed, so nothing disappears from the user's view).
pub fn list() -> Vec<(String, Option<Meta>)> {
    let s = storage();
    let n = s.length().unwrap_or(0);
    let mut out: Vec<(String, Option<Meta>)> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| project_id_of(&k).map(str::to_string))
        .map(|id| {
            let meta = read_meta(&id);
            (id, meta)
        })
        .collect();
    out.sort_by(|a, b| {
        let t = |m: &Option<Meta>| m.as_ref().map_or(0.0, |m| m.saved_at);
        t(&b.1).total_cmp(&t(&a.1)).then_with(|| a.0.cmp(&b.0))
    });
    out
}

/// The stored value of a project exactly as it is (stamp line and packing included).
pub fn read_stored(id: &str) -> Option<String> {
    storage().get_item(&project_key(id)).ok().flatten()
}

/// Who wrote the stored project last; `None` when there is no stored project under this id.
/// Only the value's first characters come into the module (`Stamp::HEAD`): every autosave
/// asks, and a large territory's value is megabytes.
pub fn read_stamp(id: &str) -> Option<StampRead> {
    let raw: RawStorage = storage().unchecked_into();
    let stored = raw.stored_js(&project_key(id)).ok().flatten()?;
    let head = String::from(stored.slice(0, Stamp::HEAD as u32));
    Some(Stamp::read_head(&head))
}

#[wasm_bindgen]
extern "C" {
    /// The same `Storage`, whose `getItem` leaves its value a JavaScript string (web-sys's
    /// converts it whole).
    #[wasm_bindgen(extends = js_sys::Object)]
    type RawStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn stored_js(this: &RawStorage, key: &str) -> Result<Option<js_sys::JsString>, JsValue>;
}

/// The project file text of a stored project, unpacked (see `format::packed`), with its stamp;
/// an error when the stored copy is damaged.
pub fn read_file(id: &str) -> Option<Result<(StampRead, String), LoadError>> {
    read_stored(id).map(|stored| {
        let (stamp, body) = Stamp::read(&stored);
        packed::unpack(body).map(|text| (stamp, text.into_owned()))
    })
}

/// What an export of a stored project writes: the project file, or the stored text exactly as
/// it is when it does not unpack (it is the user's data either way).
pub fn read_for_export(id: &str) -> Option<String> {
    read_stored(id).map(|stored| {
        let (_, body) = Stamp::read(&stored);
        match packed::unpack(body) {
            Ok(text) => text.into_owned(),
            Err(_) => stored,
        }
    })
}

pub fn read_meta(id: &str) -> Option<Meta> {
    LocalStorage::get(meta_key(id)).ok()
}

/// Writes the project file text (packed, behind its stamp), then its metadata. On failure the
/// previous project value is intact.
pub fn write(id: &str, file_text: &str, stamp: &Stamp, meta: &Meta) -> Result<(), SaveError> {
    write_stored(id, &stamp.put_on(&packed::pack(file_text)), meta)
}

/// Writes a stored value as it is (a copy coming back from the bin), then its metadata.
pub fn write_stored(id: &str, stored: &str, meta: &Meta) -> Result<(), SaveError> {
    set(&project_key(id), stored)?;
    let meta_json = serde_json::to_string(meta).expect("metadata serialises");
    set(&meta_key(id), &meta_json)
}

/// Puts a copy of a stored project value in the bin, under a new entry. Nothing else changes;
/// on failure (quota) there is no entry and the caller must not go on with what it was about
/// to destroy.
pub fn bin_put(entry: &BinEntry, stored: &str) -> Result<String, SaveError> {
    let id = new_project_id(js_sys::Date::now(), js_sys::Math::random());
    set(&bin_key(&id), &entry.pack(stored))?;
    Ok(id)
}

/// Every bin entry, newest first; `None` for an entry whose header is unreadable (still listed,
/// still exportable, so nothing disappears).
pub fn bin_list() -> Vec<(String, Option<BinEntry>)> {
    let s = storage();
    let n = s.length().unwrap_or(0);
    let mut out: Vec<(String, Option<BinEntry>)> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| bin_entry_of(&k).map(str::to_string))
        .map(|id| {
            let entry = bin_read(&id).and_then(|v| BinEntry::unpack(&v).map(|(e, _)| e));
            (id, entry)
        })
        .collect();
    out.sort_by(|a, b| {
        let t = |e: &Option<BinEntry>| e.as_ref().map_or(0.0, |e| e.at);
        t(&b.1).total_cmp(&t(&a.1)).then_with(|| a.0.cmp(&b.0))
    });
    out
}

/// A bin entry's whole value.
pub fn bin_read(entry: &str) -> Option<String> {
    storage().get_item(&bin_key(entry)).ok().flatten()
}

pub fn bin_remove(entry: &str) {
    storage().remove_item(&bin_key(entry)).ok();
}

/// Removes a project and its metadata. Callers put it in the bin first (`bin_put`).
pub fn delete(id: &str) {
    let s = storage();
    s.remove_item(&project_key(id)).ok();
    s.remove_item(&meta_key(id)).ok();
}
