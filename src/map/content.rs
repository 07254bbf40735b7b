//! Popup and tooltip content as DOM nodes built from text nodes.
//!
//! Leaflet inserts a *string* popup content as HTML, so a company named
//! `<img src=x onerror=…>` would run script. We always hand Leaflet an element whose text was
//! set with `set_text_content`, never markup built from data.

use symbiose_core::detect::{Audience, sight};
use symbiose_core::numbers::Precision::Reading;
use symbiose_core::{Direction, Lang, Project};
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};

use crate::filter::MapFilter;
use crate::summary::ActorSummary;

fn el(doc: &Document, tag: &str, class: &str, text: Option<&str>) -> HtmlElement {
    let e: HtmlElement = doc
        .create_element(tag)
        .expect("create element")
        .unchecked_into();
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    e
}

/// A short tooltip: the company's name.
pub fn tooltip(summary: &ActorSummary) -> HtmlElement {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    el(&doc, "span", "map-tooltip", Some(&summary.name))
}

/// The popup of a selected company: name, activity, and its flows as a list.
/// Flows the filter hides are left out, and so is every non-public flow outside the
/// facilitator's view: naming the company next to an anonymised flow would undo the anonymity.
pub fn popup(
    project: &Project,
    summary: &ActorSummary,
    lang: Lang,
    filter: &MapFilter,
    audience: Audience,
) -> HtmlElement {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = el(&doc, "div", "map-popup", None);
    root.set_attribute("data-testid", "map-popup").ok();
    root.append_child(&el(&doc, "strong", "map-popup-name", Some(&summary.name)))
        .ok();
    if let Some((code, label)) = &summary.activity {
        let text = if label.is_empty() {
            code.clone()
        } else {
            format!("{code} · {label}")
        };
        root.append_child(&el(&doc, "div", "map-popup-activity", Some(&text)))
            .ok();
    }
    let list = el(&doc, "ul", "map-popup-flows", None);
    let shown = project
        .flows_of(&summary.id)
        .filter(|f| filter.shows_flow(f) && sight(f.confidentiality, audience).named());
    for flow in shown {
        let arrow = match flow.direction {
            Direction::Offer => "↗",
            Direction::Need => "↘",
        };
        let mut text = format!("{arrow} {} — {}", flow.direction.label(lang), flow.label);
        if let Some(q) = flow.quantity {
            text.push_str(&format!(" ({})", q.text(lang, Reading)));
        }
        list.append_child(&el(&doc, "li", "", Some(&text))).ok();
    }
    root.append_child(&list).ok();
    root
}
