//! `symbiose bench`: indexed versus all-pairs substitution detection on synthetic
//! territories of 1,000, 10,000 and 100,000 flows, each path's quickest run (`best_of`). The
//! naive run is skipped where a timed sample (the first 200 offers against every need)
//! projects more than a minute; the spread of the time per flow across the sizes. Then the
//! indexed path on territories whose area grows with their companies (the same spread). Then, per
//! size, a whole detection (leads, pooling and refusals included) against its update after
//! one edit (`detect::incremental`).

use std::process::ExitCode;
use std::time::{Duration, Instant};

use symbiose_core::Direction;
use symbiose_core::detect::incremental::redetect;
use symbiose_core::detect::{
    Assumptions, detect_with_refusals, substitutions, substitutions_naive, synthetic,
};
use symbiose_core::factors::Factors;
use symbiose_core::kb::KnowledgeBase;

const SAMPLE_OFFERS: usize = 200;
const NAIVE_LIMIT: Duration = Duration::from_secs(60);

/// Each timed path runs at least this many times, and again until it has run for
/// [`MIN_TIME`]; the quickest run counts. The machines here are shared, and another job slows
/// one run by up to half (2026-12-03: 173–685 ms for the same 20,000 flows within an hour):
/// the quickest is the one least disturbed, and a path of 100 ms needs more than three tries
/// to find an undisturbed one where a path of seconds spans the disturbances in each.
const RUNS: usize = 3;
const MIN_TIME: Duration = Duration::from_secs(2);

/// The result of `run` and its quickest time (see [`RUNS`]).
fn best_of<T>(mut run: impl FnMut() -> T) -> (T, Duration) {
    let first = Instant::now();
    let mut out = run();
    let mut best = first.elapsed();
    let mut runs = 1;
    while runs < RUNS || first.elapsed() < MIN_TIME {
        // The last run's result is dropped before the clock starts: freeing it is not part of
        // the run timed, and the first run frees nothing.
        drop(out);
        let start = Instant::now();
        out = run();
        best = best.min(start.elapsed());
        runs += 1;
    }
    (out, best)
}

pub fn run(sizes: &[usize]) -> ExitCode {
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        sizes.to_vec()
    };
    let asm = Assumptions::default();
    let factors = Factors::bundled();
    let kb = KnowledgeBase::full();
    println!(
        "{:>8} {:>12} {:>10} {:>10} {:>12} {:>10} {:>8}",
        "flows", "indexed_ms", "us/flow", "proposals", "naive_ms", "naive_n", "ratio"
    );
    let mut per_flow = Vec::new();
    for &n in &sizes {
        let project = synthetic::territory(n, 42);
        let (indexed, t_indexed) = best_of(|| substitutions(&project, &asm, factors, &kb));
        per_flow.push(t_indexed.as_secs_f64() * 1e6 / n as f64);
        // Project the naive time from a sample: its cost is linear in the number of offers.
        let offers = project
            .flows
            .iter()
            .filter(|f| f.direction == Direction::Offer)
            .count();
        let mut sample = project.clone();
        let mut kept = 0;
        sample.flows.retain(|f| {
            if f.direction == Direction::Need {
                return true;
            }
            kept += 1;
            kept <= SAMPLE_OFFERS
        });
        let start = Instant::now();
        let _ = substitutions_naive(&sample, &asm, factors, &kb);
        let projected = start
            .elapsed()
            .mul_f64(offers as f64 / SAMPLE_OFFERS.min(offers).max(1) as f64);
        if projected > NAIVE_LIMIT {
            println!(
                "{:>8} {:>12.1} {:>10.1} {:>10} {:>12} {:>10} {:>8}   naive skipped: projected {:.0} s from {} sampled offers",
                n,
                t_indexed.as_secs_f64() * 1000.0,
                t_indexed.as_secs_f64() * 1e6 / n as f64,
                indexed.len(),
                "-",
                "-",
                "-",
                projected.as_secs_f64(),
                SAMPLE_OFFERS
            );
            continue;
        }
        let (naive, t_naive) = best_of(|| substitutions_naive(&project, &asm, factors, &kb));
        let same = naive.len() == indexed.len()
            && naive.iter().zip(&indexed).all(|(a, b)| a.key() == b.key());
        println!(
            "{:>8} {:>12.1} {:>10.1} {:>10} {:>12.1} {:>10} {:>8.1}   {}",
            n,
            t_indexed.as_secs_f64() * 1000.0,
            t_indexed.as_secs_f64() * 1e6 / n as f64,
            indexed.len(),
            t_naive.as_secs_f64() * 1000.0,
            naive.len(),
            t_naive.as_secs_f64() / t_indexed.as_secs_f64(),
            if same {
                "same proposals / mêmes propositions"
            } else {
                "MISMATCH / DIFFÉRENCE"
            }
        );
        if !same {
            return ExitCode::FAILURE;
        }
    }
    linearity(&per_flow);
    at_density(&sizes);
    edits(&sizes)
}

