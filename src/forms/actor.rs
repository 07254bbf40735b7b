//! The company form: draft, validation, conversion to an `Actor`.

use symbiose_core::UserMessage;
use symbiose_core::refdata::naf;
use symbiose_core::validate::rules;
use symbiose_core::{Actor, HeadcountBand, Position, Siret};

use super::FieldError;
use super::number::parse_optional;
use symbiose_core::Lang;
use symbiose_core::numbers::{Precision::Editing, number};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActorDraft {
    pub name: String,
    pub siret: String,
    pub naf: String,
    pub headcount: Option<HeadcountBand>,
    pub address: String,
    pub commune: String,
    pub lat: String,
    pub lon: String,
    pub contact: String,
    pub tags: String,
    pub notes: String,
}

impl ActorDraft {
    pub fn from_actor(a: &Actor, lang: Lang) -> Self {
        Self {
            name: a.name.clone(),
            siret: a.siret.as_ref().map(|s| s.spaced()).unwrap_or_default(),
            naf: a.naf.clone().unwrap_or_default(),
            headcount: a.headcount,
            address: a.address.clone(),
            commune: a.commune.clone().unwrap_or_default(),
            lat: a
                .position
                .map(|p| number(p.lat, lang, Editing))
                .unwrap_or_default(),
            lon: a
                .position
                .map(|p| number(p.lon, lang, Editing))
                .unwrap_or_default(),
            contact: a.contact.clone(),
            tags: a.tags.join(", "),
            notes: a.notes.clone(),
        }
    }

    /// The actor this draft describes, keeping `base`'s id and anything the form does not show;
    /// or every problem, each tied to its field.
    pub fn to_actor(&self, base: &Actor) -> Result<Actor, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim().to_string();
        let siret = if self.siret.trim().is_empty() {
            None
        } else {
            match Siret::parse(&self.siret) {
                Ok(s) => Some(s),
                Err(e) => {
                    errors.push(FieldError::new(
                        "siret",
                        e.message_in(Lang::Fr),
                        e.message_in(Lang::En),
                    ));
                    None
                }
            }
        };
        let naf_code = self.naf.trim();
        let naf = (!naf_code.is_empty()).then(|| naf::normalise(naf_code));
        let lat = parse_optional(&self.lat);
        let lon = parse_optional(&self.lon);
        let position = match (lat, lon) {
            (Ok(Some(lat)), Ok(Some(lon))) => Some(Position::new(lat, lon)),
            (Ok(None), Ok(None)) => None,
            _ => {
                errors.push(FieldError::new(
                    "position",
                    "Donnez latitude et longitude en degrés décimaux (ex. 42,6166), ou aucune des deux.",
                    "Give both latitude and longitude in decimal degrees (e.g. 42.6166), or neither.",
                ));
                None
            }
        };
        let actor = Actor {
            name,
            siret,
            naf,
            headcount: self.headcount,
            address: self.address.trim().to_string(),
            commune: Some(self.commune.trim().to_string()).filter(|c| !c.is_empty()),
            position,
            contact: self.contact.trim().to_string(),
            tags: self
                .tags
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect(),
            notes: self.notes.clone(),
            ..base.clone()
        };
        // What a company must be (name, position, lengths) is the core's rule, not the form's.
        errors.extend(super::rule_errors(
            |at, r| rules::actor(&actor, at, r),
            &[
                ("name", "name"),
                ("naf", "naf"),
                ("address", "address"),
                ("commune", "commune"),
                ("position", "position"),
                ("contact", "contact"),
                ("tags", "tags"),
            ],
            "form",
        ));
        if errors.is_empty() {
            Ok(actor)
        } else {
            Err(errors)
        }
    }

    /// A warning that does not block saving: an unknown NAF code is kept as typed.
    pub fn naf_warning(&self) -> Option<FieldError> {
        let code = self.naf.trim();
        (!code.is_empty() && naf::lookup(code).is_none()).then(|| {
            FieldError::new(
                "naf",
                format!("Code NAF « {code} » inconnu de la nomenclature rév. 2 : il sera gardé tel quel."),
                format!("NAF code \"{code}\" is not in the rev. 2 classification: it will be kept as typed."),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use symbiose_core::ActorId;

    fn base() -> Actor {
        Actor {
            id: ActorId::new("a-7"),
            name: "Ancien".into(),
            ..Default::default()
        }
    }

    #[test]
    fn valid_draft_becomes_actor_keeping_id() {
        let d = ActorDraft {
            name: " Menuiserie Orsini ".into(),
            siret: "120 027 016 00019".into(),
            naf: "1623z".into(),
            lat: "42,6166".into(),
            lon: "9,4408".into(),
            tags: "bois, , palettes".into(),
            ..Default::default()
        };
        let a = d.to_actor(&base()).unwrap();
        assert_eq!(a.id, ActorId::new("a-7"));
        assert_eq!(a.name, "Menuiserie Orsini");
        assert_eq!(a.naf.as_deref(), Some("16.23Z"));
        assert_eq!(a.siret.unwrap().siren(), "120027016");
        assert_eq!(a.position, Some(Position::new(42.6166, 9.4408)));
        assert_eq!(a.tags, vec!["bois", "palettes"]);
        assert_eq!(
            ActorDraft::from_actor(&d.to_actor(&base()).unwrap(), Lang::Fr).to_actor(&base()),
            d.to_actor(&base())
        );
    }

    #[test]
    fn every_problem_is_reported_by_field() {
        let d = ActorDraft {
            name: "  ".into(),
            siret: "12002701600018".into(),
            lat: "42,6".into(),
            ..Default::default()
        };
        let errors = d.to_actor(&base()).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["siret", "position", "name"]);
        assert!(
            errors[0].message.fr.contains("Luhn"),
            "{}",
            errors[0].message.fr
        );
    }

    #[test]
    fn the_core_rules_decide_what_a_company_may_be() {
        let d = ActorDraft {
            name: "X".into(),
            lat: "42,6".into(),
            lon: "-700".into(),
            tags: "t".repeat(301),
            ..Default::default()
        };
        let errors = d.to_actor(&base()).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["position", "tags"]);
        assert!(errors[0].message.fr.contains("longitude −180 à 180"));
    }

    #[test]
    fn unknown_naf_is_a_warning_not_an_error() {
        let d = ActorDraft {
            name: "X".into(),
            naf: "99.99Q".into(),
            ..Default::default()
        };
        assert!(d.naf_warning().is_some());
        assert_eq!(d.to_actor(&base()).unwrap().naf.as_deref(), Some("99.99Q"));
    }
}
