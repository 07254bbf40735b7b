//! How projects are laid out in browser storage. Pure functions, tested on the host.
//!
//! Each project has two keys: its file envelope (`symbiose.project.<id>`, the same text an
//! export writes, packed, behind a [`Stamp`] line; storage load and import share one path) and a
//! small metadata record (`symbiose.meta.<id>`) so the home view can list projects without
//! parsing every file. Copies kept before a destructive step live in the bin
//! (`symbiose.bin.<entry>`, see [`BinEntry`]) until the user empties it.

use serde::{Deserialize, Serialize};

pub const PROJECT_PREFIX: &str = "symbiose.project.";
pub const META_PREFIX: &str = "symbiose.meta.";
pub const BIN_PREFIX: &str = "symbiose.bin.";
/// The first map's sketch (`map::sketch`): written as the page goes away, removed once the app's
/// map is up. Its name is also in public/first-map.js, which reads it.
pub const SKETCH_KEY: &str = "symbiose.sketch";

pub fn project_key(id: &str) -> String {
    format!("{PROJECT_PREFIX}{id}")
}

pub fn meta_key(id: &str) -> String {
    format!("{META_PREFIX}{id}")
}

pub fn bin_key(entry: &str) -> String {
    format!("{BIN_PREFIX}{entry}")
}

/// The bin entry of a storage key, when the key holds one.
pub fn bin_entry_of(key: &str) -> Option<&str> {
    key.strip_prefix(BIN_PREFIX).filter(|id| !id.is_empty())
}

/// The project id of a storage key, when the key holds a project file.
pub fn project_id_of(key: &str) -> Option<&str> {
    key.strip_prefix(PROJECT_PREFIX).filter(|id| !id.is_empty())
}

/// What the home view shows of a stored project. Only for listing: whether another tab wrote
/// the project is told by the [`Stamp`] inside the project's own value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Meta {
    pub name: String,
    pub actors: usize,
    pub flows: usize,
    pub synergies: usize,
    /// Milliseconds since the epoch of the last save.
    pub saved_at: f64,
    /// A public copy (a company's, opened in the explorer): the home list says so, since it
    /// opens without the facilitator's pages. Absent from metas written before it: `false`.
    pub public_copy: bool,
}

/// Who wrote a stored project last, written on the first line of the stored value itself:
/// `symbiose-r1 <revision> <writer>`. Each tab has its own random writer name, so two saves
/// that raced from the same revision still differ, and a tab that finds any stamp but the one
/// it last read or wrote knows that someone else wrote. Being part of the one value written,
/// it can never be out of step with the project (a separate metadata key could be).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub revision: u64,
    pub writer: String,
}

const STAMP_TAG: &str = "symbiose-r1 ";
/// The longest a readable stamp line is, newline included: the tag, a `u64` revision (20
/// digits), a space and a writer of at most 64 characters.
const STAMP_LINE_MAX: usize = STAMP_TAG.len() + 20 + 1 + 64 + 1;

/// What the first line of a stored value says about who wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StampRead {
    /// A value from a build before stamps: a plain or packed project file.
    None,
    Stamp(Stamp),
    /// The line is there but unreadable: treated as someone else's write, never as none.
    Damaged,
}

impl Stamp {
    /// The stored value: this stamp's line, then the (packed) project file.
    pub fn put_on(&self, body: &str) -> String {
        let mut out = String::with_capacity(body.len() + 48);
        out.push_str(STAMP_TAG);
        out.push_str(&self.revision.to_string());
        out.push(' ');
        out.push_str(&self.writer);
        out.push('\n');
        out.push_str(body);
        out
    }

    /// How much of the start of a stored value [`Stamp::read_head`] needs: the stored value
    /// of a large territory is megabytes, and the autosave only asks who wrote it.
    pub const HEAD: usize = STAMP_LINE_MAX;

    /// The stamp of a stored value from its first [`Stamp::HEAD`] characters (or all of it when
    /// shorter): the same verdict as [`Stamp::read`] on the whole value, since a readable line
    /// fits and any longer first line is damaged either way.
    pub fn read_head(head: &str) -> StampRead {
        Self::read(head).0
    }

