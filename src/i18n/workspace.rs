//! The map workspace: header, toolbar, storage status, map, legend, company list, filters, settings.

texts! {
    /// The map workspace: header, toolbar, storage status, map, legend, company list, filters, settings.
    Workspace {
        companies: "Entreprises",
            "Companies";
        search_companies: "Nom, SIRET ou activité…",
            "Name, SIRET or activity…";
        no_company_matches: "Aucune entreprise ne correspond.",
            "No company matches.";
        no_position: "sans position",
            "no position";
        map_label: "Carte des entreprises et de leurs flux",
            "Map of the companies and their flows";
        legend_fold: "Replier la légende",
            "Fold the legend";
        legend_unfold: "Déplier la légende",
            "Unfold the legend";
        legend_title: "Secteurs d'activité (NAF)",
            "Business sectors (NACE)";
        legend_size: "Taille : nombre de flux déclarés",
            "Size: number of declared flows";
        tiles_toggle: "Fond OpenStreetMap",
            "OpenStreetMap background";
        activity_unknown: "Activité non renseignée",
            "Activity not given";
        flow_count_one: "flux déclaré",
            "declared flow";
        flow_count_many: "flux déclarés",
            "declared flows";
        fit_zone: "Recentrer sur la zone",
            "Zoom to the zone";
        projects_link: "← Projets",
            "← Projects";
        undo: "Annuler",
            "Undo";
        redo: "Rétablir",
            "Redo";
        undo_hint: "Annuler la dernière modification (Ctrl+Z)",
            "Undo the last change (Ctrl+Z)";
        redo_hint: "Rétablir (Ctrl+Maj+Z)",
            "Redo (Ctrl+Shift+Z)";
        status_saved: "Enregistré dans ce navigateur",
            "Saved in this browser";
        status_pending: "Enregistrement…",
            "Saving…";
        status_full: "Stockage plein : non enregistré",
            "Storage full: not saved";
        status_conflict: "Modifié dans un autre onglet",
            "Changed in another tab";
        not_stored_banner: "Ce projet ne tient pas dans le stockage de ce navigateur : il est ouvert mais n'est pas enregistré ici. Exportez-le pour garder vos modifications (ou libérez de la place : supprimez ou exportez d'autres projets, il sera enregistré à la modification suivante).",
            "This project does not fit in this browser's storage: it is open but not saved here. Export it to keep your changes (or free some space by deleting or exporting other projects; it is saved at the next change).";
        status_not_stored: "Non enregistré (stockage plein)",
            "Not saved (storage full)";
        conflict_banner: "Ce projet a été enregistré depuis un autre onglet pendant que vous le modifiiez ici. Rien n'a été écrasé : choisissez la version à garder.",
            "This project was saved from another tab while you were editing it here. Nothing was overwritten: choose which version to keep.";
        take_theirs: "Charger la version de l'autre onglet",
            "Load the other tab's version";
        keep_mine: "Garder ma version",
            "Keep my version";
        export_mine: "Exporter ma version",
            "Export my version";
        show_proposals: "Propositions sur la carte (tirets)",
            "Proposals on the map (dashed)";
        line_pipeline: "Trait plein : synergie du pipeline",
            "Solid: synergy in the pipeline";
        line_proposal: "Tirets : la meilleure proposition de chaque entreprise (sélectionnez-en une pour voir les autres)",
            "Dashed: each company's best proposal (select one to see the others)";
        add_company: "+ Ajouter une entreprise",
            "+ Add a company";
        drag_pin: "Glissez l'épingle jusqu'au site exact",
            "Drag the pin to the exact site";
        add_on_map: "Ajouter sur la carte",
            "Add on the map";
        filters_title: "Filtres",
            "Filters";
        families_label: "Familles de flux",
            "Flow families";
        section_filter: "Secteur (NAF)",
            "Sector (NAF)";
        chapter_filter: "Chapitre des déchets",
            "Waste chapter";
        all_sections: "Tous les secteurs",
            "All sectors";
        all_chapters: "Tous les chapitres",
            "All chapters";
        reset_filters: "Tout afficher",
            "Show everything";
        audience_label: "Vue",
            "View";
        audience_facilitator: "Animateur : tout",
            "Facilitator: everything";
        audience_public: "Entreprise ou atelier : confidentialité appliquée",
            "Company or workshop: confidentiality applied";
        audience_facilitator_short: "vue animateur",
            "facilitator's view";
        audience_public_short: "vue publique",
            "public view";
        display_title: "Affichage",
            "Display";
        display_fold: "Replier les réglages d'affichage",
            "Fold the display settings";
        display_unfold: "Déplier les réglages d'affichage",
            "Unfold the display settings";
        projection_on: "Mode atelier",
            "Workshop mode";
        projection_off: "Quitter le mode atelier",
            "Leave workshop mode";
        projection_exit: "Quitter (Échap)",
            "Leave (Esc)";
        workshop_record: "Compte rendu",
            "Record";
        workshop_record_hint: "Noter l'atelier dans le journal de la mission : qui est venu, les idées notées pendant le mode atelier, les décisions",
            "Record the workshop in the mission log: who came, the ideas noted during workshop mode, the decisions";
        workshop_record_title: "Compte rendu de l'atelier",
            "Workshop record";
        workshop_recorded: "Atelier enregistré dans le journal de la mission (Feuille de route, Ateliers).",
            "Workshop recorded in the mission log (Roadmap, Workshops).";
        shortcuts_hint: "← → ou Page préc. / suiv. : entreprise précédente / suivante · 1 à 7 : familles · 0 : toute la zone · F : mode atelier · ? : ces touches · Échap : quitter",
            "← → or Page Up / Down: previous / next company · 1 to 7: families · 0: whole zone · F: workshop mode · ?: these keys · Esc: leave";
        keys_title: "Touches du clavier",
            "Keyboard keys";
        keys_button: "Touches du clavier (?)",
            "Keyboard keys (?)";
        tile_settings: "Fond de carte",
            "Map background";
        tile_url_label: "Adresse des tuiles, avec {z}, {x} et {y}",
            "Tile address, with {z}, {x} and {y}";
        apply: "Appliquer",
            "Apply";
        reset_osm: "Revenir à OpenStreetMap",
            "Back to OpenStreetMap";
        vector_title: "Fond hors ligne (fichier PMTiles)",
            "Offline background (PMTiles file)";
        vector_none: "Aucun fond hors ligne dans ce navigateur : sans réseau, la carte montre les communes du territoire. Un extrait PMTiles du territoire (README) donne routes, eaux et noms sans réseau.",
            "No offline background in this browser: with no network, the map shows the territory's communes. A PMTiles extract of the territory (README) gives roads, water and names with no network.";
        vector_in_use: "Fond hors ligne utilisé à la place des tuiles :",
            "Offline background used instead of the tiles:";
        vector_open: "Ouvrir un fichier .pmtiles…",
            "Open a .pmtiles file…";
        vector_address: "ou son adresse à côté de l'application",
            "or its address beside the app";
        vector_fetch: "Charger",
            "Load";
        vector_forget: "Retirer ce fond",
            "Remove this background";
        vector_reading: "Lecture du fichier…",
            "Reading the file…";
        vector_kept: "Fond hors ligne gardé dans ce navigateur :",
            "Offline background kept in this browser:";
        vector_refused: "Fond refusé, rien n'a changé :",
            "Background refused, nothing changed:";
        vector_forgotten: "Fond hors ligne retiré : la carte reprend les tuiles.",
            "Offline background removed: the map uses the tiles again.";
        vector_toggle: "Fond hors ligne",
            "Offline background";
        tile_url_changed: "Fond de carte changé.",
            "Map background changed.";
        tile_url_refused: "L'adresse de fond de carte enregistrée dans ce navigateur n'était pas utilisable ; le fond OpenStreetMap par défaut la remplace. Raison :",
            "The map background address stored in this browser was not usable; the default OpenStreetMap background replaces it. Reason:";
        list_more: "autres entreprises : affinez la recherche ou les filtres.",
            "more companies: refine the search or the filters.";
        page_map: "Carte",
            "Map";
        page_exports: "Exports",
            "Exports";
        nav_pipeline: "Pipeline",
            "Pipeline";
    }
}
