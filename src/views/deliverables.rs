//! The deliverables page: pick a document, see it as it will print, print it (or save it as PDF
//! from the print dialog), or save it as one standalone HTML file. The document is made by the
//! core (`report::render`) and shown in a sandboxed frame: it runs no script of its own.

use leptos::prelude::*;
use symbiose_core::report::{Deliverable, render};

use crate::detection::today;
use crate::files;
use crate::i18n::{use_lang, use_texts};
use crate::persist::keys::export_file_name_ext;
use crate::state::use_project;

#[component]
pub fn Deliverables() -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let state = use_project();
    let detected = crate::detection::use_detected();
    // A deliverable printed while detection is still running would miss proposals.
    let running = crate::detection::use_detection_running();
    let kind = RwSignal::new(Deliverable::Diagnostic);
    // The zone map names the communes the app's built-in background names; outside Corsica
    // they come from the national table, loaded here (kept by the offline cache), and the
    // documents are written again once it is.
    let national = RwSignal::new(crate::gazetteer::LoadState::Idle);
    crate::gazetteer::load(national);
    let places = Memo::new(move |_| {
        national.track();
        state.project.with(|p| {
            crate::places::place_names(
                p,
                crate::gazetteer::place,
                crate::gazetteer::communes_within,
            )
        })
    });
    let html = Memo::new(move |_| {
        let (k, lang) = (kind.get(), lang.get());
        places.with(|places| {
            detected.with(|d| {
                state
                    .project
                    .with(|p| render(k, p, d, lang, today(), places))
            })
        })
    });
    let frame = NodeRef::<leptos::html::Iframe>::new();
    let print = move |_| {
        if let Some(w) = frame.get().and_then(|f| f.content_window()) {
            w.print().ok();
        }
    };
    let save = move |_| {
        let name = state.project.with_untracked(|p| p.name.clone());
        let file = export_file_name_ext(
            &name,
            &files::today_iso(),
            kind.get_untracked().slug(),
            "html",
        );
        files::download(&file, "text/html;charset=utf-8", &html.get_untracked()).ok();
    };
    view! {
        <main class="page deliverables" data-testid="deliverables-page">
            <h2>{move || t.get().common.page_deliverables}</h2>
            <p class="page-intro">{move || t.get().deliverables.deliverables_intro}</p>
            <div class="deliverable-bar">
                <span class="page-nav" role="tablist">
                    {Deliverable::ALL.into_iter().map(|k| view! {
                        <button role="tab" data-testid=format!("deliverable-{}", k.slug())
                            aria-selected=move || (kind.get() == k).to_string()
                            on:click=move |_| kind.set(k)>{move || k.title(lang.get())}</button>
                    }).collect_view()}
                </span>
                <button class="primary" data-testid="deliverable-print" on:click=print
                    disabled=move || running.get()>{move || t.get().deliverables.print_pdf}</button>
                <button data-testid="deliverable-save" on:click=save
                    disabled=move || running.get()>{move || t.get().deliverables.save_html}</button>
            </div>
            <Show when=move || running.get()>
                <p class="notice" role="status" data-testid="detection-running">{move || t.get().deliverables.detection_running}</p>
            </Show>
            // allow-modals lets the frame open the print dialog; no allow-scripts: the document
            // is inert, whatever its text.
            <iframe class="deliverable-frame" data-testid="deliverable-frame" node_ref=frame
                sandbox="allow-same-origin allow-modals" title=move || t.get().deliverables.preview_label
                srcdoc=move || html.get()></iframe>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use symbiose_core::report::STYLE_HASH;

    /// The policy of index.html, directive by directive.
    fn app_policy() -> Vec<Vec<&'static str>> {
        let html = include_str!("../../index.html");
        let start = html
            .find("http-equiv=\"Content-Security-Policy\" content=\"")
            .expect("index.html has a policy")
            + "http-equiv=\"Content-Security-Policy\" content=\"".len();
        let end = start + html[start..].find('"').unwrap();
        html[start..end]
            .split(';')
            .map(|d| d.split_whitespace().collect())
            .filter(|d: &Vec<&str>| !d.is_empty())
            .collect()
    }

    /// The preview is a `srcdoc` frame: it inherits the app's policy, so without this hash in
    /// index.html a deliverable would show unstyled (and the console would say why).
    #[test]
    fn the_app_policy_allows_the_deliverables_stylesheet() {
        let policy = app_policy();
        let style = policy
            .iter()
            .find(|d| d[0] == "style-src")
            .expect("a style-src directive");
        assert!(
            style.contains(&STYLE_HASH),
            "index.html's style-src lacks the deliverables' stylesheet hash {STYLE_HASH}"
        );
    }

    #[test]
    fn the_app_policy_has_no_inline_style_or_script() {
        for directive in app_policy() {
            for unsafe_source in ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"] {
                assert!(
                    !directive.contains(&unsafe_source),
                    "{unsafe_source} in {directive:?}"
                );
            }
        }
    }
}
