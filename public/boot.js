// Starts the app: draws the first map (first-map.js: the zone's companies with Leaflet alone,
// before the app's module is even asked for), then loads the wasm-bindgen module and the wasm
// file whose hashed names the build wrote on this script's tag (Trunk.toml `pattern_script`),
// then registers the service worker that keeps the app working offline. A file, not an inline
// script, so the Content-Security-Policy in index.html can forbid inline script altogether.
import { drawFirstMap } from './first-map.js';

const tag = document.querySelector('script[data-wasm]');
// A first map that fails is only a picture missing: the app draws its own.
await drawFirstMap().catch((e) => console.warn('first map not drawn:', e));
const bindings = await import(tag.dataset.js);
await bindings.default({ module_or_path: tag.dataset.wasm });
window.wasmBindings = bindings;

// Offline use (sw.js). Only over http(s): a file:// copy of dist/ runs without it.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  // A page already served by a worker that gets a new one has a new release waiting: say so,
  // and let the user reload when it suits (projects are in storage, nothing is lost either way).
  const hadWorker = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadWorker && !document.querySelector('.update-banner')) showUpdate();
  });
  navigator.serviceWorker.register('sw.js').catch((e) => console.warn('service worker not registered:', e));
}

function showUpdate() {
  const en = document.documentElement.lang === 'en';
  const banner = document.createElement('div');
  banner.className = 'update-banner';
  banner.setAttribute('role', 'status');
  banner.dataset.testid = 'update-banner';
  const text = document.createElement('p');
  text.textContent = en
    ? 'A new version of Symbiose is installed. Reload to use it; your projects stay in this browser.'
    : 'Une nouvelle version de Symbiose est installée. Rechargez pour l\'utiliser ; vos projets restent dans ce navigateur.';
  const reload = document.createElement('button');
  reload.className = 'primary';
  reload.textContent = en ? 'Reload' : 'Recharger';
  reload.addEventListener('click', () => location.reload());
  banner.append(text, reload);
  document.body.append(banner);
}
