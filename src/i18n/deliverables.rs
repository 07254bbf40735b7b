//! The deliverables page.

texts! {
    /// The deliverables page.
    Deliverables {
        deliverables_intro: "Les documents du programme, produits à partir du projet : aperçu ci-dessous, impression ou PDF par le navigateur, ou un fichier HTML autonome. Les flux privés n'y figurent pas, les flux anonymisés y sont attribués à leur secteur.",
            "The programme's documents, made from the project: preview below, print or PDF through the browser, or one standalone HTML file. Private flows are left out, anonymised flows are attributed to their sector.";
        print_pdf: "Imprimer ou enregistrer en PDF",
            "Print or save as PDF";
        save_html: "Enregistrer en HTML (fichier autonome)",
            "Save as HTML (standalone file)";
        preview_label: "Aperçu du document",
            "Document preview";
        detection_running: "Recherche des synergies en cours… Le document sera complet dans un instant.",
            "Looking for synergies… The document will be complete in a moment.";
    }
}
