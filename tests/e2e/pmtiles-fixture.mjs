// A small PMTiles version 3 extract made for the tests, since the `pmtiles` tool and an
// OpenStreetMap build are not on these machines: vector tiles (MVT) of the demo zone around
// Bastia in the layers and kinds of the Protomaps basemap, so that protomaps-leaflet's light
// style draws them. Land west of a coastline, the sea east of it, a main road along the coast,
// a town's name. Tiles and directories are stored uncompressed (compression "none", which the
// format allows). Written by hand from the specification
// (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md and the Mapbox Vector Tile
// specification 2.1); tile ids come from the vendored reader (vendor/protomaps/pmtiles.js).
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const reader = (() => {
  const context = {};
  vm.runInNewContext(`${readFileSync(new URL('../../vendor/protomaps/pmtiles.js', import.meta.url), 'utf8')}; this.pmtiles = pmtiles;`, context);
  return context.pmtiles;
})();

// The coastline's longitude, for the whole extract: the demo zone's companies stand at
// 9.421–9.449° E, the sea begins just east of them.
export const COAST_LON = 9.4515;
export const BOUNDS = { west: 9.30, south: 42.55, east: 9.55, north: 42.72 };

// --- protobuf, as much as MVT needs ---
function varint(n, out) {
  let v = BigInt(n);
  while (v >= 0x80n) { out.push(Number(v & 0x7fn) | 0x80); v >>= 7n; }
  out.push(Number(v));
}
const zigzag = (n) => (n << 1) ^ (n >> 31);
function field(num, wire, out) { varint((num << 3) | wire, out); }
function bytesField(num, bytes, out) { field(num, 2, out); varint(bytes.length, out); out.push(...bytes); }
const utf8 = (s) => [...Buffer.from(s, 'utf8')];
function packed(num, values, out) { const b = []; for (const v of values) varint(v, b); bytesField(num, b, out); }

const EXTENT = 4096;
const command = (id, count) => (id & 7) | (count << 3);

// Geometry in tile coordinates: a list of rings (polygon) or one line, as [x, y] points.
function geometry(kind, parts) {
  const out = [];
  let cx = 0; let cy = 0;
  for (const part of parts) {
    const points = kind === 'polygon' ? part.slice(0, -1) : part;
    const [x0, y0] = points[0];
    out.push(command(1, 1), zigzag(x0 - cx), zigzag(y0 - cy));
    cx = x0; cy = y0;
    out.push(command(2, points.length - 1));
    for (const [x, y] of points.slice(1)) { out.push(zigzag(x - cx), zigzag(y - cy)); cx = x; cy = y; }
    if (kind === 'polygon') out.push(command(7, 1));
  }
  return out;
}

const TYPES = { point: 1, line: 2, polygon: 3 };

// One layer: its features, each { kind: point|line|polygon, parts, props }.
function layer(name, features) {
  const keys = []; const values = [];
  const index = (list, v) => { let i = list.indexOf(v); if (i < 0) { i = list.length; list.push(v); } return i; };
  const out = [];
  field(15, 0, out); varint(2, out);
  bytesField(1, utf8(name), out);
  for (const f of features) {
    const feature = [];
    const tags = Object.entries(f.props).flatMap(([k, v]) => [index(keys, k), index(values, v)]);
    if (tags.length) packed(2, tags, feature);
    field(3, 0, feature); varint(TYPES[f.kind], feature);
    packed(4, f.kind === 'point' ? [command(1, 1), zigzag(f.parts[0][0][0]), zigzag(f.parts[0][0][1])] : geometry(f.kind, f.parts), feature);
    bytesField(2, feature, out);
  }
  for (const k of keys) bytesField(3, utf8(k), out);
  for (const v of values) {
    const value = [];
    if (typeof v === 'string') bytesField(1, utf8(v), value);
    else { field(4, 0, value); varint(v, value); }
    bytesField(4, value, out);
  }
  field(5, 0, out); varint(EXTENT, out);
  return out;
}

// --- where things fall in a tile ---
const worldX = (lon, z) => ((lon + 180) / 360) * 2 ** z;
const worldY = (lat, z) => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
};
const inTile = (v, t) => Math.round((v - t) * EXTENT);

