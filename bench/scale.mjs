// The territory-scale benchmark (`make bench`, issue 6). For synthetic EPCIs of 500, 2,000 and
// 5,000 companies with 10 flows each (`symbiose synth`, realistic positions and codes), it
// serves the release build in dist/ and measures in headless Chromium:
// - Symbiose: import through the UI; then a cold open from browser storage to the first map
//   with every marker (the sketch public/first-map.js draws before the app's module is asked
//   for), and apart, to the app's own map with every marker; detection time in the browser (the `symbiose:detect` span, slices and
//   pauses included) and its proposals; the longest main-thread task while loading, while
//   editing a flow (the edit and the detection it restarts) and during the autosave; JS heap;
//   renderer memory; stored size; save time (the `symbiose:save` span);
// - a plain Leaflet page (bench/plain.js, hand-written): the same file, the same markers, the
//   same renderer (canvas), timed from navigation to the markers on screen.
// It prints a table and writes it to target/bench/scale.md. Figures, not pass/fail: these
// machines are shared and noisy, so compare ratios measured in one run.
//
//   node bench/scale.mjs [SIZES...]     e.g. node bench/scale.mjs 500 2000
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist } from '../tests/e2e/harness.mjs';

const ROOT = new URL('../', import.meta.url).pathname;
const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
const sizes = SIZES.length ? SIZES : [500, 2000, 5000];
const FLOWS_PER_COMPANY = 10;
const SEED = 1;
const LONG = 10 * 60 * 1000;

const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGO4+/g+AAVAAqAa3wmHAAAAAElFTkSuQmCC', 'base64');

function synth(n) {
  const cli = join(ROOT, 'target/release/symbiose');
  execFileSync('cargo', ['build', '-q', '--release', '-p', 'symbiose-cli'], { cwd: ROOT, stdio: 'inherit' });
  return execFileSync(cli, ['synth', String(n), String(FLOWS_PER_COMPANY), '--seed', String(SEED)], { maxBuffer: 256 << 20 }).toString();
}

// Long tasks as [start, duration] and the times the map published a new marker count.
function recorder() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  window.__markerTimes = [];
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.attributeName === 'data-markers') {
        window.__markerTimes.push([performance.now(), Number(r.target.getAttribute('data-markers')), r.target.dataset.testid]);
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-markers'] });
}

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'fr-FR' });
  // OpenStreetMap allows CORS, and the app asks its tiles so (to keep them offline, sw.js).
  await context.route('https://tile.openstreetmap.org/**', (r) => r.fulfill({ status: 200, contentType: 'image/png',
    body: TILE_PNG, headers: { 'access-control-allow-origin': '*' } }));
  await context.addInitScript(recorder);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { context, page, errors };
}

// Memory of the renderer processes (resident set, all of them: the page's and any spare), MB.
async function rendererMb(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  let kb = 0;
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'));
      kb = Math.max(kb, Number(m?.[1] ?? 0));
    } catch { /* process gone */ }
  }
  return kb / 1024;
}

async function jsHeapMb(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1048576;
}

const longest = (tasks, from, to = Infinity) =>
  Math.max(0, ...tasks.filter(([s, d]) => s + d > from && s < to).map(([, d]) => d));
// The page's and the detection workers' WebAssembly memories at the last result (bytes), and
// how many workers (shares) it came from.
const wasmMemory = (page) => page.evaluate(() => performance.getEntriesByName('symbiose:detection-result').at(-1)?.detail);
const spans = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).map((e) => [e.startTime, e.duration]), name);

