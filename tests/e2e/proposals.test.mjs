// Issue 5 in the app: the demo shows proposals with their reasons; taking one into the pipeline
// creates a synergy that survives reload; proposals are dashed links on the map.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serveDist, openApp, waitForWorkspace, screenshot, waitSaved, storedProject } from './harness.mjs';

// What the core computes for the demo's proposals tab (crates/symbiose-core/tests/demo_cards.rs).
const demoCards = JSON.parse(readFileSync(new URL('./demo-cards.json', import.meta.url), 'utf8'));

/** The search runs once typing pauses: waits until every card shown matches. */
const searched = (page, re) => page.waitForFunction((src) => {
  const cards = [...document.querySelectorAll('[data-testid=proposal-card]')];
  return cards.length > 0 && cards.every((c) => new RegExp(src, 'i').test(c.textContent));
}, re.source);

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

test('the demo shows explained proposals; taking one into the pipeline survives reload', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const links = Number(await page.getAttribute('[data-testid=map]', 'data-links'));
    assert.ok(links > 10, `proposals and synergies drawn as links: ${links}`);
    // The lines have a pane of their own under the companies' canvas, so a new result redraws
    // them, not the canvas with every marker (docs/PERFORMANCE.md, run AU).
    const panes = await page.evaluate(() => {
      const lines = document.querySelector('.leaflet-symbiose-links-pane');
      const canvas = document.querySelector('.leaflet-overlay-pane canvas');
      return {
        paths: lines?.querySelectorAll('svg path').length,
        under: Number(getComputedStyle(lines).zIndex) < Number(getComputedStyle(canvas.parentElement).zIndex),
      };
    });
    assert.deepEqual(panes, { paths: links, under: true });
    await page.click('[data-testid=tab-proposals]');
    const cards = page.locator('[data-testid=proposal-card]');
    await cards.first().waitFor();
    assert.ok(await cards.count() >= 10);
    // The same proposals as the core's detection of the demo, in the same order, with the same
    // reasons: written in the page, when shown, from the numbers each proposal keeps.
    const titles = (await cards.locator('h3').allInnerTexts()).map((t) => t.split(' · ')[0].trim());
    assert.deepEqual(titles, demoCards.titles);
    const more = Number((await page.locator('.proposals .more').innerText().catch(() => '0')).match(/\d+/)?.[0] ?? 0);
    assert.equal(titles.length + more, demoCards.cards);
    const reasons = await cards.first().locator('.reasons li').allInnerTexts();
    assert.deepEqual(reasons.map((r) => r.trim()), demoCards.first_reasons);
    const flags = await cards.first().locator('.flags li').allInnerTexts();
    assert.deepEqual(flags.map((f) => f.replace(/^⚠\s*/, '').trim()), demoCards.first_flags);
    const first = await cards.first().innerText();
    // Reasons are sentences a workshop can read: distance, quantities, money, climate.
    assert.match(first, /km/);
    assert.match(first, /t\/an|MWh\/an|m³\/an/);
    assert.match(first, /€/);
    await screenshot(page, 'proposals-1920x1080');

    await page.fill('[data-testid=proposal-search]', 'drêches');
    await searched(page, /drêches/i);
    const title = (await cards.first().locator('h3').innerText()).trim();
    const before = await page.locator('[data-testid=proposal-taken]').count();
    await cards.first().locator('[data-testid=take-proposal]').click();
    await page.locator('[data-testid=proposal-card]', { hasText: title.split(' · ')[0] }).locator('[data-testid=proposal-taken]').first().waitFor();
    assert.ok(await page.locator('[data-testid=proposal-taken]').count() > before);
    await waitSaved(page);
    await page.reload();
    await waitForWorkspace(page);
    await page.click('[data-testid=tab-proposals]');
    await page.fill('[data-testid=proposal-search]', 'drêches');
    await searched(page, /drêches/i);
    await page.locator('[data-testid=proposal-taken]').first().waitFor();
    // The optimiser: the best set of exchanges under the declared quantities.
    await page.click('[data-testid=optimal-plan] summary');
    await page.click('[data-testid=optimise-eur]');
    const plan = await page.locator('[data-testid=plan-result]').innerText();
    assert.match(plan, /\d+ échanges retenus, gain total estimé : [\d\u202f\u00a0 ,]+[\u00a0 ]€\/an/);
    await screenshot(page, 'optimal-plan-1920x1080');

    const stored = await storedProject(page);
    assert.ok(stored.synergies.length === 4, 'the demo had 3 synergies; one more now');

    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('a company sheet says what could be done with each flow (and the longest main-thread task is reported)', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.locator('[data-testid=company-item]', { hasText: 'Scierie Orsini' }).click();
    const leads = page.locator('[data-testid=flow-leads]');
    await leads.waitFor();
    assert.match(await leads.innerText(), /Sciure et copeaux[\s\S]*→/);
    await screenshot(page, 'company-leads-1920x1080');
    // Long tasks while the page loaded, computed the demo's proposals and opened this sheet.
    // Printed, not asserted: these machines are shared and timings are noisy.
    const longest = await page.evaluate(() => Math.max(0, ...(window.__longTasks ?? [])));
    console.log(`# longest main-thread task on the demo (load + detection + sheet): ${Math.round(longest)} ms`);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('the exchanges a regulatory rule kept out are listed with their reference, for the facilitator only', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=tab-proposals]');
    await page.locator('[data-testid=proposal-card]').first().waitFor();
    const refused = page.locator('[data-testid=refused]');
    await refused.waitFor();
    const summary = await refused.locator('summary').innerText();
    const count = Number(summary.match(/\((\d+)\)/)?.[1]);
    assert.ok(count > 0, summary);
    await refused.locator('summary').click();
    const items = await refused.locator('[data-testid=refused-item]').allInnerTexts();
    assert.equal(items.length, Math.min(count, 50));
    // Each says which pair (companies named) and which legal text.
    for (const item of items) {
      assert.match(item, /→/);
      assert.match(item, /Règlement|arrêté|Code|article|art\./i, item);
    }
    await screenshot(page, 'proposals-refused-1920x1080');
    // A public screen names no company: the list is not there.
    await page.selectOption('[data-testid=audience]', 'public');
    await refused.waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
