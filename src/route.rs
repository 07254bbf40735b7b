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
    pub const ALL: [Page; 6] = [
        Page::Map,
        Page::Pipeline,
        Page::Roadmap,
        Page::Dashboard,
        Page::Deliverables,
        Page::Exports,
    ];

    fn slug(self) -> &'static str {
        match self {
            Page::Map => "",
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

#[derive(Clone, Copy)]
pub struct Router(pub RwSignal<Route>);

/// Provides the route signal, following `hashchange`.
pub fn install() -> RwSignal<Route> {
    let current = || Route::parse(&window().location().hash().unwrap_or_default());
    let route = RwSignal::new(current());
    // Only a real change of route re-renders the page: `go` already set it before the event.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let now = current();
        if route.get_untracked() != now {
            route.set(now);
        }
    });
    on_cleanup(move || handle.remove());
    provide_context(Router(route));
    route
}

pub fn go(to: Route) {
    window().location().set_hash(&to.hash()).ok();
    if let Some(Router(r)) = use_context::<Router>()
        && r.get_untracked() != to
    {
        r.set(to);
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
