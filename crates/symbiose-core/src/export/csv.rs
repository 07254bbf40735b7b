//! Spreadsheet exports: one CSV table per kind of record.
//!
//! The files are made for French spreadsheets first: `;` between cells, UTF-8 with a byte-order
//! mark (without it Excel reads the accents as Windows-1252), CRLF line ends, cells quoted when
//! they hold `;`, quotes or line breaks. In French, decimals take a comma and dates read
//! `JJ/MM/AAAA`; in English, a point and `YYYY-MM-DD`. A text cell that a spreadsheet would run
//! as a formula (starting with `=`, `+`, `@`, or `-` followed by a letter) gets a leading `'`.

use super::decimal;
use crate::Lang;
use crate::model::{Date, Dimension, Period, Project, Quantity};
use crate::refdata::{naf, waste};

/// Actors: identity, sector, location, contact.
pub fn actors(p: &Project, lang: Lang) -> String {
    let mut t = Table::new(
        lang,
        &[
            ("id", "id"),
            ("nom", "name"),
            ("siret", "siret"),
            ("naf", "naf"),
            ("activité", "activity"),
            ("effectif", "headcount"),
            ("adresse", "address"),
            ("commune", "commune"),
            ("latitude", "latitude"),
            ("longitude", "longitude"),
            ("contact", "contact"),
            ("étiquettes", "tags"),
            ("notes", "notes"),
        ],
    );
    for a in &p.actors {
        let naf_label = a
            .naf
            .as_deref()
            .and_then(naf::lookup)
            .map(|n| n.label(lang));
        t.row(vec![
            t.text(a.id.as_str()),
            t.text(&a.name),
            t.text(a.siret.as_ref().map_or("", |s| s.as_str())),
            t.text(a.naf.as_deref().unwrap_or("")),
            t.text(naf_label.unwrap_or("")),
            t.text(a.headcount.map_or("", |h| h.label())),
            t.text(&a.address),
            t.text(a.commune.as_deref().unwrap_or("")),
            t.number(a.position.map(|p| p.lat)),
            t.number(a.position.map(|p| p.lon)),
            t.text(&a.contact),
            t.text(&a.tags.join(", ")),
            t.text(&a.notes),
        ]);
    }
    t.finish()
}

/// Flows with their actor's name, the waste code and label, the quantity as declared and
/// brought to its yearly base (t, m³, MWh per year).
pub fn flows(p: &Project, lang: Lang) -> String {
    let mut t = Table::new(
        lang,
        &[
            ("id", "id"),
            ("entreprise", "company"),
            ("sens", "direction"),
            ("famille", "family"),
            ("libellé", "label"),
            ("catégorie", "category"),
            ("code déchet", "waste code"),
            ("libellé déchet", "waste label"),
            ("dangereux", "hazardous"),
            ("quantité", "quantity"),
            ("unité", "unit"),
            ("période", "period"),
            ("quantité annuelle", "annual quantity"),
            ("unité annuelle", "annual unit"),
            ("mois", "months"),
            ("exutoire", "route"),
            ("coût €/unité", "cost €/unit"),
            ("confidentialité", "confidentiality"),
            ("notes", "notes"),
        ],
    );
    for f in &p.flows {
        let actor = p.actor(&f.actor).map_or("", |a| a.name.as_str());
        let code = f.waste_code.as_deref().and_then(waste::lookup);
        let q = f.quantity.as_ref();
        let months = if f.months.is_all_year() {
            String::new()
        } else {
            let numbers: Vec<String> = f.months.numbers().iter().map(u8::to_string).collect();
            numbers.join(" ")
        };
        t.row(vec![
            t.text(f.id.as_str()),
            t.text(actor),
            t.text(f.direction.label(lang)),
            t.text(f.family.label(lang)),
            t.text(&f.label),
            t.text(f.category.map_or("", |c| c.label(lang))),
            t.text(&code.map_or_else(
                || f.waste_code.clone().unwrap_or_default(),
                // The bundled list's display form already carries the hazardous star.
                |c| c.code_display.clone(),
            )),
            t.text(code.map_or("", |c| c.label(lang))),
            t.text(code.map_or("", |c| yes_no(c.hazardous, lang))),
            t.number(q.map(|q| q.value)),
            t.text(q.map_or("", |q| q.unit.symbol())),
            t.text(q.map_or("", |q| period_label(q.period, lang))),
            t.number(q.map(|q| q.annual_base())),
            t.text(&q.map_or(String::new(), |q| annual_unit(q, lang))),
            t.text(&months),
            t.text(f.route.map_or("", |r| r.label(lang))),
            t.number(f.cost_eur_per_unit),
            t.text(f.confidentiality.label(lang)),
            t.text(&f.notes),
        ]);
    }
    t.finish()
}

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
    let mut headers: Vec<(String, String)> = [
        ("id", "id"),
        ("type", "kind"),
        ("titre", "title"),
        ("étape", "stage"),
        ("entreprises", "companies"),
        ("flux", "flows"),
    ]
    .iter()
    .map(|(fr, en)| (fr.to_string(), en.to_string()))
    .collect();
    for (prefix_fr, prefix_en) in [("estimé", "estimated"), ("mesuré", "measured")] {
        headers.extend(
            gains
                .iter()
                .map(|(fr, en)| (format!("{prefix_fr} {fr}"), format!("{prefix_en} {en}"))),
        );
    }
    headers.extend(
        [
            ("freins", "barriers"),
            ("prochaine étape", "next step"),
            ("raison de l'abandon", "reason abandoned"),
            ("notes", "notes"),
        ]
        .iter()
        .map(|(fr, en)| (fr.to_string(), en.to_string())),
    );
    let header_refs: Vec<(&str, &str)> = headers
        .iter()
        .map(|(fr, en)| (fr.as_str(), en.as_str()))
        .collect();
    let mut t = Table::new(lang, &header_refs);
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
            row.extend(
                [
                    g.tonnes_per_year,
                    g.mwh_per_year,
                    g.m3_per_year,
                    g.tco2e_per_year,
                    g.eur_per_year,
                    g.investment_eur,
                    g.jobs,
                ]
                .map(|v| t.number(v)),
            );
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

