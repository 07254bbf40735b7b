// The synergy pipeline and the exports: cards moved by keyboard, buttons and drag and drop,
// abandoning that asks why, an edited card; then every export made from the result, the roadmap
// file read back, and the public copy searched for every private value.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, waitForWorkspace, screenshot, waitSaved, downloadText, storedProject } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

const stored = (page) => storedProject(page);

test('pipeline: a card moves by keyboard, button and drag; abandoning asks why; edits are saved', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    // Two synergies from the map: a proposal taken, and an idea noted live.
    await page.click('[data-testid=tab-proposals]');
    await page.locator('[data-testid=take-proposal]').first().click();
    await page.click('[data-testid=tab-companies]');
    await page.locator('[data-testid=company-item]').first().click();
    await page.click('[data-testid=capture-idea]');
    await page.keyboard.type('Achats groupés de palettes');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=idea-added]').waitFor();

    await page.click('[data-testid=page-pipeline]');
    await page.locator('[data-testid=board]').waitFor();
    const idea = page.locator('[data-testid=column-idea] [data-testid=card]', { hasText: 'Achats groupés de palettes' });
    await idea.waitFor();
    const sid = await idea.getAttribute('data-synergy');
    const card = page.locator(`[data-synergy="${sid}"]`);

    // Keyboard: → twice, ← once; the focus follows the card to its new column.
    const focused = () => page.waitForFunction((id) => document.activeElement?.dataset?.synergy === id, sid);
    await card.focus();
    await page.keyboard.press('ArrowRight');
    await page.locator(`[data-testid=column-understudy] [data-synergy="${sid}"]`).waitFor();
    await focused();
    await page.keyboard.press('ArrowRight');
    await page.locator(`[data-testid=column-negotiating] [data-synergy="${sid}"]`).waitFor();
    await focused();
    await page.keyboard.press('ArrowLeft');
    await page.locator(`[data-testid=column-understudy] [data-synergy="${sid}"]`).waitFor();
    // Button.
    await card.locator('[data-testid=card-next]').click();
    await page.locator(`[data-testid=column-negotiating] [data-synergy="${sid}"]`).waitFor();
    // Mouse: drag to Implemented.
    await card.dragTo(page.locator('[data-testid=column-implemented]'));
    await page.locator(`[data-testid=column-implemented] [data-synergy="${sid}"]`).waitFor();

    // Edit: next step, a barrier and the gains.
    await card.locator('[data-testid=card-edit]').click();
    await page.fill('[data-testid=card-next-step]', 'Signer la convention en janvier');
    await page.fill('[data-testid=card-gain-0]', '12,5');
    await page.fill('[data-testid=card-gain-4]', 'douze');
    await page.click('[data-testid=card-save]');
    assert.match(await page.locator('[data-testid=card-form] .field-error').innerText(), /douze/);
    await page.fill('[data-testid=card-gain-4]', '3400');
    await page.selectOption('[data-testid=barrier-kind]', { index: 3 });
    await page.fill('[data-testid=barrier-note]', 'Statut de déchet des palettes');
    await page.click('[data-testid=barrier-add]');
    await page.click('[data-testid=card-save]');
    await page.locator('[data-testid=card-form]').waitFor({ state: 'detached' });
    assert.match(await card.innerText(), /12,5 t\/an · 3[\u202f ]400 €\/an/);
    assert.match(await card.innerText(), /Réglementaire \(Statut de déchet des palettes\)/);
    await screenshot(page, 'pipeline-1920x1080');

    // Abandoning the other card: an empty reason is refused, a reason is kept.
    const other = page.locator('[data-testid=column-idea] [data-testid=card]').first();
    const oid = await other.getAttribute('data-synergy');
    await other.locator('[data-testid=card-abandon]').click();
    await page.click('[data-testid=abandon-confirm]');
    await page.locator('[data-testid=abandon-error]').waitFor();
    await page.fill('[data-testid=abandon-reason]', 'Volumes trop faibles pour le repreneur');
    await page.click('[data-testid=abandon-confirm]');
    await page.locator(`[data-testid=column-abandoned] [data-synergy="${oid}"]`).waitFor();
    assert.match(await page.locator(`[data-synergy="${oid}"]`).innerText(), /Volumes trop faibles/);

    await waitSaved(page);
    await page.reload();
    await page.locator('[data-testid=board]').waitFor();
    const p = await stored(page);
    const s = p.synergies.find((x) => x.id === sid);
    assert.equal(s.stage, 'implemented');
    assert.deepEqual(s.history.map((h) => h.stage), ['idea', 'under_study', 'negotiating', 'under_study', 'negotiating', 'implemented']);
    assert.ok(s.history.every((h) => /^\d{4}-\d{2}-\d{2}$/.test(h.date)));
    assert.equal(s.next_step, 'Signer la convention en janvier');
    assert.equal(s.estimated.tonnes_per_year, 12.5);
    assert.equal(s.estimated.eur_per_year, 3400);
    assert.deepEqual(s.barriers, [{ kind: 'regulatory', note: 'Statut de déchet des palettes' }]);
    const o = p.synergies.find((x) => x.id === oid);
    assert.equal(o.stage, 'abandoned');
    assert.equal(o.abandon_reason, 'Volumes trop faibles pour le repreneur');
    await page.locator(`[data-testid=column-implemented] [data-synergy="${sid}"]`).waitFor();
    await screenshot(page, 'pipeline-reloaded-1920x1080');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('exports: CSV for French spreadsheets, GeoJSON, the roadmap file read back, and a public copy with no private value', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=page-exports]');
    await page.locator('[data-testid=exports-page]').waitFor();
    await screenshot(page, 'exports-1920x1080');
    const p = await stored(page);

    const flows = await downloadText(page, '[data-testid=csv-flows]');
    assert.match(flows.name, /\.flux\.csv$/);
    assert.ok(flows.text.startsWith('\uFEFF'), 'UTF-8 BOM');
    const lines = flows.text.slice(1).split('\r\n').filter(Boolean);
    assert.equal(lines.length, p.flows.length + 1);
    assert.ok(lines[0].split(';').length > 5, 'semicolon separated');
    assert.ok(lines.slice(1).some((l) => /;\d+,\d+;/.test(l)), 'decimal commas');
    const indicators = await downloadText(page, '[data-testid=csv-indicators]');
    assert.match(indicators.text, /tCO₂e/);

    const geo = JSON.parse((await downloadText(page, '[data-testid=geojson]')).text);
    assert.equal(geo.type, 'FeatureCollection');
    const points = geo.features.filter((f) => f.geometry.type === 'Point');
    assert.equal(points.length, p.actors.filter((a) => a.position).length);
    const [lon, lat] = points[0].geometry.coordinates;
    assert.ok(lon > 9 && lon < 10 && lat > 42 && lat < 43, 'longitude first (RFC 7946)');

    // The roadmap file: exported, the board changed, imported back: the synergies are as exported.
    const roadmap = await downloadText(page, '[data-testid=roadmap-export]');
    const exported = JSON.parse(roadmap.text);
    assert.equal(exported.type, 'symbiose-roadmap');
    await page.click('[data-testid=page-pipeline]');
    const first = page.locator('[data-testid=column-idea] [data-testid=card]').first();
    const fid = await first.getAttribute('data-synergy');
    await first.locator('[data-testid=card-next]').click();
    await page.locator(`[data-testid=column-understudy] [data-synergy="${fid}"]`).waitFor();
    await page.click('[data-testid=page-exports]');
    await page.setInputFiles('[data-testid=roadmap-input]', { name: roadmap.name, mimeType: 'application/json', buffer: Buffer.from(roadmap.text) });
    await page.locator('[data-testid=roadmap-ready]').waitFor();
    await page.click('[data-testid=roadmap-apply]');
    await page.locator('[data-testid=roadmap-applied]').waitFor();
    await waitSaved(page);
    // The project as it was before the import waits in the bin (issue 12), with the card moved.
    const bin = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('symbiose.bin.'))
      .map((k) => localStorage.getItem(k).split('\n')[0]));
    assert.equal(bin.length, 1);
    assert.equal(JSON.parse(bin[0]).reason, 'roadmap_imported');
    const after = await stored(page);
    assert.deepEqual(after.synergies, p.synergies);
    assert.deepEqual(after.actors, p.actors);
    // A bad roadmap file changes nothing and says why.
    await page.setInputFiles('[data-testid=roadmap-input]', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"type":"symbiose-roadmap","version":1,') });
    assert.match(await page.locator('[data-testid=roadmap-error]').innerText(), /ligne|line/);
    assert.deepEqual((await stored(page)).synergies, p.synergies);

    // The public copy: no private flow, no cost, no SIRET, contact or address, no name of a company with a confidential flow.
    const secrets = new Set();
    const confidential = new Set(p.flows.filter((f) => f.confidentiality !== 'public').map((f) => f.actor));
    for (const f of p.flows.filter((f) => f.confidentiality === 'private')) secrets.add(f.label);
    for (const a of p.actors) {
      if (a.siret) secrets.add(a.siret);
      if (a.contact) secrets.add(a.contact);
      if (a.address) secrets.add(a.address);
      if (confidential.has(a.id)) secrets.add(a.name);
    }
    assert.ok(secrets.size > 10, `the demo has private values to hide (${secrets.size})`);
    for (const id of ['public-json', 'public-geojson', 'public-flows']) {
      const { text } = await downloadText(page, `[data-testid=${id}]`);
      for (const s of secrets) assert.ok(!text.includes(s), `${id} leaks ${s}`);
    }
    const pub = JSON.parse((await downloadText(page, '[data-testid=public-json]')).text).project;
    assert.ok(pub.flows.every((f) => f.cost_eur_per_unit === null || f.cost_eur_per_unit === undefined), 'no cost');
    assert.ok(pub.flows.length < p.flows.length, 'private flows removed');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('dashboard: tiles with their method, a card implemented and a measurement recorded change it', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=page-dashboard]');
    await page.locator('[data-testid=dashboard-page]').waitFor();
    const tonnes = () => page.locator('[data-testid=tile-tonnesperyear] .tile-value').innerText();
    const before = await tonnes();
    await page.locator('[data-testid=tile-tco2eperyear] summary').click();
    assert.match(await page.locator('[data-testid=tile-tco2eperyear] .tile-method').innerText(), /ademe.*Arrêté du 26 avril 2017/is);
    // Open, the method takes the tiles' whole row (in its column it ran down a 250 px strip).
    const widths = await page.evaluate(() => [document.querySelector('[data-testid=tile-tco2eperyear]'), document.querySelector('.tiles')]
      .map((e) => e.getBoundingClientRect().width));
    assert.ok(widths[0] >= 0.95 * widths[1], `the open tile is ${widths[0]} of ${widths[1]} px`);
    // The companies engaged, computed from the synergies, and beside it the count the
    // facilitator recorded (the demo's workshops): two figures, each said for what it is.
    assert.match(await page.locator('[data-testid=tile-engaged]').innerText(),
      /^\d+\s+Entreprises engagées\s+dernière mesure saisie : 14 entreprises \(31\/03\/2026\)/);
    assert.match(await page.locator('[data-testid=chart-funnel] desc').textContent(), /Propositions détectées : \d+/);
    await screenshot(page, 'dashboard-1920x1080');

    // A negotiating card with estimated tonnes, moved to implemented, counts in the achieved tile.
    await page.click('[data-testid=page-pipeline]');
    const card = page.locator('[data-testid=column-negotiating] [data-testid=card]').first();
    await card.locator('[data-testid=card-next]').click();
    await page.click('[data-testid=page-dashboard]');
    await page.waitForFunction((b) => document.querySelector('[data-testid=tile-tonnesperyear] .tile-value')?.innerText !== b, before);
    assert.notEqual(await tonnes(), before);

    // A measurement: a bad date is refused and changes nothing; a good one appears in the chart.
    const charts = await page.locator('[data-testid=chart-series]').count();
    await page.selectOption('[data-testid=measurement-indicator]', { label: 'Emplois' });
    await page.fill('[data-testid=measurement-date]', '28/11/2026');
    await page.fill('[data-testid=measurement-value]', '3,5');
    await page.click('[data-testid=measurement-save]');
    assert.match(await page.locator('[data-testid=measurement-form] [role=alert]').innerText(), /AAAA-MM-JJ/);
    await page.fill('[data-testid=measurement-date]', '2026-11-28');
    await page.click('[data-testid=measurement-save]');
    await page.locator('[data-testid=measurement-form] [role=status]').waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=chart-series]').length === n + 1, charts);
    assert.ok(await page.locator('[data-testid=chart-series] desc', { hasText: '28/11/2026 : 3,5 ETP' }).count() === 1);
    assert.match(await page.locator('[data-testid=measurements-table]').innerText(), /28\/11\/2026\s+Emplois\s+3,5 ETP/);
    await page.locator('[data-testid=chart-series]').last().scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-measurement-1920x1080');
    await waitSaved(page);
    const p = await stored(page);
    assert.ok(p.measurements.some((m) => m.indicator === 'jobs' && m.value === 3.5 && m.date === '2026-11-28'));

    // The Sankey of the territory's flows, and its two exports.
    await page.locator('[data-testid=chart-sankey]').scrollIntoViewIfNeeded();
    assert.match(await page.locator('[data-testid=chart-sankey] desc').textContent(), /→ .* : \d/);
    const matic = await downloadText(page, '[data-testid=sankey-matic]');
    assert.match(matic.name, /\.sankey-matiere\.txt$/);
    const lines = matic.text.split('\n');
    assert.ok(lines.length > 3 && lines.every((l) => /^[^[\]]+ \[\d+(\.\d+)?\] [^[\]]+$/.test(l)), matic.text.slice(0, 200));
    const svg = await downloadText(page, '[data-testid=sankey-svg]');
    assert.ok(svg.text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    await page.click('[data-testid=sankey-energie]');
    assert.match(await page.locator('[data-testid=chart-sankey] title').first().textContent(), /Énergie/);
    await screenshot(page, 'dashboard-sankey-1920x1080');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('roadmap: two actions built from two synergies, with dates, budget and funding; programme and timeline follow', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=page-roadmap]');
    await page.locator('[data-testid=roadmap-page]').waitFor();
    // The programme track: a pilot territory measures from 2015.
    await page.click('[data-testid=programme-settings] summary');
    await page.selectOption('[data-testid=programme-track]', 'pilot');
    assert.equal(await page.inputValue('[data-testid=programme-baseline]'), '2025', 'the demo already has a baseline');
    await page.fill('[data-testid=programme-baseline]', '20x5');
    await page.click('[data-testid=programme-save]');
    assert.match(await page.locator('[data-testid=programme-message]').innerText(), /année/);
    await page.fill('[data-testid=programme-baseline]', '2015');
    await page.selectOption('[data-testid=programme-phase]', '2');
    await page.click('[data-testid=programme-save]');
    await page.waitForFunction(() => document.querySelector('[data-testid=programme-message]')?.getAttribute('role') === 'status');
    await waitSaved(page);
    const p0 = await stored(page);
    assert.equal(p0.territory.track, 'pilot');
    assert.equal(p0.territory.baseline_year, 2015);
    assert.equal(p0.territory.phase, 'implementation');
    const before = p0.actions.length;
    const synergies = p0.synergies.slice(0, 2);
    for (const [i, s] of synergies.entries()) {
      await page.click('[data-testid=add-action]');
      await page.fill('[data-testid=action-title]', `Mettre en œuvre : ${s.title}`);
      await page.selectOption('[data-testid=action-synergy]', s.id);
      await page.fill('[data-testid=action-owner]', 'CC de Marana-Golo');
      await page.fill('[data-testid=action-start]', `202${7 + i}-02-01`);
      await page.fill('[data-testid=action-end]', i === 0 ? '2026-01-01' : '2029-06-30');
      await page.fill('[data-testid=action-investment]', '120 000');
      await page.fill('[data-testid=action-operating]', '4500');
      await page.selectOption('[data-testid=funding-source]', { label: 'ADEME' });
      await page.fill('[data-testid=funding-amount]', '48000');
      await page.click('[data-testid=funding-add]');
      await page.fill('[data-testid=milestone-date]', `202${7 + i}-09-15`);
      await page.fill('[data-testid=milestone-label]', 'Convention signée');
      await page.click('[data-testid=milestone-add]');
      await page.click('[data-testid=action-save]');
      if (i === 0) {
        // The end before the start is refused, and nothing is added.
        assert.match(await page.locator('[data-testid=action-error]').innerText(), /La fin précède le début/);
        assert.equal((await stored(page)).actions.length, before);
        await page.fill('[data-testid=action-end]', '2027-12-31');
        await page.click('[data-testid=action-save]');
      }
      await page.locator('[data-testid=action-form]').waitFor({ state: 'detached' });
    }
    assert.equal(await page.locator('[data-testid=action-item]').count(), before + 2);
    const table = await page.locator('[data-testid=programme-table]').innerText();
    assert.match(table, /2027\s+[\d\s\u202f]*120\s?000 €/);
    assert.match(table, /2028\s+[\d\s\u202f]*120\s?000 €/);
    assert.match(await page.locator('[data-testid=chart-gantt] desc').textContent(), /Mettre en œuvre/);
    // The programme's long answers whole in their fields: the facilitator's structure and
    // the funders were cut at a quarter of the form.
    const settings = await page.evaluate(() => ({
      open: document.querySelector('[data-testid=programme-settings]').open,
      cut: ['programme-facilitator', 'programme-funders']
        .filter((id) => { const e = document.querySelector(`[data-testid=${id}]`); return e.scrollWidth > e.clientWidth + 1; }),
    }));
    assert.deepEqual(settings, { open: true, cut: [] });
    await screenshot(page, 'roadmap-1920x1080');
    await waitSaved(page);
    await page.reload();
    await page.locator('[data-testid=roadmap-page]').waitFor();
    const p = await stored(page);
    const added = p.actions.slice(-2);
    assert.deepEqual(added.map((a) => a.synergy), synergies.map((s) => s.id));
    assert.equal(added[0].investment_eur, 120000);
    assert.deepEqual(added[0].funding, [{
      source: 'ademe', amount_eur: 48000, status: 'planned', requested_on: null, granted_on: null,
      granted_eur: null, paid_on: null, paid_eur: null, note: '',
    }]);
    assert.equal(added[1].milestones[0].label, 'Convention signée');
    assert.equal(added[0].end, '2027-12-31');

    // A workshop: who came and what was decided.
    await page.click('[data-testid=add-workshop]');
    await page.fill('[data-testid=workshop-title]', 'Atelier 3 : chaleur fatale');
    await page.fill('[data-testid=workshop-date]', '2026-12-04');
    await page.selectOption('[data-testid=workshop-participants]', [p.actors[0].id, p.actors[1].id]);
    await page.fill('[data-testid=workshop-others]', 'ADEME Corse');
    await page.fill('[data-testid=workshop-decisions]', 'Étude de faisabilité lancée\nProchain atelier en mars');
    await page.click('[data-testid=workshop-save]');
    const item = page.locator('[data-testid=workshop-item]', { hasText: 'Atelier 3 : chaleur fatale' });
    await item.waitFor();
    assert.match(await item.innerText(), /3 participants · 2 décisions/);

    // Postponed: out of the programme's years and total, listed apart with its figures.
    const totalBefore = await page.locator('[data-testid=programme-total]').innerText();
    const second = `Mettre en œuvre : ${synergies[1].title}`;
    await page.locator('[data-testid=action-item]', { hasText: second }).locator('.action-title').click();
    await page.selectOption('[data-testid=action-status]', { label: 'Reportée' });
    await page.click('[data-testid=action-save]');
    await page.locator('[data-testid=action-form]').waitFor({ state: 'detached' });
    const apart = await page.locator('[data-testid=outside-table]').innerText();
    assert.ok(apart.includes(second) && apart.includes('Reportée') && /120\s?000 €/.test(apart), apart);
    const programme = await page.locator('[data-testid=programme-table]').innerText();
    assert.doesNotMatch(programme, /^\s*202[89]\s/m, 'its years leave the programme');
    assert.notEqual(await page.locator('[data-testid=programme-total]').innerText(), totalBefore);
    assert.match(await page.locator('[data-testid=action-item]', { hasText: second }).innerText(), /hors programme/);
    await screenshot(page, 'roadmap-postponed-1920x1080');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
