// Draws every company of the project file named in ?file= as a canvas circle marker, fits the
// view, and records when the markers are on screen (window.__drawnAt, ms since navigation).
addEventListener('DOMContentLoaded', async () => {
  const file = new URLSearchParams(location.search).get('file');
  const project = (await (await fetch(file)).json()).project;
  const map = L.map('map', { preferCanvas: true });
  const layer = L.featureGroup().addTo(map);
  for (const a of project.actors) {
    if (!a.position) continue;
    L.circleMarker([a.position.lat, a.position.lon], { radius: 7, weight: 1, color: '#333', fillColor: '#2e7d32', fillOpacity: 0.85 })
      .bindTooltip(a.name)
      .addTo(layer);
  }
  map.fitBounds(layer.getBounds(), { padding: [20, 20] });
  requestAnimationFrame(() => { window.__drawnAt = performance.now(); window.__markers = layer.getLayers().length; });
});
