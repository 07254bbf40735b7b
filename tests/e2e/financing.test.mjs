// The funder's follow-up: an aid recorded from requested to granted to paid, the aid tables of
// the roadmap page changing at each step, the funder's ceilings refused with what is wrong and
// nothing saved, the call's phase rule said, and the CSV follow-up made from the same figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, waitForWorkspace, screenshot, waitSaved, downloadText, storedProject } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

// French amounts: "12 500 €" with a narrow no-break space between thousands.
const euros = (text) => Number(text.replace(/[\s\u202f\u00a0€]/g, '').replace(',', '.'));

/** The planned, granted and paid cells of the by-funder row of `funder` (its enum name). */
async function funderRow(page, funder) {
  const cells = page.locator(`[data-testid=aids-by-funder] tr[data-funder=${funder}] td.num`);
  return (await cells.allInnerTexts()).map(euros);
}

async function yearRow(page, year) {
  const row = page.locator('[data-testid=aids-by-year] tr', { hasText: String(year) });
  if (await row.count() === 0) return null;
  return (await row.locator('td.num').allInnerTexts()).map(euros);
}

const STUDY = "Étude de faisabilité d'un réseau de chaleur fatale";

async function openAction(page, title) {
  await page.locator('[data-testid=action-item]', { hasText: title }).locator('.action-title').click();
  await page.locator('[data-testid=action-form]').waitFor();
}

/** The ADEME line of the open form. */
const ademeLine = (page) => page.locator('[data-testid=funding-line]', { hasText: 'ADEME' });

async function save(page) {
  await page.click('[data-testid=action-save]');
  await page.locator('[data-testid=action-form]').waitFor({ state: 'detached' });
  await waitSaved(page);
}

