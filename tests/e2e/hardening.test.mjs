// Hostile text (issue 6): every free-text field of the project — actors, flows, synergies,
// actions, and the territory, workshops and measurements around them — holds
// `<img src=x onerror=alert(1)>` or `"><script>alert(2)</script>`. Imported through the UI, the
// project is shown in the list, the company sheet, a map popup, the proposals, the board, the
// roadmap, the dashboard, the three deliverables and the exports. Everywhere the text must
// appear exactly as typed, no element may come out of it, and no script may run (the harness
// fails a test on any dialog, page error or console error, CSP reports included).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serveDist, openApp, waitForWorkspace, screenshot, downloadText, importFile } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '"><script>alert(2)</script>';
// Keys whose string values are free text typed by a person (codes, ids, dates and enums are not).
const FREE_TEXT = new Set(['name', 'address', 'contact', 'notes', 'tags', 'label', 'contaminants', 'note', 'owner',
  'partners', 'title', 'next_step', 'facilitator', 'funders', 'decisions', 'other_participants']);

/** The demo project with every free-text string replaced by a payload and a number (so it stays unique). */
async function hostileProject() {
  const demo = JSON.parse(await readFile(new URL('../../crates/symbiose-core/data/demo_za.json', import.meta.url), 'utf8'));
  let n = 0;
  const values = [];
  const visit = (v, key) => {
    if (Array.isArray(v)) return v.map((x) => visit(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, visit(x, k)]));
    if (typeof v === 'string' && FREE_TEXT.has(key)) {
      const text = `${n % 2 ? SCRIPT : IMG} ${n++}§`;
      values.push(text);
      return text;
    }
    return v;
  };
  const project = visit(demo.project, 'project');
  return { text: JSON.stringify({ ...demo, project }), values, project };
}

/** No element was made from the text: no img pointing at "x", no script but the app's own. */
async function assertInert(frameOrPage, where) {
  const found = await frameOrPage.evaluate(() => ({
    imgs: document.querySelectorAll('img[src="x"], img[onerror], [onerror]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => /alert\(/.test(s.textContent)).length,
  }));
  assert.deepEqual(found, { imgs: 0, scripts: 0 }, `elements made from text in ${where}`);
}

async function assertShows(frameOrPage, where, ...texts) {
  const shown = await frameOrPage.evaluate(() => document.body.innerText);
  for (const t of texts) assert.ok(shown.includes(t), `${where} shows ${JSON.stringify(t)} as typed`);
}

test('hostile text in every field is shown as typed and never runs, in every view, report and export', async () => {
  const { text, project } = await hostileProject();
  const app = await openApp(server.url, { longTasks: false });
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=back-home]');
    await importFile(page, 'hostile.symbiose.json', text);
    await page.click('[data-testid=import-as-new]');
    await waitForWorkspace(page);
    const actor = project.actors[0];
    const flow = project.flows.find((f) => f.actor === actor.id);

    // List, company sheet, map popup.
    await assertShows(page, 'the company list', actor.name);
    await page.locator('[data-testid=company-item]', { hasText: actor.name }).click();
    await page.locator('[data-testid=company-title]').waitFor();
    await page.locator('.leaflet-popup-content').waitFor();
    await assertShows(page, 'the company sheet and its popup', actor.name, actor.address, flow.label);
    assert.ok((await page.locator('.leaflet-popup-content').innerText()).includes(actor.name), 'the popup shows the name as typed');
    await assertInert(page, 'the workspace');
    await screenshot(page, 'hostile-workspace-1920x1080');

    // Proposals: their reasons name companies and flows.
    await page.click('[data-testid=tab-proposals]');
    await page.waitForSelector('[data-testid=tab-proposals][data-detection=done]');
    const reasons = await page.locator('main').innerText();
    assert.ok(reasons.includes(IMG) || reasons.includes(SCRIPT), 'proposals quote the hostile names');
    await assertInert(page, 'the proposals');

    // Board, roadmap, dashboard.
    const synergy = project.synergies[0];
    const action = project.actions[0];
    await page.click('[data-testid=page-pipeline]');
    await page.locator('[data-testid=card]').first().waitFor();
    await assertShows(page, 'the board', synergy.title);
    await assertInert(page, 'the board');
    await page.click('[data-testid=page-roadmap]');
    await page.waitForFunction((t) => document.body.innerText.includes(t), action.title);
    await assertShows(page, 'the roadmap', action.title, action.owner);
    await assertInert(page, 'the roadmap');
    await screenshot(page, 'hostile-roadmap-1920x1080');
    await page.click('[data-testid=page-dashboard]');
    await page.locator('svg').first().waitFor();
    await assertInert(page, 'the dashboard');

    // The three deliverables, in their sandboxed frame.
    await page.click('[data-testid=page-deliverables]');
    for (const kind of ['diagnostic', 'feuille-de-route-tableau-de-bord', 'bilan']) {
      const tab = page.locator(`[data-testid=deliverable-${kind}]`);
      await tab.click();
      await page.waitForFunction(() => !document.querySelector('[data-testid=detection-running]'));
      // Read from the parent page (the frame allows same-origin access): evaluating inside the
      // sandboxed frame would itself be a script the sandbox blocks, and hide a real one.
      await page.waitForFunction((name) => document.querySelector('[data-testid=deliverable-frame]')?.contentDocument?.body?.innerText.includes(name), project.name);
      const inFrame = await page.evaluate(() => {
        const d = document.querySelector('[data-testid=deliverable-frame]').contentDocument;
        return { imgs: d.querySelectorAll('img[src="x"], [onerror]').length, scripts: d.querySelectorAll('script').length, text: d.body.innerText };
      });
      assert.deepEqual({ imgs: inFrame.imgs, scripts: inFrame.scripts }, { imgs: 0, scripts: 0 }, `elements made from text in the ${kind} deliverable`);
      assert.ok(inFrame.text.includes(IMG) || inFrame.text.includes(SCRIPT), `the ${kind} deliverable shows the text as typed`);
      const saved = await downloadText(page, '[data-testid=deliverable-save]');
      assert.ok(!saved.text.includes(IMG) && !saved.text.includes('<script>alert'), `the saved ${kind} HTML escapes the text`);
      assert.ok(saved.text.includes('&lt;img src=x onerror=alert(1)&gt;'), `the saved ${kind} HTML holds the escaped text`);
    }
    await screenshot(page, 'hostile-deliverable-1920x1080');

    // Exports: the text as typed, in CSV cells and GeoJSON strings.
    await page.click('[data-testid=page-exports]');
    const actorsCsv = (await downloadText(page, '[data-testid=csv-actors]')).text;
    assert.ok(actorsCsv.includes(IMG), 'actors CSV holds the text');
    assert.ok(actorsCsv.includes('"""><script>alert(2)</script>'), 'a quote in a CSV cell is doubled, as CSV wants');
    for (const id of ['csv-flows', 'csv-synergies', 'csv-actions']) {
      const csv = (await downloadText(page, `[data-testid=${id}]`)).text;
      assert.ok(csv.includes(IMG) || csv.includes('<script>alert(2)</script>'), `${id} holds the text`);
    }
    const geo = JSON.parse((await downloadText(page, '[data-testid=geojson]')).text);
    const names = geo.features.map((f) => f.properties.name);
    assert.ok(names.includes(actor.name), 'GeoJSON holds the name exactly');
    const back = JSON.parse((await downloadText(page, '[data-testid=project-export]')).text);
    assert.deepEqual(back.project.actors.map((a) => a.name), project.actors.map((a) => a.name), 'the project export gives every name back as typed');
    await assertInert(page, 'the exports page');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
