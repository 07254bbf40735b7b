// A pilot territory brings in its earlier action plan (issue 16, part 4): the roadmap page's
// import reads a CSV in the template's columns, names the bad row's line and column before
// anything changes, gives the rows without an origin the one typed in the dialog, and the
// actions go in as one step, with their status and origin, that one undo takes away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serveDist, openApp, waitForWorkspace, screenshot, downloadText, waitSaved, storedProject } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

const TEMPLATE = readFileSync(new URL('../../crates/symbiose-core/data/template_plan_actions.csv', import.meta.url), 'utf8');

test('an earlier action plan from a CSV: the bad row named, the others in with their status and origin, one undo', async () => {
  const app = await openApp(server.url, { width: 1280, height: 720 });
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=page-roadmap]');
    await page.locator('[data-testid=roadmap-page]').waitFor();
    await waitSaved(page);
    const before = (await storedProject(page)).actions.length;
    const itemsBefore = await page.locator('[data-testid=action-item]').count();

    await page.click('[data-testid=import-plan]');
    await page.locator('[data-testid=plan-choose]').waitFor();
    assert.equal(await page.locator('[data-testid=plan-origin]').inputValue(), "Plan d'actions antérieur");
    await page.fill('[data-testid=plan-origin]', 'Plan 2015 (tableur de la CCI)');
    const template = await downloadText(page, '[data-testid=plan-template]');
    assert.equal(template.name, 'modele_plan_actions_symbiose.csv');
    assert.match(template.text, /^\uFEFFintitulé;statut;origine;porteur;/);
    await screenshot(page, 'plan-choose-1280x720');

    // The template's three actions, one whose aids exceed its eligible cost (line 5), one with
    // no origin (it takes the dialog's).
    const csv = TEMPLATE
      + "Étude de la chaleur fatale;réalisée;;Laiterie;;3;;2016;;20000;;10000;Étude / AMO;;6000;6000;;;;versée;\n"
      + "Achats groupés d'emballages;à relancer;;Club d'entreprises;;3;;2017;;0;;;;;;;;;;;\n";
    await page.setInputFiles('[data-testid=plan-input]', { name: 'plan-2015.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('[data-testid=plan-preview]').waitFor();
    assert.match(await page.locator('[data-testid=plan-source]').innerText(), /^CSV \(UTF-8/);
    assert.equal(await page.locator('[data-testid=plan-counts]').innerText(), '4 actions prêtes à importer, 0 écartée, 1 en erreur');
    const bad = page.locator('[data-testid=plan-row].error');
    assert.match(await bad.innerText(), /^5\s+Étude de la chaleur fatale\s+ligne 5, colonne dépense éligible € HT : aides .* supérieures à la dépense éligible/);
    const ok = await page.locator('[data-testid=plan-row].ok').allInnerTexts();
    assert.equal(ok.length, 4);
    assert.match(ok[0], /Collecte mutualisée des cartons de la zone — Réalisée \(Plan d'actions 2015\)/);
    assert.match(ok[3], /Achats groupés d'emballages — À relancer \(Plan 2015 \(tableur de la CCI\)\)/);
    assert.equal(await page.locator('[data-testid=plan-add]').innerText(), 'Importer 4 actions');
    await waitSaved(page);
    assert.equal((await storedProject(page)).actions.length, before, 'nothing added before confirmation');
    await screenshot(page, 'plan-preview-1280x720');

    await page.click('[data-testid=plan-add]');
    await page.locator('[data-testid=plan-preview]').waitFor({ state: 'detached' });
    await page.locator('[data-testid=banner-notice]', { hasText: '4 actions ajoutées à la feuille de route (Ctrl+Z pour revenir).' }).waitFor();
    assert.equal(await page.locator('[data-testid=action-item]').count(), itemsBefore + 4);
    const relaunch = page.locator('[data-testid=action-item]', { hasText: "Bourse d'échange de palettes" });
    assert.match(await relaunch.innerText(), /À relancer/);
    assert.match(await relaunch.locator('[data-testid=action-origin]').innerText(), /Origine : Plan d'actions 2015/);
    // Abandoned and to-relaunch actions are outside the programme, listed apart.
    assert.match(await page.locator('[data-testid=outside-table]').innerText(), /Réseau de chaleur entre la laiterie et la blanchisserie/);
    await relaunch.scrollIntoViewIfNeeded();
    await screenshot(page, 'plan-imported-1280x720');
    await waitSaved(page);
    const stored = (await storedProject(page)).actions;
    assert.equal(stored.length, before + 4);
    const done = stored.find((a) => a.title === 'Collecte mutualisée des cartons de la zone');
    assert.equal(done.status, 'done');
    assert.equal(done.origin, "Plan d'actions 2015");
    assert.equal(done.start, '2016-01-01');
    assert.deepEqual(done.funding.map((f) => [f.source, f.status ?? 'planned']), [['ademe', 'paid'], ['regional_agency', 'paid'], ['companies', 'planned']]);
    assert.equal(stored.find((a) => a.title === "Achats groupés d'emballages").origin, 'Plan 2015 (tableur de la CCI)');

    // One undo takes the four away.
    await page.click('[data-testid=undo]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=action-item]').length === n, itemsBefore);
    await waitSaved(page);
    assert.equal((await storedProject(page)).actions.length, before);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
