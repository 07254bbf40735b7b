// The territory page: a facilitator sets the territory through the interface (kind, a commune
// found among all French communes, the EPCI it suggests, the companies' hull), and the
// deliverables' cover and their climate sources follow; one undo puts the territory back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, waitForWorkspace, screenshot, overlap } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

/** The text of the deliverable preview, once it shows `marker`. */
async function deliverableText(page, slug, marker) {
  await page.click('[data-testid=page-deliverables]');
  await page.locator('[data-testid=deliverables-page]').waitFor();
  await page.click(`[data-testid=deliverable-${slug}]`);
  await page.waitForFunction((m) => document.querySelector('[data-testid=deliverable-frame]')?.contentDocument?.body?.innerText.includes(m), marker);
  return page.evaluate(() => document.querySelector('[data-testid=deliverable-frame]').contentDocument.body.innerText);
}

test('setting the territory changes the deliverables cover and their climate sources', async () => {
  const app = await openApp(server.url, { longTasks: false });
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const doc = 'feuille-de-route-tableau-de-bord';
    // The demonstration zone is Corsican: fuel oil and the island mix, no gas.
    let text = await deliverableText(page, doc, 'Territoire : ');
    assert.match(text, /Territoire : Zone d'activités/);
    assert.match(text, /Communes : Biguglia \(2B037\), Furiani \(2B120\)/);
    assert.match(text, /Fioul domestique \(kWh PCI\)/);
    assert.match(text, /Électricité consommée en Corse/);
    assert.doesNotMatch(text, /Gaz naturel réseau/);
    assert.match(text, /Rendement de la chaudière remplacée \(sur PCI\) : 0,9/);

    await page.click('[data-testid=page-territory]');
    await page.locator('[data-testid=territory-page]').waitFor();
    // The national table arrives on demand; the search is usable once it has.
    await page.locator('[data-testid=territory-commune-search]').fill('lyon');
    await page.locator('[data-testid=territory-commune-results] li').first().waitFor();
    const first = await page.locator('[data-testid=territory-commune-results] li').first().innerText();
    assert.match(first, /^Lyon \(69123\)/, first);
    const parse = await page.evaluate(() => performance.getEntriesByName('symbiose:gazetteer-parse')[0]?.duration);
    console.log(`# national communes and EPCI tables parsed in ${Math.round(parse)} ms (one task, once a session)`);
    await page.locator('[data-testid=territory-commune-add]').first().click();
    for (let i = 0; i < 2; i += 1) {
      await page.locator('[data-testid=territory-communes] li', { hasText: /Biguglia|Furiani/ }).first()
        .locator('[data-testid=territory-commune-remove]').click();
    }
    assert.deepEqual(await page.locator('[data-testid=territory-communes] li span').allInnerTexts(), ['Lyon (69123)']);
    await page.locator('[data-testid=territory-kind]').selectOption('epci');
    await page.locator('[data-testid=territory-epci-suggest]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=territory-epci]')?.innerText.includes('Métropole de Lyon'));
    await page.click('[data-testid=territory-hull]');
    await page.waitForFunction(() => /\d+ points/.test(document.querySelector('[data-testid=territory-perimeter]')?.innerText));
    // The map outlines the territory's perimeter now, no longer the companies' hull alone.
    await page.click('[data-testid=page-map]');
    await page.waitForSelector('.leaflet-container[data-zone=perimeter]');
    await page.click('[data-testid=page-territory]');
    const hullPoints = await page.locator('[data-testid=territory-perimeter]').innerText();

    // Or drawn by hand on the map: corner by corner, the last one removable, stored on "Terminer".
    await page.click('[data-testid=territory-draw]');
    await page.locator('[data-testid=drawing-bar]').waitFor();
    assert.ok(await page.locator('[data-testid=drawing-done]').isDisabled(), 'not before three corners');
    const box = await page.locator('[data-testid=map]').boundingBox();
    const corners = [[0.3, 0.3], [0.7, 0.3], [0.7, 0.7], [0.3, 0.7], [0.5, 0.5]];
    for (const [x, y] of corners) await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    await page.waitForSelector('[data-testid=map][data-draft-points="5"]');
    await page.click('[data-testid=drawing-undo]');
    await page.waitForSelector('[data-testid=map][data-draft-points="4"]');
    // The bar leaves the map's panels and the zoom buttons visible (centred, it covered the
    // display panel's title).
    const boxes = await page.evaluate(() => ['[data-testid=drawing-bar]', '[data-testid=map-display]',
      '[data-testid=legend]', '.leaflet-control-zoom'].map((s) => document.querySelector(s).getBoundingClientRect().toJSON()));
    for (const other of boxes.slice(1)) assert.ok(!overlap(boxes[0], other), `the drawing bar ${JSON.stringify(boxes[0])} covers ${JSON.stringify(other)}`);
    await screenshot(page, 'territory-drawing-1920x1080');
    await page.click('[data-testid=drawing-done]');
    await page.locator('[data-testid=drawing-bar]').waitFor({ state: 'detached' });
    await page.click('[data-testid=page-territory]');
    assert.equal(await page.locator('[data-testid=territory-perimeter]').innerText(), '4 points');
    // One undo puts the hull back.
    await page.click('[data-testid=undo]');
    assert.equal(await page.locator('[data-testid=territory-perimeter]').innerText(), hullPoints);
    // The assumptions table follows the territory: natural gas now, said to come from it.
    const fuelRow = await page.locator('[data-testid=assumptions-table] tbody tr').first().innerText();
    assert.match(fuelRow, /Gaz naturel/);
    assert.match(fuelRow, /France continentale, d'après les communes du territoire/);
    await screenshot(page, 'territory-1920x1080');

    text = await deliverableText(page, doc, 'Lyon (69123)');
    assert.match(text, /Territoire : EPCI \(intercommunalité\)/);
    assert.match(text, /Communes : Lyon \(69123\)/);
    assert.match(text, /Gaz naturel réseau/);
    assert.match(text, /Électricité France continentale/);
    assert.doesNotMatch(text, /Électricité consommée en Corse/);

    // A person's choice wins over the territory's default, and is said to be one.
    await page.click('[data-testid=page-territory]');
    await page.locator('[data-testid=assumption-boiler-efficiency]').fill('0,75');
    await page.click('[data-testid=assumptions-save]');
    await page.locator('[data-testid=assumptions-message]').waitFor();
    const efficiency = await page.locator('[data-testid=assumptions-table] tbody tr').nth(1).innerText();
    assert.match(efficiency, /0,75/);
    assert.match(efficiency, /choisi pour ce projet/);
    // A value out of range is refused where it was typed, and nothing changes.
    await page.locator('[data-testid=assumption-boiler-efficiency]').fill('7');
    await page.click('[data-testid=assumptions-save]');
    await page.locator('#field-assumption-boiler-efficiency-error').waitFor();
    assert.match(await page.locator('#field-assumption-boiler-efficiency-error').innerText(), /hors de l'intervalle accepté \(0.3 à 1.1\)/);
    assert.match(await page.locator('[data-testid=assumptions-table] tbody tr').nth(1).innerText(), /0,75/);

    text = await deliverableText(page, doc, 'Lyon (69123)');
    assert.match(text, /Rendement de la chaudière remplacée \(sur PCI\) : 0,75 \(choisi pour ce projet\)/);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('the territory page reads on a phone', async () => {
  const app = await openApp(server.url, { width: 390, height: 844, longTasks: false });
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=page-territory]');
    await page.locator('[data-testid=territory-page]').waitFor();
    await page.locator('[data-testid=territory-commune-search]').fill('bastia');
    await page.locator('[data-testid=territory-commune-results] li').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scroll (${overflow}px too wide)`);
    await screenshot(page, 'territory-390x844');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
