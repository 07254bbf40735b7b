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
        ("€/an économisés", "€/yr saved"),
        ("investissement €", "investment €"),
        ("emplois créés", "jobs created"),
        ("€/an de recettes nouvelles", "€/yr of new revenue"),
        ("investissement évité €", "investment avoided €"),
        ("emplois maintenus", "jobs kept"),
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
        ("origine", "origin"),
        ("investissement € HT", "investment € excl. VAT"),
        ("fonctionnement € HT/an", "operating € excl. VAT/yr"),
        ("dépense éligible € HT", "eligible cost € excl. VAT"),
        ("type d'aide", "kind of aid"),
        ("taille du bénéficiaire", "beneficiary size"),
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
            ("aides €", "aids €"),
            ("taux d'aide %", "aid rate %"),
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
            *by_source[column_of(line.source)].get_or_insert(0.0) += line.in_force();
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
            t.text(&a.origin),
            t.number(a.investment_eur),
            t.number(a.operating_eur_per_year),
            t.number(a.eligible_eur),
            t.text(a.aid_kind.map_or("", |k| k.label(lang))),
            t.text(a.beneficiary_size.map_or("", |s| s.label(lang))),
        ];
        row.extend(by_source.map(|v| t.number(v)));
        row.extend([
            t.number((!a.funding.is_empty()).then_some(money.funding)),
            t.number((!a.funding.is_empty()).then_some(a.aid())),
            t.number(a.aid_rate().map(|r| (r * 1000.0).round() / 10.0)),
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

/// Every funding line of the roadmap, one row each: the funder, the amount asked, where the aid
/// stands (status and the date of each step) and the amounts granted and paid as
/// [`FundingLine::granted`] and [`FundingLine::paid`] read them.
///
/// [`FundingLine::granted`]: crate::model::FundingLine::granted
/// [`FundingLine::paid`]: crate::model::FundingLine::paid
pub fn aids(p: &Project, lang: Lang) -> String {
    let mut t = Table::new(
        lang,
        &[
            ("action", "action"),
            ("titre", "title"),
            ("phase", "phase"),
            ("type d'aide", "kind of aid"),
            ("financeur", "funder"),
            ("montant demandé € HT", "amount asked € excl. VAT"),
            ("statut", "status"),
            ("demandée le", "requested on"),
            ("accordée le", "granted on"),
            ("montant accordé €", "amount granted €"),
            ("versée le", "paid on"),
            ("montant versé €", "amount paid €"),
            ("note", "note"),
        ],
    );
    for a in &p.actions {
        for line in &a.funding {
            t.row(vec![
                t.text(a.id.as_str()),
                t.text(&a.title),
                t.text(&a.phase.number().to_string()),
                t.text(a.aid_kind.map_or("", |k| k.label(lang))),
                t.text(line.source.label(lang)),
                t.number(Some(line.amount_eur)),
                t.text(line.status.label(lang)),
                t.date(line.requested_on),
                t.date(line.granted_on),
                t.number(line.granted()),
                t.date(line.paid_on),
                t.number(line.paid()),
                t.text(&line.note),
            ]);
        }
    }
    t.finish()
}

/// The aid follow-up tables ([`charts::aid_follow_up`]) in one sheet: the rows by funder, then
/// by year, then the total, each with its planned, granted and paid amounts; a last line
/// counts the refused aids.
///
/// [`charts::aid_follow_up`]: crate::charts::aid_follow_up
pub fn aid_tables(p: &Project, lang: Lang) -> String {
    let f = crate::charts::aid_follow_up(&p.actions);
    let mut t = Table::new(
        lang,
        &[
            ("tableau", "table"),
            ("ligne", "row"),
            ("prévu € HT", "planned € excl. VAT"),
            ("accordé €", "granted €"),
            ("versé €", "paid €"),
        ],
    );
    let by_funder = lang.pick("par financeur", "by funder");
    let by_year = lang.pick("par année", "by year");
    let unknown = lang.pick("année inconnue", "year unknown");
    let mut rows: Vec<(&str, String, crate::charts::AidAmounts)> = f
        .by_funder
        .iter()
        .map(|(s, a)| (by_funder, s.label(lang).to_string(), *a))
        .collect();
    rows.extend(f.by_year.iter().map(|(y, a)| {
        (
            by_year,
            y.map_or(unknown.to_string(), |y| y.to_string()),
            *a,
        )
    }));
    rows.push((lang.pick("total", "total"), String::new(), f.total));
    for (table, label, a) in rows {
        t.row(vec![
            t.text(table),
            t.text(&label),
            t.number(Some(a.planned)),
            t.number(Some(a.granted)),
            t.number(Some(a.paid)),
        ]);
    }
    let (count, amount) = f.refused;
    t.row(vec![
        t.text(lang.pick("aides refusées", "refused aids")),
        t.text(&count.to_string()),
        t.number(Some(amount)),
        String::new(),
        String::new(),
    ]);
    t.finish()
}

/// Indicator measurements, in file order, each with its indicator's unit.
pub fn measurements(p: &Project, lang: Lang) -> String {
    let mut t = Table::new(
        lang,
        &[
            ("indicateur", "indicator"),
            ("date", "date"),
            ("valeur", "value"),
            ("unité", "unit"),
            ("note", "note"),
        ],
    );
    for m in &p.measurements {
        t.row(vec![
            t.text(m.indicator.label(lang)),
            t.date(Some(m.date)),
            t.number(Some(m.value)),
            t.text(m.indicator.unit(lang)),
            t.text(&m.note),
        ]);
    }
    t.finish()
}
