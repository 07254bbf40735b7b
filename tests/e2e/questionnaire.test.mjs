// Issue 12, item 5: the company questionnaire neither loses nor leaks. The file sent to a company
// carries none of the facilitator's notes; the returned file merges field by field (a blank keeps
// the project's value), a private flow made public stays private unless the facilitator ticks it,
// the summary lists each change old → new, and a file made for another project is flagged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  serveDist, openApp, waitForWorkspace, screenshot, downloadText, importFile, storedProject,
} from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

const ACTOR_NOTE = 'NOTE-ANIMATRICE : réticent, relancer après le salon';
const FLOW_NOTE = 'NOTE-FLUX : prix négocié, ne pas diffuser';

/** Polls the stored project until `check` returns true (autosave runs after each edit). */
async function waitStored(page, check, what) {
  const deadline = Date.now() + 10_000;
  let last;
  while (Date.now() < deadline) {
    last = await storedProject(page);
    if (check(last)) return last;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(`stored project never showed ${what}`);
}

const byLabel = (p, label) => p.flows.find((f) => f.label === label);

test('questionnaire round trip: no notes sent, blanks keep, a private flow stays private unless accepted', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.fill('[data-testid=company-search]', 'Plastiques Corses');
    await page.locator('[data-testid=company-item]').first().click();
    await page.locator('[data-testid=company-title]', { hasText: 'Plastiques Corses Injection' }).waitFor();

    // The facilitator's notes, on the company and on its private flow.
    await page.click('[data-testid=edit-actor]');
    await page.fill('[data-testid=actor-notes]', ACTOR_NOTE);
    await page.click('[data-testid=actor-save]');
    await page.locator('[data-testid=company-title]').waitFor();
    await page.locator('[data-testid=flow-item]', { hasText: 'Granulés de polypropylène' }).click();
    await page.fill('[data-testid=flow-notes]', FLOW_NOTE);
    await page.click('[data-testid=flow-save]');
    await page.locator('[data-testid=flow-item]', { hasText: 'Granulés de polypropylène' }).waitFor();
    const original = await waitStored(page, (p) => byLabel(p, 'Granulés de polypropylène').notes === FLOW_NOTE, 'the flow note');
    const projectName = original.name;

    // The file sent: none of the facilitator's notes or tags.
    const sent = await downloadText(page, '[data-testid=export-questionnaire]');
    const q = JSON.parse(sent.text).questionnaire;
    assert.equal(q.project_name, projectName);
    assert.equal(q.actor.notes, '');
    assert.deepEqual(q.actor.tags, []);
    for (const f of q.flows) {
      assert.equal(f.notes, '', f.label);
      assert.equal(f.quality.notes, '', f.label);
    }
    for (const secret of [ACTOR_NOTE, FLOW_NOTE, 'Entreprise fictive']) {
      assert.ok(!sent.text.includes(secret), `${secret} leaked in the questionnaire`);
    }
    assert.equal(byLabel(q, 'Granulés de polypropylène').confidentiality, 'private');

    // The company's answers: its contact, a blank address and a blank cost (no answer), its
    // private flow made public, a new quantity.
    q.actor.contact = 'M. Luciani, 04 95 30 30 30';
    q.actor.address = '';
    byLabel(q, 'Sacs et cartons de granulés').cost_eur_per_unit = null;
    byLabel(q, 'Granulés de polypropylène').confidentiality = 'public';
    const offcuts = q.flows.find((f) => f.label.startsWith('Carottes'));
    assert.equal(offcuts.quantity.value, 60);
    offcuts.quantity.value = 75;
    const returned = (questionnaire) => JSON.stringify({ ...JSON.parse(sent.text), questionnaire }, null, 2);

    // A file made for another project is flagged with both names before anything changes.
    await importFile(page, 'autre.questionnaire.json', returned({ ...q, project_name: 'ZA du Bevinco' }));
    const warning = page.locator('[data-testid=merge-foreign-project]');
    await warning.waitFor();
    await screenshot(page, 'questionnaire-merge-foreign-1920x1080');
    assert.match(await warning.innerText(), /« ZA du Bevinco »/);
    assert.ok((await warning.innerText()).includes(`« ${projectName} »`));
    await page.locator('.dialog-buttons button', { hasText: 'Annuler' }).click();
    await warning.waitFor({ state: 'detached' });

    // The right file: every change listed old → new, the confidentiality choice offered.
    await importFile(page, sent.name, returned(q));
    const plan = page.locator('[data-testid=merge-plan]');
    await plan.waitFor();
    assert.equal(await page.locator('[data-testid=merge-foreign-project]').count(), 0);
    const summary = await plan.innerText();
    assert.match(summary, /« Plastiques Corses Injection » : fiche mise à jour\./);
    assert.match(summary, /contact : \(vide\) → « M\. Luciani, 04 95 30 30 30 »/);
    assert.match(summary, /Flux « Carottes et rebuts d'injection PP » mis à jour :/);
    assert.match(summary, /quantité : « 60 t\/an » → « 75 t\/an »/);
    assert.match(summary, /Flux : 0 ajouté\(s\), 1 mis à jour, 3 inchangé\(s\), 0 gardé\(s\)/);
    assert.doesNotMatch(summary, /adresse|coût|notes/, 'blanks and missing notes are no change');
    const choice = page.locator('[data-testid=merge-looser]');
    assert.equal(await choice.count(), 1);
    assert.match(await choice.innerText(),
      /« Granulés de polypropylène » : le fichier demande « Public » ; « Privé », plus strict, est gardé\./);
    assert.equal(await page.isChecked('[data-testid=merge-accept-looser]'), false);
    await screenshot(page, 'questionnaire-merge-summary-1920x1080');

    // Confirmed as it is: the quantity changes, the blanks, the notes and the private level stay.
    await page.click('[data-testid=merge-confirm]');
    let stored = await waitStored(page, (p) => byLabel(p, "Carottes et rebuts d'injection PP").quantity.value === 75, 'the new quantity');
    const actor = stored.actors.find((a) => a.name === 'Plastiques Corses Injection');
    assert.equal(actor.contact, 'M. Luciani, 04 95 30 30 30');
    assert.equal(actor.address, 'ZA de Tragone, lot 20');
    assert.equal(actor.notes, ACTOR_NOTE);
    assert.deepEqual(actor.tags, ['plastique']);
    assert.equal(byLabel(stored, 'Granulés de polypropylène').confidentiality, 'private');
    assert.equal(byLabel(stored, 'Granulés de polypropylène').notes, FLOW_NOTE);
    assert.equal(byLabel(stored, 'Sacs et cartons de granulés').cost_eur_per_unit, 160);

    // One undo step takes the whole merge back.
    await page.click('[data-testid=undo]');
    stored = await waitStored(page, (p) => byLabel(p, "Carottes et rebuts d'injection PP").quantity.value === 60, 'the undo');
    assert.deepEqual(stored, original);

    // Again, and this time the facilitator accepts the company's public level.
    await importFile(page, sent.name, returned(q));
    await plan.waitFor();
    await page.check('[data-testid=merge-accept-looser]');
    await page.locator('[data-testid=merge-plan]', { hasText: 'confidentialité : « Privé » → « Public »' }).waitFor();
    assert.match(await choice.innerText(), /« Privé » → « Public », accepté\./);
    await screenshot(page, 'questionnaire-merge-accepted-1920x1080');
    await page.click('[data-testid=merge-confirm]');
    stored = await waitStored(page, (p) => byLabel(p, 'Granulés de polypropylène').confidentiality === 'public', 'the accepted level');
    assert.equal(byLabel(stored, 'Granulés de polypropylène').notes, FLOW_NOTE);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('the paper questionnaire: an A4 sheet per company, its flows pre-filled and rows left blank', async () => {
  const app = await openApp(server.url);
  const { page, errors, context } = app;
  try {
    await waitForWorkspace(page);
    await page.fill('[data-testid=company-search]', 'Plastiques Corses');
    await page.locator('[data-testid=company-item]').first().click();
    await page.locator('[data-testid=company-title]', { hasText: 'Plastiques Corses Injection' }).waitFor();
    const flows = await page.locator('[data-testid=flow-item]').count();
    const { name, text } = await downloadText(page, '[data-testid=paper-questionnaire]');
    assert.match(name, /questionnaire-papier.*\.html$/);
    assert.match(text, /<h1>Questionnaire des flux<\/h1><p>Plastiques Corses Injection<\/p>/);
    assert.match(text, /@page \{ size: A4/);
    assert.ok(!/<script/i.test(text), 'no script in the sheet');
    // Every known flow is on the sheet, then five blank rows under each list.
    const filled = (text.match(/<tr><td>(?!<)[^<]/g) ?? []).length;
    assert.ok(filled >= 6 + flows, `${filled} pre-filled rows for ${flows} flows`);
    assert.equal((text.match(/<td class="blank"><\/td><\/tr>/g) ?? []).length, 6 + 5 + 5 + 4);
    // As it prints: the sheet opened in a page of its own, at A4 width.
    const sheet = await context.newPage();
    await sheet.setContent(text);
    await sheet.setViewportSize({ width: 794, height: 1123 });
    await screenshot(sheet, 'paper-questionnaire-a4');
    const pdf = await sheet.pdf({ format: 'A4' });
    assert.ok(pdf.length > 5_000);
    await sheet.close();
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
