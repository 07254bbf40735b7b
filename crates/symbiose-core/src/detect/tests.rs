//! Detection end to end on small hand-made projects and on a synthetic territory.

use super::*;
use crate::factors::Factors;
use crate::kb::KnowledgeBase;
use crate::model::*;
use std::collections::HashMap;

fn actor(id: &str, naf: &str, lat: f64, lon: f64) -> Actor {
    Actor {
        id: ActorId::new(id),
        name: format!("Société {id}"),
        naf: Some(naf.into()),
        position: Some(Position::new(lat, lon)),
        ..Actor::default()
    }
}

fn flow(
    id: &str,
    actor: &str,
    dir: Direction,
    family: Family,
    cat: Option<ResourceCategory>,
    code: Option<&str>,
    q: Option<Quantity>,
) -> Flow {
    Flow {
        id: FlowId::new(id),
        actor: ActorId::new(actor),
        direction: dir,
        family,
        label: id.into(),
        category: cat,
        waste_code: code.map(str::to_string),
        quantity: q,
        ..Flow::default()
    }
}

fn zone() -> Project {
    let t = |v| Some(Quantity::new(v, Unit::Tonne, Period::Year));
    let mut pallets = flow(
        "f-1",
        "a-1",
        Direction::Offer,
        Family::Waste,
        None,
        Some("150103"),
        t(40.0),
    );
    pallets.cost_eur_per_unit = Some(60.0);
    pallets.route = Some(Route::Incineration);
    pallets.confidentiality = Confidentiality::Anonymised;
    let mut boiler = flow(
        "f-2",
        "a-2",
        Direction::Need,
        Family::Energy,
        Some(ResourceCategory::Biomass),
        None,
        t(100.0),
    );
    boiler.cost_eur_per_unit = Some(90.0);
    let solvent = flow(
        "f-3",
        "a-1",
        Direction::Offer,
        Family::Waste,
        None,
        Some("140603"),
        t(2.0),
    );
    let grain = flow(
        "f-4",
        "a-3",
        Direction::Offer,
        Family::Waste,
        Some(ResourceCategory::FoodByproducts),
        Some("020799"),
        t(300.0),
    );
    let mut far_need = flow(
        "f-5",
        "a-4",
        Direction::Need,
        Family::Energy,
        Some(ResourceCategory::Biomass),
        None,
        t(10.0),
    );
    far_need.label = "granulés".into();
    Project {
        actors: vec![
            actor("a-1", "16.10A", 42.70, 9.45),
            actor("a-2", "35.30Z", 42.65, 9.44),
            actor("a-3", "11.05Z", 42.66, 9.42),
            actor("a-4", "35.30Z", 45.0, 5.0),
            actor("a-5", "01.41Z", 42.60, 9.40),
            actor("a-6", "23.51Z", 42.62, 9.43),
        ],
        flows: vec![pallets, boiler, solvent, grain, far_need],
        ..Project::default()
    }
}

fn run(p: &Project) -> Detection {
    detect(
        p,
        &Assumptions::default(),
        Factors::bundled(),
        &KnowledgeBase::full(),
    )
}

/// A proposal's key is written when asked; `has_key` says the same as comparing with it.
#[test]
fn a_key_is_written_when_asked_and_recognised_without_writing_it() {
    let d = run(&zone());
    assert!(!d.proposals.is_empty());
    for p in &d.proposals {
        let key = p.key();
        assert!(p.has_key(&key), "{key}");
        let others = [
            key.replacen("sub:", "ded:", 1),
            key.replacen("ded:", "sub:", 1),
            format!("{key}x"),
            key[..key.len() - 1].to_string(),
            key.replacen(':', "::", 1),
            String::new(),
        ];
        for other in others.iter().filter(|o| **o != key) {
            assert!(!p.has_key(other), "{key} is not {other}");
        }
        assert_eq!(
            d.proposals.iter().filter(|q| q.has_key(&key)).count(),
            1,
            "{key} names one proposal"
        );
    }
}

