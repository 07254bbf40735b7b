// The offline copy of Symbiose. The build (scripts/precache.mjs) replaces the two markers below
// with the list of every file in dist/ and a hash of their contents, so each release is a new
// worker with a new cache:
// - install: every file of the release is fetched into the release's own cache;
// - activate: caches of earlier releases are deleted. Projects live in localStorage, which a
//   service worker never touches, so a new release loses nothing the user entered;
// - fetch: the app's own files come from the cache (a page opened with no network works); a
//   navigation gets the cached index.html. Map tiles and other sites are not handled here.
const RELEASE = '__RELEASE__';
const FILES = __FILES__;
const CACHE = `symbiose-${RELEASE}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('symbiose-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const key = request.mode === 'navigate' ? './' : request;
    const hit = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
    if (hit) return hit;
    return fetch(request);
  })());
});
