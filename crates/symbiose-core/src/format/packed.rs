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
use miniz_oxide::deflate::core::{
    CompressorOxide, TDEFLFlush, TDEFLStatus, compress, create_comp_flags_from_zip_params,
};

use super::{LoadError, MAX_BYTES};

const MARKER: &str = "symbiose-z1:";
/// Level 1 of 10: most of the size gain for a fraction of the time (an autosave runs on the
/// page's only thread).
const LEVEL: u8 = 1;

/// The stored form of a project file's text.
pub fn pack(file_text: &str) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(file_text.as_bytes(), LEVEL);
    with_marker(&deflated)
}

fn with_marker(deflated: &[u8]) -> String {
    let mut out = String::with_capacity(MARKER.len() + deflated.len().div_ceil(3) * 4);
    out.push_str(MARKER);
    STANDARD.encode_string(deflated, &mut out);
    out
}

/// The stored form of the file `write` writes, deflated as it is written: the file's text is
/// never held whole (20 MB for 5,000 companies, which stayed in the page's memory as its peak
/// after every autosave). Unpacks like [`pack`]'s.
pub fn pack_written(write: impl FnOnce(&mut dyn std::io::Write)) -> String {
    let mut packing = Packing::new();
    write(&mut packing);
    packing.finish()
}

/// A stored value being written: what is pushed is deflated as it comes (see [`pack_written`]).
pub struct Packing(std::io::BufWriter<Deflating>);

impl Packing {
    pub fn new() -> Self {
        // Many small writes (a JSON token each) go to the compressor in blocks.
        Self(std::io::BufWriter::with_capacity(BLOCK, Deflating::new()))
    }

    pub fn push(&mut self, bytes: &[u8]) {
        use std::io::Write;
        self.0
            .write_all(bytes)
            .unwrap_or_else(|_| unreachable!("writing to memory does not fail"));
    }

    /// The stored value: the stream closed, behind its marker.
    pub fn finish(self) -> String {
        let deflating = self
            .0
            .into_inner()
            .unwrap_or_else(|_| unreachable!("writing to memory does not fail"));
        with_marker(&deflating.finish())
    }
}

impl Default for Packing {
    fn default() -> Self {
        Self::new()
    }
}

impl std::io::Write for Packing {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.push(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const BLOCK: usize = 64 * 1024;

/// A raw DEFLATE stream at [`LEVEL`] into memory, as `compress_to_vec` writes it at once.
struct Deflating {
    compressor: Box<CompressorOxide>,
    scratch: Vec<u8>,
    out: Vec<u8>,
}

impl Deflating {
    fn new() -> Self {
        let flags = create_comp_flags_from_zip_params(LEVEL.into(), 0, 0);
        Self {
            compressor: Box::new(CompressorOxide::new(flags)),
            scratch: vec![0; BLOCK],
            out: Vec::new(),
        }
    }

    /// Feeds `input` (all of it) with `flush`; with `Finish`, until the stream is closed.
    fn feed(&mut self, mut input: &[u8], flush: TDEFLFlush) {
        loop {
            let (status, used, written) =
                compress(&mut self.compressor, input, &mut self.scratch, flush);
            self.out.extend_from_slice(&self.scratch[..written]);
            input = &input[used..];
            match status {
                TDEFLStatus::Done => return,
                TDEFLStatus::Okay if input.is_empty() && flush != TDEFLFlush::Finish => return,
                TDEFLStatus::Okay => {}
                // Only a bad parameter or a stream used after its end give these.
                _ => unreachable!("deflate refused its input: {status:?}"),
            }
        }
    }

    fn finish(mut self) -> Vec<u8> {
        self.feed(&[], TDEFLFlush::Finish);
        self.out
    }
}

impl std::io::Write for Deflating {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.feed(bytes, TDEFLFlush::None);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
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
    fn a_project_packed_as_it_is_written_unpacks_to_its_file() {
        for p in [
            crate::demo::project(),
            crate::detect::synthetic::territory(400, 8),
        ] {
            let text = save_project(&p, false);
            let packed = pack_written(|w| crate::format::write_project(w, &p));
            assert!(packed.starts_with(MARKER));
            assert!(packed.len() * 3 < text.len());
            assert_eq!(unpack(&packed).unwrap(), text);
        }
        // Nothing written: an empty stream, still a valid one.
        assert_eq!(unpack(&pack_written(|_| {})).unwrap(), "");
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
