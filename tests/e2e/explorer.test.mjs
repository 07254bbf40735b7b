// The company explorer (issue 17, part 3): the demo's public copy, imported on another
// browser, opens read-only with no facilitator's chrome; a company finds what is offered and
// wanted around it (chosen in the list, on the map, or as a point), then answers for itself and
// saves the questionnaire file to send back. At 1920×1080 and on a phone (390×844).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, waitForWorkspace, screenshot, downloadText, importFile } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

/** The demo's public copy, as the Exports page writes it. */
async function publicCopy() {
  const app = await openApp(server.url);
  try {
    await waitForWorkspace(app.page);
    await app.page.click('[data-testid=page-exports]');
    const copy = await downloadText(app.page, '[data-testid=public-json]');
    assert.equal(JSON.parse(copy.text).project.public_copy, true);
    return copy;
  } finally {
    await app.close();
  }
}

/**
 * Waits until the map shows the whole circle of `km` around `company` of the copy, and at most
 * four times as far each way (framed on it, not left on the zone); resolves to the view.
 */
async function framedOn(page, copy, company, km) {
  const at = JSON.parse(copy.text).project.actors.find((a) => a.name === company).position;
  const dlat = km / 111.2;
  const dlon = dlat / Math.cos((at.lat * Math.PI) / 180);
  const circle = [at.lat - dlat, at.lon - dlon, at.lat + dlat, at.lon + dlon];
  try {
    await page.waitForFunction(([s, w, n, e]) => {
      const v = document.querySelector('[data-testid=map]').dataset.view?.split(',').map(Number);
      return v && v[0] <= s && v[1] <= w && v[2] >= n && v[3] >= e && v[2] - v[0] <= 4 * (n - s);
    }, circle, { timeout: 5000 });
  } catch {
    const view = await page.getAttribute('[data-testid=map]', 'data-view');
    assert.fail(`the ${km} km around ${company} (${circle}) are not framed: the map shows ${view}`);
  }
}

/** Opens the public copy in a fresh browser (a company's), through the home view's import. */
async function openCopy(copy, viewport) {
  const app = await openApp(server.url, viewport);
  const { page } = app;
  await waitForWorkspace(page);
  await page.click('[data-testid=back-home]');
  await importFile(page, copy.name, copy.text);
  await page.locator('[data-testid=import-summary]').waitFor();
  await page.click('[data-testid=import-as-new]');
  await page.locator('[data-testid=explorer]').waitFor();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=map]')?.dataset.markers ?? 0) > 0);
  return app;
}

