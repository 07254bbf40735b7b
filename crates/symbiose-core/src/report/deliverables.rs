//! The three documents the funders' programme asks for, built from the project.

use super::common::{
    assumptions, cover, flow_owner, flows_by_family, key_figures, shown_flows, territory,
};
use super::doc::{Cell, Doc};
use super::map::zone_svg;
use crate::charts;
use crate::detect::{Audience, Detection, sight};
use crate::factors::Factors;
use crate::geo::PlaceName;
use crate::indicators::compute;
use crate::model::{
    ActionMoney, BarrierKind, Date, Dimension, Index, IndicatorKind, ProgrammePlace, Project,
    RoadmapAction, Stage,
};
use crate::numbers::{Precision::Reading, number};
use crate::{Lang, bilingual};

fn money(v: Option<f64>, lang: Lang) -> Cell {
    Cell::number(v.map_or("—".into(), |v| format!("{} €", number(v, lang, Reading))))
}

/// `a + b` without overflowing to infinity.
fn plus(a: f64, b: f64) -> f64 {
    (a + b).min(f64::MAX)
}

fn operating(a: &RoadmapAction, lang: Lang) -> Cell {
    match a.operating_parts(lang) {
        Some((per_year, years)) => Cell::figures([per_year, years]),
        None => Cell::number("—"),
    }
}

fn funding(a: &RoadmapAction, lang: Lang) -> Cell {
    Cell::text(a.funding_text(lang))
}

/// An action's dates as its reader writes them (`01/04/2026` in French, as the rest of the
/// document): in the ISO form, a French funder read "2026-04-01" where every other date of the
/// page was "12/05/2026", and the column broke it over four lines.
fn dates(a: &RoadmapAction, lang: Lang) -> Cell {
    Cell::text(format!(
        "{} → {}",
        a.start.map_or("?".into(), |d| d.in_lang(lang)),
        a.end.map_or("?".into(), |d| d.in_lang(lang))
    ))
}

/// Every action with its figures, then the total of those the programme counts, summed from
/// each action's own figures (the programme table sums them by year: the two totals agree).
fn actions_table(d: &mut Doc, p: &Project, lang: Lang) {
    let head = [
        lang.pick("Action", "Action"),
        lang.pick("Porteur et partenaires", "Owner and partners"),
        lang.pick("Phase", "Phase"),
        lang.pick("Dates", "Dates"),
        lang.pick("Statut", "Status"),
        // Soft hyphens: a long French word was the widest thing in its column, and the nine
        // columns ran 20 px off the printed page; now it may break, with a hyphen, if needed.
        lang.pick("Investis\u{ad}sement", "Investment"),
        lang.pick("Fonction\u{ad}nement", "Operating"),
        lang.pick("Finance\u{ad}ments", "Funding"),
        lang.pick("Reste à charge", "Remaining cost"),
    ];
    let mut rows: Vec<Vec<Cell>> = p
        .actions
        .iter()
        .map(|a| {
            let who = if a.partners.is_empty() {
                a.owner.clone()
            } else {
                format!("{} ({})", a.owner, a.partners.join(", "))
            };
            vec![
                Cell::text(format!("{} — {}", a.title, a.field.label(lang))),
                Cell::text(who),
                Cell::number(a.phase.number().to_string()),
                dates(a, lang),
                Cell::text(a.status.label(lang)),
                money(a.investment_eur, lang),
                operating(a, lang),
                funding(a, lang),
                Cell::number(a.remaining_text(lang)),
            ]
        })
        .collect();
    let (mut investment, mut operating, mut funded, mut left) = (0.0, 0.0, 0.0, 0.0);
    for a in p
        .actions
        .iter()
        .filter(|a| a.programme_place() == ProgrammePlace::Counted)
    {
        let m = a.money();
        let invested = a.investment_eur.unwrap_or(0.0);
        investment = plus(investment, invested);
        operating = plus(operating, m.cost.map_or(0.0, |c| c - invested));
        funded = plus(funded, m.funding);
        left = plus(left, m.remaining().unwrap_or(0.0));
    }
    if !p.actions.is_empty() {
        rows.push(vec![
            Cell::text(lang.pick("Total du programme", "Programme total")),
            Cell::text(""),
            Cell::text(""),
            Cell::text(""),
            Cell::text(""),
            money(Some(investment), lang),
            money(Some(operating), lang),
            Cell::number(format!("{} €", number(funded, lang, Reading))),
            money(Some(left), lang),
        ]);
    }
    d.table(&head, rows);
    d.note(ActionMoney::rule(lang));
}

