// The first visit: the demonstration zone on the map, its companies in the list, no error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, waitForWorkspace, screenshot, mapPanels, overlap } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

/** Counts canvas pixels close to an opaque colour, to see that markers were really painted. */
async function paintedPixels(page, hex) {
  return page.evaluate((hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    let n = 0;
    for (const c of document.querySelectorAll('.leaflet-container canvas')) {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - r) < 12 && Math.abs(d[i + 1] - g) < 12 && Math.abs(d[i + 2] - b) < 12 && d[i + 3] > 200) n++;
      }
    }
    return n;
  }, hex);
}

test('first visit shows the demo zone: title, map markers, company list, in French, without error', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    assert.equal(await page.title(), 'Symbiose');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    const items = await page.locator('[data-testid=company-item]').count();
    assert.ok(items >= 3, `company list shows ${items} items`);
    const markers = Number(await page.getAttribute('[data-testid=map]', 'data-markers'));
    const positioned = await page.locator('[data-testid=company-item]:not(:has-text("sans position"))').count();
    assert.equal(markers, positioned, 'one marker per company with a position');
    // Manufacturing (section C) is blue on the map: its fill must be painted on the canvas.
    assert.ok(await paintedPixels(page, '#1f5fbf') > 50, 'section C markers painted');
    assert.match(await page.locator('[data-testid=legend]').innerText(), /Industrie manufacturière/);
    // On a 1920×1080 screen both panels are whole: the legend's eleven sectors and lines with
    // nothing to scroll, the display's settings above it, the audience's choice in sight (it
    // was below the legend's fold).
    const panels = await mapPanels(page);
    assert.ok(!panels.legendCut && !panels.displayCut, `a panel is cut: ${JSON.stringify(panels)}`);
    assert.ok(panels.audienceShown, 'the audience select is in the window');
    assert.ok(!overlap(panels.display, panels.legend), 'the panels do not cover each other');
    assert.ok(panels.display.top >= panels.frame.top && panels.legend.bottom <= panels.frame.bottom, 'both over the map');
    await page.waitForTimeout(300); // let tiles settle before the picture
    assert.ok(app.tileRequests.length > 0, 'the OpenStreetMap layer asks for tiles by default');
    await screenshot(page, 'workspace-1920x1080');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('choosing a company in the list opens its popup and its sheet', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const first = page.locator('[data-testid=company-item]').first();
    const name = (await first.locator('.company-name').innerText()).trim();
    await first.click();
    const popup = page.locator('[data-testid=map-popup]');
    await popup.waitFor();
    assert.equal((await popup.locator('.map-popup-name').innerText()).trim(), name);
    // The side panel now shows that company's sheet.
    assert.equal((await page.locator('[data-testid=company-title]').innerText()).trim(), name);
    await page.waitForTimeout(400); // the popup fades in
    await screenshot(page, 'workspace-selected-1920x1080');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('search filters the list; the background can be switched off and stays off after reload', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const all = await page.locator('[data-testid=company-item]').count();
    const firstName = (await page.locator('[data-testid=company-item] .company-name').first().innerText()).trim();
    await page.fill('[data-testid=company-search]', firstName);
    const filtered = await page.locator('[data-testid=company-item]').count();
    assert.ok(filtered >= 1 && filtered < all, `search keeps ${filtered} of ${all}`);
    await page.fill('[data-testid=company-search]', 'zzzz-aucune-entreprise');
    await page.locator('.company-panel .empty').waitFor();

    assert.equal(await page.getAttribute('[data-testid=map]', 'data-background'), 'tiles');
    assert.equal(await page.locator('.place-label').count(), 0);
    assert.doesNotMatch(await page.locator('.leaflet-control-attribution').innerText(), /COG 2026/);
    await page.uncheck('[data-testid=tiles-toggle]');
    assert.equal(await page.locator('.leaflet-tile-pane img').count(), 0, 'tiles removed');
    // Without tiles, the built-in background names the zone's communes (issue 17).
    assert.equal(await page.getAttribute('[data-testid=map]', 'data-background'), 'built-in');
    const places = await page.locator('.place-label').allInnerTexts();
    assert.ok(places.includes('Furiani') && places.includes('Biguglia'), places.join(', '));
    // Its sources credited in the map's corner while it is drawn.
    assert.match(await page.locator('.leaflet-control-attribution').innerText(), /COG 2026/);
    await page.reload();
    await waitForWorkspace(page);
    assert.equal(await page.isChecked('[data-testid=tiles-toggle]'), false);
    await screenshot(page, 'workspace-no-tiles-1920x1080');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('English can be chosen and is remembered', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=lang-switch]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.locator('.company-panel h2').innerText(), /Companies/);
    await page.reload();
    await waitForWorkspace(page);
    assert.match(await page.locator('.company-panel h2').innerText(), /Companies/);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('on a phone (390x844) the map stacks above a readable list', async () => {
  const app = await openApp(server.url, { width: 390, height: 844 });
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const map = await page.locator('[data-testid=map]').boundingBox();
    const list = await page.locator('[data-testid=company-panel]').boundingBox();
    assert.ok(map.height > 300, `map height ${map.height}`);
    assert.ok(list.y >= map.y + map.height - 1, 'list below the map');
    // The map right under the toolbar, half of it on the first screen (with the filters above
    // it, it began 645 px down); its legend folded under it, then the filters.
    assert.ok(map.y <= 360, `the map begins ${map.y} px down`);
    // The toolbar in three short rows and the status: undo and redo as arrows, named still for
    // assistive tools, and every button within the screen.
    const bar = await page.evaluate(() => {
      const t = document.querySelector('[data-testid=toolbar]');
      const rows = new Set([...t.querySelectorAll(':scope > button, :scope > .page-nav')]
        .map((e) => Math.round(e.getBoundingClientRect().top)));
      const undo = document.querySelector('[data-testid=undo]');
      return { height: Math.round(t.getBoundingClientRect().height), rows: rows.size,
        undo: [undo.innerText.trim(), undo.getAttribute('aria-label')],
        outside: [...t.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().right > innerWidth).length };
    });
    assert.deepEqual(bar.undo, ['↶', 'Annuler la dernière modification (Ctrl+Z)']);
    assert.equal(bar.outside, 0);
    assert.equal(bar.rows, 3, JSON.stringify(bar));
    assert.equal(await page.getAttribute('[data-testid=legend-fold]', 'aria-expanded'), 'false');
    const filters = await page.locator('[data-testid=filter-bar]').boundingBox();
    const legend = await page.locator('[data-testid=legend]').boundingBox();
    assert.ok(legend.y >= map.y + map.height - 1 && filters.y >= legend.y + legend.height - 1 && list.y >= filters.y + filters.height - 1,
      `map, legend, filters, list in this order: ${JSON.stringify({ map, legend, filters, list })}`);
    assert.ok(list.width <= 390, 'no horizontal overflow of the list');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page overflows horizontally by ${overflow}px`);
    // Nothing cut: the project's name wraps, the filters' selects have the whole width.
    const nameCut = await page.evaluate(() => {
      const n = document.querySelector('[data-testid=project-name]');
      return n.scrollWidth > n.clientWidth + 1;
    });
    assert.equal(nameCut, false, 'the project name is not cut');
    for (const id of ['filter-section', 'filter-chapter']) {
      const { width } = await page.locator(`[data-testid=${id}]`).boundingBox();
      assert.ok(width >= 300, `${id} is ${width} px wide`);
    }
    await screenshot(page, 'workspace-390x844');
    // A company chosen: its sheet below the map, and no popup over the narrow map.
    await page.locator('[data-testid=company-item]').first().click();
    await page.locator('[data-testid=company-detail]').waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.leaflet-popup').count(), 0, 'no popup on a phone\'s map');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
