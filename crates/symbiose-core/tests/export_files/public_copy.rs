//! The public copy: renamed, stripped, and searched for every secret.

use symbiose_core::export::{self, public};
use symbiose_core::{ActorId, Lang, Position};

use crate::fixture::{XSS_IMG, project};

#[test]
fn public_copy_renames_and_drops() {
    let public = public::anonymise(&project());
    let hidden = public.actor(&ActorId::new("a-3")).unwrap();
    assert_eq!(
        hidden.name,
        "Entreprise du secteur Industrie manufacturière"
    );
    assert_eq!(hidden.position, Some(Position::new(42.65, 9.46)));
    assert_eq!((hidden.siret.as_ref(), hidden.naf.as_ref()), (None, None));
    assert_eq!(public.actor(&ActorId::new("a-1")).unwrap().name, XSS_IMG);
    assert_eq!(public.flows.len(), 3, "the private flow is gone");
    assert_eq!(public.synergies.len(), 1, "the synergy using it too");
    assert_eq!(public.synergies[0].estimated.tco2e_per_year, Some(42.5));
    assert_eq!(
        public.actions[0].title,
        "Étude avec Entreprise du secteur Industrie manufacturière"
    );
    let english = public::anonymise_in(&project(), Lang::En);
    assert_eq!(
        english.actor(&ActorId::new("a-3")).unwrap().name,
        "A company in sector Manufacturing"
    );
}

#[test]
fn public_exports_leak_nothing() {
    let public = public::anonymise(&project());
    let mut outputs = vec![
        export::geojson::project(&public),
        export::geojson::project_in(&public, Lang::En),
        serde_json::to_string(&public).unwrap(),
    ];
    for lang in [Lang::Fr, Lang::En] {
        outputs.push(export::csv::actors(&public, lang));
        outputs.push(export::csv::flows(&public, lang));
        outputs.push(export::csv::synergies(&public, lang));
        outputs.push(export::csv::actions(&public, lang));
        outputs.push(export::csv::measurements(&public, lang));
    }
    let secrets = [
        "Distillerie",
        "DISTILLERIE",
        "distillerie",
        "12002701600019",
        "120 027 016 00019",
        "Confidentiel",
        "marie.secret",
        "NOTE",
        "TAGINTERNE",
        "SECRETFLUX",
        "SYNERGIEPRIVEE",
        "987,654",
        "987.654",
        "31,4159",
        "31.4159",
        "55555",
        "44444",
        "77777",
        "88888",
        "66666",
        "42.654321",
        "42,654321",
        "9.456789",
        "9,456789",
        "PARTICIPANTSECRET",
        "11.01Z",
    ];
    for (i, out) in outputs.iter().enumerate() {
        for secret in secrets {
            assert!(!out.contains(secret), "output {i} leaks {secret:?}:\n{out}");
        }
    }
    // The same exports of the unanonymised project do hold them: the test looks where it should.
    let raw =
        export::csv::flows(&project(), Lang::Fr) + &export::csv::actions(&project(), Lang::Fr);
    for secret in ["SECRETFLUX", "987,654", "77777", "66666", "Distillerie"] {
        assert!(raw.contains(secret), "{secret}");
    }
}

/// Every public output of a project: what could carry a secret out of the facilitator's view.
fn public_outputs(p: &symbiose_core::Project) -> Vec<String> {
    let public = public::anonymise(p);
    let factors = symbiose_core::factors::Factors::bundled();
    let mut out = vec![
        serde_json::to_string(&public).unwrap(),
        export::roadmap::save_roadmap(&public),
    ];
    for lang in [Lang::Fr, Lang::En] {
        out.push(export::geojson::project_in(&public, lang));
        out.push(export::csv::actors(&public, lang));
        out.push(export::csv::flows(&public, lang));
        out.push(export::csv::synergies(&public, lang));
        out.push(export::csv::actions(&public, lang));
        out.push(export::csv::measurements(&public, lang));
        out.push(export::csv::indicators(&public, factors, lang));
    }
    out
}