fn programme_table(d: &mut Doc, p: &Project, lang: Lang) {
    let programme = charts::investment_by_year(&p.actions);
    // At most MAX_YEARS rows: the later years are summed in the last one, labelled by its span.
    let (rows, folded) = charts::fold_years(programme.rows);
    let mut head = vec![
        lang.pick("Année", "Year"),
        lang.pick("Investissement", "Investment"),
        lang.pick("Fonctionnement", "Operating"),
    ];
    head.extend(charts::SOURCES.iter().map(|s| s.label(lang)));
    head.push(lang.pick("Reste à charge", "Remaining cost"));
    let line = |label: String, r: &charts::Amounts| {
        let mut row = vec![
            Cell::text(label),
            money(Some(r.investment), lang),
            money(Some(r.operating), lang),
        ];
        row.extend(r.funding.iter().map(|(_, v)| money(Some(*v), lang)));
        row.push(money(Some(r.remaining), lang));
        row
    };
    let mut table: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            let year = match folded {
                Some((from, to)) if r.year == from => format!("{from}–{to}"),
                _ => r.year.to_string(),
            };
            line(year, &r.amounts)
        })
        .collect();
    table.push(line(lang.pick("Total", "Total").into(), &programme.total));
    d.table(&head, table);
    d.note(&format!(
        "{} {}",
        lang.pick("Règle :", "Rule:"),
        charts::by_year_rule(lang)
    ));
    // The remaining cost's rule is said once, under the actions' table just above: printed
    // again here it took seven lines of the funder's page for nothing new.
    if let Some((from, to)) = folded {
        d.note(&bilingual!(in lang,
            "Plus de {} années : les années {from} à {to} sont additionnées sur la dernière ligne.",
            "More than {} years: the years {from} to {to} are added up in the last row.",
            charts::MAX_YEARS
        ));
    }
    for (titles, what) in [
        (
            &programme.unpriced,
            lang.pick(
                "Actions sans montant d'investissement, reste à charge inconnu, hors totaux :",
                "Actions without an investment figure, remaining cost unknown, not in the totals:",
            ),
        ),
        (
            &programme.undated,
            lang.pick(
                "Actions chiffrées sans date, hors totaux :",
                "Costed actions without dates, not in the totals:",
            ),
        ),
    ] {
        if !titles.is_empty() {
            d.note(&format!("{what} {}", titles.join(", ")));
        }
    }
    if !programme.beyond_cost.is_empty() {
        let beyond: Vec<String> = programme
            .beyond_cost
            .iter()
            .map(|(title, v)| format!("{title} ({} €)", number(*v, lang, Reading)))
            .collect();
        d.note(&format!(
            "{} {}",
            lang.pick(
                "Financements supérieurs au coût de l'action, déduits d'aucune autre :",
                "Funding above the action's cost, deducted from no other action:",
            ),
            beyond.join(", ")
        ));
    }
    if !programme.outside.is_empty() {
        d.h3(lang.pick(
            "Actions reportées ou annulées (hors programme)",
            "Postponed or cancelled actions (outside the programme)",
        ));
        d.table(
            &[
                lang.pick("Action", "Action"),
                lang.pick("Statut", "Status"),
                lang.pick("Dates", "Dates"),
                lang.pick("Investissement", "Investment"),
                lang.pick("Fonctionnement", "Operating"),
                lang.pick("Financements", "Funding"),
                lang.pick("Reste à charge", "Remaining cost"),
            ],
            programme
                .outside
                .iter()
                .map(|a| {
                    vec![
                        Cell::text(a.title.clone()),
                        Cell::text(a.status.label(lang)),
                        dates(a, lang),
                        money(a.investment_eur, lang),
                        operating(a, lang),
                        funding(a, lang),
                        Cell::number(a.money().remaining_text(lang)),
                    ]
                })
                .collect::<Vec<_>>(),
        );
    }
}

