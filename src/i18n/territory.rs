texts! {
    /// The territory page: kind, communes, EPCI, perimeter, and the estimates' assumptions.
    Territory {
        page_territory: "Territoire", "Territory";
        intro: "Le territoire décide des valeurs par défaut des estimations (en Corse : fioul et électricité insulaire) et figure sur la couverture de chaque livrable.",
            "The territory decides the estimates' defaults (in Corsica: fuel oil and island electricity) and is on the cover of every deliverable.";
        settings_title: "Le territoire", "The territory";
        f_kind: "Type de territoire", "Kind of territory";
        communes_title: "Communes", "Communes";
        communes_none: "Aucune commune : celles des entreprises décident des valeurs par défaut.",
            "No commune: the companies' communes decide the defaults.";
        commune_search: "Chercher une commune (nom, code postal ou code INSEE)", "Find a commune (name, postcode or INSEE code)";
        commune_add: "Ajouter", "Add";
        commune_remove: "Retirer", "Remove";
        commune_loading: "Chargement des communes de France…", "Loading the communes of France…";
        commune_load_failed: "Les communes de France n'ont pas pu être chargées : ", "The communes of France could not be loaded: ";
        commune_no_match: "Aucune commune ne correspond.", "No commune matches.";
        epci_title: "EPCI", "EPCI";
        epci_none: "Aucun EPCI choisi.", "No EPCI chosen.";
        epci_suggest: "Choisir l'EPCI de ces communes : ", "Choose these communes' EPCI: ";
        epci_clear: "Retirer l'EPCI", "Remove the EPCI";
        perimeter_title: "Périmètre", "Perimeter";
        perimeter_none: "Pas de périmètre tracé.", "No perimeter drawn.";
        perimeter_points: "points", "points";
        perimeter_hull: "Tracer l'enveloppe des entreprises", "Draw the companies' hull";
        perimeter_draw: "Tracer sur la carte", "Draw on the map";
        drawing_hint: "Périmètre : cliquez ses sommets sur la carte", "Perimeter: click its corners on the map";
        drawing_points: "placés", "placed";
        drawing_undo: "Retirer le dernier", "Remove the last";
        drawing_done: "Terminer", "Finish";
        drawing_cancel: "Annuler (Échap)", "Cancel (Esc)";
        perimeter_clear: "Effacer le périmètre", "Clear the perimeter";
        perimeter_too_few: "Il faut au moins trois entreprises placées sur la carte.", "At least three companies placed on the map are needed.";
        undo_hint: "Chaque changement s'annule avec Annuler (Ctrl+Z).", "Each change is undone with Undo (Ctrl+Z).";
        assumptions_title: "Hypothèses des estimations", "Assumptions behind the estimates";
        assumptions_intro: "Chaque valeur avec sa source. Laisser un champ vide garde la valeur par défaut du territoire.",
            "Each value with its source. A field left empty keeps the territory's default.";
        col_assumption: "Hypothèse", "Assumption";
        col_value: "Valeur", "Value";
        col_source: "Source", "Source";
        chosen_mark: "choisie", "chosen";
        default_option: "Défaut du territoire", "Territory's default";
        f_heat_fuel: "Combustible remplacé par la chaleur", "Fuel replaced by heat";
        f_electricity: "Mix électrique", "Electricity mix";
        f_freight: "Camion", "Truck";
        f_boiler_efficiency: "Rendement de chaudière (0,3 à 1,1)", "Boiler efficiency (0.3 to 1.1)";
        f_road_factor: "Détour routier (×)", "Road detour (×)";
        f_max_road_km: "Distance maximale (km)", "Longest distance (km)";
        f_transport: "Coût du transport (€/t.km)", "Transport cost (€/t.km)";
        f_outlet_km: "Distance à l'exutoire actuel (km)", "Distance to the current outlet (km)";
        f_pooling_radius: "Rayon de mutualisation (km)", "Pooling radius (km)";
        f_proposals_per_offer: "Receveurs gardés par offre (1 à 50)", "Receivers kept per offer (1 to 50)";
        f_pooling_saving: "Économie d'une mutualisation (%)", "Saving of a pooling (%)";
        f_weights: "Poids en % : ressource ; quantité ; calendrier ; distance ; économie ; climat ; qualité",
            "Weights in %: resource; quantity; timing; distance; economics; climate; quality";
        weights_shape: "sept nombres séparés par « ; »", "seven numbers separated by \";\"";
        assumptions_saved: "Hypothèses enregistrées : les propositions sont recalculées.", "Assumptions saved: the proposals are recomputed.";
        assumptions_reset: "Tout remettre par défaut", "Reset all to defaults";
    }
}
