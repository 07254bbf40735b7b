//! A uniform grid over latitude and longitude, so neighbours within a radius are found by
//! looking at 3 × 3 cells instead of every point.
//!
//! Cells are at least `radius_km` wide in both directions: their height is radius / 111.2 km
//! per degree of latitude, and their width uses the cosine of the highest latitude present,
//! where a degree of longitude is shortest, so no cell is narrower than the radius anywhere.

use crate::model::Position;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
