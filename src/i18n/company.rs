//! A company's sheet: its form, its flows, its neighbourhood, questionnaires.

texts! {
    /// A company's sheet: its form, its flows, its neighbourhood, questionnaires.
    Company {
        back_to_list: "← Toutes les entreprises",
            "← All companies";
        activity: "Activité",
            "Activity";
        f_siret: "SIRET (14 chiffres)",
            "SIRET (14 digits)";
        f_naf: "Code NAF (ex. 10.71C) ou activité",
            "NAF code (e.g. 10.71C) or activity";
        f_headcount: "Effectif salarié",
            "Employees";
        f_address: "Adresse",
            "Address";
        f_commune: "Commune (nom, code postal ou code INSEE)",
            "Municipality (name, postcode or INSEE code)";
        f_lat: "Latitude",
            "Latitude";
        f_lon: "Longitude",
            "Longitude";
        f_contact: "Contact",
            "Contact";
        f_tags: "Étiquettes (séparées par des virgules)",
            "Tags (comma separated)";
        not_given: "non renseigné",
            "not given";
        flows_title: "Flux",
            "Flows";
        add_flow: "+ Ajouter un flux",
            "+ Add a flow";
        delete_flow: "Supprimer ce flux",
            "Delete this flow";
        no_flows: "Aucun flux déclaré pour l'instant.",
            "No flow declared yet.";
        f_direction: "Sens",
            "Direction";
        f_family: "Famille",
            "Family";
        f_category: "Type de ressource",
            "Resource type";
        f_waste_search: "Chercher le code déchet dans la liste européenne",
            "Find the waste code in the European list";
        f_waste_code: "Code déchet (6 chiffres)",
            "Waste code (6 digits)";
        waste_search_hint: "Code ou mots : bois emballage…",
            "Code or words: wood packaging…";
        f_quantity: "Quantité",
            "Quantity";
        f_unit: "Unité",
            "Unit";
        f_period: "Par",
            "Per";
        f_months: "Mois de disponibilité",
            "Months available";
        f_state: "État physique",
            "Physical state";
        f_temperature: "Température (°C)",
            "Temperature (°C)";
        f_purity: "Pureté (%)",
            "Purity (%)";
        f_contaminants: "Contaminants, impuretés",
            "Contaminants, impurities";
        f_route: "Filière actuelle",
            "Current route";
        f_cost: "Coût ou prix (€ par unité ; négatif si revenu)",
            "Cost or price (€ per unit; negative if income)";
        f_provenance: "Chiffres déclarés, estimés ou mesurés",
            "Figures declared, estimated or measured";
        f_collected_on: "Recueilli le (AAAA-MM-JJ)",
            "Collected on (YYYY-MM-DD)";
        f_collected_by: "Recueilli par",
            "Collected by";
        f_confidentiality: "Confidentialité",
            "Confidentiality";
        hazardous: "dangereux",
            "hazardous";
        choose: "— choisir —",
            "— choose —";
        period_year: "an",
            "year";
        period_month: "mois",
            "month";
        period_week: "semaine",
            "week";
        period_day: "jour ouvré",
            "working day";
        period_once: "une fois (stock)",
            "once (stock)";
        months_short: "janv.,févr.,mars,avr.,mai,juin,juil.,août,sept.,oct.,nov.,déc.",
            "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec";
        paper_questionnaire: "Questionnaire papier (A4)",
            "Paper questionnaire (A4)";
        paper_questionnaire_hint: "Une page A4 à imprimer (ouvrez le fichier, puis Imprimer) : l'entreprise et ses flux connus pré-remplis, des lignes vides à compléter à la main.",
            "An A4 page to print (open the file, then Print): the company and its known flows pre-filled, blank rows to fill in by hand.";
        questionnaire_export: "Questionnaire (.json)",
            "Questionnaire (.json)";
        questionnaire_export_hint: "Fichier à envoyer à l'entreprise : elle le remplit dans Symbiose sur son poste et vous le renvoie.",
            "File to send to the company: it fills it in Symbiose on its own computer and sends it back.";
        merge: "Fusionner dans le projet",
            "Merge into the project";
        merge_done: "Questionnaire fusionné (Ctrl+Z pour revenir).",
            "Questionnaire merged (Ctrl+Z to go back).";
        use_siret_match: "Compléter l'entreprise de même SIRET",
            "Complete the company with the same SIRET";
        use_id_match: "Compléter l'entreprise de même identifiant",
            "Complete the company with the same id";
        add_as_new: "Ajouter comme nouvelle entreprise",
            "Add as a new company";
        questionnaire_as_project: "Ouvrir pour le remplir",
            "Open to fill it in";
        questionnaire_prefix: "Questionnaire",
            "Questionnaire";
        questionnaire_notes_stay: "Vos notes et étiquettes restent sur ce poste : le questionnaire que vous renverrez ne les contient pas.",
            "Your notes and tags stay on this computer: the questionnaire you send back does not contain them.";
        merge_nothing: "Le questionnaire n'apporte rien de nouveau : le projet est inchangé.",
            "The questionnaire brings nothing new: the project is unchanged.";
        merge_confidentiality_title: "Confidentialité moins stricte demandée",
            "Less strict confidentiality asked for";
        merge_confidentiality_hint: "Par défaut, le niveau le plus strict est gardé. Cochez un flux pour accepter le niveau que l'entreprise demande.",
            "By default the stricter level is kept. Tick a flow to accept the level the company asks for.";
        merge_accept_looser: "Accepter le niveau de l'entreprise",
            "Accept the company's level";
        what_could_be_done: "Ce qu'on pourrait faire de ce flux",
            "What could be done with this flow";
        no_flow_proposal: "Aucune piste pour ce flux pour l'instant.",
            "No lead for this flow yet.";
        place_on_map: "Placer sur la carte",
            "Place on the map";
        picking_hint: "Cliquez sur la carte à l'emplacement exact du site.",
            "Click the map at the site's exact location.";
        commune_placed: "Placée au centre de la commune : précisez sur la carte si besoin.",
            "Placed at the municipality's centre: refine on the map if needed.";
        neighbourhood_title: "Autour de cette entreprise",
            "Around this company";
        radius_label: "Rayon",
            "Radius";
        radius_none: "Choisir un rayon",
            "Choose a radius";
        neighbourhood_empty: "Aucune offre ni aucun besoin dans ce rayon.",
            "No offer or need within this radius.";
        neighbourhood_no_position: "Placez d'abord l'entreprise sur la carte.",
            "Place the company on the map first.";
        within: "à moins de",
            "within";
        flows_around: "flux",
            "flows";
        neighbours_more: "autres flux plus loin : réduisez le rayon pour les voir.",
            "more flows further away: narrow the radius to see them.";
        capture_idea: "Noter une idée de synergie",
            "Note a synergy idea";
        idea_title_label: "L'idée, en une phrase",
            "The idea, in one sentence";
        idea_added: "Idée ajoutée au pipeline (Ctrl+Z pour annuler).",
            "Idea added to the pipeline (Ctrl+Z to undo).";
        idea_with_label: "Avec une autre entreprise (facultatif)",
            "With another company (optional)";
        idea_nobody_else: "Cette entreprise seule",
            "This company alone";
        idea_by_label: "Proposée par (facultatif)",
            "Proposed by (optional)";
        idea_by_note: "Proposée par",
            "Proposed by";
    }
}