test('an aid goes from requested to granted to paid, and the aid tables follow each step', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=page-roadmap]');
    await page.locator('[data-testid=aids]').waitFor();
    // The demo: ADEME asked 6 000 € (granted) for the cardboard collection and 12 500 €
    // (requested) for the heat network study.
    assert.deepEqual(await funderRow(page, 'Ademe'), [18_500, 6_000, 0]);
    assert.deepEqual(await yearRow(page, 2026), [32_000, 6_000, 0]);
    assert.match(await page.locator('[data-testid=action-item]', { hasText: STUDY }).innerText(),
      /Aides 20\s000 € \(80 %\) — ADEME 12\s500 € \(demandée le 20\/05\/2026\)/);
    assert.match(await page.locator('[data-testid=action-item]', { hasText: 'cartons' }).innerText(),
      /ADEME 6\s000 € \(accordée le 12\/05\/2026\), Entreprises 6\s000 €/);

    // Granted, for less than asked.
    await openAction(page, STUDY);
    const line = ademeLine(page);
    assert.equal(await line.locator('[data-testid=funding-granted]').count(), 0, 'no grant field before the grant');
    await line.locator('[data-testid=funding-status]').selectOption('Granted');
    await line.locator('[data-testid=funding-decided_on]').fill('2026-09-01');
    await line.locator('[data-testid=funding-granted]').fill('12 000');
    await screenshot(page, 'financing-form-1920x1080');
    await save(page);
    assert.deepEqual(await funderRow(page, 'Ademe'), [18_500, 18_000, 0]);
    let stored = await storedProject(page);
    let ademe = stored.actions.find((a) => a.title === STUDY).funding.find((l) => l.source === 'ademe');
    assert.deepEqual([ademe.status, ademe.granted_on, ademe.granted_eur], ['granted', '2026-09-01', 12000]);

    // Paid in part, the next year: the payment falls in 2027.
    await openAction(page, STUDY);
    await ademeLine(page).locator('[data-testid=funding-status]').selectOption('Paid');
    await ademeLine(page).locator('[data-testid=funding-paid_on]').fill('2027-02-10');
    await ademeLine(page).locator('[data-testid=funding-paid]').fill('6000');
    await save(page);
    assert.deepEqual(await funderRow(page, 'Ademe'), [18_500, 18_000, 6_000]);
    assert.deepEqual(await yearRow(page, 2027), [0, 0, 6_000]);
    assert.match(await page.locator('[data-testid=action-item]', { hasText: STUDY }).innerText(),
      /ADEME 12\s000 € \(accordée le 01\/09\/2026 \(12\s500 € demandés\), 6\s000 € versés le 10\/02\/2027\)/);
    assert.deepEqual(
      (await page.locator('[data-testid=aids-by-funder] [data-testid=aids-total] td').allInnerTexts()).map(euros),
      [32_000, 18_000, 6_000]);
    await page.locator('[data-testid=aids]').scrollIntoViewIfNeeded();
    await screenshot(page, 'financing-tables-1920x1080');

    // Undo takes the payment back in one step.
    await page.click('[data-testid=undo]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=aids-by-year]')?.innerText.includes('2027'));
    assert.deepEqual(await funderRow(page, 'Ademe'), [18_500, 18_000, 0]);
    await page.click('[data-testid=redo]');
    await page.waitForFunction(() => document.querySelector('[data-testid=aids-by-year]')?.innerText.includes('2027'));

    // The CSV follow-up says the same.
    await page.click('[data-testid=page-exports]');
    const { text: csv } = await downloadText(page, '[data-testid=csv-aid-tables]');
    assert.match(csv, /par financeur;ADEME;18500;18000;6000/);
    assert.match(csv, /par année;2027;0;0;6000/);
    const { text: lines } = await downloadText(page, '[data-testid=csv-aids]');
    assert.match(lines, /ADEME;12500;Versée;20\/05\/2026;01\/09\/2026;12000;10\/02\/2027;6000/);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test("the funder's ceilings are refused with what is wrong, and nothing is saved", async () => {
  const app = await openApp(server.url, { width: 1280, height: 720 });
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=page-roadmap]');
    await page.locator('[data-testid=aids]').waitFor();
    await waitSaved(page);
    const before = JSON.stringify((await storedProject(page)).actions);

    await openAction(page, STUDY);
    // Eligible cost above the cost (25 000 € HT).
    await page.fill('[data-testid=action-eligible]', '30 000');
    await page.click('[data-testid=action-save]');
    let said = await page.locator('[data-testid=action-error]').innerText();
    assert.match(said, /dépense éligible \(30\s000\s€\) supérieure au coût de l'action \(25\s000\s€ HT\)/);
    // Aids (ADEME 12 500 + OEC 7 500) above the eligible cost.
    await page.fill('[data-testid=action-eligible]', '15 000');
    await page.click('[data-testid=action-save]');
    said = await page.locator('[data-testid=action-error]').innerText();
    assert.match(said, /aides \(20\s000\s€\) supérieures à la dépense éligible \(15\s000\s€\)/);
    // Paid above granted, said with the line's funder.
    await page.fill('[data-testid=action-eligible]', '25 000');
    await ademeLine(page).locator('[data-testid=funding-status]').selectOption('Paid');
    await ademeLine(page).locator('[data-testid=funding-granted]').fill('10 000');
    await ademeLine(page).locator('[data-testid=funding-paid]').fill('11 000');
    await page.click('[data-testid=action-save]');
    said = await page.locator('[data-testid=action-error]').innerText();
    assert.match(said, /ADEME — versé \(11\s000\s€\) supérieur à l'accordé \(10\s000\s€\)/);
    await screenshot(page, 'financing-refused-1280x720');
    await page.locator('[data-testid=action-form] button', { hasText: /Annuler/ }).click();
    assert.equal(JSON.stringify((await storedProject(page)).actions), before, 'nothing was saved');

    // A pilot territory's track funds phases 3–4: the demo's phase-2 actions are flagged with
    // the rule, and kept.
    await page.click('[data-testid=programme-settings] summary');
    await page.selectOption('[data-testid=programme-track]', 'pilot');
    await page.click('[data-testid=programme-save]');
    await page.locator('[data-testid=action-outside-track]').first().waitFor();
    assert.equal(await page.locator('[data-testid=action-outside-track]').count(), 2);
    await openAction(page, STUDY);
    assert.match(await page.locator('[data-testid=action-phase-hint]').innerText(),
      /ne couvre pas la phase 2 : l'appel à projets .* phases 3–4 \(mise en œuvre, bilan\) des territoires pilotes/);
    await page.selectOption('[data-testid=action-phase]', { label: 'Phase 3' });
    assert.equal(await page.locator('[data-testid=action-phase-hint]').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