#[test]
fn pallets_meet_the_biomass_boiler_with_every_component() {
    let d = run(&zone());
    let p = d
        .proposals
        .iter()
        .find(|p| p.has_key("sub:f-1:f-2"))
        .expect("pallets → boiler");
    assert_eq!(p.kind, ProposalKind::Substitution);
    assert_eq!(p.components().len(), 7);
    assert_eq!(p.matched(), Some(40.0));
    // 40 t × (60 + 90) € − transport.
    let transport = 40.0 * p.road_km().unwrap() * 0.20;
    assert!((p.net_eur_per_year().unwrap() - (6000.0 - transport)).abs() < 1e-6);
    assert!(
        p.components()
            .iter()
            .all(|c| !c.text.fr.is_empty() && !c.text.en.is_empty())
    );
    // A waste going to a non-waste operator: the ICPE barrier is flagged, not dropped.
    assert!(
        p.flags()
            .iter()
            .any(|f| f.kind == BarrierKind::Regulatory && f.text.en.contains("ICPE"))
    );
    // The far boiler (Isère) is beyond 50 km: not proposed.
    assert!(
        !d.proposals
            .iter()
            .any(|p| p.need.as_ref().is_some_and(|n| n.as_str() == "f-5"))
    );
    assert_eq!(p.estimated_gains().tonnes_per_year, Some(40.0));
}

#[test]
fn offers_without_needs_get_deductive_leads_with_evidence() {
    let d = run(&zone());
    let grain: Vec<&Proposal> = d
        .proposals
        .iter()
        .filter(|p| p.offer.as_str() == "f-4")
        .collect();
    assert!(!grain.is_empty());
    assert!(
        grain
            .iter()
            .all(|p| p.kind == ProposalKind::Deductive && p.need.is_none())
    );
    assert!(
        grain.iter().any(|p| p.receiver.as_str() == "a-5"),
        "spent grain → livestock farm"
    );
    assert!(grain.windows(2).all(|w| w[0].score >= w[1].score));
    let solvent = d
        .proposals
        .iter()
        .find(|p| p.offer.as_str() == "f-3")
        .expect("solvent lead");
    assert!(
        solvent
            .flags()
            .iter()
            .any(|f| f.text.fr.contains("Déchet dangereux"))
    );
}

#[test]
fn public_rendering_hides_costs_and_names_of_anonymised_flows() {
    let project = zone();
    let d = run(&project);
    let p = d
        .proposals
        .iter()
        .find(|p| p.has_key("sub:f-1:f-2"))
        .unwrap();
    let public = p.render(&project, Audience::Public).unwrap();
    assert!(
        public
            .title
            .fr
            .contains("une entreprise du secteur « Industrie manufacturière »"),
        "{}",
        public.title.fr
    );
    assert!(
        public
            .reasons
            .iter()
            .all(|r| !r.fr.contains("élimination évitée"))
    );
    let full = p.render(&project, Audience::Facilitator).unwrap();
    assert!(full.title.fr.contains("Société a-1"));
    assert!(
        full.reasons
            .iter()
            .any(|r| r.fr.contains("élimination évitée"))
    );
    let mut private = project.clone();
    private.flows[0].confidentiality = Confidentiality::Private;
    assert!(p.render(&private, Audience::Public).is_none());
}

#[test]
fn indexed_and_naive_agree_on_a_synthetic_territory() {
    let project = synthetic::territory(2_000, 7);
    let asm = Assumptions::default();
    let f = Factors::bundled();
    let kb = KnowledgeBase::full();
    let indexed = substitutions(&project, &asm, f, &kb);
    let naive = substitutions_naive(&project, &asm, f, &kb);
    assert!(indexed.len() > 100, "{}", indexed.len());
    assert_eq!(indexed.len(), naive.len());
    let keys = |v: &[Proposal]| v.iter().map(Proposal::key).collect::<Vec<_>>();
    assert_eq!(keys(&indexed), keys(&naive));
}

