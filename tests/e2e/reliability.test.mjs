// Issue 12, nothing lost: a map click can never lock a project; a stored project with errors
// opens in repair mode; leaving with unsaved edits asks first; every destructive step keeps a
// copy in the bin; a damaged stamp never disables the two-tab check. docs/RELIABILITY.md lists
// the rows these journeys prove.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serveDist, openApp, waitForWorkspace, screenshot, storageSnapshot, downloadText, importFile, waitSaved, fillStorage, randomLetters,
  storedProject, storedText, renameFirstCompany, autosavedCopy } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

/** The open project's storage id, from the address. */
const openId = (page) => page.evaluate(() => location.hash.match(/#\/p\/([a-z0-9-]+)/)[1]);

/** The demonstration as a plain project file (what an export writes). */
async function demoFile(page) {
  return JSON.parse(await storedText(page));
}

/** Stores `file` as a project the way an earlier build did (plain JSON, no stamp), then opens it. */
async function openStored(page, id, file) {
  await page.evaluate(([id, text]) => {
    localStorage.setItem(`symbiose.project.${id}`, text);
    localStorage.setItem(`symbiose.meta.${id}`, JSON.stringify({ name: 'Projet abîmé', actors: 0, flows: 0, synergies: 0, saved_at: 1 }));
  }, [id, JSON.stringify(file)]);
  await page.goto(`${server.url}#/p/${id}`);
}

test('a click on a repeated copy of the world adds the company at the same place on the real one; the project reopens', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    // Zoom out as far as Leaflet goes: the world repeats left and right.
    const out = page.locator('.leaflet-control-zoom-out');
    for (let i = 0; i < 25 && (await out.getAttribute('aria-disabled')) !== 'true'; i += 1) {
      await out.click({ force: true });
      await page.waitForTimeout(400);
    }
    assert.equal(await out.getAttribute('aria-disabled'), 'true', 'zoomed out as far as it goes');
    await page.click('[data-testid=add-on-map]');
    const box = await page.locator('[data-testid=map]').boundingBox();
    await page.mouse.click(box.x + 8, box.y + box.height / 2);
    await page.locator('[data-testid=actor-form]').waitFor();
    const lon = Number((await page.inputValue('[data-testid=actor-lon]')).replace(',', '.'));
    assert.ok(lon >= -180 && lon <= 180, `longitude ${lon} is on the real world`);
    await page.fill('[data-testid=actor-name]', 'Clic au bord du monde');
    await page.click('[data-testid=actor-save]');
    await waitSaved(page);
    const stored = await storedProject(page);
    const added = stored.actors.find((a) => a.name === 'Clic au bord du monde');
    assert.ok(added.position.lon >= -180 && added.position.lon <= 180, JSON.stringify(added.position));
    await page.reload();
    await waitForWorkspace(page);
    assert.equal(await page.locator('[data-testid=repair-panel]').count(), 0, 'it opens normally');
    // The same longitude typed by hand is refused by the form, with the core's words.
    await page.locator('[data-testid=company-item]').first().click();
    await page.click('[data-testid=edit-actor]');
    await page.fill('[data-testid=actor-lon]', '-700');
    await page.click('[data-testid=actor-save]');
    await page.locator('[data-testid=actor-form] .field-error', { hasText: 'longitude' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('a stored project the loader refuses opens in repair mode; fixed and removed records make it whole, the original goes to the bin', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const file = await demoFile(page);
    const p = file.project;
    p.actors[0].position.lon = -700;               // what the old map click stored
    p.flows[1].actor = 'a-404';                     // a flow of a company that is gone
    p.flows[2].quantity = 'beaucoup';               // a value that does not read
    p.name = 'Projet abîmé';
    const flows = p.flows.length;
    await openStored(page, 'zz-repair', file);
    await page.locator('[data-testid=repair-panel]').waitFor();
    await waitForWorkspace(page);
    assert.equal(await page.locator('[data-testid=repair-problem]').count(), 2);
    assert.equal(await page.locator('[data-testid=repair-unreadable]').count(), 1);
    // Counted in words, each record named first, then said in words, with the path for whoever
    // mends the file by hand.
    assert.equal(await page.locator('[data-testid=repair-counts]').innerText(),
      '2 problèmes à corriger · 1 élément illisible, gardé tel quel');
    assert.match(await page.locator('[data-testid=repair-unreadable]').innerText(),
      /^« [^»]+ »\s+flows\[2\]\s+quantité \(quantity\) : on attend une quantité \{ value, unit, period \}, le fichier donne le texte « beaucoup »/);
    assert.match(await page.locator('[data-testid=repair-problem]', { hasText: 'actors[0]' }).innerText(),
      /^« Boulangerie du Golo »\s+entreprise n° 1 › position \(actors\[0\]\.position\) : position hors des limites/);
    await screenshot(page, 'repair-mode-1920x1080');
    // Opening changed nothing in storage.
    assert.equal(await page.evaluate(() => localStorage.getItem('symbiose.project.zz-repair')), JSON.stringify(file));

    // Fix the company through its form.
    await page.locator('[data-testid=repair-problem]', { hasText: 'actors[0]' }).locator('[data-testid=repair-show]').click();
    await page.locator('[data-testid=actor-form]').waitFor();
    await page.fill('[data-testid=actor-lon]', '9,44');
    await page.click('[data-testid=actor-save]');
    await page.locator('[data-testid=repair-problem]', { hasText: 'actors[0]' }).waitFor({ state: 'detached' });
    // Remove the orphan flow.
    await page.locator('[data-testid=repair-problem]', { hasText: 'flows[1]' }).locator('[data-testid=repair-remove]').click();
    // Correct the unreadable one and put it back.
    await page.click('[data-testid=repair-edit]');
    const raw = JSON.parse(await page.inputValue('[data-testid=repair-text]'));
    raw.quantity = { value: 2.5, unit: 't', period: 'year' };
    await page.fill('[data-testid=repair-text]', JSON.stringify(raw));
    await page.click('[data-testid=repair-put-back]');
    await page.locator('[data-testid=repair-panel]').waitFor({ state: 'detached' });
    await page.locator('[data-testid=banner-notice]', { hasText: 'Réparation terminée' }).waitFor();
    await waitSaved(page);
    const repaired = await storedProject(page, 'symbiose.project.zz-repair');
    assert.equal(repaired.flows.length, flows - 1, 'one flow removed, the unreadable one back');
    assert.equal(repaired.flows.find((f) => f.id === raw.id).quantity.value, 2.5);
    await page.reload();
    await waitForWorkspace(page);
    assert.equal(await page.locator('[data-testid=repair-panel]').count(), 0, 'it now opens normally');

    // The original, exactly as it was stored, waits in the bin.
    await page.click('[data-testid=back-home]');
    const row = page.locator('[data-testid=bin-row]', { hasText: 'avant réparation' });
    await row.waitFor();
    const kept = await downloadText(page, '[data-testid=bin-row]:has-text("avant réparation") [data-testid=bin-export]');
    assert.deepEqual(JSON.parse(kept.text), file);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('an imported file with errors can be opened anyway in repair mode; a bad edit there is still refused', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    const file = await demoFile(page);
    file.project.name = 'Import à réparer';
    file.project.actions[0].end = '2000-01-01';
    file.project.targets = [{ indicator: 'jobs', year: 9999, value: 1 }];
    await page.click('[data-testid=back-home]');
    const before = await storageSnapshot(page);
    await importFile(page, 'a-reparer.json', JSON.stringify(file));
    await page.locator('[data-testid=import-error]').waitFor();
    assert.match(await page.locator('[data-testid=import-error]').innerText(), /9999/);
    assert.deepEqual(await storageSnapshot(page), before, 'refused: nothing stored yet');
    await page.click('[data-testid=import-open-anyway]');
    await page.locator('[data-testid=repair-panel]').waitFor();
    assert.equal(await page.locator('[data-testid=repair-problem]').count(), 2);
    await page.locator('[data-testid=repair-problem]', { hasText: 'targets[0]' }).locator('[data-testid=repair-remove]').click();
    await page.locator('[data-testid=repair-problem]', { hasText: 'targets[0]' }).waitFor({ state: 'detached' });
    assert.equal(await page.locator('[data-testid=repair-problem]').count(), 1);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('leaving a project whose edits are not stored asks first and offers the export', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await waitSaved(page);
    await autosavedCopy(page);
    await fillStorage(page);
    const noise = randomLetters(25);
    await renameFirstCompany(page, `Pas de place ${noise}`);
    await page.locator('[data-testid=banner-full]').waitFor();

    // The home button: asked, and staying keeps everything on screen.
    await page.click('[data-testid=back-home]');
    await page.locator('[data-testid=leave-dialog]').waitFor();
    await screenshot(page, 'leave-unsaved-1920x1080');
    await page.click('[data-testid=leave-stay]');
    assert.match(await page.locator('[data-testid=company-title]').innerText(), /Pas de place/);

    // The browser's back button: asked too, and the address stays on the project.
    const here = page.url();
    await page.goBack();
    await page.locator('[data-testid=leave-dialog]').waitFor();
    assert.equal(page.url(), here);
    const exported = await downloadText(page, '[data-testid=leave-export]');
    assert.ok(exported.text.includes(`Pas de place ${noise}`), 'the export holds the unsaved edit');
    await page.click('[data-testid=leave-stay]');

    // Reloading the tab: the browser asks (beforeunload); dismissing keeps the page.
    let asked = 0;
    page.removeAllListeners('dialog');
    page.on('dialog', (d) => { if (d.type() === 'beforeunload') asked += 1; d.dismiss(); });
    await page.reload({ timeout: 3000 }).catch(() => {});
    assert.equal(asked, 1, 'the browser asked before reloading');
    assert.match(await page.locator('[data-testid=company-title]').innerText(), /Pas de place/);

    // Leaving anyway is the user's choice.
    await page.click('[data-testid=back-home]');
    await page.click('[data-testid=leave-anyway]');
    await page.locator('[data-testid=home]').waitFor();
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('delete, import over, roadmap import: each keeps a copy in the bin, restorable after a reload', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await renameFirstCompany(page, 'Version avant import');
    await waitSaved(page);
    const id = await openId(page);
    const file = await demoFile(page);

    // Replace by an import of another file: a copy of the version replaced goes to the bin.
    const other = structuredClone(file);
    other.project.actors[0].name = 'Version importée';
    await importFile(page, 'autre.json', JSON.stringify(other));
    await page.click('[data-testid=import-replace]');
    await page.locator('[data-testid=banner-notice]').waitFor();
    await waitSaved(page);
    assert.ok((await storedProject(page)).actors.some((a) => a.name === 'Version importée'));

    // A reload loses the undo history, not the copy.
    await page.reload();
    await waitForWorkspace(page);
    await page.click('[data-testid=back-home]');
    const row = page.locator('[data-testid=bin-row]', { hasText: 'remplacement par un import' });
    await row.waitFor();
    await screenshot(page, 'bin-1920x1080');
    await row.locator('[data-testid=bin-restore]').click();
    await page.locator('[data-testid=bin-message]').waitFor();
    await page.goto(`${server.url}#/p/${id}`);
    await waitForWorkspace(page);
    await page.locator('[data-testid=company-item]', { hasText: 'Version avant import' }).waitFor();
    await page.click('[data-testid=back-home]');
    // Restoring put what it replaced in the bin too.
    await page.locator('[data-testid=bin-row]', { hasText: 'restauration' }).waitFor();

    // Delete: to the bin, then back.
    const projects = await page.locator('[data-testid=project-row]').count();
    await page.locator('[data-testid=project-row]').first().locator('[data-testid=delete-project]').click();
    await page.click('[data-testid=confirm-delete-yes]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=project-row]').length === n - 1, projects);
    await page.locator('[data-testid=bin-row]', { hasText: 'Supprimé' }).locator('[data-testid=bin-restore]').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=project-row]').length === n, projects);

    // Emptying the bin deletes its copies for good, after a confirmation.
    await page.click('[data-testid=bin-empty]');
    await page.click('[data-testid=bin-empty-yes]');
    assert.equal(await page.locator('[data-testid=bin-row]').count(), 0);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('symbiose.bin.')).length), 0);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('a stored value whose stamp is damaged stops the next save instead of overwriting it', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await waitSaved(page);
    const id = await openId(page);
    // Another writer (a tab, an extension, a bug) leaves a value whose first line is garbage.
    const foreign = await page.evaluate((id) => {
      const key = `symbiose.project.${id}`;
      const value = localStorage.getItem(key);
      const damaged = `symbiose-r1 ?? <script>\n${value.slice(value.indexOf('\n') + 1)}`;
      localStorage.setItem(key, damaged);
      localStorage.setItem(`symbiose.meta.${id}`, '{not json');
      return damaged;
    }, id);
    await renameFirstCompany(page, 'Ne doit rien écraser');
    await page.locator('[data-testid=banner-conflict]').waitFor();
    assert.equal(await page.evaluate((id) => localStorage.getItem(`symbiose.project.${id}`), id), foreign);
    // Keeping mine is a choice, and then it is written.
    await page.click('[data-testid=keep-mine]');
    await waitSaved(page);
    assert.ok((await storedText(page, `symbiose.project.${id}`)).includes('Ne doit rien écraser'));
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('a link to a project this browser does not hold says so, without calling anything unreadable', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.goto(`${server.url}#/p/zz-absent`);
    const notice = page.locator('[data-testid=banner-notice]');
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, /ne contient pas ce projet/);
    assert.match(text, /importez son fichier/);
    assert.doesNotMatch(text, /illisible/);
    await page.locator('[data-testid=home]').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('with no room for the bin copy, deleting asks for an export and a deletion for good; nothing goes before', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await waitSaved(page);
    await page.click('[data-testid=back-home]');
    await page.click('[data-testid=add-demo]');
    await waitForWorkspace(page);
    await waitSaved(page);
    await page.click('[data-testid=back-home]');
    await fillStorage(page);
    const before = await storageSnapshot(page);
    const row = page.locator('[data-testid=project-row]').first();
    await row.locator('[data-testid=delete-project]').click();
    await page.click('[data-testid=confirm-delete-yes]');
    await page.locator('[data-testid=bin-no-room]').waitFor();
    assert.deepEqual(await storageSnapshot(page), before, 'nothing deleted without a copy');
    const exported = await downloadText(page, '[data-testid=bin-no-room-export]');
    assert.equal(JSON.parse(exported.text).type, 'symbiose-project');
    await page.click('[data-testid=delete-for-good]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=project-row]').length === 1);
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
