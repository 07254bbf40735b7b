// Temporary profiling driver (not committed).
use symbiose_core::detect::{Assumptions, substitutions, synthetic};
use symbiose_core::factors::Factors;
use symbiose_core::kb::KnowledgeBase;
fn main() {
    let arg = std::env::args().nth(1).unwrap_or("20000".into());
    let reps: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let project = match arg.parse::<usize>() {
        Ok(n) => synthetic::territory(n, 42),
        Err(_) => {
            symbiose_core::format::load_project(&std::fs::read_to_string(&arg).unwrap())
                .map_err(|_| "load")
                .unwrap()
                .value
        }
    };
    let asm = Assumptions::for_project(&project);
    let kb = KnowledgeBase::full();
    for _ in 0..reps {
        let t = std::time::Instant::now();
        let p = substitutions(&project, &asm, Factors::bundled(), &kb);
        eprintln!(
            "{} proposals {:.1} ms",
            p.len(),
            t.elapsed().as_secs_f64() * 1e3
        );
    }
}
