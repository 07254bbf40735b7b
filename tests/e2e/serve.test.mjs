// The README's first command (issue 18): `make serve` runs scripts/serve.sh after set-up. This
// runs that script from a clean output folder, waits for the page, loads it in Chromium, then
// kills Trunk the way its watcher once died (SIGABRT) and checks the page is still served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, waitForWorkspace, screenshot } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

const freePort = () => new Promise((ok) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
});

/** Resolves when `url` answers 200, polling; rejects after `ms`. */
async function waitUp(url, ms) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return r;
    } catch { /* not listening yet */ }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((ok) => setTimeout(ok, 250));
  }
}

/** The pids of `pid`'s children whose command is `name`. */
const childrenNamed = (pid, name) => execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)], { encoding: 'utf8' })
  .split('\n').map((l) => l.trim().split(/\s+/)).filter(([, comm]) => comm === name).map(([p]) => Number(p));

test('make serve: the script builds into a clean folder, serves the app, and keeps serving if Trunk dies', { timeout: 600_000 }, async () => {
  const dist = await mkdtemp(join(tmpdir(), 'symbiose-serve-'));
  await rm(dist, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let log = '';
  const serve = spawn(join(ROOT, 'scripts/serve.sh'), [], {
    cwd: ROOT,
    detached: true, // its own process group, so the whole tree stops at the end
    env: { ...process.env, TRUNK_SERVE_PORT: String(port), TRUNK_BUILD_DIST: dist },
  });
  serve.stdout.on('data', (d) => { log += d; });
  serve.stderr.on('data', (d) => { log += d; });
  let app;
  try {
    const index = await (await waitUp(url, 540_000)).text();
    assert.match(index, /boot\.js/, 'the served page is the app');
    assert.doesNotMatch(index, /<script>/, 'no inline script (live reload stays off: the CSP forbids it)');
    const trunk = childrenNamed(serve.pid, 'trunk');
    assert.equal(trunk.length, 1, `Trunk serves the page\n${log}`);

    app = await openApp(url);
    await waitForWorkspace(app.page);
    await screenshot(app.page, 'serve-trunk-1920x1080');
    assert.deepEqual(app.errors, []);

    // Trunk dies as it did when its watcher panicked: the last build stays served.
    process.kill(trunk[0], 'SIGABRT');
    await new Promise((ok) => setTimeout(ok, 500));
    const fallback = await (await waitUp(url, 30_000)).text();
    const wasm = fallback.match(/data-wasm="\/?([^"]+\.wasm)"/)?.[1];
    assert.ok(wasm, fallback);
    assert.equal((await fetch(url + wasm)).headers.get('content-type'), 'application/wasm');
    assert.match(log, /Trunk stopped \(exit status 134\)/, `the script says why it falls back\n${log}`);
    await app.page.reload();
    await waitForWorkspace(app.page);
    assert.deepEqual(app.errors, []);
    assert.doesNotMatch(log, /panicked/, log);
  } finally {
    await app?.close();
    try { process.kill(-serve.pid, 'SIGTERM'); } catch { /* already gone */ }
    await rm(dist, { recursive: true, force: true });
  }
});
