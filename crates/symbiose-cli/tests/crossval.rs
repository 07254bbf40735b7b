//! `symbiose crossval` from the outside: the table it prints.

use std::process::Command;

#[test]
fn crossval_prints_both_levels_with_the_baseline() {
    let out = Command::new(env!("CARGO_BIN_EXE_symbiose"))
        .args(["crossval"])
        .output()
        .expect("the binary runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("30 cas/cases, 299 échanges évalués"),
        "{text}"
    );
    assert!(text.contains("base@10"), "{text}");
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("class") || l.starts_with("division"))
        .collect();
    assert_eq!(rows.len(), 4, "{text}");
    for row in rows {
        let figures: Vec<f64> = row
            .split_whitespace()
            .skip(2)
            .map(|x| x.parse().unwrap())
            .collect();
        assert_eq!(figures.len(), 6, "{row}");
        assert!(
            figures[0] <= figures[1] && figures[1] <= figures[2],
            "{row}"
        );
    }
}
