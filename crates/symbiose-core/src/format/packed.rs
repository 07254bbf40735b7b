//! The compressed form of a project in browser storage.
//!
//! localStorage holds about five million characters per site in Chromium. A territory of 2,000
//! companies with ten flows each is an 8 MB project file, so the browser stores the same file
//! deflated and written in base64 behind a marker: `symbiose-z1:<base64>`. Synthetic
//! territories shrink about tenfold; real ones, with free text, less.
//!
//! [`unpack`] gives back the project file text, which then goes through
//! [`super::load_project`] like an import. A stored text without the marker is a plain project
//! file (what earlier builds stored) and passes through unchanged. Exports stay plain JSON.

use std::borrow::Cow;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::{LoadError, MAX_BYTES};

const MARKER: &str = "symbiose-z1:";
/// Level 1 of 10: most of the size gain for a fraction of the time (an autosave runs on the
/// page's only thread).
const LEVEL: u8 = 1;

/// The stored form of a project file's text.
pub fn pack(file_text: &str) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(file_text.as_bytes(), LEVEL);
    let mut out = String::with_capacity(MARKER.len() + deflated.len().div_ceil(3) * 4);
    out.push_str(MARKER);
    STANDARD.encode_string(&deflated, &mut out);
    out
}

/// The project file text of a stored value (packed or plain).
pub fn unpack(stored: &str) -> Result<Cow<'_, str>, LoadError> {
    let Some(body) = stored.strip_prefix(MARKER) else {
        return Ok(Cow::Borrowed(stored));
    };
    let damaged = |detail: &str| LoadError::Damaged {
        detail: detail.to_string(),
    };
    let deflated = STANDARD
        .decode(body.trim_end())
        .map_err(|_| damaged("base64"))?;
    // A bomb cannot expand past the size any file may have.
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_BYTES)
        .map_err(|_| damaged("deflate"))?;
    String::from_utf8(bytes)
        .map(Cow::Owned)
        .map_err(|_| damaged("UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::UserMessage;
    use crate::format::{load_project, save_project};

    #[test]
    fn a_packed_project_unpacks_to_the_same_file() {
        let p = crate::demo::project();
        let text = save_project(&p, false);
        let packed = pack(&text);
        assert!(packed.starts_with(MARKER));
        assert!(
            packed.len() * 3 < text.len(),
            "{} vs {}",
            packed.len(),
            text.len()
        );
        assert_eq!(unpack(&packed).unwrap(), text);
        assert_eq!(load_project(&unpack(&packed).unwrap()).unwrap().value, p);
    }

    #[test]
    fn plain_text_passes_through() {
        let text = save_project(&crate::demo::project(), false);
        assert!(matches!(unpack(&text).unwrap(), Cow::Borrowed(_)));
    }

    #[test]
    fn damage_is_named_not_a_panic() {
        let packed = pack(&save_project(&crate::demo::project(), false));
        let cut = &packed[..packed.len() / 2];
        assert!(matches!(unpack(cut), Err(LoadError::Damaged { .. })));
        assert!(matches!(
            unpack("symbiose-z1:@@@"),
            Err(LoadError::Damaged { .. })
        ));
        let not_utf8 = format!(
            "{MARKER}{}",
            STANDARD.encode(miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe], 1))
        );
        let err = unpack(&not_utf8).unwrap_err();
        assert!(err.message_in(crate::Lang::Fr).contains("endommagée"));
    }

    #[test]
    fn a_bomb_stops_at_the_size_limit() {
        let zeros = vec![b' '; MAX_BYTES + 1];
        let packed = format!(
            "{MARKER}{}",
            STANDARD.encode(miniz_oxide::deflate::compress_to_vec(&zeros, 6))
        );
        assert!(matches!(unpack(&packed), Err(LoadError::Damaged { .. })));
    }
}
