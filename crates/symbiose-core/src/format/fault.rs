//! What the reader found wrong with one value of a file, in the user's words.
//!
//! serde says it in English with a JSON path beside it: `flows[1].quantity`, "invalid type:
//! string "beaucoup", expected struct Quantity". A facilitator who opens a file a colleague
//! edited by hand reads neither. serde's errors carry no structure, but serde writes them in a
//! handful of shapes (the provided methods of `serde::de::Error`), and our own readers (dates,
//! months) in two more: [`Fault::read`] reads these back, and [`Fault::message_in`] and
//! [`place_in`] write them again in French and English ("flux n° 2 › quantité : on attend une
//! quantité { value, unit, period }, le fichier donne le texte « beaucoup »"). A message of
//! another shape is kept as the reader wrote it. The tests below make each shape from a real
//! bad file, so a change of serde's wording shows there.

use crate::model::{DateError, SiretError};
use crate::{Bilingual, Lang, UserMessage};

/// What was wrong with a value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Fault {
    /// A value of another kind than the field takes, or of the right kind but refused (a
    /// number out of the field's range).
    Expected { found: Found, expected: Expected },
    /// A choice the field does not have (`"tonnes"` for a unit), with those it has.
    UnknownChoice { given: String, allowed: Vec<String> },
    /// A field the record must have.
    Missing(String),
    /// A field the record does not have (a typo, or another program's), with those it has.
    UnknownKey { key: String, allowed: Vec<String> },
    /// A field given twice.
    Repeated(String),
    /// A date not written `YYYY-MM-DD`, or not in the calendar.
    Date(DateError),
    /// A SIRET of the wrong length or check digit.
    Siret(SiretError),
    /// A month number outside 1–12.
    Month(String),
    /// Any other message, as the reader wrote it (English).
    Other(String),
}

/// What the file has where the fault is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Found {
    Text(String),
    Number(String),
    Bool(String),
    Null,
    List,
    Object,
    /// A list of this length where another length is wanted.
    Length(String),
    Other(String),
}

/// What the field takes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Expected {
    Number,
    Whole,
    Text,
    Bool,
    List,
    /// A record: the model's name of it (`Quantity`), named for the reader when known.
    Record(String),
    /// One of a set of values.
    Choice,
    Other(String),
}

impl Fault {
    /// The fault a reader's message says (see the module's comment).
    pub fn read(message: &str) -> Self {
        // A reader of text adds where it stopped: the path says it better.
        let message = message
            .rsplit_once(" at line ")
            .filter(|(_, at)| at.contains(" column "))
            .map_or(message, |(m, _)| m);
        let ticked = |s: &str| -> Option<String> {
            let s = s.strip_prefix('`')?;
            Some(s[..s.find('`')?].to_string())
        };
        if let Some(rest) = message
            .strip_prefix("invalid type: ")
            .or_else(|| message.strip_prefix("invalid value: "))
            && let Some((found, expected)) = rest.split_once(", expected ")
        {
            return Self::Expected {
                found: Found::read(found),
                expected: Expected::read(expected),
            };
        }
        if let Some(rest) = message.strip_prefix("invalid length ")
            && let Some((found, expected)) = rest.split_once(", expected ")
        {
            return Self::Expected {
                found: Found::Length(found.to_string()),
                expected: Expected::read(expected),
            };
        }
        if let Some(rest) = message.strip_prefix("unknown variant ")
            && let Some(given) = ticked(rest)
        {
            return Self::UnknownChoice {
                given,
                allowed: ticked_list(rest.split_once(", ").map_or("", |(_, l)| l)),
            };
        }
        if let Some(rest) = message.strip_prefix("unknown field ")
            && let Some(key) = ticked(rest)
        {
            return Self::UnknownKey {
                key,
                allowed: ticked_list(rest.split_once(", ").map_or("", |(_, l)| l)),
            };
        }
        if let Some(key) = message.strip_prefix("missing field ").and_then(ticked) {
            return Self::Missing(key);
        }
        if let Some(key) = message.strip_prefix("duplicate field ").and_then(ticked) {
            return Self::Repeated(key);
        }
        // Our own readers' messages: `DateError`, `SiretError` and the months' (`Months`).
        let between = |prefix: &str, suffix: &str| {
            message
                .strip_prefix(prefix)
                .and_then(|s| s.strip_suffix(suffix))
                .map(str::to_string)
        };
        if let Some(date) = between("invalid date \"", "\" (expected YYYY-MM-DD)") {
            return Self::Date(DateError(date));
        }
        if let Some(read) = between("a SIRET has 14 digits (read \"", "\")") {
            return Self::Siret(SiretError::Length(read));
        }
        if let Some(siret) = between("SIRET \"", "\": bad check digit (Luhn)") {
            return Self::Siret(SiretError::Checksum(siret));
        }
        if let Some(rest) = message.strip_prefix("mois ")
            && let Some((n, _)) = rest.split_once(" hors de 1–12")
        {
            return Self::Month(n.to_string());
        }
        Self::Other(message.to_string())
    }

