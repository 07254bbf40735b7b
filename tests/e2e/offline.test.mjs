// Offline use (issue 6): once visited, the app opens and works with no network, and a new
// release replaces the cached one without losing the projects stored in the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, waitForWorkspace, screenshot, waitSaved, storedProject, renameFirstCompany } from './harness.mjs';

const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined);
// The releases' caches (the kept map tiles, `map-tiles`, outlive releases: their own test below).
const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('symbiose-')));
// Waits until the page's caches are exactly `names`. A loop, not page.waitForFunction: that
// takes the promise an async predicate returns for a true answer and returns at once.
async function cachesBecome(page, names, timeout = 30000) {
  const end = Date.now() + timeout;
  while ((await cacheNames(page)).join() !== names.join()) {
    if (Date.now() > end) throw new Error(`caches are ${await cacheNames(page)}, not ${names}`);
    await page.waitForTimeout(200);
  }
}
// A file's text in one release's cache (`caches.match` with a cacheName never creates it).
const cached = (page, release, name) => page.evaluate(async ([cacheName, url]) =>
  (await caches.match(url, { cacheName }))?.text(), [`symbiose-${release}`, name]);

test('offline: the app reloads with no network and no server, the project is there and editable; a new release keeps it', async () => {
  const extra = new Map();
  const server = await serveDist({ extra });
  const app = await openApp(server.url);
  const { page, context, errors } = app;
  try {
    await waitForWorkspace(page);
    await controlled(page);
    const [cache] = await cacheNames(page);
    assert.match(cache, /^symbiose-[0-9a-f]{16}$/, 'the release has its cache');
    // Installable as an app: Chromium reads the manifest without error and finds nothing missing.
    const cdp = await context.newCDPSession(page);
    assert.deepEqual((await cdp.send('Page.getAppManifest')).errors, []);
    assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
    await cdp.detach();
    await renameFirstCompany(page, 'Menuiserie enregistrée en ligne');
    await waitSaved(page);

    // No network at all: the browser is offline and the server is gone.
    await context.setOffline(true);
    await server.close();
    await page.reload();
    await waitForWorkspace(page);
    await page.locator('[data-testid=company-item]', { hasText: 'Menuiserie enregistrée en ligne' }).waitFor();
    await renameFirstCompany(page, 'Menuiserie modifiée hors ligne');
    await waitSaved(page);
    await page.reload();
    await waitForWorkspace(page);
    await page.locator('[data-testid=company-item]', { hasText: 'Menuiserie modifiée hors ligne' }).waitFor();
    await screenshot(page, 'offline-1920x1080');
    assert.ok((await storedProject(page)).actors.some((a) => a.name === 'Menuiserie modifiée hors ligne'));

    // A new release at the same address (same origin, same storage): its worker installs its
    // own cache and drops the old one; the stored project is untouched.
    const next = await serveDist({ extra, port: server.port });
    try {
      const { readFile } = await import('node:fs/promises');
      const sw = await readFile(new URL('../../dist/sw.js', import.meta.url), 'utf8');
      extra.set('/sw.js', { type: 'text/javascript', body: sw.replace(/const RELEASE = "[0-9a-f]+"/, 'const RELEASE = "0000000000000002"') });
      await context.setOffline(false);
      const hash = await page.evaluate(() => location.hash);
      await page.goto(next.url + hash);
      assert.equal(next.url, server.url);
      await waitForWorkspace(page);
      await cachesBecome(page, ['symbiose-0000000000000002']);
      // The page still runs the release it loaded, and says a new one is ready.
      await page.locator('[data-testid=update-banner]').waitFor();
      assert.match(await page.locator('[data-testid=update-banner]').innerText(), /nouvelle version/);
      await screenshot(page, 'update-ready-1920x1080');
      await page.click('[data-testid=update-banner] button');
      await waitForWorkspace(page);
      await waitForWorkspace(page);
      await page.locator('[data-testid=company-item]', { hasText: 'Menuiserie modifiée hors ligne' }).waitFor();
    } finally {
      await next.close();
    }
    // Offline errors of the map background are expected: no tile can load without a network.
    assert.deepEqual(errors.filter((e) => !e.includes('tile.openstreetmap.org')), []);
  } finally {
    await app.close();
  }
});

