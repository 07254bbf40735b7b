//! Which column of an action plan file holds what: the template's headers
//! (`data/template_plan_actions.csv`), their English names, the usual variants, and the
//! roadmap's CSV export (so an exported plan reads back; its computed columns are ignored).

use crate::import::table::Row;
use crate::model::FundingSource;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Role {
    Title,
    Status,
    Origin,
    Owner,
    Partners,
    Phase,
    Field,
    Start,
    End,
    Investment,
    Operating,
    Eligible,
    AidKind,
    BeneficiarySize,
    /// One funder's amount.
    Funding(FundingSource),
    /// The status of the row's aids (every funding line but the companies' own).
    AidStatus,
    Notes,
}

/// Each role's header names, as written; the first is the template's.
const NAMES: crate::import::columns::Names<Role> = &[
    (
        Role::Title,
        &[
            "intitulé",
            "intitulé de l'action",
            "titre",
            "action",
            "libellé",
            "title",
            "action title",
        ],
    ),
    (
        Role::Status,
        &[
            "statut",
            "statut de l'action",
            "état d'avancement",
            "avancement",
            "état",
            "status",
            "progress",
        ],
    ),
    (
        Role::Origin,
        &["origine", "plan d'origine", "plan", "origin", "source plan"],
    ),
    (
        Role::Owner,
        &[
            "porteur",
            "porteur de projet",
            "maître d'ouvrage",
            "pilote",
            "owner",
            "project owner",
        ],
    ),
    (Role::Partners, &["partenaires", "partners"]),
    (
        Role::Phase,
        &["phase", "phase du programme", "programme phase"],
    ),
    (
        Role::Field,
        &[
            "domaine d'intervention",
            "domaine",
            "intervention field",
            "field",
        ],
    ),
    (
        Role::Start,
        &[
            "début",
            "date de début",
            "année de début",
            "start",
            "start date",
        ],
    ),
    (
        Role::End,
        &["fin", "date de fin", "année de fin", "end", "end date"],
    ),
    (
        Role::Investment,
        &[
            "investissement € HT",
            "investissement",
            "investissement €",
            "coût d'investissement",
            "investment € excl. VAT",
            "investment",
        ],
    ),
    (
        Role::Operating,
        &[
            "fonctionnement € HT/an",
            "fonctionnement",
            "fonctionnement €/an",
            "coût de fonctionnement",
            "operating € excl. VAT/yr",
            "operating cost",
            "operating",
        ],
    ),
    (
        Role::Eligible,
        &[
            "dépense éligible € HT",
            "dépense éligible",
            "dépenses éligibles",
            "assiette éligible",
            "eligible cost € excl. VAT",
            "eligible cost",
        ],
    ),
    (
        Role::AidKind,
        &["type d'aide", "nature de l'aide", "kind of aid", "aid kind"],
    ),
    (
        Role::BeneficiarySize,
        &[
            "taille du bénéficiaire",
            "taille de l'entreprise",
            "beneficiary size",
        ],
    ),
    (
        Role::Funding(FundingSource::Ademe),
        &[
            "financement ADEME €",
            "ADEME €",
            "ADEME",
            "aide ADEME",
            "funding ADEME €",
        ],
    ),
    (
        Role::Funding(FundingSource::RegionalAgency),
        &[
            "financement OEC ou autre agence régionale €",
            "OEC €",
            "OEC",
            "aide OEC",
            "financement OEC €",
            "région €",
            "funding OEC or other regional agency €",
        ],
    ),
    (
        Role::Funding(FundingSource::Epci),
        &["financement EPCI €", "EPCI €", "EPCI", "funding EPCI €"],
    ),
    (
        Role::Funding(FundingSource::Companies),
        &[
            "financement Entreprises €",
            "entreprises €",
            "autofinancement €",
            "autofinancement",
            "funding Companies €",
            "companies €",
        ],
    ),
    (
        Role::Funding(FundingSource::Other),
        &[
            "financement Autre €",
            "autre financement €",
            "autres financements €",
            "funding Other €",
            "other funding €",
        ],
    ),
    (
        Role::AidStatus,
        &[
            "statut des aides",
            "statut de l'aide",
            "état des aides",
            "aid status",
        ],
    ),
    (
        Role::Notes,
        &[
            "notes",
            "remarques",
            "commentaire",
            "commentaires",
            "comments",
        ],
    ),
];

pub(super) type Columns = crate::import::columns::Columns<Role>;

/// The columns of a header row, and the headers that name nothing: `None` unless it names an
/// action's title and its status (the one thing an earlier plan's import is for).
pub(super) fn recognise(header: &Row) -> Option<(Columns, Vec<String>)> {
    let (cols, ignored) = Columns::read(header, NAMES);
    (cols.has(Role::Title) && cols.has(Role::Status)).then_some((cols, ignored))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_the_export_and_english_headers_are_recognised() {
        let template = crate::import::actions::TEMPLATE_CSV.lines().next().unwrap();
        let (cols, ignored) =
            recognise(&Row::of(&template.split(';').collect::<Vec<_>>())).unwrap();
        assert!(ignored.is_empty(), "{ignored:?}");
        assert!(cols.has(Role::Funding(FundingSource::RegionalAgency)));
        assert!(cols.has(Role::AidStatus) && cols.has(Role::Origin));
        // The roadmap's CSV export, French: its computed columns are named as ignored.
        let export = crate::export::csv::actions(&crate::demo::pilot(), crate::Lang::Fr);
        let header = export
            .trim_start_matches('\u{feff}')
            .lines()
            .next()
            .unwrap();
        let (cols, ignored) = recognise(&Row::of(&header.split(';').collect::<Vec<_>>())).unwrap();
        assert!(cols.has(Role::Eligible) && cols.has(Role::Funding(FundingSource::Epci)));
        assert!(
            ignored.contains(&"reste à charge €".to_string()),
            "{ignored:?}"
        );
        let (en, _) = recognise(&Row::of(&["Title", "STATUS", "start date", "ADEME €"])).unwrap();
        assert!(en.has(Role::Start) && en.has(Role::Funding(FundingSource::Ademe)));
        assert!(
            recognise(&Row::of(&["intitulé", "porteur"])).is_none(),
            "no status"
        );
    }
}
