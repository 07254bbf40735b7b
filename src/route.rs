//! Which view is shown, kept in the URL hash (`#/` home, `#/p/<id>` a project) so that reload
//! and the browser's back button keep the user where they were. No router crate needed for two
//! routes; the hash also works on any static host with no rewrite rule.

use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Project(String),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.strip_prefix("p/") {
            Some(id)
                if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') =>
            {
                Route::Project(id.to_string())
            }
            _ => Route::Home,
        }
    }

    pub fn hash(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Project(id) => format!("#/p/{id}"),
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
        assert_eq!(Route::parse("#/p/abc-12"), Route::Project("abc-12".into()));
        assert_eq!(Route::parse("#/p/"), Route::Home);
        assert_eq!(Route::parse("#/p/<script>"), Route::Home);
        assert_eq!(
            Route::parse(&Route::Project("x1".into()).hash()),
            Route::Project("x1".into())
        );
    }
}
