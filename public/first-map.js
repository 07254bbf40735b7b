// The first map: the companies drawn with Leaflet alone while the app's module (about 1.6 MB
// of gzip) is still on its way, so a visit shows its zone after some 70 KB instead of after all
// of it (issue 15). It draws the sketch the app's map wrote when the page last went away
// (src/map/sketch.rs says what it holds and why), under the same address only; a browser that
// never ran Symbiose gets the demonstration zone's sketch (first-map-demo.json), which is what
// the app opens on a first visit. Nothing here can be clicked: it is a picture of the map until
// the app's own map, drawn in the same place, takes over and calls `dismiss`.
const SKETCH_KEY = 'symbiose.sketch';
const SKETCH_VERSION = 1;

/** Draws the first map when there is a sketch for this address; resolves once it is painted. */
export async function drawFirstMap() {
  if (typeof L === 'undefined') return;
  const sketch = await sketchForThisVisit();
  if (!sketch || sketch.v !== SKETCH_VERSION || !sketch.markers?.length) return;

  const frame = document.createElement('div');
  frame.className = 'first-map';
  // The map's place when the sketch was written, if the window still has that size.
  const [w, h] = sketch.viewport ?? [];
  const box = w === innerWidth && h === innerHeight ? sketch.box : null;
  Object.assign(frame.style, box
    ? { left: `${box[0]}px`, top: `${box[1]}px`, width: `${box[2]}px`, height: `${box[3]}px` }
    : { left: '0', top: '0', width: '100%', height: '100%' });
  const container = document.createElement('div');
  container.className = 'first-map-canvas';
  container.dataset.testid = 'first-map';
  const status = document.createElement('p');
  status.className = 'first-map-status';
  status.setAttribute('role', 'status');
  status.textContent = language() === 'en' ? 'Loading Symbiose…' : 'Chargement de Symbiose…';
  frame.append(container, status);
  document.body.append(frame);

  let map = null;
  window.symbioseFirstMap = {
    dismiss() {
      map?.remove();
      frame.remove();
      delete window.symbioseFirstMap;
    },
  };
  try {
    map = L.map(container, {
      preferCanvas: true, zoomSnap: sketch.zoom_snap, attributionControl: false, zoomControl: false,
      dragging: false, touchZoom: false, scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false, keyboard: false,
    });
    const points = sketch.markers.map(([lat, lon]) => [lat, lon]);
    const [l, t, r, b] = sketch.padding;
    map.fitBounds(points, { paddingTopLeft: [l, t], paddingBottomRight: [r, b], maxZoom: sketch.max_zoom, animate: false });
    for (const [lat, lon, colour, radius] of sketch.markers) {
      L.circleMarker([lat, lon], {
        radius, color: sketch.stroke, weight: sketch.weight, fillColor: sketch.colours[colour],
        fillOpacity: sketch.fill_opacity, interactive: false,
      }).addTo(map);
    }
  } catch (e) {
    // A sketch Leaflet cannot draw (a position that is not a number): nothing is left on screen.
    window.symbioseFirstMap.dismiss();
    throw e;
  }
  // Leaflet paints its canvas in the next animation frame: the count is published once it has.
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  container.dataset.markers = String(sketch.markers.length);
}

async function sketchForThisVisit() {
  let stored = null;
  try {
    stored = localStorage.getItem(SKETCH_KEY);
  } catch {
    return null; // storage refused (a privacy setting): the app says so itself
  }
  if (stored) {
    try {
      const sketch = JSON.parse(stored);
      return sketch.route === location.hash ? sketch : null;
    } catch {
      return null;
    }
  }
  // The very first visit: nothing of Symbiose in this browser, the home address.
  const home = location.hash === '' || location.hash === '#' || location.hash === '#/';
  if (!home || Object.keys(localStorage).some((k) => k.startsWith('symbiose.'))) return null;
  const answer = await fetch('first-map-demo.json');
  return answer.ok ? answer.json() : null;
}

function language() {
  try {
    return JSON.parse(localStorage.getItem('symbiose.prefs') ?? '{}').lang ?? 'fr';
  } catch {
    return 'fr';
  }
}
