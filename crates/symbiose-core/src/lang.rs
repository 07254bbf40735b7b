//! The two languages of the app. The core needs them too: proposals, validation messages and
//! reports are written here, in words a workshop can read.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Picks the French or the English text.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// A text in both languages, for messages built in the core.
///
/// Build one with the same code for both languages, so they cannot drift apart in what they
/// say (a part added to one and forgotten in the other, a number rounded in one only): the
/// [`bilingual!`](crate::bilingual) macro for one sentence, [`Bilingual::from_fn`] for a text
/// made in steps. Only the words differ, through the two format strings or `lang.pick`.
/// [`Bilingual::new`] stays for a pair of plain literals (`"Oui"`, `"Yes"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bilingual {
    pub fr: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The text built by `text` in each language: it runs once with [`Lang::Fr`], once with
    /// [`Lang::En`]. For a text made in several steps (optional parts, a branch per case): the
    /// steps and the branching are written once, and only the words depend on the language.
    pub fn from_fn<S: Into<String>>(mut text: impl FnMut(Lang) -> S) -> Self {
        Self {
            fr: text(Lang::Fr).into(),
            en: text(Lang::En).into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.fr, &self.en)
    }
}

/// An error a user can read. Its `Display` stays English, for developers, logs and tests; its
/// `message` is what a screen shows, in each language, whole: a text is never made of both
/// languages joined by " / " (cutting such a text at " / " garbles an id that holds one).
///
/// Every error type a user may see implements it, in the core and in the app alike, so a
/// caller has one way to show any of them: `e.message_in(lang)`.
pub trait UserMessage: std::fmt::Display {
    /// What the user reads, in both languages.
    fn message(&self) -> Bilingual;

    /// What the user reads, in `lang`.
    fn message_in(&self, lang: Lang) -> String {
        self.message().get(lang).to_string()
    }
}

/// One sentence in both languages from one list of arguments:
///
/// ```
/// use symbiose_core::{Lang, bilingual, numbers::{Precision::Reading, number}};
/// let net = 1234.5;
/// let text = bilingual!(|l| "Gain net estimé : {} €/an", "Estimated net gain: {} €/yr", number(net, l, Reading));
/// assert_eq!(text.get(Lang::En), "Estimated net gain: 1,234 €/yr");
/// // Inside a `Bilingual::from_fn` closure, the same sentence in the language at hand:
/// let lang = Lang::Fr;
/// let part: String = bilingual!(in lang, "{} jours", "{} days", 3);
/// assert_eq!(part, "3 jours");
/// ```
///
/// The arguments are evaluated once per language with the caller's identifier (`l` here)
/// bound to that language, so an argument that depends on the language (a number's decimal
/// mark, a label) is written once instead of once per language. The identifier is the
/// caller's, not the macro's: macro hygiene would hide a name the macro chose from the
/// arguments. The format strings may also name variables in scope (`{offer_c}`).
///
/// The `in lang` form formats in one language only, for a text built step by step in
/// [`Bilingual::from_fn`](crate::Bilingual::from_fn).
#[macro_export]
macro_rules! bilingual {
    (|$lang:ident| $fr:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        $crate::Bilingual::from_fn(|$lang: $crate::Lang| {
            $crate::bilingual!(in $lang, $fr, $en $(, $arg)*)
        })
    };
    (in $lang:expr, $fr:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::Lang::Fr => format!($fr $(, $arg)*),
            $crate::Lang::En => format!($en $(, $arg)*),
        }
    };
}

/// Declares a closed enum's French and English labels next to each other, so a new variant
/// cannot ship without both.
#[macro_export]
macro_rules! labels {
    ($ty:ty { $($variant:ident => $fr:literal, $en:literal;)+ }) => {
        impl $ty {
            /// Every variant, in the order of its labels. The `match` of `label` is exhaustive,
            /// so a new variant cannot compile without a label, and is then in this list too:
            /// a dropdown built from it never misses one.
            pub const VARIANTS: &'static [Self] = &[$(Self::$variant),+];

            pub fn label(self, lang: $crate::Lang) -> &'static str {
                match self {
                    $(Self::$variant => lang.pick($fr, $en),)+
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::model::{BarrierKind, Family, IndicatorKind, ResourceCategory, Stage};

    /// The hand-ordered `ALL` lists (their order is the one shown) hold every variant: the
    /// same set as the labels' exhaustive list.
    #[test]
    fn hand_ordered_lists_hold_every_variant() {
        fn same<T: PartialEq + std::fmt::Debug>(all: &[T], variants: &[T]) {
            assert_eq!(all.len(), variants.len(), "{all:?}");
            assert!(variants.iter().all(|v| all.contains(v)), "{all:?}");
        }
        same(&Stage::ALL, Stage::VARIANTS);
        same(&BarrierKind::ALL, BarrierKind::VARIANTS);
        same(&IndicatorKind::ALL, IndicatorKind::VARIANTS);
        same(&Family::ALL, Family::VARIANTS);
        same(&ResourceCategory::ALL, ResourceCategory::VARIANTS);
    }
}
