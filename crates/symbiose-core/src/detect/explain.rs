//! Writes the components of a kept proposal in French and English, with the numbers, the
//! assumptions and the factor sources behind them.

use super::context::{Context, Scored};
use super::fit::{Fit, FitLevel, Prepared, Thermal};
use super::score::{Climate, Economics, QualityCheck, QuantityFit};
use super::{Component, ComponentKind, Flag, Proposal, ProposalKind};
use crate::factors::Factors;
use crate::model::{BarrierKind, Unit};
use crate::numbers::{Precision::Reading, number};
use crate::refdata::naf;
use crate::{Bilingual, Lang};

fn b(fr: String, en: String) -> Bilingual {
    Bilingual::new(fr, en)
}

fn unit_symbol(u: Option<Unit>) -> &'static str {
    u.map_or("", Unit::symbol)
}

pub(crate) fn resource_text(fit: &Fit) -> Bilingual {
    let (mut fr, mut en) = (
        format!("Adéquation : {}", fit.level.label(Lang::Fr)),
        format!("Fit: {}", fit.level.label(Lang::En)),
    );
    if let Some(rule) = fit.rule {
        fr.push_str(&format!(" ({})", rule.why_fr));
        en.push_str(&format!(" ({})", rule.why_en));
    }
    match fit.thermal {
        Some(Thermal::Sufficient { offer_c, need_c }) => {
            fr.push_str(&format!(
                "; chaleur offerte à {offer_c} °C pour un besoin à {need_c} °C"
            ));
            en.push_str(&format!(
                "; heat offered at {offer_c} °C for a need at {need_c} °C"
            ));
        }
        Some(Thermal::WithinMargin { offer_c, need_c }) => {
            fr.push_str(&format!(
                "; chaleur offerte à {offer_c} °C, un peu sous le besoin ({need_c} °C) : dans la marge d'approche admise, une pompe à chaleur d'appoint peut être nécessaire"
            ));
            en.push_str(&format!(
                "; heat offered at {offer_c} °C, slightly below the need ({need_c} °C): within the accepted approach margin, a booster heat pump may be needed"
            ));
        }
        Some(Thermal::Unknown) => {
            fr.push_str("; température non renseignée d'un côté au moins, à vérifier");
            en.push_str("; temperature missing on at least one side, to check");
        }
        None => {}
    }
    if fit.label_similarity > 0.0 && fit.level == FitLevel::Family {
        fr.push_str("; libellés proches (signal faible)");
        en.push_str("; similar labels (weak signal)");
    }
    b(fr, en)
}

pub(crate) fn quantity_text(q: &QuantityFit) -> Bilingual {
    let u = unit_symbol(q.unit);
    match (q.matched, q.offer_annual, q.need_annual) {
        (Some(m), Some(o), Some(n)) => b(
            format!(
                "{} {u}/an échangeables (offre {} {u}/an, besoin {} {u}/an)",
                number(m, Lang::Fr, Reading),
                number(o, Lang::Fr, Reading),
                number(n, Lang::Fr, Reading)
            ),
            format!(
                "{} {u}/yr exchangeable (offer {} {u}/yr, need {} {u}/yr)",
                number(m, Lang::En, Reading),
                number(o, Lang::En, Reading),
                number(n, Lang::En, Reading)
            ),
        ),
        (Some(m), _, None) => b(
            format!(
                "{} {u}/an offerts ; besoin du receveur non déclaré",
                number(m, Lang::Fr, Reading)
            ),
            format!(
                "{} {u}/yr offered; receiver's need not declared",
                number(m, Lang::En, Reading)
            ),
        ),
        _ => b(
            "Quantités inconnues ou non comparables (unités ou périodicités différentes)".into(),
            "Quantities unknown or not comparable (different units or periods)".into(),
        ),
    }
}

fn timing_text((overlap, wanted, _): (u32, u32, f64)) -> Bilingual {
    if overlap == 0 {
        b(
            "Aucun mois en commun : un stockage serait nécessaire".into(),
            "No month in common: storage would be needed".into(),
        )
    } else {
        b(
            format!("{overlap} mois sur {wanted} du besoin couverts par l'offre"),
            format!("{overlap} of the need's {wanted} months covered by the offer"),
        )
    }
}

pub(crate) fn distance_text(road_km: Option<f64>, ctx: &Context) -> Bilingual {
    match road_km {
        Some(d) => b(
            format!(
                "{} km par la route (distance à vol d'oiseau × {})",
                number(d, Lang::Fr, Reading),
                number(ctx.asm.road_factor, Lang::Fr, Reading)
            ),
            format!(
                "{} km by road (straight-line distance × {})",
                number(d, Lang::En, Reading),
                number(ctx.asm.road_factor, Lang::En, Reading)
            ),
        ),
        None => b(
            "Distance inconnue : position manquante".into(),
            "Distance unknown: position missing".into(),
        ),
    }
}

