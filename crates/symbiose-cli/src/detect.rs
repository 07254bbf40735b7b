//! `symbiose detect FILE [--json] [--public]`: every proposal of a project file, and for the
//! facilitator the pairs a regulatory rule refused, with the rule's legal reference.

use std::path::Path;
use std::process::ExitCode;

use symbiose_core::Index;
use symbiose_core::detect::{Assumptions, Audience, detect_with_refusals};
use symbiose_core::factors::Factors;
use symbiose_core::kb::KnowledgeBase;

pub fn run(file: &Path, json: bool, public: bool) -> ExitCode {
    let project = match crate::load::project_or_exit(file) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let asm = Assumptions::for_project(&project);
    let (detection, refused) =
        detect_with_refusals(&project, &asm, Factors::bundled(), &KnowledgeBase::full());
    // Refusals name companies and flows by id: a public audience does not see them.
    let refused = if public { Vec::new() } else { refused };
    let lookup = Index::new(&project);
    let audience = if public {
        Audience::Public
    } else {
        Audience::Facilitator
    };
    if json {
        let proposals: Vec<serde_json::Value> = detection
            .proposals
            .iter()
            .filter_map(|p| {
                let rendered = p.render_in(&lookup, audience)?;
                let mut v = serde_json::to_value(p).ok()?;
                if public {
                    for (c, r) in v["components"]
                        .as_array_mut()?
                        .iter_mut()
                        .zip(&rendered.reasons)
                    {
                        c["text"] = serde_json::to_value(r).ok()?;
                        c.as_object_mut()?.remove("public_text");
                    }
                    for k in ["net_eur_per_year", "eur_per_unit"] {
                        v[k] = serde_json::Value::Null;
                    }
                }
                v["reasons"] = serde_json::to_value(&rendered.reasons).ok()?;
                v["title"] = serde_json::to_value(&rendered.title).ok()?;
                Some(v)
            })
            .collect();
        // The factors behind every CO2e figure go with the figures, as in the app.
        let mut out = serde_json::json!({
            "proposals": proposals,
            "mutualisations": detection.mutualisations,
            "factor_sources": detection.factor_sources,
            "not_counted": detection.not_counted,
        });
        if !public {
            out["refused"] = serde_json::to_value(&refused).unwrap_or_default();
        }
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    for p in &detection.proposals {
        let Some(r) = p.render_in(&lookup, audience) else {
            continue;
        };
        println!("[{:.2}] {} — {}", p.score, p.key(), r.title.fr);
        for reason in r.reasons.iter().chain(&r.flags) {
            println!("    · {}", reason.fr);
        }
    }
    for r in &refused {
        println!("[refusé] {} — {}", r.key, r.text.fr);
    }
    for m in &detection.mutualisations {
        println!(
            "[mut] {} — {} ({} membres)",
            m.key,
            m.title.fr,
            m.members.len()
        );
        for o in &m.obligations {
            println!("    · {}", o.fr);
        }
    }
    println!(
        "{} proposition(s), {} mutualisation(s), {} refusée(s) par une règle / {} proposal(s), {} pooling proposal(s), {} refused by a rule",
        detection.proposals.len(),
        detection.mutualisations.len(),
        refused.len(),
        detection.proposals.len(),
        detection.mutualisations.len(),
        refused.len()
    );
    ExitCode::SUCCESS
}
