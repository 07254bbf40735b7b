//! The page's end of the workbook reader (crates/symbiose-xlsx). An Excel workbook's first
//! sheet is read in a Web Worker with a wasm module of its own, started when a workbook is
//! chosen and ended once the sheet is back: the app's module does not carry the reader (about
//! 280 KB of gzipped WebAssembly, measured with scripts/size.sh). The sheet comes back as the
//! core's `Table`, which the flows import reads as it reads a CSV's rows.

use js_sys::{Array, Promise, Reflect, Uint8Array};
use symbiose_core::import::table::{Table, TableError};
use symbiose_core::{Bilingual, Lang, UserMessage};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The reader's loader, written by trunk (`data-loader-shim` in index.html).
const READER_URL: &str = "symbiose-xlsx_loader.js";

#[derive(Debug, Clone, PartialEq)]
pub enum WorkbookError {
    /// The reader did not start (its files could not be had: offline before they were kept).
    NoReader(String),
    /// The workbook does not read.
    Unreadable(TableError),
}

/// For developers and logs: the English message.
impl std::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_in(Lang::En))
    }
}

impl UserMessage for WorkbookError {
    fn message(&self) -> Bilingual {
        match self {
            Self::Unreadable(e) => e.message(),
            Self::NoReader(why) => Bilingual::new(
                format!(
                    "Le lecteur de classeurs Excel n'a pas pu démarrer ({why}). Enregistrez le classeur au format CSV et importez ce fichier, ou réessayez une fois connecté. Rien n'a été importé."
                ),
                format!(
                    "The Excel workbook reader could not start ({why}). Save the workbook as CSV and import that file, or try again once online. Nothing was imported."
                ),
            ),
        }
    }
}

fn field(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The first sheet of the workbook `bytes`, read in the reader's worker.
pub async fn read_sheet(bytes: &[u8]) -> Result<Table, WorkbookError> {
    let worker =
        web_sys::Worker::new(READER_URL).map_err(|e| WorkbookError::NoReader(format!("{e:?}")))?;
    let bytes = Uint8Array::from(bytes);
    // The handlers live until the answer: the promise settles on the worker's answer (resolved
    // with its message) or on its failure to start (rejected).
    let mut handlers = None;
    let answer = Promise::new(&mut |resolve, reject| {
        let (reader, bytes) = (worker.clone(), bytes.clone());
        let reject_on_error = reject.clone();
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let data = e.data();
                if field(&data, "kind").as_string().as_deref() == Some("ready") {
                    // The bytes are handed over, not copied.
                    if let Err(e) =
                        reader.post_message_with_transfer(&bytes, &Array::of1(&bytes.buffer()))
                    {
                        reject.call1(&JsValue::NULL, &e).ok();
                    }
                } else {
                    resolve.call1(&JsValue::NULL, &data).ok();
                }
            });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let why = field(&e, "message")
                .as_string()
                .unwrap_or_else(|| e.type_());
            reject_on_error.call1(&JsValue::NULL, &why.into()).ok();
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        handlers = Some((on_message, on_error));
    });
    let answer = JsFuture::from(answer).await;
    worker.terminate();
    drop(handlers);
    let data = answer
        .map_err(|e| WorkbookError::NoReader(e.as_string().unwrap_or_else(|| format!("{e:?}"))))?;
    match field(&data, "kind").as_string().as_deref() {
        Some("table") => Table::from_bytes(&Uint8Array::new(&field(&data, "table")).to_vec())
            .map_err(WorkbookError::Unreadable),
        _ => Err(WorkbookError::Unreadable(TableError::Xlsx(
            field(&data, "message").as_string().unwrap_or_default(),
        ))),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn rust_files(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("src is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file");
                out.push((path.display().to_string(), text));
            }
        }
    }

    /// The app's module must not link the workbook reader (about 280 KB of gzip on the first
    /// visit): no code of the shell calls the core functions that reach calamine. A workbook
    /// goes through `read_sheet`, a CSV through `table::csv`.
    #[test]
    fn the_shell_never_reads_a_workbook_itself() {
        let mut sources = Vec::new();
        rust_files(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut sources,
        );
        let banned = [
            ["table::", "xlsx("],
            ["table::", "read("],
            ["flows::", "parse("],
            ["actions::", "parse("],
        ];
        for (path, text) in &sources {
            for [module, function] in banned {
                let call = format!("{module}{function}");
                assert!(!text.contains(&call), "{path} calls {call}");
            }
        }
        assert!(sources.iter().any(|(_, t)| t.contains("flows::preview(")));
        assert!(sources.iter().any(|(_, t)| t.contains("actions::preview(")));
    }
}