    fn in_lang(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Expected { found, expected }, Lang::Fr) => format!(
                "on attend {}, le fichier donne {}",
                expected.words(lang),
                found.words(lang)
            ),
            (Self::Expected { found, expected }, Lang::En) => format!(
                "{} is expected, the file has {}",
                expected.words(lang),
                found.words(lang)
            ),
            (Self::UnknownChoice { given, allowed }, Lang::Fr) => {
                format!(
                    "« {given} » n'est pas une valeur possible{}",
                    listed(allowed, lang)
                )
            }
            (Self::UnknownChoice { given, allowed }, Lang::En) => {
                format!(
                    "\"{given}\" is not a possible value{}",
                    listed(allowed, lang)
                )
            }
            (Self::Missing(key), Lang::Fr) => {
                format!("il manque le champ « {key} »{}", named(key, lang))
            }
            (Self::Missing(key), Lang::En) => {
                format!("the field \"{key}\"{} is missing", named(key, lang))
            }
            (Self::UnknownKey { key, allowed }, Lang::Fr) => format!(
                "Symbiose n'a pas de champ « {key} » à cet endroit{}",
                listed_as(allowed, "champs possibles", lang)
            ),
            (Self::UnknownKey { key, allowed }, Lang::En) => format!(
                "Symbiose has no field \"{key}\" here{}",
                listed_as(allowed, "possible fields", lang)
            ),
            (Self::Repeated(key), Lang::Fr) => format!("le champ « {key} » est donné deux fois"),
            (Self::Repeated(key), Lang::En) => format!("the field \"{key}\" is given twice"),
            (Self::Date(e), _) => e.message_in(lang),
            (Self::Siret(e), _) => e.message_in(lang),
            (Self::Month(n), Lang::Fr) => format!("mois {n} : les mois vont de 1 à 12"),
            (Self::Month(n), Lang::En) => format!("month {n}: months run from 1 to 12"),
            (Self::Other(detail), Lang::Fr) => format!("valeur invalide ({detail})"),
            (Self::Other(detail), Lang::En) => format!("invalid value ({detail})"),
        }
    }
}

/// For developers and logs: the English message.
impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// What is wrong, for a user (the place is said beside it, [`place_in`]).
impl UserMessage for Fault {
    fn message(&self) -> Bilingual {
        Bilingual::from_fn(|lang| self.in_lang(lang))
    }
}

/// The fault of a value at `path` (serde_path_to_error's), and the place to say it at: a field
/// the record does not have is said at its record, since its own name is in the message.
pub(crate) fn read_at(path: &str, message: &str) -> (String, Fault) {
    let fault = Fault::read(message);
    let path = match &fault {
        Fault::UnknownKey { key, .. } => match path.rsplit_once('.') {
            Some((parent, last)) if last == key => parent.to_string(),
            None if path == key => ".".to_string(),
            _ => path.to_string(),
        },
        _ => path.to_string(),
    };
    (path, fault)
}

