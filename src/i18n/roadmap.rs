//! The roadmap (feuille de route): actions, programme settings, workshops.

texts! {
    /// The roadmap (feuille de route): actions, programme settings, workshops.
    Roadmap {
        roadmap_page_intro: "Les actions du programme, liées ou non à une synergie, avec porteur, dates, budget et financements. Le programme d'investissement et le calendrier en découlent.",
            "The programme's actions, linked to a synergy or not, with owner, dates, budget and funding. The investment programme and the timeline follow from them.";
        add_action: "+ Ajouter une action",
            "+ Add an action";
        new_action_title: "Nouvelle action",
            "New action";
        no_actions: "Aucune action pour l'instant.",
            "No action yet.";
        f_title: "Intitulé",
            "Title";
        f_synergy: "Synergie liée",
            "Linked synergy";
        none_standalone: "Aucune (action autonome)",
            "None (standalone action)";
        f_owner: "Porteur",
            "Owner";
        f_partners: "Partenaires (séparés par des virgules)",
            "Partners (comma-separated)";
        f_phase: "Phase du programme",
            "Programme phase";
        f_field: "Champ d'intervention",
            "Field of intervention";
        f_start: "Début (AAAA-MM-JJ)",
            "Start (YYYY-MM-DD)";
        f_end: "Fin (AAAA-MM-JJ)",
            "End (YYYY-MM-DD)";
        f_status: "Statut",
            "Status";
        f_investment: "Investissement (€ HT)",
            "Investment (€ excl. VAT)";
        f_operating: "Fonctionnement (€ HT/an)",
            "Operating (€ excl. VAT/yr)";
        f_eligible: "Dépense éligible (€ HT)",
            "Eligible cost (€ excl. VAT)";
        origin_word: "Origine :",
            "Origin:";
        f_origin: "Origine (ex. plan d'actions 2015)",
            "Origin (e.g. 2015 action plan)";
        f_aid_kind: "Type d'aide",
            "Kind of aid";
        f_beneficiary_size: "Entreprise bénéficiaire",
            "Beneficiary company";
        phase_outside_track: "Le parcours de financement du territoire ne couvre pas la phase",
            "The territory's funding track does not cover phase";
        not_given: "Non précisé",
            "Not given";
        f_aid_status: "État de l'aide",
            "Aid status";
        f_requested_on: "Demandée le (AAAA-MM-JJ)",
            "Requested on (YYYY-MM-DD)";
        f_decided_on: "Décision le (AAAA-MM-JJ)",
            "Decision on (YYYY-MM-DD)";
        f_granted: "Montant accordé (€)",
            "Amount granted (€)";
        same_as_asked: "= montant demandé",
            "= amount asked";
        f_paid_on: "Versée le (AAAA-MM-JJ)",
            "Paid on (YYYY-MM-DD)";
        f_paid: "Montant versé (€)",
            "Amount paid (€)";
        same_as_granted: "= montant accordé",
            "= amount granted";
        asked_word: "demandés",
            "asked";
        aids_title: "Suivi des aides",
            "Aid follow-up";
        aids_intro: "Ce que les financeurs ont prévu, accordé et versé, d'après l'état de chaque ligne de financement des actions.",
            "What the funders planned, granted and paid, from the status of each funding line of the actions.";
        aids_by_funder: "Par financeur",
            "By funder";
        aids_by_year: "Par année",
            "By year";
        col_funder: "Financeur",
            "Funder";
        col_planned: "Prévu",
            "Planned";
        col_granted: "Accordé",
            "Granted";
        col_paid: "Versé",
            "Paid";
        year_unknown: "Année inconnue",
            "Year unknown";
        refused_aids: "Aides refusées :",
            "Refused aids:";
        aid_word: "Aides",
            "Aids";
        no_aids: "Aucune ligne de financement pour l'instant : ajoutez-en dans une action.",
            "No funding line yet: add some in an action.";
        funding_title: "Financements",
            "Funding";
        funding_add: "Ajouter un financement",
            "Add a funding line";
        f_amount: "Montant demandé (€ HT)",
            "Amount asked (€ excl. VAT)";
        milestones_title: "Jalons",
            "Milestones";
        milestone_add: "Ajouter un jalon",
            "Add a milestone";
        programme_title: "Programme d'investissement par année",
            "Investment programme by year";
        col_year: "Année",
            "Year";
        col_investment: "Investissement",
            "Investment";
        col_operating: "Fonctionnement",
            "Operating";
        col_remaining: "Reste à charge",
            "Remaining cost";
        col_total: "Total",
            "Total";
        rule_word: "Règle :",
            "Rule:";
        undated_actions: "Actions chiffrées sans date, hors totaux :",
            "Costed actions without dates, not in the totals:";
        unpriced_actions: "Actions sans montant d'investissement, reste à charge inconnu, hors totaux :",
            "Actions without an investment figure, remaining cost unknown, not in the totals:";
        beyond_cost: "Financements supérieurs au coût de l'action, déduits d'aucune autre :",
            "Funding above the action's cost, deducted from no other action:";
        outside_title: "Actions reportées ou annulées (hors programme)",
            "Postponed or cancelled actions (outside the programme)";
        col_action: "Action",
            "Action";
        col_status: "Statut",
            "Status";
        col_funding: "Financements",
            "Funding";
        phase_word: "Phase",
            "Phase";
        end_before_start: "La fin précède le début.",
            "The end comes before the start.";
        title_required: "Donnez un intitulé à l'action.",
            "Give the action a title.";
        delete_action: "Supprimer l'action",
            "Delete the action";
        programme_settings: "Programme du territoire",
            "The territory's programme";
        f_track: "Parcours de financement",
            "Funding track";
        track_new: "Nouveau territoire : phases 1–2 (diagnostic et accompagnement)",
            "New territory: phases 1–2 (diagnostic and accompaniment)";
        track_pilot: "Territoire pilote accompagné depuis 2015 : phases 3–4 (mise en œuvre et bilan)",
            "Pilot territory supported since 2015: phases 3–4 (implementation and bilan)";
        f_start_year: "Année de début",
            "Start year";
        f_baseline_year: "Année de référence des indicateurs",
            "Indicators' baseline year";
        f_maturity: "Maturité de la démarche (d'après ELIPSE)",
            "Maturity of the démarche (after ELIPSE)";
        f_facilitator: "Animation (personne ou structure)",
            "Facilitation (person or body)";
        f_funders: "Financeurs (séparés par des virgules)",
            "Funders (comma-separated)";
        programme_saved: "Programme enregistré (Ctrl+Z pour annuler).",
            "Programme saved (Ctrl+Z to undo).";
        f_hours: "Temps passé (heures, préparation comprise)",
            "Time spent (hours, preparation included)";
        log_title: "Journal de mission",
            "Mission log";
        log_intro: "Visites, entretiens, questionnaires, comités : ce que l'animation a fait, avec qui et en combien de temps. Les indicateurs de suivi et le bilan en découlent.",
            "Visits, interviews, questionnaires, committees: what the facilitation did, with whom and how long it took. The follow-up indicators and the bilan come from it.";
        add_activity: "+ Noter une activité",
            "+ Record an activity";
        no_activities: "Aucune activité notée.",
            "No activity recorded.";
        f_activity_kind: "Activité",
            "Activity";
        f_activity_title: "Objet",
            "Subject";
        f_activity_companies: "Entreprises concernées (Ctrl+clic pour en choisir plusieurs)",
            "Companies concerned (Ctrl+click to choose several)";
        f_people: "Autres personnes (séparées par des virgules)",
            "Other people (comma-separated)";
        f_notes: "Notes",
            "Notes";
        companies_word: "entreprise(s)",
            "company(ies)";
        hours_word: "h",
            "h";
        log_summary: "Au total",
            "In all";
        days_word: "jours d'animation",
            "facilitation days";
        workshops_title: "Ateliers",
            "Workshops";
        add_workshop: "+ Noter un atelier",
            "+ Record a workshop";
        f_workshop_title: "Atelier",
            "Workshop";
        f_participants: "Entreprises présentes (Ctrl+clic pour en choisir plusieurs)",
            "Companies present (Ctrl+click to choose several)";
        f_others: "Autres participants (séparés par des virgules)",
            "Other participants (comma-separated)";
        f_decisions: "Décisions (une par ligne)",
            "Decisions (one per line)";
        no_workshops: "Aucun atelier noté.",
            "No workshop recorded.";
        participants_one: "participant",
            "participant";
        participants_word: "participants",
            "participants";
        decisions_one: "décision",
            "decision";
        decisions_word: "décisions",
            "decisions";
        f_ideas: "Idées notées (une par ligne)",
            "Ideas noted (one per line)";
        ideas_one: "idée",
            "idea";
        ideas_word: "idées",
            "ideas";
        ideas_label: "Idées notées :",
            "Ideas noted:";
        detection_workshop: "Atelier de détection",
            "Detection workshop";
    }
}
