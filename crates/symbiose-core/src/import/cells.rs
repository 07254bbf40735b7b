//! A file's cells read as the model's values, whatever the import: words compared as a person
//! writes them ([`key`], [`pick`]), dates as spreadsheets write them, numbers, and why a cell
//! is refused ([`Refusal`]: its column and what is wrong; the row adds its line).

use crate::model::Date;
use crate::numbers::parse_decimal;
use crate::refdata::text::fold;
use crate::{Bilingual, Lang, bilingual};

/// A word as compared: folded, letters and digits only (`CO₂` is `co2`, `m³` is `m3`), words
/// separated by one space, each word's final plural `s` dropped (not from short words: `gas`).
pub fn key(s: &str) -> String {
    let folded: String = fold(s)
        .chars()
        .map(|c| match c {
            '₂' | '²' => '2',
            '³' => '3',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    folded
        .split_whitespace()
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if w.len() > 3 => stem,
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The variant `cell` names among `variants`, by label, label part, file name or synonym.
pub(crate) fn pick<T: Copy + serde::Serialize>(
    cell: &str,
    variants: &[T],
    label: impl Fn(T, Lang) -> &'static str,
    synonyms: &[(&str, T)],
) -> Option<T> {
    let wanted = key(cell);
    if wanted.is_empty() {
        return None;
    }
    variants
        .iter()
        .copied()
        .find(|&v| {
            [Lang::Fr, Lang::En].into_iter().any(|l| {
                let text = label(v, l);
                key(text) == wanted || text.split(',').any(|part| key(part) == wanted)
            }) || serde_json::to_value(v)
                .ok()
                .and_then(|name| name.as_str().map(key))
                .is_some_and(|name| name == wanted)
        })
        .or_else(|| {
            synonyms
                .iter()
                .find(|(word, _)| key(word) == wanted)
                .map(|&(_, v)| v)
        })
}

/// A date written `YYYY-MM-DD` (as the project file and a workbook's date cells give it),
/// `DD/MM/YYYY` (as French spreadsheets write it; `-` or `.` between the parts too), or an
/// ISO date and time (`2026-03-12T09:30:00`).
pub fn date(cell: &str) -> Option<Date> {
    let cell = cell.trim();
    if let Ok(d) = cell.parse::<Date>() {
        return Some(d);
    }
    if let Some((day, rest)) = cell.get(..10).zip(cell.get(10..))
        && rest.starts_with(['T', ' '])
        && let Ok(d) = day.parse::<Date>()
    {
        return Some(d);
    }
    let parts: Vec<&str> = cell.split(['/', '-', '.']).collect();
    let [d, m, y] = parts[..] else {
        return None;
    };
    if y.len() != 4 || d.is_empty() || d.len() > 2 || m.is_empty() || m.len() > 2 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// Why a cell is refused: its column and what is wrong, without the line (added once).
pub struct Refusal<R>(pub R, pub Bilingual);

pub fn refuse<R>(role: R, message: Bilingual) -> Refusal<R> {
    Refusal(role, message)
}

/// "« x » n'est pas reconnu ; attendu : a, b, c", the accepted words taken from `labels` (the
/// column is named before it).
pub fn unknown(cell: &str, labels: impl Fn(Lang) -> Vec<String>) -> Bilingual {
    Bilingual::from_fn(|l| {
        let choices = labels(l).join(", ");
        bilingual!(
            in l,
            "« {cell} » n'est pas reconnu ; attendu : {choices}",
            "\"{cell}\" is not recognised; expected: {choices}"
        )
    })
}

pub fn labels_of<T: Copy>(
    variants: &[T],
    label: fn(T, Lang) -> &'static str,
) -> impl Fn(Lang) -> Vec<String> {
    move |l| {
        variants
            .iter()
            .map(|&v| label(v, l).to_lowercase())
            .collect()
    }
}

pub fn not_a_number(cell: &str, example: &str) -> Bilingual {
    let english = example.replace(',', ".");
    bilingual!(
        |l| "« {cell} » n'est pas un nombre (ex. {example})",
        "\"{cell}\" is not a number (e.g. {english})"
    )
}

/// An optional number cell; a euro sign is allowed (`15 €`).
pub fn number<R>(cell: &str, role: R, example: &str) -> Result<Option<f64>, Refusal<R>> {
    let bare = cell.replace('€', "");
    if bare.trim().is_empty() {
        return Ok(None);
    }
    parse_decimal(&bare)
        .map(Some)
        .ok_or_else(|| refuse(role, not_a_number(cell, example)))
}

/// An optional cell of a closed list.
pub fn optional<T, R>(
    cell: &str,
    read: impl Fn(&str) -> Option<T>,
    role: R,
    labels: impl Fn(Lang) -> Vec<String>,
) -> Result<Option<T>, Refusal<R>> {
    if cell.is_empty() {
        return Ok(None);
    }
    read(cell)
        .map(Some)
        .ok_or_else(|| refuse(role, unknown(cell, labels)))
}