/// The names between backticks of serde's "one of `a`, `b`" or "`a` or `b`".
fn ticked_list(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// " ; valeurs possibles : a, b, c" (nothing when the list is unknown).
fn listed(allowed: &[String], lang: Lang) -> String {
    listed_as(
        allowed,
        lang.pick("valeurs possibles", "possible values"),
        lang,
    )
}

fn listed_as(allowed: &[String], what: &str, lang: Lang) -> String {
    if allowed.is_empty() {
        return String::new();
    }
    let all = allowed.join(", ");
    match lang {
        Lang::Fr => format!(" ; {what} : {all}"),
        Lang::En => format!("; {what}: {all}"),
    }
}

/// " (quantité)" after a field's key when the reader's word differs from it.
fn named(key: &str, lang: Lang) -> String {
    match key_name(key, lang) {
        Some(name) if name != key => format!(" ({name})"),
        _ => String::new(),
    }
}

impl Found {
    /// What a value of the file is, said as serde would.
    pub fn of(value: &serde_json::Value) -> Self {
        use serde_json::Value;
        match value {
            Value::Null => Self::Null,
            Value::Bool(b) => Self::Bool(b.to_string()),
            Value::Number(n) => Self::Number(n.to_string()),
            Value::String(s) => Self::Text(s.clone()),
            Value::Array(_) => Self::List,
            Value::Object(_) => Self::Object,
        }
    }

    fn read(text: &str) -> Self {
        let ticked = |prefix: &str| {
            text.strip_prefix(prefix)
                .and_then(|s| s.strip_prefix('`'))
                .and_then(|s| s.strip_suffix('`'))
                .map(str::to_string)
        };
        if let Some(s) = text.strip_prefix("string ") {
            // serde quotes the text as Rust would (`{:?}`): the quotes and escapes go.
            let inner = s.strip_prefix('"').and_then(|s| s.strip_suffix('"'));
            return Self::Text(
                inner
                    .unwrap_or(s)
                    .replace("\\\"", "\"")
                    .replace("\\\\", "\\"),
            );
        }
        if let Some(n) = ticked("integer ").or_else(|| ticked("floating point ")) {
            return Self::Number(n);
        }
        if let Some(b) = ticked("boolean ") {
            return Self::Bool(b);
        }
        match text {
            "null" | "unit value" | "Option value" => Self::Null,
            "sequence" => Self::List,
            "map" => Self::Object,
            other => Self::Other(other.to_string()),
        }
    }

    fn words(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Text(s), Lang::Fr) => format!("le texte « {s} »"),
            (Self::Text(s), Lang::En) => format!("the text \"{s}\""),
            (Self::Number(n), Lang::Fr) => format!("le nombre {n}"),
            (Self::Number(n), Lang::En) => format!("the number {n}"),
            (Self::Bool(b), Lang::Fr) => format!("la valeur {b}"),
            (Self::Bool(b), Lang::En) => format!("the value {b}"),
            (Self::Null, Lang::Fr) => "une valeur vide (null)".into(),
            (Self::Null, Lang::En) => "an empty value (null)".into(),
            (Self::List, Lang::Fr) => "une liste [ … ]".into(),
            (Self::List, Lang::En) => "a list [ … ]".into(),
            (Self::Object, Lang::Fr) => "un objet { … }".into(),
            (Self::Object, Lang::En) => "an object { … }".into(),
            (Self::Length(n), Lang::Fr) => format!("une liste de {n} éléments"),
            (Self::Length(n), Lang::En) => format!("a list of {n} items"),
            (Self::Other(s), _) => s.clone(),
        }
    }
}

impl Expected {
    fn read(text: &str) -> Self {
        match text {
            "f64" | "f32" | "a number" => Self::Number,
            "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
                Self::Whole
            }
            "a string" | "a borrowed string" | "a character" => Self::Text,
            "a boolean" => Self::Bool,
            "a sequence" => Self::List,
            "a map" => Self::Record(String::new()),
            "variant identifier" => Self::Choice,
            other => match other
                .strip_prefix("struct ")
                .or_else(|| other.strip_prefix("tuple struct "))
            {
                Some(name) => Self::Record(name.to_string()),
                None if other.starts_with("enum ") => Self::Choice,
                None => Self::Other(other.to_string()),
            },
        }
    }

    fn words(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Number, Lang::Fr) => "un nombre".into(),
            (Self::Number, Lang::En) => "a number".into(),
            (Self::Whole, Lang::Fr) => "un nombre entier".into(),
            (Self::Whole, Lang::En) => "a whole number".into(),
            (Self::Text, Lang::Fr) => "un texte entre guillemets".into(),
            (Self::Text, Lang::En) => "a text in quotes".into(),
            (Self::Bool, Lang::Fr) => "true ou false".into(),
            (Self::Bool, Lang::En) => "true or false".into(),
            (Self::List, Lang::Fr) => "une liste [ … ]".into(),
            (Self::List, Lang::En) => "a list [ … ]".into(),
            (Self::Record(name), _) => record_words(name, lang),
            (Self::Choice, Lang::Fr) => "une des valeurs prévues".into(),
            (Self::Choice, Lang::En) => "a value from its list".into(),
            (Self::Other(s), _) => s.clone(),
        }
    }
}

