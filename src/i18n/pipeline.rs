//! The synergy pipeline (kanban).

texts! {
    /// The synergy pipeline (kanban).
    Pipeline {
        page_pipeline: "Pipeline des synergies",
            "Synergy pipeline";
        pipeline_intro: "Glissez une carte d'une colonne à l'autre, ou sélectionnez-la et utilisez ← → (A : abandonner, Entrée : modifier). Chaque changement d'étape est daté.",
            "Drag a card from one column to another, or select it and use ← → (A: abandon, Enter: edit). Every stage change is dated.";
        pipeline_empty: "Aucune synergie pour l'instant : retenez une proposition ou notez une idée depuis la carte.",
            "No synergy yet: take a proposal or note an idea from the map.";
        column_empty: "Aucune carte",
            "No card";
        move_next: "Étape suivante →",
            "Next stage →";
        move_prev: "← Étape précédente",
            "← Previous stage";
        abandon: "Abandonner…",
            "Abandon…";
        abandon_reason_label: "Pourquoi le groupe l'abandonne-t-il ?",
            "Why does the group abandon it?";
        abandon_confirm: "Abandonner la synergie",
            "Abandon the synergy";
        reason_required: "Donnez la raison de l'abandon : elle servira au bilan.",
            "Give the reason for abandoning: the bilan will need it.";
        resume: "Reprendre comme idée",
            "Take up again as an idea";
        participants: "Participants",
            "Participants";
        next_step: "Prochaine étape",
            "Next step";
        barriers_title: "Freins",
            "Barriers";
        barrier_add: "Ajouter un frein",
            "Add a barrier";
        barrier_note: "Précision",
            "Detail";
        gains_estimated: "Gains estimés",
            "Estimated gains";
        history_title: "Historique des étapes",
            "Stage history";
        abandon_reason_title: "Raison de l'abandon",
            "Reason for abandoning";
        gain_t: "t/an",
            "t/yr";
        gain_mwh: "MWh/an",
            "MWh/yr";
        gain_m3: "m³/an",
            "m³/yr";
        gain_invest: "€ investis",
            "€ invested";
        gain_jobs: "emplois créés",
            "jobs created";
        gain_revenue: "€/an de recettes nouvelles",
            "€/yr of new revenue";
        gain_avoided: "€ d'investissement évité",
            "€ of investment avoided";
        gain_jobs_kept: "emplois maintenus",
            "jobs kept";
        checklist_title: "Réglementation",
            "Regulation";
        checklist_answered: "traités",
            "answered";
        checklist_none: "Aucune obligation réglementaire propre aux déchets, aux sous-produits animaux ou à l'épandage pour cette synergie.",
            "No regulatory obligation of waste, animal by-products or spreading for this synergy.";
        checklist_material: "Statut retenu",
            "Status recorded";
        checklist_material_none: "— non renseigné —",
            "— not recorded —";
        checklist_reference: "Référence",
            "Reference";
        checklist_note: "Note (rubrique, récépissé, date…)",
            "Note (heading, receipt, date…)";
    }
}
