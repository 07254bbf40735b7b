//! A map background that works with no network (issue 17): a PMTiles extract of the territory, a
//! single file of vector tiles cut from an OpenStreetMap-based build with the `pmtiles` tool
//! (README). The browser draws it (protomaps-leaflet, vendored); this module reads the file's
//! header before the app keeps it, so that a wrong or damaged file is refused with a reason the
//! user can act on instead of drawing an empty map, and says whether it covers the zone.
//!
//! The header is the 127 bytes that start a PMTiles version 3 file (little-endian), see
//! <https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md>.

use crate::model::Position;
use crate::{Bilingual, Lang, bilingual};

/// How many bytes the header takes: what to read first from a file.
pub const HEADER_LEN: usize = 127;

/// How tiles and directories are compressed. The browser's reader knows `None` and `Gzip` only
/// (Brotli and Zstandard would need decoders the app does not carry).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    Unknown,
    None,
    Gzip,
    Brotli,
    Zstd,
}

impl Compression {
    fn from_byte(b: u8) -> Option<Self> {
        Some(match b {
            0 => Self::Unknown,
            1 => Self::None,
            2 => Self::Gzip,
            3 => Self::Brotli,
            4 => Self::Zstd,
            _ => return None,
        })
    }

    fn readable(self) -> bool {
        matches!(self, Self::None | Self::Gzip)
    }

    fn name(self) -> &'static str {
        match self {
            Self::Unknown => "?",
            Self::None => "none",
            Self::Gzip => "gzip",
            Self::Brotli => "brotli",
            Self::Zstd => "zstd",
        }
    }
}

/// What a usable background file says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub min_zoom: u8,
    pub max_zoom: u8,
    /// South-west and north-east corners of the area the tiles cover.
    pub south_west: Position,
    pub north_east: Position,
    /// Tiles the file addresses (0 when the tool that wrote it did not count them).
    pub tiles: u64,
    pub tile_compression: Compression,
    /// The file's length that its directories and tiles need: a shorter file was cut short.
    pub needed_len: u64,
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"))
}

fn degrees_at(b: &[u8], at: usize) -> f64 {
    f64::from(i32::from_le_bytes(
        b[at..at + 4].try_into().expect("four bytes"),
    )) / 1e7
}

