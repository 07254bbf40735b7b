//! The proposals list and the optimiser.

texts! {
    /// The proposals list and the optimiser.
    Proposals {
        proposals_intro: "Synergies possibles trouvées dans les flux déclarés, les plus prometteuses d'abord. Chaque proposition dit pourquoi.",
            "Possible synergies found in the declared flows, most promising first. Each proposal says why.";
        filter_all: "Toutes",
            "All";
        filter_substitution: "Substitutions",
            "Substitutions";
        filter_deductive: "Pistes par secteur",
            "Sector leads";
        filter_mutualisation: "Mutualisations",
            "Pooling";
        take_into_pipeline: "Retenir (pipeline)",
            "Take into the pipeline";
        in_pipeline: "Dans le pipeline",
            "In the pipeline";
        score: "score",
            "score";
        refused_title: "Échanges écartés par une règle", "Exchanges kept out by a rule";
        refused_intro: "Ces échanges auraient été proposés ; la réglementation les interdit ou ne les permet qu'à une condition absente ici. Visible de l'animateur seulement.",
            "These exchanges would have been proposed; the regulations forbid them or allow them only under a condition absent here. Shown to the facilitator only.";
        more_proposals: "propositions de plus : précisez la recherche pour les voir.",
            "more proposals: narrow the search to see them.";
        detection_failed: "La recherche de synergies n'a pas pu démarrer dans ce navigateur. Rechargez la page ; vos données ne sont pas touchées. Détail :",
            "The synergy search could not start in this browser. Reload the page; your data is untouched. Detail:";
        worker_not_loaded: "le fichier de la recherche (symbiose-worker_loader.js) n'a pas pu être chargé.",
            "the search's file (symbiose-worker_loader.js) could not be loaded.";
        detection_progress: "Recherche des synergies, offres examinées\u{a0}: ",
            "Searching for synergies, offers examined: ";
        no_proposals: "Aucune proposition pour ce filtre.",
            "No proposal for this filter.";
        search_proposals: "Filtrer (entreprise, ressource…)",
            "Filter (company, resource…)";
        optimise_title: "Plan optimal",
            "Optimal plan";
        optimise_eur: "Maximiser les € économisés",
            "Maximise € saved";
        optimise_co2: "Maximiser les tCO₂e évitées",
            "Maximise tCO₂e avoided";
        optimise_explain: "Choisit les échanges qui rapportent le plus sans dépasser la quantité d'aucune offre ni d'aucun besoin.",
            "Chooses the exchanges worth most without exceeding any offer's or need's quantity.";
        optimise_result_eur: "échanges retenus, gain total estimé",
            "exchanges chosen, total estimated gain";
        optimise_result_co2: "échanges retenus, émissions évitées estimées",
            "exchanges chosen, estimated avoided emissions";
        optimise_left_out: "propositions sans quantité comparable ou sans estimation, laissées de côté",
            "proposals without a comparable quantity or an estimate, left out";
    }
}
