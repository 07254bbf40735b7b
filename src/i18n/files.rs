//! Opening files and keeping them safe: project import, CSV imports (companies; flows, from Excel
//! too), repair mode, leaving with unsaved work.

texts! {
    /// Opening files and keeping them safe: project import, CSV import, repair mode, leaving with unsaved work.
    Files {
        import_file: "Importer un fichier…",
            "Import a file…";
        import_json: "Importer…",
            "Import…";
        import_title: "Importer un projet",
            "Import a project";
        import_valid: "Fichier valide",
            "Valid file";
        import_as_new: "Importer comme nouveau projet",
            "Import as a new project";
        import_replace: "Remplacer le projet ouvert",
            "Replace the open project";
        import_warnings: "Avertissements (les données sont gardées)",
            "Warnings (the data is kept)";
        import_replaced: "Projet remplacé par le fichier importé (Ctrl+Z pour revenir).",
            "Project replaced by the imported file (Ctrl+Z to go back).";
        unreadable_project: "Ce projet enregistré est illisible ; il est gardé tel quel. Exportez-le pour le faire réparer, ou supprimez-le.",
            "This stored project is unreadable; it is kept as it is. Export it to have it repaired, or delete it.";
        project_missing: "Ce navigateur ne contient pas ce projet (un lien venu d'un autre navigateur, ou un projet mis à la corbeille). Pour l'ouvrir ici, importez son fichier.",
            "This browser does not hold this project (a link from another browser, or a project moved to the bin). To open it here, import its file.";
        changed_in_other_tab: "Ce projet a été modifié dans un autre onglet : la version affichée est à jour.",
            "This project was changed in another tab: the version shown is up to date.";
        leave_title: "Modifications non enregistrées",
            "Unsaved changes";
        leave_body: "Vos dernières modifications de ce projet ne sont pas enregistrées dans ce navigateur. Si vous quittez maintenant, elles seront perdues. Exportez le projet pour les garder.",
            "Your latest changes to this project are not saved in this browser. If you leave now, they will be lost. Export the project to keep them.";
        leave_export: "Exporter le projet",
            "Export the project";
        leave_anyway: "Quitter sans enregistrer",
            "Leave without saving";
        leave_stay: "Rester sur le projet",
            "Stay on the project";
        leave_exported: "Fichier exporté. Gardez-le : c'est la seule copie de vos dernières modifications.",
            "File exported. Keep it: it is the only copy of your latest changes.";
        open_anyway: "Ouvrir quand même (mode réparation)",
            "Open anyway (repair mode)";
        open_anyway_hint: "Le fichier est gardé tel quel dans un nouveau projet, ouvert en mode réparation : chaque problème y est listé, à corriger ou supprimer ; rien n'est perdu sans votre accord.",
            "The file is kept as it is in a new project, opened in repair mode: each problem is listed there, to fix or remove; nothing is lost without your say.";
        copy_no_room: "Pas assez de place dans le stockage de ce navigateur pour garder une copie de la version actuelle dans la corbeille : rien n'a été remplacé. Exportez le projet, libérez de la place, puis recommencez.",
            "Not enough room in this browser's storage to keep a copy of the current version in the bin: nothing was replaced. Export the project, free some space, then try again.";
        repair_title: "Mode réparation",
            "Repair mode";
        repair_intro: "Ce projet contient des données que l'application refuserait d'ouvrir normalement. Il est ouvert quand même : corrigez ou supprimez chaque élément ci-dessous. Rien n'est supprimé sans votre accord, et la version d'origine est gardée dans la corbeille dès le premier enregistrement.",
            "This project holds data the app would normally refuse to open. It is open anyway: fix or remove each item below. Nothing is removed without your say, and the original version is kept in the bin from the first save on.";
        repair_problem_one: "problème à corriger",
            "problem to fix";
        repair_problems: "problèmes à corriger",
            "problems to fix";
        repair_unreadable_one: "élément illisible, gardé tel quel",
            "unreadable item, kept as it is";
        repair_unreadable: "éléments illisibles, gardés tels quels",
            "unreadable items, kept as they are";
        repair_show: "Corriger",
            "Fix";
        repair_remove: "Supprimer",
            "Remove";
        repair_edit: "Modifier le texte",
            "Edit the text";
        repair_apply: "Remettre dans le projet",
            "Put back into the project";
        repair_drop: "Abandonner cet élément",
            "Drop this item";
        repair_done: "Réparation terminée : le projet s'ouvre désormais normalement.",
            "Repair finished: the project now opens normally.";
        repair_raw: "Contenu tel qu'enregistré",
            "Content as stored";
        repair_hide: "Masquer",
            "Hide";
        repair_reset_assumptions: "Revenir aux hypothèses par défaut du territoire",
            "Go back to the territory's default assumptions";
        repair_clear_perimeter: "Effacer le périmètre",
            "Clear the perimeter";
        repair_shorten_name: "Raccourcir le nom",
            "Shorten the name";
        questionnaire_title: "Questionnaire d'une entreprise",
            "A company's questionnaire";
        import_csv: "Importer un CSV…",
            "Import a CSV…";
        csv_template: "Modèle CSV",
            "CSV template";
        csv_title: "Importer des entreprises (CSV)",
            "Import companies (CSV)";
        csv_format_sirene: "Export SIRENE StockEtablissement",
            "SIRENE StockEtablissement export";
        csv_format_template: "Modèle Symbiose",
            "Symbiose template";
        csv_counts_ready: "prêtes à ajouter",
            "ready to add";
        csv_counts_ready_one: "prête à ajouter",
            "ready to add";
        csv_counts_including: "dont",
            "including";
        csv_counts_not_rev2: "avec un code d'activité hors NAF rév. 2, gardé dans les notes",
            "with an activity code outside NAF rev. 2, kept in the notes";
        csv_counts_skipped: "écartées",
            "skipped";
        csv_counts_skipped_one: "écartée",
            "skipped";
        csv_counts_errors: "en erreur",
            "with errors";
        csv_add: "Ajouter les entreprises prêtes",
            "Add the ready companies";
        csv_added: "entreprises ajoutées (Ctrl+Z pour revenir).",
            "companies added (Ctrl+Z to go back).";
        csv_line: "Ligne",
            "Line";
        csv_status: "Verdict",
            "Verdict";
        csv_encoding: "Encodage",
            "Encoding";
        csv_reading: "Lecture du fichier…",
            "Reading the file…";
        csv_listed_of: "lignes listées sur",
            "rows listed of";
        csv_adding: "Ajout en cours…",
            "Adding…";
        flows_import: "Importer des flux (CSV, Excel)",
            "Import flows (CSV, Excel)";
        flows_intro: "Un fichier CSV ou un classeur Excel (.xlsx, première feuille), une ligne par flux : l'entreprise (son SIRET ou son nom, telle qu'elle est déjà dans le projet), le sens (offre ou besoin), la famille et le libellé ; puis, si vous les avez, la catégorie, le code déchet, la quantité, l'unité et la période, les mois, la température, l'exutoire, le coût par unité, la confidentialité, la provenance (déclaré, estimé, mesuré), la date et l'auteur de la collecte, des notes. Rien n'est ajouté avant l'aperçu.",
            "A CSV file or an Excel workbook (.xlsx, first sheet), one row per flow: the company (its SIRET or its name, as it already is in the project), the direction (offer or need), the family and the label; then, if you have them, the category, the waste code, the quantity, unit and period, the months, the temperature, the route, the cost per unit, the confidentiality, the provenance (declared, estimated, measured), the date and author of the collection, notes. Nothing is added before the preview.";
        flows_choose: "Choisir un fichier…",
            "Choose a file…";
        flows_choose_other: "Choisir un autre fichier…",
            "Choose another file…";
        flows_template: "Télécharger le modèle (CSV)",
            "Download the template (CSV)";
        flows_template_hint: "Le modèle s'ouvre dans Excel ou LibreOffice ; ses trois lignes d'exemple portent sur des entreprises de la zone de démonstration.",
            "The template opens in Excel or LibreOffice; its three example rows are about companies of the demonstration zone.";
        flows_counts_ready: "flux prêts à importer",
            "flows ready to import";
        flows_counts_ready_one: "flux prêt à importer",
            "flow ready to import";
        flows_counts_skipped: "écartés",
            "skipped";
        flows_counts_skipped_one: "écarté",
            "skipped";
        flows_counts_errors: "en erreur",
            "with errors";
        flows_header_at: "en-tête à la ligne",
            "header at line";
        flows_ignored: "Colonnes ignorées (non reconnues)",
            "Columns ignored (not recognised)";
        flows_column: "Flux (entreprise — libellé)",
            "Flow (company — label)";
        flows_add: "Importer",
            "Import";
        flows_unit: "flux",
            "flows";
        flows_unit_one: "flux",
            "flow";
        flows_added: "flux importés (Ctrl+Z pour revenir).",
            "flows imported (Ctrl+Z to go back).";
        plan_import: "Importer un plan d'actions antérieur (CSV, Excel)",
            "Import an earlier action plan (CSV, Excel)";
        plan_intro: "Le plan d'actions d'un programme précédent (un territoire pilote suivi depuis 2015) : un fichier CSV ou un classeur Excel (.xlsx, première feuille), une ligne par action, avec son intitulé et son statut (réalisée, en cours, abandonnée, à relancer…) ; puis, si vous les avez, son origine, son porteur et ses partenaires, sa phase (1 à 4), son domaine d'intervention, ses dates (une année ou un mois suffit), son investissement, son fonctionnement par an et sa dépense éligible (€ HT), le type d'aide, la taille du bénéficiaire, le montant de chaque financeur et le statut des aides (demandée, accordée, versée, refusée), des notes. L'export CSV de la feuille de route se relit aussi. Rien n'est ajouté avant l'aperçu.",
            "The action plan of an earlier programme (a pilot territory followed since 2015): a CSV file or an Excel workbook (.xlsx, first sheet), one row per action, with its title and status (done, in progress, abandoned, to relaunch…); then, if you have them, its origin, owner and partners, phase (1 to 4), field of intervention, dates (a year or a month will do), investment, operating cost per year and eligible cost (€ excluding VAT), the kind of aid, the beneficiary's size, each funder's amount and the aids' status (requested, granted, paid, refused), notes. The roadmap's CSV export reads back too. Nothing is added before the preview.";
        plan_origin: "Origine des actions dont la ligne n'en donne pas",
            "Origin of the actions whose row gives none";
        plan_template_hint: "Le modèle s'ouvre dans Excel ou LibreOffice ; ses trois lignes d'exemple (fictives) montrent une action réalisée, une abandonnée et une à relancer.",
            "The template opens in Excel or LibreOffice; its three (fictional) example rows show an action done, one abandoned and one to relaunch.";
        plan_counts_ready: "actions prêtes à importer",
            "actions ready to import";
        plan_counts_ready_one: "action prête à importer",
            "action ready to import";
        plan_counts_skipped: "écartées",
            "skipped";
        plan_counts_skipped_one: "écartée",
            "skipped";
        plan_column: "Action (intitulé — statut, origine)",
            "Action (title — status, origin)";
        plan_unit: "actions",
            "actions";
        plan_unit_one: "action",
            "action";
        plan_added: "actions ajoutées à la feuille de route (Ctrl+Z pour revenir).",
            "actions added to the roadmap (Ctrl+Z to go back).";
    }
}