/// Every string field of an actor with anonymised data and of its private and anonymised flows
/// gets a unique marker; no public output may hold one. The destructuring lists every field
/// without `..`, so adding a field to `Actor`, `Flow` or `Quality` breaks this test until
/// someone decides whether the public copy may show it.
#[test]
fn no_private_field_reaches_any_public_output() {
    use symbiose_core::{Actor, Flow, HeadcountBand, Period, Quality, Quantity, Unit};
    let mut p = project();
    let hidden = p
        .actors
        .iter_mut()
        .find(|a| a.id.as_str() == "a-3")
        .unwrap();
    let Actor {
        id: _,
        name,
        siret: _, // 12002701600019, searched below in both spellings
        naf,
        headcount,
        address,
        commune: _,  // kept on purpose: see the public module's rule
        position: _, // rounded; the exact digits are searched below
        contact,
        tags,
        notes,
    } = hidden;
    *name = "Zébulon Chimie Fine".into();
    *naf = Some("20.14Z".into());
    *headcount = Some(HeadcountBand::From50To249);
    *address = "ADRESSEPRIVEE".into();
    *contact = "CONTACTPRIVE 06 11 22 33 44".into();
    *tags = vec!["ETIQUETTEPRIVEE".into()];
    *notes = "NOTEACTEURPRIVEE".into();
    // Every actor loses its contact details, public ones too.
    p.actors[0].contact = "CONTACTPUBLIC".into();
    p.actors[0].address = "ADRESSEPUBLIQUE".into();
    p.actors[0].notes = "NOTEPUBLIQUE".into();

    for (i, marker) in [(2, "PRIVE"), (3, "ANONYME")] {
        let f = &mut p.flows[i];
        let Flow {
            id: _,
            actor: _,
            direction: _,
            family: _,
            label,
            category: _,
            waste_code,
            quantity,
            months: _,
            quality,
            route: _,
            cost_eur_per_unit,
            confidentiality: _,
            provenance: _,
            collected_on: _,
            collected_by,
            notes,
        } = f;
        let Quality {
            state: _,
            temperature_c: _,
            purity_percent: _,
            contaminants,
            notes: quality_notes,
        } = quality;
        if i == 2 {
            // A private flow disappears whole: its label, code and quantity too.
            *label = format!("LIBELLE{marker}");
            *waste_code = Some("070103".into());
            *quantity = Some(Quantity::new(4242.4242, Unit::Tonne, Period::Year));
            *contaminants = format!("CONTAMINANT{marker}");
        }
        *cost_eur_per_unit = Some(if i == 2 { 1357.9 } else { 2468.1 });
        *notes = format!("NOTEFLUX{marker}");
        *collected_by = format!("COLLECTEUR{marker}");
        *quality_notes = format!("QUALITE{marker}");
    }
    let secrets = [
        "Zébulon",
        "ZÉBULON",
        "zébulon",
        "20.14Z",
        "20,14Z",
        "50–249",
        "from_50_to_249",
        "ADRESSE",
        "CONTACT",
        "06 11 22 33 44",
        "ETIQUETTEPRIVEE",
        "NOTE",
        "12002701600019",
        "120 027 016 00019",
        "42.654321",
        "42,654321",
        "9.456789",
        "9,456789",
        "LIBELLEPRIVE",
        "07 01 03",
        "070103",
        "4242",
        "CONTAMINANTPRIVE",
        "1357",
        "2468",
        "QUALITE",
        "SECRETFLUX",
        "SYNERGIEPRIVEE",
        "55555",
        "44444",
        "77777",
        "88888",
        "66666",
        "99990",
        "99 990",
        "Moyenne entreprise",
        "COLLECTEUR",
        "PARTICIPANTSECRET",
        "marie.secret",
    ];
    let outputs = public_outputs(&p);
    for (i, out) in outputs.iter().enumerate() {
        for secret in secrets {
            assert!(!out.contains(secret), "output {i} leaks {secret:?}:\n{out}");
        }
    }
    // The hidden company is still there, as its sector, on the map (2) and in the tables (3).
    assert!(outputs[2].contains("Entreprise du secteur Industrie manufacturière"));
    assert!(outputs[3].contains("Entreprise du secteur Industrie manufacturière"));
    // The markers are really in the project: the search looks where it should.
    let raw = serde_json::to_string(&p).unwrap();
    for secret in [
        "Zébulon",
        "ADRESSE",
        "CONTACT",
        "NOTE",
        "LIBELLEPRIVE",
        "4242",
        "QUALITE",
    ] {
        assert!(raw.contains(secret), "{secret}");
    }
}
