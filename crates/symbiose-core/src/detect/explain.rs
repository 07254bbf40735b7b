//! Writes the components of a kept proposal in French and English, with the numbers, the
//! assumptions and the factor sources behind them. Each text is built by one piece of code run
//! once per language (`bilingual!`, `Bilingual::from_fn`): what a sentence says cannot differ
//! between the languages, only its words.

use super::assumptions::Assumptions;
use super::context::{Context, Scored};
use super::fit::{Fit, FitLevel, Thermal};
use super::score::{Climate, Economics, QualityCheck, QuantityFit};
use super::why::{ResourceWhy, Why};
use super::{Component, ComponentKind, Flag, ProposalKind, Refusal};
use crate::factors::Factors;
use crate::kb::regulation::{Finding, Verdict};
use crate::model::{BarrierKind, Unit};
use crate::numbers::{Precision::Reading, number};
use crate::refdata::naf;
use crate::{Bilingual, Lang, bilingual};

fn unit_symbol(u: Option<Unit>) -> &'static str {
    u.map_or("", Unit::symbol)
}

/// The separator between the parts of a sentence: French typography puts a space before `;`.
fn semicolon(lang: Lang) -> &'static str {
    lang.pick(" ; ", "; ")
}

/// The sentence of a rule that allows the use ([`Verdict::Allowed`]), appended to the resource
/// text: a plain proposal still names the rule it rests on.
pub(crate) fn allowed_note(finding: Option<Finding>, lang: crate::Lang) -> Option<String> {
    let f = finding.filter(|f| f.verdict() == Verdict::Allowed)?;
    Some(format!("{}{}", semicolon(lang), f.text().get(lang)))
}

fn resource_text(fit: &Fit, finding: Option<Finding>) -> Bilingual {
    Bilingual::from_fn(|l| {
        let mut text = bilingual!(in l, "Adéquation : {}", "Fit: {}", fit.level.label(l));
        if let Some(rule) = fit.rule {
            text += &format!(" ({})", l.pick(rule.why_fr, rule.why_en));
        }
        match fit.thermal {
            Some(Thermal::Sufficient { offer_c, need_c }) => {
                text += &bilingual!(in l,
                    "; chaleur offerte à {offer_c} °C pour un besoin à {need_c} °C",
                    "; heat offered at {offer_c} °C for a need at {need_c} °C"
                );
            }
            Some(Thermal::WithinMargin { offer_c, need_c }) => {
                text += &bilingual!(in l,
                    "; chaleur offerte à {offer_c} °C, un peu sous le besoin ({need_c} °C) : dans la marge d'approche admise, une pompe à chaleur d'appoint peut être nécessaire",
                    "; heat offered at {offer_c} °C, slightly below the need ({need_c} °C): within the accepted approach margin, a booster heat pump may be needed"
                );
            }
            Some(Thermal::Unknown) => {
                text += l.pick(
                    "; température non renseignée d'un côté au moins, à vérifier",
                    "; temperature missing on at least one side, to check",
                );
            }
            None => {}
        }
        if fit.label_similarity > 0.0 && fit.level == FitLevel::Family {
            text += l.pick(
                "; libellés proches (signal faible)",
                "; similar labels (weak signal)",
            );
        }
        // The declaring company's sector, said only when it tells something.
        match fit.sector.get() {
            Some(p) if p >= 0.5 => {
                text += l.pick(
                    "; secteur du receveur : receveur habituel de cette ressource (échanges réels, règles Symbiose)",
                    "; receiver's sector: a usual receiver of this resource (real exchanges, Symbiose rules)",
                )
            }
            Some(p) if p < 0.1 => {
                text += l.pick(
                    "; secteur du receveur : rarement receveur de cette ressource (échanges réels, règles Symbiose)",
                    "; receiver's sector: seldom a receiver of this resource (real exchanges, Symbiose rules)",
                )
            }
            _ => {}
        }
        text + &allowed_note(finding, l).unwrap_or_default()
    })
}

