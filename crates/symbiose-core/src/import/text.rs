//! How the bytes of a chosen file become text. There are two rules, one per kind of file, and
//! both are decided here so that they are the same in the app, the command and the tests:
//!
//! - **JSON files** (a project, a questionnaire, a roadmap file) must be UTF-8, as JSON itself
//!   requires (RFC 8259 §8.1) and as Symbiose writes them. Any other byte sequence is refused,
//!   saying where the first bad byte is. It is never replaced by U+FFFD, which would quietly
//!   turn "Café" into "Caf�" in a project that then looks fine and is saved that way.
//! - **Company CSV files** are read as UTF-8 when their bytes are valid UTF-8, and otherwise as
//!   Windows-1252, deliberately: French Excel's "CSV (séparateur : point-virgule)" writes
//!   Windows-1252, and every byte has a meaning there (Latin-1 text reads the same, but for
//!   0x80–0x9F, which Latin-1 text does not use). The choice is returned with the text and
//!   shown in the preview, so the user can see which one was made before anything is added.
//!
//! A UTF-8 byte order mark is accepted and removed in both cases. A UTF-16 file (Windows
//! Notepad's "Unicode") is refused in both cases with its own explanation: read as UTF-8 or
//! Windows-1252 it would be every other byte a NUL.

use crate::{Bilingual, Lang, UserMessage};

const UTF8_BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// Where a file stops being UTF-8 text, for a message the user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotUtf8 {
    /// Offset of the first bad byte from the start of the file (BOM included), from 0.
    pub offset: usize,
    /// Line (from 1) and column (in characters, from 1) of that byte.
    pub line: usize,
    pub column: usize,
    /// The first bad byte itself (0xE9 is "é" in Windows-1252 and Latin-1).
    pub byte: u8,
    /// The file starts with a UTF-16 byte order mark.
    pub utf16: bool,
}

/// For developers and logs: the English message.
impl std::fmt::Display for NotUtf8 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message_in(Lang::En))
    }
}

impl UserMessage for NotUtf8 {
    fn message(&self) -> Bilingual {
        Bilingual::from_fn(|lang| self.in_lang(lang))
    }
}

impl NotUtf8 {
    fn in_lang(&self, lang: Lang) -> String {
        let NotUtf8 {
            offset,
            line,
            column,
            byte,
            utf16,
        } = self;
        match (lang, utf16) {
            (Lang::Fr, true) => "Ce fichier n'est pas du texte UTF-8 : il est en UTF-16 (« Unicode » du Bloc-notes de Windows). Ouvrez-le dans un éditeur de texte, enregistrez-le avec l'encodage UTF-8, puis importez-le à nouveau. Rien n'a été importé.".into(),
            (Lang::En, true) => "This file is not UTF-8 text: it is UTF-16 (Windows Notepad's \"Unicode\"). Open it in a text editor, save it with the UTF-8 encoding, then import it again. Nothing was imported.".into(),
            (Lang::Fr, false) => format!(
                "Ce fichier n'est pas du texte UTF-8 : l'octet 0x{byte:02X} à la position {offset} (ligne {line}, colonne {column}) n'est pas valide en UTF-8 ; le fichier a sans doute été enregistré en Windows-1252 ou Latin-1. Ouvrez-le dans un éditeur de texte, enregistrez-le avec l'encodage UTF-8, puis importez-le à nouveau. Rien n'a été importé."
            ),
            (Lang::En, false) => format!(
                "This file is not UTF-8 text: byte 0x{byte:02X} at offset {offset} (line {line}, column {column}) is not valid UTF-8; the file was probably saved as Windows-1252 or Latin-1. Open it in a text editor, save it with the UTF-8 encoding, then import it again. Nothing was imported."
            ),
        }
    }
}

fn utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// Where `error` sits in `bytes` (which start `skipped` bytes into the file).
fn locate(bytes: &[u8], skipped: usize, valid_up_to: usize) -> NotUtf8 {
    // Everything before the bad byte is valid UTF-8, so lines and characters can be counted.
    let before = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    NotUtf8 {
        offset: skipped + valid_up_to,
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        byte: bytes[valid_up_to],
        utf16: false,
    }
}

/// A file starting with a UTF-16 byte order mark: named as such, since its every other byte
/// is zero and "not UTF-8 at byte 0" would not help anyone.
fn utf16_refusal(bytes: &[u8]) -> Option<NotUtf8> {
    utf16_bom(bytes).then(|| NotUtf8 {
        offset: 0,
        line: 1,
        column: 1,
        byte: bytes[0],
        utf16: true,
    })
}

/// A JSON file's text: strictly UTF-8 (a leading BOM removed), else where it is not. Takes
/// the bytes by value: a 30 MB file is checked in place, not copied.
pub fn utf8_text(mut bytes: Vec<u8>) -> Result<String, NotUtf8> {
    if let Some(refusal) = utf16_refusal(&bytes) {
        return Err(refusal);
    }
    let skipped = if bytes.starts_with(&UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
        UTF8_BOM.len()
    } else {
        0
    };
    String::from_utf8(bytes).map_err(|e| {
        let valid_up_to = e.utf8_error().valid_up_to();
        locate(e.as_bytes(), skipped, valid_up_to)
    })
}

/// The encoding a CSV file was read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Encoding {
    Utf8,
    Windows1252,
}

impl Encoding {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Windows1252 => lang.pick(
                "Windows-1252 (le fichier n'est pas en UTF-8 ; lu comme l'écrit Excel)",
                "Windows-1252 (the file is not UTF-8; read as Excel writes it)",
            ),
        }
    }
}