function tile(z, x, y) {
  const coast = inTile(worldX(COAST_LON, z), x);
  const clamp = (v) => Math.max(-64, Math.min(EXTENT + 64, v));
  const c = clamp(coast);
  const whole = [[0, 0], [0, EXTENT], [EXTENT, EXTENT], [EXTENT, 0], [0, 0]];
  const layers = [];
  layers.push(layer('earth', [{ kind: 'polygon', parts: [whole], props: { kind: 'earth' } }]));
  if (c < EXTENT) {
    const sea = [[c, 0], [c, EXTENT], [EXTENT + 64, EXTENT], [EXTENT + 64, 0], [c, 0]];
    layers.push(layer('water', [{ kind: 'polygon', parts: [sea], props: { kind: 'ocean' } }]));
  }
  const road = clamp(inTile(worldX(COAST_LON - 0.004, z), x));
  if (road > 0 && road < EXTENT) {
    layers.push(layer('roads', [{ kind: 'line', parts: [[[road, -64], [road, EXTENT + 64]]], props: { kind: 'major_road', name: 'Route du littoral', min_zoom: 6 } }]));
  }
  const tx = inTile(worldX(9.4401, z), x); const ty = inTile(worldY(42.6200, z), y);
  if (tx >= 0 && tx < EXTENT && ty >= 0 && ty < EXTENT) {
    layers.push(layer('places', [{ kind: 'point', parts: [[[tx, ty]]], props: { kind: 'locality', name: 'Bastia-Test', 'name:fr': 'Bastia-Test', min_zoom: 2, population_rank: 10 } }]));
  }
  const out = [];
  for (const l of layers) bytesField(3, l, out);
  return Buffer.from(out);
}

// --- the archive ---
function directory(entries) {
  const out = [];
  varint(entries.length, out);
  let last = 0;
  for (const e of entries) { varint(e.tileId - last, out); last = e.tileId; }
  for (const e of entries) varint(e.runLength, out);
  for (const e of entries) varint(e.length, out);
  entries.forEach((e, i) => {
    const follows = i > 0 && e.offset === entries[i - 1].offset + entries[i - 1].length;
    varint(follows ? 0 : e.offset + 1, out);
  });
  return Buffer.from(out);
}

/** The extract's bytes: zooms `minZoom`–`maxZoom` over `bounds` (tiles drawn the same anywhere). */
export function makePmtiles({ minZoom = 0, maxZoom = 14, bounds = BOUNDS } = {}) {
  const entries = [];
  const datas = [];
  let offset = 0;
  const tiles = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const [x0, x1] = [Math.floor(worldX(bounds.west, z)), Math.floor(worldX(bounds.east, z))];
    const [y0, y1] = [Math.floor(worldY(bounds.north, z)), Math.floor(worldY(bounds.south, z))];
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) tiles.push({ tileId: reader.zxyToTileId(z, x, y), z, x, y });
  }
  tiles.sort((a, b) => a.tileId - b.tileId);
  for (const t of tiles) {
    const data = tile(t.z, t.x, t.y);
    entries.push({ tileId: t.tileId, runLength: 1, offset, length: data.length });
    datas.push(data);
    offset += data.length;
  }
  const root = directory(entries);
  const metadata = Buffer.from(JSON.stringify({ name: 'Symbiose test extract', vector_layers: [] }));
  const tileData = Buffer.concat(datas);
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'latin1');
  header.writeUInt8(3, 7);
  const rootOffset = 127n;
  const metadataOffset = rootOffset + BigInt(root.length);
  const tileOffset = metadataOffset + BigInt(metadata.length);
  header.writeBigUInt64LE(rootOffset, 8);
  header.writeBigUInt64LE(BigInt(root.length), 16);
  header.writeBigUInt64LE(metadataOffset, 24);
  header.writeBigUInt64LE(BigInt(metadata.length), 32);
  header.writeBigUInt64LE(tileOffset, 40); // no leaf directories
  header.writeBigUInt64LE(0n, 48);
  header.writeBigUInt64LE(tileOffset, 56);
  header.writeBigUInt64LE(BigInt(tileData.length), 64);
  header.writeBigUInt64LE(BigInt(entries.length), 72);
  header.writeBigUInt64LE(BigInt(entries.length), 80);
  header.writeBigUInt64LE(BigInt(entries.length), 88);
  header.writeUInt8(1, 96); // clustered: tiles in tile id order
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(1, 99); // tile type: MVT
  header.writeUInt8(minZoom, 100);
  header.writeUInt8(maxZoom, 101);
  const e7 = (d) => Math.round(d * 1e7);
  header.writeInt32LE(e7(bounds.west), 102);
  header.writeInt32LE(e7(bounds.south), 106);
  header.writeInt32LE(e7(bounds.east), 110);
  header.writeInt32LE(e7(bounds.north), 114);
  header.writeUInt8(12, 118);
  header.writeInt32LE(e7((bounds.west + bounds.east) / 2), 119);
  header.writeInt32LE(e7((bounds.south + bounds.north) / 2), 123);
  return Buffer.concat([header, root, metadata, tileData]);
}

/** Reads a tile back with the vendored reader: the test's check that the file is well made. */
export async function readBack(bytes, z, x, y) {
  const source = { getKey: () => 'fixture', getBytes: async (offset, length) => ({ data: bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + length) }) };
  const archive = new reader.PMTiles(source);
  return archive.getZxy(z, x, y);
}

export const tileOf = (lat, lon, z) => [z, Math.floor(worldX(lon, z)), Math.floor(worldY(lat, z))];
