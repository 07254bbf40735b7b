// The offline copy of Symbiose. The build (scripts/precache.mjs) replaces the two markers below
// with the list of every file in dist/ and a hash of their contents, so each release is a new
// worker with a new cache:
// - install: every file of the release is fetched into the release's own cache, bypassing the
//   HTTP cache (`cache: 'reload'`): a stale copy a browser or proxy kept of an earlier release
//   would otherwise be stored, for good, under the new release's name;
// - activate: caches of earlier releases are deleted. Projects live in localStorage, which a
//   service worker never touches, so a new release loses nothing the user entered;
// - fetch: the app's own files come from the cache (a page opened with no network works), and
//   a navigation to the app's page (its folder or its index.html) gets the cached index.html.
//   Nothing else is answered: not map tiles or other sites, and not the other paths of this
//   origin, whose navigations and files go to the network as if there were no worker (another
//   app hosted beside Symbiose keeps working; Symbiose still wants an origin of its own, README).
const RELEASE = '__RELEASE__';
const FILES = __FILES__;
const CACHE = `symbiose-${RELEASE}`;

// Absolute addresses: `./` and the files, resolved against this worker's own address, which
// is where the build put them next to it.
const OWN_FILES = new Set(FILES.map((file) => new URL(file, self.location).href));
const INDEX = new URL('./', self.location).href;
const PAGES = new Set([INDEX, new URL('./index.html', self.location).href]);

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