/// A record the model reads, as the reader knows it, with its main fields.
fn record_words(name: &str, lang: Lang) -> String {
    let (fr, en) = match name {
        "Quantity" => (
            "une quantité { value, unit, period }",
            "a quantity { value, unit, period }",
        ),
        "Position" => ("une position { lat, lon }", "a position { lat, lon }"),
        "Quality" => ("une qualité { state, … }", "a quality { state, … }"),
        "Actor" => (
            "une entreprise { id, name, … }",
            "a company { id, name, … }",
        ),
        "Flow" => ("un flux { id, actor, … }", "a flow { id, actor, … }"),
        "Territory" => ("un territoire { … }", "a territory { … }"),
        _ => ("un objet { … }", "an object { … }"),
    };
    lang.pick(fr, en).to_string()
}

/// A key of the file as the reader knows it (`None` when it has no other name).
pub(crate) fn key_name(key: &str, lang: Lang) -> Option<&'static str> {
    let (fr, en) = match key {
        "id" => ("identifiant", "id"),
        "name" => ("nom", "name"),
        "siret" => ("SIRET", "SIRET"),
        "naf" => ("code NAF", "NAF code"),
        "headcount" => ("effectif", "employees"),
        "address" => ("adresse", "address"),
        "commune" => ("commune", "municipality"),
        "position" => ("position", "position"),
        "lat" => ("latitude", "latitude"),
        "lon" => ("longitude", "longitude"),
        "contact" => ("contact", "contact"),
        "tags" => ("étiquettes", "tags"),
        "notes" => ("notes", "notes"),
        "actor" => ("entreprise", "company"),
        "direction" => ("sens", "direction"),
        "family" => ("famille", "family"),
        "label" => ("description", "description"),
        "category" => ("type de ressource", "resource type"),
        "waste_code" => ("code déchet", "waste code"),
        "quantity" => ("quantité", "quantity"),
        "value" => ("valeur", "value"),
        "unit" => ("unité", "unit"),
        "period" => ("période", "period"),
        "months" => ("mois", "months"),
        "quality" => ("qualité", "quality"),
        "state" => ("état physique", "physical state"),
        "temperature_c" => ("température", "temperature"),
        "purity_percent" => ("pureté", "purity"),
        "contaminants" => ("contaminants", "contaminants"),
        "route" => ("filière actuelle", "current route"),
        "cost_eur_per_unit" => ("coût unitaire", "unit cost"),
        "confidentiality" => ("confidentialité", "confidentiality"),
        "status" => ("statut", "status"),
        "stage" => ("étape", "stage"),
        "title" => ("titre", "title"),
        "date" => ("date", "date"),
        "year" => ("année", "year"),
        "owner" => ("responsable", "owner"),
        "territory" => ("territoire", "territory"),
        "assumptions" => ("hypothèses", "assumptions"),
        _ => return None,
    };
    Some(lang.pick(fr, en))
}

/// A list of the project and the name of one of its records, as the reader knows them.
fn record_name(list: &str, lang: Lang) -> Option<&'static str> {
    let (fr, en) = match list {
        "actors" => ("entreprise", "company"),
        "flows" => ("flux", "flow"),
        "synergies" => ("synergie", "synergy"),
        "actions" => ("action", "action"),
        "targets" => ("objectif", "target"),
        "measurements" => ("mesure", "measurement"),
        "workshops" => ("atelier", "workshop"),
        "activities" => ("activité", "activity"),
        "milestones" => ("jalon", "milestone"),
        "funding" => ("financement", "funding"),
        "history" => ("étape de l'historique", "history step"),
        "communes" => ("commune", "commune"),
        _ => return None,
    };
    Some(lang.pick(fr, en))
}

