//! Which column of a flows file holds what: its header's names, French or English (compared as
//! `import::columns` compares them). The CSV export's flow headers are among them, so an
//! exported inventory reads back.

use crate::import::table::Row;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Role {
    Siret,
    Company,
    Direction,
    Family,
    Label,
    Category,
    WasteCode,
    Quantity,
    Unit,
    Period,
    Months,
    State,
    Temperature,
    Route,
    Cost,
    Confidentiality,
    Provenance,
    CollectedOn,
    CollectedBy,
    Notes,
}

/// Each role's header names, as written (they are compared through `key`).
const NAMES: crate::import::columns::Names<Role> = &[
    (
        Role::Siret,
        &[
            "siret",
            "n° siret",
            "numéro siret",
            "siret entreprise",
            "siret de l'entreprise",
            "company siret",
        ],
    ),
    (
        Role::Company,
        &[
            "entreprise",
            "nom entreprise",
            "nom de l'entreprise",
            "raison sociale",
            "établissement",
            "nom",
            "company",
            "company name",
            "name",
        ],
    ),
    (
        Role::Direction,
        &[
            "sens",
            "offre/besoin",
            "offre ou besoin",
            "direction",
            "offer/need",
        ],
    ),
    (Role::Family, &["famille", "family"]),
    (
        Role::Label,
        &[
            "libellé",
            "libellé du flux",
            "flux",
            "désignation",
            "description",
            "ressource",
            "label",
            "flow",
            "resource",
        ],
    ),
    (
        Role::Category,
        &[
            "catégorie",
            "catégorie de ressource",
            "category",
            "resource category",
        ],
    ),
    (
        Role::WasteCode,
        &[
            "code déchet",
            "code déchets",
            "code de déchet",
            "code CED",
            "code LED",
            "waste code",
            "list of waste code",
            "LoW code",
        ],
    ),
    (Role::Quantity, &["quantité", "qté", "quantity", "qty"]),
    (Role::Unit, &["unité", "unit"]),
    (
        Role::Period,
        &["période", "par", "fréquence", "period", "per"],
    ),
    (
        Role::Months,
        &[
            "mois",
            "mois de disponibilité",
            "saisonnalité",
            "months",
            "seasonality",
        ],
    ),
    (
        Role::State,
        &["état", "état physique", "state", "physical state"],
    ),
    (
        Role::Temperature,
        &[
            "température",
            "température (°C)",
            "température °C",
            "temperature",
            "temperature (°C)",
        ],
    ),
    (
        Role::Route,
        &[
            "exutoire",
            "exutoire actuel",
            "filière",
            "route",
            "current route",
        ],
    ),
    (
        Role::Cost,
        &[
            "coût €/unité",
            "coût (€/unité)",
            "coût unitaire",
            "coût",
            "prix",
            "cost €/unit",
            "cost (€/unit)",
            "unit cost",
            "cost",
            "price",
        ],
    ),
    (
        Role::Confidentiality,
        &["confidentialité", "visibilité", "confidentiality"],
    ),
    (
        Role::Provenance,
        &[
            "provenance",
            "provenance de la donnée",
            "origine de la donnée",
            "source",
            "data source",
        ],
    ),
    (
        Role::CollectedOn,
        &[
            "collecté le",
            "date de collecte",
            "date",
            "collected on",
            "collection date",
        ],
    ),
    (
        Role::CollectedBy,
        &["collecté par", "enquêteur", "collected by", "collector"],
    ),
    (
        Role::Notes,
        &[
            "notes",
            "remarques",
            "commentaire",
            "commentaires",
            "comments",
            "comment",
        ],
    ),
];

pub(super) type Columns = crate::import::columns::Columns<Role>;

/// The columns of a header row, and the headers it names nothing with: `None` unless it names
/// a flow's label and its company (by SIRET or by name).
pub(super) fn recognise(header: &Row) -> Option<(Columns, Vec<String>)> {
    let (cols, ignored) = Columns::read(header, NAMES);
    let company = cols.has(Role::Siret) || cols.has(Role::Company);
    (company && cols.has(Role::Label)).then_some((cols, ignored))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_english_and_the_export_headers_are_recognised() {
        let (fr, _) = recognise(&Row::of(&[
            "SIRET",
            "Entreprise",
            "Sens",
            "Libellé",
            "Coût €/unité",
            "Température (°C)",
            "Collecté le",
        ]))
        .unwrap();
        assert!(fr.has(Role::Cost) && fr.has(Role::Temperature) && fr.has(Role::CollectedOn));
        assert_eq!(fr.name(Role::Cost), "Coût €/unité");
        let (en, en_ignored) = recognise(&Row::of(&[
            "company name",
            "direction",
            "LABEL",
            "cost (€/unit)",
            "collected by",
            "colour",
        ]))
        .unwrap();
        assert!(en.has(Role::Company) && en.has(Role::Cost) && en.has(Role::CollectedBy));
        assert_eq!(en_ignored, vec!["colour"]);
        assert_eq!(
            en.name(Role::Quantity),
            "quantité",
            "a missing column's template name"
        );
        // The CSV export's flows table (French): "entreprise", "libellé", "code déchet"...
        let (export, export_ignored) = recognise(&Row::of(&[
            "id",
            "entreprise",
            "sens",
            "famille",
            "libellé",
            "catégorie",
            "code déchet",
            "libellé déchet",
            "quantité",
            "unité",
            "période",
        ]))
        .unwrap();
        assert!(export.has(Role::WasteCode) && export.has(Role::Period));
        assert_eq!(export_ignored, vec!["id", "libellé déchet"]);
        assert!(
            recognise(&Row::of(&["nom", "siret", "naf"])).is_none(),
            "no label"
        );
        assert!(
            recognise(&Row::of(&["libellé", "quantité"])).is_none(),
            "no company"
        );
    }
}
