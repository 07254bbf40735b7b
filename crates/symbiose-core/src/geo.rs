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

#[cfg(test)]
mod tests {
    use super::*;

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
