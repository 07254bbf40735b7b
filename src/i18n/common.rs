//! Texts shared by several pages: the app's name, buttons, field names and errors used everywhere.

texts! {
    /// Texts shared by several pages: the app's name, buttons, field names and errors used everywhere.
    Common {
        app_title: "Symbiose",
            "Symbiose";
        tagline: "Écologie industrielle et territoriale",
            "Industrial and territorial ecology";
        switch_lang: "English",
            "Français";
        map_attribution: "Fond © contributeurs OpenStreetMap",
            "Background © OpenStreetMap contributors";
        vector_attribution: "Fond vectoriel : Protomaps, © contributeurs OpenStreetMap",
            "Vector background: Protomaps, © OpenStreetMap contributors";
        places_attribution: "Communes : COG 2026 (Insee), centres IGN Admin Express, Licence Ouverte 2.0",
            "Communes: COG 2026 (Insee), IGN Admin Express centres, Licence Ouverte 2.0";
        cancel: "Annuler",
            "Cancel";
        save: "Enregistrer",
            "Save";
        synergies_word: "synergies",
            "synergies";
        export_json: "Exporter (.json)",
            "Export (.json)";
        status_refused: "Enregistrement refusé",
            "Saving refused";
        full_banner: "Le stockage de ce navigateur est plein. Vos dernières modifications sont à l'écran mais pas enregistrées ; la dernière sauvegarde est intacte. Exportez le projet pour ne rien perdre.",
            "This browser's storage is full. Your latest changes are on screen but not saved; the last save is intact. Export the project so that nothing is lost.";
        dismiss: "Fermer",
            "Close";
        import_failed: "Import impossible — rien n'a été modifié.",
            "Import failed — nothing was changed.";
        edit: "Modifier",
            "Edit";
        f_name: "Nom",
            "Name";
        f_notes: "Notes",
            "Notes";
        f_label: "Description",
            "Description";
        tab_companies: "Entreprises",
            "Companies";
        tab_proposals: "Propositions",
            "Proposals";
        new_company_name: "Nouvelle entreprise",
            "New company";
        add_on_map_hint: "Cliquez sur la carte à l'emplacement de la nouvelle entreprise (Échap pour annuler).",
            "Click the map where the new company stands (Esc to cancel).";
        remove: "Retirer",
            "Remove";
        gain_co2: "tCO₂e/an",
            "tCO₂e/yr";
        gain_eur: "€/an",
            "€/yr";
        not_a_number: "n'est pas un nombre",
            "is not a number";
        page_dashboard: "Tableau de bord",
            "Dashboard";
        f_date: "Date (AAAA-MM-JJ)",
            "Date (YYYY-MM-DD)";
        bad_date: "Date attendue au format AAAA-MM-JJ, par exemple 2026-11-28.",
            "A date in the form YYYY-MM-DD is expected, e.g. 2026-11-28.";
        bad_value: "Donnez une valeur numérique, par exemple 12,5.",
            "Give a number, e.g. 12.5.";
        bad_year: "Donnez une année en chiffres, par exemple 2015.",
            "Give a year in figures, e.g. 2015.";
        fix_errors: "Corrigez les champs signalés : rien n'a été enregistré.",
            "Fix the fields shown: nothing was saved.";
        page_roadmap: "Feuille de route",
            "Roadmap";
        page_deliverables: "Livrables",
            "Deliverables";
    }
}
