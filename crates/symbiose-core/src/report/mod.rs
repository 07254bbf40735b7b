//! The programme's deliverables as standalone, printable HTML: the Diagnostic, the Roadmap and
//! dashboard, and the end-of-mission report (bilan). Each is one file with its print stylesheet
//! inline (A4, page breaks between parts), the map and charts as inline SVG; the browser prints
//! it or saves it as PDF. Text is escaped by `doc`; what confidential data a deliverable may
//! show is decided in `common` (and the bilan's eco-communication page uses the public copy).

mod common;
mod deliverables;
mod doc;
mod map;

pub use doc::STYLE_HASH;

use crate::Lang;
use crate::detect::Detection;
use crate::model::{Date, Project};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deliverable {
    Diagnostic,
    RoadmapDashboard,
    Bilan,
}

impl Deliverable {
    pub const ALL: [Deliverable; 3] = [Self::Diagnostic, Self::RoadmapDashboard, Self::Bilan];

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Self::Diagnostic => lang.pick(
                "Diagnostic des flux et actions",
                "Flow diagnostic and actions",
            ),
            Self::RoadmapDashboard => lang.pick(
                "Feuille de route et tableau de bord",
                "Roadmap and dashboard",
            ),
            Self::Bilan => lang.pick("Bilan de fin de mission", "End-of-mission report"),
        }
    }

    /// A short name for files (`diagnostic`, `feuille-de-route`, `bilan`).
    pub fn slug(self) -> &'static str {
        match self {
            Self::Diagnostic => "diagnostic",
            Self::RoadmapDashboard => "feuille-de-route-tableau-de-bord",
            Self::Bilan => "bilan",
        }
    }
}

/// The deliverable as one standalone HTML document.
pub fn render(
    kind: Deliverable,
    p: &Project,
    detection: &Detection,
    lang: Lang,
    today: Date,
) -> String {
    let doc = match kind {
        Deliverable::Diagnostic => deliverables::diagnostic(p, detection, lang, today),
        Deliverable::RoadmapDashboard => deliverables::roadmap_dashboard(p, detection, lang, today),
        Deliverable::Bilan => deliverables::bilan(p, lang, today),
    };
    doc.finish(&format!("{} — {}", kind.title(lang), p.name), lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::{Assumptions, detect};
    use crate::factors::Factors;
    use crate::kb::KnowledgeBase;
    use crate::model::Confidentiality;

    fn demo() -> (Project, Detection) {
        let p = crate::demo::project();
        let d = detect(
            &p,
            &Assumptions::for_project(&p),
            Factors::bundled(),
            &KnowledgeBase::full(),
        );
        (p, d)
    }

    #[test]
    fn every_deliverable_has_its_parts_in_both_languages() {
        let (p, d) = demo();
        let today = Date::new(2026, 11, 28).unwrap();
        for lang in [Lang::Fr, Lang::En] {
            for kind in Deliverable::ALL {
                let html = render(kind, &p, &d, lang, today);
                assert!(html.starts_with("<!DOCTYPE html>"));
                assert!(html.contains(&format!("<title>{}", kind.title(lang))));
                assert!(html.contains("@page { size: A4"));
                assert!(
                    html.matches("class=\"part\"").count() >= 2,
                    "{kind:?} has page-broken parts"
                );
                assert!(!html.contains("NaN"));
            }
        }
        let diag = render(Deliverable::Diagnostic, &p, &d, Lang::Fr, today);
        for part in [
            "1. Le territoire",
            "2. Les acteurs",
            "3. Les flux par famille",
            "4. Les opportunités",
            "5. Les enjeux",
            "6. Feuille de route proposée",
        ] {
            assert!(diag.contains(part), "{part}");
        }
        assert!(diag.contains("Carte des entreprises"));
        let road = render(Deliverable::RoadmapDashboard, &p, &d, Lang::Fr, today);
        assert!(
            road.contains("Programme d&#39;investissement")
                && road.contains("Calendrier des actions")
        );
        let bilan = render(Deliverable::Bilan, &p, &d, Lang::Fr, today);
        assert!(bilan.contains("Éco-communication") && bilan.contains("Ateliers"));
    }

    /// What the files' policy (`doc::policy`) and the app's would refuse must not be in them:
    /// a `style` attribute (only the hashed stylesheet may style), a script, anything fetched.
    #[test]
    fn every_deliverable_is_styled_by_its_one_stylesheet_and_fetches_nothing() {
        let (p, d) = demo();
        let today = Date::new(2026, 11, 28).unwrap();
        for lang in [Lang::Fr, Lang::En] {
            for kind in Deliverable::ALL {
                let html = render(kind, &p, &d, lang, today);
                assert_eq!(html.matches("<style").count(), 1, "{kind:?}");
                assert!(html.contains(&format!("<style>{}</style>", doc::STYLE)));
                assert!(html.contains(&format!("style-src {STYLE_HASH};")));
                for refused in [" style=", "<script", " src=", "href=", "url(", "@import"] {
                    assert!(!html.contains(refused), "{kind:?} {lang:?} has {refused:?}");
                }
            }
        }
    }

    #[test]
    fn no_private_flow_no_confidential_cost_and_no_markup_from_data() {
        let (mut p, _) = demo();
        p.actors[0].name = "<img src=x onerror=alert(1)>".into();
        p.flows[0].label = "\"><script>alert(2)</script>".into();
        let secret = p
            .flows
            .iter()
            .position(|f| f.confidentiality == Confidentiality::Private)
            .expect("demo has a private flow");
        p.flows[secret].label = "SECRET-PROCESS-LABEL".into();
        let d = detect(
            &p,
            &Assumptions::for_project(&p),
            Factors::bundled(),
            &KnowledgeBase::full(),
        );
        for kind in Deliverable::ALL {
            let html = render(kind, &p, &d, Lang::Fr, Date::new(2026, 11, 28).unwrap());
            assert!(
                !html.contains("<img src=x") && !html.contains("<script>"),
                "{kind:?}"
            );
            assert!(
                !html.contains("SECRET-PROCESS-LABEL"),
                "{kind:?} prints a private flow"
            );
            assert!(
                !html.contains("987,65") && !html.contains("987.65"),
                "{kind:?} prints an anonymised flow's cost"
            );
        }
    }
}