/// Offers are scored and written in the order of their places on the map
/// (`engine::in_reading_order`), not the file's: the proposals still come in the file's order
/// of offers, each offer's best first, as written one offer after the other.
#[test]
fn proposals_come_in_the_file_s_order_of_offers() {
    let project = synthetic::territory(3_000, 5);
    let asm = Assumptions::default();
    let (f, kb) = (Factors::bundled(), KnowledgeBase::full());
    let ctx = super::context::Context::new(&project, &asm, f, &kb);
    let kept = super::engine::scored_indexed(&ctx);
    let one_by_one: Vec<(String, u64)> = kept
        .iter()
        .flat_map(|k| &k.pairs)
        .map(|s| {
            let p = super::why::substitution(&ctx, s);
            (p.key(), p.score.to_bits())
        })
        .collect();
    let written: Vec<(String, u64)> = substitutions(&project, &asm, f, &kb)
        .iter()
        .map(|p| (p.key(), p.score.to_bits()))
        .collect();
    assert!(written.len() > 1_000, "{}", written.len());
    assert_eq!(written, one_by_one);
    // The territory's offers are far from the map's order in its file: the first hundred lie
    // in many zones.
    let zones: std::collections::HashSet<_> = ctx.offers[..100]
        .iter()
        .filter_map(|o| o.position)
        .map(|p| ((p.lat * 4.0) as i32, (p.lon * 4.0) as i32))
        .collect();
    assert!(zones.len() > 20, "{}", zones.len());
}

/// Two firms declare the same need for biomass fuel, at the same distance from a sawmill's
/// chips: the power plant, a usual receiver of wood in real exchanges, comes before the bakery,
/// and each resource sentence says what the knowledge base knows of the sector.
#[test]
fn among_firms_declaring_the_same_need_the_likely_receiver_comes_first() {
    let t = |v| Some(Quantity::new(v, Unit::Tonne, Period::Year));
    let mut project = Project {
        actors: vec![
            actor("a-saw", "16.10A", 42.70, 9.45),
            actor("a-bakery", "10.71C", 42.72, 9.45),
            actor("a-power", "35.11Z", 42.68, 9.45),
        ],
        ..Project::default()
    };
    let need = |id: &str, who: &str| {
        flow(
            id,
            who,
            Direction::Need,
            Family::Energy,
            Some(ResourceCategory::Biomass),
            None,
            t(400.0),
        )
    };
    project.flows = vec![
        flow(
            "f-chips",
            "a-saw",
            Direction::Offer,
            Family::Waste,
            None,
            Some("030105"),
            t(400.0),
        ),
        need("f-bakery", "a-bakery"),
        need("f-power", "a-power"),
    ];
    let d = detect(
        &project,
        &Assumptions::for_project(&project),
        Factors::bundled(),
        &KnowledgeBase::full(),
    );
    let keys: Vec<String> = d.proposals.iter().map(Proposal::key).collect();
    assert_eq!(keys, ["sub:f-chips:f-power", "sub:f-chips:f-bakery"]);
    let resource = |i: usize| d.proposals[i].components()[0].text.clone();
    assert!(
        resource(0)
            .fr
            .contains("receveur habituel de cette ressource"),
        "{}",
        resource(0).fr
    );
    assert!(
        resource(1).fr.contains("rarement receveur"),
        "{}",
        resource(1).fr
    );
    assert!(
        resource(1).en.contains("seldom a receiver"),
        "{}",
        resource(1).en
    );
    assert!(d.proposals[0].score > d.proposals[1].score);
}