    /// The stamp of a stored value and the project file text behind it.
    pub fn read(stored: &str) -> (StampRead, &str) {
        let Some(rest) = stored.strip_prefix(STAMP_TAG) else {
            return (StampRead::None, stored);
        };
        let Some((line, body)) = rest.split_once('\n') else {
            return (StampRead::Damaged, "");
        };
        let parsed = line.split_once(' ').and_then(|(rev, writer)| {
            let ok_writer = !writer.is_empty()
                && writer.len() <= 64
                && writer
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-');
            Some(Stamp {
                revision: rev.parse().ok()?,
                writer: writer.to_string(),
            })
            .filter(|_| ok_writer)
        });
        match parsed {
            Some(s) => (StampRead::Stamp(s), body),
            None => (StampRead::Damaged, body),
        }
    }

    /// The stamp a save writes after `previous` (what this tab last read or wrote).
    pub fn next(previous: &StampRead, writer: &str) -> Stamp {
        let revision = match previous {
            StampRead::Stamp(s) => s.revision + 1,
            StampRead::None | StampRead::Damaged => 1,
        };
        Stamp {
            revision,
            writer: writer.to_string(),
        }
    }
}

/// Why a copy went to the bin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BinReason {
    /// The project was deleted from the home view.
    Deleted,
    /// An imported file replaced the project.
    ReplacedByImport,
    /// A roadmap file replaced the project's roadmap.
    RoadmapImported,
    /// The project was opened in repair mode: the original, before any repair was saved.
    BeforeRepair,
    /// A copy from the bin was restored over the project: what it replaced.
    ReplacedByRestore,
}

/// What the bin shows of an entry. The entry's value is this record as JSON on its first line,
/// then the project's stored value exactly as it was (stamp and packing included): one key,
/// so an entry is never half written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BinEntry {
    pub reason: BinReason,
    /// The project it came from (it may no longer exist).
    pub project: String,
    pub name: String,
    pub actors: usize,
    pub flows: usize,
    /// Milliseconds since the epoch when it was put in the bin.
    pub at: f64,
}

impl BinEntry {
    pub fn pack(&self, stored: &str) -> String {
        let head = serde_json::to_string(self).expect("a bin entry serialises");
        format!("{head}\n{stored}")
    }

    /// The entry and the stored project value it keeps; `None` when the value is not a bin entry
    /// (its first line is unreadable: the bin lists it as such, never drops it).
    pub fn unpack(value: &str) -> Option<(BinEntry, &str)> {
        let (head, stored) = value.split_once('\n')?;
        Some((serde_json::from_str(head).ok()?, stored))
    }
}

/// A storage id for a new project: time-ordered (for any date of this century), with a random tail so two tabs creating a
/// project in the same millisecond do not collide.
pub fn new_project_id(now_ms: f64, random: f64) -> String {
    let tail = (random * 1_679_616.0) as u64; // 36^4
    format!("{}-{}", to_base36(now_ms as u64), to_base36(tail))
}

fn to_base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    if n == 0 {
        return "0".into();
    }
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
    }
    out.reverse();
    String::from_utf8(out).expect("ascii digits")
}

/// A file name for an export: the project's name in lower-case ASCII words, the date, the kind.
pub fn export_file_name(project_name: &str, date_iso: &str, kind: &str) -> String {
    export_file_name_ext(project_name, date_iso, kind, "json")
}

