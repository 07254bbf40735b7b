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
