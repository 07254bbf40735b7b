//! Text decoding for CSV files as French spreadsheets write them: UTF-8 with or without BOM, or
//! Windows-1252 (Excel's "CSV (séparateur : point-virgule)" on Windows).

/// The file's text: UTF-8 when the bytes are UTF-8 (BOM removed), else Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => bytes.iter().map(|&b| cp1252(b)).collect(),
    }
}

/// Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, œ, curly quotes...).
fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// `;` or `,`, whichever the header line holds more of (outside quotes).
pub fn sniff_separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let mut in_quotes = false;
    let (mut semi, mut comma) = (0, 0);
    for c in header.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            ';' if !in_quotes => semi += 1,
            ',' if !in_quotes => comma += 1,
            _ => {}
        }
    }
    if semi >= comma && semi > 0 {
        b';'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_and_cp1252() {
        assert_eq!(decode("\u{feff}nom;siret".as_bytes()), "nom;siret");
        assert_eq!(
            decode(&[b'C', b'a', b'f', 0xE9, b' ', 0x80, b' ', 0x9C]),
            "Café € œ"
        );
        assert_eq!(sniff_separator("nom;siret;naf\n"), b';');
        assert_eq!(sniff_separator("siren,nic,\"a;b\"\n"), b',');
    }
}
