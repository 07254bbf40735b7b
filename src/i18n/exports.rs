//! The exports page: spreadsheets, GeoJSON, the public extract, the roadmap file.

texts! {
    /// The exports page: spreadsheets, GeoJSON, the public extract, the roadmap file.
    Exports {
        blank_questionnaire: "Questionnaire vierge",
            "Blank questionnaire";
        exports_title: "Exporter et partager",
            "Export and share";
        exports_intro: "Chaque fichier est fait ici, dans le navigateur, à partir du projet ouvert : rien n'est envoyé ailleurs.",
            "Every file is made here, in the browser, from the open project: nothing is sent anywhere.";
        sheets_title: "Tableurs (CSV pour Excel ou LibreOffice : séparateur « ; », UTF-8 avec BOM, virgule décimale)",
            "Spreadsheets (CSV for Excel or LibreOffice: \";\" separator, UTF-8 with BOM, decimal comma in French)";
        csv_actors: "Entreprises",
            "Companies";
        csv_flows: "Flux",
            "Flows";
        csv_synergies: "Synergies",
            "Synergies";
        csv_actions: "Actions de la feuille de route",
            "Roadmap actions";
        csv_aids: "Aides : une ligne par financement (état, dates, montants)",
            "Aids: one row per funding line (status, dates, amounts)";
        csv_aid_tables: "Suivi des aides : prévu, accordé, versé par financeur et par année",
            "Aid follow-up: planned, granted, paid by funder and by year";
        csv_measurements: "Mesures",
            "Measurements";
        csv_elipse: "Indicateurs de suivi, par axe ELIPSE (méthode et sources)",
            "Follow-up indicators, by ELIPSE axis (method and sources)";
        csv_indicators: "Indicateurs",
            "Indicators";
        geojson_title: "Carte (GeoJSON RFC 7946, pour uMap et QGIS)",
            "Map (GeoJSON RFC 7946, for uMap and QGIS)";
        geojson_all: "Entreprises et synergies",
            "Companies and synergies";
        public_title: "Copie publique anonymisée (éco-communication)",
            "Public anonymised copy (eco-communication)";
        public_intro: "Sans flux privé, sans coût ni montant, les entreprises aux flux confidentiels nommées par leur secteur, sans SIRET, adresse, contact ni note. Le projet public s'ouvre, chez l'entreprise qui le reçoit, dans l'explorateur : ce qui est offert et cherché autour d'elle, et son questionnaire à renvoyer.",
            "No private flow, no cost or amount, companies with confidential flows named by their sector, no SIRET, address, contact or note. The public project opens, for the company that receives it, in the explorer: what is offered and wanted around it, and its questionnaire to send back.";
        public_json: "Projet public (JSON)",
            "Public project (JSON)";
        public_geojson: "Carte publique (GeoJSON)",
            "Public map (GeoJSON)";
        public_flows: "Flux publics (CSV)",
            "Public flows (CSV)";
        roadmap_title: "Feuille de route et tableau de bord (JSON, à partager seul)",
            "Roadmap and dashboard (JSON, to share alone)";
        roadmap_intro: "Synergies, actions, cibles, mesures, ateliers et programme. À l'import, ces parties remplacent celles du projet ouvert (une seule étape, Ctrl+Z pour revenir) ; entreprises et flux ne changent pas.",
            "Synergies, actions, targets, measurements, workshops and programme. On import, these parts replace the open project's (one step, Ctrl+Z to go back); companies and flows do not change.";
        roadmap_export: "Exporter la feuille de route",
            "Export the roadmap";
        roadmap_import: "Importer une feuille de route…",
            "Import a roadmap…";
        roadmap_ready: "Feuille de route lue :",
            "Roadmap read:";
        roadmap_apply: "Remplacer la feuille de route du projet",
            "Replace the project's roadmap";
        roadmap_applied: "Feuille de route importée (Ctrl+Z pour revenir).",
            "Roadmap imported (Ctrl+Z to go back).";
        project_title: "Projet complet (JSON versionné)",
            "Whole project (versioned JSON)";
        actions_word: "actions",
            "actions";
        measurements_word: "mesures",
            "measurements";
    }
}
