//! The company explorer: what a company that received the public copy sees.

texts! {
    /// The company explorer (a public copy, read-only but for the company's own answer).
    Explorer {
        kicker: "Ressources du territoire",
            "The territory's resources";
        intro: "Copie publique du projet, pour les entreprises : ce qui est offert et cherché autour de vous. Les données confidentielles n'y sont pas ; rien ne quitte ce navigateur.",
            "The project's public copy, for companies: what is offered and wanted around you. Confidential data is not in it; nothing leaves this browser.";
        my_company: "Mon entreprise",
            "My company";
        choose_company: "— choisir —",
            "— choose —";
        or_point: "Ou un lieu :",
            "Or a place:";
        pick_point: "Choisir un point sur la carte",
            "Pick a point on the map";
        picking: "Touchez la carte à l'endroit voulu…",
            "Tap the map where you mean…";
        point_chosen: "Point choisi sur la carte",
            "Point picked on the map";
        radius: "Rayon",
            "Radius";
        start_hint: "Choisissez votre entreprise (dans la liste ou sur la carte) ou un point, pour voir les offres et les besoins autour.",
            "Choose your company (in the list or on the map) or a point, to see the offers and needs around it.";
        offers: "offres",
            "offers";
        needs: "besoins",
            "needs";
        within: "à moins de",
            "within";
        nothing_around: "Rien de déclaré dans ce rayon : élargissez-le.",
            "Nothing declared within this radius: widen it.";
        no_position: "Cette entreprise n'a pas de position sur la carte : choisissez un point.",
            "This company has no position on the map: pick a point instead.";
        leads_title: "Pistes pour mon entreprise",
            "Leads for my company";
        leads_intro: "Pour chacun de vos flux, les meilleures pistes que la détection propose : à qui vos offres pourraient servir, qui pourrait couvrir vos besoins.",
            "For each of your flows, the best leads detection proposes: who could use your offers, who could cover your needs.";
        leads_running: "Recherche des pistes…",
            "Looking for leads…";
        answer_title: "Répondre pour mon entreprise",
            "Answer for my company";
        answer_intro: "Complétez vos offres et vos besoins, puis enregistrez le questionnaire et renvoyez ce fichier à l'animateur, qui l'intégrera après relecture.",
            "Complete your offers and needs, then save the questionnaire and send that file back to the facilitator, who will merge it after review.";
        my_flows_none: "Aucun flux déclaré pour votre entreprise dans cette copie.",
            "No flow declared for your company in this copy.";
        add_offer: "+ Une offre",
            "+ An offer";
        add_need: "+ Un besoin",
            "+ A need";
        save_answer: "Enregistrer le questionnaire à renvoyer",
            "Save the questionnaire to send back";
        saved_answer: "Questionnaire enregistré dans vos téléchargements : envoyez ce fichier à l'animateur.",
            "Questionnaire saved in your downloads: send this file to the facilitator.";
    }
}
