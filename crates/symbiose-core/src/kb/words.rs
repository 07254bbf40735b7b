//! Words of a resource description, as the knowledge base compares them: an offer's label
//! (French, usually) against the MAESTRI exchanges' descriptions (English).
//!
//! A description is folded ([`crate::refdata::text::fold`]), cut into words, stripped of stop
//! words of both languages, reduced to a rough singular, and French waste words are put into
//! the English the exchanges use through a small hand-made lexicon ([`LEXICON`]), so that
//! « Cendres volantes » meets "Fly ash". The lexicon is not evaluated by the cross-validation
//! (whose descriptions are all English); it only lets French labels use what English ones do.

use crate::refdata::text::fold;

/// Words that say nothing about the resource, French and English (folded).
const STOP: &[&str] = &[
    // English
    "the",
    "and",
    "for",
    "from",
    "with",
    "into",
    "other",
    "others",
    "non",
    "not",
    "off",
    "out",
    "its",
    "their",
    "this",
    "that",
    "are",
    "was",
    "were",
    "during",
    "after",
    "before",
    "per",
    "via",
    "all",
    "any",
    "some",
    "such",
    "containing",
    "than",
    "amp",
    // French
    "les",
    "des",
    "une",
    "pour",
    "avec",
    "aux",
    "sur",
    "par",
    "dans",
    "hors",
    "sans",
    "issu",
    "issus",
    "issue",
    "issues",
    "est",
    "sont",
    "ces",
    "cette",
    "autre",
    "autres",
    "leur",
    "leurs",
    "non",
    "tout",
    "tous",
    "toute",
    "toutes",
    "plus",
    "que",
    "qui",
    "dont",
    "chez",
    "entre",
];

/// French (folded, singular) → the English word(s) MAESTRI descriptions use; also a few
/// English spellings brought to one form.
pub const LEXICON: &[(&str, &[&str])] = &[
    // English variants
    ("vapour", &["steam"]),
    ("vapor", &["steam"]),
    ("tire", &["tyre"]),
    ("sulfur", &["sulphur"]),
    ("sulfate", &["sulphate"]),
    ("sulfuric", &["sulphuric"]),
    ("fertilizer", &["fertiliser"]),
    ("demineralized", &["demineralised"]),
    // French waste words
    ("dechet", &["waste"]),
    ("residu", &["residue"]),
    ("rebut", &["scrap"]),
    ("chute", &["scrap"]),
    ("cendre", &["ash"]),
    ("volante", &["fly"]),
    ("mache", &["bottom"]),
    ("machefer", &["bottom", "ash"]),
    ("boue", &["sludge"]),
    ("vapeur", &["steam"]),
    ("chaleur", &["heat"]),
    ("fatale", &["waste"]),
    ("chaud", &["heat"]),
    ("chaude", &["heat"]),
    ("eau", &["water"]),
    ("pluviale", &["rain", "water"]),
    ("usee", &["waste"]),
    ("lavage", &["washing"]),
    ("refroidissement", &["cooling"]),
    ("electricite", &["electricity"]),
    ("gaz", &["gas"]),
    ("fumee", &["flue", "gas"]),
    ("carbonique", &["co2"]),
    ("dioxyde", &["dioxide"]),
    ("carbone", &["carbon"]),
    ("hydrogene", &["hydrogen"]),
    ("soufre", &["sulphur"]),
    ("sulfurique", &["sulphuric"]),
    ("acide", &["acid"]),
    ("soude", &["sodium", "hydroxide"]),
    ("chaux", &["lime"]),
    ("calcaire", &["limestone"]),
    ("gypse", &["gypsum"]),
    ("platre", &["gypsum"]),
    ("laitier", &["slag"]),
    ("scorie", &["slag"]),
    ("sable", &["sand"]),
    ("gravat", &["construction", "demolition"]),
    ("beton", &["concrete"]),
    ("catalyseur", &["catalyst"]),
    ("solvant", &["solvent"]),
    ("huile", &["oil"]),
    ("graisse", &["fat"]),
    ("plastique", &["plastic"]),
    ("carton", &["cardboard"]),
    ("papier", &["paper"]),
    ("journal", &["newspaper"]),
    ("emballage", &["packaging"]),
    ("verre", &["glass"]),
    ("bouteille", &["glass"]),
    ("ferraille", &["scrap", "metal"]),
    ("metal", &["metal"]),
    ("metaux", &["metal"]),
    ("acier", &["steel"]),
    ("cuivre", &["copper"]),
    ("pneu", &["tyre"]),
    ("textile", &["textile"]),
    ("linge", &["linen"]),
    ("jute", &["hessian"]),
    ("sac", &["sack"]),
    ("bois", &["wood"]),
    ("sciure", &["sawdust"]),
    ("copeau", &["wood", "chip"]),
    ("ecorce", &["bark"]),
    ("palette", &["wood", "packaging"]),
    ("biomasse", &["biomass"]),
    ("paille", &["straw"]),
    ("taille", &["pruning"]),
    ("biodechet", &["organic", "food"]),
    ("organique", &["organic"]),
    ("alimentaire", &["food"]),
    ("repas", &["food", "kitchen"]),
    ("cuisine", &["kitchen"]),
    ("pain", &["bread", "food"]),
    ("viennoiserie", &["pastry"]),
    ("invendu", &["food"]),
    ("legume", &["vegetable"]),
    ("epluchure", &["vegetable"]),
    ("marc", &["marc", "pomace"]),
    ("pulpe", &["pulp"]),
    ("dreche", &["spent", "grain"]),
    ("lactoserum", &["whey"]),
    ("sucre", &["sugar"]),
    ("melasse", &["molasses"]),
    ("cafe", &["coffee"]),
    ("pellicule", &["husk"]),
    ("parche", &["husk"]),
    ("coque", &["husk"]),
    ("balle", &["husk"]),
    ("fumier", &["manure"]),
    ("lisier", &["manure"]),
    ("fiente", &["poultry", "dejections"]),
    ("compost", &["compost"]),
    ("agricole", &["agricultural"]),
    ("vert", &["green"]),
    ("culture", &["agricultural"]),
    ("terre", &["soil"]),
    ("pierre", &["stones"]),
    ("poussiere", &["dust"]),
    ("resine", &["resin"]),
    ("alcool", &["alcohol"]),
    ("liqueur", &["liquor"]),
    ("noire", &["black"]),
];

