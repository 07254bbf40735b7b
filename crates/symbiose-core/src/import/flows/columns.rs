//! Which column of a flows file holds what: its header's names, French or English, compared as
//! [`key`] compares words (case, accents and punctuation ignored: `Coût €/unité` reads
//! `cout unite`). The CSV export's flow headers are among them, so an exported inventory reads
//! back.

use std::collections::HashMap;

use super::vocab::key;
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
const NAMES: &[(Role, &[&str])] = &[
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

/// The columns of a recognised header.
#[derive(Debug)]
pub(super) struct Columns {
    /// Role → (position, the header as the file writes it).
    at: HashMap<Role, (usize, String)>,
    /// Headers that name no role (or a role an earlier column already has), as written.
    pub ignored: Vec<String>,
}

impl Columns {
    /// The columns of a header row: `None` unless it names a flow's label and its company
    /// (by SIRET or by name).
    pub fn recognise(header: &Row) -> Option<Self> {
        let mut at = HashMap::new();
        let mut ignored = Vec::new();
        for (i, written) in header.cells.iter().enumerate() {
            let written = written.trim();
            if written.is_empty() {
                continue;
            }
            let wanted = key(written);
            let role = NAMES
                .iter()
                .find(|(_, names)| names.iter().any(|n| key(n) == wanted))
                .map(|(role, _)| *role);
            match role {
                Some(role) if !at.contains_key(&role) => {
                    at.insert(role, (i, written.to_string()));
                }
                _ => ignored.push(written.to_string()),
            }
        }
        let company = at.contains_key(&Role::Siret) || at.contains_key(&Role::Company);
        (company && at.contains_key(&Role::Label)).then_some(Self { at, ignored })
    }

    /// The trimmed cell of `role` in `row` ("" when the file has no such column).
    pub fn get<'a>(&self, row: &'a Row, role: Role) -> &'a str {
        self.at
            .get(&role)
            .and_then(|(i, _)| row.cells.get(*i))
            .map_or("", |c| c.trim())
    }

    /// The column's header as the file writes it, to name it in a message; the template's
    /// French name when the file has no such column.
    pub fn name(&self, role: Role) -> String {
        self.at.get(&role).map_or_else(
            || {
                NAMES
                    .iter()
                    .find(|(r, _)| *r == role)
                    .map_or(String::new(), |(_, names)| names[0].to_string())
            },
            |(_, written)| written.clone(),
        )
    }

    pub fn has(&self, role: Role) -> bool {
        self.at.contains_key(&role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Row {
        Row {
            line: 1,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn french_english_and_the_export_headers_are_recognised() {
        let fr = Columns::recognise(&row(&[
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
        let en = Columns::recognise(&row(&[
            "company name",
            "direction",
            "LABEL",
            "cost (€/unit)",
            "collected by",
            "colour",
        ]))
        .unwrap();
        assert!(en.has(Role::Company) && en.has(Role::Cost) && en.has(Role::CollectedBy));
        assert_eq!(en.ignored, vec!["colour"]);
        assert_eq!(
            en.name(Role::Quantity),
            "quantité",
            "a missing column's template name"
        );
        // The CSV export's flows table (French): "entreprise", "libellé", "code déchet"...
        let export = Columns::recognise(&row(&[
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
        assert_eq!(export.ignored, vec!["id", "libellé déchet"]);
        assert!(
            Columns::recognise(&row(&["nom", "siret", "naf"])).is_none(),
            "no label"
        );
        assert!(
            Columns::recognise(&row(&["libellé", "quantité"])).is_none(),
            "no company"
        );
    }
}
