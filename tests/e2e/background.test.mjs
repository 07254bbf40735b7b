// The offline vector background (issue 17, part 1b): a PMTiles extract of the territory, opened
// from disk or served beside the app, kept in the browser and drawn with no network; a wrong
// file is refused with its reason and changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serveDist, openApp, waitForWorkspace, screenshot, SCREENSHOTS } from './harness.mjs';
import { makePmtiles } from './pmtiles-fixture.mjs';

const status = (page) => page.locator('[data-testid=vector-status]').innerText();
const message = (page) => page.locator('[data-testid=vector-message]').innerText();
const background = (page) => page.getAttribute('[data-testid=map]', 'data-background');

// The colour the map's background canvases hold at a point of the map (from its left edge, as
// a share of its width, at mid-height), or null where no canvas tile is drawn.
const colourAt = (page, share) => page.evaluate((share) => {
  const map = document.querySelector('[data-testid=map]').getBoundingClientRect();
  const x = map.left + map.width * share;
  const y = map.top + map.height / 2;
  for (const canvas of document.querySelectorAll('.leaflet-tile-pane canvas')) {
    const r = canvas.getBoundingClientRect();
    if (x < r.left || x >= r.right || y < r.top || y >= r.bottom) continue;
    const px = Math.floor(((x - r.left) * canvas.width) / r.width);
    const py = Math.floor(((y - r.top) * canvas.height) / r.height);
    const [red, green, blue, alpha] = canvas.getContext('2d').getImageData(px, py, 1, 1).data;
    if (alpha > 0) return { red, green, blue };
  }
  return null;
}, share);

// Waits until the canvases are drawn at both points (protomaps-leaflet draws tiles a moment
// after it adds them).
async function drawnColours(page) {
  const end = Date.now() + 15000;
  for (;;) {
    const land = await colourAt(page, 0.05);
    const sea = await colourAt(page, 0.95);
    if (land && sea) return { land, sea };
    if (Date.now() > end) throw new Error('the vector background drew no tile at the map\'s edges');
    await page.waitForTimeout(200);
  }
}