fn series(d: &mut Doc, p: &Project, lang: Lang) {
    for k in IndicatorKind::ALL {
        if let Some(svg) = charts::indicator_series(p, k, lang) {
            d.chart(&svg);
        }
    }
}

pub fn diagnostic(
    p: &Project,
    det: &Detection,
    lang: Lang,
    today: Date,
    places: &[PlaceName],
) -> Doc {
    let mut d = Doc::new();
    cover(
        &mut d,
        p,
        lang.pick(
            "Diagnostic des flux et actions",
            "Flow diagnostic and actions",
        ),
        lang,
        today,
    );
    d.h2(lang.pick("1. Le territoire", "1. The territory"));
    territory(&mut d, p, lang);
    d.chart(&zone_svg(p, lang, places));
    d.part(lang.pick("2. Les acteurs", "2. The actors"));
    let index = Index::new(p);
    d.table(
        &[
            lang.pick("Entreprise", "Company"),
            lang.pick("Activité (NAF)", "Activity (NAF)"),
            lang.pick("Commune", "Commune"),
            lang.pick("Flux publics", "Public flows"),
        ],
        p.actors
            .iter()
            .map(|a| {
                vec![
                    Cell::text(a.name.clone()),
                    Cell::text(a.naf.clone().unwrap_or_default()),
                    Cell::text(
                        a.commune
                            .as_deref()
                            .and_then(crate::refdata::communes::lookup)
                            .map_or(a.commune.clone().unwrap_or_default(), |c| c.name.clone()),
                    ),
                    Cell::number(
                        index
                            .flows_of(&a.id)
                            .iter()
                            .filter(|f| sight(f.confidentiality, Audience::Public).named())
                            .count()
                            .to_string(),
                    ),
                ]
            })
            .collect::<Vec<_>>(),
    );
    d.part(lang.pick("3. Les flux par famille", "3. Flows by family"));
    flows_by_family(&mut d, p, lang);
    for (dim, name) in [
        (
            Dimension::Mass,
            lang.pick("Flux de matière et de déchets", "Matter and waste flows"),
        ),
        (
            Dimension::Energy,
            lang.pick("Flux d'énergie", "Energy flows"),
        ),
    ] {
        d.chart(&charts::sankey_svg(
            &charts::sankey(p, dim, lang),
            name,
            lang,
        ));
    }
    d.h3(lang.pick("Offres déclarées", "Offers declared"));
    d.table(
        &[
            lang.pick("Ressource", "Resource"),
            lang.pick("Famille", "Family"),
            lang.pick("Quantité", "Quantity"),
            lang.pick("Entreprise", "Company"),
        ],
        shown_flows(p)
            .filter(|f| f.direction == crate::model::Direction::Offer)
            .map(|f| {
                vec![
                    Cell::text(f.label.clone()),
                    Cell::text(f.family.label(lang)),
                    Cell::number(f.quantity.map_or("—".into(), |q| {
                        format!("{} {}", number(q.value, lang, Reading), q.unit.symbol())
                    })),
                    Cell::text(flow_owner(&index, f, lang)),
                ]
            })
            .collect::<Vec<_>>(),
    );
    d.note(lang.pick("Les flux privés ne figurent pas dans ce document ; les flux anonymisés sont attribués à leur secteur ; aucun coût d'entreprise n'est imprimé.", "Private flows are not in this document; anonymised flows are attributed to their sector; no company cost is printed."));
    d.part(lang.pick("4. Les opportunités", "4. The opportunities"));
    let shown: Vec<_> = det
        .proposals
        .iter()
        .filter_map(|pr| pr.render_in(&index, Audience::Public))
        .take(15)
        .collect();
    d.p(&format!(
        "{} {} ; {} {}.",
        det.proposals.len(),
        lang.pick(
            "propositions de substitution ou pistes sectorielles",
            "substitution proposals or sector leads"
        ),
        det.mutualisations.len(),
        lang.pick("mutualisations possibles", "possible poolings")
    ));
    for r in shown {
        d.h3(r.title.get(lang));
        d.list(
            r.reasons
                .iter()
                .chain(&r.flags)
                .map(|x| x.get(lang).to_string()),
        );
    }
    if !det.mutualisations.is_empty() {
        d.h3(lang.pick("Mutualisations", "Pooling"));
        d.list(det.mutualisations.iter().take(10).map(|m| {
            format!(
                "{} — {} {}",
                m.title.get(lang),
                m.members.len(),
                lang.pick("entreprises", "companies")
            )
        }));
    }
    d.note(det.not_counted.get(lang));
    assumptions(&mut d, p, lang);
    d.part(lang.pick("5. Les enjeux", "5. The stakes"));
    let barrier_rows = BarrierKind::ALL.iter().map(|k| {
        let n = p
            .synergies
            .iter()
            .filter(|s| s.barriers.iter().any(|b| b.kind == *k))
            .count();
        vec![Cell::text(k.label(lang)), Cell::number(n.to_string())]
    });
    d.table(
        &[
            lang.pick("Frein", "Barrier"),
            lang.pick("Synergies concernées", "Synergies concerned"),
        ],
        barrier_rows.collect::<Vec<_>>(),
    );
    let hazardous = shown_flows(p)
        .filter(|f| {
            f.waste_code
                .as_deref()
                .and_then(crate::refdata::waste::lookup)
                .is_some_and(|w| w.hazardous)
        })
        .count();
    let landfill = shown_flows(p)
        .filter(|f| f.route == Some(crate::model::Route::Landfill))
        .count();
    d.list([
        format!("{hazardous} {}", lang.pick("flux de déchets dangereux (code à astérisque) : filières agréées et traçabilité à prévoir", "hazardous waste flows (starred code): licensed routes and tracking needed")),
        format!("{landfill} {}", lang.pick("flux aujourd'hui enfouis : premier gisement de valorisation", "flows landfilled today: the first stock to recover")),
    ]);
    d.part(lang.pick("6. Feuille de route proposée", "6. Proposed roadmap"));
    actions_table(&mut d, p, lang);
    d
}

