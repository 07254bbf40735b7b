//! The projects page and the bin.

texts! {
    /// The projects page and the bin.
    Projects {
        flows: "flux",
            "flows";
        sources: "Sources des données",
            "Data sources";
        home_title: "Vos projets",
            "Your projects";
        home_intro: "Les projets restent dans ce navigateur, sans compte ni serveur. Exportez-les pour les partager ou les sauvegarder.",
            "Projects stay in this browser, with no account and no server. Export them to share or back them up.";
        portfolio_title: "Portefeuille : comparer des territoires",
            "Portfolio: compare territories";
        portfolio_intro: "Pour le financeur : cochez des projets de ce navigateur ou ajoutez des fichiers de projet ; leurs indicateurs de suivi sont mis côte à côte avec leur somme, et leurs aides consolidées. Les fichiers ajoutés sont lus, pas enregistrés ; rien ne quitte ce navigateur.",
            "For the funder: tick projects of this browser or add project files; their follow-up indicators are set side by side with their sum, and their aids consolidated. Files added are read, not stored; nothing leaves this browser.";
        portfolio_add_file: "Ajouter un fichier de projet…",
            "Add a project file…";
        portfolio_from_file: "fichier",
            "file";
        portfolio_remove_file: "Retirer",
            "Remove";
        portfolio_remove_file_hint: "Retirer ce fichier de la comparaison (il n'a jamais été enregistré ici)",
            "Remove this file from the comparison (it was never stored here)";
        portfolio_export: "Exporter le portefeuille (CSV)",
            "Export the portfolio (CSV)";
        portfolio_empty: "Aucun territoire choisi.",
            "No territory chosen.";
        portfolio_indicator: "Indicateur",
            "Indicator";
        portfolio_total: "Total",
            "Total";
        portfolio_aids: "Aides consolidées",
            "Aids consolidated";
        new_project: "Nouveau projet",
            "New project";
        new_project_name: "Nom du nouveau projet",
            "Name of the new project";
        add_pilot_demo: "Ajouter la démonstration pilote (suivie depuis 2015)",
            "Add the pilot demonstration (followed since 2015)";
        add_pilot_demo_hint: "Un territoire pilote fictif : plan d'actions 2015 réalisé en partie, synergies mesurées chaque année, aides versées, plan relancé en 2026.",
            "A fictional pilot territory: its 2015 action plan partly carried out, synergies measured every year, aids paid, a plan relaunched in 2026.";
        add_demo: "Ajouter la démonstration",
            "Add the demonstration";
        open: "Ouvrir",
            "Open";
        rename: "Renommer",
            "Rename";
        duplicate: "Dupliquer",
            "Duplicate";
        export: "Exporter",
            "Export";
        delete: "Supprimer",
            "Delete";
        confirm_delete: "Mettre ce projet à la corbeille ? Il y reste, restaurable, jusqu'à ce que vous la vidiez.",
            "Move this project to the bin? It stays there, restorable, until you empty the bin.";
        yes_delete: "Mettre à la corbeille",
            "Move to the bin";
        copy_suffix: " (copie)",
            " (copy)";
        no_projects: "Aucun projet dans ce navigateur.",
            "No project in this browser.";
        unreadable_meta: "informations illisibles",
            "unreadable details";
        saved_on: "enregistré le",
            "saved on";
        actors_word: "entreprises",
            "companies";
        public_copy_badge: "Copie publique",
            "Public copy";
        public_copy_hint: "Copie publique d'une zone, reçue par une entreprise : elle s'ouvre dans l'explorateur, sans les pages de l'animateur.",
            "A zone's public copy, received by a company: it opens in the explorer, without the facilitator's pages.";
        untitled: "Projet sans nom",
            "Untitled project";
        bin_no_room: "Le stockage de ce navigateur est trop plein pour garder une copie de ce projet dans la corbeille. Exportez-le, puis supprimez-le définitivement si vous le souhaitez.",
            "This browser's storage is too full to keep a copy of this project in the bin. Export it, then delete it for good if you wish.";
        delete_for_good: "Supprimer définitivement",
            "Delete for good";
        bin_title: "Corbeille",
            "Bin";
        bin_intro: "Les projets supprimés et les versions remplacées (par un import, un fichier de feuille de route ou une réparation) restent ici jusqu'à ce que vous vidiez la corbeille.",
            "Deleted projects and replaced versions (by an import, a roadmap file or a repair) stay here until you empty the bin.";
        bin_empty_list: "La corbeille est vide.",
            "The bin is empty.";
        bin_restore: "Restaurer",
            "Restore";
        bin_empty: "Vider la corbeille",
            "Empty the bin";
        bin_confirm_empty: "Supprimer définitivement tout le contenu de la corbeille ?",
            "Delete everything in the bin for good?";
        bin_yes_empty: "Oui, vider",
            "Yes, empty it";
        bin_reason_deleted: "Supprimé",
            "Deleted";
        bin_reason_import: "Avant remplacement par un import",
            "Before being replaced by an import";
        bin_reason_roadmap: "Avant import d'une feuille de route",
            "Before a roadmap file was imported";
        bin_reason_repair: "Version d'origine, avant réparation",
            "Original version, before repair";
        bin_reason_restore: "Remplacé par une restauration",
            "Replaced by a restore";
        bin_unreadable: "entrée illisible (exportable telle quelle)",
            "unreadable entry (can be exported as it is)";
        bin_restored: "Projet restauré depuis la corbeille.",
            "Project restored from the bin.";
        bin_restored_over: "Projet restauré ; la version qu'il remplace est dans la corbeille.",
            "Project restored; the version it replaced is in the bin.";
        bin_put_on: "mis à la corbeille le",
            "put in the bin on";
    }
}