fn quantity_text(q: &QuantityFit) -> Bilingual {
    let u = unit_symbol(q.unit);
    match (q.matched.get(), q.offer_annual.get(), q.need_annual.get()) {
        (Some(m), Some(o), Some(n)) => bilingual!(
            |l| "{} {u}/an échangeables (offre {} {u}/an, besoin {} {u}/an)",
            "{} {u}/yr exchangeable (offer {} {u}/yr, need {} {u}/yr)",
            number(m, l, Reading),
            number(o, l, Reading),
            number(n, l, Reading)
        ),
        (Some(m), _, None) => bilingual!(
            |l| "{} {u}/an offerts ; besoin du receveur non déclaré",
            "{} {u}/yr offered; receiver's need not declared",
            number(m, l, Reading)
        ),
        _ => Bilingual::new(
            "Quantités inconnues ou non comparables (unités ou périodicités différentes)",
            "Quantities unknown or not comparable (different units or periods)",
        ),
    }
}

fn timing_text((overlap, wanted, _): (u32, u32, f64)) -> Bilingual {
    if overlap == 0 {
        Bilingual::new(
            "Aucun mois en commun : un stockage serait nécessaire",
            "No month in common: storage would be needed",
        )
    } else {
        bilingual!(
            |l| "{overlap} mois sur {wanted} du besoin couverts par l'offre",
            "{overlap} of the need's {wanted} months covered by the offer"
        )
    }
}

fn distance_text(road_km: Option<f64>, asm: &Assumptions) -> Bilingual {
    match road_km {
        Some(d) => bilingual!(
            |l| "{} km par la route (distance à vol d'oiseau × {})",
            "{} km by road (straight-line distance × {})",
            number(d, l, Reading),
            number(asm.road_factor, l, Reading)
        ),
        None => Bilingual::new(
            "Distance inconnue : position manquante",
            "Distance unknown: position missing",
        ),
    }
}

fn economics_text(e: &Economics, asm: &Assumptions) -> Bilingual {
    let Some(net) = e.net.get() else {
        return Bilingual::new(
            "Gain économique non estimable : coûts d'élimination et d'achat non déclarés",
            "Economic gain not estimable: disposal and purchase costs not declared",
        );
    };
    Bilingual::from_fn(|l| {
        // Net only once the transport is taken away: without it the gain is said before
        // transport ("Gain net" beside "transport non estimé" read as a figure to trust).
        let head = if e.transport.is_known() {
            bilingual!(in l,
                "Gain net estimé : {} €/an",
                "Estimated net gain: {} €/yr",
                number(net, l, Reading)
            )
        } else {
            bilingual!(in l,
                "Gain estimé avant transport : {} €/an",
                "Estimated gain before transport: {} €/yr",
                number(net, l, Reading)
            )
        };
        let mut parts = vec![head];
        if let Some(d) = e.avoided_disposal.get() {
            parts.push(bilingual!(in l,
                "élimination évitée {} €",
                "avoided disposal {} €",
                number(d, l, Reading)
            ));
        }
        if let Some(p) = e.avoided_purchase.get() {
            parts.push(bilingual!(in l,
                "achat évité {} €",
                "avoided purchase {} €",
                number(p, l, Reading)
            ));
        }
        parts.push(match e.transport.get() {
            Some(t) => bilingual!(in l,
                "transport −{} € (hypothèse {} €/t.km)",
                "transport −{} € (assumed {} €/t.km)",
                number(t, l, Reading),
                number(asm.transport_eur_per_tkm, l, Reading)
            ),
            None => l
                .pick(
                    "coût de transport ou de raccordement non estimé",
                    "transport or connection cost not estimated",
                )
                .to_string(),
        });
        parts.join(semicolon(l))
    })
}

/// What the climate figures leave out, said once per detection (see [`super::Detection`]).
pub(crate) const NOT_COUNTED_FR: &str = "Non comptés : la matière vierge évitée (la table n'a pas de facteur « bénéfices »), et toute différence d'impact entre filières de traitement (enfouissement − recyclage serait trompeur)";
pub(crate) const NOT_COUNTED_EN: &str = "Not counted: avoided virgin material (the table has no \"benefits\" factor), and any difference between treatment routes' impacts (landfill − recycling would mislead)";

/// `Gaz naturel … : 0.215 kgCO2e/kWh`: the factor named with its value; its full source is in
/// the detection's factor list, once, rather than copied into every proposal.
/// A factor as a sentence cites it: its name, then its value in full (a cited figure is not
/// rounded) with the language's decimal mark, and its unit.
fn factor_name(factors: &Factors, key: crate::factors::FactorKey, lang: Lang) -> String {
    let f = factors.get(key);
    let value = number(f.value, lang, crate::numbers::Precision::Exact);
    bilingual!(in lang, "{} : {value} {}", "{}: {value} {}", f.name, f.unit)
}

