// Adding a company: the button, the commune autocomplete (placed at the centroid), placing it
// exactly by a click on the map, and a hostile name shown as plain text everywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, waitForWorkspace, screenshot, waitSaved } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

const HOSTILE = '<img src=x onerror=alert(1)>';

test('add a company by commune, place it on the map; its hostile name stays text', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const before = Number(await page.getAttribute('[data-testid=map]', 'data-markers'));
    await page.click('[data-testid=add-company]');
    await page.locator('[data-testid=actor-form]').waitFor();
    assert.equal(await page.inputValue('[data-testid=actor-name]'), 'Nouvelle entreprise');
    await page.fill('[data-testid=actor-name]', HOSTILE);
    await page.fill('[data-testid=actor-siret]', '120 027 016 00019');
    await page.fill('[data-testid=actor-naf]', 'jus de fruits');
    await page.locator('[data-testid=naf-hit]').first().click();
    assert.equal(await page.inputValue('[data-testid=actor-naf]'), '10.32Z');
    await page.fill('[data-testid=actor-commune]', 'bigu');
    await page.locator('[data-testid=commune-hit]').first().click();
    assert.equal(await page.inputValue('[data-testid=actor-commune]'), '2B037');
    assert.equal(await page.inputValue('[data-testid=actor-lat]'), '42,6166');
    await page.locator('[data-testid=commune-placed]').waitFor();

    await page.click('[data-testid=place-on-map]');
    await page.locator('[data-testid=picking-hint]').waitFor();
    const box = await page.locator('[data-testid=map]').boundingBox();
    await page.mouse.click(box.x + box.width * 0.2, box.y + box.height * 0.15);
    await page.waitForFunction(() => document.querySelector('[data-testid=actor-lat]').value !== '42,6166');
    await screenshot(page, 'add-company-form-1920x1080');
    await page.click('[data-testid=actor-save]');

    // The sheet, the popup and the list show the name as typed; no image element was made.
    await page.locator('[data-testid=company-title]').waitFor();
    assert.equal(await page.locator('[data-testid=company-title]').innerText(), HOSTILE);
    await page.locator('[data-testid=map-popup]').waitFor();
    assert.equal(await page.locator('[data-testid=map-popup] .map-popup-name').innerText(), HOSTILE);
    await page.click('[data-testid=back-to-list]');
    await page.fill('[data-testid=company-search]', 'img');
    assert.equal((await page.locator('[data-testid=company-item] .company-name').first().innerText()).trim(), HOSTILE);
    assert.equal(await page.locator('.app img:not(.leaflet-tile):not(.leaflet-marker-icon)').count(), 0);
    assert.equal(Number(await page.getAttribute('[data-testid=map]', 'data-markers')), before + 1);
    await screenshot(page, 'add-company-saved-1920x1080');

    await waitSaved(page);
    await page.reload();
    await waitForWorkspace(page);
    await page.fill('[data-testid=company-search]', 'img');
    assert.equal((await page.locator('[data-testid=company-item] .company-name').first().innerText()).trim(), HOSTILE);
    // No alert ran: the harness records any dialog as an error.
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('CSV import: the SIRENE sample and a template with a bad row, previewed before anything changes', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const count = async () => Number((await page.locator('[data-testid=company-count]').innerText()).replace(/\D/g, ''));
    const before = await count();
    const sirene = new URL('../../crates/symbiose-core/tests/fixtures/sirene_sample.csv', import.meta.url).pathname;
    await page.setInputFiles('[data-testid=csv-input]', sirene);
    await page.locator('[data-testid=csv-preview]').waitFor();
    const counts = await page.locator('[data-testid=csv-counts]').innerText();
    const ready = Number(counts.match(/(\d+) prêtes? à ajouter/)[1]);
    assert.match(counts, /\d+ écartées?,/);
    assert.ok(ready > 0);
    assert.equal(await count(), before, 'nothing added before confirmation');
    await screenshot(page, 'csv-sirene-preview-1920x1080');
    await page.click('[data-testid=csv-add]');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=company-count]').innerText.replace(/\D/g, '')) === n, before + ready);

    const template = 'nom;siret;naf;adresse;commune;lat;lon\r\n'
      + 'Conserverie Test;;10.39B;Zone de Tragone;Biguglia;42,6175;9,4390\r\n'
      + 'SIRET faux;12002701600018;10.71C;;2B037;;\r\n';
    await page.setInputFiles('[data-testid=csv-input]', { name: 'entreprises.csv', mimeType: 'text/csv', buffer: Buffer.from(template) });
    await page.locator('[data-testid=csv-preview]').waitFor();
    assert.match(await page.locator('[data-testid=csv-counts]').innerText(), /1 prête à ajouter, 0 écartée, 1 en erreur/);
    assert.match(await page.locator('[data-testid=csv-row].error').innerText(), /ligne 3, colonne siret/);
    await page.click('[data-testid=csv-add]');
    await page.locator('[data-testid=company-item]', { hasText: 'Conserverie Test' }).first().waitFor();
    await page.click('[data-testid=undo]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=company-list]').innerText.includes('Conserverie Test'));

    await page.setInputFiles('[data-testid=csv-input]', { name: 'carte.csv', mimeType: 'text/csv', buffer: Buffer.from('type,features\nx,y\n') });
    await page.locator('[data-testid=csv-error]').waitFor();
    assert.match(await page.locator('[data-testid=csv-error]').innerText(), /Colonnes non reconnues/);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('a company anywhere in France: the commune autocomplete knows every French commune once their table arrives', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=add-company]');
    await page.locator('[data-testid=actor-form]').waitFor();
    await page.fill('[data-testid=actor-commune]', 'villeurbanne');
    const hit = page.locator('[data-testid=commune-hit]', { hasText: '69266' });
    await hit.waitFor();
    await hit.click();
    assert.equal(await page.inputValue('[data-testid=actor-commune]'), '69266');
    assert.match(await page.inputValue('[data-testid=actor-lat]'), /^45,7/);
    await page.locator('[data-testid=commune-placed]').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
