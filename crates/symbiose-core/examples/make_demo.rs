//! Writes the demonstration project file to standard output:
//! `cargo run -p symbiose-core --example make_demo > crates/symbiose-core/data/demo_za.json`
fn main() {
    let mut text = symbiose_core::format::save_project(&symbiose_core::demo::build(), true);
    text = text.replacen(symbiose_core::format::SOURCE, "symbiose-demo", 1);
    println!("{text}");
}