// The worker serves Symbiose's own page and files only: another app on the same origin (here
// /autre-app/) is reached as if there were no worker, online, and fails plainly offline instead
// of getting Symbiose's page. The served page's policy has no 'unsafe-inline'.
test('offline: the worker answers only the app\'s own page and files, not another app on the same origin', async () => {
  const other = '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Autre application</title></head><body><p>Autre application</p></body></html>';
  const extra = new Map([
    ['/autre-app/', { type: 'text/html; charset=utf-8', body: other }],
    ['/autre-app/data.json', { type: 'application/json', body: '{"autre":true}' }],
  ]);
  const server = await serveDist({ extra });
  const app = await openApp(server.url);
  const { page, context, errors } = app;
  try {
    const served = await (await fetch(server.url)).text();
    const policy = served.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    assert.ok(policy, 'index.html carries a policy');
    const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.ok(!policy.includes("'unsafe-inline'"), policy);
    assert.ok(directives['style-src'].some((s) => s.startsWith("'sha256-")), 'the deliverables stylesheet by hash');
    assert.ok(!directives['img-src'].includes('blob:'), 'nothing shows a blob: image');

    await waitForWorkspace(page);
    await controlled(page);
    // The app's own page, its index.html and a query are answered from the cache. The
    // project's route (#/p/…) is kept; each address differs from the one before, so each is a
    // real navigation with a response, not a move within the page.
    const hash = await page.evaluate(() => location.hash);
    for (const path of ['index.html', '?source=test', '']) {
      const response = await page.goto(server.url + path + hash);
      assert.ok(response.fromServiceWorker(), `${path || './'} from the worker`);
      await waitForWorkspace(page);
    }

    // Online: the other app's page and files come from its server, not through the worker.
    const response = await page.goto(server.url + 'autre-app/');
    assert.equal(response.fromServiceWorker(), false, 'the other app\'s page is not the worker\'s');
    assert.equal(await page.title(), 'Autre application');
    const [data] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/autre-app/data.json')),
      page.evaluate(() => fetch('data.json').then((r) => r.json())),
    ]);
    assert.equal(data.fromServiceWorker(), false, 'the other app\'s files are not the worker\'s');
    await screenshot(page, 'other-app-same-origin-1920x1080');

    // Offline: Symbiose still opens from the cache; the other app fails as it would without a
    // worker, rather than showing Symbiose in its place.
    await context.setOffline(true);
    await page.goto(server.url + hash);
    await waitForWorkspace(page);
    await assert.rejects(page.goto(server.url + 'autre-app/'), /ERR_INTERNET_DISCONNECTED/);
    const failed = errors.filter((e) => e.includes('/autre-app/'));
    assert.equal(failed.length, 1, 'the one failed navigation');
    assert.deepEqual(errors.filter((e) => !e.includes('/autre-app/') && !e.includes('tile.openstreetmap.org')), []);
  } finally {
    await app.close();
    await server.close();
  }
});

// A host that lets browsers keep files for an hour: the first visit leaves them in the HTTP
// cache. The next release's worker must store that release's bytes, not those stale copies
// (it fetches with `cache: 'reload'`), or the old file would be served offline for good.
test('offline: a new release is cached from the server, not from a stale HTTP cache', async () => {
  const extra = new Map();
  const server = await serveDist({ extra, cacheControl: 'max-age=3600' });
  const app = await openApp(server.url);
  const { page, context, errors } = app;
  try {
    await waitForWorkspace(page);
    // Playwright turns the HTTP cache off while it routes requests (the harness routes map
    // tiles): stop routing (the map background off, since tiles would now go to a network this
    // machine lacks), then start over as a first visit (no worker, no cache), so the page and
    // the worker's install go through the browser's HTTP cache as they would for a user.
    await context.unrouteAll();
    await page.evaluate(async () => {
      const prefs = JSON.parse(localStorage.getItem('symbiose.prefs'));
      localStorage.setItem('symbiose.prefs', JSON.stringify({ ...prefs, tiles: false }));
      for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
      for (const name of await caches.keys()) await caches.delete(name);
    });
    await page.reload();
    await waitForWorkspace(page);
    await controlled(page);
    const { readFile } = await import('node:fs/promises');
    const dist = (name) => readFile(new URL(`../../dist/${name}`, import.meta.url), 'utf8');
    const css = await dist('leaflet/leaflet.css');
    const [first] = await cacheNames(page);
    assert.equal(await cached(page, first.slice('symbiose-'.length), 'leaflet/leaflet.css'), css);

    // The next release changes leaflet.css; everything else is the same.
    const sw = await dist('sw.js');
    extra.set('/sw.js', { type: 'text/javascript', body: sw.replace(/const RELEASE = "[0-9a-f]+"/, 'const RELEASE = "0000000000000003"') });
    extra.set('/leaflet/leaflet.css', { type: 'text/css', body: `${css}\n/* release 3 */\n` });
    const hash = await page.evaluate(() => location.hash);
    await page.goto(server.url + 'index.html' + hash);
    await waitForWorkspace(page);
    await cachesBecome(page, ['symbiose-0000000000000003']);
    assert.match(await cached(page, '0000000000000003', 'leaflet/leaflet.css'), /release 3/, 'the new release\'s bytes, not the HTTP cache\'s');
    await page.locator('[data-testid=update-banner]').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
    await server.close();
  }
});

