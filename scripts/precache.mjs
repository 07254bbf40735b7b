// Trunk post-build hook (Trunk.toml): writes the service worker's list of files and release hash
// into the staged sw.js, so each build is a new offline release (public/sw.js says how it is used).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this through trunk build');

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(staging)
  .map((path) => relative(staging, path).split(sep).join('/'))
  .filter((name) => name !== 'sw.js')
  .sort();
const hash = createHash('sha256');
for (const name of files) hash.update(name).update(readFileSync(join(staging, name)));
const release = hash.digest('hex').slice(0, 16);
// './' is the navigation entry: the same bytes as index.html.
const list = ['./', ...files.map((f) => `./${f}`)];

const swPath = join(staging, 'sw.js');
const template = readFileSync(swPath, 'utf8');
if (!template.includes('__FILES__')) throw new Error('sw.js has no __FILES__ marker');
writeFileSync(swPath, template.replace("'__RELEASE__'", JSON.stringify(release)).replace('__FILES__', JSON.stringify(list)));
console.log(`sw.js: release ${release}, ${list.length} files`);
