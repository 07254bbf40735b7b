// Offline use (issue 6): once visited, the app opens and works with no network, and a new
// release replaces the cached one without losing the projects stored in the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, openApp, waitForWorkspace, screenshot, waitSaved, storedProject, renameFirstCompany } from './harness.mjs';

const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined);
const cacheNames = (page) => page.evaluate(() => caches.keys());

test('offline: the app reloads with no network and no server, the project is there and editable; a new release keeps it', async () => {
  const extra = new Map();
  const server = await serveDist({ extra });
  const app = await openApp(server.url);
  const { page, context, errors } = app;
  try {
    await waitForWorkspace(page);
    await controlled(page);
    const [cache] = await cacheNames(page);
    assert.match(cache, /^symbiose-[0-9a-f]{16}$/, 'the release has its cache');
    // Installable as an app: Chromium reads the manifest without error and finds nothing missing.
    const cdp = await context.newCDPSession(page);
    assert.deepEqual((await cdp.send('Page.getAppManifest')).errors, []);
    assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
    await cdp.detach();
    await renameFirstCompany(page, 'Menuiserie enregistrée en ligne');
    await waitSaved(page);

    // No network at all: the browser is offline and the server is gone.
    await context.setOffline(true);
    await server.close();
    await page.reload();
    await waitForWorkspace(page);
    await page.locator('[data-testid=company-item]', { hasText: 'Menuiserie enregistrée en ligne' }).waitFor();
    await renameFirstCompany(page, 'Menuiserie modifiée hors ligne');
    await waitSaved(page);
    await page.reload();
    await waitForWorkspace(page);
    await page.locator('[data-testid=company-item]', { hasText: 'Menuiserie modifiée hors ligne' }).waitFor();
    await screenshot(page, 'offline-1920x1080');
    assert.ok((await storedProject(page)).actors.some((a) => a.name === 'Menuiserie modifiée hors ligne'));

    // A new release at the same address (same origin, same storage): its worker installs its
    // own cache and drops the old one; the stored project is untouched.
    const next = await serveDist({ extra, port: server.port });
    try {
      const { readFile } = await import('node:fs/promises');
      const sw = await readFile(new URL('../../dist/sw.js', import.meta.url), 'utf8');
      extra.set('/sw.js', { type: 'text/javascript', body: sw.replace(/const RELEASE = "[0-9a-f]+"/, 'const RELEASE = "0000000000000002"') });
      await context.setOffline(false);
      const hash = await page.evaluate(() => location.hash);
      await page.goto(next.url + hash);
      assert.equal(next.url, server.url);
      await waitForWorkspace(page);
      await page.waitForFunction(async () => (await caches.keys()).join() === 'symbiose-0000000000000002', null, { timeout: 30000 });
      // The page still runs the release it loaded, and says a new one is ready.
      await page.locator('[data-testid=update-banner]').waitFor();
      assert.match(await page.locator('[data-testid=update-banner]').innerText(), /nouvelle version/);
      await screenshot(page, 'update-ready-1920x1080');
      await page.click('[data-testid=update-banner] button');
      await waitForWorkspace(page);
      await waitForWorkspace(page);
      await page.locator('[data-testid=company-item]', { hasText: 'Menuiserie modifiée hors ligne' }).waitFor();
    } finally {
      await next.close();
    }
    // Offline errors of the map background are expected: no tile can load without a network.
    assert.deepEqual(errors.filter((e) => !e.includes('tile.openstreetmap.org')), []);
  } finally {
    await app.close();
  }
});
