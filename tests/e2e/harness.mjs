// Shared end-to-end harness: serves dist/ on 127.0.0.1, launches Debian's Chromium through
// playwright-core, records every console error, page error and failed request, and saves
// screenshots under tests/e2e/screenshots/ (gitignored) for a person to look at.
import { createServer } from 'node:http';
import { readFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');
export const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * Serves dist/ on a free loopback port; resolves to { url, close }. `extra` maps a path to
 * { type, body } served as well (the benchmark's plain Leaflet page and its data); it is read
 * at each request, so a test can change it. `port` 0 takes a free one. `cacheControl`, if set,
 * is sent with dist/'s files (a host that lets browsers keep them).
 */
export async function serveDist({ extra = new Map(), port: wanted = 0, cacheControl } = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const added = extra.get(path);
    if (added) { res.writeHead(200, { 'content-type': added.type }).end(added.body); return; }
    const file = join(DIST, path.endsWith('/') ? path + 'index.html' : path);
    if (!file.startsWith(DIST)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (cacheControl) headers['cache-control'] = cacheControl;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(wanted, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }),
  };
}

// A 1x1 grey-green PNG, served in place of OpenStreetMap tiles: these machines have no network,
// and a test must not depend on one. Tile requests are counted so a test can check the layer.
const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGO4+/g+AAVAAqAa3wmHAAAAAElFTkSuQmCC',
  'base64');

/**
 * Opens a fresh browser profile (empty storage) at the given viewport.
 * `setup(context)` runs before the page opens (routes of its own).
 * Returns { page, context, errors, tileRequests, close }.
 */
