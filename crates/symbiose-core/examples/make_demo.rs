//! Writes a demonstration project file to standard output: the activity zone, or with
//! `--pilot` the pilot territory followed since 2015.
//! `cargo run -p symbiose-core --example make_demo > crates/symbiose-core/data/demo_za.json`
//! `cargo run -p symbiose-core --example make_demo -- --pilot > crates/symbiose-core/data/demo_pilot.json`
fn main() {
    let pilot = std::env::args().any(|a| a == "--pilot");
    let project = if pilot {
        symbiose_core::demo::pilot()
    } else {
        symbiose_core::demo::build()
    };
    let mut text = symbiose_core::format::save_project(&project, true);
    text = text.replacen(symbiose_core::format::SOURCE, "symbiose-demo", 1);
    println!("{text}");
}