test('background: a PMTiles extract, from beside the app or from disk, is kept and drawn with no network; a wrong one changes nothing', async () => {
  const extract = makePmtiles();
  // The extract of another territory (Ajaccio's area): kept, but the user hears it is the wrong one.
  const elsewhere = makePmtiles({ maxZoom: 10, bounds: { west: 8.6, south: 41.85, east: 8.85, north: 42.0 } });
  const extra = new Map([
    ['/bastia.pmtiles', { type: 'application/octet-stream', body: extract }],
    ['/ajaccio.pmtiles', { type: 'application/octet-stream', body: elsewhere }],
  ]);
  const server = await serveDist({ extra });
  const app = await openApp(server.url);
  const { page, context, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.waitForFunction(() => navigator.serviceWorker?.controller);
    assert.equal(await background(page), 'tiles');
    await page.click('[data-testid=tile-settings] summary');
    assert.match(await status(page), /Aucun fond hors ligne/);
    // The renderer is not part of the first visit: nothing of it was fetched.
    const vendored = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/protomaps/')).length);
    assert.equal(await vendored(), 0, 'protomaps is loaded only for a kept background');

    // Wrong files: refused with the reason, nothing kept, the tiles stay.
    await page.setInputFiles('[data-testid=vector-file]', { name: 'fond.pmtiles', mimeType: 'application/octet-stream', buffer: Buffer.from('<html>not a map</html>'.repeat(10)) });
    await page.waitForFunction(() => /refusé/.test(document.querySelector('[data-testid=vector-message]')?.innerText ?? ''));
    assert.match(await message(page), /Fond refusé, rien n'a changé : ce fichier n'est pas un fond PMTiles/);
    const cut = extract.subarray(0, extract.length - 1000);
    await page.setInputFiles('[data-testid=vector-file]', { name: 'coupé.pmtiles', mimeType: 'application/octet-stream', buffer: cut });
    await page.waitForFunction(() => /incomplet/.test(document.querySelector('[data-testid=vector-message]')?.innerText ?? ''));
    await page.fill('[data-testid=vector-address]', 'absent.pmtiles');
    await page.click('[data-testid=vector-fetch]');
    await page.waitForFunction(() => /HTTP 404/.test(document.querySelector('[data-testid=vector-message]')?.innerText ?? ''));
    assert.match(await status(page), /Aucun fond hors ligne/);
    assert.equal(await background(page), 'tiles');
    assert.equal(await page.evaluate(async () => (await (await caches.open('map-background')).keys()).length), 0);

    // Another territory's extract: kept, and the status says the zone is outside it.
    await page.fill('[data-testid=vector-address]', 'ajaccio.pmtiles');
    await page.click('[data-testid=vector-fetch]');
    await page.waitForFunction(() => /gardé/.test(document.querySelector('[data-testid=vector-message]')?.innerText ?? ''));
    assert.match(await status(page), /ajaccio\.pmtiles.*40 des 40 entreprises placées sont hors de ce fond/s);

    // The zone's extract, served beside the app, replaces it and is drawn.
    await page.fill('[data-testid=vector-address]', 'bastia.pmtiles');
    await page.click('[data-testid=vector-fetch]');
    await page.waitForFunction(() => /bastia\.pmtiles/.test(document.querySelector('[data-testid=vector-message]')?.innerText ?? ''));
    const kept = await status(page);
    assert.match(kept, /Fond hors ligne utilisé à la place des tuiles : bastia\.pmtiles, [\d,]+\u00a0Ko, zooms 0 à 14, de 42,55° N 9,30° E à 42,72° N 9,55° E\.$/);
    await page.waitForSelector('[data-testid=map][data-background=vector]');
    await page.locator('[data-testid=vector-settings]').scrollIntoViewIfNeeded();
    await page.locator('[data-testid=map-display]').screenshot({ path: join(SCREENSHOTS, 'vector-settings-display.png') });
    assert.equal(await vendored(), 2, 'pmtiles.js and protomaps-leaflet.js, once');
    const online = await drawnColours(page);
    assert.notDeepEqual(online.land, online.sea, 'land and sea differ');
    assert.ok(online.sea.blue > online.sea.red, `the sea is blue: ${JSON.stringify(online.sea)}`);
    assert.equal(await page.locator('img.leaflet-tile').count(), 0, 'no tile images under the vector background');
    assert.match(await page.locator('.map-display .tiles-toggle').first().innerText(), /Fond hors ligne \(bastia\.pmtiles\)/);
    assert.match(await page.locator('.leaflet-control-attribution').innerText(), /Protomaps, © contributeurs OpenStreetMap/);

    // Removed: the tiles come back.
    await page.click('[data-testid=vector-forget]');
    await page.waitForSelector('[data-testid=map][data-background=tiles]');
    assert.match(await message(page), /Fond hors ligne retiré/);
    assert.match(await page.locator('.map-display .tiles-toggle').first().innerText(), /Fond OpenStreetMap/);

    // No network at all. A file opened from disk is kept and drawn.
    await context.route('https://tile.openstreetmap.org/**', (route) => route.abort('internetdisconnected'));
    await context.setOffline(true);
    await page.setInputFiles('[data-testid=vector-file]', { name: 'bastia.pmtiles', mimeType: 'application/octet-stream', buffer: extract });
    await page.waitForSelector('[data-testid=map][data-background=vector]');
    await drawnColours(page);

    // Reopened with no network and no server: the kept background is drawn again.
    await server.close();
    await page.reload();
    await waitForWorkspace(page);
    await page.waitForSelector('[data-testid=map][data-background=vector]');
    const offline = await drawnColours(page);
    assert.deepEqual(offline, online, 'the same background as online');
    await page.waitForTimeout(500);
    await screenshot(page, 'vector-background-1920x1080');
    // A smaller projector: the same background, the map's panels folded beside it.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(800);
    await drawnColours(page);
    // Shorter than 800 lines, the map's panels fold to their titles; taller again, they unfold.
    const folds = () => page.evaluate(() => ['legend-fold', 'display-fold']
      .map((id) => document.querySelector(`[data-testid=${id}]`).getAttribute('aria-expanded')));
    assert.deepEqual(await folds(), ['false', 'false']);
    await screenshot(page, 'vector-background-1280x720');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForFunction(() => document.querySelector('[data-testid=display-fold]').getAttribute('aria-expanded') === 'true');
    assert.deepEqual(await folds(), ['true', 'true']);
    // The background switched off: the built-in places, as before.
    await page.uncheck('[data-testid=tiles-toggle]');
    await page.waitForSelector('[data-testid=map][data-background=built-in]');
    await page.check('[data-testid=tiles-toggle]');
    await page.waitForSelector('[data-testid=map][data-background=vector]');

    const unexpected = errors.filter((e) => !/tile\.openstreetmap\.org|net::ERR_FAILED|404/.test(e));
    assert.deepEqual(unexpected, []);
  } finally {
    await app.close();
    await server.close().catch(() => {});
  }
});
