//! GeoJSON: RFC 7946 structure, [lon, lat] order, flat properties.

use serde_json::Value;
use symbiose_core::export;

use crate::fixture::{XSS_IMG, XSS_QUOTE, project};

#[test]
fn geojson_structure_and_coordinate_order() {
    let text = export::geojson::project(&project());
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["type"], "FeatureCollection");
    let features = json["features"].as_array().unwrap();
    let points: Vec<&Value> = features
        .iter()
        .filter(|f| f["geometry"]["type"] == "Point")
        .collect();
    // The actor without a position is left out.
    assert_eq!(points.len(), 3);
    assert_eq!(points[0]["type"], "Feature");
    assert_eq!(
        points[0]["geometry"]["coordinates"],
        serde_json::json!([9.4408, 42.6166])
    );
    assert_eq!(points[0]["properties"]["name"], XSS_IMG);
    assert_eq!(points[0]["properties"]["sector"], "C");
    assert_eq!(points[0]["properties"]["offers"], 1);
    assert_eq!(points[1]["properties"]["name"], XSS_QUOTE);
    for p in &points {
        assert!(
            p["properties"]
                .as_object()
                .unwrap()
                .values()
                .all(|v| !v.is_object() && !v.is_array())
        );
    }
    let lines: Vec<&Value> = features
        .iter()
        .filter(|f| f["geometry"]["type"] == "LineString")
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        lines[0]["geometry"]["coordinates"],
        serde_json::json!([[9.456789, 42.654321], [9.4408, 42.6166]])
    );
    assert_eq!(lines[0]["properties"]["kind"], "substitution");
    assert_eq!(lines[0]["properties"]["stage"], "under_study");
    assert_eq!(lines[0]["properties"]["stage_label"], "À l'étude");
    // The hostile names are JSON strings, never raw markup.
    assert!(!text.contains("\"\"><script>"));
    assert!(text.contains("\\\"><script>"));
}

/// A synergy that cannot be drawn is left out rather than given a one-point line, which
/// RFC 7946 forbids; every property stays flat for uMap and QGIS.
#[test]
fn geojson_omits_what_cannot_be_drawn() {
    use symbiose_core::{ActorId, Position, Synergy, SynergyId};
    let mut p = project();
    p.actors[1].position = Some(Position::new(91.0, 9.5)); // out of range: not drawn
    p.synergies.push(Synergy {
        id: SynergyId::new("s-3"),
        actors: vec![ActorId::new("a-1"), ActorId::new("a-4")], // a-4 has no position
        ..Synergy::default()
    });
    let json: Value = serde_json::from_str(&export::geojson::project(&p)).unwrap();
    let features = json["features"].as_array().unwrap();
    let ids: Vec<&str> = features.iter().map(|f| f["id"].as_str().unwrap()).collect();
    // s-2 links a-3 and a-2, whose position is now invalid; s-3 has one positioned actor.
    assert_eq!(ids, ["a-1", "a-3", "s-1"]);
    for f in features {
        let coords = &f["geometry"]["coordinates"];
        if f["geometry"]["type"] == "LineString" {
            assert!(coords.as_array().unwrap().len() >= 2);
        }
        let props = f["properties"].as_object().unwrap();
        assert!(
            props.values().all(|v| !v.is_object() && !v.is_array()),
            "{props:?}"
        );
    }
}