/// A rough singular: `wastes` → `waste`, `ashes` → `ash`, `boxes` → `box`, `cendres` → `cendre`, `eaux` → `eau`;
/// words ending in `ss`, `is` or `us` (`process`, `bois`, `humus`) are left alone.
fn singular(w: &str) -> &str {
    if w.len() <= 3 {
        return w;
    }
    for suffix in ["shes", "xes", "sses"] {
        if w.ends_with(suffix) {
            return &w[..w.len() - 2];
        }
    }
    if w.ends_with("eaux") {
        return &w[..w.len() - 1];
    }
    if w.ends_with('s') && !(w.ends_with("ss") || w.ends_with("is") || w.ends_with("us")) {
        return &w[..w.len() - 1];
    }
    w
}

/// The words of a description that can match another's: folded, stop words out, singular,
/// French waste words in English ([`LEXICON`]); sorted, without duplicates.
pub fn tokens(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut out: Vec<String> = Vec::new();
    for raw in folded.split(|c: char| !c.is_alphanumeric()) {
        if raw.len() < 3 || raw.chars().all(|c| c.is_ascii_digit()) || STOP.contains(&raw) {
            continue;
        }
        let w = singular(raw);
        match LEXICON.iter().find(|(k, _)| *k == w) {
            Some((_, english)) => out.extend(english.iter().map(|e| (*e).to_string())),
            None => out.push(w.to_string()),
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_descriptions_meet() {
        assert_eq!(tokens("Fly ashes"), vec!["ash", "fly"]);
        assert_eq!(tokens("Cendres volantes"), vec!["ash", "fly"]);
        assert_eq!(
            tokens("Sciure et copeaux de bois brut")[..3],
            ["brut", "chip", "sawdust"]
        );
        assert!(tokens("Sciure et copeaux de bois brut").contains(&"wood".to_string()));
        assert_eq!(
            tokens("Eaux de lavage décantées"),
            vec!["decantee", "washing", "water"]
        );
        assert_eq!(
            tokens("Vapour and demineralised water"),
            tokens("steam, demineralized water")
        );
        assert_eq!(tokens("Process wastes"), vec!["process", "waste"]);
        assert!(tokens("Le bois, the wood 2024").iter().all(|w| w == "wood"));
        assert_eq!(
            tokens("Drêches de brasserie"),
            vec!["brasserie", "grain", "spent"]
        );
    }
}
