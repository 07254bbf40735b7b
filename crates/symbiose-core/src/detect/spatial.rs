//! A uniform grid over latitude and longitude, so neighbours within a radius are found by
//! looking at 3 × 3 cells instead of every point.
//!
//! Cells are at least `radius_km` wide in both directions: their height is radius / 111.2 km
//! per degree of latitude, and their width uses the cosine of the highest latitude present,
//! where a degree of longitude is shortest, so no cell is narrower than the radius anywhere.

use crate::model::{EARTH_RADIUS_KM, Position};

const KM_PER_DEGREE_LAT: f64 = 111.19;

#[derive(Debug, Clone, Copy)]
pub struct Grid {
    cell_lat_deg: f64,
    cell_lon_deg: f64,
}

pub type Cell = (i32, i32);

impl Grid {
    /// A grid for points within `radius_km` of each other, over the given positions.
    pub fn new(radius_km: f64, positions: impl Iterator<Item = Position>) -> Self {
        let max_abs_lat = positions
            .map(|p| p.lat.abs())
            .fold(0.0_f64, f64::max)
            .min(89.0);
        let radius = radius_km.max(0.001);
        let cell_lat_deg = radius / KM_PER_DEGREE_LAT;
        let cell_lon_deg =
            (radius / (KM_PER_DEGREE_LAT * max_abs_lat.to_radians().cos())).min(360.0);
        Self {
            cell_lat_deg,
            cell_lon_deg,
        }
    }

    pub fn cell(&self, p: Position) -> Cell {
        (
            (p.lat / self.cell_lat_deg).floor() as i32,
            (p.lon / self.cell_lon_deg).floor() as i32,
        )
    }

    /// The cell of `p` and its eight neighbours: every point within the radius lies in them.
    /// Its own cell comes first, where the nearest points usually are, so that a search
    /// keeping the best few finds good ones early and can skip more of the rest.
    pub fn neighbourhood(&self, p: Position) -> impl Iterator<Item = Cell> {
        const ORDER: [(i32, i32); 9] = [
            (0, 0),
            (-1, 0),
            (1, 0),
            (0, -1),
            (0, 1),
            (-1, -1),
            (-1, 1),
            (1, -1),
            (1, 1),
        ];
        let (r, c) = self.cell(p);
        ORDER.into_iter().map(move |(dr, dc)| (r + dr, c + dc))
    }
}

/// Bands of latitude, each `radius / BANDS_PER_RADIUS` high, whose points a search reads in
/// longitude order: for a point, each band near enough gets the span of longitudes where a point
/// of the band can be within the radius (from the haversine formula, at the band's nearest
/// latitude and its widest longitude degree). The spans follow the circle, so a search reads
/// about 4 r² of territory instead of the 9 r² of 3 × 3 square cells, and the reach is checked
/// before a point is read.
#[derive(Debug, Clone, Copy)]
pub struct Bands {
    /// A band's height, degrees of latitude.
    height_deg: f64,
    /// The radius as an angle at the centre of the Earth, radians.
    radius_rad: f64,
    /// sin²(radius / 2R), what the haversine of a point within the radius is at most.
    haversine_max: f64,
}

/// How many bands a radius spans: more bands follow the circle more closely and cost a
/// look-up each.
const BANDS_PER_RADIUS: f64 = 4.0;

/// Room for rounding: spans are widened by this (radians), so a point the haversine puts just
/// within the radius is never left out; the exact distance is checked after.
const SPAN_SLACK_RAD: f64 = 1e-7;

/// One band a search reads, and its longitudes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    pub band: i32,
    pub lon_min: f64,
    pub lon_max: f64,
}

impl Bands {
    pub fn new(radius_km: f64) -> Self {
        let radius_rad = radius_km.max(0.001) / EARTH_RADIUS_KM;
        Self {
            height_deg: (radius_rad.to_degrees() / BANDS_PER_RADIUS).max(1e-6),
            radius_rad,
            haversine_max: (radius_rad / 2.0).sin().powi(2),
        }
    }