impl Header {
    /// Reads the header from the file's first bytes (at least [`HEADER_LEN`]) and checks it
    /// against the file's whole length. Every refusal says what is wrong and what to do.
    pub fn read(start: &[u8], file_len: u64) -> Result<Header, Bilingual> {
        if start.len() < HEADER_LEN || file_len < HEADER_LEN as u64 {
            return Err(bilingual!(
                |lang| "ce fichier ({file_len} octets) est trop court pour être un fond PMTiles",
                "this file ({file_len} bytes) is too short to be a PMTiles background"
            ));
        }
        if &start[..7] != b"PMTiles" {
            if &start[..2] == b"PM" {
                return Err(bilingual!(
                    |lang| "ce fichier est un PMTiles de version 2 : convertissez-le avec « pmtiles convert » (version 3)",
                    "this file is a version 2 PMTiles: convert it with 'pmtiles convert' (version 3)"
                ));
            }
            return Err(bilingual!(
                |lang| "ce fichier n'est pas un fond PMTiles (il ne commence pas par « PMTiles »)",
                "this file is not a PMTiles background (it does not start with 'PMTiles')"
            ));
        }
        let version = start[7];
        if version != 3 {
            return Err(bilingual!(
                |lang| "fond PMTiles de version {version} : seule la version 3 est lue",
                "PMTiles version {version}: only version 3 is read"
            ));
        }
        match start[99] {
            1 => {}
            2..=5 => {
                return Err(bilingual!(
                    |lang| "ce fichier PMTiles contient des images (tuiles raster), pas un fond vectoriel : faites l'extrait depuis un fond vectoriel (README)",
                    "this PMTiles file holds images (raster tiles), not a vector background: cut the extract from a vector build (README)"
                ));
            }
            other => {
                return Err(bilingual!(
                    |lang| "type de tuiles inconnu ({other}) : un fond vectoriel (MVT) est attendu",
                    "unknown tile type ({other}): a vector (MVT) background is expected"
                ));
            }
        }
        let internal = Compression::from_byte(start[97]);
        let tiles = Compression::from_byte(start[98]);
        for c in [internal, tiles] {
            match c {
                Some(c) if c.readable() => {}
                Some(c) => {
                    let name = c.name();
                    return Err(bilingual!(
                        |lang| "ce fond est compressé en « {name} », que le navigateur ne lit pas : refaites l'extrait en gzip (README)",
                        "this background is compressed with '{name}', which the browser cannot read: cut the extract with gzip (README)"
                    ));
                }
                None => {
                    return Err(bilingual!(
                        |lang| "ce fichier PMTiles est endommagé (compression inconnue)",
                        "this PMTiles file is damaged (unknown compression)"
                    ));
                }
            }
        }
        let (min_zoom, max_zoom) = (start[100], start[101]);
        let south_west = Position::new(degrees_at(start, 106), degrees_at(start, 102));
        let north_east = Position::new(degrees_at(start, 114), degrees_at(start, 110));
        let in_range = |p: Position| p.lat.abs() <= 90.0 && p.lon.abs() <= 180.0;
        if min_zoom > max_zoom
            || max_zoom > 30
            || !in_range(south_west)
            || !in_range(north_east)
            || south_west.lat > north_east.lat
            || south_west.lon > north_east.lon
        {
            return Err(bilingual!(
                |lang| "ce fichier PMTiles est endommagé (zooms {min_zoom}–{max_zoom} ou emprise impossibles)",
                "this PMTiles file is damaged (impossible zooms {min_zoom}–{max_zoom} or bounds)"
            ));
        }
        // Root directory, metadata, leaf directories, tile data: each an offset and a length.
        let needed_len = [8, 24, 40, 56]
            .into_iter()
            .map(|at| u64_at(start, at).saturating_add(u64_at(start, at + 8)))
            .max()
            .unwrap_or(0);
        if needed_len > file_len {
            return Err(bilingual!(
                |lang| "ce fichier PMTiles est incomplet : {file_len} octets sur les {needed_len} annoncés (téléchargement interrompu ?)",
                "this PMTiles file is incomplete: {file_len} bytes of the {needed_len} it announces (an interrupted download?)"
            ));
        }
        Ok(Header {
            min_zoom,
            max_zoom,
            south_west,
            north_east,
            tiles: u64_at(start, 72),
            tile_compression: tiles.unwrap_or(Compression::Unknown),
            needed_len,
        })
    }

    /// Whether a place is within the area the tiles cover.
    pub fn covers(&self, p: Position) -> bool {
        (self.south_west.lat..=self.north_east.lat).contains(&p.lat)
            && (self.south_west.lon..=self.north_east.lon).contains(&p.lon)
    }

    /// How many of these places the tiles do not cover: a background of another territory
    /// draws nothing under the zone's companies, which the user should hear at once.
    pub fn outside(&self, places: impl IntoIterator<Item = Position>) -> usize {
        places.into_iter().filter(|p| !self.covers(*p)).count()
    }