/// Each followed synergy's regulatory checklist (`kb::checklist`): the items that apply or that
/// the group answered, with their legal reference and status, and the items that do not apply
/// named in one line. The derived explanations, which quote the flows' waste codes, stay on the
/// card: the document shows what the group recorded.
fn regulatory_checklists(d: &mut Doc, p: &Project, lang: Lang) {
    let followed: Vec<_> = p
        .synergies
        .iter()
        .filter(|s| s.stage != Stage::Abandoned)
        .collect();
    if followed.is_empty() {
        d.p(lang.pick(
            "Aucune synergie suivie pour l'instant.",
            "No synergy followed yet.",
        ));
        return;
    }
    d.p(lang.pick(
        "Pour chaque synergie suivie, les obligations que la loi attache à la matière échangée, avec leur référence, et où en est le groupe.",
        "For each synergy followed, the obligations the law attaches to the material exchanged, with their reference, and where the group stands.",
    ));
    for s in followed {
        let checks = crate::kb::checklist::checklist(p, s);
        d.h3(&format!("{} ({})", s.title, s.stage.label(lang)));
        let shown: Vec<_> = checks.iter().filter(|c| c.shown()).collect();
        if !shown.is_empty() {
            d.table(
                &[
                    lang.pick("Élément", "Item"),
                    lang.pick("Référence", "Reference"),
                    lang.pick("Statut", "Status"),
                    lang.pick("Note", "Note"),
                ],
                shown
                    .iter()
                    .map(|c| {
                        let item = match c.entry.as_ref().and_then(|e| e.material) {
                            Some(m) => format!("{} : {}", c.item.label(lang), m.label(lang)),
                            None => c.item.label(lang).to_string(),
                        };
                        vec![
                            Cell::text(item),
                            Cell::text(c.reference.get(lang)),
                            Cell::text(c.status.label(lang)),
                            Cell::text(c.entry.as_ref().map_or("", |e| e.note.as_str())),
                        ]
                    })
                    .collect::<Vec<_>>(),
            );
        }
        let not_applicable: Vec<&str> = checks
            .iter()
            .filter(|c| !c.shown())
            .map(|c| c.item.label(lang))
            .collect();
        if !not_applicable.is_empty() {
            d.note(&format!(
                "{} {}.",
                lang.pick("Sans objet :", "Not applicable:"),
                not_applicable.join(", ")
            ));
        }
    }
}