/// How a fuel's factor became a factor per MWh of useful heat: the PCS/PCI conversion when the
/// factor is per kWh PCS, and the replaced boiler's efficiency, an assumption the user can change.
fn boiler_text(key: crate::factors::FactorKey, asm: &Assumptions, lang: Lang) -> String {
    if !key.is_boiler_fuel() {
        return String::new();
    }
    let efficiency = number(
        asm.boiler_efficiency,
        lang,
        crate::numbers::Precision::Exact,
    );
    match key.pcs_per_pci() {
        Some(ratio) => {
            let ratio = number(ratio, lang, crate::numbers::Precision::Exact);
            bilingual!(in lang,
                ", × {ratio} PCS/PCI, ÷ rendement {efficiency} de la chaudière remplacée (hypothèse)",
                ", × {ratio} HHV/LHV, ÷ efficiency {efficiency} of the replaced boiler (assumption)"
            )
        }
        None => bilingual!(in lang,
            ", ÷ rendement {efficiency} de la chaudière remplacée (hypothèse)",
            ", ÷ efficiency {efficiency} of the replaced boiler (assumption)"
        ),
    }
}

fn climate_text(c: &Climate, asm: &Assumptions, factors: &Factors) -> Bilingual {
    let Some(net) = c.net.get() else {
        return Bilingual::new(
            "Bilan CO₂e non estimable (quantités inconnues)",
            "CO₂e balance not estimable (quantities unknown)",
        );
    };
    Bilingual::from_fn(|l| {
        let mut parts = vec![bilingual!(in l,
            "Émissions évitées nettes : {} tCO₂e/an",
            "Net avoided emissions: {} tCO₂e/yr",
            number(net, l, Reading)
        )];
        if let Some((t, key)) = c.avoided_supply {
            // Each part in tCO₂e, said: "approvisionnement remplacé 431 t" read as 431 tonnes
            // of fuel.
            parts.push(bilingual!(in l,
                "approvisionnement remplacé {} tCO₂e (facteur {}{})",
                "replaced supply {} tCO₂e (factor {}{})",
                number(t, l, Reading),
                factor_name(factors, key, l),
                boiler_text(key, asm, l)
            ));
        }
        if let Some(t) = c.avoided_outlet_transport.get() {
            parts.push(bilingual!(in l,
                "transport évité vers l'exutoire actuel {} tCO₂e (hypothèse {} km)",
                "avoided transport to the current outlet {} tCO₂e (assumed {} km)",
                number(t, l, Reading),
                number(asm.current_outlet_road_km, l, Reading)
            ));
        }
        if let Some(t) = c.transport.get() {
            parts.push(format!("transport −{} tCO₂e", number(t, l, Reading)));
        }
        if c.avoided_outlet_transport.is_known() || c.transport.is_known() {
            let factor = factor_name(factors, asm.freight_factor, l);
            parts.push(bilingual!(in l, "fret : {factor}", "freight: {factor}"));
        }
        bilingual!(in l,
            "{} (matière vierge évitée non comptée)",
            "{} (avoided virgin material not counted)",
            parts.join(semicolon(l))
        )
    })
}

fn quality_text(q: &QualityCheck) -> Bilingual {
    let checks = [
        (
            q.state_mismatch,
            "états physiques différents",
            "different physical states",
        ),
        (
            q.contaminated,
            "contaminants déclarés dans l'offre",
            "contaminants declared in the offer",
        ),
        (
            q.purity_short,
            "pureté offerte inférieure à la pureté demandée",
            "offered purity below the required purity",
        ),
        (q.hazardous, "déchet dangereux", "hazardous waste"),
    ];
    if !checks.iter().any(|(failed, ..)| *failed) {
        return Bilingual::new(
            "Aucune incompatibilité de qualité déclarée",
            "No declared quality incompatibility",
        );
    }
    Bilingual::from_fn(|l| {
        let failed: Vec<&str> = checks
            .iter()
            .filter(|(failed, ..)| *failed)
            .map(|(_, fr, en)| l.pick(fr, en))
            .collect();
        bilingual!(in l, "À vérifier : {}", "To check: {}", failed.join(", "))
    })
}

