//! Files in and out of the browser: the only way data leaves or enters Symbiose.

use symbiose_core::UserMessage;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.style().set_property("display", "none")?;
    doc.body().ok_or("no body")?.append_child(&a)?;
    a.click();
    a.remove();
    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        web_sys::Url::revoke_object_url(&url).ok();
    });
    leptos::prelude::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    TooLarge {
        bytes: f64,
    },
    Unreadable(String),
    /// A JSON file whose bytes are not UTF-8 (the core says where, and what to do).
    NotUtf8(symbiose_core::import::text::NotUtf8),
}

/// For developers and logs: the English message.
impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_in(symbiose_core::Lang::En))
    }
}

impl UserMessage for ReadError {
    fn message(&self) -> symbiose_core::Bilingual {
        symbiose_core::Bilingual::from_fn(|lang| match self {
            ReadError::TooLarge { bytes } => {
                symbiose_core::format::too_large(*bytes as usize, lang)
            }
            ReadError::NotUtf8(e) => e.message_in(lang),
            ReadError::Unreadable(why) => match lang {
                symbiose_core::Lang::Fr => {
                    format!("Fichier illisible ({why}). Rien n'a été importé.")
                }
                symbiose_core::Lang::En => {
                    format!("Unreadable file ({why}). Nothing was imported.")
                }
            },
        })
    }
}

/// Reads a chosen JSON file (a project, a questionnaire, a roadmap file) as strict UTF-8:
/// its bytes, decoded by the core, which refuses anything else and says where. The browser's
/// own text reading would replace bad bytes with U+FFFD without a word.
pub async fn read_utf8(file: &web_sys::File) -> Result<String, ReadError> {
    let bytes = read_bytes(file).await?;
    symbiose_core::import::text::utf8_text(bytes).map_err(ReadError::NotUtf8)
}

/// Reads a chosen file's bytes (CSV files may not be UTF-8). A file over the core's limit is
/// refused from its size alone, before a byte is read, so a wrong 50 MB drop answers at once
/// instead of freezing the tab.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, ReadError> {
    let bytes = file.size();
    if bytes > symbiose_core::format::MAX_BYTES as f64 {
        return Err(ReadError::TooLarge { bytes });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| ReadError::Unreadable(format!("{e:?}")))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Today's date as `YYYY-MM-DD`, for file names.
pub fn today_iso() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}