/// A company CSV file's text and the encoding chosen: UTF-8 when the bytes are UTF-8 (BOM
/// removed), else Windows-1252. Only a UTF-16 file is refused.
pub fn csv_text(bytes: &[u8]) -> Result<(String, Encoding), NotUtf8> {
    if let Some(refusal) = utf16_refusal(bytes) {
        return Err(refusal);
    }
    let bytes = bytes.strip_prefix(&UTF8_BOM).unwrap_or(bytes);
    Ok(match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Encoding::Utf8),
        Err(_) => (
            bytes.iter().map(|&b| cp1252(b)).collect(),
            Encoding::Windows1252,
        ),
    })
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

/// `;` or `,`, whichever the header line holds more of (outside quotes). The header is the
/// first line that holds either: a spreadsheet saved as CSV may start with a title line.
pub fn sniff_separator(text: &str) -> u8 {
    let header = text.lines().find(|l| l.contains([';', ','])).unwrap_or("");
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

/// The line, from 1, where a CSV record starting at a byte offset starts, as an editor shows
/// it. csv's own line numbers run one short in a file with Windows line ends; counting `\n`
/// here gives the editor's. Records come in order, so each byte is counted once over the file.
#[derive(Debug, Default)]
pub struct LineCounter {
    /// The text up to byte `counted.0` holds `counted.1` line ends.
    counted: (usize, usize),
}

impl LineCounter {
    pub fn line_at(&mut self, text: &[u8], byte: u64) -> usize {
        let mut to = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
        // After a CRLF, csv says a record starts at its '\n': no record starts with a line end.
        while to < text.len() && matches!(text[to], b'\r' | b'\n') {
            to += 1;
        }
        let (from, lines) = self.counted;
        if to >= from {
            let more = text[from..to].iter().filter(|&&b| b == b'\n').count();
            self.counted = (to, lines + more);
        } else {
            // Not expected (positions only move forward), but exact all the same.
            let lines = text[..to].iter().filter(|&&b| b == b'\n').count();
            self.counted = (to, lines);
        }
        self.counted.1 + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_text_must_be_utf8_and_says_where_it_is_not() {
        assert_eq!(utf8_text(b"{\"a\": 1}".to_vec()).unwrap(), "{\"a\": 1}");
        assert_eq!(
            utf8_text("\u{feff}{\"nom\": \"Café\"}".as_bytes().to_vec()).unwrap(),
            "{\"nom\": \"Café\"}",
            "a UTF-8 BOM is fine and removed"
        );
        // "Café" saved as Latin-1 on the second line: 0xE9 is the 4th character of line 2.
        let mut latin1 = b"{\n\"Caf".to_vec();
        latin1.extend([0xE9, b'"', b'}']);
        let e = utf8_text(latin1).unwrap_err();
        assert_eq!(
            (e.offset, e.line, e.column, e.byte, e.utf16),
            (6, 2, 5, 0xE9, false)
        );
        let fr = e.message_in(Lang::Fr);
        assert!(fr.contains("pas du texte UTF-8") && fr.contains("0xE9"));
        assert!(fr.contains("position 6 (ligne 2, colonne 5)"), "{fr}");
        assert!(fr.contains("enregistrez-le avec l'encodage UTF-8"));
        let en = e.message_in(Lang::En);
        assert!(en.contains("not UTF-8 text") && en.contains("offset 6 (line 2, column 5)"));
        assert!(en.contains("save it with the UTF-8 encoding") && en.contains("Nothing was"));
    }

    #[test]
    fn offsets_count_the_bom_and_columns_count_characters() {
        // BOM, then "é" (2 bytes in UTF-8), then a lone continuation byte.
        let mut bytes = "\u{feff}é".as_bytes().to_vec();
        bytes.push(0x80);
        let e = utf8_text(bytes).unwrap_err();
        assert_eq!((e.offset, e.line, e.column, e.byte), (5, 1, 2, 0x80));
        // A truncated multi-byte sequence at the very end is refused too.
        let e = utf8_text(vec![b'a', 0xC3]).unwrap_err();
        assert_eq!((e.offset, e.column, e.byte), (1, 2, 0xC3));
    }

    #[test]
    fn utf16_is_named_as_such() {
        let utf16: Vec<u8> = [0xFF, 0xFE, b'{', 0, b'}', 0].to_vec();
        let e = utf8_text(utf16.clone()).unwrap_err();
        assert!(e.utf16 && e.message_in(Lang::Fr).contains("UTF-16"));
        assert!(e.message_in(Lang::En).contains("UTF-16"));
        assert_eq!(csv_text(&utf16).unwrap_err(), e);
    }

    #[test]
    fn csv_reads_utf8_else_windows_1252_and_says_which() {
        assert_eq!(
            csv_text("\u{feff}nom;siret".as_bytes()).unwrap(),
            ("nom;siret".to_string(), Encoding::Utf8)
        );
        assert_eq!(
            csv_text("Café € œ".as_bytes()).unwrap(),
            ("Café € œ".to_string(), Encoding::Utf8)
        );
        assert_eq!(
            csv_text(&[b'C', b'a', b'f', 0xE9, b' ', 0x80, b' ', 0x9C]).unwrap(),
            ("Café € œ".to_string(), Encoding::Windows1252)
        );
        // Latin-1 text is read the same way (it does not use 0x80–0x9F).
        assert_eq!(
            csv_text(&[b'N', 0xEE, b'm', b'e', b's']).unwrap(),
            ("Nîmes".to_string(), Encoding::Windows1252)
        );
        assert!(
            Encoding::Windows1252
                .label(Lang::Fr)
                .contains("Windows-1252")
        );
        assert_eq!(sniff_separator("nom;siret;naf\n"), b';');
        assert_eq!(sniff_separator("siren,nic,\"a;b\"\n"), b',');
        assert_eq!(
            sniff_separator("Inventaire des flux\nsiret;libellé\n"),
            b';'
        );
    }
}
