// The deliverables: each opens in the app, saves as one standalone HTML file, and prints to a
// PDF through Chromium's print engine (page.pdf) with a page count to match its parts; the
// first page of each is saved as a screenshot to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, openApp, waitForWorkspace, screenshot, downloadText, SCREENSHOTS } from './harness.mjs';

let server;
before(async () => { server = await serveDist(); });
after(async () => { await server.close(); });

const DOCS = [
  { slug: 'diagnostic', parts: ['1. Le territoire', '2. Les acteurs', '3. Les flux par famille', '4. Les opportunités', '5. Les enjeux', '6. Feuille de route proposée'] },
  { slug: 'feuille-de-route-tableau-de-bord', parts: ['1. Les actions', "2. Programme d'investissement", '3. Plan de financement et suivi des aides', '4. Tableau de bord'] },
  { slug: 'bilan', parts: ['1. Ce qui a été fait', '2. Indicateurs', '3. Freins rencontrés', '4. Suites à donner', '5. Éco-communication'] },
];

test('each deliverable opens, saves as standalone HTML and prints to an A4 PDF with its parts', async () => {
  const app = await openApp(server.url, { longTasks: false });
  const { page, errors, context } = app;
  try {
    await waitForWorkspace(page);
    await page.click('[data-testid=page-deliverables]');
    await page.locator('[data-testid=deliverables-page]').waitFor();
    await screenshot(page, 'deliverables-1920x1080');
    for (const doc of DOCS) {
      await page.click(`[data-testid=deliverable-${doc.slug}]`);
      // The preview frame is sandboxed without scripts: read what it shows from the page,
      // through its same-origin document (a frame locator would inject a script and be refused).
      await page.waitForFunction((title) => document.querySelector('[data-testid=deliverable-frame]')?.contentDocument?.body?.innerText.includes(title), doc.parts[0]);
      // The preview is styled: the frame inherits the app's policy, which has no
      // 'unsafe-inline' and allows the report's stylesheet by its hash (a refused one would
      // also be a console error). Read from the page: the frame is same-origin, not scripted.
      const heading = await page.evaluate(() => {
        const frame = document.querySelector('[data-testid=deliverable-frame]');
        return frame.contentWindow.getComputedStyle(frame.contentDocument.querySelector('h1')).color;
      });
      assert.equal(heading, 'rgb(27, 94, 32)', `${doc.slug}: the preview has its stylesheet`);
      const { name, text } = await downloadText(page, '[data-testid=deliverable-save]');
      assert.match(name, new RegExp(`\\.${doc.slug}\\.html$`));
      assert.ok(text.startsWith('<!DOCTYPE html>'));
      assert.ok(!/<script|src="http|href="http/.test(text), 'standalone: no script, nothing fetched');
      // Its own policy: nothing but its stylesheet, by hash, wherever the file is opened.
      const policy = text.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
      assert.match(policy, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+';/);
      assert.ok(!/unsafe|script-src|img-src/.test(policy), policy);

      const paper = await context.newPage();
      const paperErrors = [];
      paper.on('console', (m) => { if (m.type() === 'error') paperErrors.push(m.text()); });
      await paper.setViewportSize({ width: 794, height: 1123 });
      await paper.setContent(text);
      const body = await paper.locator('body').innerText();
      for (const part of doc.parts) assert.ok(body.includes(part), `${doc.slug}: ${part}`);
      // The zone's picture, where a deliverable has one: the companies in their sectors' colours
      // with the sectors' key, as on the app's map, a scale bar and the communes' names.
      const zone = await paper.evaluate(() => {
        const svg = [...document.querySelectorAll('svg')].find((s) => /Carte des entreprises/.test(s.querySelector('title')?.textContent ?? ''));
        if (!svg) return null;
        return {
          colours: new Set([...svg.querySelectorAll('circle[stroke="#fff"]')].map((c) => c.getAttribute('fill'))).size,
          key: svg.textContent,
          scale: svg.querySelector('[data-scale-km]')?.textContent,
          places: [...svg.querySelectorAll('[data-places] text')].map((t) => t.textContent),
          beyond: [...svg.querySelectorAll('[data-beyond] text')].map((t) => t.textContent),
        };
      });
      if (zone) {
        assert.ok(zone.colours >= 5, `${doc.slug}: ${zone.colours} sector colours on the zone's picture`);
        assert.match(zone.key, /C · Industrie manufacturière \(15\)/);
        assert.match(zone.scale ?? '', /^\d+(,\d+)? k?m$/);
        // The zone's communes named on it, as on the app's map.
        assert.deepEqual(zone.places.filter((n) => ['Biguglia', 'Furiani'].includes(n)).sort(), ['Biguglia', 'Furiani'],
          `${doc.slug}: the places named ${zone.places}`);
        // Bastia, north of the map's edge, pointed at with its distance: where the zone is.
        assert.ok(zone.beyond.some((t) => /^↑ Bastia, \d+ km$/.test(t)), `${doc.slug}: the towns beyond ${zone.beyond}`);
      }
      assert.equal(await paper.evaluate(() => getComputedStyle(document.querySelector('h1')).color), 'rgb(27, 94, 32)',
        `${doc.slug}: the saved file's policy lets its stylesheet apply`);
      await paper.screenshot({ path: join(SCREENSHOTS, `deliverable-${doc.slug}-page1.png`) });
      const pdf = await paper.pdf({ format: 'A4', printBackground: true });
      await writeFile(join(SCREENSHOTS, `deliverable-${doc.slug}.pdf`), pdf);
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      console.log(`# ${doc.slug}: ${pages} A4 pages, ${pdf.length} bytes`);
      assert.ok(pages >= doc.parts.length, `${doc.slug}: ${pages} pages for ${doc.parts.length} parts, each on a new page`);
      assert.deepEqual(paperErrors, [], `${doc.slug}: the saved file opens without a refusal`);
      // Printed, every table and figure stays within the page: A4's 210 mm less the two 16 mm
      // margins, 178 mm, 673 CSS px (the roadmap's nine columns once ran off it).
      await paper.emulateMedia({ media: 'print' });
      await paper.setViewportSize({ width: 673, height: 1123 });
      const overflowing = await paper.evaluate(() => [...document.querySelectorAll('table, figure, .figures')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((e) => `${e.tagName} ${e.querySelector('th, figcaption')?.innerText ?? ''} ${Math.round(e.getBoundingClientRect().right)} px`
          + ` [${[...e.querySelectorAll('th')].map((t) => Math.round(t.getBoundingClientRect().width)).join(' ')}]`
          + ` ${[...e.querySelectorAll('tbody tr:first-child td')].map((t) => t.innerText.slice(0, 40)).join(' / ')}`));
      assert.deepEqual(overflowing, [], `${doc.slug}: within the printed page`);
      await paper.close();
    }
    // The harness's init script (long-task observer) is refused in the sandboxed preview: that
    // refusal is the sandbox working, and the only error allowed here.
    assert.deepEqual(errors, []);
  } finally {
    await app.close();
  }
});