test('the public copy opens in the explorer: around my company by family, a point on the map, my answer saved as a questionnaire', async () => {
  const copy = await publicCopy();
  const app = await openCopy(copy, { width: 1920, height: 1080 });
  const { page, errors } = app;
  try {
    // No facilitator's chrome: no page tabs, no undo, no export of the project.
    for (const id of ['toolbar', 'page-roadmap', 'undo', 'export-json', 'tab-proposals']) {
      assert.equal(await page.locator(`[data-testid=${id}]`).count(), 0, id);
    }
    assert.match(await page.locator('[data-testid=explorer-title]').innerText(), /ZA de démonstration/);
    assert.match(await page.locator('[data-testid=explorer-start]').innerText(), /Choisissez votre entreprise/);

    await page.selectOption('[data-testid=explorer-company]', { label: 'Scierie Orsini & Fils' });
    await page.locator('[data-testid=explorer-found]').waitFor();
    const counts = await page.locator('[data-testid=explorer-counts]').innerText();
    const [, offers, needs] = counts.match(/^(\d+) offres, (\d+) besoins à moins de 5\skm$/) ?? [];
    assert.ok(Number(offers) > 0 && Number(needs) > 0, counts);
    const items = await page.locator('[data-testid=explorer-list] [data-testid=neighbour]').count();
    assert.equal(items, Number(offers) + Number(needs));
    // A long list comes by family, closed: its heads say how many each holds.
    const families = await page.locator('.explorer-family summary').allInnerTexts();
    assert.ok(families.length >= 2, 'grouped by family');
    assert.equal(families.reduce((sum, f) => sum + Number(f.match(/\((\d+)\)/)[1]), 0), items);
    assert.equal(await page.locator('.explorer-family[open]').count(), 0);
    await page.locator('.explorer-family summary', { hasText: 'Déchet' }).click();
    await page.locator('.explorer-family[open] [data-testid=neighbour]').first().waitFor();
    // The map frames the circle around the company; a wider radius finds at least as much,
    // and the map widens with it.
    await framedOn(page, copy, 'Scierie Orsini & Fils', 5);
    await page.selectOption('[data-testid=explorer-radius]', { label: '25 km' });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=explorer-list] [data-testid=neighbour]').length >= n, items);
    await framedOn(page, copy, 'Scierie Orsini & Fils', 25);
    await page.selectOption('[data-testid=explorer-radius]', { label: '5 km' });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=explorer-list] [data-testid=neighbour]').length === n, items);
    await framedOn(page, copy, 'Scierie Orsini & Fils', 5);
    // The leads detection proposes for the sawmill's flows, once it has run in the worker.
    await page.locator('[data-testid=explorer-leads] [data-testid=flow-leads] li li').first().waitFor({ timeout: 60_000 });
    const leads = await page.locator('[data-testid=explorer-leads] [data-testid=flow-leads] > li').allInnerTexts();
    assert.ok(leads.length >= 1 && leads.every((l) => l.split('\n').length >= 2), leads.join(' | '));
    await screenshot(page, 'explorer-company-1920x1080');

    // A point on the map instead of a company.
    await page.click('[data-testid=explorer-pick-point]');
    await page.locator('[data-testid=explorer-picking]').waitFor();
    const box = await page.locator('[data-testid=map]').boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('[data-testid=explorer-point]').waitFor();
    assert.equal(await page.locator('[data-testid=explorer-company]').inputValue(), '');
    await page.locator('[data-testid=explorer-counts], [data-testid=explorer-empty]').first().waitFor();
    assert.equal(await page.locator('[data-testid=explorer-answer]').count(), 0, 'no answer for a point');

    // My company answers: a need added, then the questionnaire saved.
    await page.selectOption('[data-testid=explorer-company]', { label: 'Scierie Orsini & Fils' });
    await page.locator('[data-testid=explorer-answer]').waitFor();
    const before = await page.locator('[data-testid=explorer-my-flow]').count();
    await page.click('[data-testid=explorer-add-need]');
    await page.selectOption('[data-testid=flow-family]', { label: 'Énergie' });
    await page.fill('[data-testid=flow-label]', 'Chaleur pour le séchage du bois');
    await page.click('[data-testid=flow-save]');
    await page.locator('[data-testid=explorer-my-flow]', { hasText: 'Chaleur pour le séchage du bois' }).waitFor();
    assert.equal(await page.locator('[data-testid=explorer-my-flow]').count(), before + 1);
    const answer = await downloadText(page, '[data-testid=explorer-save-answer]');
    await page.locator('[data-testid=explorer-saved]').waitFor();
    assert.match(answer.name, /questionnaire/);
    const q = JSON.parse(answer.text);
    assert.equal(q.type, 'symbiose-questionnaire');
    assert.equal(q.questionnaire.actor.name, 'Scierie Orsini & Fils');
    assert.equal(q.version, 3);
    assert.equal(q.questionnaire.from_public_copy, true, 'the merge reads it in the project\'s terms');
    assert.ok(q.questionnaire.flows.some((f) => f.label === 'Chaleur pour le séchage du bois' && f.direction === 'need'));
    await screenshot(page, 'explorer-answer-1920x1080');

    // Reopened from the home view (the most recently saved first), it is still the explorer.
    await page.click('[data-testid=back-home]');
    // The home list tells the public copy from the facilitator's project (the demo, stored at
    // the first visit, has no badge).
    const copyRow = page.locator('[data-testid=project-row]', { hasText: 'ZA de démonstration' }).first();
    assert.equal(await copyRow.locator('[data-testid=public-copy-badge]').innerText(), 'Copie publique');
    assert.equal(await page.locator('[data-testid=public-copy-badge]').count(), 1, 'only the copy has the badge');
    await screenshot(page, 'explorer-home-list-1920x1080');
    await copyRow.locator('[data-testid=open-project]').click();
    await page.locator('[data-testid=explorer]').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('the explorer on a phone: the map above, the list below, nothing wider than the screen', async () => {
  const copy = await publicCopy();
  const app = await openCopy(copy, { width: 390, height: 844 });
  const { page, errors } = app;
  try {
    await page.selectOption('[data-testid=explorer-company]', { label: 'Scierie Orsini & Fils' });
    await page.locator('[data-testid=explorer-found]').waitFor();
    // The panel below says what the company has: no popup covers the map's strip.
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.leaflet-popup').count(), 0, 'no popup on a phone\'s map');
    await framedOn(page, copy, 'Scierie Orsini & Fils', 5);
    const map = await page.locator('[data-testid=map]').boundingBox();
    assert.ok(map.height >= 300 && map.width >= 380, JSON.stringify(map));
    // The panel begins where the map ends: the map ran under its title, the attribution over it.
    const side = await page.locator('.explorer-side').boundingBox();
    assert.ok(side.y >= map.y + map.height - 1, `the map ${JSON.stringify(map)} runs under the panel ${JSON.stringify(side)}`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 390, `page ${wide} px wide`);
    await screenshot(page, 'explorer-390x844');
    await page.locator('.explorer-family summary').first().click();
    await page.locator('[data-testid=explorer-found]').scrollIntoViewIfNeeded();
    await screenshot(page, 'explorer-list-390x844');
    // The answer is within reach below the families, its buttons on the screen's width.
    await page.locator('[data-testid=explorer-save-answer]').scrollIntoViewIfNeeded();
    const save = await page.locator('[data-testid=explorer-save-answer]').boundingBox();
    assert.ok(save.x >= 0 && save.x + save.width <= 390, JSON.stringify(save));
    await screenshot(page, 'explorer-answer-390x844');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
