// The first map (issue 15, first visit): the zone's companies drawn by public/first-map.js with
// Leaflet alone, before the app's module is asked for; the app's map takes its place once drawn.
// On a first visit the app's module is held back (a route that answers it late), so the first map
// can be looked at while it is alone on screen.


import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serveDist, openApp, waitForWorkspace, screenshot, storageSnapshot, autosavedCopy, fillStorage, randomLetters, renameFirstCompany, waitSaved, storedText,
} from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

const APP_WASM = /\/symbiose-app-[^/]*_bg\.wasm$/;
const APP_FILES = /\/symbiose-app-[^/]*$/;

/** Records when the first map published its count, with its box; holds the app's module back
 * until `release()` (on a first visit: later loads may get it from the service worker, which
 * page routes do not see, so they are watched, not held). */
function holdApp() {
  let release;
  const released = new Promise((done) => { release = done; });
  const requests = [];
  return {
    requests,
    release: () => release(),
    setup: async (context) => {
      await context.addInitScript(() => {
        window.__firstMap = undefined;
        new MutationObserver(() => {
          const el = document.querySelector('[data-testid=first-map][data-markers]');
          if (window.__firstMap === undefined && el) {
            const r = el.getBoundingClientRect();
            window.__firstMap = { at: Date.now(), markers: el.dataset.markers, box: [r.x, r.y, r.width, r.height] };
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-markers'] });
      });
      context.on('request', (r) => requests.push([r.url(), Date.now()]));
      await context.route(APP_WASM, async (route) => { await released; await route.continue(); });
    },
  };
}

/** Canvas pixels of the first map close to a colour: the markers were painted, not only counted. */
function paintedInFirstMap(page, hex) {
  return page.evaluate((hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const c = document.querySelector('[data-testid=first-map] canvas');
    if (!c) return 0;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - r) < 12 && Math.abs(d[i + 1] - g) < 12 && Math.abs(d[i + 2] - b) < 12 && d[i + 3] > 200) n++;
    }
    return n;
  }, hex);
}

