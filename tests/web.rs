//! Component tests in a real browser (wasm-bindgen-test, headless Chromium).
//! Run by `make test`; see scripts/test.sh for the runner settings.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use symbiose_app::i18n::UiLang;
use symbiose_app::state::ProjectState;
use symbiose_core::{Actor, ActorId, Direction, Flow, FlowId, Lang, Position, Project};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let doc = document();
    let div: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    div.style().set_property("height", "600px").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets Leptos effects and the browser run once.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn project() -> Project {
    let actor = |id: &str, name: &str, naf: &str, lat: f64| Actor {
        id: ActorId::new(id),
        name: name.into(),
        naf: Some(naf.into()),
        position: Some(Position::new(lat, 9.44)),
        ..Default::default()
    };
    Project {
        name: "Zone test".into(),
        actors: vec![
            actor("a-1", "Menuiserie Orsini", "16.23Z", 42.62),
            actor("a-2", "<img src=x onerror=alert(1)>", "10.71C", 42.63),
            Actor {
                id: ActorId::new("a-3"),
                name: "Sans adresse".into(),
                ..Default::default()
            },
        ],
        flows: vec![Flow {
            id: FlowId::new("f-1"),
            actor: ActorId::new("a-1"),
            direction: Direction::Offer,
            label: "Chutes de bois".into(),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn mount_workspace() -> web_sys::HtmlElement {
    let div = container();
    let handle = leptos::mount::mount_to(div.clone(), || {
        provide_context(UiLang(RwSignal::new(Lang::Fr)));
        provide_context(symbiose_app::prefs::TileUrl(RwSignal::new(
            symbiose_app::prefs::OSM_TILES.to_string(),
        )));
        let state = ProjectState::new(project());
        state.provide();
        // As in the app: views report refused edits through the session's notice. No project
        // is open (`open_id` is `None`), so nothing is written to storage.
        symbiose_app::persist::Session::install(state);
        symbiose_app::ui::WorkspaceUi::provide();
        symbiose_app::detection::provide(state);
        view! { <symbiose_app::Workspace tiles_on=RwSignal::new(false) /> }
    });
    handle.forget();
    div
}

fn ensure_leaflet() {
    if js_sys::Reflect::has(&window(), &"L".into()).unwrap_or(false) {
        return;
    }
    // The test runner's page has no leaflet.js; load the vendored copy the app ships.
    js_sys::Function::new_no_args(include_str!("../vendor/leaflet/leaflet.js"))
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
}

#[wasm_bindgen_test]
async fn company_list_shows_every_actor_and_names_are_text() {
    ensure_leaflet();
    let div = mount_workspace();
    tick().await;
    let items = div
        .query_selector_all("[data-testid=company-item]")
        .unwrap();
    assert_eq!(items.length(), 3);
    let text = div
        .query_selector("[data-testid=company-list]")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(text.contains("Menuiserie Orsini"));
    assert!(text.contains("1 flux déclaré"), "{text}");
    assert!(text.contains("sans position"));
    // The hostile name is shown as typed and created no element.
    assert!(text.contains("<img src=x onerror=alert(1)>"));
    assert!(
        div.query_selector("[data-testid=company-list] img")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn map_draws_one_marker_per_positioned_actor_and_selection_opens_popup() {
    ensure_leaflet();
    let div = mount_workspace();
    tick().await;
    let map = div.query_selector("[data-testid=map]").unwrap().unwrap();
    assert!(map.class_list().contains("leaflet-container"));
    assert_eq!(map.get_attribute("data-markers").as_deref(), Some("2"));

    let second: web_sys::HtmlElement = div
        .query_selector_all("[data-testid=company-item]")
        .unwrap()
        .get(1)
        .unwrap()
        .unchecked_into();
    second.click();
    tick().await;
    let popup = div
        .query_selector("[data-testid=map-popup]")
        .unwrap()
        .expect("popup opened");
    assert_eq!(
        popup
            .query_selector(".map-popup-name")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "<img src=x onerror=alert(1)>"
    );
    assert!(
        popup.query_selector("img").unwrap().is_none(),
        "no element built from the name"
    );
    // The side panel now shows that company's sheet, its name as text too.
    let title = div
        .query_selector("[data-testid=company-title]")
        .unwrap()
        .expect("company sheet shown");
    assert_eq!(
        title.text_content().unwrap(),
        "<img src=x onerror=alert(1)>"
    );
    assert!(
        div.query_selector("[data-testid=company-detail] img")
            .unwrap()
            .is_none()
    );
}

#[wasm_bindgen_test]
async fn search_filters_by_activity_words() {
    ensure_leaflet();
    let div = mount_workspace();
    tick().await;
    let input: web_sys::HtmlInputElement = div
        .query_selector("[data-testid=company-search]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("boulangerie");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    let items = div
        .query_selector_all("[data-testid=company-item]")
        .unwrap();
    assert_eq!(items.length(), 1);
    assert_eq!(
        div.query_selector("[data-testid=company-count]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
            .trim(),
        "(1)"
    );
}

/// A paint maker's hazardous sludge taken into the pipeline towards a treatment plant.
fn pipeline_project() -> Project {
    use symbiose_core::{Family, Synergy, SynergyId};
    let actor = |id: &str, name: &str, naf: &str| Actor {
        id: ActorId::new(id),
        name: name.into(),
        naf: Some(naf.into()),
        ..Default::default()
    };
    Project {
        name: "Zone test".into(),
        actors: vec![
            actor("a-1", "Peintures Orsini", "20.30Z"),
            actor("a-2", "Traitement Sud", "38.22Z"),
        ],
        flows: vec![Flow {
            id: FlowId::new("f-1"),
            actor: ActorId::new("a-1"),
            direction: Direction::Offer,
            family: Family::Waste,
            label: "Boues de peinture".into(),
            waste_code: Some("080113".into()),
            ..Default::default()
        }],
        synergies: vec![Synergy {
            id: SynergyId::new("s-1"),
            title: "Boues vers traitement".into(),
            flows: vec![FlowId::new("f-1")],
            actors: vec![ActorId::new("a-1"), ActorId::new("a-2")],
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn click(div: &web_sys::HtmlElement, selector: &str) {
    let el: web_sys::HtmlElement = div
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
        .unchecked_into();
    el.click();
}

#[wasm_bindgen_test]
async fn a_card_checklist_is_answered_and_undone_like_any_edit() {
    let div = container();
    let shared = std::rc::Rc::new(std::cell::Cell::new(None));
    let out = shared.clone();
    let handle = leptos::mount::mount_to(div.clone(), move || {
        provide_context(UiLang(RwSignal::new(Lang::Fr)));
        let state = ProjectState::new(pipeline_project());
        state.provide();
        symbiose_app::persist::Session::install(state);
        out.set(Some(state));
        view! { <symbiose_app::views::pipeline::Board /> }
    });
    handle.forget();
    let state = shared.get().unwrap();
    tick().await;
    let toggle = "[data-testid=checklist-toggle]";
    let text = |sel: &str| {
        div.query_selector(sel)
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert!(text(toggle).contains("0/5"), "{}", text(toggle));
    click(&div, toggle);
    tick().await;
    let body = text("[data-testid=checklist]");
    for expected in [
        "Bordereau Trackdéchets",
        "R541-45",
        "Registre des déchets",
        "08 01 13*",
    ] {
        assert!(body.contains(expected), "{expected} in {body}");
    }
    // Heat, animal by-products and spreading are not applicable, said in one line.
    assert!(body.contains("Sans objet : Catégorie de sous-produit animal, Plan d'épandage"));
    let done = "[data-item=trackdechets] [data-status=done]";
    click(&div, done);
    tick().await;
    let status = |p: &Project| {
        p.synergies[0]
            .checklist_entry(symbiose_core::ChecklistItem::Trackdechets)
            .map(|e| e.status)
    };
    assert_eq!(
        state.project.with_untracked(status),
        Some(symbiose_core::ItemStatus::Done)
    );
    // Redrawn, still open, the pressed button says so and has the focus.
    assert!(text(toggle).contains("1/5"));
    let pressed = div.query_selector(done).unwrap().unwrap();
    assert_eq!(
        pressed.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert!(
        div.query_selector(".checklist-body[hidden]")
            .unwrap()
            .is_none()
    );
    assert_eq!(
        document()
            .active_element()
            .map(|e| e.get_attribute("data-status")),
        Some(Some("done".into()))
    );
    // One undo puts it back.
    assert!(state.undo());
    tick().await;
    assert_eq!(state.project.with_untracked(status), None);
    assert!(text(toggle).contains("0/5"));
}

/// "What is around me" in a large zone: the 200 nearest flows are drawn, and a line says how
/// many more the radius holds.
#[wasm_bindgen_test]
async fn a_long_neighbourhood_draws_the_nearest_and_counts_the_rest() {
    let mut p = Project::default();
    for i in 0..251 {
        let id = format!("a-{i}");
        p.actors.push(Actor {
            id: ActorId::new(id.as_str()),
            name: format!("Entreprise {i}"),
            // One company in the centre, the others further and further north.
            position: Some(Position::new(42.6 + i as f64 * 1e-5, 9.44)),
            ..Default::default()
        });
        p.flows.push(Flow {
            id: FlowId::new(format!("f-{i}")),
            actor: ActorId::new(id.as_str()),
            direction: Direction::Offer,
            label: format!("Flux {i}"),
            ..Default::default()
        });
    }
    let found = symbiose_core::neighbourhood::around(
        &p,
        &ActorId::new("a-0"),
        5.0,
        symbiose_core::detect::Audience::Facilitator,
    )
    .unwrap();
    assert_eq!(found.len(), 250);
    let div = container();
    let handle = leptos::mount::mount_to(div.clone(), move || {
        provide_context(UiLang(RwSignal::new(Lang::Fr)));
        ProjectState::new(p).provide();
        symbiose_app::ui::WorkspaceUi::provide();
        use symbiose_app::views::company::neighbourhood::{NeighbourList, nearest};
        view! { <NeighbourList items=nearest(&found) total=found.len() testid="neighbourhood-list" /> }
    });
    handle.forget();
    tick().await;
    let rows = div.query_selector_all("[data-testid=neighbour]").unwrap();
    assert_eq!(rows.length(), 200);
    // Nearest first: the last drawn is the 200th nearest.
    let last = rows.item(199).unwrap().text_content().unwrap();
    assert!(last.contains("Flux 200"), "{last}");
    let more = div
        .query_selector("[data-testid=neighbours-more]")
        .unwrap()
        .expect("the rest is counted")
        .text_content()
        .unwrap();
    assert!(more.starts_with("… 50 autres flux"), "{more}");
}
