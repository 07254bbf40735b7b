//! Keyboard shortcuts of the workspace, for a facilitator at a projector (a presenter's clicker
//! sends Page Up / Page Down): previous / next company, families on and off, the whole zone,
//! workshop mode. Never while typing in a field, and never with Ctrl/Alt (the browser's keys).

use leptos::prelude::*;
use symbiose_core::Family;

use crate::state::{ProjectState, use_project};
use crate::summary::ActorSummary;
use crate::ui::{WorkspaceUi, use_ui};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Next,
    Previous,
    ToggleFamily(Family),
    FitZone,
    ToggleProjection,
    KeysHelp,
    Leave,
}

/// The shortcut a key means; arrows only when the map does not have the focus (Leaflet pans
/// with them there).
pub fn shortcut_for(key: &str, map_focused: bool) -> Option<Shortcut> {
    Some(match key {
        "PageDown" => Shortcut::Next,
        "PageUp" => Shortcut::Previous,
        "ArrowRight" if !map_focused => Shortcut::Next,
        "ArrowLeft" if !map_focused => Shortcut::Previous,
        "0" => Shortcut::FitZone,
        "f" | "F" => Shortcut::ToggleProjection,
        "?" => Shortcut::KeysHelp,
        "Escape" => Shortcut::Leave,
        k if k.len() == 1 => {
            let digit = k.chars().next()?.to_digit(10)? as usize;
            Shortcut::ToggleFamily(*Family::ALL.get(digit.checked_sub(1)?)?)
        }
        _ => return None,
    })
}

/// The company after (or before) the selected one in the list as shown, wrapping around.
pub fn step(
    list: &[ActorSummary],
    selected: Option<&symbiose_core::ActorId>,
    forward: bool,
) -> Option<symbiose_core::ActorId> {
    if list.is_empty() {
        return None;
    }
    let n = list.len();
    let at = selected.and_then(|id| list.iter().position(|s| &s.id == id));
    let next = match (at, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
    };
    Some(list[next].id.clone())
}

pub fn install(shown: Memo<Vec<ActorSummary>>) {
    let ui = use_ui();
    let state = use_project();
    let handle = window_event_listener(leptos::ev::keydown, move |e| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
            return;
        }
        let active = document().active_element();
        let in_field = active.as_ref().is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.closest("dialog, [role=dialog]").ok().flatten().is_some()
        });
        if in_field {
            return;
        }
        let map_focused = active
            .and_then(|el| el.closest(".leaflet-container").ok().flatten())
            .is_some();
        if let Some(s) = shortcut_for(&e.key(), map_focused)
            && run(s, ui, state, shown)
        {
            e.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}

/// Does what the shortcut says; false when it had nothing to do (the key then stays the
/// browser's, e.g. Escape closing something else).
fn run(s: Shortcut, ui: WorkspaceUi, state: ProjectState, shown: Memo<Vec<ActorSummary>>) -> bool {
    match s {
        Shortcut::Next | Shortcut::Previous => {
            let next = shown.with_untracked(|l| {
                state
                    .selected
                    .with_untracked(|sel| step(l, sel.as_ref(), s == Shortcut::Next))
            });
            if next.is_some() {
                state.selected.set(next);
            }
        }
        Shortcut::ToggleFamily(f) => ui.filter.update(|x| x.toggle(f)),
        Shortcut::FitZone => ui.fit_zone(),
        Shortcut::ToggleProjection => ui.projection.update(|p| *p = !*p),
        Shortcut::KeysHelp => ui.keys_help.update(|h| *h = !*h),
        Shortcut::Leave => {
            if ui.keys_help.get_untracked() {
                ui.keys_help.set(false);
            } else if state.drawing.with_untracked(Option::is_some) {
                state.drawing.set(None);
            } else if ui.place_new.get_untracked() {
                ui.place_new.set(false);
                state.picking.set(false);
            } else if ui.projection.get_untracked() {
                ui.projection.set(false);
            } else {
                return false;
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use symbiose_core::ActorId;

    fn list(ids: &[&str]) -> Vec<ActorSummary> {
        ids.iter()
            .map(|id| ActorSummary {
                id: ActorId::new(*id),
                name: String::new(),
                siret: None,
                activity: None,
                section: None,
                commune: None,
                position: None,
                offers: 0,
                needs: 0,
            })
            .collect()
    }

    #[test]
    fn keys_map_to_shortcuts() {
        assert_eq!(shortcut_for("PageDown", true), Some(Shortcut::Next));
        assert_eq!(shortcut_for("ArrowRight", false), Some(Shortcut::Next));
        assert_eq!(shortcut_for("ArrowRight", true), None, "Leaflet pans");
        assert_eq!(
            shortcut_for("1", false),
            Some(Shortcut::ToggleFamily(Family::Matter))
        );
        assert_eq!(
            shortcut_for("4", false),
            Some(Shortcut::ToggleFamily(Family::Waste))
        );
        assert_eq!(shortcut_for("8", false), None);
        assert_eq!(shortcut_for("0", false), Some(Shortcut::FitZone));
        assert_eq!(shortcut_for("f", false), Some(Shortcut::ToggleProjection));
        assert_eq!(shortcut_for("?", true), Some(Shortcut::KeysHelp));
        assert_eq!(shortcut_for("x", false), None);
    }

    #[test]
    fn stepping_wraps_around() {
        let l = list(&["a", "b", "c"]);
        assert_eq!(step(&l, None, true).unwrap().as_str(), "a");
        assert_eq!(step(&l, None, false).unwrap().as_str(), "c");
        assert_eq!(
            step(&l, Some(&ActorId::new("c")), true).unwrap().as_str(),
            "a"
        );
        assert_eq!(
            step(&l, Some(&ActorId::new("a")), false).unwrap().as_str(),
            "c"
        );
        assert_eq!(
            step(&l, Some(&ActorId::new("zz")), true).unwrap().as_str(),
            "a"
        );
        assert!(step(&[], None, true).is_none());
    }
}
