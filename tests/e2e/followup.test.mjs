// The mission's follow-up: an activity recorded in the log moves the process indicators of
// the dashboard, a bad entry is refused and changes nothing, the indicators are grouped by
// ELIPSE's axes with their method, and the CSV and the bilan carry the same set.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, waitForWorkspace, screenshot, waitSaved, downloadText, storedProject } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

const number = (text) => Number(text.replace(/[\s\u202f\u00a0€]/g, '').replace(',', '.'));

async function indicator(page, code) {
  const cell = page.locator(`[data-testid=elipse-table] tr[data-code=${code}] td.num`).first();
  const text = (await cell.innerText()).trim();
  return text === '—' ? null : number(text);
}

test('an activity recorded in the log moves the follow-up indicators', async () => {
  const app = await openApp(server.url);
  const { page, errors } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=page-dashboard]');
    await page.locator('[data-testid=elipse-table]').waitFor();
    // Three axes, at least twenty indicators, each with its method.
    assert.equal(await page.locator('[data-testid=elipse-table] tbody').count(), 3);
    const rows = await page.locator('[data-testid=elipse-table] tr[data-code]').count();
    assert.ok(rows >= 20, `${rows} indicators`);
    assert.deepEqual(
      await page.locator('[data-testid=elipse-table] .elipse-axis').allInnerTexts(),
      ['Gouvernance', 'Modèle économique', 'Activités et résultats']);
    assert.equal(await indicator(page, 'site_visits'), 8);
    assert.equal(await indicator(page, 'questionnaires_returned'), 6);
    assert.equal(await indicator(page, 'tonnes_per_year'), null, 'no implemented synergy: unknown, not zero');
    const daysBefore = await indicator(page, 'facilitation_days');
    await page.locator('[data-testid=elipse-table] tr[data-code=site_visits] summary').click();
    assert.match(await page.locator('[data-testid=elipse-table] tr[data-code=site_visits] details').innerText(),
      /Entrées « Visite de site » du journal de mission/);
    await page.locator('[data-testid=elipse]').scrollIntoViewIfNeeded();
    await screenshot(page, 'elipse-1920x1080');

    // A visit to two companies, 3,5 hours.
    await page.click('[data-testid=page-roadmap]');
    await page.locator('[data-testid=activity-log]').waitFor();
    assert.match(await page.locator('[data-testid=log-summary]').innerText(), /8 × Visite de site/);
    await page.click('[data-testid=add-activity]');
    await page.selectOption('[data-testid=activity-kind]', { label: 'Visite de site' });
    await page.fill('[data-testid=activity-date]', '2026-03-12');
    await page.fill('[data-testid=activity-title]', 'Visite croisée des chaufferies');
    const options = await page.locator('[data-testid=activity-companies] option').evaluateAll((o) => o.slice(0, 2).map((x) => x.value));
    await page.selectOption('[data-testid=activity-companies]', options);
    // A negative time is refused, said under its field, and nothing is saved.
    await page.fill('[data-testid=activity-hours]', '-2');
    const before = JSON.stringify((await storedProject(page)).activities);
    await page.click('[data-testid=activity-save]');
    assert.match(await page.locator('[data-testid=activity-error]').innerText(), /durée hors de 0 à 8\s?760 heures/);
    assert.equal(JSON.stringify((await storedProject(page)).activities), before);
    await page.fill('[data-testid=activity-hours]', '3,5');
    await page.click('[data-testid=activity-save]');
    await page.locator('[data-testid=activity-form]').waitFor({ state: 'detached' });
    await waitSaved(page);
    const first = page.locator('[data-testid=activity-item]').first();
    assert.match(await first.innerText(), /12\/03\/2026 — Visite de site : Visite croisée des chaufferies/);
    assert.match(await first.innerText(), /3,5 h/);
    const saved = (await storedProject(page)).activities.find((a) => a.title === 'Visite croisée des chaufferies');
    assert.deepEqual([saved.kind, saved.hours, saved.actors.length], ['site_visit', 3.5, 2]);
    await page.locator('[data-testid=activity-log]').scrollIntoViewIfNeeded();
    await screenshot(page, 'activity-log-1920x1080');

    await page.click('[data-testid=page-dashboard]');
    await page.locator('[data-testid=elipse-table]').waitFor();
    assert.equal(await indicator(page, 'site_visits'), 9);
    assert.ok(Math.abs(await indicator(page, 'facilitation_days') - (daysBefore + 0.5)) < 0.01);

    // Edited back to an interview: the visits go back to 8.
    await page.click('[data-testid=page-roadmap]');
    await page.locator('[data-testid=activity-item]', { hasText: 'Visite croisée' }).locator('.action-title').click();
    await page.selectOption('[data-testid=activity-kind]', { label: 'Entretien' });
    await page.click('[data-testid=activity-save]');
    await page.locator('[data-testid=activity-form]').waitFor({ state: 'detached' });
    await page.click('[data-testid=page-dashboard]');
    assert.equal(await indicator(page, 'site_visits'), 8);
    assert.equal(await indicator(page, 'interviews'), 5);

    // A baseline value for the visits: the change since is shown; a word is refused and
    // changes nothing.
    const visitsBaseline = page.locator('[data-testid=elipse-table] tr[data-code=site_visits] [data-testid=baseline-input]');
    await visitsBaseline.fill('5');
    await visitsBaseline.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=elipse-table] tr[data-code=site_visits] [data-testid=baseline-change]')?.innerText === '+3');
    await waitSaved(page);
    const territory = (await storedProject(page)).territory;
    assert.deepEqual(territory.baseline_values.find((b) => b.indicator === 'site_visits'), { indicator: 'site_visits', value: 5 });
    const kept = JSON.stringify(territory.baseline_values);
    const interviewsBaseline = page.locator('[data-testid=elipse-table] tr[data-code=interviews] [data-testid=baseline-input]');
    await interviewsBaseline.fill('beaucoup');
    await interviewsBaseline.press('Enter');
    assert.match(await page.locator('[data-testid=baseline-error]').innerText(), /Entretiens : « beaucoup » n'est pas un nombre/);
    assert.equal(JSON.stringify((await storedProject(page)).territory.baseline_values), kept);
    assert.match(await page.locator('[data-testid=elipse-table] thead').innerText(), /Référence 2025/);

    // The CSV says the same, axis by axis.
    await page.click('[data-testid=page-exports]');
    const { text: csv } = await downloadText(page, '[data-testid=csv-elipse]');
    const lines = csv.trim().split(/\r\n/);
    assert.ok(lines.length >= 21);
    assert.match(lines[1], /^\uFEFF?Gouvernance;maturity;/);
    assert.ok(lines.some((l) => /^Activités et résultats;interviews;Entretiens;5;;;/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => /^Activités et résultats;site_visits;Visites de site;8;5;3;/.test(l)), lines.join('\n'));
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});

