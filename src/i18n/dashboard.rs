//! The dashboard (tableau de bord): tiles, measurements, targets, Sankey diagrams.

texts! {
    /// The dashboard (tableau de bord): tiles, measurements, targets, Sankey diagrams.
    Dashboard {
        elipse_title: "Indicateurs de suivi (axes ELIPSE)",
            "Follow-up indicators (ELIPSE axes)";
        elipse_intro: "Les indicateurs que revoit le financeur, rangés selon les trois axes du référentiel ELIPSE (OREE, ADEME) : gouvernance, modèle économique, activités et résultats. « — » : rien n'est encore noté pour les compter (inconnu n'est pas zéro). Notez dans la colonne « Référence » la valeur de l'année de référence (celle des rapports du programme précédent, pour un territoire pilote) : l'évolution et le bilan en découlent.",
            "The indicators the funder reviews, grouped by the three axes of the ELIPSE framework (OREE, ADEME): governance, economic model, activities and results. \"—\": nothing recorded yet to count them from (unknown is not zero). Enter in the \"Baseline\" column the value of the baseline year (from the earlier programme's reports, for a pilot territory): the change and the bilan follow from it.";
        col_baseline: "Référence",
            "Baseline";
        col_change: "Évolution",
            "Change";
        year_not_set: "(année de référence à fixer dans la feuille de route)",
            "(baseline year to set in the roadmap)";
        col_indicator: "Indicateur",
            "Indicator";
        col_value: "Valeur",
            "Value";
        col_unit: "Unité",
            "Unit";
        method_word: "Méthode",
            "Method";
        dashboard_intro: "Calculé à partir des synergies, des mesures et des cibles du projet ; chaque chiffre dit sa méthode et ses sources.",
            "Computed from the project's synergies, measurements and targets; every figure gives its method and sources.";
        tile_engaged: "Entreprises engagées",
            "Companies engaged";
        tile_resources: "Ressources déclarées",
            "Resources declared";
        tile_rate: "Taux de mise en œuvre",
            "Implementation rate";
        tile_rate_method: "Synergies mises en œuvre sur l'ensemble des synergies suivies (abandonnées comprises).",
            "Implemented synergies over all synergies followed (abandoned included).";
        tile_resources_method: "Flux déclarés par les entreprises du projet (offres et besoins).",
            "Flows declared by the project's companies (offers and needs).";
        method_sources: "Méthode et sources",
            "Method and sources";
        with_data: "synergies chiffrées",
            "synergies with a figure";
        without_data: "sans chiffre (non compté comme zéro)",
            "without a figure (not counted as zero)";
        measured_count: "mesurées",
            "measured";
        latest_measure: "dernière mesure saisie",
            "latest recorded measurement";
        potential: "en projet",
            "in the pipeline";
        gains_by_family_t: "Tonnes par an par famille (synergies mises en œuvre)",
            "Tonnes a year by family (implemented synergies)";
        gains_by_family_co2: "tCO₂e évitées par an par famille (synergies mises en œuvre)",
            "tCO₂e avoided a year by family (implemented synergies)";
        series_title: "Mesures et cibles dans le temps",
            "Measurements and targets over time";
        record_measurement: "Enregistrer une mesure",
            "Record a measurement";
        add_target: "Ajouter une cible",
            "Add a target";
        f_indicator: "Indicateur",
            "Indicator";
        f_value: "Valeur",
            "Value";
        f_year: "Année",
            "Year";
        measurement_added: "Mesure enregistrée (Ctrl+Z pour annuler).",
            "Measurement recorded (Ctrl+Z to undo).";
        target_added: "Cible ajoutée (Ctrl+Z pour annuler).",
            "Target added (Ctrl+Z to undo).";
        measurements_title: "Mesures enregistrées",
            "Recorded measurements";
        no_measurements: "Aucune mesure pour l'instant.",
            "No measurement yet.";
        sankey_title: "Flux du territoire, des sorties aux usages",
            "The territory's flows, from outputs to uses";
        sankey_mass: "Matière et déchets (t/an)",
            "Matter and waste (t/yr)";
        sankey_energy: "Énergie (MWh/an)",
            "Energy (MWh/yr)";
        sankey_water: "Eau (m³/an)",
            "Water (m³/yr)";
        export_svg: "Exporter en SVG",
            "Export as SVG";
        export_sankeymatic: "Exporter pour SankeyMATIC",
            "Export for SankeyMATIC";
    }
}