    pub fn band(&self, lat: f64) -> i32 {
        (lat / self.height_deg).floor() as i32
    }

    /// The place of `p` along a Z-order curve over square cells of a band's height (in
    /// degrees): points sorted by it come cell by cell, each 2 × 2, 4 × 4… block of cells
    /// whole before the next, so that points near each other in the order are near each other
    /// on the map, in both directions (`engine::in_reading_order`).
    pub fn z_order(&self, p: Position) -> u64 {
        // Cells counted from far enough west and south that every valid position's are
        // positive: 2^21 cells of at least 1e-6° each side of zero.
        const ORIGIN: i64 = 1 << 21;
        let cell = |deg: f64| {
            ((deg / self.height_deg).floor() as i64 + ORIGIN).clamp(0, u32::MAX.into()) as u32
        };
        interleave(cell(p.lat)) | (interleave(cell(p.lon)) << 1)
    }

    /// The bands a point within the radius of `p` can be in, its own first and then outwards
    /// (nearest first, so a search keeping the best few finds good ones early), each with the
    /// longitudes it can be at. Every such point lies in a span (test).
    pub fn spans(&self, p: Position) -> impl Iterator<Item = Span> {
        let own = self.band(p.lat);
        let reach = (self.radius_rad.to_degrees() / self.height_deg).ceil() as i32 + 1;
        let lat = p.lat.to_radians();
        let cos_lat = lat.cos();
        let bands = *self;
        (0..=2 * reach).filter_map(move |step| {
            // 0, -1, +1, -2, +2…
            let offset = if step % 2 == 1 {
                -(step + 1) / 2
            } else {
                step / 2
            };
            bands.span(own + offset, p.lon, lat, cos_lat)
        })
    }

    fn span(&self, band: i32, lon: f64, lat: f64, cos_lat: f64) -> Option<Span> {
        let south = (f64::from(band) * self.height_deg).to_radians();
        let north = (f64::from(band + 1) * self.height_deg).to_radians();
        let nearest_dlat = if lat < south {
            south - lat
        } else if lat > north {
            lat - north
        } else {
            0.0
        };
        if nearest_dlat > self.radius_rad + SPAN_SLACK_RAD {
            return None;
        }
        // haversine = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2) ≤ sin²(r/2R): with Δφ at its least
        // and cos φ2 at its least in the band, the largest Δλ a point of the band can have.
        let widest = south
            .abs()
            .max(north.abs())
            .min(std::f64::consts::FRAC_PI_2);
        let room = self.haversine_max - (nearest_dlat / 2.0).sin().powi(2);
        let across = cos_lat * widest.cos();
        let half_sin = if room <= 0.0 {
            0.0
        } else if across <= 0.0 {
            1.0
        } else {
            (room / across).sqrt().min(1.0)
        };
        let dlon = (2.0 * half_sin.asin() + SPAN_SLACK_RAD).to_degrees() * (1.0 + 1e-9);
        Some(Span {
            band,
            lon_min: lon - dlon,
            lon_max: lon + dlon,
        })
    }
}

