//! Plane geometry on positions, small enough for a zone of a few kilometres where treating
//! degrees as a flat plane (after scaling longitude by cos(latitude)) is accurate to the metre.

use crate::model::Position;

/// The convex hull of the positions, counter-clockwise, without repeating the first point.
/// Used to outline an activity zone when the facilitator drew no perimeter.
pub fn convex_hull(points: &[Position]) -> Vec<Position> {
    let mut pts: Vec<Position> = points.iter().copied().filter(Position::is_valid).collect();
    pts.sort_by(|a, b| a.lon.total_cmp(&b.lon).then(a.lat.total_cmp(&b.lat)));
    pts.dedup_by(|a, b| a.lon == b.lon && a.lat == b.lat);
    if pts.len() < 3 {
        return pts;
    }
    let cross = |o: &Position, a: &Position, b: &Position| {
        (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon)
    };
    // Andrew's monotone chain: lower hull then upper hull.
    let mut hull: Vec<Position> = Vec::with_capacity(pts.len() * 2);
    for pass in 0..2 {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &Position>> = if pass == 0 {
            Box::new(pts.iter())
        } else {
            Box::new(pts.iter().rev())
        };
        for p in iter {
            while hull.len() >= start + 2
                && cross(&hull[hull.len() - 2], &hull[hull.len() - 1], p) <= 0.0
            {
                hull.pop();
            }
            hull.push(*p);
        }
        hull.pop();
    }
    hull
}

/// The zone's outline as every map draws it: the territory's perimeter when one is set (a
/// decision: drawn solid), else the companies' hull (only where they are: drawn dashed).
#[derive(Debug, Clone, PartialEq)]
pub enum ZoneRing {
    Perimeter(Vec<Position>),
    Hull(Vec<Position>),
}

impl ZoneRing {
    pub fn of(perimeter: &[Position], companies: &[Position]) -> Self {
        if perimeter.iter().filter(|p| p.is_valid()).count() >= 3 {
            Self::Perimeter(
                perimeter
                    .iter()
                    .copied()
                    .filter(Position::is_valid)
                    .collect(),
            )
        } else {
            Self::Hull(convex_hull(companies))
        }
    }

    /// The ring's corners (fewer than three: nothing to draw).
    pub fn corners(&self) -> &[Position] {
        match self {
            Self::Perimeter(r) | Self::Hull(r) => r,
        }
    }

    pub fn is_perimeter(&self) -> bool {
        matches!(self, Self::Perimeter(_))
    }
}

/// A commune a map names: its INSEE code, and its name at its centre. The app's built-in
/// background and the deliverables' zone map name the same ones (the app's `places`); the
/// zone map points beyond its edge at the towns among them (`population`).
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceName {
    pub insee: String,
    pub name: String,
    pub position: Position,
    /// Inhabitants, as the commune table gives them (0 when it gives none).
    pub population: u32,
}

/// South-west and north-east corners of the positions, or `None` when there is none.
pub fn bounds(points: impl IntoIterator<Item = Position>) -> Option<(Position, Position)> {
    points
        .into_iter()
        .filter(Position::is_valid)
        .fold(None, |acc, p| {
            Some(match acc {
                None => (p, p),
                Some((sw, ne)) => (
                    Position::new(sw.lat.min(p.lat), sw.lon.min(p.lon)),
                    Position::new(ne.lat.max(p.lat), ne.lon.max(p.lon)),
                ),
            })
        })
}

/// South-west and north-east corners of the box around a circle of `radius_km` about `centre`:
/// what a map frames to show a neighbourhood whole ("what is within 10 km of my company").
/// Latitude is clamped short of the poles, where a degree of longitude has no width.
pub fn circle_bounds(centre: Position, radius_km: f64) -> (Position, Position) {
    let radius_km = radius_km.max(0.0);
    let dlat = (radius_km / crate::model::EARTH_RADIUS_KM).to_degrees();
    let cos = centre.lat.to_radians().cos().max(1e-6);
    let dlon = (dlat / cos).min(180.0);
    (
        Position::new((centre.lat - dlat).max(-89.9), centre.lon - dlon),
        Position::new((centre.lat + dlat).min(89.9), centre.lon + dlon),
    )
}