/// Where a value is, in words: `flows[1].quantity.unit` is "flux n° 2 › quantité › unité"
/// ("flow 2 › quantity › unit"), counted from 1 as a reader counts. The file's own part
/// (`project.`, `questionnaire.`, `roadmap.`) is the whole file, so it is not said. Keys the
/// reader has no other name for are said as they are.
pub fn place_in(path: &str, lang: Lang) -> String {
    let mut words: Vec<String> = Vec::new();
    for (i, segment) in path.split('.').filter(|s| !s.is_empty()).enumerate() {
        let (key, indices) = match segment.find('[') {
            Some(at) => (&segment[..at], &segment[at..]),
            None => (segment, ""),
        };
        if i == 0 && indices.is_empty() && ["project", "questionnaire", "roadmap"].contains(&key) {
            continue;
        }
        let numbers: Vec<usize> = indices
            .split(['[', ']'])
            .filter_map(|n| n.parse::<usize>().ok())
            .collect();
        let number = |n: usize| match lang {
            Lang::Fr => format!("n° {}", n + 1),
            Lang::En => format!("{}", n + 1),
        };
        let name = key_name(key, lang).unwrap_or(key);
        match numbers.split_first() {
            Some((first, rest)) => {
                let record = record_name(key, lang).unwrap_or(name);
                words.push(format!("{record} {}", number(*first)));
                words.extend(rest.iter().map(|n| number(*n)));
            }
            None => words.push(name.to_string()),
        }
    }
    words.join(" › ")
}

