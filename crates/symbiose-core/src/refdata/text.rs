//! Text folding for search: accents and case ignored, so "dechets bois" finds "déchets de bois".

/// Lower-cases and strips French diacritics; other characters are kept as they are.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'À' | 'Á' | 'Â' | 'Ä' | 'Ã' => out.push('a'),
            'ç' | 'Ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => out.push('i'),
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'Ò' | 'Ó' | 'Ô' | 'Ö' | 'Õ' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => out.push('u'),
            'ÿ' | 'Ÿ' => out.push('y'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            '’' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether every word of `query` (folded) occurs in `haystack` (already folded).
pub fn all_words_in(query_folded: &str, haystack_folded: &str) -> bool {
    query_folded
        .split_whitespace()
        .all(|w| haystack_folded.contains(w))
}

/// A commune as a search sees it (the Corsican table and the national one).
pub(crate) trait Place {
    /// The name folded by [`fold`], hyphens as spaces.
    fn folded_name(&self) -> &str;
    fn insee(&self) -> &str;
    fn postcodes(&self) -> &[String];
    fn population(&self) -> u32;
}

/// Places by name (accents, case and hyphens ignored; names starting with the query first, then
/// the most populated) or, when the query looks like a code (digits, or 2A/2B and digits), by
/// the start of their postcode or INSEE code.
pub(crate) fn find_places<'a, P: Place>(places: &'a [P], query: &str, limit: usize) -> Vec<&'a P> {
    let q = fold(query.trim()).replace('-', " ");
    if q.is_empty() {
        return Vec::new();
    }
    let code = q.len() <= 5
        && q.chars().all(|c| c.is_ascii_alphanumeric())
        && q.chars().any(|c| c.is_ascii_digit());
    let mut hits: Vec<&P> = if code {
        let upper = q.to_ascii_uppercase();
        places
            .iter()
            .filter(|p| {
                p.insee().starts_with(&upper) || p.postcodes().iter().any(|c| c.starts_with(&q))
            })
            .collect()
    } else {
        places
            .iter()
            .filter(|p| all_words_in(&q, p.folded_name()))
            .collect()
    };
    hits.sort_by_key(|p| {
        (
            !p.folded_name().starts_with(&q),
            std::cmp::Reverse(p.population()),
        )
    });
    hits.truncate(limit);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Déchets de BOIS, Œuvre"), "dechets de bois, oeuvre");
        assert!(all_words_in(&fold("bois dechet"), &fold("déchets de bois")));
        assert!(!all_words_in(&fold("verre"), &fold("déchets de bois")));
    }
}