export async function openApp(baseUrl, { width = 1920, height = 1080, locale = 'fr-FR', longTasks = true, setup } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'symbiose-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width, height },
    locale,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const errors = [];
  const tileRequests = [];
  await context.route('https://tile.openstreetmap.org/**', (route) => {
    tileRequests.push(route.request().url());
    // OpenStreetMap allows CORS; the app asks its tiles so, to keep them offline (sw.js).
    return route.fulfill({ status: 200, contentType: 'image/png', body: TILE_PNG,
      headers: { 'access-control-allow-origin': '*' } });
  });
  // Records long main-thread tasks (PerformanceObserver), for tests that report them. An init
  // script is injected into every frame, sandboxed ones included, where Chromium blocks it and
  // says so: tests that watch a sandboxed frame turn it off.
  if (longTasks) await context.addInitScript(() => {
    window.__longTasks = [];
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
        .observe({ type: 'longtask', buffered: true });
    } catch { /* no long-task support: nothing recorded */ }
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('requestfailed', (r) => {
    // Leaflet cancels the tiles of a view it leaves (zoom, fit) or of a server it stops using (a
    // new tile address): that is not a failure, whichever server the tile came from.
    const aborted = r.failure()?.errorText === 'net::ERR_ABORTED';
    const cancelledTile = aborted && r.resourceType() === 'image' && /\/\d+\/\d+\/\d+\.png$/.test(r.url());
    // A reload or a navigation ends the page's detection worker, and with it a download of the
    // worker's files still under way (seen in CI: a reload 2 s after opening the roadmap). A worker
    // file that cannot be had is still caught: as an HTTP status below, or by the page's own notice.
    const cancelledWorker = aborted && /\/symbiose-worker[^/]*$/.test(r.url());
    if (!cancelledTile && !cancelledWorker) errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  // A test's own routes, set before the first request (a service worker would answer later ones).
  if (setup) await setup(context);
  await page.goto(baseUrl);
  return {
    page, context, errors, tileRequests,
    close: async () => { await context.close(); await rm(profile, { recursive: true, force: true }); },
  };
}

/** Waits until the map has drawn its markers (canvas renderer) and the list is filled. */
export async function waitForWorkspace(page) {
  await page.waitForSelector('[data-testid=company-item]');
  await page.waitForSelector('.leaflet-container canvas');
  await page.waitForFunction(() => window.L !== undefined);
  // Detection runs in its worker after the first map: its proposals are on screen once it is done.
  await page.waitForSelector('[data-testid=tab-proposals][data-detection=done]');
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Every localStorage entry of the page's origin, as a plain object. */
/**
 * Where the map's two panels stand: the display panel (audience, background, proposals) and the
 * legend, their boxes in the map's frame, whether either is cut (its content taller than its
 * box) and whether the audience's select is inside the window.
 */
export async function mapPanels(page) {
  return page.evaluate(() => {
    const box = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
    };
    const cut = (el) => !!el && el.scrollHeight > el.clientHeight + 1;
    const display = document.querySelector('[data-testid=map-display]');
    const legend = document.querySelector('[data-testid=legend]');
    const audience = box(document.querySelector('[data-testid=audience]'));
    return {
      frame: box(document.querySelector('.map-frame')),
      display: box(display),
      legend: box(legend),
      displayCut: cut(display),
      legendCut: cut(legend),
      audienceShown: !!audience && audience.top >= 0 && audience.bottom <= window.innerHeight,
    };
  });
}

/** Whether two boxes share any pixel. */
export function overlap(a, b) {
  return a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;
}

export async function storageSnapshot(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
}

/**
 * The project file text a project's localStorage entry holds (the first project when no key is
 * given). Storage keeps it behind a stamp line, deflated and in base64 behind `symbiose-z1:` (core format::packed);
 * the page's own DecompressionStream unpacks it, as an independent check of that format.
 */
export async function storedText(page, key) {
  return page.evaluate(async (key) => {
    key ??= Object.keys(localStorage).find((k) => k.startsWith('symbiose.project.'));
    let raw = localStorage.getItem(key);
    // The first line is the stamp of who wrote it (src/persist/keys.rs, Stamp).
    if (raw?.startsWith('symbiose-r1 ')) raw = raw.slice(raw.indexOf('\n') + 1);
    if (raw === null || !raw.startsWith('symbiose-z1:')) return raw;
    const bytes = Uint8Array.from(atob(raw.slice('symbiose-z1:'.length)), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).text();
  }, key);
}

/** The stored project (see `storedText`), parsed. */
export async function storedProject(page, key) {
  return JSON.parse(await storedText(page, key)).project;
}

/** Clicks something that downloads a file and returns the file's text and suggested name. */
export async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await download.path();
  const { readFile: read } = await import('node:fs/promises');
  return { name: download.suggestedFilename(), text: await read(path, 'utf8') };
}

/** Chooses a file in the import control (from the home view or the project toolbar). */
export async function importFile(page, name, text) {
  await page.setInputFiles('[data-testid=import-input]', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Renames the first company of the list through its form and waits for its sheet. */
export async function renameFirstCompany(page, name) {
  await page.locator('[data-testid=company-item]').first().click();
  await page.click('[data-testid=edit-actor]');
  await page.fill('[data-testid=actor-name]', name);
  await page.click('[data-testid=actor-save]');
  await page.locator('[data-testid=company-title]').waitFor();
}

/** Makes the stored copy one that autosave wrote. A new project is stored packed whole
 * (`packed::pack`), autosave packs as it writes (`packed::pack_written`); the two can differ by a
 * hundred characters or more on the demonstration, so a test that needs the next save to be
 * longer than the stored one starts from an autosaved copy. */
export async function autosavedCopy(page) {
  await renameFirstCompany(page, 'Entreprise A');
  await waitSaved(page);
  await page.click('[data-testid=back-to-list]');
}

/** Waits until the toolbar says the project is saved in this browser. */
export async function waitSaved(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.classList.contains('ok'));
}

/** Fills the origin's storage quota with other data, to the last byte: halving the sizes down
 * to one character leaves no room for anything longer. */
export async function fillStorage(page) {
  await page.evaluate(() => {
    let i = 0;
    for (let size = 512 * 1024; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try { localStorage.setItem(`filler.${i++}`, 'x'.repeat(size)); } catch { break; }
      }
    }
  });
}

/** `words` × 10 random letters: storage is compressed, and random text does not compress, so
 * a project carrying enough of it cannot come out shorter than before (deflate's blocks alone
 * move the length by tens of characters either way: take 250 letters, not 20). */
export function randomLetters(words = 10) {
  return Array.from({ length: words }, () => Math.random().toString(36).slice(2, 12)).join('');
}

/**
 * An input's placeholder, the width it needs in the input's font and the room the input gives
 * it (its width inside the padding): a cut placeholder is an example the user never reads.
 */
export async function placeholderRoom(page, selector) {
  return page.locator(selector).evaluate((input) => {
    const style = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = style.font;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { text: input.placeholder, width: ctx.measureText(input.placeholder).width, room };
  });
}
