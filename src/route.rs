//! Which view is shown, kept in the URL hash (`#/` home, `#/p/<id>` a project) so that reload
//! and the browser's back button keep the user where they were. No router crate needed for two
//! routes; the hash also works on any static host with no rewrite rule.

use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Project(String, Page),
}

/// The pages of an open project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Page {
    /// The map workspace: companies, flows, proposals.
    #[default]
    Map,
    /// The territory (kind, communes, EPCI, perimeter) and the assumptions of the estimates.
    Territory,
    /// The synergy pipeline board.
    Pipeline,
    /// The roadmap: actions, investment programme, timeline.
    Roadmap,
    /// Indicators, charts, measurements and targets.
    Dashboard,
    /// The programme's printable documents.
    Deliverables,
    /// Exports of tables, map layers and shareable files.
    Exports,
}

impl Page {
    pub const ALL: [Page; 7] = [
        Page::Map,
        Page::Territory,
        Page::Pipeline,
        Page::Roadmap,
        Page::Dashboard,
        Page::Deliverables,
        Page::Exports,
    ];

    /// The pages a workshop projects (the map, the pipeline, the roadmap, the dashboard); the
    /// others are the facilitator's desk, kept out of the workshop bar unless open.
    pub fn in_workshop(self) -> bool {
        matches!(
            self,
            Page::Map | Page::Pipeline | Page::Roadmap | Page::Dashboard
        )
    }

    fn slug(self) -> &'static str {
        match self {
            Page::Map => "",
            Page::Territory => "territoire",
            Page::Pipeline => "pipeline",
            Page::Roadmap => "feuille-de-route",
            Page::Dashboard => "tableau-de-bord",
            Page::Deliverables => "livrables",
            Page::Exports => "exports",
        }
    }
}

impl Route {
    /// A project on its map page.
    pub fn project(id: impl Into<String>) -> Route {
        Route::Project(id.into(), Page::Map)
    }

    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let Some(rest) = path.strip_prefix("p/") else {
            return Route::Home;
        };
        let (id, slug) = rest.split_once('/').unwrap_or((rest, ""));
        let valid_id = !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        match Page::ALL.into_iter().find(|p| p.slug() == slug) {
            Some(page) if valid_id => Route::Project(id.to_string(), page),
            _ => Route::Home,
        }
    }

    pub fn hash(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Project(id, Page::Map) => format!("#/p/{id}"),
            Route::Project(id, page) => format!("#/p/{id}/{}", page.slug()),
        }
    }
}

impl Route {
    /// Whether going from `self` to `to` leaves the project open in `self`.
    pub fn leaves_project(&self, to: &Route) -> bool {
        match (self, to) {
            (Route::Project(a, _), Route::Project(b, _)) => a != b,
            (Route::Project(..), Route::Home) => true,
            (Route::Home, _) => false,
        }
    }
}

/// Says whether leaving the open project now would lose edits (the session installs it).
type LeaveGuard = std::sync::Arc<dyn Fn() -> bool + Send + Sync>;

#[derive(Clone, Copy)]
pub struct Router(pub RwSignal<Route>);

/// A route the user asked for while leaving the open project would lose edits: it waits here
/// for the user's choice (export, leave anyway, stay), shown by `views::leave::LeaveDialog`.
#[derive(Clone, Copy)]
pub struct LeaveRequest(pub RwSignal<Option<Route>>);

#[derive(Clone, Copy)]
struct Guard(StoredValue<Option<LeaveGuard>>);

/// Provides the route signal, following `hashchange` through the same guard as `go`.
pub fn install() -> RwSignal<Route> {
    let current = || Route::parse(&window().location().hash().unwrap_or_default());
    let route = RwSignal::new(current());
    provide_context(Router(route));
    provide_context(LeaveRequest(RwSignal::new(None)));
    provide_context(Guard(StoredValue::new(None)));
    let router = use_context::<Router>();
    let request = use_context::<LeaveRequest>();
    let guard = use_context::<Guard>();
    // Only a real change of route re-renders the page: `go` already set it before the event.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        if let (Some(r), Some(q), Some(g)) = (router, request, guard) {
            navigate(r, q, g, current(), false);
        }
    });
    on_cleanup(move || handle.remove());
    route
}

/// Installs what `go` and the browser's back button ask before leaving the open project.
pub fn set_leave_guard(f: impl Fn() -> bool + Send + Sync + 'static) {
    if let Some(Guard(g)) = use_context::<Guard>() {
        g.set_value(Some(std::sync::Arc::new(f)));
    }
}

fn navigate(router: Router, request: LeaveRequest, guard: Guard, to: Route, forced: bool) {
    let from = router.0.get_untracked();
    if from == to {
        return;
    }
    let blocked = !forced
        && from.leaves_project(&to)
        && guard
            .0
            .with_value(|g| g.as_ref().is_some_and(|unsaved| unsaved()));
    if blocked {
        // The address may already say where the user wanted to go (back button): put it back
        // in place, without a new history entry, until the user chooses.
        let location = window().location();
        if location.hash().ok().as_deref() != Some(from.hash().as_str()) {
            location.replace(&from.hash()).ok();
        }
        request.0.set(Some(to));
        return;
    }
    if window().location().hash().ok().as_deref() != Some(to.hash().as_str()) {
        window().location().set_hash(&to.hash()).ok();
    }
    router.0.set(to);
}

fn contexts() -> Option<(Router, LeaveRequest, Guard)> {
    Some((use_context()?, use_context()?, use_context()?))
}

/// Goes to a route; leaving a project that is not stored asks first (see `LeaveRequest`).
pub fn go(to: Route) {
    match contexts() {
        Some((r, q, g)) => navigate(r, q, g, to, false),
        None => {
            window().location().set_hash(&to.hash()).ok();
        }
    }
}

/// Goes to a route even though edits are not stored: the user chose to.
pub fn go_anyway(to: Route) {
    if let Some((r, q, g)) = contexts() {
        q.0.set(None);
        navigate(r, q, g, to, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hashes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#/p/abc-12"), Route::project("abc-12"));
        assert_eq!(
            Route::parse("#/p/abc-12/pipeline"),
            Route::Project("abc-12".into(), Page::Pipeline)
        );
        assert_eq!(Route::parse("#/p/abc-12/nowhere"), Route::Home);
        for page in Page::ALL {
            let r = Route::Project("x1".into(), page);
            assert_eq!(Route::parse(&r.hash()), r);
        }
        assert_eq!(Route::parse("#/p/"), Route::Home);
        assert_eq!(Route::parse("#/p/<script>"), Route::Home);
        assert_eq!(
            Route::parse(&Route::project("x1").hash()),
            Route::project("x1")
        );
    }
}