async function symbiose(browser, url, n, text) {
  const { context, page, errors } = await newPage(browser);
  const out = { n, errors };
  try {
    await page.goto(url);
    await page.waitForSelector('[data-testid=company-item]');
    await page.click('[data-testid=back-home]');
    let t = Date.now();
    await page.setInputFiles('[data-testid=import-input]', { name: `epci-${n}.symbiose.json`, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.click('[data-testid=import-as-new]');
    await page.waitForFunction((n) => document.querySelector('[data-testid=map]')?.getAttribute('data-markers') === String(n), n, { timeout: LONG });
    out.importMs = Date.now() - t;
    const id = await page.evaluate(() => location.hash.split('/')[2]);
    out.stored = await page.evaluate((id) => localStorage.getItem(`symbiose.project.${id}`)?.length ?? 0, id);
    if (!out.stored) { out.note = 'not stored: browser storage full'; return out; }

    // Cold open from storage.
    await page.reload();
    await page.waitForFunction((n) => window.__markerTimes.some(([, m]) => m === n), n, { timeout: LONG });
    out.firstMapMs = await page.evaluate((n) => window.__markerTimes.find(([, m]) => m === n)[0], n);
    // The first map above may be the sketch drawn before the app's module (public/first-map.js);
    // the app's own map, where companies can be clicked, is timed apart.
    await page.waitForFunction((n) => window.__markerTimes.some(([, m, id]) => m === n && id === 'map'), n, { timeout: LONG });
    out.appMapMs = await page.evaluate((n) => window.__markerTimes.find(([, m, id]) => m === n && id === 'map')[0], n);
    await page.waitForFunction(() => performance.getEntriesByName('symbiose:detect').length > 0, null, { timeout: LONG });
    const [[detectStart, detectMs]] = await spans(page, 'symbiose:detect');
    out.detectMs = detectMs;
    out.firstMapWasm = await page.evaluate(() => performance.getEntriesByName('symbiose:first-map-memory').at(-1)?.detail.page);
    out.proposals = Number((await page.locator('[data-testid=tab-proposals]').innerText()).match(/\((\d+)\)/)?.[1]);
    let tasks = await page.evaluate(() => window.__longTasks);
    out.loadTask = longest(tasks, 0, detectStart + detectMs);
    out.heapMb = await jsHeapMb(page);
    out.rssMb = await rendererMb(browser);
    out.wasm = await wasmMemory(page);
    // Where the first detection's time went: the page writing the inputs (its slices, and when
    // the last was written), each worker's phases, the page decoding the result.
    out.detectParts = await page.evaluate(([from, to]) => {
      const inside = (name) => performance.getEntriesByName(name).filter((e) => e.startTime >= from && e.startTime <= to);
      const sum = (es) => Math.round(es.reduce((a, e) => a + e.duration, 0));
      const writes = inside('symbiose:detect-snapshot');
      const sent = writes.length ? Math.round(Math.max(...writes.map((e) => e.startTime + e.duration)) - from) : 0;
      // The last worker to say it listens (marks replace each other: the newest is the last).
      const at = (name) => {
        const e = performance.getEntriesByName(name).filter((m) => m.startTime <= to).at(-1);
        return e ? Math.round(e.startTime - from) : null;
      };
      return {
        write: sum(writes),
        sent,
        decode: sum(inside('symbiose:detect-decode')),
        runAt: Math.round(from),
        started: at('symbiose:workers-started'),
        ready: at('symbiose:worker-ready'),
      };
    }, [detectStart, detectStart + detectMs]);

    // Edit a flow: the quantity of the first company's first flow.
    await page.locator('[data-testid=company-item]').first().click();
    await page.locator('[data-testid=flow-item]').first().click();
    await page.fill('[data-testid=flow-quantity]', '123');
    const mark = await page.evaluate(() => performance.now());
    const detections = (await spans(page, 'symbiose:detect')).length;
    await page.click('[data-testid=flow-save]');
    await page.waitForFunction((k) => performance.getEntriesByName('symbiose:detect').length > k, detections, { timeout: LONG });
    await page.waitForFunction(() => document.querySelector('[data-testid=save-status]')?.classList.contains('ok'), null, { timeout: LONG });
    const saves = (await spans(page, 'symbiose:save')).filter(([s]) => s > mark);
    const [saveStart, saveMs] = saves.at(-1);
    out.saveMs = saveMs;
    tasks = await page.evaluate(() => window.__longTasks);
    const inSave = ([s, d]) => s < saveStart + saveMs && s + d > saveStart;
    out.editTask = longest(tasks.filter((x) => !inSave(x)), mark);
    out.saveTask = longest(tasks.filter(inSave), mark);
    out.redetectMs = (await spans(page, 'symbiose:detect')).at(-1)[1];
    out.wasmAfterEdit = await wasmMemory(page);
    out.rssAfterEditMb = await rendererMb(browser);
    // Where the edit's time went: the app's named spans after the click, longest of each name.
    out.editSpans = await page.evaluate((mark) => {
      const by = {};
      for (const e of performance.getEntriesByType('measure')) {
        if (e.startTime < mark || !e.name.startsWith('symbiose:') || e.name === 'symbiose:detect') continue;
        by[e.name] = Math.max(by[e.name] ?? 0, e.duration);
      }
      return Object.entries(by).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k.slice(9)} ${Math.round(v)}`).join(', ');
    }, mark);
    // Once the edit's worker has ended (a worker grown large ends after its result) and the
    // page's garbage is collected: what the renderer keeps, as against its peak just above.
    await page.waitForTimeout(2000);
    out.heapAfterEditMb = await jsHeapMb(page);
    out.rssSettledMb = await rendererMb(browser);
  } finally {
    await context.close();
  }
  return out;
}

async function plain(browser, url, n) {
  const { context, page, errors } = await newPage(browser);
  try {
    await page.goto(`${url}__bench/plain.html?file=/__bench/epci-${n}.json`);
    await page.waitForFunction(() => window.__drawnAt !== undefined, null, { timeout: LONG });
    const drawn = await page.evaluate(() => [window.__drawnAt, window.__markers]);
    if (drawn[1] !== n) throw new Error(`plain page drew ${drawn[1]} markers, not ${n}`);
    const tasks = await page.evaluate(() => window.__longTasks);
    return { firstMapMs: drawn[0], loadTask: longest(tasks, 0), heapMb: await jsHeapMb(page), rssMb: await rendererMb(browser), errors };
  } finally {
    await context.close();
  }
}

const extra = new Map([
  ['/__bench/plain.html', { type: 'text/html; charset=utf-8', body: readFileSync(join(ROOT, 'bench/plain.html')) }],
  ['/__bench/plain.js', { type: 'text/javascript', body: readFileSync(join(ROOT, 'bench/plain.js')) }],
]);
const files = new Map();
for (const n of sizes) {
  const text = synth(n);
  files.set(n, text);
  extra.set(`/__bench/epci-${n}.json`, { type: 'application/json', body: text });
}
const server = await serveDist({ extra });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
const rows = [];
try {
  for (const n of sizes) {
    const text = files.get(n);
    process.stderr.write(`# ${n} companies: plain Leaflet page…\n`);
    const p = await plain(browser, server.url, n);
    process.stderr.write(`# ${n} companies: Symbiose…\n`);
    const s = await symbiose(browser, server.url, n, text);
    rows.push({ n, flows: n * FLOWS_PER_COMPANY, fileMb: text.length / 1e6, s, p });
    if (s.errors.length || p.errors.length) process.stderr.write(`  errors: ${[...s.errors, ...p.errors].join(' | ')}\n`);
  }
} finally {
  await browser.close();
  await server.close();
}

const ms = (x) => (x === undefined ? '—' : `${Math.round(x)}`);
// A long task is one over 50 ms: none recorded means every task stayed under that.
const task = (x) => (x === undefined ? '—' : x === 0 ? '< 50' : `${Math.round(x)}`);
const mb = (x) => (x === undefined ? '—' : x.toFixed(1));
// A whole run split between workers: their memories summed, and how many there were.
const wasm = (m) => (m ? `${mb(m.page / 2 ** 20)} + ${mb(m.worker / 2 ** 20)}${m.shares > 1 ? ` (${m.shares} workers)` : ''}` : '—');
const version = execFileSync('/usr/bin/chromium', ['--version']).toString().trim();
const lines = [
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} × ${cpus()[0].model.trim()}, ` +
    `${Math.round(totalmem() / 2 ** 30)} GiB, ${version}, headless, 1920×1080. Synthetic EPCIs: \`symbiose synth N ${FLOWS_PER_COMPANY} --seed ${SEED}\`.`,
  '',
  '| companies | flows | file MB | stored MB | first map: Symbiose ms | plain Leaflet ms | ratio | the app’s map ms (ratio) | detection ms (proposals) | longest task: load ms | edit ms | autosave ms | save ms | JS heap MB (plain) | renderer RSS MB (plain) |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];
for (const { n, flows, fileMb, s, p } of rows) {
  const ratio = s.firstMapMs ? (s.firstMapMs / p.firstMapMs).toFixed(2) : '—';
  lines.push(`| ${n} | ${flows} | ${fileMb.toFixed(1)} | ${s.stored ? mb(s.stored / 1e6) : s.note} | ${ms(s.firstMapMs)} | ${ms(p.firstMapMs)} | ${ratio} | ` +
    `${ms(s.appMapMs)} (${s.appMapMs ? (s.appMapMs / p.firstMapMs).toFixed(2) : '—'}) | ` +
    `${ms(s.detectMs)} (${s.proposals ?? '—'}) | ${task(s.loadTask)} (plain ${task(p.loadTask)}) | ${task(s.editTask)} | ${task(s.saveTask)} | ${ms(s.saveMs)} | ` +
    `${mb(s.heapMb)} (${mb(p.heapMb)}) | ${mb(s.rssMb)} (${mb(p.rssMb)}) |`);
}
lines.push('', 'Import through the UI (file read, checks, first store, first map), ms: ' +
  rows.map(({ n, s }) => `${n}: ${ms(s.importMs)}`).join('; ') + '.',
'Detection after the edit (a full new run, in slices), ms: ' + rows.map(({ n, s }) => `${n}: ${ms(s.redetectMs)}`).join('; ') + '.',
'WebAssembly memory of the page at the first map, MB: ' + rows.map(({ n, s }) => `${n}: ${mb(s.firstMapWasm / 2 ** 20)}`).join('; ') + '.',
'WebAssembly memory after the first detection, MB, page + workers: ' + rows.map(({ n, s }) => `${n}: ${wasm(s.wasm)}`).join('; ') + '.',
'After the edit: ' + rows.map(({ n, s }) => `${n}: ${wasm(s.wasmAfterEdit)}, renderer RSS ${mb(s.rssAfterEditMb)}; 2 s later, garbage collected: renderer RSS ${mb(s.rssSettledMb)}, JS heap ${mb(s.heapAfterEditMb)}`).join('; ') + '.',
'Longest span of each kind after the edit, ms: ' + rows.map(({ n, s }) => `${n}: ${s.editSpans ?? '—'}`).join('; ') + '.');
lines.push('First detection\'s parts, ms: ' + rows.map(({ n, s }) => {
  const d = s.detectParts;
  if (!d) return `${n}: —`;
  const shares = (s.wasm?.phases ?? []).map((p) => p.join(' / ')).join('; ');
  return `${n}: the run starts ${d.runAt} ms after navigation; the page writes the inputs ${d.write} (all sent at ${d.sent}), the workers started at ${d.started} and the last listens at ${d.ready}, workers read+plan / score / write ${shares}, the page decodes ${d.decode}`;
}).join(' — ') + '.');
const table = lines.join('\n');
mkdirSync(join(ROOT, 'target/bench'), { recursive: true });
writeFileSync(join(ROOT, 'target/bench/scale.md'), table + '\n');
console.log(table);
console.log('\n(written to target/bench/scale.md)');