/// [`place_in`], and the path itself when the words differ from it, for whoever mends the file
/// in a text editor: "flux n° 2 › quantité (project.flows[1].quantity)".
pub fn place_with_path(path: &str, lang: Lang) -> String {
    let words = place_in(path, lang);
    if words == path || words.is_empty() {
        path.to_string()
    } else {
        format!("{words} ({path})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Flow, Project, Quantity};

    /// The fault serde finds reading `json` as a `T`, at its path.
    fn fault_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> (String, Fault) {
        let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
        let e = serde_path_to_error::deserialize::<_, T>(value).expect_err("a bad value");
        (
            e.path().to_string(),
            Fault::read(&e.into_inner().to_string()),
        )
    }

    fn flow(fields: &str) -> String {
        format!(
            r#"{{"id": "f1", "actor": "a1", "direction": "offer", "family": "waste", "label": "Palettes"{fields}}}"#
        )
    }

    #[test]
    fn a_text_where_a_quantity_goes_is_said_in_words() {
        let (path, fault) = fault_of::<Flow>(&flow(r#", "quantity": "beaucoup""#));
        assert_eq!(path, "quantity");
        assert_eq!(
            fault,
            Fault::Expected {
                found: Found::Text("beaucoup".into()),
                expected: Expected::Record("Quantity".into())
            }
        );
        assert_eq!(
            fault.message_in(Lang::Fr),
            "on attend une quantité { value, unit, period }, le fichier donne le texte « beaucoup »"
        );
        assert_eq!(
            fault.message_in(Lang::En),
            "a quantity { value, unit, period } is expected, the file has the text \"beaucoup\""
        );
    }

    #[test]
    fn each_shape_of_serde_s_messages_is_read() {
        let (path, fault) = fault_of::<Flow>(&flow(
            r#", "quantity": {"value": 3, "unit": "tonnes", "period": "year"}"#,
        ));
        assert_eq!(path, "quantity.unit");
        let Fault::UnknownChoice { given, allowed } = &fault else {
            panic!("{fault:?}")
        };
        assert_eq!(given, "tonnes");
        assert!(
            allowed.contains(&"t".to_string()) && allowed.len() > 3,
            "{allowed:?}"
        );
        assert!(
            fault.message_in(Lang::Fr).starts_with(
                "« tonnes » n'est pas une valeur possible ; valeurs possibles : t, kg"
            ),
            "{}",
            fault.message_in(Lang::Fr)
        );

        let (_, fault) = fault_of::<Flow>(&flow(r#", "qty": 3"#));
        let Fault::UnknownKey { key, allowed } = &fault else {
            panic!("{fault:?}")
        };
        assert_eq!(key, "qty");
        assert!(allowed.contains(&"quantity".to_string()), "{allowed:?}");

        let (path, fault) = fault_of::<Quantity>(r#"{"value": 3, "period": "year"}"#);
        assert_eq!(
            (path.as_str(), &fault),
            (".", &Fault::Missing("unit".into()))
        );
        assert_eq!(
            fault.message_in(Lang::Fr),
            "il manque le champ « unit » (unité)"
        );
        assert_eq!(fault.message_in(Lang::En), "the field \"unit\" is missing");

        let (path, fault) = fault_of::<Flow>(&flow(r#", "months": [1, 13]"#));
        assert_eq!(
            (path.as_str(), &fault),
            ("months", &Fault::Month("13".into()))
        );
        assert_eq!(
            fault.message_in(Lang::Fr),
            "mois 13 : les mois vont de 1 à 12"
        );

        let (_, fault) = fault_of::<Flow>(&flow(r#", "months": [1, 300]"#));
        assert_eq!(
            fault,
            Fault::Expected {
                found: Found::Number("300".into()),
                expected: Expected::Whole
            }
        );

        let (path, fault) = fault_of::<Actor>(r#"{"id": "a1", "name": 12}"#);
        assert_eq!(path, "name");
        assert_eq!(
            fault.message_in(Lang::Fr),
            "on attend un texte entre guillemets, le fichier donne le nombre 12"
        );

        let (_, fault) =
            fault_of::<Actor>(r#"{"id": "a1", "name": "A", "position": {"lat": "45", "lon": 4}}"#);
        assert_eq!(
            fault,
            Fault::Expected {
                found: Found::Text("45".into()),
                expected: Expected::Number
            }
        );

        let (_, fault) = fault_of::<Actor>(r#"{"id": "a1", "name": null}"#);
        assert_eq!(
            fault.message_in(Lang::En),
            "a text in quotes is expected, the file has an empty value (null)"
        );

        let (_, fault) = fault_of::<Project>(r#"{"name": "P", "flows": {"id": "f1"}}"#);
        assert_eq!(
            fault,
            Fault::Expected {
                found: Found::Object,
                expected: Expected::List
            }
        );
    }

    #[test]
    fn a_date_off_the_calendar_is_said_with_the_form_it_takes() {
        let (_, fault) = fault_of::<crate::model::Date>(r#""2026-13-01""#);
        assert_eq!(fault, Fault::Date(DateError("2026-13-01".into())));
        assert!(fault.message_in(Lang::Fr).contains("AAAA-MM-JJ"));
    }

    #[test]
    fn a_siret_s_fault_is_the_siret_s_own_message() {
        let (_, fault) = fault_of::<Actor>(r#"{"id": "a1", "siret": "1234"}"#);
        assert_eq!(fault, Fault::Siret(SiretError::Length("1234".into())));
        let (_, fault) = fault_of::<Actor>(r#"{"id": "a1", "siret": "12002701600018"}"#);
        assert_eq!(
            fault.message_in(Lang::Fr),
            SiretError::Checksum("12002701600018".into()).message_in(Lang::Fr)
        );
    }

    #[test]
    fn text_read_from_a_string_loses_its_position_and_quotes() {
        let e = serde_json::from_str::<crate::model::Quantity>(r#""beau \"coup\"""#).unwrap_err();
        assert!(e.to_string().contains(" at line "), "{e}");
        assert_eq!(
            Fault::read(&e.to_string()),
            Fault::Expected {
                found: Found::Text("beau \"coup\"".into()),
                expected: Expected::Record("Quantity".into())
            }
        );
    }

    #[test]
    fn a_message_of_another_shape_is_kept_as_written() {
        let fault = Fault::read("something else went wrong");
        assert_eq!(fault, Fault::Other("something else went wrong".into()));
        assert_eq!(
            fault.message_in(Lang::Fr),
            "valeur invalide (something else went wrong)"
        );
    }

    #[test]
    fn places_are_said_as_a_reader_counts() {
        assert_eq!(
            place_in("project.flows[1].quantity.unit", Lang::Fr),
            "flux n° 2 › quantité › unité"
        );
        assert_eq!(
            place_in("project.flows[1].quantity.unit", Lang::En),
            "flow 2 › quantity › unit"
        );
        assert_eq!(
            place_in("roadmap.synergies[0].stage", Lang::Fr),
            "synergie n° 1 › étape"
        );
        assert_eq!(place_in("months[3]", Lang::Fr), "mois n° 4");
        assert_eq!(place_in("mystery.thing", Lang::En), "mystery › thing");
        assert_eq!(place_in("", Lang::Fr), "");
    }
}
