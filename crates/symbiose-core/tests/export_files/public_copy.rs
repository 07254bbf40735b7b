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
        "A company in Manufacturing"
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
