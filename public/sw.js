// The offline copy of Symbiose. The build (scripts/precache.mjs) replaces the two markers below
// with the list of every file in dist/ and a hash of their contents, so each release is a new
// worker with a new cache:
// - install: every file of the release is fetched into the release's own cache, bypassing the
//   HTTP cache (`cache: 'reload'`): a stale copy a browser or proxy kept of an earlier release
//   would otherwise be stored, for good, under the new release's name;
// - activate: caches of earlier releases are deleted. Projects live in localStorage, which a
//   service worker never touches, so a new release loses nothing the user entered;
// - fetch: the app's own files come from the cache (a page opened with no network works), and
//   a navigation to the app's page (its folder or its index.html) gets the cached index.html;
// - map tiles the user has seen are kept for a room with no network (`tile` below);
//   nothing else is answered: not other sites, and not the other paths of this origin, whose
//   navigations and files go to the network as if there were no worker (another app hosted
//   beside Symbiose keeps working; Symbiose still wants an origin of its own, README).
const RELEASE = '__RELEASE__';
const FILES = __FILES__;
const CACHE = `symbiose-${RELEASE}`;

// Absolute addresses: `./` and the files, resolved against this worker's own address, which
// is where the build put them next to it.
const OWN_FILES = new Set(FILES.map((file) => new URL(file, self.location).href));
const INDEX = new URL('./', self.location).href;
const PAGES = new Set([INDEX, new URL('./index.html', self.location).href]);

// Map tiles the user has already seen, kept so that a zone prepared online shows its background
// in a workshop room with no network (issue 17). Within the tile servers' usage policies: only
// the tiles a person's own views asked for, never a prefetch, and the network first, so a tile is
// refreshed whenever it can be and the kept copy answers only when the network fails. Bounded:
// past MAX_TILES (about 50 MB of 25 KB tiles) the oldest go first. Only answers the page may
// read are kept (the app asks OpenStreetMap's tiles with CORS; same-origin tiles are readable):
// Chromium counts an opaque answer as several megabytes of the origin's quota, and a full origin
// may be cleared whole, the projects in localStorage with it. Not named `symbiose-…`: a new
// release keeps them.
const TILES = 'map-tiles';
const MAX_TILES = 2000;
const TILE_PATH = /\/\d+\/\d+\/\d+(@2x)?\.(png|jpe?g|webp)$/;

function isTile(request, url) {
  return request.destination === 'image' && TILE_PATH.test(url.pathname) && !OWN_FILES.has(url.href);
}

async function tile(event) {
  const request = event.request;
  try {
    const response = await fetch(request);
    if (response.ok && response.type !== 'opaque') event.waitUntil(keepTile(request, response.clone()));
    return response;
  } catch (offline) {
    const kept = await (await caches.open(TILES)).match(request.url);
    if (kept) return kept;
    throw offline;
  }
}

async function keepTile(request, response) {
  const cache = await caches.open(TILES);
  // Deleted first, so that a tile seen again becomes the newest.
  await cache.delete(request.url);
  await cache.put(request.url, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_TILES))) await cache.delete(old);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })));
    await self.skipWaiting();
  })());
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
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  if (request.mode !== 'navigate' && isTile(request, url)) {
    event.respondWith(tile(event));
    return;
  }
  let key;
  if (request.mode === 'navigate') {
    // The query does not choose the page (the app routes by its #fragment).
    url.search = '';
    if (!PAGES.has(url.href)) return;
    key = INDEX;
  } else {
    if (!OWN_FILES.has(url.href)) return;
    key = request;
  }
  event.respondWith((async () => {
    const hit = await (await caches.open(CACHE)).match(key);
    return hit ?? fetch(request);
  })());
});
