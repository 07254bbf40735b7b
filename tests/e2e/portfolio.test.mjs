// The funder's portfolio: the two demonstrations (the activity zone and the pilot territory
// followed since 2015) and one file set side by side, the sums
// of their follow-up indicators and their aids consolidated, a bad file refused without
// changing anything, and the CSV sheet made from the same figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDist, openApp, waitForWorkspace, screenshot, downloadText, storageSnapshot } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

const number = (text) => Number(text.replace(/[\s\u202f\u00a0€]/g, '').replace(',', '.'));

async function toHome(page) {
  await page.click('[data-testid=back-home]');
  await page.locator('[data-testid=home]').waitFor();
}

test('the two demos and a file side by side, with sums and aids consolidated', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await toHome(page);
    // The pilot demonstration, as a second territory.
    await page.click('[data-testid=add-pilot-demo]');
    await waitForWorkspace(page);
    await toHome(page);
    await page.click('[data-testid=portfolio] summary');
    const picks = page.locator('[data-testid=portfolio-pick]');
    assert.equal(await picks.count(), 2);
    await picks.nth(0).check();
    await picks.nth(1).check();
    const table = page.locator('[data-testid=portfolio-table]');
    await table.waitFor();
    const row = async (code) => (await table.locator(`tr[data-code=${code}] td.num`).allInnerTexts()).map((x) => x.trim());
    // Both have eight visits in their log; the zone is at maturity 2, the pilot at 3.
    assert.deepEqual(await row('site_visits'), ['8', '8', '16']);
    const maturity = await row('maturity');
    assert.deepEqual([maturity.slice(0, 2).sort(), maturity[2]], [['2', '3'], 'sans objet']);
    assert.equal((await row('synergies_implemented'))[2], '3', 'the pilot runs three synergies');

    // A file: read, never stored.
    const before = await storageSnapshot(page);
    const demo = JSON.parse(await readFile(new URL('../../crates/symbiose-core/data/demo_za.json', import.meta.url), 'utf8'));
    demo.project.name = 'Territoire du fichier';
    demo.project.activities = demo.project.activities.filter((a) => a.kind !== 'site_visit');
    await page.setInputFiles('[data-testid=portfolio-input]', { name: 'territoire.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(demo)) });
    await table.locator('th', { hasText: 'Territoire du fichier' }).waitFor();
    assert.deepEqual(await row('site_visits'), ['8', '8', '0', '16']);
    // A file that is not a project is refused with its name; the table stays as it was.
    await page.setInputFiles('[data-testid=portfolio-input]', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"type": "FeatureCollection"}') });
    assert.match(await page.locator('[data-testid=portfolio] [role=alert]').innerText(), /notes\.json/);
    assert.deepEqual(await row('site_visits'), ['8', '8', '0', '16']);
    assert.deepEqual(await storageSnapshot(page), before, 'nothing stored');

    // Aids: the zone's twice (the demo and the file) and the pilot's.
    const total = (await page.locator('[data-testid=portfolio-aids-total] td').allInnerTexts()).map(number);
    assert.deepEqual(total, [2 * 32_000 + 432_800, 2 * 6_000 + 342_800, 326_000]);
    await page.locator('[data-testid=portfolio]').scrollIntoViewIfNeeded();
    await screenshot(page, 'portfolio-1920x1080');
    // The added file on a line of its own, under the ticked projects.
    const rows = await page.evaluate(() => [...document.querySelectorAll('.portfolio-choice > li')]
      .map((li) => Math.round(li.getBoundingClientRect().top)));
    assert.equal(new Set(rows).size, rows.length, `one territory a line: ${rows}`);

    const { name, text } = await downloadText(page, '[data-testid=portfolio-export]');
    assert.match(name, /^portefeuille-.*\.csv$/);
    const lines = text.trim().split(/\r\n/);
    assert.match(lines[0], /Territoire du fichier;total$/);
    assert.ok(lines.some((l) => /;site_visits;Visites de site;visites;8;8;0;16$/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => /^aides par financeur;ADEME;accordé;€;;;;250800$/.test(l)), lines.join('\n'));

    // The file removed: the table is the two demos' again, and still nothing stored.
    await page.click('[data-testid=portfolio-remove-file]');
    await table.locator('th', { hasText: 'Territoire du fichier' }).waitFor({ state: 'detached' });
    assert.deepEqual(await row('site_visits'), ['8', '8', '16']);
    assert.equal(await page.locator('[data-testid=portfolio-file]').count(), 0);
    assert.deepEqual(await storageSnapshot(page), before, 'nothing stored');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
