//! The proposals tab of the demonstration, as the core computes it: the card titles in the tab's
//! order (best score first, then the poolings), how many cards there are, and the first card's
//! reasons. The end-to-end test `proposals.test.mjs` checks that the browser shows exactly these,
//! so a change of how detection runs in the app (in slices, updated after an edit, its
//! sentences written when shown) cannot change what a workshop sees on the demo.
//!
//! After a deliberate change of detection, regenerate with
//! `SNAPSHOT_UPDATE=1 cargo test -p symbiose-core --test demo_cards` and review the diff.

use serde_json::{Value, json};
use symbiose_core::detect::{self, Assumptions, Audience};
use symbiose_core::factors::Factors;
use symbiose_core::kb::KnowledgeBase;
use symbiose_core::{Lang, demo};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/e2e/demo-cards.json"
);

/// As many cards as the tab shows before "N more proposals".
const SHOWN: usize = 60;

fn cards() -> Value {
    let p = demo::project();
    let asm = Assumptions::for_project(&p);
    let d = detect::detect(&p, &asm, Factors::bundled(), &KnowledgeBase::full());
    let mut order: Vec<&detect::Proposal> = d.proposals.iter().collect();
    // The tab's order: a stable sort by score, best first.
    order.sort_by(|a, b| b.score.total_cmp(&a.score));
    let rendered: Vec<_> = order
        .iter()
        .filter_map(|pr| pr.render(&p, Audience::Facilitator))
        .collect();
    let titles: Vec<String> = rendered
        .iter()
        .map(|r| r.title.get(Lang::Fr).to_string())
        .chain(
            d.mutualisations
                .iter()
                .map(|m| m.title.get(Lang::Fr).to_string()),
        )
        .take(SHOWN)
        .collect();
    json!({
        "cards": rendered.len() + d.mutualisations.len(),
        "titles": titles,
        "first_reasons": rendered[0].reasons.iter().map(|r| r.get(Lang::Fr)).collect::<Vec<_>>(),
        "first_flags": rendered[0].flags.iter().map(|r| r.get(Lang::Fr)).collect::<Vec<_>>(),
    })
}

#[test]
fn the_demo_cards_are_those_of_the_fixture() {
    let now = serde_json::to_string_pretty(&cards()).unwrap() + "\n";
    if std::env::var_os("SNAPSHOT_UPDATE").is_some() {
        std::fs::write(FIXTURE, &now).unwrap();
        return;
    }
    let fixture = std::fs::read_to_string(FIXTURE).unwrap_or_default();
    assert!(
        fixture == now,
        "tests/e2e/demo-cards.json is not what detection gives on the demo: review, then \
         regenerate with SNAPSHOT_UPDATE=1 cargo test -p symbiose-core --test demo_cards"
    );
}
