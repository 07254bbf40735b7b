// The map workspace in a workshop: adding a company by a click on the map and dragging its pin,
// a waste flow through the List of Waste picker, filters, the neighbourhood of a company with
// confidentiality applied, workshop (projection) mode with its keys, live capture of an idea,
// and the tile server setting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, waitForWorkspace, screenshot, waitSaved, storedProject, mapPanels, overlap, placeholderRoom } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

const markers = async (page) => Number(await page.getAttribute('[data-testid=map]', 'data-markers'));
const listCount = async (page) => page.locator('[data-testid=company-item]').count();

test('add a company by a click on the map, drag its pin, add a waste flow with the LoW picker; all survive reload', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const before = await markers(page);
    await page.click('[data-testid=add-on-map]');
    await page.locator('[data-testid=place-new-hint]').waitFor();
    const box = await page.locator('[data-testid=map]').boundingBox();
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.locator('[data-testid=actor-form]').waitFor();
    assert.equal(await page.locator('[data-testid=place-new-hint]').count(), 0);
    // The nearest commune is suggested from the click; the position is the clicked point.
    assert.match(await page.inputValue('[data-testid=actor-commune]'), /^2B\d{3}$/);
    const lat0 = await page.inputValue('[data-testid=actor-lat]');
    assert.match(lat0, /^42,\d+/);
    assert.equal(await markers(page), before + 1);

    // The pin of the company being edited can be dragged to the exact site.
    const pin = page.locator('.drag-pin');
    await pin.waitFor();
    const p = await pin.boundingBox();
    await page.mouse.move(p.x + p.width / 2, p.y + p.height / 2);
    await page.mouse.down();
    await page.mouse.move(p.x + p.width / 2 + 60, p.y + p.height / 2 - 80, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction((old) => document.querySelector('[data-testid=actor-lat]').value !== old, lat0);
    const lat1 = Number((await page.inputValue('[data-testid=actor-lat]')).replace(',', '.'));
    assert.ok(lat1 > Number(lat0.replace(',', '.')), 'dragged north');
    // While its pin stands for the company being edited, no popup of it anywhere else: the
    // "Nouvelle entreprise" popup stayed at the click, 100 px from the pin.
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.leaflet-popup').count(), 0, 'no popup while the pin is dragged');
    await page.fill('[data-testid=actor-name]', 'Garage du Golo');
    await screenshot(page, 'map-click-add-1920x1080');
    await page.click('[data-testid=actor-save]');
    await page.locator('[data-testid=company-title]').waitFor();
    assert.equal(await page.locator('.drag-pin').count(), 0, 'the pin leaves with the form');

    await page.click('[data-testid=add-flow]');
    await page.selectOption('[data-testid=flow-family]', { label: 'Déchet' });
    await page.fill('[data-testid=flow-label]', 'Huiles de vidange');
    // The search's example is whole in its field (it was cut in the company panel).
    const hint = await placeholderRoom(page, '[data-testid=waste-search]');
    assert.ok(hint.width <= hint.room, `"${hint.text}" needs ${hint.width} px, has ${hint.room}`);
    await page.fill('[data-testid=waste-search]', 'huiles moteur');
    await page.locator('[data-testid=waste-hit]').first().waitFor();
    const hit = await page.locator('[data-testid=waste-hit]').first().innerText();
    assert.match(hit, /^13 02/);
    await page.locator('[data-testid=waste-hit]').first().click();
    await page.fill('[data-testid=flow-quantity]', '3,5');
    await page.click('[data-testid=flow-save]');
    const item = page.locator('[data-testid=flow-item]', { hasText: 'Huiles de vidange' });
    await item.waitFor();
    assert.match(await item.innerText(), /13 ?02 ?\d\d\*/, 'hazardous code shown with its star');

    await waitSaved(page);
    await page.reload();
    await waitForWorkspace(page);
    assert.equal(await markers(page), before + 1);
    await page.fill('[data-testid=company-search]', 'garage du golo');
    await page.locator('[data-testid=company-item]').first().click();
    await page.locator('[data-testid=flow-item]', { hasText: 'Huiles de vidange' }).waitFor();
    const stored = (await storedProject(page)).actors.find((a) => a.name === 'Garage du Golo');
    assert.ok(Math.abs(stored.position.lat - lat1) < 1e-6, 'the dragged position was saved');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('filters: families, NAF section and waste chapter thin the map and the list, and reset', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const all = await markers(page);
    const links0 = Number(await page.getAttribute('[data-testid=map]', 'data-links'));
    assert.ok(links0 > 0);
    await page.selectOption('[data-testid=filter-section]', 'C');
    const industry = await markers(page);
    assert.ok(industry > 0 && industry < all, `${industry} of ${all}`);
    assert.equal(await listCount(page), industry);
    await page.selectOption('[data-testid=filter-chapter]', '15');
    const packaging = await markers(page);
    assert.ok(packaging > 0 && packaging <= industry);
    await screenshot(page, 'filters-1920x1080');
    await page.click('[data-testid=reset-filters]');
    assert.equal(await markers(page), all);

    // Keys 1–7 toggle the families; with every family off, only companies without flows stay.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (const k of ['1', '2', '3', '4', '5', '6', '7']) await page.keyboard.press(k);
    assert.equal(await page.locator('[data-testid=family-waste][aria-pressed=false]').count(), 1);
    assert.equal(Number(await page.getAttribute('[data-testid=map]', 'data-links')), 0);
    assert.ok(await markers(page) < all);
    await page.click('[data-testid=family-waste]');
    const wasteOnly = await markers(page);
    assert.ok(wasteOnly > 0 && wasteOnly < all);
    await page.click('[data-testid=reset-filters]');
    assert.equal(await markers(page), all);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('neighbourhood: offers and needs around a company, nearest first, with confidentiality applied', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.fill('[data-testid=company-search]', 'Scierie Orsini');
    await page.locator('[data-testid=company-item]').first().click();
    await page.selectOption('[data-testid=radius]', '2');
    const rows = page.locator('[data-testid=neighbour]');
    await rows.first().waitFor();
    const distances = await page.locator('[data-testid=neighbour] .distance').allInnerTexts();
    const km = distances.map((d) => Number(d.replace(' km', '').replace(',', '.')));
    assert.ok(km.length > 3);
    assert.ok(km.every((d, i) => d <= 2 && (i === 0 || km[i - 1] <= d)), km.join(' '));
    assert.match(await page.locator('[data-testid=neighbourhood-count]').innerText(), /flux à moins de 2 km/);
    const facilitatorCount = await rows.count();
    await screenshot(page, 'neighbourhood-1920x1080');

    // The public view: no private flow, anonymised ones as "une entreprise du secteur", no cost.
    await page.selectOption('[data-testid=audience]', 'public');
    const publicText = await page.locator('[data-testid=neighbourhood-list]').innerText();
    const publicCount = await rows.count();
    assert.ok(publicCount <= facilitatorCount);
    const p = await storedProject(page);
    const orsini = p.actors.find((a) => a.name.startsWith('Scierie Orsini'));
    const centre = orsini.position;
    const near = (a) => a.position && Math.hypot((a.position.lat - centre.lat) * 111, (a.position.lon - centre.lon) * 82) < 2;
    const around = p.flows.filter((f) => f.actor !== orsini.id && near(p.actors.find((a) => a.id === f.actor)));
    const priv = around.filter((f) => f.confidentiality === 'private');
    const anon = around.filter((f) => f.confidentiality === 'anonymised');
    assert.ok(priv.length + anon.length > 0, 'the demo has confidential flows near the sawmill');
    for (const f of priv) assert.ok(!publicText.includes(f.label), `private flow shown: ${f.label}`);
    for (const f of anon) {
      const name = p.actors.find((a) => a.id === f.actor).name;
      const row = page.locator('[data-testid=neighbour]', { hasText: f.label });
      if (await row.count()) {
        const text = await row.first().innerText();
        assert.ok(!text.includes(name), `anonymised flow names its company: ${name}`);
        assert.match(text, /une entreprise du secteur/);
        assert.ok(!text.includes('€'), 'no cost on an anonymised flow');
      }
    }
    assert.equal(publicCount, facilitatorCount - priv.length);
    await screenshot(page, 'neighbourhood-public-1920x1080');

    // The sheet's leads follow the same audience. The dairy's plastic film goes, for the
    // facilitator, to an injection moulder whose need is private, and its whey is an anonymised
    // offer: in public, the first lead is not there and the second does not name the dairy.
    await page.click('[data-testid=back-to-list]');
    await page.fill('[data-testid=company-search]', 'Laiterie Biguglienne');
    await page.locator('[data-testid=company-item]').first().click();
    await page.locator('[data-testid=tab-proposals][data-detection=done]').waitFor();
    const leads = () => page.locator('[data-testid=flow-leads]').innerText();
    const inPublic = await leads();
    assert.match(inPublic, /Lactosérum/);
    assert.ok(!inPublic.includes('Plastiques Corses Injection'), inPublic);
    assert.ok(!inPublic.includes('Laiterie Biguglienne :'), inPublic);
    await page.selectOption('[data-testid=audience]', 'facilitator');
    await page.waitForFunction(() => document.querySelector('[data-testid=flow-leads]').innerText.includes('Plastiques Corses Injection'));
    assert.match(await leads(), /Laiterie Biguglienne : « Lactosérum/);
    await page.click('[data-testid=back-to-list]');
    await page.fill('[data-testid=company-search]', 'Scierie Orsini');
    await page.locator('[data-testid=company-item]').first().click();

    // A named neighbour opens that company.
    await page.locator('[data-testid=neighbour-company]').first().click();
    await page.locator('[data-testid=company-title]').waitFor();
    assert.notEqual(await page.locator('[data-testid=company-title]').innerText(), orsini.name);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

// Issue 17: the room looks at the map. In workshop mode it keeps at least 80 % of the screen's
// height at the projectors' usual sizes, under one bar whose texts are neither wrapped nor cut;
// the keys are behind "?".
for (const [width, height] of [[1920, 1080], [1366, 768], [1280, 720]]) {
  test(`workshop mode at ${width}×${height}: the map over 80 % of the height, a one-line bar, the keys behind "?"`, async () => {
    const app = await openApp(server.url, { width, height });
    const { page, errors } = app;
    try {
      await waitForWorkspace(page);
      // Under 800 lines the map's two panels start folded, in workshop mode or not: open, they
      // took the map's right third.
      const short = height < 800 ? 'false' : 'true';
      assert.equal(await page.getAttribute('[data-testid=legend-fold]', 'aria-expanded'), short);
      assert.equal(await page.getAttribute('[data-testid=display-fold]', 'aria-expanded'), short);
      // The seven family chips on one row above the map ("Service" wrapped at 1280 px).
      const chipRows = await page.evaluate(() => new Set([...document.querySelectorAll('.family-chip')]
        .map((c) => Math.round(c.getBoundingClientRect().top))).size);
      assert.equal(chipRows, 1, `the family chips take ${chipRows} rows at ${width}×${height}`);
      // The sector and the waste chapter side by side under them: one row each, they took two
      // at 1280 and 1366 px, 35 px of map less.
      const selects = await page.evaluate(() => ['filter-section', 'filter-chapter']
        .map((id) => Math.round(document.querySelector(`[data-testid=${id}]`).getBoundingClientRect().top)));
      assert.ok(Math.abs(selects[0] - selects[1]) <= 2, `the two selects on one row: tops ${selects}`);
      await page.click('[data-testid=projection-toggle]');
      await page.locator('[data-testid=projection-bar]').waitFor();
      await page.waitForTimeout(300); // the map takes its new size
      const m = await page.evaluate(() => {
        const rect = (e) => e.getBoundingClientRect();
        const bar = document.querySelector('[data-testid=projection-bar]');
        // Every text of the bar and of the side tabs: its box holds it (not cut) on one line.
        const texts = [...bar.querySelectorAll('strong, button'), ...document.querySelectorAll('.side .tabs button'),
          ...document.querySelectorAll('.filter-bar, .family-chip')]
          .filter((e) => e.offsetParent !== null)
          .map((e) => ({ text: e.innerText, cut: e.scrollWidth > e.clientWidth + 1,
            wraps: !e.matches('.filter-bar') && e.innerText.includes('\n') }));
        return { map: rect(document.querySelector('[data-testid=map]')).height, bar: rect(bar).height,
          screen: innerHeight, texts, title: bar.querySelector('[data-testid=projection-title]').innerText };
      });
      assert.ok(m.map >= 0.8 * m.screen, `map ${m.map} px of ${m.screen}`);
      assert.ok(m.bar <= 56, `bar ${m.bar} px high: one line`);
      assert.equal(m.title, 'ZA de démonstration Marana – Furiani (fictive)');
      for (const t of m.texts) {
        assert.equal(t.cut, false, `"${t.text}" is cut`);
        assert.equal(t.wraps, false, `"${t.text}" wraps`);
      }
      // The workshop's pages only (the map, pipeline, roadmap, dashboard), the way out.
      const tabs = await page.locator('[data-testid=projection-bar] [role=tab]:visible').allInnerTexts();
      assert.deepEqual(tabs, ['Carte', 'Pipeline', 'Feuille de route', 'Tableau de bord']);
      // The family chips all within the map's width (keys 1 to 7 toggle them).
      const chips = await page.evaluate(() => {
        const area = document.querySelector('.map-area').getBoundingClientRect();
        return [...document.querySelectorAll('.family-chip')].every((c) => c.getBoundingClientRect().right <= area.right);
      });
      assert.ok(chips, 'every family chip is within the map area');
      // The search's placeholder is whole in its field (it was cut at 1280×720).
      const search = await placeholderRoom(page, '.company-panel .company-search');
      assert.ok(search.width <= search.room, `"${search.text}" needs ${search.width} px, has ${search.room}`);
      await screenshot(page, `workshop-${width}x${height}`);
      // The legend folds to its title, leaving the map to the room, and unfolds. Under 800 lines
      // workshop mode starts with it folded.
      const expanded = await page.getAttribute('[data-testid=legend-fold]', 'aria-expanded');
      assert.equal(expanded, height < 800 ? 'false' : 'true');
      // The display panel likewise; open, it and the legend share the map's right side without
      // covering each other, and the audience's choice is in sight.
      assert.equal(await page.getAttribute('[data-testid=display-fold]', 'aria-expanded'), expanded);
      if (expanded === 'true') {
        const panels = await mapPanels(page);
        assert.ok(!overlap(panels.display, panels.legend), `the panels cover each other: ${JSON.stringify(panels)}`);
        assert.ok(panels.audienceShown && !panels.legendCut, `cut at ${width}×${height}: ${JSON.stringify(panels)}`);
      }
      if (expanded === 'true') await page.click('[data-testid=legend-fold]');
      const folded = (await page.locator('[data-testid=legend]').boundingBox()).height;
      assert.ok(folded < 60, `folded legend ${folded} px`);
      await page.click('[data-testid=legend-fold]');
      await page.locator('[data-testid=line-legend]').waitFor();

      // "?" shows the keys over a corner; Esc hides them and stays in workshop mode; Esc leaves.
      await page.locator('body').click({ position: { x: width - 5, y: height - 40 } });
      await page.keyboard.press('?');
      const keys = page.locator('[data-testid=keys-help] li');
      await keys.first().waitFor();
      assert.ok(await keys.count() >= 6);
      assert.match((await keys.allInnerTexts()).join('\n'), /Page préc\. \/ suiv\./);
      await screenshot(page, `workshop-keys-${width}x${height}`);
      await page.keyboard.press('Escape');
      await page.locator('[data-testid=keys-help]').waitFor({ state: 'detached' });
      assert.ok(await page.evaluate(() => document.documentElement.classList.contains('projection')));
      await page.click('[data-testid=keys-toggle]');
      await keys.first().waitFor();
      await page.click('[data-testid=keys-close]');
      await page.locator('[data-testid=keys-help]').waitFor({ state: 'detached' });
      await page.click('[data-testid=projection-exit]');
      await page.waitForFunction(() => !document.documentElement.classList.contains('projection'));
      assert.deepEqual(errors, []);
    } finally {
      await app.close();
    }
  });
}

// The projected map reads at a glance: the pipeline's synergies and one dashed line per company
// (its best proposal); a selected company shows its other leads.
test('the demo map draws the pipeline and at most one proposal line per company; a selected company shows the rest', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const count = async (name) => Number(await page.getAttribute('[data-testid=map]', name));
    const companies = await markers(page);
    const dashed = await count('data-proposal-links');
    assert.ok(dashed > 0 && dashed <= companies, `${dashed} proposal lines for ${companies} companies`);
    const project = await storedProject(page);
    const placed = new Set(project.actors.filter((a) => a.position).map((a) => a.id));
    const segments = project.synergies
      .flatMap((s) => s.actors.slice(1).map((b, i) => [s.actors[i], b]))
      .filter(([a, b]) => placed.has(a) && placed.has(b)).length;
    assert.ok(segments > 0, 'the demo has synergies in its pipeline');
    assert.equal(await count('data-links') - dashed, segments, 'every pipeline synergy is drawn, solid');
    await page.locator('[data-testid=line-legend]').waitFor();

    // Selecting companies in turn: some have more leads than their best, drawn while selected.
    let more = 0;
    for (let i = 0; i < 6; i++) {
      await page.locator('[data-testid=company-item]').nth(i).click();
      await page.locator('[data-testid=company-title]').waitFor();
      await page.waitForTimeout(150); // the map redraws its lines after the selection
      const now = await count('data-proposal-links');
      assert.ok(now >= dashed, `${now} lines with a company selected, ${dashed} without`);
      more = Math.max(more, now - dashed);
      await page.click('[data-testid=back-to-list]');
      await page.locator('[data-testid=company-item]').first().waitFor();
      assert.equal(await count('data-proposal-links'), dashed, 'back to one line per company');
    }
    assert.ok(more > 0, 'a selected company shows leads beyond its best');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('workshop mode: large type, chrome hidden, keys to step through companies, live idea capture', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const normalSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.click('[data-testid=projection-toggle]');
    await page.locator('[data-testid=projection-bar]').waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('projection')));
    const bigSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    assert.ok(bigSize >= normalSize * 1.3, `${bigSize} vs ${normalSize}`);
    assert.equal(await page.locator('[data-testid=toolbar]').isVisible(), false);
    assert.equal(await page.locator('[data-testid=add-on-map]').isVisible(), false);
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('PageDown');
    const first = await page.locator('[data-testid=company-title]').innerText();
    await page.keyboard.press('ArrowRight');
    const second = await page.locator('[data-testid=company-title]').innerText();
    assert.notEqual(first, second);
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.locator('[data-testid=company-title]').innerText(), first);
    // The popup follows the selection (earlier ones may still be fading out).
    await page.locator('[data-testid=map-popup]', { hasText: first }).last().waitFor();
    await page.waitForTimeout(400); // Leaflet fades popups in
    await screenshot(page, 'projection-1920x1080');

    // An idea, live: button, one sentence, the other company and who proposed it, Enter.
    const before = (await storedProject(page)).synergies.length;
    await page.click('[data-testid=capture-idea]');
    await page.keyboard.type('Mutualiser la collecte des cartons avec les voisins');
    await page.selectOption('[data-testid=idea-with]', { index: 1 });
    const partner = (await page.locator('[data-testid=idea-with] option:checked').innerText()).trim();
    await page.fill('[data-testid=idea-by]', 'Marie Santoni (CCI)');
    await page.press('[data-testid=idea-by]', 'Enter');
    await page.locator('[data-testid=idea-added]').waitFor();
    await screenshot(page, 'projection-idea-1920x1080');

    // The detection workshop's record, from the bar: the ideas noted and their companies
    // already there; the facilitator adds the decision and the time, and it joins the log.
    await page.click('[data-testid=workshop-record]');
    await page.locator('[data-testid=workshop-record-dialog]').waitFor();
    assert.equal(await page.inputValue('[data-testid=workshop-title]'), 'Atelier de détection');
    assert.equal(await page.inputValue('[data-testid=workshop-ideas]'), 'Mutualiser la collecte des cartons avec les voisins');
    const present = (await page.locator('[data-testid=workshop-participants] option:checked').allInnerTexts()).map((n) => n.trim());
    assert.deepEqual(present.sort(), [first, partner].sort());
    await page.fill('[data-testid=workshop-decisions]', 'Chiffrer une collecte commune des cartons');
    await page.fill('[data-testid=workshop-hours]', '3');
    // Save in sight without scrolling the dialog: at the room's type size it fell below the fold.
    const saveInSight = await page.evaluate(() => {
      const save = document.querySelector('[data-testid=workshop-save]').getBoundingClientRect();
      const dialog = document.querySelector('.dialog').getBoundingClientRect();
      return save.top >= dialog.top && save.bottom <= dialog.bottom && save.bottom <= innerHeight;
    });
    assert.ok(saveInSight, "the record's Save button is in sight");
    await screenshot(page, 'projection-record-1920x1080');
    await page.click('[data-testid=workshop-save]');
    await page.locator('[data-testid=workshop-record-dialog]').waitFor({ state: 'detached' });
    await page.locator('[data-testid=banner-notice]', { hasText: 'Atelier enregistré dans le journal de la mission' }).waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains('projection')), 'still in workshop mode');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.documentElement.classList.contains('projection'));
    assert.equal(await page.locator('[data-testid=toolbar]').isVisible(), true);
    await waitSaved(page);
    const stored = (await storedProject(page)).synergies;
    assert.equal(stored.length, before + 1);
    const idea = stored.at(-1);
    assert.equal(idea.title, 'Mutualiser la collecte des cartons avec les voisins');
    assert.equal(idea.stage, 'idea');
    assert.equal(idea.history[0].stage, 'idea');
    assert.equal(idea.history[0].note, 'Proposée par Marie Santoni (CCI)');
    assert.equal(idea.actors.length, 2);
    const project = await storedProject(page);
    assert.equal(project.actors.find((a) => a.id === idea.actors[1]).name, partner);
    assert.equal(project.actors.find((a) => a.id === idea.actors[0]).name, first);
    const record = project.workshops.at(-1);
    assert.equal(record.title, 'Atelier de détection');
    assert.deepEqual(record.ideas, ['Mutualiser la collecte des cartons avec les voisins']);
    assert.deepEqual(record.decisions, ['Chiffrer une collecte commune des cartons']);
    assert.equal(record.hours, 3);
    assert.deepEqual([...record.participants].sort(), [...idea.actors].sort());
    await page.click('[data-testid=page-roadmap]');
    assert.match(await page.locator('[data-testid=workshop-item]').last().innerText(), /Atelier de détection[\s\S]*2 participants · 1 idée · 1 décision[\s\S]*Idées notées : Mutualiser la collecte/);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('the tile server can be changed, a bad address is refused with a message, and the choice is remembered', async () => {
  const app = await openApp(server.url);
  const { page, errors, context } = app;
  try {
    const custom = [];
    await context.route('https://tiles.example.org/**', (route) => {
      custom.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGO4+/g+AAVAAqAa3wmHAAAAAElFTkSuQmCC', 'base64') });
    });
    await waitForWorkspace(page);
    await page.click('[data-testid=tile-settings] summary');
    await page.fill('[data-testid=tile-url]', 'https://tiles.example.org/{z}/{x}.png');
    await page.click('[data-testid=tile-apply]');
    assert.match(await page.locator('[data-testid=tile-message]').innerText(), /Il manque \{y\}/);
    await page.fill('[data-testid=tile-url]', 'https://tiles.example.org/{z}/{x}/{y}.png');
    await page.click('[data-testid=tile-apply]');
    await page.waitForFunction(() => [...document.querySelectorAll('img.leaflet-tile')].some((i) => i.src.startsWith('https://tiles.example.org/')));
    await page.reload();
    await waitForWorkspace(page);
    await page.waitForFunction(() => [...document.querySelectorAll('img.leaflet-tile')].some((i) => i.src.startsWith('https://tiles.example.org/')));
    assert.ok(custom.length > 0);
    await page.click('[data-testid=tile-settings] summary');
    await page.click('[data-testid=tile-reset]');
    await page.waitForFunction(() => [...document.querySelectorAll('img.leaflet-tile')].some((i) => i.src.startsWith('https://tile.openstreetmap.org/')));
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
