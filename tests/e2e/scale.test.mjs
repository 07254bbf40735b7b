// The map at territory scale (issue 4: "stays smooth with 2,000 companies"): a synthetic EPCI of
// 2,000 companies and 20,000 flows (`symbiose synth 2000`) imported through the UI. The test
// checks that every marker and list row is there and prints the figures; it asserts no time
// (these machines are shared and noisy). The full benchmark is issue 6's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { serveDist, openApp, waitForWorkspace, screenshot, importFile, storageSnapshot, downloadText, randomLetters } from './harness.mjs';

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
    // Grouped by thousands, with the narrow no-break space of every figure.
    assert.equal(await page.locator('[data-testid=company-count]').innerText(), ' (2\u202f000)');
    assert.match(await page.locator('[data-testid=list-more]').innerText(), /1\u202f800 autres entreprises/);
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

// Issue 6: a stored project of 5,000 companies that hits the storage quota. Browser storage
// keeps projects compressed, so a synthetic territory alone fits (2.6 MB for 5,000 × 10 flows);
// real ones carry notes, which compress far less: each company here gets a paragraph of 1,000
// random letters, which puts the project past the quota. The user must be told, keep working,
// export everything, and nothing stored before may change.
test('5,000 companies past the storage quota: the user is told, can work and export, nothing is lost', async () => {
  const file = JSON.parse(execFileSync('cargo', ['run', '-q', '-p', 'symbiose-cli', '--', 'synth', '5000', '10'], { maxBuffer: 256 << 20 }).toString());
    for (const a of file.project.actors) a.notes = `Visite : ${randomLetters(100)}`;
  const text = JSON.stringify(file);
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=back-home]');
    const before = await storageSnapshot(page);
    await importFile(page, 'epci-5000-notes.symbiose.json', text);
    await page.click('[data-testid=import-as-new]');
    await page.waitForFunction(() => document.querySelector('[data-testid=map]')?.getAttribute('data-markers') === '5000', null, { timeout: 180000 });
    const banner = page.locator('[data-testid=banner-full]');
    await banner.waitFor();
    assert.match(await banner.innerText(), /ne tient pas dans le stockage/);
    assert.match(await page.locator('[data-testid=save-status]').innerText(), /Non enregistré/);
    await screenshot(page, 'quota-5000-1920x1080');
    assert.deepEqual(await storageSnapshot(page), before, 'nothing stored before was touched');

    // Work goes on in the page; the export holds every company and the new edit.
    await page.locator('[data-testid=company-item]').first().click();
    await page.click('[data-testid=edit-actor]');
    await page.fill('[data-testid=actor-name]', 'Entreprise renommée après le quota');
    await page.click('[data-testid=actor-save]');
    await page.locator('[data-testid=company-title]').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid=save-status]').classList.contains('pending'));
    assert.match(await banner.innerText(), /ne tient pas dans le stockage/);
    const exported = JSON.parse((await downloadText(page, '[data-testid=banner-full] button')).text);
    assert.equal(exported.project.actors.length, 5000);
    assert.equal(exported.project.flows.length, 50000);
    assert.ok(exported.project.actors.some((a) => a.name === 'Entreprise renommée après le quota'));
    assert.equal(exported.project.actors.at(-1).notes, file.project.actors.at(-1).notes, 'notes come back as they were');
    assert.deepEqual(await storageSnapshot(page), before);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
