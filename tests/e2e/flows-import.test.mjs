// Importing flows from an Excel workbook (crates/symbiose-core/tests/fixtures/flux.xlsx: a title,
// a header on line 3, three good rows and a quantity written in words on line 6): the preview
// names the bad row's line and column before anything changes, the good rows go in as one step,
// the companies' sheets show them, and one undo takes them all away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, waitForWorkspace, screenshot, downloadText, waitSaved, storedProject } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

const FIXTURE = new URL('../../crates/symbiose-core/tests/fixtures/flux.xlsx', import.meta.url).pathname;

/** Opens a company's sheet from the list. */
async function openCompany(page, name) {
  if (await page.locator('[data-testid=back-to-list]').count()) await page.click('[data-testid=back-to-list]');
  await page.fill('[data-testid=company-search]', name);
  await page.locator('[data-testid=company-item]', { hasText: name }).first().click();
  await page.locator('[data-testid=company-title]', { hasText: name }).waitFor();
}

test('flows from an .xlsx with a bad row: the preview names it, the good rows go in, one undo takes them out', async () => {
  const app = await openApp(server.url, { width: 1280, height: 720 });
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await waitSaved(page);
    const flowsBefore = (await storedProject(page)).flows.length;
    await screenshot(page, 'flows-button-1280x720');

    await page.click('[data-testid=import-flows]');
    await page.locator('[data-testid=flows-choose]').waitFor();
    await screenshot(page, 'flows-choose-1280x720');
    const template = await downloadText(page, '[data-testid=flows-template]');
    assert.equal(template.name, 'modele_flux_symbiose.csv');
    assert.match(template.text, /^\uFEFFsiret;entreprise;sens;famille;libellé;/);

    await page.setInputFiles('[data-testid=flows-input]', FIXTURE);
    await page.locator('[data-testid=flows-preview]').waitFor();
    assert.equal(await page.locator('[data-testid=flows-source]').innerText(), 'Classeur Excel, première feuille « Flux »');
    assert.equal(await page.locator('[data-testid=flows-counts]').innerText(), '3 flux prêts à importer, 0 écarté, 1 en erreur');
    const bad = page.locator('[data-testid=flows-row].error');
    assert.equal(await bad.count(), 1);
    assert.match(await bad.innerText(), /^6\s+Laiterie Biguglienne — Eau de lavage des cuves\s+ligne 6, colonne Quantité : « environ 300 » n'est pas un nombre/);
    assert.equal(await page.locator('[data-testid=flows-row].ok').count(), 3);
    assert.equal(await page.locator('[data-testid=flows-add]').innerText(), 'Importer 3 flux');
    await waitSaved(page);
    assert.equal((await storedProject(page)).flows.length, flowsBefore, 'nothing added before confirmation');
    await screenshot(page, 'flows-xlsx-preview-1280x720');

    await page.click('[data-testid=flows-add]');
    await page.locator('[data-testid=flows-preview]').waitFor({ state: 'detached' });
    await page.locator('[data-testid=banner-notice]', { hasText: '3 flux importés (Ctrl+Z pour revenir).' }).waitFor();
    await openCompany(page, 'Serres de Casatorra');
    await page.locator('[data-testid=flow-list]', { hasText: 'Chaleur basse température pour les semis' }).waitFor();
    await openCompany(page, 'Scierie Orsini & Fils');
    await page.locator('[data-testid=flow-list]', { hasText: 'Chutes de bois non traité' }).waitFor();
    // The previous company's popup fades out before the picture is taken.
    await page.waitForFunction(() => document.querySelectorAll('.leaflet-popup').length === 1);
    await screenshot(page, 'flows-xlsx-imported-1280x720');
    await waitSaved(page);
    const imported = (await storedProject(page)).flows;
    assert.equal(imported.length, flowsBefore + 3);
    const heat = imported.find((f) => f.label === 'Chaleur basse température pour les semis');
    assert.equal(heat.collected_on, '2026-04-02');
    assert.equal(heat.provenance, 'estimated');

    // One undo takes the three flows away, whichever sheet is open.
    await page.click('[data-testid=undo]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=flow-list]')?.innerText.includes('Chutes de bois non traité'));
    await openCompany(page, 'Serres de Casatorra');
    assert.doesNotMatch(await page.locator('[data-testid=flow-list]').innerText(), /Chaleur basse température pour les semis/);
    await waitSaved(page);
    const after = (await storedProject(page)).flows;
    assert.equal(after.length, flowsBefore);
    assert.ok(!after.some((f) => f.label === 'Drêches humides pour l\'élevage'));
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('a CSV is read in the page; a file that is neither CSV nor Excel is refused, and nothing changes', async () => {
  const app = await openApp(server.url, { width: 1280, height: 720 });
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await waitSaved(page);
    const flowsBefore = (await storedProject(page)).flows.length;
    await page.click('[data-testid=import-flows]');
    // French Excel's CSV: Windows-1252 (0xE9 is "é"), semicolons; one known company, one unknown.
    const csv = Buffer.concat([
      Buffer.from('entreprise;sens;famille;libell'), Buffer.from([0xE9]), Buffer.from(';quantit'), Buffer.from([0xE9]), Buffer.from(';unit'), Buffer.from([0xE9]), Buffer.from('\r\n'),
      Buffer.from('Hypermarch'), Buffer.from([0xE9]), Buffer.from(' du Golo;offre;d'), Buffer.from([0xE9]), Buffer.from('chet;Cagettes en bois;2,5;t\r\n'),
      Buffer.from('Fromagerie Imaginaire;offre;matiere;Lactoserum;3;t\r\n'),
    ]);
    await page.setInputFiles('[data-testid=flows-input]', { name: 'flux.csv', mimeType: 'text/csv', buffer: csv });
    await page.locator('[data-testid=flows-preview]').waitFor();
    assert.match(await page.locator('[data-testid=flows-source]').innerText(), /^CSV \(Windows-1252/);
    assert.equal(await page.locator('[data-testid=flows-counts]').innerText(), '1 flux prêt à importer, 0 écarté, 1 en erreur');
    assert.match(await page.locator('[data-testid=flows-row].error').innerText(), /ligne 3, colonne entreprise : aucune entreprise du projet ne s'appelle « Fromagerie Imaginaire »/);
    assert.match(await page.locator('[data-testid=flows-row].ok').innerText(), /Hypermarché du Golo — Cagettes en bois/);
    assert.equal(await page.locator('[data-testid=flows-add]').innerText(), 'Importer 1 flux');

    await page.setInputFiles('[data-testid=flows-input]', { name: 'flux.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n') });
    await page.locator('[data-testid=flows-error]').waitFor();
    assert.match(await page.locator('[data-testid=flows-error]').innerText(), /ni un CSV ni un classeur Excel \(\.xlsx\) : c'est un PDF/);
    await page.click('[data-testid=flows-error] + .dialog-buttons button');
    await page.locator('[data-testid=flows-error]').waitFor({ state: 'detached' });
    await waitSaved(page);
    assert.equal((await storedProject(page)).flows.length, flowsBefore, 'nothing was added');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