pub fn roadmap_dashboard(p: &Project, det: &Detection, lang: Lang, today: Date) -> Doc {
    let mut d = Doc::new();
    cover(
        &mut d,
        p,
        lang.pick(
            "Feuille de route et tableau de bord",
            "Roadmap and dashboard",
        ),
        lang,
        today,
    );
    d.h2(lang.pick("1. Les actions", "1. The actions"));
    actions_table(&mut d, p, lang);
    d.chart(&charts::gantt(&p.actions, lang, Some(today)));
    d.part(lang.pick("2. Programme d'investissement", "2. Investment programme"));
    programme_table(&mut d, p, lang);
    d.part(lang.pick(
        "3. Plan de financement et suivi des aides",
        "3. Financing plan and aid follow-up",
    ));
    super::financing::financing(&mut d, p, lang);
    d.part(lang.pick("4. Tableau de bord", "4. Dashboard"));
    key_figures(&mut d, &compute(p, Factors::bundled()), lang);
    assumptions(&mut d, p, lang);
    d.chart(&charts::funnel_svg(
        &charts::funnel(p, det.proposals.len() + det.mutualisations.len()),
        lang,
    ));
    d.chart(&charts::bar_chart(
        lang.pick("Tonnes par an par famille", "Tonnes a year by family"),
        &charts::gains_by_family(p, |g| g.tonnes_per_year, lang),
        lang.pick("t/an", "t/yr"),
        lang,
    ));
    series(&mut d, p, lang);
    d.part(lang.pick(
        "5. Suivi réglementaire des synergies",
        "5. Regulatory follow-up of the synergies",
    ));
    regulatory_checklists(&mut d, p, lang);
    d
}

