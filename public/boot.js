// Starts the app: loads the wasm-bindgen module and the wasm file whose hashed names the build
// wrote on this script's tag (Trunk.toml `pattern_script`), then registers the service worker
// that keeps the app working offline. A file, not an inline script, so the Content-Security-
// Policy in index.html can forbid inline script altogether.
const tag = document.querySelector('script[data-wasm]');
const bindings = await import(tag.dataset.js);
await bindings.default({ module_or_path: tag.dataset.wasm });
window.wasmBindings = bindings;

// Offline use (sw.js). Only over http(s): a file:// copy of dist/ runs without it.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('sw.js').catch((e) => console.warn('service worker not registered:', e));
}
