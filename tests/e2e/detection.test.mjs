// Detection off the main thread (issue 15, item 3): it runs in a Web Worker with its own wasm
// module, fetched after the first map; the page shows the share of offers done and stays usable;
// an edit's update, planned in the worker against what the page holds, equals a whole run; a
// worker that cannot start is said, not shown as running forever. Times are printed, never
// asserted (these machines are shared and noisy).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serveDist, openApp, waitForWorkspace, screenshot, importFile, waitSaved } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

const WORKER_WASM = /symbiose-worker_bg\.wasm$/;

/** The proposals tab's count, once detection is done. */
async function proposalCount(page) {
  await page.waitForSelector('[data-testid=tab-proposals][data-detection=done]', { timeout: 120000 });
  return Number((await page.locator('[data-testid=tab-proposals]').innerText()).match(/\((\d+)\)/)[1]);
}

test('the worker is fetched after the first map; the page stays usable while it works and shows the share done', async () => {
  const text = execFileSync('cargo', ['run', '-q', '-p', 'symbiose-cli', '--', 'synth', '2000', '8'], { maxBuffer: 64 << 20 }).toString();
  const requests = [];
  const app = await openApp(server.url, {
    setup: async (context) => {
      // The moment the map first holds markers, in the page's wall clock.
      await context.addInitScript(() => {
        new MutationObserver(() => {
          if (window.__mapAt === undefined && Number(document.querySelector('[data-testid=map]')?.getAttribute('data-markers')) > 0) {
            window.__mapAt = Date.now();
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-markers'] });
      });
      context.on('request', (r) => requests.push([r.url(), Date.now()]));
    },
  });
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const mapAt = await page.evaluate(() => window.__mapAt);
    const worker = requests.find(([url]) => WORKER_WASM.test(url));
    assert.ok(worker, 'the detection worker\'s module was fetched');
    assert.ok(worker[1] >= mapAt, `the worker's module was fetched ${mapAt - worker[1]} ms before the first map`);
    const before = requests.filter(([, at]) => at < mapAt).map(([url]) => url);
    assert.ok(!before.some((u) => /symbiose-worker/.test(u)), `fetched before the map: ${before.join(', ')}`);
    assert.ok((await proposalCount(page)) > 10, 'the demo\'s proposals, from the worker');

    // 2,000 companies and 16,000 flows: a run of several seconds.
    await page.click('[data-testid=back-home]');
    await importFile(page, 'epci-2000.symbiose.json', text);
    await page.click('[data-testid=import-as-new]');
    await page.waitForFunction(() => document.querySelector('[data-testid=map]')?.getAttribute('data-markers') === '2000', null, { timeout: 120000 });
    const mark = await page.evaluate(() => window.__longTasks.length);
    const started = Date.now();
    // While it runs, the tab says how far it is, and a company opens at once.
    await page.waitForFunction(() => /\d\s?%\)/.test(document.querySelector('[data-testid=tab-proposals]')?.textContent ?? ''), null, { timeout: 60000 });
    const shown = await page.locator('[data-testid=tab-proposals]').innerText();
    assert.equal(await page.getAttribute('[data-testid=tab-proposals]', 'data-detection'), 'running');
    await page.click('[data-testid=tab-proposals]');
    await page.locator('[data-testid=detection-progress]').waitFor();
    assert.match(await page.locator('[data-testid=detection-progress]').innerText(), /offres examinées\s: \d+\s%/);
    await screenshot(page, 'detection-progress-1920x1080');
    let t = Date.now();
    await page.click('[data-testid=tab-companies]');
    await page.locator('[data-testid=company-item]').first().click();
    await page.locator('[data-testid=company-title]').waitFor();
    const openMs = Date.now() - t;
    const stillRunning = (await page.getAttribute('[data-testid=tab-proposals]', 'data-detection')) === 'running';
    const count = await proposalCount(page);
    const detectMs = Date.now() - started;
    const longest = await page.evaluate((m) => Math.max(0, ...window.__longTasks.slice(m)), mark);
    assert.ok(count > 1000, `${count} proposals`);
    console.log(`# 2,000 companies / 16,000 flows: detection ${detectMs} ms in the worker, ${count} proposals; tab while running "${shown}"; ` +
      `a company opened in ${openMs} ms ${stillRunning ? 'while detection ran' : '(detection had ended)'}; longest main-thread task meanwhile ${Math.round(longest)} ms`);

    // A worker grown large (a whole run at 2,000 companies) ends after its result; the next
    // edit starts a new one, which plans the update with the summary the first one sent.
    const whole = await lastResult(page);
    assert.equal(whole.rescored, null, 'a whole run');
    // 16,000 flows: the whole run is split between one worker per core (at most four).
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    assert.equal(whole.shares, Math.min(cores, 4), `the whole run's shares on ${cores} cores`);
    assert.equal(whole.workers, whole.shares, 'one worker per share');
    assert.ok(whole.worker >= 48 * 2 ** 20, `the worker's memory after a whole run: ${whole.worker} B`);
    await tenfoldFirstFlow(page);
    await proposalCount(page);
    const update = await lastResult(page);
    assert.equal(update.workers, whole.workers + 1, 'a new worker for the edit');
    assert.equal(update.shares, 1, 'an update is not split');
    assert.ok(update.rescored > 0, `an update: ${update.rescored} offers rescored`);
    // New assumptions change every score: a whole run again, split as when the project opened.
    await page.click('[data-testid=page-territory]');
    await page.locator('[data-testid=assumption-boiler-efficiency]').fill('0,8');
    await page.click('[data-testid=assumptions-save]');
    await page.locator('[data-testid=assumptions-message]').waitFor();
    await page.click('[data-testid=page-map]');
    // The run's result, not the edit's still shown: its workers are new ones (the page keeps
    // its detection from one page to the next, so only the new assumptions start them).
    await page.waitForFunction((n) => performance.getEntriesByName('symbiose:detection-result').at(-1)?.detail.workers > n,
      update.workers, { timeout: 120000 });
    assert.equal((await lastResult(page)).workers, update.workers + whole.shares, 'new workers for the split run, no more');
    assert.ok((await proposalCount(page)) > 1000);
    const again = await lastResult(page);
    assert.equal(again.rescored, null, 'new assumptions: a whole run');
    assert.equal(again.shares, whole.shares, 'split as the first run was');
    console.log(`# 2,000 companies: the whole run in ${whole.shares} shares; after an edit, ${update.rescored} offers rescored by a new worker (the shares held ${Math.round(whole.worker / 2 ** 20)} MB); new assumptions: a whole run in ${again.shares} shares`);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

/** On an open company sheet, multiplies its first flow's quantity by ten and saves. */
async function tenfoldFirstFlow(page) {
  await page.locator('[data-testid=flow-item]').first().click();
  const quantity = page.locator('[data-testid=flow-quantity]');
  const typed = await quantity.inputValue();
  await quantity.fill(String(Number(typed.replace(',', '.').replace(/\s/g, '')) * 10 || 500).replace('.', ','));
  await page.click('[data-testid=flow-save]');
  await page.waitForSelector('[data-testid=tab-proposals][data-detection=running]').catch(() => {});
}

// The page's mark of the last detection result (src/perf.rs `detection_mark`).
const lastResult = (page) => page.evaluate(() => performance.getEntriesByName('symbiose:detection-result').at(-1)?.detail);

test('an edit\'s update, planned in the worker, shows what a whole run of the edited project shows', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const first = await proposalCount(page);
    const whole = await lastResult(page);
    assert.equal(whole.rescored, null, 'the first run is a whole run');
    // Ten times the quantity of the first company's first flow, then of the second's: each
    // update is planned in the worker with the summary of what the page holds, and scores a
    // few offers again, not all. The demo's worker stays small, so it stays.
    let updated;
    for (const [edit, company] of [[1, 0], [2, 1]]) {
      await page.click('[data-testid=tab-companies]');
      if (edit > 1) await page.click('[data-testid=back-to-list]');
      await page.locator('[data-testid=company-item]').nth(company).click();
      await tenfoldFirstFlow(page);
      updated = await proposalCount(page);
      const update = await lastResult(page);
      assert.equal(update.workers, 1, `edit ${edit}: the demo's small worker is kept`);
      assert.ok(update.rescored >= 1 && update.rescored < 20, `edit ${edit}: ${update.rescored} offers rescored`);
    }
    const cards = async () => {
      await page.click('[data-testid=tab-proposals]');
      await page.locator('[data-testid=proposal-card]').first().waitFor();
      return page.locator('[data-testid=proposal-card] h3').allInnerTexts();
    };
    const afterEdit = await cards();
    await waitSaved(page);
    // A reload runs the whole detection of the saved, edited project.
    await page.reload();
    await waitForWorkspace(page);
    assert.equal(await proposalCount(page), updated);
    assert.deepEqual(await cards(), afterEdit);
    console.log(`# demo: ${first} proposals and poolings before the edits, ${updated} after; the updates equal a whole run`);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('a worker that cannot start is said, and the rest of the workspace works', async () => {
  const app = await openApp(server.url, {
    setup: (context) => context.route('**/symbiose-worker_loader.js', (r) => r.fulfill({ status: 404, body: '' })),
  });
  const { page, errors } = app;
  try {
    await page.waitForSelector('[data-testid=company-item]');
    await page.waitForSelector('[data-testid=tab-proposals][data-detection=failed]', { timeout: 60000 });
    await page.click('[data-testid=tab-proposals]');
    const said = await page.locator('[data-testid=detection-failed]').innerText();
    assert.match(said, /n'a pas pu démarrer/);
    assert.equal(await page.locator('.proposals .empty').count(), 0, 'no "no proposal for this filter" under the failure');
    await screenshot(page, 'detection-failed-1920x1080');
    await page.click('[data-testid=tab-companies]');
    await page.locator('[data-testid=company-item]').first().click();
    await page.locator('[data-testid=company-title]').waitFor();
    assert.ok(errors.some((e) => /404/.test(e)), 'the missing file is what failed');
  } finally {
    await app.close();
  }
});