test('a first visit draws the demonstration zone before asking for the app, then the app takes over', async () => {
  const hold = holdApp();
  const app = await openApp(server.url, { setup: hold.setup });
  const { page, errors } = app;
  try {
    await page.waitForSelector('[data-testid=first-map][data-markers]');
    const firstMapAt = (await page.evaluate(() => window.__firstMap)).at;
    const drawn = Number(await page.getAttribute('[data-testid=first-map]', 'data-markers'));
    assert.ok(drawn >= 3, `the first map shows ${drawn} companies`);
    // Manufacturing (section C) is blue, as on the app's map.
    assert.ok(await paintedInFirstMap(page, '#1f5fbf') > 50, 'section C markers painted');
    assert.match(await page.locator('.first-map-status').innerText(), /Chargement de Symbiose/);
    const early = hold.requests.filter(([, at]) => at <= firstMapAt).map(([url]) => url);
    assert.ok(!early.some((u) => APP_FILES.test(u)), `the app's files were asked for before the first map: ${early.join(', ')}`);
    await screenshot(page, 'first-map-1920x1080');

    hold.release();
    await waitForWorkspace(page);
    const appMarkers = Number(await page.getAttribute('[data-testid=map]', 'data-markers'));
    assert.equal(appMarkers, drawn, 'the first map drew the companies the app\'s map draws');
    assert.equal(await page.locator('.first-map').count(), 0, 'the first map is gone');
    const stored = await storageSnapshot(page);
    assert.ok(!('symbiose.sketch' in stored), 'no sketch is kept while the app runs');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('on a phone and a 1280x720 projector, the first map and its status fit the screen', async () => {
  for (const [width, height] of [[390, 844], [1280, 720]]) {
    const hold = holdApp();
    const app = await openApp(server.url, { width, height, setup: hold.setup });
    const { page, errors } = app;
    try {
      await page.waitForSelector('[data-testid=first-map][data-markers]');
      const status = await page.locator('.first-map-status').boundingBox();
      assert.ok(status.x >= 0 && status.x + status.width <= width && status.y >= 0, `the status fits ${width} px: ${JSON.stringify(status)}`);
      const lines = await page.locator('.first-map-status').evaluate((e) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      assert.ok(lines <= 1, `the status is one line at ${width} px`);
      await screenshot(page, `first-map-${width}x${height}`);
      hold.release();
      await waitForWorkspace(page);
      assert.equal(await page.locator('.first-map').count(), 0);
      assert.deepEqual(errors, []);
    } finally {
      await app.close();
    }
  }
});

test('a reload draws the last map in its place, then the app\'s map; a sketch of another address, damaged, or of a project now empty leaves nothing over the app', async () => {
  const hold = holdApp();
  const app = await openApp(server.url, { setup: hold.setup });
  const { page, context, errors } = app;
  try {
    hold.release();
    await waitForWorkspace(page);
    const box = await page.locator('[data-testid=map]').boundingBox();
    const markers = await page.getAttribute('[data-testid=map]', 'data-markers');

    await page.reload();
    await waitForWorkspace(page);
    const first = await page.evaluate(() => window.__firstMap);
    assert.ok(first, 'the reload drew the first map');
    assert.equal(first.markers, markers, 'the companies the map showed');
    const [x, y, width, height] = first.box;
    for (const [k, v] of Object.entries({ x, y, width, height })) {
      assert.ok(Math.abs(v - box[k]) <= 1, `the first map stood where the map stood (${k}: ${v} vs ${box[k]})`);
    }
    assert.equal(await page.locator('.first-map').count(), 0, 'the first map is gone');
    assert.equal(await page.evaluate(() => localStorage.getItem('symbiose.sketch')), null, 'its sketch is no longer stored');

    // A sketch of another address, or one that is not a sketch: the project opens without one.
    // (Written while this tab shows the home list, which writes no sketch as it goes.)
    const url = page.url();
    await page.click('[data-testid=back-home]');
    const here = new URL(url).hash;
    const sketches = [
      JSON.stringify({ v: 1, route: '#/p/elsewhere', padding: [60, 60, 60, 60], colours: ['#1f5fbf'], markers: [[42.6, 9.4, 0, 10]] }),
      '{not json',
      // This address, but positions Leaflet cannot place: nothing may stay over the app.
      JSON.stringify({ v: 1, route: here, padding: [60, 60, 60, 60], colours: ['#1f5fbf'], markers: [['x', 'y', 0, 10]] }),
    ];
    for (const sketch of sketches) {
      await page.evaluate((s) => localStorage.setItem('symbiose.sketch', s), sketch);
      const other = await context.newPage();
      other.on('pageerror', (e) => errors.push(`page: ${e.message}`));
      await other.goto(url);
      await waitForWorkspace(other);
      assert.equal(await other.evaluate(() => window.__firstMap), undefined, `not drawn: ${sketch}`);
      assert.equal(await other.locator('.first-map').count(), 0, `nothing left on screen: ${sketch}`);
      await other.locator('[data-testid=company-item]').first().click();
      await other.locator('[data-testid=company-title]').waitFor();
      await other.close();
    }

    // A sketch kept for a project that has no company left (emptied in another tab since): the
    // empty map takes the first map away all the same.
    await page.fill('[data-testid=new-project-name]', 'ZA vide');
    await page.click('[data-testid=create-project]');
    await page.locator('[data-testid=project-name]').waitFor();
    const empty = page.url();
    await page.click('[data-testid=back-home]');
    await page.evaluate((route) => localStorage.setItem('symbiose.sketch', JSON.stringify({
      v: 1, route, padding: [60, 60, 60, 60], colours: ['#1f5fbf'], markers: [[42.6, 9.4, 0, 10]] })), new URL(empty).hash);
    const other = await context.newPage();
    other.on('pageerror', (e) => errors.push(`page: ${e.message}`));
    await other.goto(empty);
    await other.locator('[data-testid=project-name]').waitFor();
    await other.waitForFunction(() => document.querySelector('[data-testid=map]')?.hasAttribute('data-markers'));
    assert.ok(await other.evaluate(() => window.__firstMap), 'the first map was drawn');
    await other.waitForFunction(() => !document.querySelector('.first-map'), null, { timeout: 10000 });
    await other.close();
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('storage full: a sketch another tab left gives its room to the project\'s save', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await autosavedCopy(page);
    // What a tab closed on a large zone leaves: the sketch of its 5,000 companies (~170 KB).
    await page.evaluate(() => {
      const markers = Array.from({ length: 5000 }, (_, i) => [42 + i / 1e4, 9 + i / 1e4, 0, 9.5]);
      localStorage.setItem('symbiose.sketch', JSON.stringify({ v: 1, route: '#/p/other', colours: ['#1f5fbf'], markers }));
    });
    await fillStorage(page);
    const name = `Nom plus long que la place libre ${randomLetters(25)}`;
    await renameFirstCompany(page, name);
    await waitSaved(page);
    assert.equal(await page.locator('[data-testid=banner-full]').count(), 0, 'no "storage full" banner');
    assert.equal(await page.evaluate(() => localStorage.getItem('symbiose.sketch')), null, 'the sketch gave its room');
    const id = page.url().split('/').at(-1);
    assert.ok((await storedText(page, `symbiose.project.${id}`)).includes(name), 'the edit is stored');
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