test('the pilot demo: ten years of results, its aids paid, and a Bilan with the progress since 2015', async () => {
  const app = await openApp(server.url, { longTasks: false });
  const { page, errors, context } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=back-home]');
    await page.click('[data-testid=add-pilot-demo]');
    await waitForWorkspace(page);
    assert.match(await page.locator('header').innerText(), /Territoire pilote de la Marana/);

    await page.click('[data-testid=page-roadmap]');
    await page.locator('[data-testid=aids-by-funder]').waitFor();
    const ademe = (await page.locator('[data-testid=aids-by-funder] tr[data-funder=Ademe] td.num').allInnerTexts()).map(number);
    assert.ok(ademe[2] >= 222_000, `ADEME paid ${ademe[2]}`);
    assert.equal(await page.locator('[data-testid=action-item]', { hasText: 'Achats groupés' }).count(), 1);
    assert.match(await page.locator('[data-testid=outside-table]').innerText(), /À relancer/);

    await page.click('[data-testid=page-dashboard]');
    await page.locator('[data-testid=elipse-table]').waitFor();
    assert.ok(await indicator(page, 'tonnes_per_year') > 0);
    assert.equal(await indicator(page, 'steering_committees'), 11);

    await page.click('[data-testid=page-deliverables]');
    await page.click('[data-testid=deliverable-bilan]');
    await page.waitForFunction(() => document.querySelector('[data-testid=deliverable-frame]')?.contentDocument?.body?.innerText.includes('Progrès depuis'));
    const { text } = await downloadText(page, '[data-testid=deliverable-save]');
    const paper = await context.newPage();
    await paper.setViewportSize({ width: 794, height: 1123 });
    await paper.setContent(text);
    const body = await paper.locator('body').innerText();
    assert.match(body, /Progrès depuis l'année de référence/);
    assert.match(body, /Référence 2015/);
    // Tonnes: 0 in 2015, measured since.
    const tonnes = await paper.locator('h3:has-text("Progrès depuis") + table tr', { hasText: 'Tonnes détournées' }).innerText();
    assert.match(tonnes, /\t0\t[\d\s\u202f]+\t\+[\d\s\u202f]+/);
    const progress = paper.locator('h3', { hasText: 'Progrès depuis' });
    await progress.scrollIntoViewIfNeeded();
    await screenshot(paper, 'pilot-bilan-progress');
    const pdf = await paper.pdf({ format: 'A4', printBackground: true });
    assert.ok(pdf.length > 20_000);
    await paper.close();
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
