//! The passing messages of the notice banner ("Import done", "Changed in another tab", a refused
//! edit). Kept as what to say, not as text: the banner writes it in the language on screen, so
//! switching language translates a notice already shown.

use symbiose_core::{Bilingual, Lang, UserMessage};

use crate::i18n::{Texts, texts};

#[derive(Clone, Debug)]
pub enum Notice {
    /// One of the UI's texts.
    Text(fn(&Texts) -> &'static str),
    /// A message built with its figures, or an error's message, in both languages.
    Message(Bilingual),
}

impl Notice {
    /// A user-facing error, told in the notice banner.
    pub fn error(e: &impl UserMessage) -> Self {
        Self::Message(e.message())
    }

    /// The notice in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::Text(pick) => pick(texts(lang)).to_string(),
            Self::Message(b) => b.get(lang).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_follows_the_language() {
        let n = Notice::Text(|t| t.files.import_replaced);
        assert_eq!(n.text(Lang::Fr), texts(Lang::Fr).files.import_replaced);
        assert_eq!(n.text(Lang::En), texts(Lang::En).files.import_replaced);
        assert_ne!(n.text(Lang::Fr), n.text(Lang::En));
        let m = Notice::Message(Bilingual::new("deux", "two"));
        assert_eq!(
            (m.text(Lang::Fr), m.text(Lang::En)),
            ("deux".into(), "two".into())
        );
    }
}
