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

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.fr, &self.en)
    }
}

/// Declares a closed enum's French and English labels next to each other, so a new variant
/// cannot ship without both.
#[macro_export]
macro_rules! labels {
    ($ty:ty { $($variant:ident => $fr:literal, $en:literal;)+ }) => {
        impl $ty {
            pub fn label(self, lang: $crate::Lang) -> &'static str {
                match self {
                    $(Self::$variant => lang.pick($fr, $en),)+
                }
            }
        }
    };
}