/// The spread of the time per flow across the sizes run: the slowest over the quickest (the
/// target is at most 2× from 1,000 to 100,000 flows).
fn linearity(per_flow: &[f64]) {
    let most = per_flow.iter().copied().fold(f64::NAN, f64::max);
    let least = per_flow.iter().copied().fold(f64::NAN, f64::min);
    if per_flow.len() > 1 {
        println!(
            "time per flow, slowest over quickest / temps par flux, le plus lent sur le plus rapide : {:.2}×",
            most / least
        );
    }
}

/// The indexed path again, on territories whose area grows with their companies at the
/// density of the reference size (`synthetic::territory_at_density`): in the fixed area of
/// [`synthetic::territory`] a territory of 100,000 flows is a hundred times as dense as one of
/// 1,000, and an offer has a hundred times as many needs within reach.
fn at_density(sizes: &[usize]) {
    let asm = Assumptions::default();
    let factors = Factors::bundled();
    let kb = KnowledgeBase::full();
    println!();
    println!(
        "area growing with the territory, at the density of {} flows / surface croissant avec le territoire",
        synthetic::DENSITY_FLOWS
    );
    println!(
        "{:>8} {:>12} {:>10} {:>10}",
        "flows", "indexed_ms", "us/flow", "proposals"
    );
    let mut per_flow = Vec::new();
    for &n in sizes {
        let project = synthetic::territory_at_density(n, 42);
        let (indexed, t) = best_of(|| substitutions(&project, &asm, factors, &kb));
        per_flow.push(t.as_secs_f64() * 1e6 / n as f64);
        println!(
            "{:>8} {:>12.1} {:>10.1} {:>10}",
            n,
            t.as_secs_f64() * 1000.0,
            t.as_secs_f64() * 1e6 / n as f64,
            indexed.len()
        );
    }
    linearity(&per_flow);
}