/// The roadmap: one row per action, its dates, status and money.
pub fn actions(p: &Project, lang: Lang) -> String {
    let mut t = Table::new(
        lang,
        &[
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
            ("financements €", "funding €"),
            ("notes", "notes"),
        ],
    );
    for a in &p.actions {
        let synergy = a
            .synergy
            .as_ref()
            .map(|id| p.synergy(id).map_or(id.as_str(), |s| s.title.as_str()));
        let funding: f64 = a.funding.iter().map(|f| f.amount_eur).sum();
        t.row(vec![
            t.text(a.id.as_str()),
            t.text(&a.title),
            t.text(synergy.unwrap_or("")),
            t.text(&a.owner),
            t.text(&a.partners.join(", ")),
            t.text(&a.phase.number().to_string()),
            t.text(a.field.label(lang)),
            t.text(&date(a.start, lang)),
            t.text(&date(a.end, lang)),
            t.text(a.status.label(lang)),
            t.number(a.investment_eur),
            t.number(a.operating_eur_per_year),
            t.number((!a.funding.is_empty()).then_some(funding)),
            t.text(&a.notes),
        ]);
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
            t.text(&date(Some(m.date), lang)),
            t.number(Some(m.value)),
            t.text(&m.note),
        ]);
    }
    t.finish()
}

fn period_label(period: Period, lang: Lang) -> &'static str {
    match period {
        Period::Year => lang.pick("an", "year"),
        Period::Month => lang.pick("mois", "month"),
        Period::Week => lang.pick("semaine", "week"),
        Period::Day => lang.pick("jour ouvré", "working day"),
        Period::Once => lang.pick("ponctuel", "one-off"),
    }
}

fn annual_unit(q: &Quantity, lang: Lang) -> String {
    let base = q.unit.base().symbol();
    if q.unit.dimension() == Dimension::Power || q.period.per_year().is_none() {
        base.to_string()
    } else {
        format!("{base}/{}", lang.pick("an", "yr"))
    }
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    match (b, lang) {
        (true, Lang::Fr) => "oui",
        (false, Lang::Fr) => "non",
        (true, Lang::En) => "yes",
        (false, Lang::En) => "no",
    }
}

fn date(d: Option<Date>, lang: Lang) -> String {
    match (d, lang) {
        (None, _) => String::new(),
        (Some(d), Lang::Fr) => d.to_french(),
        (Some(d), Lang::En) => d.to_string(),
    }
}

/// A table being written: headers in the chosen language, then rows of ready cells.
struct Table {
    lang: Lang,
    writer: ::csv::Writer<Vec<u8>>,
}

impl Table {
    fn new(lang: Lang, headers: &[(&str, &str)]) -> Self {
        let mut t = Self {
            lang,
            writer: ::csv::WriterBuilder::new()
                .delimiter(b';')
                .terminator(::csv::Terminator::CRLF)
                .quote_style(::csv::QuoteStyle::Necessary)
                .from_writer("\u{FEFF}".as_bytes().to_vec()),
        };
        let names: Vec<String> = headers
            .iter()
            .map(|(fr, en)| lang.pick(fr, en).to_string())
            .collect();
        t.row(names);
        t
    }

    fn text(&self, s: &str) -> String {
        let mut chars = s.chars();
        let risky = match chars.next() {
            Some('=' | '+' | '@' | '\t' | '\r') => true,
            Some('-') => chars
                .next()
                .is_some_and(|c| !c.is_ascii_digit() && c != ' '),
            _ => false,
        };
        if risky {
            format!("'{s}")
        } else {
            s.to_string()
        }
    }

    fn number(&self, v: Option<f64>) -> String {
        v.map_or(String::new(), |v| decimal(v, self.lang))
    }

    fn row(&mut self, cells: Vec<String>) {
        self.writer
            .write_record(&cells)
            .expect("writing CSV to memory cannot fail");
    }

    fn finish(self) -> String {
        let bytes = self
            .writer
            .into_inner()
            .expect("flushing CSV to memory cannot fail");
        String::from_utf8(bytes).expect("CSV made from Rust strings is UTF-8")
    }
}