/// The bits of `x` spread to the even bits of the result (bit i to bit 2i).
fn interleave(x: u32) -> u64 {
    let mut v = u64::from(x);
    v = (v | (v << 16)) & 0x0000_FFFF_0000_FFFF;
    v = (v | (v << 8)) & 0x00FF_00FF_00FF_00FF;
    v = (v | (v << 4)) & 0x0F0F_0F0F_0F0F_0F0F;
    v = (v | (v << 2)) & 0x3333_3333_3333_3333;
    (v | (v << 1)) & 0x5555_5555_5555_5555
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_z_order_keeps_a_block_of_cells_together() {
        let bands = Bands::new(38.5);
        let h = bands.height_deg;
        let key = |row: f64, col: f64| bands.z_order(Position::new(row * h, col * h));
        // Near Lyon, on a block of 2 × 2 cells aligned with the curve's.
        let (row, col) = ((45.75 / h).floor(), (4.85 / h).floor());
        let (row, col) = (row - row.rem_euclid(2.0), col - col.rem_euclid(2.0));
        // A point's key is its cell's, wherever it is in the cell.
        assert_eq!(key(row + 0.1, col + 0.1), key(row + 0.9, col + 0.8));
        // The four cells of the block have four keys that differ only in their two lowest
        // bits: sorted, they come one after the other.
        let keys: Vec<u64> = [(0.5, 0.5), (0.5, 1.5), (1.5, 0.5), (1.5, 1.5)]
            .iter()
            .map(|(dr, dc)| key(row + dr, col + dc))
            .collect();
        assert!(keys.iter().all(|k| k >> 2 == keys[0] >> 2), "{keys:?}");
        let mut distinct = keys.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 4, "{keys:?}");
        // What lies east or north of the block comes after all of it.
        let last = *keys.iter().max().unwrap();
        assert!(key(row + 0.5, col + 2.5) > last && key(row + 2.5, col + 0.5) > last);
        // West of the prime meridian and south of the equator too: keys stay ordered.
        assert!(key(-3.5, -7.5) < key(-3.5, -6.5));
    }

    #[test]
    fn neighbours_within_radius_are_in_the_neighbourhood() {
        let points: Vec<Position> = (0..400)
            .map(|i| Position::new(41.5 + (i % 20) as f64 * 0.05, 8.6 + (i / 20) as f64 * 0.05))
            .collect();
        let grid = Grid::new(7.0, points.iter().copied());
        for a in &points {
            let cells: Vec<Cell> = grid.neighbourhood(*a).collect();
            for b in &points {
                if a.distance_km(b) <= 7.0 {
                    assert!(cells.contains(&grid.cell(*b)), "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn points_within_radius_are_in_a_span() {
        // A dense lattice around mainland France, Corsica's latitude and the far north, where a
        // degree of longitude is short: every pair within the radius is found.
        for (lat0, radius) in [(42.3, 38.5), (46.0, 10.0), (69.5, 50.0), (-21.1, 38.5)] {
            let points: Vec<Position> = (0..900)
                .map(|i| Position::new(lat0 + (i % 30) as f64 * 0.05, 8.6 + (i / 30) as f64 * 0.07))
                .collect();
            let bands = Bands::new(radius);
            let mut near = 0;
            for a in &points {
                let spans: Vec<Span> = bands.spans(*a).collect();
                for b in &points {
                    if a.distance_km(b) <= radius {
                        near += 1;
                        let band = bands.band(b.lat);
                        assert!(
                            spans.iter().any(|s| s.band == band
                                && s.lon_min <= b.lon
                                && b.lon <= s.lon_max),
                            "{a:?} {b:?} {radius}"
                        );
                    }
                }
            }
            assert!(
                near > 900 * 4,
                "the lattice is dense enough to test: {near}"
            );
        }
    }

    #[test]
    fn spans_follow_the_circle_nearest_band_first() {
        let bands = Bands::new(38.5);
        let p = Position::new(42.5, 9.0);
        let spans: Vec<Span> = bands.spans(p).collect();
        assert_eq!(spans[0].band, bands.band(p.lat));
        // The farthest bands are narrower than its own.
        let width = |s: &Span| s.lon_max - s.lon_min;
        assert!(width(spans.last().unwrap()) < 0.8 * width(&spans[0]));
        // The area read: about 4 r², against 9 r² for 3 × 3 square cells.
        let km_per_deg_lon = 111.19 * p.lat.to_radians().cos();
        let height_km = 38.5 / BANDS_PER_RADIUS;
        let area: f64 = spans
            .iter()
            .map(|s| width(s) * km_per_deg_lon * height_km)
            .sum();
        let r2 = 38.5 * 38.5;
        assert!(
            area < 5.0 * r2 && area > std::f64::consts::PI * r2,
            "{area}"
        );
    }
}