/// `symbiose bench --project FILE`: the same whole detection and update after one edit, on a
/// project file (the browser benchmark's territories, `symbiose synth`).
pub fn run_project(path: &std::path::Path) -> ExitCode {
    match crate::load::project(path) {
        Ok(project) => {
            println!(
                "{:>8} {:>12} {:>12} {:>10} {:>10} {:>10}",
                "flows", "detect_ms", "edit_ms", "rescored", "offers", "proposals"
            );
            edit_line(&project);
            scan_line(&project);
            shares_line(&project, 2);
            shares_line(&project, 4);
            wire_line(&project);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// A whole detection, then the same territory after one need's quantity is tripled: the time
/// to update the detection, and how many offers were scored again.
fn edits(sizes: &[usize]) -> ExitCode {
    println!();
    println!(
        "{:>8} {:>12} {:>12} {:>10} {:>10} {:>10}",
        "flows", "detect_ms", "edit_ms", "rescored", "offers", "proposals"
    );
    for &n in sizes {
        edit_line(&synthetic::territory(n, 42));
    }
    ExitCode::SUCCESS
}

fn edit_line(project: &symbiose_core::Project) {
    let factors = Factors::bundled();
    let kb = KnowledgeBase::full();
    let n = project.flows.len();
    {
        let asm = Assumptions::for_project(project);
        let start = Instant::now();
        let (detection, refused) = detect_with_refusals(project, &asm, factors, &kb);
        let t_full = start.elapsed();
        let proposals = detection.proposals.len();
        let mut edited = project.clone();
        let Some(need) = edited
            .flows
            .iter_mut()
            .find(|f| f.direction == Direction::Need && f.quantity.is_some())
        else {
            return;
        };
        need.quantity = need.quantity.map(|q| symbiose_core::Quantity {
            value: q.value * 3.0,
            ..q
        });
        let offers = edited
            .flows
            .iter()
            .filter(|f| f.direction == Direction::Offer)
            .count();
        let start = Instant::now();
        let (_, _, rescored) = redetect(
            Some((project, detection, refused)),
            &edited,
            &asm,
            factors,
            &kb,
        );
        let t_edit = start.elapsed();
        println!(
            "{:>8} {:>12.1} {:>12.1} {:>10} {:>10} {:>10}",
            n,
            t_full.as_secs_f64() * 1000.0,
            t_edit.as_secs_f64() * 1000.0,
            rescored.map_or("all".to_string(), |r| r.to_string()),
            offers,
            proposals
        );
    }
}

/// The substitution scan alone (every offer against its candidate needs, the kept pairs as
/// proposals), the best of three runs: on a shared machine the best run is the one least
/// disturbed, and the scan is most of a whole detection.
fn scan_line(project: &symbiose_core::Project) {
    let asm = Assumptions::for_project(project);
    let (factors, kb) = (Factors::bundled(), KnowledgeBase::full());
    let best = (0..3)
        .map(|_| {
            let start = Instant::now();
            let found = substitutions(project, &asm, factors, &kb);
            (start.elapsed(), found.len())
        })
        .min()
        .expect("three runs");
    println!(
        "scan: {} substitution proposals in {:.1} ms (best of 3 runs)",
        best.1,
        best.0.as_secs_f64() * 1000.0
    );
}

/// A whole run cut into `of` shares (`detect::share`, the browser's workers), each run alone
/// here one after the other: the longest share against the whole run is what the split can
/// gain with a core per share. Whole and shares are each the best of two runs; the joined
/// shares are checked against the whole run.
fn shares_line(project: &symbiose_core::Project, of: usize) {
    use symbiose_core::detect::incremental::{Run, Update};
    use symbiose_core::detect::share::{Share, join};
    let asm = Assumptions::for_project(project);
    let (factors, kb) = (Factors::bundled(), KnowledgeBase::full());
    let timed = |share: Share| {
        (0..2)
            .map(|_| {
                let start = Instant::now();
                let run = Run::new(project, &asm, factors, &kb);
                let plan = run.plan_share(share);
                let Update::Full(d, r) = run.finish(plan) else {
                    unreachable!("a share is a whole run's part")
                };
                (start.elapsed(), (d, r))
            })
            .min_by_key(|(t, _)| *t)
            .expect("two runs")
    };
    let (t_whole, whole) = timed(Share::WHOLE);
    let (times, parts): (Vec<Duration>, Vec<_>) =
        (0..of).map(|index| timed(Share { index, of })).unzip();
    let same = join(parts).as_ref() == Some(&whole);
    let start = Instant::now();
    let pooled = symbiose_core::detect::mutualisations(project, &asm).len();
    let t_pooling = start.elapsed();
    let distances = symbiose_core::detect::mutualise::pooling_work(project, &asm);
    let longest = times.iter().max().copied().unwrap_or_default();
    let ms: Vec<String> = times
        .iter()
        .map(|t| format!("{:.0}", t.as_secs_f64() * 1000.0))
        .collect();
    println!(
        "shares: whole run {:.0} ms; {} shares {} ms (the first pools: {} groups, {} distances, in {:.0} ms); the longest {:.2} of the whole; joined {}",
        t_whole.as_secs_f64() * 1000.0,
        of,
        ms.join(" + "),
        pooled,
        distances,
        t_pooling.as_secs_f64() * 1000.0,
        longest.as_secs_f64() / t_whole.as_secs_f64().max(1e-9),
        if same {
            "= whole run"
        } else {
            "MISMATCH / DIFFÉRENCE"
        }
    );
}

/// What a whole detection costs to send from the detection worker to the page (`detect::wire`):
/// the bytes, and the time to encode them and to decode them (here, natively; the browser's wasm is
/// slower).
fn wire_line(project: &symbiose_core::Project) {
    use symbiose_core::detect::wire;
    let asm = Assumptions::for_project(project);
    let (detection, refused) =
        detect_with_refusals(project, &asm, Factors::bundled(), &KnowledgeBase::full());
    let start = Instant::now();
    let encoded = wire::encode_full(&detection, &refused);
    let t_encode = start.elapsed();
    let chunk_bytes: usize = encoded.chunks.iter().map(Vec::len).sum();
    let start = Instant::now();
    let mut decoder = wire::Decoder::new(&encoded.head).expect("a head this run encoded");
    for c in &encoded.chunks {
        decoder.push(c).expect("a chunk this run encoded");
    }
    let decoded = decoder.finish().expect("a message this run encoded");
    let t_decode = start.elapsed();
    drop(decoded);
    let n = detection.proposals.len().max(1);
    println!(
        "wire: {} proposals in {} chunks, {} B of proposals ({:.0} B each) and a head of {} B; encode {:.1} ms, decode {:.1} ms ({:.2} µs per proposal)",
        detection.proposals.len(),
        encoded.chunks.len(),
        chunk_bytes,
        chunk_bytes as f64 / n as f64,
        encoded.head.len(),
        t_encode.as_secs_f64() * 1000.0,
        t_decode.as_secs_f64() * 1000.0,
        t_decode.as_secs_f64() * 1e6 / n as f64
    );
}
