// Issue 3 journeys: autosave, undo/redo, the home view, export/import, bad files, storage full,
// corrupt storage, two tabs, and the company questionnaire round trip. Each bad case checks
// that nothing stored changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  serveDist, openApp, waitForWorkspace, screenshot, storageSnapshot, downloadText, importFile, waitSaved, storedText, storedProject, renameFirstCompany, fillStorage, randomLetters, autosavedCopy } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

test('an edit autosaves and survives reload; undo/redo work by buttons and keys, and are saved too', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  const listHas = (name) => page.waitForFunction(
    (n) => [...document.querySelectorAll('[data-testid=company-item] .company-name')].some((e) => e.textContent.trim() === n), name);
  try {
    await waitForWorkspace(page);
    assert.match(page.url(), /#\/p\/[a-z0-9-]+$/, 'the first visit opens the stored demonstration');
    await renameFirstCompany(page, 'Menuiserie Testu');
    await waitSaved(page);
    await page.reload();
    await waitForWorkspace(page);
    await listHas('Menuiserie Testu');

    await renameFirstCompany(page, 'Menuiserie Testu 2');
    await page.click('[data-testid=back-to-list]');
    await listHas('Menuiserie Testu 2');
    await page.locator('body').click({ position: { x: 900, y: 20 } });
    await page.keyboard.press('Control+z');
    await listHas('Menuiserie Testu');
    await page.keyboard.press('Control+Shift+z');
    await listHas('Menuiserie Testu 2');
    await page.click('[data-testid=undo]');
    await listHas('Menuiserie Testu');
    assert.equal(await page.isEnabled('[data-testid=redo]'), true);
    await waitSaved(page);
    await page.reload();
    await waitForWorkspace(page);
    await listHas('Menuiserie Testu');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('home view: create, rename, duplicate, delete after confirmation', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=back-home]');
    await page.locator('[data-testid=home]').waitFor();
    await page.fill('[data-testid=new-project-name]', 'ZA du Bevinco');
    await page.click('[data-testid=create-project]');
    await page.locator('[data-testid=toolbar]').waitFor();
    assert.equal((await page.locator('[data-testid=project-name]').innerText()).trim(), 'ZA du Bevinco');
    await page.click('[data-testid=back-home]');
    const rows = page.locator('[data-testid=project-row]');
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2);

    const row = rows.filter({ hasText: 'ZA du Bevinco' });
    await row.locator('[data-testid=rename-project]').click();
    await page.fill('[data-testid=rename-input]', 'ZA du Bevinco (atelier 1)');
    await page.click('[data-testid=rename-save]');
    await page.locator('[data-testid=project-title]', { hasText: 'ZA du Bevinco (atelier 1)' }).waitFor();

    await page.locator('[data-testid=project-row]', { hasText: 'atelier 1' }).locator('[data-testid=duplicate-project]').click();
    await page.locator('[data-testid=project-title]', { hasText: '(copie)' }).waitFor();
    assert.equal(await rows.count(), 3);
    await page.click('[data-testid=data-sources] summary');
    const sources = await page.locator('[data-testid=data-sources]').innerText();
    for (const credit of ['Liste européenne des déchets', 'NAF', 'Communes de Corse', 'MAESTRI', 'ADEME', 'Leaflet']) {
      assert.ok(sources.includes(credit), `sources credit ${credit}`);
    }
    await screenshot(page, 'home-1920x1080');

    const copy = page.locator('[data-testid=project-row]', { hasText: '(copie)' });
    await copy.locator('[data-testid=delete-project]').click();
    await copy.locator('[data-testid=confirm-delete]').waitFor();
    assert.equal(await rows.count(), 3, 'nothing deleted before confirmation');
    await copy.locator('[data-testid=confirm-delete-yes]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=project-row]').length === 2);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('export then import as a new project gives the same project', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const first = await downloadText(page, '[data-testid=export-json]');
    assert.match(first.name, /\.symbiose\.json$/);
    const exported = JSON.parse(first.text);
    assert.equal(exported.type, 'symbiose-project');
    assert.equal(exported.version, 4);
    await page.click('[data-testid=back-home]');
    await importFile(page, first.name, first.text);
    await page.locator('[data-testid=import-summary]').waitFor();
    await page.click('[data-testid=import-as-new]');
    await page.locator('[data-testid=toolbar]').waitFor();
    await waitForWorkspace(page);
    const second = await downloadText(page, '[data-testid=export-json]');
    assert.deepEqual(JSON.parse(second.text).project, exported.project);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

const BAD_FILES = [
  ['malformed.json', '{"type": "symbiose-project", "version": 1, "project": {', /ligne|line|EOF|JSON/i],
  ['carte.geojson', JSON.stringify({ type: 'FeatureCollection', features: [] }), /Symbiose|type/i],
  ['liste.json', '[1, 2, 3]', /Symbiose|type|objet|object/i],
  ['futur.json', JSON.stringify({ type: 'symbiose-project', version: 99, source: 'x', project: {} }), /récente|newer/i],
  ['pendant.json', JSON.stringify({ type: 'symbiose-project', version: 1, source: 'x', project: {
    name: 'P', actors: [], flows: [{ id: 'f-1', actor: 'a-404', label: 'x' }] } }), /flows\[0\]/],
  ['doublons.json', JSON.stringify({ type: 'symbiose-project', version: 1, source: 'x', project: {
    name: 'P', actors: [{ id: 'a-1', name: 'A' }, { id: 'a-1', name: 'B' }] } }), /actors\[1\]/],
  ['negatif.json', JSON.stringify({ type: 'symbiose-project', version: 1, source: 'x', project: {
    name: 'P', actors: [{ id: 'a-1', name: 'A' }], flows: [{ id: 'f-1', actor: 'a-1', label: 'x', quantity: { value: -3, unit: 't' } }] } }), /flows\[0\]\.quantity/],
  ['texte.json', JSON.stringify({ type: 'symbiose-project', version: 1, source: 'x', project: {
    name: 'P', actors: [{ id: 'a-1', name: 'A' }], flows: [{ id: 'f-1', actor: 'a-1', label: 'x', quantity: { value: 'beaucoup', unit: 't' } }] } }), /flows\[0\]\.quantity/],
];

test('every bad file is refused with a message naming the problem, and nothing stored changes', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await waitSaved(page);
    const before = await storageSnapshot(page);
    for (const [name, text, expected] of BAD_FILES) {
      await importFile(page, name, text);
      const dialog = page.locator('[data-testid=import-error]');
      await dialog.waitFor();
      const message = await dialog.innerText();
      assert.match(message, expected, `${name}: ${message}`);
      if (name === 'pendant.json') await screenshot(page, 'import-error-1920x1080');
      await page.locator('.dialog button').last().click();
      assert.deepEqual(await storageSnapshot(page), before, `${name} changed storage`);
    }
    // 50 MB: refused from its size, before it is read.
    const started = Date.now();
    const big = join(await mkdtemp(join(tmpdir(), 'symbiose-big-')), 'enorme.json');
    await writeFile(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
    await page.setInputFiles('[data-testid=import-input]', big);
    const dialog = page.locator('[data-testid=import-error]');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /trop volumineux/);
    console.log(`# 50 MB file refused in ${Date.now() - started} ms (including the upload into the page)`);
    await page.locator('.dialog button').last().click();
    assert.deepEqual(await storageSnapshot(page), before);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('storage full: the user is told, the last save stays intact, export works, saving resumes', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await waitSaved(page);
    await autosavedCopy(page);
    const before = await storageSnapshot(page);
    await fillStorage(page);
    // Storage is compressed, and a recompressed project can come out shorter than its last
    // save (by up to ~50 characters on the demo, measured 2026-12-02): 250 random letters make
    // sure the new copy is longer.
    const noise = randomLetters(25);
    const tooLong = `Nom qui ne tient plus dans le stockage ${noise}`;
    await renameFirstCompany(page, tooLong);
    await page.locator('[data-testid=banner-full]').waitFor();
    await screenshot(page, 'storage-full-1920x1080');
    const after = await storageSnapshot(page);
    for (const key of Object.keys(before)) assert.equal(after[key], before[key], `${key} changed while storage was full`);
    const exported = await downloadText(page, '[data-testid=banner-full] button');
    assert.ok(exported.text.includes(tooLong), 'the export holds the unsaved edit');
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
    await page.click('[data-testid=back-to-list]');
    await renameFirstCompany(page, 'Nom enfin enregistré');
    await waitSaved(page);
    assert.equal(await page.locator('[data-testid=banner-full]').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('a corrupt stored project is kept as it is, reported, and the rest of the app works', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const corrupt = '{"type":"symbiose-project","version":1,"project":{"actors":[{]}';
    await page.evaluate((c) => localStorage.setItem('symbiose.project.zz-broken', c), corrupt);
    await page.click('[data-testid=back-home]');
    await page.reload();
    await page.locator('[data-testid=project-row]').nth(1).waitFor();
    const broken = page.locator('[data-testid=project-row]', { hasText: 'illisibles' });
    await broken.locator('[data-testid=open-project]').click();
    await page.locator('[data-testid=banner-notice]').waitFor();
    assert.match(await page.locator('[data-testid=banner-notice]').innerText(), /illisible/);
    assert.equal(await page.evaluate(() => localStorage.getItem('symbiose.project.zz-broken')), corrupt);
    const raw = await downloadText(page, '[data-testid=project-row]:has-text("illisibles") [data-testid=export-project]');
    assert.equal(raw.text, corrupt, 'the unreadable text can be exported as it is');
    await page.locator('[data-testid=project-row]', { hasNotText: 'illisibles' }).locator('[data-testid=open-project]').click();
    await waitForWorkspace(page);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('a damaged compressed copy is reported as damaged, kept, and exported as it is', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const damaged = 'symbiose-z1:H4sIAAAAAAAA//8=';
    await page.evaluate((c) => localStorage.setItem('symbiose.project.zz-damaged', c), damaged);
    await page.click('[data-testid=back-home]');
    await page.reload();
    const row = page.locator('[data-testid=project-row]', { hasText: 'illisibles' });
    await row.locator('[data-testid=open-project]').click();
    await page.locator('[data-testid=banner-notice]').waitFor();
    assert.match(await page.locator('[data-testid=banner-notice]').innerText(), /endommagée/);
    assert.equal(await page.evaluate(() => localStorage.getItem('symbiose.project.zz-damaged')), damaged);
    const raw = await downloadText(page, '[data-testid=project-row]:has-text("illisibles") [data-testid=export-project]');
    assert.equal(raw.text, damaged, 'the damaged text is exported exactly as stored');
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('two tabs on one project: a clean tab follows, a tab with unsaved edits is never overwritten silently', async () => {
  const app = await openApp(server.url);
  const { page: a, context, errors } = app;
  const stored = () => storedText(a);
  try {
    await waitSaved(a);
    const b = await context.newPage();
    b.on('pageerror', (e) => errors.push(`page B: ${e.message}`));
    await b.goto(a.url());
    await waitForWorkspace(b);
    await renameFirstCompany(a, 'Écrit dans A');
    await waitSaved(a);
    await b.locator('[data-testid=banner-notice]').waitFor();
    assert.ok((await b.locator('[data-testid=company-list]').innerText()).includes('Écrit dans A'), 'the clean tab follows');

    // Both tabs edit at once. Whatever the timing, nothing may be lost silently: either one tab
    // stops and asks (its save found the other's newer revision), or the later tab had no
    // unsaved edit when the other saved, reloaded it, and both edits are stored.
    await b.locator('[data-testid=company-item]').nth(1).click();
    await b.click('[data-testid=edit-actor]');
    await b.fill('[data-testid=actor-name]', 'Écrit dans B');
    await a.click('[data-testid=back-to-list]');
    await a.locator('[data-testid=company-item]').nth(2).click();
    await a.click('[data-testid=edit-actor]');
    await a.fill('[data-testid=actor-name]', 'Encore A');
    await Promise.all([b.click('[data-testid=actor-save]'), a.click('[data-testid=actor-save]')]);
    const settled = (page) => page.waitForFunction(() => {
      const s = document.querySelector('[data-testid=save-status]');
      return s && !s.classList.contains('pending');
    });
    await Promise.all([settled(a), settled(b)]);
    const conflicted = [];
    for (const page of [a, b]) if (await page.locator('[data-testid=banner-conflict]').count()) conflicted.push(page);
    if (conflicted.length === 0) {
      const text = await stored();
      assert.ok(text.includes('Écrit dans B') && text.includes('Encore A'), 'without a conflict, both edits are stored');
    } else {
      assert.equal(conflicted.length, 1, 'one tab asks');
      const loser = conflicted[0];
      const [winnerText, loserText] = loser === a ? ['Écrit dans B', 'Encore A'] : ['Encore A', 'Écrit dans B'];
      assert.ok((await stored()).includes(winnerText), 'the first save is stored');
      assert.ok(!(await stored()).includes(loserText), 'the second did not overwrite it silently');
      await screenshot(loser, 'two-tabs-conflict-1920x1080');
      await loser.click('[data-testid=keep-mine]');
      await waitSaved(loser);
      assert.ok((await stored()).includes(loserText), 'keeping mine writes it, knowingly');
    }
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('company questionnaire: export, fill on another machine, merge back with a summary', async () => {
  const facilitator = await openApp(server.url);
  const company = await openApp(server.url);
  try {
    const f = facilitator.page;
    await waitForWorkspace(f);
    await f.locator('[data-testid=company-item]').first().click();
    const name = (await f.locator('[data-testid=company-title]').innerText()).trim();
    const projectName = (await f.locator('[data-testid=project-name]').innerText()).trim();
    const sent = await downloadText(f, '[data-testid=export-questionnaire]');
    assert.match(sent.name, /\.questionnaire\.json$/);

    // The company's own browser: a fresh profile.
    const c = company.page;
    await waitForWorkspace(c);
    await c.click('[data-testid=back-home]');
    await importFile(c, sent.name, sent.text);
    await c.click('[data-testid=questionnaire-open]');
    await waitForWorkspace(c);
    // The company's copy keeps the facilitator's project name, so the file it sends back is
    // recognised as made for that project.
    assert.equal((await c.locator('[data-testid=project-name]').innerText()).trim(), projectName);
    await c.locator('[data-testid=company-item]').first().click();
    await c.click('[data-testid=edit-actor]');
    await c.fill('[data-testid=actor-contact]', 'Mme Casanova, 04 95 11 22 33');
    await c.click('[data-testid=actor-save]');
    await c.click('[data-testid=add-flow]');
    await c.selectOption('[data-testid=flow-family]', { label: 'Déchet' });
    await c.fill('[data-testid=flow-label]', 'Palettes bois cassées');
    await c.fill('[data-testid=waste-search]', 'emballages en bois');
    await c.locator('[data-testid=waste-hit]').first().click();
    await c.fill('[data-testid=flow-quantity]', '12,5');
    // The months named, not lettered ("J" was January, June or July), two rows of six, each
    // checkbox named by its month for a screen reader.
    const months = await c.evaluate(() => {
      const boxes = [...document.querySelectorAll('[data-testid=flow-months] input[type=checkbox]')];
      return { names: boxes.map((b) => b.closest('label').innerText.trim()),
        rows: new Set(boxes.map((b) => Math.round(b.getBoundingClientRect().top))).size };
    });
    assert.deepEqual(months, { names: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'], rows: 2 });
    // A month found by its name: all year by default, January taken off.
    await c.getByRole('checkbox', { name: 'janv.' }).uncheck();
    assert.equal(await c.getByRole('checkbox', { name: 'janv.' }).isChecked(), false);
    assert.equal(await c.getByRole('checkbox', { name: 'juin' }).isChecked(), true);
    await screenshot(c, 'questionnaire-flow-form-1920x1080');
    await c.click('[data-testid=flow-save]');
    await c.locator('[data-testid=flow-item]', { hasText: 'Palettes bois cassées' }).waitFor();
    const returned = await downloadText(c, '[data-testid=export-questionnaire]');

    await importFile(f, returned.name, returned.text);
    const plan = f.locator('[data-testid=merge-plan]');
    await plan.waitFor();
    const summary = await plan.innerText();
    assert.match(summary, new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.match(summary, /contact/);
    assert.match(summary, /1 ajouté/);
    assert.equal(await f.locator('[data-testid=merge-foreign-project]').count(), 0);
    await screenshot(f, 'questionnaire-merge-1920x1080');
    await f.click('[data-testid=merge-confirm]');
    await f.locator('[data-testid=flow-item]', { hasText: 'Palettes bois cassées' }).waitFor();
    assert.match(await f.locator('.company-facts').innerText(), /Casanova/);
    assert.deepEqual(facilitator.errors, []);
    assert.deepEqual(company.errors, []);
  } finally {
    await facilitator.close();
    await company.close();
  }
});

test('an autosave written in slices: an edit during it is saved, and leaving during it saves at once', async () => {
  // 2,000 companies and 16,000 flows: the autosave is written a few hundred records per slice of
  // the page's time (core format::parts), over several frames.
  const text = execFileSync('cargo', ['run', '-q', '-p', 'symbiose-cli', '--', 'synth', '2000', '8'], { maxBuffer: 64 << 20 }).toString();
  const app = await openApp(server.url);
  const { page, errors } = app;
  // The `symbiose:save` span's start mark stands while a save is under way (src/perf.rs); its
  // measure is added when one ends. Waits for the next save to be under way, or already over on a
  // machine fast enough to write it between two looks; says which.
  const saves = () => page.evaluate(() => performance.getEntriesByName('symbiose:save').length);
  let caught = 0;
  const saving = async (before) => {
    const under = await page.waitForFunction((n) => {
      if (performance.getEntriesByName('symbiose:save:start').length > 0) return 'under way';
      return performance.getEntriesByName('symbiose:save').length > n ? 'over' : false;
    }, before, { polling: 5 });
    if ((await under.jsonValue()) === 'under way') caught += 1;
  };
  const firstName = async () => (await storedProject(page)).actors[0].name;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=back-home]');
    // Only this project in storage: storedProject reads the first one.
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('symbiose.project.')).forEach((k) => localStorage.removeItem(k)));
    await importFile(page, 'epci-2000.symbiose.json', text);
    await page.click('[data-testid=import-as-new]');
    await page.waitForFunction(() => document.querySelector('[data-testid=map]')?.getAttribute('data-markers') === '2000', null, { timeout: 120000 });
    await waitSaved(page);
    const original = await firstName();

    // An undo while the rename's autosave is being written: what is stored is the undone name.
    let before = await saves();
    await renameFirstCompany(page, 'Renommée pendant la sauvegarde');
    await saving(before);
    await page.click('[data-testid=undo]');
    await page.locator('[data-testid=company-title]', { hasText: original }).waitFor();
    // Until the undo's own autosave is stored (not the rename's, which it stopped).
    let stored;
    for (let i = 0; i < 100 && (stored = await firstName()) !== original; i += 1) await page.waitForTimeout(100);
    await waitSaved(page);
    assert.equal(await firstName(), original, 'the save under way stopped; the undo was saved');

    // Leaving while an autosave is being written: it is written at once, whole.
    await page.click('[data-testid=back-to-list]');
    before = await saves();
    await renameFirstCompany(page, 'Renommée avant de partir');
    await saving(before);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid=map]')?.getAttribute('data-markers') === '2000', null, { timeout: 120000 });
    assert.equal(await firstName(), 'Renommée avant de partir');
    console.log(`# 2,000 companies: ${caught} of 2 edits came while their autosave was being written in slices`);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
