//! The programme tables: synergies followed, roadmap actions and measurements.

use super::Table;
use crate::Lang;
use crate::model::{FundingSource, ProgrammePlace, Project};

/// Synergies with their stage and the gains estimated and measured.
pub fn synergies(p: &Project, lang: Lang) -> String {
    let gains = [
        ("t/an", "t/yr"),
        ("MWh/an", "MWh/yr"),
        ("m³/an", "m³/yr"),
        ("tCO₂e/an", "tCO₂e/yr"),
        ("€/an", "€/yr"),
        ("investissement €", "investment €"),
        ("emplois", "jobs"),
    ];
    let pick = |(fr, en): &(&str, &str)| lang.pick(fr, en).to_string();
    let mut headers: Vec<String> = [
        ("id", "id"),
        ("type", "kind"),
        ("titre", "title"),
        ("étape", "stage"),
        ("entreprises", "companies"),
        ("flux", "flows"),
    ]
    .iter()
    .map(pick)
    .collect();
    for prefix in [("estimé", "estimated"), ("mesuré", "measured")] {
        let prefix = pick(&prefix);
        headers.extend(gains.iter().map(|g| format!("{prefix} {}", pick(g))));
    }
    headers.extend(
        [
            ("freins", "barriers"),
            ("prochaine étape", "next step"),
            ("raison de l'abandon", "reason abandoned"),
            ("notes", "notes"),
        ]
        .iter()
        .map(pick),
    );
    let mut t = Table::with_names(lang, headers);
    for s in &p.synergies {
        let names: Vec<&str> = s
            .actors
            .iter()
            .map(|id| p.actor(id).map_or(id.as_str(), |a| a.name.as_str()))
            .collect();
        let flows: Vec<&str> = s.flows.iter().map(|f| f.as_str()).collect();
        let barriers: Vec<&str> = s.barriers.iter().map(|b| b.kind.label(lang)).collect();
        let mut row = vec![
            t.text(s.id.as_str()),
            t.text(s.kind.label(lang)),
            t.text(&s.title),
            t.text(s.stage.label(lang)),
            t.text(&names.join(", ")),
            t.text(&flows.join(" ")),
        ];
        for g in [&s.estimated, &s.measured] {
            row.extend(g.values().map(|v| t.number(v)));
        }
        row.extend([
            t.text(&barriers.join(", ")),
            t.text(&s.next_step),
            t.text(&s.abandon_reason),
            t.text(&s.notes),
        ]);
        t.row(row);
    }
    t.finish()
}

/// Funding sources in column order. The `match` in [`column_of`] fails to compile when a
/// source is added, so a new one cannot be dropped from the table silently.
const SOURCES: [FundingSource; 5] = [
    FundingSource::Ademe,
    FundingSource::RegionalAgency,
    FundingSource::Epci,
    FundingSource::Companies,
    FundingSource::Other,
];

fn column_of(source: FundingSource) -> usize {
    match source {
        FundingSource::Ademe => 0,
        FundingSource::RegionalAgency => 1,
        FundingSource::Epci => 2,
        FundingSource::Companies => 3,
        FundingSource::Other => 4,
    }
}

/// The roadmap: one row per action, its dates, status and money. Funding lines are summed per
/// source (one column each, empty when the source gives nothing), then in total. The total
/// cost and the remaining cost follow the one rule of [`RoadmapAction::money`]: investment plus
/// operating cost over the action's years, minus all its funding, never negative (the funding
/// beyond the cost has its own column), empty when unknown (unknown is not zero). The last
/// money column says whether the action counts in the investment programme's totals (not when
/// postponed, cancelled, without an investment figure or without dates): summing the remaining
/// cost of the rows that do gives the programme's total.
///
/// [`RoadmapAction::money`]: crate::model::RoadmapAction::money
pub fn actions(p: &Project, lang: Lang) -> String {
    let mut headers: Vec<String> = [
        ("id", "id"),
        ("titre", "title"),
        ("synergie", "synergy"),
        ("porteur", "owner"),
        ("partenaires", "partners"),
        ("phase", "phase"),
        ("domaine d'intervention", "intervention field"),
        ("début", "start"),
        ("fin", "end"),
        ("statut", "status"),
        ("investissement €", "investment €"),
        ("fonctionnement €/an", "operating €/yr"),
    ]
    .iter()
    .map(|(fr, en)| lang.pick(fr, en).to_string())
    .collect();
    headers.extend(SOURCES.iter().map(|s| {
        format!(
            "{} {} €",
            lang.pick("financement", "funding"),
            s.label(lang)
        )
    }));
    headers.extend(
        [
            ("financements total €", "funding total €"),
            ("coût total €", "total cost €"),
            ("reste à charge €", "remaining cost €"),
            (
                "financements au-delà du coût €",
                "funding beyond the cost €",
            ),
            ("compté au programme", "counted in the programme"),
            ("notes", "notes"),
        ]
        .iter()
        .map(|(fr, en)| lang.pick(fr, en).to_string()),
    );
    let mut t = Table::with_names(lang, headers);
    for a in &p.actions {
        let synergy = a
            .synergy
            .as_ref()
            .map(|id| p.synergy(id).map_or(id.as_str(), |s| s.title.as_str()));
        let mut by_source: [Option<f64>; SOURCES.len()] = [None; SOURCES.len()];
        for line in &a.funding {
            *by_source[column_of(line.source)].get_or_insert(0.0) += line.amount_eur;
        }
        let money = a.money();
        let mut row = vec![
            t.text(a.id.as_str()),
            t.text(&a.title),
            t.text(synergy.unwrap_or("")),
            t.text(&a.owner),
            t.text(&a.partners.join(", ")),
            t.text(&a.phase.number().to_string()),
            t.text(a.field.label(lang)),
            t.date(a.start),
            t.date(a.end),
            t.text(a.status.label(lang)),
            t.number(a.investment_eur),
            t.number(a.operating_eur_per_year),
        ];
        row.extend(by_source.map(|v| t.number(v)));
        row.extend([
            t.number((!a.funding.is_empty()).then_some(money.funding)),
            t.number(money.cost.ok()),
            t.number(money.remaining()),
            t.number(Some(money.beyond_cost()).filter(|v| *v > 0.0)),
            t.yes_no(a.programme_place() == ProgrammePlace::Counted),
            t.text(&a.notes),
        ]);
        t.row(row);
    }
    t.finish()
}

/// Indicator measurements, in file order.
pub fn measurements(p: &Project, lang: Lang) -> String {
    let mut t = Table::new(
        lang,
        &[
            ("indicateur", "indicator"),
            ("date", "date"),
            ("valeur", "value"),
            ("note", "note"),
        ],
    );
    for m in &p.measurements {
        t.row(vec![
            t.text(m.indicator.label(lang)),
            t.date(Some(m.date)),
            t.number(Some(m.value)),
            t.text(&m.note),
        ]);
    }
    t.finish()
}
