//! Reading the JSON of any Symbiose file (project, questionnaire, roadmap) into a value, strictly.
//!
//! serde_json's own `Value` keeps the last of two equal keys in an object, while other readers
//! keep the first: the same file would then mean one thing here and another in a spreadsheet
//! macro or a script. A duplicated key is refused instead, with its place. Depth is bounded by
//! serde_json (128 levels), and `NaN`, `Infinity` or a number beyond `f64` (`1e400`) are not
//! JSON: each is refused with the line and column, and the message says which of these it was.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::{Bilingual, Lang, UserMessage};

/// Where and why a text is not JSON this app reads.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonFault {
    pub line: usize,
    pub column: usize,
    pub kind: FaultKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FaultKind {
    /// Truncated, a stray character, `NaN` or `Infinity`, an unclosed string…
    Syntax,
    /// The same key twice in one object.
    DuplicateKey(String),
    /// More than 128 nested arrays or objects.
    TooDeep,
    /// A number beyond what a 64-bit float holds (`1e400`).
    NumberTooLarge,
}

/// For developers and logs: the English message.
impl fmt::Display for JsonFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_in(Lang::En))
    }
}

impl UserMessage for JsonFault {
    fn message(&self) -> Bilingual {
        Bilingual::from_fn(|lang| self.in_lang(lang))
    }
}

impl JsonFault {
    fn in_lang(&self, lang: Lang) -> String {
        let (line, column) = (self.line, self.column);
        let why = match (&self.kind, lang) {
            (FaultKind::Syntax, Lang::Fr) => "erreur de syntaxe".to_string(),
            (FaultKind::Syntax, Lang::En) => "syntax error".to_string(),
            (FaultKind::DuplicateKey(key), Lang::Fr) => {
                format!("la clé « {key} » apparaît deux fois dans le même objet")
            }
            (FaultKind::DuplicateKey(key), Lang::En) => {
                format!("the key \"{key}\" appears twice in the same object")
            }
            (FaultKind::TooDeep, Lang::Fr) => "plus de 128 niveaux imbriqués".to_string(),
            (FaultKind::TooDeep, Lang::En) => "more than 128 nested levels".to_string(),
            (FaultKind::NumberTooLarge, Lang::Fr) => "nombre trop grand".to_string(),
            (FaultKind::NumberTooLarge, Lang::En) => "number too large".to_string(),
        };
        crate::bilingual!(in lang,
            "Le fichier n'est pas du JSON valide : {why}, ligne {line}, colonne {column}. Le fichier est peut-être tronqué ou a été modifié à la main.",
            "The file is not valid JSON: {why} at line {line}, column {column}. It may be truncated or edited by hand."
        )
    }
}

/// Parses `text` into a value, refusing duplicated keys.
pub(crate) fn parse(text: &str) -> Result<Value, JsonFault> {
    serde_json::from_str::<Strict>(text)
        .map(|s| s.0)
        .map_err(|e| {
            // serde_json names its error codes only in their text; these are stable since 1.0.
            let detail = e.to_string();
            let kind = if let Some(key) = detail
                .strip_prefix(DUPLICATE)
                .and_then(|rest| rest.split('\u{1f}').next())
            {
                FaultKind::DuplicateKey(key.to_string())
            } else if detail.starts_with("recursion limit exceeded") {
                FaultKind::TooDeep
            } else if detail.starts_with("number out of range") {
                FaultKind::NumberTooLarge
            } else {
                FaultKind::Syntax
            };
            JsonFault {
                line: e.line(),
                column: e.column(),
                kind,
            }
        })
}

/// Our own error text, delimited so that a key holding any character reads back whole.
const DUPLICATE: &str = "symbiose duplicate key\u{1f}";

struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        // serde_json never hands a non-finite number over; kept total all the same.
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number out of range"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format!("{DUPLICATE}{key}\u{1f}")));
            }
            let Strict(value) = map.next_value()?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fault(text: &str) -> JsonFault {
        parse(text).expect_err(text)
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a": [1, -2, 3.5, 1e300, true, null, "é\"x"], "b": {"c": {}}}"#;
        assert_eq!(
            parse(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
    }

    #[test]
    fn a_duplicated_key_is_refused_with_its_place() {
        let f = fault("{\"name\": \"A\",\n \"name\": \"B\"}");
        assert_eq!(f.kind, FaultKind::DuplicateKey("name".into()));
        assert_eq!(f.line, 2);
        assert!(
            f.message_in(Lang::Fr)
                .contains("la clé « name » apparaît deux fois")
        );
        // A key holding quotes, a colon and a newline reads back whole.
        let f = fault(r#"{"x": {"a\": \nb": 1, "a\": \nb": 2}}"#);
        assert_eq!(f.kind, FaultKind::DuplicateKey("a\": \nb".into()));
        // Equal keys in different objects are fine.
        assert!(parse(r#"[{"a": 1}, {"a": 2}]"#).is_ok());
    }

    #[test]
    fn depth_non_finite_and_huge_numbers_are_named() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(fault(&deep).kind, FaultKind::TooDeep);
        assert!(parse(&format!("{}{}", "[".repeat(100), "]".repeat(100))).is_ok());
        assert_eq!(fault("[1e400]").kind, FaultKind::NumberTooLarge);
        assert_eq!(fault("[-1e400]").kind, FaultKind::NumberTooLarge);
        assert_eq!(fault("[NaN]").kind, FaultKind::Syntax);
        assert_eq!(fault("[Infinity]").kind, FaultKind::Syntax);
        let f = fault("[1,\n 2,\n NaN]");
        assert_eq!((f.line, f.column), (3, 2));
        assert!(f.message_in(Lang::En).contains("line 3, column 2"));
    }
}