pub(crate) fn economics_text(e: &Economics, ctx: &Context) -> Bilingual {
    let Some(net) = e.net else {
        return b(
            "Gain économique non estimable : coûts d'élimination et d'achat non déclarés".into(),
            "Economic gain not estimable: disposal and purchase costs not declared".into(),
        );
    };
    let mut fr = vec![format!(
        "Gain net estimé : {} €/an",
        number(net, Lang::Fr, Reading)
    )];
    let mut en = vec![format!(
        "Estimated net gain: {} €/yr",
        number(net, Lang::En, Reading)
    )];
    if let Some(d) = e.avoided_disposal {
        fr.push(format!(
            "élimination évitée {} €",
            number(d, Lang::Fr, Reading)
        ));
        en.push(format!(
            "avoided disposal {} €",
            number(d, Lang::En, Reading)
        ));
    }
    if let Some(p) = e.avoided_purchase {
        fr.push(format!("achat évité {} €", number(p, Lang::Fr, Reading)));
        en.push(format!(
            "avoided purchase {} €",
            number(p, Lang::En, Reading)
        ));
    }
    match e.transport {
        Some(t) => {
            fr.push(format!(
                "transport −{} € (hypothèse {} €/t.km)",
                number(t, Lang::Fr, Reading),
                number(ctx.asm.transport_eur_per_tkm, Lang::Fr, Reading)
            ));
            en.push(format!(
                "transport −{} € (assumed {} €/t.km)",
                number(t, Lang::En, Reading),
                number(ctx.asm.transport_eur_per_tkm, Lang::En, Reading)
            ));
        }
        None => {
            fr.push("coût de transport ou de raccordement non estimé".into());
            en.push("transport or connection cost not estimated".into());
        }
    }
    b(fr.join(" ; "), en.join("; "))
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
    match lang {
        Lang::Fr => format!("{} : {value} {}", f.name, f.unit),
        Lang::En => format!("{}: {value} {}", f.name, f.unit),
    }
}

pub(crate) fn climate_text(c: &Climate, ctx: &Context, factors: &Factors) -> Bilingual {
    let Some(net) = c.net else {
        return b(
            "Bilan CO₂e non estimable (quantités inconnues)".into(),
            "CO₂e balance not estimable (quantities unknown)".into(),
        );
    };
    let mut fr = vec![format!(
        "Émissions évitées nettes : {} tCO₂e/an",
        number(net, Lang::Fr, Reading)
    )];
    let mut en = vec![format!(
        "Net avoided emissions: {} tCO₂e/yr",
        number(net, Lang::En, Reading)
    )];
    if let Some((t, key)) = c.avoided_supply {
        let (name_fr, name_en) = (
            factor_name(factors, key, Lang::Fr),
            factor_name(factors, key, Lang::En),
        );
        fr.push(format!(
            "approvisionnement remplacé {} t (facteur {name_fr})",
            number(t, Lang::Fr, Reading)
        ));
        en.push(format!(
            "replaced supply {} t (factor {name_en})",
            number(t, Lang::En, Reading)
        ));
    }
    if let Some(t) = c.avoided_outlet_transport {
        fr.push(format!(
            "transport évité vers l'exutoire actuel {} t (hypothèse {} km)",
            number(t, Lang::Fr, Reading),
            number(ctx.asm.current_outlet_road_km, Lang::Fr, Reading)
        ));
        en.push(format!(
            "avoided transport to the current outlet {} t (assumed {} km)",
            number(t, Lang::En, Reading),
            number(ctx.asm.current_outlet_road_km, Lang::En, Reading)
        ));
    }
    if let Some(t) = c.transport {
        fr.push(format!("transport −{} t", number(t, Lang::Fr, Reading)));
        en.push(format!("transport −{} t", number(t, Lang::En, Reading)));
    }
    if c.avoided_outlet_transport.is_some() || c.transport.is_some() {
        let key = ctx.asm.freight_factor;
        fr.push(format!("fret : {}", factor_name(factors, key, Lang::Fr)));
        en.push(format!("freight: {}", factor_name(factors, key, Lang::En)));
    }
    b(
        format!("{} (matière vierge évitée non comptée)", fr.join(" ; ")),
        format!("{} (avoided virgin material not counted)", en.join("; ")),
    )
}

pub(crate) fn quality_text(q: &QualityCheck) -> Bilingual {
    let mut fr = Vec::new();
    let mut en = Vec::new();
    if q.state_mismatch {
        fr.push("états physiques différents");
        en.push("different physical states");
    }
    if q.contaminated {
        fr.push("contaminants déclarés dans l'offre");
        en.push("contaminants declared in the offer");
    }
    if q.purity_short {
        fr.push("pureté offerte inférieure à la pureté demandée");
        en.push("offered purity below the required purity");
    }
    if q.hazardous {
        fr.push("déchet dangereux");
        en.push("hazardous waste");
    }
    if fr.is_empty() {
        b(
            "Aucune incompatibilité de qualité déclarée".into(),
            "No declared quality incompatibility".into(),
        )
    } else {
        b(
            format!("À vérifier : {}", fr.join(", ")),
            format!("To check: {}", en.join(", ")),
        )
    }
}

