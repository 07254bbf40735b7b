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