/// The project's k bounds every offer's proposals, and an out-of-range k is ignored.
#[test]
fn the_project_chooses_how_many_receivers_an_offer_keeps() {
    let mut project = synthetic::territory(1_000, 3);
    let per_offer = |p: &Project| {
        let d = detect(
            p,
            &Assumptions::for_project(p),
            Factors::bundled(),
            &KnowledgeBase::full(),
        );
        let mut counts: HashMap<FlowId, usize> = HashMap::new();
        for pr in &d.proposals {
            *counts.entry(pr.offer.clone()).or_default() += 1;
        }
        counts.into_values().max().unwrap_or(0)
    };
    assert_eq!(per_offer(&project), 10);
    project.assumptions.proposals_per_offer = Some(3);
    assert_eq!(per_offer(&project), 3);
    project.assumptions.proposals_per_offer = Some(0);
    assert_eq!(per_offer(&project), 10, "out of range: the default");
}

/// The scan keeps the k best per offer with a rising floor and skips what cannot reach it; the
/// all-pairs path scores everything. They must keep the same pairs and the same refused pairs,
/// whatever k and the weights (the floor's bound uses them).
#[test]
fn bounded_scan_keeps_what_scoring_everything_keeps() {
    let mut project = synthetic::territory(3_000, 11);
    // Every third company a dairy farm: the restaurants' kitchen waste is refused to them.
    for a in project.actors.iter_mut().step_by(3) {
        a.naf = Some("01.41Z".into());
    }
    let f = Factors::bundled();
    let kb = KnowledgeBase::full();
    let mut refused_seen = 0;
    for (k, distance) in [(1, 0.2), (3, 0.6), (10, 0.2), (10, 0.0)] {
        let mut asm = Assumptions {
            max_proposals_per_offer: k,
            ..Assumptions::default()
        };
        asm.weights.distance = distance;
        let ctx = super::context::Context::new(&project, &asm, f, &kb);
        let indexed = super::engine::scored_indexed(&ctx);
        let naive = super::engine::scored_naive(&ctx);
        let pairs = |kept: &[super::engine::Kept]| {
            kept.iter()
                .map(|k| {
                    let ids = |v: &[super::context::Scored]| {
                        v.iter()
                            .map(|s| (s.need, s.total.to_bits()))
                            .collect::<Vec<_>>()
                    };
                    (ids(&k.pairs), ids(&k.refused))
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            pairs(&indexed),
            pairs(&naive),
            "k {k}, distance weight {distance}"
        );
        refused_seen += indexed.iter().map(|k| k.refused.len()).sum::<usize>();
    }
    assert!(refused_seen > 0, "the test territory has refused pairs");
}

/// In a dense zone, where an offer reaches whole bands and reads them by quantity, the kept
/// pairs are still those of scoring everything (the synthetic territory squeezed into a few
/// kilometres, about 40 needs of a class per band and far more per family).
#[test]
fn a_dense_zone_read_by_quantity_keeps_what_scoring_everything_keeps() {
    let project = synthetic::dense_territory(4_000, 5);
    let (f, kb) = (Factors::bundled(), KnowledgeBase::full());
    let asm = Assumptions::default();
    let ctx = super::context::Context::new(&project, &asm, f, &kb);
    assert!(
        super::engine::read_by_quantity(&ctx) > 0,
        "no band read by quantity"
    );
    let pairs = |kept: Vec<super::engine::Kept>| {
        kept.iter()
            .map(|k| {
                k.pairs
                    .iter()
                    .chain(&k.refused)
                    .map(|s| (s.need, s.total.to_bits()))
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        pairs(super::engine::scored_indexed(&ctx)),
        pairs(super::engine::scored_naive(&ctx))
    );
}

#[test]
fn mutualisation_groups_neighbours_by_theme() {
    let t = |v| Some(Quantity::new(v, Unit::Tonne, Period::Year));
    let mut project = Project::default();
    for (i, (lat, lon)) in [(42.70, 9.45), (42.71, 9.45), (42.70, 9.46), (42.90, 9.45)]
        .iter()
        .enumerate()
    {
        let id = format!("a-{}", i + 1);
        project.actors.push(actor(&id, "47.11F", *lat, *lon));
        let mut f = flow(
            &format!("f-{}", i + 1),
            &id,
            Direction::Offer,
            Family::Waste,
            None,
            Some("150101"),
            t(10.0),
        );
        f.cost_eur_per_unit = Some(100.0);
        project.flows.push(f);
    }
    let groups = mutualisations(&project, &Assumptions::default());
    assert_eq!(groups.len(), 1, "the fourth actor is 22 km away");
    let g = &groups[0];
    assert_eq!(g.theme, PoolingTheme::CollectCardboard);
    assert_eq!(g.members.len(), 3);
    assert_eq!(g.pooled, Some(30.0));
    assert!((g.estimated_gain_eur.unwrap() - 0.15 * 3000.0).abs() < 1e-9);
    assert!(g.assumptions.fr.contains("15 %"));
    // Sorting cardboard is a legal obligation: the proposal says so, with its reference.
    assert_eq!(g.obligations.len(), 1, "no builder among the members");
    assert!(g.obligations[0].fr.contains("D543-278"));
    assert!(g.obligations[0].en.contains("five streams"));
}

/// A hundred cardboard producers within a kilometre make several groups of at most thirty,
/// the nearest together, and every one of them is in a group.
#[test]
fn a_dense_zone_pools_in_groups_of_at_most_thirty() {
    let t = |v| Some(Quantity::new(v, Unit::Tonne, Period::Year));
    let mut project = Project::default();
    for i in 0..100 {
        let id = format!("a-{i}");
        let (lat, lon) = (
            42.70 + (i % 10) as f64 * 0.0008,
            9.45 + (i / 10) as f64 * 0.001,
        );
        project.actors.push(actor(&id, "47.11F", lat, lon));
        project.flows.push(flow(
            &format!("f-{i}"),
            &id,
            Direction::Offer,
            Family::Waste,
            None,
            Some("150101"),
            t(2.0),
        ));
    }
    let groups = mutualisations(&project, &Assumptions::default());
    let sizes: Vec<usize> = groups.iter().map(|g| g.members.len()).collect();
    assert_eq!(sizes, [30, 30, 30, 10], "{sizes:?}");
    assert_eq!(
        sizes.iter().sum::<usize>(),
        100,
        "each member in exactly one group"
    );
}

#[test]
fn pooling_names_only_the_obligations_of_its_stream() {
    let mut project = Project::default();
    let offers = [
        ("200108", "56.10A"),
        ("200108", "56.10A"),
        ("170201", "43.32A"),
        ("170201", "41.20A"),
        ("130205", "45.20A"),
        ("130205", "45.20A"),
    ];
    for (i, (code, naf)) in offers.iter().enumerate() {
        let id = format!("a-{}", i + 1);
        project
            .actors
            .push(actor(&id, naf, 42.70, 9.45 + i as f64 * 0.001));
        project.flows.push(flow(
            &format!("f-{}", i + 1),
            &id,
            Direction::Offer,
            Family::Waste,
            None,
            Some(code),
            None,
        ));
    }
    let groups = mutualisations(&project, &Assumptions::default());
    let of = |theme| groups.iter().find(|g| g.theme == theme).unwrap();
    let bio = of(PoolingTheme::CollectBiowaste);
    assert_eq!(bio.obligations.len(), 1);
    assert!(bio.obligations[0].fr.contains("L541-21-1"));
    assert!(bio.obligations[0].en.contains("1 January 2024"));
    // Builders pooling wood: five streams, and seven on their sites.
    let wood = of(PoolingTheme::CollectWood);
    assert_eq!(wood.obligations.len(), 2);
    assert!(wood.obligations[1].fr.contains("2021-950"));
    // Used oils are hazardous: no sorting obligation of this kind to name.
    assert!(of(PoolingTheme::CollectHazardous).obligations.is_empty());
}

/// A pause that makes its run wait once, as a browser's timer would.
struct YieldOnce(bool);

impl std::future::Future for YieldOnce {
    type Output = ();
    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        if self.0 {
            std::task::Poll::Ready(())
        } else {
            self.0 = true;
            std::task::Poll::Pending
        }
    }
}

/// Polls until ready, counting how often the run waited.
fn run_counting_waits<F: std::future::Future>(f: F) -> (F::Output, usize) {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    let mut waits = 0;
    loop {
        match f.as_mut().poll(&mut cx) {
            std::task::Poll::Ready(out) => return (out, waits),
            std::task::Poll::Pending => waits += 1,
        }
    }
}

#[test]
fn stepwise_detection_with_pauses_equals_detect() {
    let p = synthetic::epci(150, 4, 7);
    let (asm, kb) = (Assumptions::for_project(&p), KnowledgeBase::full());
    let whole = detect(&p, &asm, Factors::bundled(), &kb);
    let mut asked = 0;
    let (stepped, waits) =
        run_counting_waits(detect_stepwise(&p, &asm, Factors::bundled(), &kb, || {
            asked += 1;
            if asked % 10 == 0 {
                Step::Pause(YieldOnce(false))
            } else {
                Step::Go
            }
        }));
    assert!(waits > 10, "the run paused {waits} times");
    assert_eq!(stepped.expect("not stopped"), whole);
}

#[test]
fn a_stopped_run_returns_nothing() {
    let p = synthetic::epci(60, 4, 3);
    let (asm, kb) = (Assumptions::for_project(&p), KnowledgeBase::full());
    let mut asked = 0;
    let (out, _) = run_counting_waits(detect_stepwise(&p, &asm, Factors::bundled(), &kb, || {
        asked += 1;
        if asked > 5 {
            Step::Stop::<YieldOnce>
        } else {
            Step::Go
        }
    }));
    assert!(out.is_none());
    assert_eq!(asked, 6, "nothing more is asked after Stop");
}

#[test]
fn cited_factors_are_written_in_the_sentence_language() {
    let d = run(&crate::demo::project());
    let texts: Vec<crate::Bilingual> = d
        .proposals
        .iter()
        .flat_map(|p| p.components().into_iter().map(|c| c.text))
        .filter(|t| t.fr.contains("fret : "))
        .collect();
    assert!(!texts.is_empty(), "the demo cites a freight factor");
    for t in texts {
        let fr = &t.fr[t.fr.find("fret : ").unwrap()..];
        let en = &t.en[t.en.find("freight: ").unwrap()..];
        let has_point = |s: &str| {
            s.as_bytes()
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit())
        };
        assert!(!has_point(fr), "a decimal point in French: {fr}");
        assert!(!en.contains(" : "), "French spacing in English: {en}");
    }
}

/// A company's proposals render the same from the small index of what they name as from the
/// project's own look-ups, for both audiences.
#[test]
fn proposals_render_alike_from_the_index_of_what_they_name() {
    let (p, d) = crate::demo::detected();
    let company = &p.actors[0].id;
    let mine: Vec<&Proposal> = d
        .proposals
        .iter()
        .filter(|pr| &pr.offer_actor == company || &pr.receiver == company)
        .collect();
    assert!(!mine.is_empty());
    let index = index_for(&p, mine.iter().copied());
    for audience in [Audience::Facilitator, Audience::Public] {
        for pr in &mine {
            assert_eq!(pr.render_in(&index, audience), pr.render(&p, audience));
        }
    }
    // Nothing else is indexed: a flow no proposal of this company names is not found.
    let named = |f: &Flow| {
        mine.iter()
            .any(|pr| pr.offer == f.id || pr.need.as_ref() == Some(&f.id))
    };
    let other = p.flows.iter().find(|f| !named(f)).unwrap();
    assert!(index.flow(&other.id).is_none());
}