    /// What the background covers, for the settings: zooms and corners.
    pub fn describe(&self) -> Bilingual {
        let (min, max) = (self.min_zoom, self.max_zoom);
        Bilingual::from_fn(|lang| {
            // Two decimals (about a kilometre) in the language's decimal mark.
            let deg = |d: f64| {
                let s = format!("{d:.2}");
                match lang {
                    Lang::Fr => s.replace('.', ","),
                    Lang::En => s,
                }
            };
            let (s, w) = (deg(self.south_west.lat), deg(self.south_west.lon));
            let (n, e) = (deg(self.north_east.lat), deg(self.north_east.lon));
            bilingual!(in lang,
                "zooms {min} à {max}, de {s}° N {w}° E à {n}° N {e}° E",
                "zooms {min} to {max}, from {s}° N {w}° E to {n}° N {e}° E")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A version 3 header for the Bastia area, vector tiles in gzip, zooms 0–14, whose
    /// directories and tiles end at byte 10,000.
    fn header() -> Vec<u8> {
        let mut b = vec![0u8; HEADER_LEN];
        b[..7].copy_from_slice(b"PMTiles");
        b[7] = 3;
        let put64 =
            |b: &mut Vec<u8>, at: usize, v: u64| b[at..at + 8].copy_from_slice(&v.to_le_bytes());
        put64(&mut b, 8, 127); // root directory
        put64(&mut b, 16, 200);
        put64(&mut b, 24, 327); // metadata
        put64(&mut b, 32, 100);
        put64(&mut b, 40, 427); // leaf directories
        put64(&mut b, 48, 0);
        put64(&mut b, 56, 427); // tile data
        put64(&mut b, 64, 10_000 - 427);
        put64(&mut b, 72, 42);
        b[97] = 2;
        b[98] = 2;
        b[99] = 1;
        b[100] = 0;
        b[101] = 14;
        let put32 = |b: &mut Vec<u8>, at: usize, deg: f64| {
            b[at..at + 4].copy_from_slice(&((deg * 1e7).round() as i32).to_le_bytes())
        };
        put32(&mut b, 102, 9.30);
        put32(&mut b, 106, 42.55);
        put32(&mut b, 110, 9.55);
        put32(&mut b, 114, 42.80);
        b
    }

    #[test]
    fn a_vector_extract_is_read_with_its_zooms_and_bounds() {
        let h = Header::read(&header(), 10_000).unwrap();
        assert_eq!((h.min_zoom, h.max_zoom, h.tiles), (0, 14, 42));
        assert_eq!(h.tile_compression, Compression::Gzip);
        assert!((h.south_west.lat - 42.55).abs() < 1e-6);
        assert!((h.north_east.lon - 9.55).abs() < 1e-6);
        assert!(h.covers(Position::new(42.70, 9.45)), "Bastia");
        assert!(!h.covers(Position::new(41.92, 8.74)), "Ajaccio");
        assert_eq!(
            h.outside([Position::new(42.70, 9.45), Position::new(41.92, 8.74)]),
            1
        );
        assert_eq!(
            h.describe().en,
            "zooms 0 to 14, from 42.55° N 9.30° E to 42.80° N 9.55° E"
        );
        assert_eq!(
            h.describe().fr,
            "zooms 0 à 14, de 42,55° N 9,30° E à 42,80° N 9,55° E"
        );
    }

    fn refusal(bytes: &[u8], len: u64) -> String {
        let e = Header::read(bytes, len).unwrap_err();
        assert!(!e.en.is_empty());
        e.fr
    }

    #[test]
    fn each_wrong_file_is_refused_with_what_to_do() {
        assert!(refusal(b"PMTiles", 7).contains("trop court"));
        let mut png = vec![0u8; 200];
        png[..4].copy_from_slice(b"\x89PNG");
        assert!(refusal(&png, 200).contains("n'est pas un fond PMTiles"));

        let mut v2 = header();
        v2[..7].copy_from_slice(b"PM\x02\x00xxx");
        assert!(refusal(&v2, 10_000).contains("pmtiles convert"));

        let mut v4 = header();
        v4[7] = 4;
        assert!(refusal(&v4, 10_000).contains("version 4"));

        let mut raster = header();
        raster[99] = 2;
        assert!(refusal(&raster, 10_000).contains("raster"));

        let mut brotli = header();
        brotli[98] = 3;
        assert!(refusal(&brotli, 10_000).contains("« brotli »"));
        let mut zstd = header();
        zstd[97] = 4;
        assert!(refusal(&zstd, 10_000).contains("« zstd »"));

        let mut zooms = header();
        zooms[100] = 15;
        assert!(refusal(&zooms, 10_000).contains("endommagé"));

        let cut = refusal(&header(), 5_000);
        assert!(cut.contains("5000 octets sur les 10000"), "{cut}");
    }

    #[test]
    fn a_file_with_uncompressed_tiles_is_read() {
        let mut b = header();
        b[97] = 1;
        b[98] = 1;
        assert_eq!(
            Header::read(&b, 10_000).unwrap().tile_compression,
            Compression::None
        );
    }
}
