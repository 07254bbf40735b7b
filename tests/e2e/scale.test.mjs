// The map at territory scale (issue 4: "stays smooth with 2,000 companies"): a synthetic EPCI of
// 2,000 companies and 20,000 flows (`symbiose synth 2000`) imported through the UI. The test
// checks that every marker and list row is there and prints the figures; it asserts no time
// (these machines are shared and noisy). The full benchmark is issue 6's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serveDist, openApp, waitForWorkspace, screenshot, importFile } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

const longestSince = (page, mark) => page.evaluate((m) => Math.max(0, ...window.__longTasks.slice(m)), mark);
const taskCount = (page) => page.evaluate(() => window.__longTasks.length);

test('2,000 companies and 6,000 flows: every marker drawn; filtering and selecting measured', async () => {
  const text = execFileSync('cargo', ['run', '-q', '-p', 'symbiose-cli', '--', 'synth', '2000', '3'], { maxBuffer: 64 << 20 }).toString();
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=back-home]');
    let mark = await taskCount(page);
    const t0 = Date.now();
    await importFile(page, 'epci-2000.symbiose.json', text);
    await page.click('[data-testid=import-as-new]');
    await page.waitForFunction(() => document.querySelector('[data-testid=map]')?.getAttribute('data-markers') === '2000', null, { timeout: 120000 });
    const toMap = Date.now() - t0;
    const importTask = await longestSince(page, mark);
    assert.equal(await page.locator('[data-testid=company-count]').innerText(), ' (2000)');
    assert.match(await page.locator('[data-testid=list-more]').innerText(), /1800 autres entreprises/);
    await screenshot(page, 'scale-2000-1920x1080');

    mark = await taskCount(page);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    let t = Date.now();
    await page.keyboard.press('4');
    await page.waitForFunction(() => document.querySelector('[data-testid=family-waste]')?.getAttribute('aria-pressed') === 'false');
    const toggleMs = Date.now() - t;
    const toggleTask = await longestSince(page, mark);
    const shown = Number(await page.getAttribute('[data-testid=map]', 'data-markers'));
    assert.ok(shown > 0 && shown < 2000, `${shown} companies keep a flow that is not waste`);
    await page.keyboard.press('4');

    mark = await taskCount(page);
    t = Date.now();
    await page.keyboard.press('PageDown');
    await page.locator('[data-testid=company-title]').waitFor();
    const selectMs = Date.now() - t;
    const selectTask = await longestSince(page, mark);

    console.log(`# scale 2000 companies / 6000 flows: import to full map ${toMap} ms (longest task ${Math.round(importTask)} ms); ` +
      `family toggle ${toggleMs} ms (longest task ${Math.round(toggleTask)} ms); select a company ${selectMs} ms (longest task ${Math.round(selectTask)} ms)`);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
