//! Every UI string, in French first and English second.
//!
//! Each page has its own file; in it, `texts!` keeps a key's French and English on one line,
//! so a translation is never ~400 lines away from its original, and a missing one does not
//! compile. A view reads `t.get().home.new_project`: a field, not a key looked up at run time.
//! Text built in the core (proposal reasons, validation messages) comes as a `Bilingual`.

use leptos::prelude::*;
pub use symbiose_core::Lang;

/// Declares one page's texts: `key: "français", "English";` per line. Generates the struct and
/// its two instances, `FR` and `EN`.
macro_rules! texts {
    ($(#[$doc:meta])* $page:ident { $($key:ident: $fr:literal, $en:literal;)+ }) => {
        $(#[$doc])*
        pub struct $page {
            $(pub $key: &'static str,)+
        }

        impl $page {
            pub const FR: Self = Self { $($key: $fr,)+ };
            pub const EN: Self = Self { $($key: $en,)+ };
        }
    };
}

mod common;
mod company;
mod dashboard;
mod deliverables;
mod explorer;
mod exports;
mod files;
mod pipeline;
mod projects;
mod proposals;
mod roadmap;
mod territory;
mod workspace;

/// Every page's texts in one language.
pub struct Texts {
    pub common: common::Common,
    pub workspace: workspace::Workspace,
    pub projects: projects::Projects,
    pub files: files::Files,
    pub exports: exports::Exports,
    pub explorer: explorer::Explorer,
    pub company: company::Company,
    pub proposals: proposals::Proposals,
    pub pipeline: pipeline::Pipeline,
    pub roadmap: roadmap::Roadmap,
    pub territory: territory::Territory,
    pub dashboard: dashboard::Dashboard,
    pub deliverables: deliverables::Deliverables,
}

static FR: Texts = Texts {
    common: common::Common::FR,
    workspace: workspace::Workspace::FR,
    projects: projects::Projects::FR,
    files: files::Files::FR,
    exports: exports::Exports::FR,
    explorer: explorer::Explorer::FR,
    company: company::Company::FR,
    proposals: proposals::Proposals::FR,
    pipeline: pipeline::Pipeline::FR,
    roadmap: roadmap::Roadmap::FR,
    territory: territory::Territory::FR,
    dashboard: dashboard::Dashboard::FR,
    deliverables: deliverables::Deliverables::FR,
};

static EN: Texts = Texts {
    common: common::Common::EN,
    workspace: workspace::Workspace::EN,
    projects: projects::Projects::EN,
    files: files::Files::EN,
    exports: exports::Exports::EN,
    explorer: explorer::Explorer::EN,
    company: company::Company::EN,
    proposals: proposals::Proposals::EN,
    pipeline: pipeline::Pipeline::EN,
    roadmap: roadmap::Roadmap::EN,
    territory: territory::Territory::EN,
    dashboard: dashboard::Dashboard::EN,
    deliverables: deliverables::Deliverables::EN,
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// The current language, provided once by `App`.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<UiLang>().0
}

/// The texts of the current language, reactive.
pub fn use_texts() -> Signal<&'static Texts> {
    let lang = use_lang();
    Signal::derive(move || texts(lang.get()))
}

/// "1 idée", "0 décision", "3 participants": French keeps the singular for 0 and 1, English
/// for 1 only.
pub fn counted(n: usize, lang: Lang, one: &str, many: &str) -> String {
    format!("{n} {}", if singular(n, lang) { one } else { many })
}

/// Whether `n` takes the singular: in French 0 and 1 ("0 écartée"), in English 1 only.
pub fn singular(n: usize, lang: Lang) -> bool {
    match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn counts_take_each_language_s_singular() {
        use super::{Lang, counted};
        assert_eq!(counted(0, Lang::Fr, "idée", "idées"), "0 idée");
        assert_eq!(counted(1, Lang::Fr, "idée", "idées"), "1 idée");
        assert_eq!(counted(2, Lang::Fr, "idée", "idées"), "2 idées");
        assert_eq!(counted(0, Lang::En, "idea", "ideas"), "0 ideas");
        assert_eq!(counted(1, Lang::En, "idea", "ideas"), "1 idea");
    }

    fn rust_files(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("src is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                // Without whitespace: rustfmt may break `t.page.key` over lines.
                let text = std::fs::read_to_string(&path).expect("source is UTF-8");
                out.push(text.split_whitespace().collect());
            }
        }
    }

    /// Every declared text is read somewhere as `<page>.<key>`: a text no view shows is dead
    /// weight that translators would still keep up to date.
    #[test]
    fn every_text_is_used() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut sources = Vec::new();
        rust_files(&src, &mut sources);
        let mut unused = Vec::new();
        for entry in std::fs::read_dir(src.join("i18n")).expect("i18n is readable") {
            let path = entry.expect("directory entry").path();
            let page = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("file name");
            if page == "mod" {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("page texts");
            for key in text.lines().filter_map(|l| {
                let (key, rest) = l.trim_start().split_once(": \"")?;
                (!rest.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
                .then_some(key)
            }) {
                let read = format!("{page}.{key}");
                if !sources.iter().any(|s| s.contains(&read)) {
                    unused.push(read);
                }
            }
        }
        assert!(unused.is_empty(), "texts never shown: {unused:?}");
    }
}