// Issue 17: a zone prepared online shows its background in a room with no network. The worker
// keeps the tiles the map showed (OpenStreetMap's, which the app asks with CORS) and answers
// with them when the network fails; with the network, tiles still come from the server.
test('offline: the map tiles seen online are kept and drawn again with no network', async () => {
  const server = await serveDist();
  const app = await openApp(server.url);
  const { page, context, errors, tileRequests } = app;
  const loadedTiles = () => page.evaluate(() => [...document.querySelectorAll('img.leaflet-tile-loaded')].map((i) => i.src));
  const keptTiles = () => page.evaluate(async () => (await (await caches.open('map-tiles')).keys()).map((r) => r.url));
  try {
    await waitForWorkspace(page);
    await controlled(page);
    // The first load came before the worker took the page: a reload asks the tiles through it.
    await page.reload();
    await waitForWorkspace(page);
    await page.waitForFunction(() => document.querySelectorAll('img.leaflet-tile-loaded').length > 0);
    const shown = await loadedTiles();
    assert.ok(shown.every((src) => src.startsWith('https://tile.openstreetmap.org/')), 'OpenStreetMap tiles');
    const end = Date.now() + 15000;
    while ((await keptTiles()).length < shown.length && Date.now() < end) await page.waitForTimeout(200);
    const kept = new Set(await keptTiles());
    assert.ok(shown.every((src) => kept.has(src)), `${shown.length} tiles shown, ${kept.size} kept`);
    assert.ok(tileRequests.length >= shown.length, 'the tiles came from the tile server');

    // No network: the tile server cannot be reached, the same view draws from the kept tiles.
    await context.unroute('https://tile.openstreetmap.org/**');
    await context.route('https://tile.openstreetmap.org/**', (route) => route.abort('internetdisconnected'));
    await context.setOffline(true);
    await page.reload();
    await waitForWorkspace(page);
    await page.waitForFunction(() => document.querySelectorAll('img.leaflet-tile-loaded').length > 0);
    await page.waitForTimeout(500);
    const offline = await loadedTiles();
    assert.ok(offline.length > 0 && offline.every((src) => kept.has(src)), `${offline.length} tiles drawn offline`);
    await screenshot(page, 'offline-tiles-1920x1080');
    assert.equal(await page.getAttribute('[data-testid=map]', 'data-background'), 'tiles');
    // Zoomed out to tiles never seen: none can be had, and the built-in background names the
    // zone's communes instead of leaving the map empty.
    const beforeZoom = errors.length;
    for (let i = 0; i < 3; i++) await page.click('.leaflet-control-zoom-out');
    await page.waitForSelector('[data-testid=map][data-background=built-in]');
    const places = await page.locator('.place-label').allInnerTexts();
    assert.ok(places.includes('Furiani'), places.join(', '));
    await page.waitForTimeout(400);
    await screenshot(page, 'offline-built-in-background-1920x1080');
    // The tiles that could not be had are the only errors (the console does not name them).
    const unreached = errors.splice(beforeZoom);
    assert.ok(unreached.every((e) => /net::ERR_FAILED|tile\.openstreetmap\.org/.test(e)), unreached.join('\n'));
    assert.deepEqual(errors.filter((e) => !e.includes('tile.openstreetmap.org')), []);
  } finally {
    await app.close();
    await server.close();
  }
});
