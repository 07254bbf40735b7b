//! The project as a GeoJSON map (RFC 7946), for uMap, QGIS or any web map.
//!
//! Actors become `Point`s, synergies `LineString`s through their actors' positions, in the
//! synergy's actor order. Coordinates are `[longitude, latitude]` in WGS84, as the RFC requires,
//! rounded to six decimals (about 10 cm). Properties are flat strings and numbers, because uMap
//! and QGIS show nested objects badly. An actor without a position is left out, and so is a
//! synergy with fewer than two positioned actors: neither can be drawn.

use serde_json::{Map, Value, json};

use crate::model::{Actor, Index, Position, Project, Synergy};
use crate::refdata::naf;
use crate::{Direction, Lang};

/// The map in French, the app's first language.
pub fn project(p: &Project) -> String {
    project_in(p, Lang::Fr)
}

/// The map with labels in `lang`; the `kind` and `stage` codes stay in English either way.
pub fn project_in(p: &Project, lang: Lang) -> String {
    let index = Index::new(p);
    let features: Vec<Value> = p
        .actors
        .iter()
        .filter_map(|a| actor_feature(&index, a, lang))
        .chain(
            p.synergies
                .iter()
                .filter_map(|s| synergy_feature(&index, s, lang)),
        )
        .collect();
    let collection = json!({
        "type": "FeatureCollection",
        "name": p.name,
        "features": features,
    });
    serde_json::to_string_pretty(&collection).expect("a JSON value always serialises")
}

fn coordinates(p: Position) -> Value {
    let round = |v: f64| (v * 1e6).round() / 1e6;
    json!([round(p.lon), round(p.lat)])
}

fn actor_feature(index: &Index, a: &Actor, lang: Lang) -> Option<Value> {
    let position = a.position.filter(Position::is_valid)?;
    let naf_code = a.naf.as_deref().unwrap_or("");
    let entry = naf::lookup(naf_code);
    let section = entry.map(naf::NafCode::section_letter);
    let (offers, needs) =
        index
            .flows_of(&a.id)
            .iter()
            .fold((0, 0), |(o, n), f| match f.direction {
                Direction::Offer => (o + 1, n),
                Direction::Need => (o, n + 1),
            });
    let mut props = Map::new();
    props.insert("feature".into(), "actor".into());
    props.insert("id".into(), a.id.as_str().into());
    props.insert("name".into(), a.name.as_str().into());
    props.insert(
        "siret".into(),
        a.siret.as_ref().map_or("", |s| s.as_str()).into(),
    );
    props.insert("naf".into(), naf_code.into());
    props.insert(
        "naf_label".into(),
        entry.map_or("", |n| n.label(lang)).into(),
    );
    props.insert(
        "sector".into(),
        section.map_or(String::new(), String::from).into(),
    );
    props.insert(
        "sector_label".into(),
        section
            .and_then(|s| naf::section_label(s, lang))
            .unwrap_or("")
            .into(),
    );
    props.insert(
        "headcount".into(),
        a.headcount.map_or("", |h| h.label()).into(),
    );
    props.insert("address".into(), a.address.as_str().into());
    props.insert("commune".into(), a.commune.as_deref().unwrap_or("").into());
    props.insert("tags".into(), a.tags.join(", ").into());
    props.insert("offers".into(), offers.into());
    props.insert("needs".into(), needs.into());
    Some(json!({
        "type": "Feature",
        "id": a.id.as_str(),
        "geometry": { "type": "Point", "coordinates": coordinates(position) },
        "properties": props,
    }))
}

fn synergy_feature(index: &Index, s: &Synergy, lang: Lang) -> Option<Value> {
    let line: Vec<Value> = s
        .actors
        .iter()
        .filter_map(|id| index.actor(id)?.position.filter(Position::is_valid))
        .map(coordinates)
        .collect();
    if line.len() < 2 {
        return None;
    }
    let names: Vec<&str> = s
        .actors
        .iter()
        .filter_map(|id| index.actor(id).map(|a| a.name.as_str()))
        .collect();
    Some(json!({
        "type": "Feature",
        "id": s.id.as_str(),
        "geometry": { "type": "LineString", "coordinates": line },
        "properties": {
            "feature": "synergy",
            "id": s.id.as_str(),
            "title": s.title,
            "kind": serde_json::to_value(s.kind).unwrap_or_default(),
            "kind_label": s.kind.label(lang),
            "stage": serde_json::to_value(s.stage).unwrap_or_default(),
            "stage_label": s.stage.label(lang),
            "actors": names.join(", "),
            "tco2e_per_year": s.estimated.tco2e_per_year,
            "tonnes_per_year": s.estimated.tonnes_per_year,
        },
    }))
}
