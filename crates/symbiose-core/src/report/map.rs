//! The zone as a picture for print: the companies at their positions (an equirectangular
//! projection, fine at the scale of a ZA or an EPCI) in their sector's colour, as on the app's
//! map, the zone's outline as the app draws it, the synergies as lines, a scale bar, and a legend of
//! the sectors present. No background tiles: a printed deliverable must not depend on a tile
//! server. Companies are not named: the picture may be printed for any audience.

use std::collections::BTreeMap;

use crate::charts::escape;
use crate::geo::PlaceName;
use crate::model::{Index, Position, Project, Stage};
use crate::numbers::{Precision::Reading, number};
use crate::palette::section_colour;
use crate::refdata::naf;
use crate::{Lang, geo};

/// The picture's width, and the most its map part may take in height.
const WIDTH: f64 = 700.0;
const MAP_HEIGHT_MOST: f64 = 520.0;
/// Room around the points inside the map part, and below it for the scale bar.
const PAD: f64 = 30.0;
/// The legend's rows: two columns of sectors under the line's key.
const ROW: f64 = 19.0;
const COLUMN: f64 = WIDTH / 2.0;
/// Kilometres in one degree of latitude.
const KM_PER_DEGREE: f64 = 111.195;

/// The most places the deliverables' map names: the towns a reader finds the zone by, not an
/// atlas.
const MOST_PLACES: usize = 12;