/// Regulatory and technical barriers of moving this offer to this receiver.
pub(crate) fn flags(
    offer: &Prepared,
    receiver_naf: Option<&str>,
    timing_overlap: Option<u32>,
) -> Vec<Flag> {
    let mut out = Vec::new();
    if let Some(code) = offer.code.filter(|c| c.hazardous) {
        out.push(Flag {
            kind: BarrierKind::Regulatory,
            text: b(
                format!("Déchet dangereux ({}) : traçabilité (bordereau, Trackdéchets) et installation autorisée requises", code.display_with_star()),
                format!("Hazardous waste ({}): tracking (waste consignment note, Trackdéchets) and a permitted facility required", code.display_with_star()),
            ),
        });
    }
    let is_waste = offer.code.is_some() || offer.family() == crate::model::Family::Waste;
    let receiver_in_waste_sector = receiver_naf.and_then(naf::section_of) == Some('E');
    if is_waste && !receiver_in_waste_sector {
        out.push(Flag {
            kind: BarrierKind::Regulatory,
            text: b(
                "Recevoir un déchet peut faire du receveur une installation classée (ICPE) de traitement de déchets (rubriques 27xx, jusqu'à 24 mois de procédure), sauf sortie du statut de déchet ou statut de sous-produit (art. L541-4-2 et L541-4-3 du code de l'environnement)".into(),
                "Receiving a waste can make the receiver a regulated waste-treatment installation (ICPE headings 27xx, up to 24 months of procedure), unless the waste exits waste status or qualifies as a by-product (French environment code L541-4-2, L541-4-3)".into(),
            ),
        });
    }
    if timing_overlap == Some(0) {
        out.push(Flag {
            kind: BarrierKind::Technical,
            text: b(
                "Calendriers disjoints : stockage à prévoir".into(),
                "Disjoint calendars: storage needed".into(),
            ),
        });
    }
    out
}

/// Whether the economic figures must be hidden from a public audience.
pub(crate) fn costs_confidential(flows: &[&Prepared]) -> bool {
    flows
        .iter()
        .any(|p| !super::public::costs_public(p.flow.confidentiality))
}

pub(crate) fn confidential_economics() -> Bilingual {
    b(
        "Gain économique : confidentiel (coûts d'un flux non public)".into(),
        "Economic gain: confidential (costs of a non-public flow)".into(),
    )
}

pub(crate) fn substitution(ctx: &Context, s: &Scored) -> Proposal {
    let (o, n) = (&ctx.offers[s.offer], &ctx.needs[s.need]);
    let w = &ctx.asm.weights;
    let confidential = costs_confidential(&[o, n]);
    let c = |kind, score, weight, text| Component {
        kind,
        score,
        weight,
        text,
        public_text: None,
    };
    let components = vec![
        c(
            ComponentKind::Resource,
            s.fit.score,
            w.resource,
            resource_text(&s.fit),
        ),
        c(
            ComponentKind::Quantity,
            s.quantity.score,
            w.quantity,
            quantity_text(&s.quantity),
        ),
        c(
            ComponentKind::Timing,
            s.timing.2,
            w.timing,
            timing_text(s.timing),
        ),
        c(
            ComponentKind::Distance,
            s.distance,
            w.distance,
            distance_text(s.road_km, ctx),
        ),
        Component {
            kind: ComponentKind::Economics,
            score: super::score::gain_score(s.economics.net, ctx.asm.eur_scale),
            weight: w.economics,
            text: economics_text(&s.economics, ctx),
            public_text: confidential.then(confidential_economics),
        },
        c(
            ComponentKind::Climate,
            super::score::gain_score(s.climate.net, ctx.asm.tco2e_scale),
            w.climate,
            climate_text(&s.climate, ctx, ctx.factors),
        ),
        c(
            ComponentKind::Quality,
            s.quality.score,
            w.quality,
            quality_text(&s.quality),
        ),
    ];
    let receiver_naf = n.actor.and_then(|a| a.naf.as_deref());
    Proposal {
        key: format!("sub:{}:{}", o.flow.id, n.flow.id),
        kind: ProposalKind::Substitution,
        offer: o.flow.id.clone(),
        offer_actor: o.flow.actor.clone(),
        receiver: n.flow.actor.clone(),
        need: Some(n.flow.id.clone()),
        score: s.total,
        components,
        flags: flags(o, receiver_naf, Some(s.timing.0)),
        matched: s.quantity.matched,
        unit: s.quantity.unit,
        offer_quantity: s.quantity.offer_annual,
        need_quantity: s.quantity.need_annual,
        road_km: s.road_km,
        net_eur_per_year: s.economics.net,
        net_tco2e_per_year: s.climate.net,
        eur_per_unit: s.economics.net_per_unit,
        tco2e_per_unit: s.climate.net_per_unit,
    }
}