pub fn bilan(p: &Project, lang: Lang, today: Date, places: &[PlaceName]) -> Doc {
    let mut d = Doc::new();
    cover(
        &mut d,
        p,
        lang.pick("Bilan de fin de mission", "End-of-mission report"),
        lang,
        today,
    );
    d.h2(lang.pick("1. Ce qui a été fait", "1. What was done"));
    d.h3(lang.pick("Ateliers", "Workshops"));
    d.table(
        &[
            lang.pick("Date", "Date"),
            lang.pick("Atelier", "Workshop"),
            lang.pick("Participants", "Participants"),
            lang.pick("Idées notées", "Ideas noted"),
            lang.pick("Décisions", "Decisions"),
        ],
        p.workshops
            .iter()
            .map(|w| {
                vec![
                    Cell::text(w.date.map_or("?".into(), |d| d.in_lang(lang))),
                    Cell::text(w.title.clone()),
                    Cell::number((w.participants.len() + w.other_participants.len()).to_string()),
                    Cell::text(w.ideas.join(" ; ")),
                    Cell::text(w.decisions.join(" ; ")),
                ]
            })
            .collect::<Vec<_>>(),
    );
    d.h3(lang.pick("Journal de mission", "Mission log"));
    super::follow_up::activity_log(&mut d, p, lang);
    d.h3(lang.pick(
        "Synergies par étape, avec leurs dates",
        "Synergies by stage, with their dates",
    ));
    d.table(
        &[
            lang.pick("Synergie", "Synergy"),
            lang.pick("Étape", "Stage"),
            lang.pick("Historique", "History"),
        ],
        p.synergies
            .iter()
            .map(|s| {
                vec![
                    Cell::text(s.title.clone()),
                    Cell::text(s.stage.label(lang)),
                    Cell::text(
                        s.history
                            .iter()
                            .map(|h| format!("{} {}", h.date.in_lang(lang), h.stage.label(lang)))
                            .collect::<Vec<_>>()
                            .join(" → "),
                    ),
                ]
            })
            .collect::<Vec<_>>(),
    );
    d.chart(&zone_svg(p, lang, places));
    d.part(lang.pick(
        "2. Indicateurs : référence, cibles, mesures",
        "2. Indicators: baseline, targets, measurements",
    ));
    let dashboard = compute(p, Factors::bundled());
    key_figures(&mut d, &dashboard, lang);
    assumptions(&mut d, p, lang);
    series(&mut d, p, lang);
    d.h3(lang.pick(
        "Progrès depuis l'année de référence",
        "Progress since the baseline year",
    ));
    super::follow_up::progress_table(&mut d, p, &dashboard, lang);
    super::follow_up::elipse(&mut d, &dashboard, lang);
    d.part(lang.pick(
        "3. Freins rencontrés et enseignements",
        "3. Barriers met and lessons",
    ));
    d.list(p.synergies.iter().flat_map(|s| {
        s.barriers.iter().map(move |b| {
            format!(
                "{} — {} {}",
                s.title,
                b.kind.label(lang),
                if b.note.is_empty() {
                    String::new()
                } else {
                    format!("({})", b.note)
                }
            )
        })
    }));
    let abandoned: Vec<String> = p
        .synergies
        .iter()
        .filter(|s| s.stage == Stage::Abandoned)
        .map(|s| format!("{} : {}", s.title, s.abandon_reason))
        .collect();
    if !abandoned.is_empty() {
        d.h3(lang.pick(
            "Synergies abandonnées et pourquoi",
            "Abandoned synergies and why",
        ));
        d.list(abandoned);
    }
    d.part(lang.pick("4. Suites à donner", "4. Next steps"));
    d.list(
        p.synergies
            .iter()
            .filter(|s| !s.next_step.is_empty() && s.stage != Stage::Abandoned)
            .map(|s| format!("{} : {}", s.title, s.next_step))
            .chain(
                p.actions
                    .iter()
                    .filter(|a| {
                        matches!(
                            a.status,
                            crate::model::ActionStatus::Planned
                                | crate::model::ActionStatus::InProgress
                        )
                    })
                    .map(|a| format!("{} ({})", a.title, a.status.label(lang))),
            ),
    );
    // Eco-communication: made from the public copy, so nothing confidential can reach it.
    let public = crate::export::public::anonymise_in(p, lang);
    d.part(lang.pick("5. Éco-communication", "5. Eco-communication"));
    let ind = compute(&public, Factors::bundled());
    d.p(lang.pick(
        "Ce que les entreprises du territoire ont réalisé ensemble :",
        "What the territory's companies achieved together:",
    ));
    d.figures(
        &ind.achieved
            .iter()
            .filter(|i| i.value > 0.0 && !i.unit.contains('€'))
            .map(|i| {
                (
                    format!(
                        "{} {}",
                        number(i.value, lang, Reading),
                        if lang == Lang::En {
                            i.unit.replace("/an", "/yr").replace("ETP", "FTE")
                        } else {
                            i.unit.to_string()
                        }
                    ),
                    i.label.get(lang).to_string(),
                )
            })
            .collect::<Vec<_>>(),
    );
    d.list(
        public
            .synergies
            .iter()
            .filter(|s| s.stage == Stage::Implemented)
            .map(|s| s.title.clone()),
    );
    d
}