/// A gentle arc from `from` to `to`, as `segments + 1` points: a quadratic curve whose control
/// point stands off the middle by `bend` times the distance, to the left of the way from `from`
/// to `to`. The map draws proposals so: two lines between the same companies in opposite
/// directions part, and lines that would lie along each other fan out instead of hatching the
/// map (issue 17). Longitude is scaled by cos(latitude), so the arc bends the same way on screen
/// whatever the line's direction.
pub fn arc(from: Position, to: Position, bend: f64, segments: usize) -> Vec<Position> {
    let segments = segments.max(1);
    let k = ((from.lat + to.lat) / 2.0).to_radians().cos().max(1e-6);
    // In a plane where one unit is the same distance north and east.
    let (x0, y0, x1, y1) = (from.lon * k, from.lat, to.lon * k, to.lat);
    let (dx, dy) = (x1 - x0, y1 - y0);
    // The left normal of (dx, dy), as long as the line times `bend`.
    let (cx, cy) = ((x0 + x1) / 2.0 - dy * bend, (y0 + y1) / 2.0 + dx * bend);
    (0..=segments)
        .map(|i| {
            // The ends exactly, not through the plane and back.
            if i == 0 {
                return from;
            }
            if i == segments {
                return to;
            }
            let t = i as f64 / segments as f64;
            let (a, b, c) = ((1.0 - t) * (1.0 - t), 2.0 * t * (1.0 - t), t * t);
            let x = a * x0 + b * cx + c * x1;
            let y = a * y0 + b * cy + c * y1;
            Position::new(y, x / k)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_circle_s_box_reaches_its_radius_each_way() {
        let centre = Position::new(42.65, 9.44);
        let (sw, ne) = circle_bounds(centre, 10.0);
        // North, south, east and west, the box's edges are the radius away (to 0.1 %).
        for edge in [
            Position::new(ne.lat, centre.lon),
            Position::new(sw.lat, centre.lon),
            Position::new(centre.lat, ne.lon),
            Position::new(centre.lat, sw.lon),
        ] {
            let d = centre.distance_km(&edge);
            assert!((d - 10.0).abs() < 0.01, "{d} km");
        }
        // Nothing around a point is that point's box.
        assert_eq!(circle_bounds(centre, 0.0), (centre, centre));
        assert_eq!(circle_bounds(centre, -3.0), (centre, centre));
    }

    #[test]
    fn an_arc_joins_its_ends_and_bends_left_of_its_way() {
        let (a, b) = (Position::new(42.60, 9.40), Position::new(42.60, 9.50));
        let there = arc(a, b, 0.15, 16);
        assert_eq!(there.len(), 17);
        assert_eq!((there[0], there[16]), (a, b));
        // Going east, left is north; the middle stands off by half the control's offset.
        let mid = there[8];
        let length_km = a.distance_km(&b);
        let off_km = Position::new(42.60, mid.lon).distance_km(&mid);
        assert!(mid.lat > a.lat);
        assert!(
            (off_km - 0.075 * length_km).abs() < 0.01 * length_km,
            "{off_km} of {length_km}"
        );
        // The way back bends to its own left: the two lines part.
        let back = arc(b, a, 0.15, 16);
        assert!(back[8].lat < a.lat);
        // No bend, a straight line.
        assert!(
            arc(a, b, 0.0, 4)
                .iter()
                .all(|p| (p.lat - 42.60).abs() < 1e-12)
        );
        assert!(
            arc(a, a, 0.15, 4)
                .iter()
                .all(|p| (p.lat - a.lat).abs() < 1e-12 && (p.lon - a.lon).abs() < 1e-12)
        );
    }

    #[test]
    fn hull_of_square_with_inner_point() {
        let p = |lat, lon| Position::new(lat, lon);
        let hull = convex_hull(&[
            p(0.0, 0.0),
            p(1.0, 0.0),
            p(1.0, 1.0),
            p(0.0, 1.0),
            p(0.5, 0.5),
            p(0.0, 0.0),
        ]);
        assert_eq!(hull.len(), 4);
        assert!(!hull.contains(&p(0.5, 0.5)));
    }

    #[test]
    fn the_zone_is_the_perimeter_when_one_is_drawn_else_the_companies_hull() {
        let p = |lat, lon| Position::new(lat, lon);
        let companies = [p(0.0, 0.0), p(1.0, 0.0), p(0.5, 1.0), p(0.4, 0.4)];
        let hull = ZoneRing::of(&[], &companies);
        assert!(!hull.is_perimeter());
        assert_eq!(hull.corners().len(), 3);
        // Two corners are not a perimeter: the hull stands for the zone.
        assert!(!ZoneRing::of(&[p(2.0, 2.0), p(3.0, 3.0)], &companies).is_perimeter());
        let drawn = [p(-1.0, -1.0), p(2.0, -1.0), p(2.0, 2.0), p(-1.0, 2.0)];
        let zone = ZoneRing::of(&drawn, &companies);
        assert!(zone.is_perimeter());
        assert_eq!(zone.corners(), &drawn);
    }

    #[test]
    fn degenerate_inputs() {
        assert!(convex_hull(&[]).is_empty());
        assert_eq!(
            convex_hull(&[Position::new(1.0, 1.0), Position::new(f64::NAN, 0.0)]).len(),
            1
        );
        assert_eq!(
            bounds([Position::new(2.0, 3.0), Position::new(1.0, 4.0)])
                .unwrap()
                .0,
            Position::new(1.0, 3.0)
        );
        assert!(bounds([]).is_none());
    }
}