/// Like [`export_file_name`], with another extension (`csv`, `geojson`).
pub fn export_file_name_ext(project_name: &str, date_iso: &str, kind: &str, ext: &str) -> String {
    let folded = symbiose_core::refdata::text::fold(project_name);
    let slug: String = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    let slug = if slug.is_empty() {
        "projet".to_string()
    } else {
        slug
    };
    format!("{slug}-{date_iso}.{kind}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        assert_eq!(project_id_of(&project_key("abc-1")), Some("abc-1"));
        assert_eq!(project_id_of("symbiose.prefs"), None);
        assert_eq!(project_id_of(PROJECT_PREFIX), None);
    }

    #[test]
    fn a_stamp_travels_with_the_value_and_a_damaged_one_is_never_none() {
        let stamp = Stamp {
            revision: 7,
            writer: "mk3-ab12".into(),
        };
        let stored = stamp.put_on("symbiose-z1:AAAA");
        assert_eq!(
            Stamp::read(&stored),
            (StampRead::Stamp(stamp.clone()), "symbiose-z1:AAAA")
        );
        // A value from before stamps: the whole value is the project file.
        assert_eq!(
            Stamp::read("{\"type\":1}"),
            (StampRead::None, "{\"type\":1}")
        );
        for bad in [
            "symbiose-r1 x writer\nbody",
            "symbiose-r1 7\nbody",
            "symbiose-r1 7 <script>\nbody",
            "symbiose-r1 7 w",
        ] {
            assert_eq!(Stamp::read(bad).0, StampRead::Damaged, "{bad}");
        }
        let next = Stamp::next(&StampRead::Stamp(stamp), "tab-b");
        assert_eq!((next.revision, next.writer.as_str()), (8, "tab-b"));
        // Two tabs saving from the same revision write different stamps.
        let seen = StampRead::Stamp(Stamp {
            revision: 3,
            writer: "x".into(),
        });
        assert_ne!(Stamp::next(&seen, "tab-a"), Stamp::next(&seen, "tab-b"));
    }

    #[test]
    fn a_bin_entry_keeps_the_stored_value_exactly() {
        let entry = BinEntry {
            reason: BinReason::Deleted,
            project: "p-1".into(),
            name: "ZA \"Tragone\"\nligne".into(),
            actors: 3,
            flows: 9,
            at: 1.5,
        };
        let stored = "symbiose-r1 2 tab\nsymbiose-z1:AAAA";
        let packed = entry.pack(stored);
        let (back, value) = BinEntry::unpack(&packed).unwrap();
        assert_eq!((back, value), (entry, stored));
        assert!(BinEntry::unpack("pas une entrée").is_none());
    }

    /// The autosave reads only the start of the stored value: its verdict is the whole value's.
    #[test]
    fn the_stamp_read_from_the_head_is_the_whole_value_s() {
        let longest = Stamp {
            revision: u64::MAX,
            writer: "w".repeat(64),
        };
        let body = "symbiose-z1:".to_string() + &"A".repeat(500);
        let mut values = vec![
            longest.put_on(&body),
            Stamp {
                revision: 7,
                writer: "mk3-ab12".into(),
            }
            .put_on(&body),
            body.clone(),
            "{\"type\":1}".to_string(),
            String::new(),
            "symbiose-r1 7 w".to_string(),
            "symbiose-r1 7\nbody".to_string(),
            // A writer one character too long, a revision too large, no newline at all.
            format!("symbiose-r1 7 {}\n{body}", "w".repeat(65)),
            format!("symbiose-r1 {}0 w\n{body}", u64::MAX),
            format!("symbiose-r1 7 {}", "w".repeat(300)),
            format!("symbiose-r1 7 w{}\n{body}", "é".repeat(40)),
        ];
        values.push(values[0][..Stamp::HEAD].to_string());
        for v in &values {
            let head: String = v.chars().take(Stamp::HEAD).collect();
            assert_eq!(Stamp::read_head(&head), Stamp::read(v).0, "{v}");
        }
        assert_eq!(longest.put_on("").len(), Stamp::HEAD);
        assert_eq!(
            Stamp::read_head(&values[0][..Stamp::HEAD]),
            StampRead::Stamp(longest)
        );
    }

    #[test]
    fn bin_keys_round_trip() {
        assert_eq!(bin_entry_of(&bin_key("e-1")), Some("e-1"));
        assert_eq!(bin_entry_of("symbiose.project.x"), None);
        assert_eq!(project_id_of(&bin_key("e-1")), None);
    }

    #[test]
    fn ids_are_distinct_and_ordered_by_time() {
        let a = new_project_id(1_764_000_000_000.0, 0.1);
        let b = new_project_id(1_764_000_000_000.0, 0.2);
        assert_ne!(a, b);
        assert!(
            new_project_id(1_764_000_000_000.0, 0.9) < new_project_id(1_764_000_000_001.0, 0.0)
        );
    }

    #[test]
    fn export_names_are_safe() {
        assert_eq!(
            export_file_name("ZA de Tragone — Biguglia", "2026-11-28", "symbiose"),
            "za-de-tragone-biguglia-2026-11-28.symbiose.json"
        );
        assert_eq!(
            export_file_name("<script>", "2026-11-28", "symbiose"),
            "script-2026-11-28.symbiose.json"
        );
        assert_eq!(
            export_file_name("", "2026-11-28", "questionnaire"),
            "projet-2026-11-28.questionnaire.json"
        );
    }
}
