//! Reading and writing projects in localStorage (through gloo-storage's handle).
//!
//! Writes never destroy a good value: `setItem` either stores the new text or throws (quota)
//! and leaves the previous one as it was, which is what "storage full keeps the last save"
//! relies on. Reads never delete: an unreadable project stays where it is until the user
//! exports or deletes it.

use std::borrow::Cow;

use gloo_storage::{LocalStorage, Storage};
use symbiose_core::format::{LoadError, packed};
use wasm_bindgen::JsValue;

use super::keys::{Meta, meta_key, project_id_of, project_key};

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

fn read_stored(id: &str) -> Option<String> {
    storage().get_item(&project_key(id)).ok().flatten()
}

/// The project file text of a stored project, unpacked (see `format::packed`); an error when
/// the stored copy is damaged.
pub fn read_file(id: &str) -> Option<Result<String, LoadError>> {
    read_stored(id).map(|s| packed::unpack(&s).map(Cow::into_owned))
}

/// What an export of a stored project writes: the project file, or the stored text exactly as
/// it is when it does not unpack (it is the user's data either way).
pub fn read_for_export(id: &str) -> Option<String> {
    read_stored(id).map(|s| match packed::unpack(&s) {
        Ok(text) => text.into_owned(),
        Err(_) => s,
    })
}

pub fn read_meta(id: &str) -> Option<Meta> {
    LocalStorage::get(meta_key(id)).ok()
}

/// Writes the project file text (packed), then its metadata. On failure the previous project
/// text is intact.
pub fn write(id: &str, file_text: &str, meta: &Meta) -> Result<(), SaveError> {
    let stored = packed::pack(file_text);
    storage()
        .set_item(&project_key(id), &stored)
        .map_err(classify)?;
    let meta_json = serde_json::to_string(meta).expect("metadata serialises");
    storage()
        .set_item(&meta_key(id), &meta_json)
        .map_err(classify)
}

/// Removes a project and its metadata (the home view asks for confirmation first).
pub fn delete(id: &str) {
    let s = storage();
    s.remove_item(&project_key(id)).ok();
    s.remove_item(&meta_key(id)).ok();
}