/// The zone's map for the deliverables: the companies in their sector's colour, the zone's
/// outline, the synergies followed, the `places` given (first the zone's own communes, then the
/// most populous around; those that would cover another's name or fall outside are left out),
/// a scale bar and the key.
pub fn zone_svg(p: &Project, lang: Lang, places: &[PlaceName]) -> String {
    let title = lang.pick(
        "Carte des entreprises et des synergies",
        "Map of the companies and synergies",
    );
    let index = Index::new(p);
    let placed: Vec<(Position, Option<char>, usize)> = p
        .actors
        .iter()
        .filter_map(|a| {
            let q = a.position.filter(Position::is_valid)?;
            let section = a.naf.as_deref().and_then(naf::section_of);
            Some((q, section, index.flows_of(&a.id).len()))
        })
        .collect();
    let companies: Vec<Position> = placed.iter().map(|x| x.0).collect();
    let zone = geo::ZoneRing::of(&p.territory.perimeter, &companies);
    let Some((sw, ne)) = geo::bounds(companies.iter().chain(zone.corners()).copied()) else {
        return format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 520 80\" role=\"img\"><title>{0}</title><text x=\"10\" y=\"45\">{1}</text></svg>",
            escape(title),
            escape(lang.pick(
                "Aucune entreprise placée sur la carte",
                "No company placed on the map"
            ))
        );
    };
    // East–west degrees shrink with the latitude's cosine, taken at the zone's middle.
    let k = ((sw.lat + ne.lat) / 2.0).to_radians().cos().max(0.2);
    let (dx, dy) = (
        ((ne.lon - sw.lon) * k).max(1e-4),
        (ne.lat - sw.lat).max(1e-4),
    );
    // Pixels per degree of latitude. The map part is as tall as the zone needs (a wide zone
    // leaves no empty band), and the zone is centred in it.
    let scale = ((WIDTH - 2.0 * PAD) / dx).min((MAP_HEIGHT_MOST - 2.0 * PAD) / dy);
    let map_h = (dy * scale + 2.0 * PAD).max(200.0);
    let (x0, y0) = ((WIDTH - dx * scale) / 2.0, (map_h + dy * scale) / 2.0);
    let xy = |q: Position| {
        (
            x0 + (q.lon - sw.lon) * k * scale,
            y0 - (q.lat - sw.lat) * scale,
        )
    };

    let mut sections: BTreeMap<Option<char>, usize> = BTreeMap::new();
    for (_, s, _) in &placed {
        *sections.entry(*s).or_default() += 1;
    }
    let legend_rows = 1 + sections.len().div_ceil(2);
    let height = map_h + 8.0 + legend_rows as f64 * ROW + 4.0;

    let implemented = p
        .synergies
        .iter()
        .filter(|s| s.stage == Stage::Implemented)
        .count();
    let desc = format!(
        "{} {} ; {} {} ({} {})",
        placed.len(),
        lang.pick("entreprises placées", "companies placed"),
        p.synergies
            .iter()
            .filter(|s| s.stage != Stage::Abandoned)
            .count(),
        lang.pick("synergies suivies", "synergies followed"),
        implemented,
        lang.pick("mises en œuvre", "implemented"),
    );
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height:.0}\" role=\"img\" font-family=\"system-ui, sans-serif\"><title>{}</title><desc>{}</desc><rect width=\"{WIDTH}\" height=\"{map_h:.0}\" fill=\"#eef3ef\"/>",
        escape(title),
        escape(&desc)
    );
    if zone.corners().len() >= 3 {
        let ring: Vec<String> = zone
            .corners()
            .iter()
            .map(|q| {
                let (x, y) = xy(*q);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        // As on the app's map: a drawn perimeter solid, the companies' hull dashed.
        out.push_str(&format!(
            "<polygon points=\"{}\" fill=\"#a5d6a7\" fill-opacity=\"0.15\" stroke=\"#2e7d32\" stroke-width=\"{}\"{}/>",
            ring.join(" "),
            if zone.is_perimeter() { "2" } else { "1.5" },
            if zone.is_perimeter() { "" } else { " stroke-dasharray=\"5 4\"" }
        ));
    }
    let dots: Vec<Dot> = placed
        .iter()
        .map(|(q, _, flows)| {
            let (x, y) = xy(*q);
            (x, y, 4.0 + (*flows as f64).sqrt() * 1.5)
        })
        .collect();
    // What the dots cover, for the names to keep clear of.
    let covered: Vec<Area> = dots.iter().map(dot_area).collect();
    let mut taken = place_names(places, &xy, &covered, map_h, &mut out);
    let middle = Position::new((sw.lat + ne.lat) / 2.0, (sw.lon + ne.lon) / 2.0);
    out.push_str(&towns_beyond(
        places, &xy, middle, map_h, &covered, &mut taken, lang,
    ));
    for s in p.synergies.iter().filter(|s| s.stage != Stage::Abandoned) {
        let pos: Vec<(f64, f64)> = s
            .actors
            .iter()
            .filter_map(|a| index.actor(a)?.position)
            .map(xy)
            .collect();
        for pair in pos.windows(2) {
            out.push_str(&format!(
                "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{}\" stroke-width=\"3\"{}/>",
                pair[0].0,
                pair[0].1,
                pair[1].0,
                pair[1].1,
                if s.stage == Stage::Implemented { "#2e7d32" } else { "#1e88e5" },
                if s.stage == Stage::Implemented { "" } else { " stroke-dasharray=\"7 5\"" }
            ));
        }
    }
    for ((x, y, r), (_, section, _)) in dots.iter().zip(&placed) {
        out.push_str(&format!(
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{}\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
            section_colour(*section)
        ));
    }
    out.push_str(&scale_bar(scale / KM_PER_DEGREE, map_h, lang));
    out.push_str(&legend(&sections, map_h + 8.0, lang));
    out.push_str("</svg>");
    out
}

/// The places' names at their centres, under the companies' dots, in the order given, written
/// to `out`; what they cover is returned (with the scale bar's corner), for the towns beyond
/// the edge. A name that would cover a dot is moved beside its place (below, above, right,
/// left) if that is free, and written at its centre under the dots if not; a place outside the
/// map, or whose name would cover one already written or the scale bar wherever it goes, is
/// left out. Widths are estimated (0.6 em a letter): a printed page has no text metrics to ask.
fn place_names(
    places: &[PlaceName],
    xy: &impl Fn(Position) -> (f64, f64),
    dots: &[Area],
    map_h: f64,
    out: &mut String,
) -> Vec<Area> {
    // The scale bar's corner (`scale_bar`), kept clear.
    let mut taken: Vec<Area> = vec![(0.0, map_h - 36.0, WIDTH / 5.0 + 80.0, map_h)];
    let mut written = Vec::new();
    for place in places.iter().filter(|q| q.position.is_valid()) {
        if written.len() == MOST_PLACES {
            break;
        }
        let (x, y) = xy(place.position);
        if !inside(x, y, map_h) {
            continue;
        }
        let half = half_width(&place.name);
        let beside = half + 8.0;
        // Where the name may go, its baseline's middle: on its place, then around it. Near an
        // edge a name is moved in along it rather than cut.
        let spots = [
            (0.0, 4.0),
            (0.0, NAME_SIZE + 8.0),
            (0.0, -8.0),
            (beside, 4.0),
            (-beside, 4.0),
        ]
        .map(|(dx, dy)| {
            let x = (x + dx).clamp(half + 2.0, (WIDTH - half - 2.0).max(half + 2.0));
            let y = (y + dy).max(NAME_SIZE + 2.0);
            (x, y, text_area(x, y, half))
        });
        let fits = |b: &Area| b.3 <= map_h - 2.0 && !taken.iter().any(|t| overlaps(t, b));
        let clear = |b: &Area| !dots.iter().any(|d| overlaps(d, b));
        let Some(&(x, y, b)) = spots
            .iter()
            .find(|(_, _, b)| fits(b) && clear(b))
            .or_else(|| spots.iter().find(|(_, _, b)| fits(b)))
        else {
            continue;
        };
        taken.push(b);
        written.push(format!(
            "<text x=\"{x:.1}\" y=\"{y:.1}\">{}</text>",
            escape(&place.name)
        ));
    }
    if !written.is_empty() {
        out.push_str(&format!(
            "<g data-places=\"\" font-size=\"{NAME_SIZE}\" fill=\"#4a5561\" text-anchor=\"middle\" stroke=\"#eef3ef\" stroke-width=\"3\" paint-order=\"stroke\">{}</g>",
            written.concat()
        ));
    }
    taken
}

/// The least population of a town the map points at beyond its edge, the most towns it points
/// at, and how far from the zone's middle at most: the towns a reader finds the zone by
/// ("↑ Bastia, 9 km"), not every village around, nor a city a region away.
const TOWN: u32 = 10_000;
const MOST_TOWNS_BEYOND: usize = 3;
const BEYOND_KM: f64 = 60.0;

/// An arrow for each eighth of a turn, counter-clockwise from the east.
const ARROWS: [char; 8] = ['→', '↗', '↑', '↖', '←', '↙', '↓', '↘'];

/// The towns among `places` whose centre lies beyond the map's edge, the most populous first:
/// each named at the edge where the line from the map's middle towards it leaves the map (or
/// a little along that edge, if something is there already), with an arrow towards it and its
/// distance from the zone's middle. One that would still cover a name, another town, the scale
/// bar or a company's dot is left out.
fn towns_beyond(
    places: &[PlaceName],
    xy: &impl Fn(Position) -> (f64, f64),
    middle: Position,
    map_h: f64,
    dots: &[Area],
    taken: &mut Vec<Area>,
    lang: Lang,
) -> String {
    let mut towns: Vec<&PlaceName> = places
        .iter()
        .filter(|q| q.population >= TOWN && q.position.is_valid())
        .collect();
    // Stable: among equals, the order given.
    towns.sort_by_key(|t| std::cmp::Reverse(t.population));
    let (cx, cy) = (WIDTH / 2.0, map_h / 2.0);
    let mut written = Vec::new();
    for town in towns {
        if written.len() == MOST_TOWNS_BEYOND {
            break;
        }
        let (x, y) = xy(town.position);
        let km = middle.distance_km(&town.position);
        if inside(x, y, map_h) || km > BEYOND_KM {
            continue;
        }
        let (dx, dy) = (x - cx, y - cy);
        let eighth = ((-dy).atan2(dx) / std::f64::consts::FRAC_PI_4)
            .round()
            .rem_euclid(8.0) as usize;
        let text = format!(
            "{} {}, {} km",
            ARROWS[eighth % 8],
            town.name,
            number(km.round().max(1.0), lang, Reading)
        );
        let half = half_width(&text);
        // The edge, brought in so that the whole label is on the map.
        let (left, right) = (half + 4.0, (WIDTH - half - 4.0).max(half + 4.0));
        let (top, bottom) = (NAME_SIZE + 6.0, map_h - 8.0);
        let along = |d: f64, low: f64, high: f64, from: f64| {
            if d > 0.0 {
                (high - from) / d
            } else if d < 0.0 {
                (low - from) / d
            } else {
                f64::INFINITY
            }
        };
        let (across, up) = (along(dx, left, right, cx), along(dy, top, bottom, cy));
        let t = across.min(up);
        let (x, y) = (cx + t * dx, cy + t * dy);
        // Where the line leaves the map, then along that edge each way if something is there
        // already (the scale bar holds the bottom-left corner).
        let step = if up <= across {
            (2.0 * half + 8.0, 0.0)
        } else {
            (0.0, NAME_SIZE + 8.0)
        };
        let free = [0.0, 1.0, -1.0, 2.0, -2.0].into_iter().find_map(|k| {
            let (bx, by) = (
                (x + k * step.0).clamp(left, right),
                (y + k * step.1).clamp(top, bottom),
            );
            let b = text_area(bx, by, half);
            let covers =
                taken.iter().any(|a| overlaps(a, &b)) || dots.iter().any(|d| overlaps(d, &b));
            (!covers).then_some((bx, by, b))
        });
        let Some((bx, by, b)) = free else {
            continue;
        };
        taken.push(b);
        written.push(format!(
            "<text x=\"{bx:.1}\" y=\"{by:.1}\">{}</text>",
            escape(&text)
        ));
    }
    if written.is_empty() {
        return String::new();
    }
    format!(
        "<g data-beyond=\"\" font-size=\"{NAME_SIZE}\" font-weight=\"600\" fill=\"#1d252c\" text-anchor=\"middle\" stroke=\"#eef3ef\" stroke-width=\"3\" paint-order=\"stroke\">{}</g>",
        written.concat()
    )
}

/// The size of the places' names, in the picture's pixels.
const NAME_SIZE: f64 = 12.0;

/// Whether a point is on the map part of the picture.
fn inside(x: f64, y: f64, map_h: f64) -> bool {
    (0.0..=WIDTH).contains(&x) && (0.0..=map_h).contains(&y)
}

/// Half a name's estimated width (0.6 em a letter), and a little room.
fn half_width(text: &str) -> f64 {
    text.chars().count() as f64 * NAME_SIZE * 0.3 + 2.0
}

/// What a name written with its baseline's middle at `(x, y)` covers.
fn text_area(x: f64, y: f64, half: f64) -> Area {
    (x - half, y - NAME_SIZE, x + half, y + 3.0)
}

fn dot_area(&(x, y, r): &Dot) -> Area {
    (x - r, y - r, x + r, y + r)
}

fn overlaps(a: &Area, b: &Area) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// A company's dot on the map: centre and radius, in the picture's pixels.
type Dot = (f64, f64, f64);
/// A box in the picture's pixels: left, top, right, bottom.
type Area = (f64, f64, f64, f64);

/// A bar of a round length (about a fifth of the picture) at the map part's bottom left, with
/// its length in words: what "how far apart are these firms" is read from on paper.
fn scale_bar(px_per_km: f64, map_h: f64, lang: Lang) -> String {
    let km = round_length(WIDTH / 5.0 / px_per_km);
    let length = km * px_per_km;
    let (x, y) = (12.0, map_h - 12.0);
    let label = if km < 1.0 {
        format!("{} m", number(km * 1000.0, lang, Reading))
    } else {
        format!("{} km", number(km, lang, Reading))
    };
    format!(
        "<g data-scale-km=\"{km}\"><path d=\"M{x:.1} {:.1}V{y:.1}H{:.1}V{:.1}\" fill=\"none\" stroke=\"#1d252c\" stroke-width=\"2\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#1d252c\">{}</text></g>",
        y - 6.0,
        x + length,
        y - 6.0,
        x + length + 6.0,
        y - 1.0,
        escape(&label)
    )
}

/// The largest of 1, 2 and 5 times a power of ten not above `km` (at least 10 m).
fn round_length(km: f64) -> f64 {
    let mut best = 0.01;
    for exp in -2..=3 {
        for step in [1.0, 2.0, 5.0] {
            let l = step * 10f64.powi(exp);
            if l <= km {
                best = l;
            }
        }
    }
    best
}

/// The lines' key, then each sector present with its colour and its number of companies, in
/// two columns.
fn legend(sections: &BTreeMap<Option<char>, usize>, top: f64, lang: Lang) -> String {
    let mut out = format!(
        "<text x=\"4\" y=\"{:.1}\" font-size=\"12\" fill=\"#4a5561\">{}</text>",
        top + 12.0,
        escape(lang.pick(
            "Trait plein : synergie mise en œuvre ; tirets : en cours ; taille : nombre de flux déclarés",
            "Solid: implemented synergy; dashed: in progress; size: number of declared flows"
        ))
    );
    for (i, (section, n)) in sections.iter().enumerate() {
        let (x, y) = (
            4.0 + (i % 2) as f64 * COLUMN,
            top + ROW * (1 + i / 2) as f64 + 12.0,
        );
        let name = match section {
            Some(letter) => format!(
                "{letter} · {}",
                naf::section_label(*letter, lang).unwrap_or("?")
            ),
            None => lang
                .pick("Activité non renseignée", "Activity not given")
                .to_string(),
        };
        out.push_str(&format!(
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"5\" fill=\"{}\"/><text x=\"{:.1}\" y=\"{y:.1}\" font-size=\"12\" fill=\"#1d252c\">{} ({})</text>",
            x + 5.0,
            y - 4.0,
            section_colour(*section),
            x + 15.0,
            escape(&name),
            number(*n as f64, lang, Reading)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorId};

    fn placed(id: &str, naf: &str, lat: f64, lon: f64) -> Actor {
        Actor {
            id: ActorId::new(id),
            name: id.into(),
            naf: Some(naf.into()),
            position: Some(Position::new(lat, lon)),
            ..Actor::default()
        }
    }

    /// The value of attribute `name` in an element's text (from just after its tag's name).
    fn attr<'a>(element: &'a str, name: &str) -> &'a str {
        let from = element.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        element[from..].split('"').next().unwrap()
    }

    fn circles(svg: &str) -> Vec<(f64, f64, String)> {
        svg.split("<circle ")
            .skip(1)
            .filter(|c| c.contains("stroke=\"#fff\""))
            .map(|c| {
                (
                    attr(c, "cx").parse().unwrap(),
                    attr(c, "cy").parse().unwrap(),
                    attr(c, "fill").to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_tall_zone_is_centred_and_its_companies_take_their_sector_s_colour() {
        let p = Project {
            actors: vec![
                placed("a", "10.71C", 42.60, 9.45),
                placed("b", "38.11Z", 42.66, 9.46),
            ],
            ..Project::default()
        };
        let svg = zone_svg(&p, Lang::Fr, &[]);
        let dots = circles(&svg);
        assert_eq!(dots.len(), 2);
        let middle = (dots[0].0 + dots[1].0) / 2.0;
        assert!((middle - WIDTH / 2.0).abs() < 1.0, "centred: {middle}");
        assert_eq!(dots[0].2, section_colour(Some('C')));
        assert_eq!(dots[1].2, section_colour(Some('E')));
        assert!(svg.contains("C · Industrie manufacturière (1)"), "{svg}");
        assert!(
            svg.contains("E · Eau, assainissement, déchets (1)"),
            "{svg}"
        );
    }

    #[test]
    fn a_wide_zone_leaves_no_empty_band_and_the_scale_bar_is_a_round_length() {
        let p = Project {
            actors: vec![
                placed("a", "10.71C", 42.60, 9.30),
                placed("b", "10.71C", 42.61, 9.50),
            ],
            ..Project::default()
        };
        let svg = zone_svg(&p, Lang::Fr, &[]);
        let height: f64 = svg
            .split("viewBox=\"0 0 700 ")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(height < 300.0, "a wide zone's picture is low: {height}");
        // 16 km wide: a fifth is about 3 km, so the bar says 2 km.
        assert!(svg.contains("data-scale-km=\"2\""), "{svg}");
        assert!(svg.contains(">2 km<"));
        assert_eq!(round_length(0.3), 0.2);
        assert_eq!(round_length(7.0), 5.0);
        assert_eq!(round_length(0.004), 0.01);
    }

    #[test]
    fn the_zone_is_outlined_as_on_the_app_s_map() {
        let mut p = Project {
            actors: vec![placed("a", "10.71C", 42.60, 9.45)],
            ..Project::default()
        };
        p.territory.perimeter = vec![
            Position::new(42.55, 9.40),
            Position::new(42.65, 9.40),
            Position::new(42.65, 9.50),
        ];
        let svg = zone_svg(&p, Lang::En, &[]);
        let polygon = svg
            .split("<polygon ")
            .nth(1)
            .expect("the perimeter")
            .split("/>")
            .next()
            .unwrap();
        assert!(
            !polygon.contains("dasharray"),
            "a drawn perimeter is solid: {polygon}"
        );
        assert!(svg.contains("C · Manufacturing (1)"), "{svg}");
        // Without a perimeter, the companies' hull, dashed, as on the app's map.
        p.territory.perimeter.clear();
        p.actors.push(placed("b", "10.71C", 42.62, 9.47));
        p.actors.push(placed("c", "10.71C", 42.61, 9.49));
        let svg = zone_svg(&p, Lang::En, &[]);
        let polygon = svg
            .split("<polygon ")
            .nth(1)
            .expect("the hull")
            .split("/>")
            .next()
            .unwrap();
        assert!(polygon.contains("stroke-dasharray"), "{polygon}");
    }

    #[test]
    fn the_map_names_the_places_it_can_without_one_name_covering_another() {
        let p = Project {
            actors: vec![
                placed("a", "10.71C", 42.60, 9.40),
                placed("b", "38.11Z", 42.66, 9.50),
                placed("c", "10.71C", 42.62, 9.47),
            ],
            ..Project::default()
        };
        let label = |name: &str, lat: f64, lon: f64| PlaceName {
            insee: String::new(),
            name: name.into(),
            position: Position::new(lat, lon),
            population: 0,
        };
        let places = [
            label("Furiani", 42.635, 9.45),
            // On Furiani's name: moved beside its place.
            label("Biguglia", 42.6351, 9.4501),
            // On Furiani's name and wherever it could go beside it: left out.
            label("Borgo", 42.6352, 9.4502),
            // Far outside the zone's box.
            label("Ajaccio", 41.92, 8.74),
            label("Lucciana <Casamozza>", 42.65, 9.42),
            label("Nowhere", f64::NAN, 9.45),
            // On company c's dot: moved off it.
            label("Oletta", 42.62, 9.47),
        ];
        let svg = zone_svg(&p, Lang::Fr, &places);
        let names = texts_of(&svg, "data-places");
        let order: Vec<&str> = names.iter().map(|n| n.0.as_str()).collect();
        assert_eq!(
            order,
            [
                "Furiani",
                "Biguglia",
                "Lucciana &lt;Casamozza&gt;",
                "Oletta"
            ]
        );
        // Biguglia's name is written beside Furiani's, not on it.
        let (f, b) = (&names[0], &names[1]);
        assert!(
            (f.2 - b.2).abs() >= 12.0 || (f.1 - b.1).abs() >= 40.0,
            "{names:?}"
        );
        // Oletta's name leaves company c's dot visible: its box misses the dot.
        let dot = circles(&svg)[2].clone();
        let o = &names[3];
        let half = "Oletta".len() as f64 * 3.6 + 2.0;
        let r = 4.0;
        let covers = o.1 - half < dot.0 + r
            && dot.0 - r < o.1 + half
            && o.2 - 12.0 < dot.1 + r
            && dot.1 - r < o.2 + 3.0;
        assert!(!covers, "{o:?} covers the dot at {dot:?}");
        // Under the companies' dots: the names come before the first dot.
        assert!(svg.find("data-places").unwrap() < svg.find("<circle").unwrap());
        // No place given, no name.
        assert!(!zone_svg(&p, Lang::Fr, &[]).contains("data-places"));
    }

    /// The texts of a group of the picture (`data-places` or `data-beyond`): each with its
    /// baseline's middle.
    fn texts_of(svg: &str, group: &str) -> Vec<(String, f64, f64)> {
        let Some(g) = svg.split(&format!("<g {group}=\"\"")).nth(1) else {
            return Vec::new();
        };
        g.split("</g>")
            .next()
            .unwrap()
            .split("<text ")
            .skip(1)
            .map(|t| {
                let text = t.split('>').nth(1).unwrap().trim_end_matches("</text");
                let at = |name| attr(t, name).parse().unwrap();
                (text.to_string(), at("x"), at("y"))
            })
            .collect()
    }

    #[test]
    fn the_map_points_at_the_towns_beyond_its_edge() {
        // A zone of about 5 × 6 km south of Bastia, as the demonstration's.
        let p = Project {
            actors: vec![
                placed("a", "10.71C", 42.58, 9.42),
                placed("b", "38.11Z", 42.63, 9.46),
                placed("c", "10.71C", 42.60, 9.44),
            ],
            ..Project::default()
        };
        let town = |name: &str, lat: f64, lon: f64, population: u32| PlaceName {
            insee: String::new(),
            name: name.into(),
            position: Position::new(lat, lon),
            population,
        };
        let places = [
            town("Furiani", 42.62, 9.43, 6_000),
            // North, beyond the top edge: pointed at, the most populous first.
            town("Bastia", 42.70, 9.45, 48_000),
            // A village beyond the edge: not a town a reader finds the zone by.
            town("Sorbo-Ocagnano", 42.48, 9.45, 900),
            // A town south-west, beyond the edge.
            town("Corte", 42.31, 9.15, 12_000),
            // A city a region away: not pointed at.
            town("Ajaccio", 41.92, 8.74, 70_000),
        ];
        let svg = zone_svg(&p, Lang::Fr, &places);
        let named = texts_of(&svg, "data-places");
        assert_eq!(
            named.iter().map(|n| n.0.as_str()).collect::<Vec<_>>(),
            ["Furiani"]
        );
        let beyond = texts_of(&svg, "data-beyond");
        let texts: Vec<&str> = beyond.iter().map(|b| b.0.as_str()).collect();
        assert_eq!(texts, ["↑ Bastia, 11 km", "↙ Corte, 41 km"], "{svg}");
        // Each whole on the map, Bastia's at its top edge, Corte's at its bottom one left of the
        // middle (moved along it off the scale bar).
        let map_h: f64 = svg
            .split("<rect width=\"700\" height=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        for (text, x, y) in &beyond {
            let half = text.chars().count() as f64 * 3.6 + 2.0;
            assert!(x - half >= 0.0 && x + half <= WIDTH, "{text} at {x}");
            assert!(*y - 12.0 >= 0.0 && *y <= map_h, "{text} at {y} of {map_h}");
        }
        assert!(beyond[0].2 <= 20.0, "{beyond:?}");
        assert!(
            beyond[1].1 < WIDTH / 2.0 && beyond[1].2 >= map_h - 20.0,
            "{beyond:?}"
        );
        // In English, the same.
        let en = zone_svg(&p, Lang::En, &places);
        assert_eq!(texts_of(&en, "data-beyond")[0].0, "↑ Bastia, 11 km");
        // No town given, no pointer.
        assert!(!zone_svg(&p, Lang::Fr, &places[..1]).contains("data-beyond"));
    }
}