/// The sentence of a lead's receiver sector, with the evidence from real exchanges.
fn sector_text(
    nace: &str,
    receiver_naf: Option<&naf::NafCode>,
    evidence: &crate::kb::Evidence,
    finding: Option<Finding>,
) -> Bilingual {
    let evidence = evidence.text();
    let sector_label =
        |lang: Lang| receiver_naf.map_or_else(|| nace.to_string(), |c| c.label(lang).to_string());
    bilingual!(
        |l| "Secteur receveur connu ({}, NACE {}) : {}{}",
        "Known receiver sector ({}, NACE {}): {}{}",
        sector_label(l),
        nace,
        evidence.get(l),
        allowed_note(finding, l).unwrap_or_default()
    )
}

fn confidential_economics() -> Bilingual {
    Bilingual::new(
        "Gain économique : confidentiel (coûts d'un flux non public)",
        "Economic gain: confidential (costs of a non-public flow)",
    )
}

impl Why {
    /// The seven reasons, written now in both languages.
    pub(crate) fn components(&self) -> Vec<Component> {
        let asm = self.asm();
        let factors = &self.setting.factors;
        let resource = match &self.resource {
            ResourceWhy::Need(fit) => resource_text(fit, self.regulation),
            ResourceWhy::Sector {
                nace,
                receiver_naf,
                evidence,
                ..
            } => sector_text(nace, *receiver_naf, evidence, self.regulation),
        };
        let timing = match self.timing {
            Some(t) => timing_text(t),
            None => Bilingual::new(
                "Calendrier du receveur inconnu",
                "Receiver's calendar unknown",
            ),
        };
        let texts = [
            resource,
            quantity_text(&self.quantity),
            timing,
            distance_text(self.road_km.get(), asm),
            economics_text(&self.economics, asm),
            climate_text(&self.climate, asm, factors),
            quality_text(&self.quality),
        ];
        self.scores()
            .into_iter()
            .zip(texts)
            .map(|((kind, score, weight), text)| Component {
                kind,
                score,
                weight,
                text,
                public_text: (kind == ComponentKind::Economics && self.confidential)
                    .then(confidential_economics),
            })
            .collect()
    }

    /// Regulatory and technical barriers of the exchange; a regulatory rule's condition
    /// ([`Verdict::Caution`]) comes first.
    pub(crate) fn flags(&self) -> Vec<Flag> {
        let mut out = Vec::new();
        if let Some(f) = self.regulation.filter(|f| f.verdict() == Verdict::Caution) {
            out.push(Flag {
                kind: BarrierKind::Regulatory,
                text: f.text(),
            });
        }
        if let Some(code) = self.hazardous {
            out.push(Flag {
                kind: BarrierKind::Regulatory,
                text: bilingual!(|l|
                    "Déchet dangereux ({}) : traçabilité (bordereau, Trackdéchets) et installation autorisée requises",
                    "Hazardous waste ({}): tracking (waste consignment note, Trackdéchets) and a permitted facility required",
                    code.display_with_star()
                ),
            });
        }
        if self.receives_waste {
            out.push(Flag {
                kind: BarrierKind::Regulatory,
                text: Bilingual::new(
                    "Recevoir un déchet peut faire du receveur une installation classée (ICPE) de traitement de déchets (rubriques 27xx, jusqu'à 24 mois de procédure), sauf sortie du statut de déchet ou statut de sous-produit (art. L541-4-2 et L541-4-3 du code de l'environnement)",
                    "Receiving a waste can make the receiver a regulated waste-treatment installation (ICPE headings 27xx, up to 24 months of procedure), unless the waste exits waste status or qualifies as a by-product (French environment code L541-4-2, L541-4-3)",
                ),
            });
        }
        if self.timing.is_some_and(|t| t.0 == 0) {
            out.push(Flag {
                kind: BarrierKind::Technical,
                text: Bilingual::new(
                    "Calendriers disjoints : stockage à prévoir",
                    "Disjoint calendars: storage needed",
                ),
            });
        }
        out
    }
}

/// A refused pair, with its rule's sentence.
pub(crate) fn refusal(ctx: &Context, s: &Scored) -> Refusal {
    let (o, n) = (&ctx.offers[s.offer], &ctx.needs[s.need]);
    let finding = s.regulation.expect("a refused pair has its rule");
    Refusal {
        key: format!("sub:{}:{}", o.flow.id, n.flow.id),
        kind: ProposalKind::Substitution,
        offer: o.flow.id.clone(),
        offer_actor: o.flow.actor.clone(),
        receiver: n.flow.actor.clone(),
        need: Some(n.flow.id.clone()),
        rule: finding.rule,
        text: finding.text(),
    }
}
