//! The workbook reader: reads an Excel workbook's first sheet (core `import::table::xlsx`, with
//! calamine) in a Web Worker, in a wasm module of its own. The reader, with its zip, XML and
//! text-encoding code, is about 280 KB of gzipped WebAssembly: the app's module, which every
//! first visit downloads, does not carry it. The page (src/workbook.rs) starts this worker when
//! a workbook is chosen, and ends it once the sheet is back.
//!
//! Messages, worker → page: `{kind: "ready"}` once it listens (a message sent before would be
//! lost), then for each workbook `{kind: "table", table}` (the rows as bytes,
//! `Table::to_bytes`, transferred) or `{kind: "error", message}` (why the workbook does not
//! read, calamine's words). Page → worker: the workbook's bytes, a `Uint8Array`.

use js_sys::{Array, Object, Reflect, Uint8Array};
use symbiose_core::import::table::{self, TableError};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = {
        let scope = scope.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let bytes = Uint8Array::new(&e.data()).to_vec();
            match table::xlsx(&bytes) {
                Ok(t) => {
                    let encoded = Uint8Array::from(t.to_bytes().as_slice());
                    let transfer = Array::of1(&encoded.buffer());
                    post(
                        &scope,
                        &message("table", "table", &encoded),
                        Some(&transfer),
                    );
                }
                Err(e) => {
                    let detail = match e {
                        TableError::Xlsx(detail) => detail,
                        other => other.to_string(),
                    };
                    post(&scope, &message("error", "message", &detail.into()), None);
                }
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &message("ready", "", &JsValue::UNDEFINED), None);
}

fn message(kind: &str, key: &str, value: &JsValue) -> Object {
    let o = Object::new();
    Reflect::set(&o, &"kind".into(), &kind.into()).ok();
    if !key.is_empty() {
        Reflect::set(&o, &key.into(), value).ok();
    }
    o
}

fn post(scope: &DedicatedWorkerGlobalScope, msg: &Object, transfer: Option<&Array>) {
    let sent = match transfer {
        Some(t) => scope.post_message_with_transfer(msg, t),
        None => scope.post_message(msg),
    };
    if let Err(e) = sent {
        web_sys::console::error_2(&"symbiose-xlsx: message not sent".into(), &e);
    }
}
