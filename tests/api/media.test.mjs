// tests/api/media.test.mjs - issue 4: POST /api/v1/media takes a picture's raw bytes, stores
// only the sanitized file under DATA/media/ab/cdef... (BLAKE2b-256 of the output), answers
// what was removed and which regions were covered; GET /api/v1/media/{id} serves it to its
// owner only. Hostile bytes are 422 image-rejected with nothing written, oversize is 413.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { Client, assertProblem, headOnly } from './helpers.mjs';
import { lesionPng } from './pro_helpers.mjs';

const PW = 'correct horse battery';
const FACE = '../shared/data/faces/skimage_astronaut.png';
const CANARY = 'CanaryArtist7f3e';
let srv;
let tmp;
before(async () => {
  srv = await startServer();
  tmp = mkdtempSync(join(tmpdir(), 'entraide-media-'));
});
after(async () => {
  await srv.stop();
  rmSync(tmp, { recursive: true, force: true });
});

function has(cmd) {
  try { execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }); return true; } catch { return false; }
}

// A new account, logged in.
async function member(handle) {
  const c = new Client(srv.url);
  const json = { handle, email: `${handle}@example.org`, password: PW, handle_confirmed: true };
  assert.equal((await c.req('POST', '/api/v1/accounts', { json })).status, 201);
  assert.equal((await c.login(handle, PW)).status, 200);
  return c;
}

const upload = (c, bytes, { type = 'image/jpeg', headers = {}, query = '', csrf = true } = {}) =>
  c.req('POST', `/api/v1/media${query}`, { body: bytes, headers: { 'content-type': type, ...headers }, csrf });

// Every stored file: "ab/cdef..." names.
function mediaFiles() {
  const root = join(srv.data, 'media');
  const out = [];
  for (const d of readdirSync(root)) {
    for (const f of readdirSync(join(root, d))) out.push(`${d}/${f}`);
  }
  return out.sort();
}

// A JPEG made now with convert, tagged by exiftool with an artist, a comment and GPS.
function exifJpeg() {
  const p = join(tmp, 'gps.jpg');
  execFileSync('convert', ['-size', '96x64', 'gradient:#e0ac8c-#963c3c', '-quality', '90', p]);
  execFileSync('exiftool', ['-q', '-overwrite_original', `-Artist=${CANARY}`, `-Comment=${CANARY}`,
    '-GPSLatitude=48.8566', '-GPSLatitudeRef=N', '-GPSLongitude=2.3522', '-GPSLongitudeRef=E',
    '-Make=CanaryCam', '-Orientation#=6', p]);
  return readFileSync(p);
}

let alice;
let bob;
test('anonymous 401, no CSRF 403, wrong type 415, nothing written', async () => {
  alice = await member('alice.media');
  bob = await member('bob.media');
  const anon = new Client(srv.url);
  assertProblem(await upload(anon, lesionPng(), { type: 'image/png' }), 401, 'unauthenticated');
  assertProblem(await upload(alice, lesionPng(), { type: 'image/png', csrf: false }), 403, 'csrf');
  assertProblem(await upload(alice, lesionPng(), { type: 'text/plain' }), 415, 'unsupported-media-type');
  assertProblem(await upload(alice, lesionPng(), { type: 'application/json' }), 415, 'unsupported-media-type');
  assert.deepEqual(mediaFiles(), []);
  assertProblem(await anon.req('GET', '/api/v1/media/1'), 401, 'unauthenticated');
});

test('a JPEG with EXIF and GPS: stored without them, upright, content-addressed', { skip: !has('convert') || !has('exiftool') }, async () => {
  const jpg = exifJpeg();
  assert.ok(jpg.includes(Buffer.from(CANARY)), 'the fixture carries its canary');
  const r = await upload(alice, jpg);
  assert.equal(r.status, 201, r.text);
  const m = r.data;
  assert.equal(typeof m.id, 'number');
  assert.equal(m.url, `/api/v1/media/${m.id}`);
  assert.equal(m.format, 'jpeg');
  // orientation 6 applied: 96x64 becomes 64x96
  assert.deepEqual([m.width, m.height], [64, 96]);
  for (const k of ['exif', 'gps', 'comment', 'orientation']) assert.ok(m.removed.includes(k), `${k} in ${m.removed}`);
  assert.ok(Array.isArray(m.covered));
  const files = mediaFiles();
  assert.equal(files.length, 1);
  const stored = readFileSync(join(srv.data, 'media', files[0]));
  assert.equal(stored.length, m.bytes);
  // the name is the BLAKE2b-256 of the stored bytes
  const b2 = execFileSync('b2sum', ['-l', '256', join(srv.data, 'media', files[0])]).toString().split(' ')[0];
  assert.equal(files[0], `${b2.slice(0, 2)}/${b2.slice(2)}`);
  for (const s of [CANARY, 'CanaryCam', 'Exif\0\0', 'GPS']) assert.ok(!stored.includes(Buffer.from(s)), `${JSON.stringify(s)} left in the file`);
  const tags = execFileSync('exiftool', ['-j', '-G', join(srv.data, 'media', files[0])]).toString();
  assert.doesNotMatch(tags, /GPS|Artist|Canary|EXIF:/);

  // the owner gets it back, byte for byte, with the right headers
  let g = await alice.req('GET', m.url);
  assert.equal(g.status, 200);
  assert.equal(g.headers.get('content-type'), 'image/jpeg');
  assert.equal(g.headers.get('cache-control'), 'private, no-store');
  assert.equal(g.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(g.headers.get('content-disposition'), 'inline');
  const got = Buffer.from(await (await fetch(srv.url + m.url, { headers: { cookie: alice.cookie } })).arrayBuffer());
  assert.ok(got.equals(stored));
  // anyone else: 404, like an id that does not exist
  assertProblem(await bob.req('GET', m.url), 404, 'not-found');
  assertProblem(await alice.req('GET', '/api/v1/media/99999'), 404, 'not-found');
  assertProblem(await alice.req('GET', '/api/v1/media/abc'), 404, 'not-found');

  // the same picture again: a new row, the same file
  g = await upload(alice, jpg);
  assert.equal(g.status, 201, g.text);
  assert.notEqual(g.data.id, m.id);
  assert.deepEqual(mediaFiles(), files);
});

test('masks by header or query are covered; malformed masks are 422', async () => {
  const png = lesionPng(80, 60);
  let r = await upload(alice, png, { type: 'image/png', headers: { 'x-entraide-masks': '0,0,10,10;20,20,5,5' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.format, 'png');
  assert.ok(r.data.removed.includes('text'));
  assert.deepEqual(r.data.covered.filter((c) => c.source === 'mask').map((c) => [c.x, c.y, c.w, c.h]),
    [[0, 0, 10, 10], [20, 20, 5, 5]]);
  r = await upload(alice, png, { type: 'application/octet-stream', query: '?masks=1,2,30,40' });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.data.covered.filter((c) => c.source === 'mask').map((c) => [c.x, c.y, c.w, c.h]), [[1, 2, 30, 40]]);
  const before = mediaFiles();
  r = await upload(alice, png, { type: 'image/png', headers: { 'x-entraide-masks': '1,2,3' } });
  assertProblem(r, 422, 'validation');
  assert.deepEqual(mediaFiles(), before);
});

test('hostile bytes: 422 image-rejected with a reason, 413 when too large, no file written', async () => {
  const before = mediaFiles();
  const png = lesionPng(80, 60);
  const cases = [
    [png.subarray(0, png.length - 40), 'image/png'],
    [Buffer.from('GIF89a\x01\x00\x01\x00garbage'), 'image/jpeg'],
    [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), 'image/jpeg'],
    [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png'],
    [Buffer.alloc(0), 'image/png'],
  ];
  for (const [bytes, type] of cases) {
    const r = await upload(alice, bytes, { type });
    assertProblem(r, 422, 'image-rejected');
    assert.ok(r.data.detail.length > 0 && !r.data.detail.includes('\n'));
    assert.equal(r.data.title, 'Image refusée');
  }
  // a decompression bomb: a PNG header claiming 100000 x 100000
  const bomb = Buffer.from(png);
  bomb.writeUInt32BE(100000, 16); bomb.writeUInt32BE(100000, 20);
  assertProblem(await upload(alice, bomb, { type: 'image/png' }), 422, 'image-rejected');
  // a declared length over the limit: 413 at once, without waiting for one byte of the body
  const big = await headOnly(srv.url, 'POST', '/api/v1/media', {
    'content-type': 'image/jpeg', 'content-length': String(21 * 1024 * 1024), cookie: alice.cookie,
    'x-csrf-token': alice.csrf,
  });
  assert.equal(big.status, 413, big.head);
  assert.match(big.body, /body-too-large/);
  assert.deepEqual(mediaFiles(), before);
  // no temporary file left behind either
  for (const d of readdirSync(join(srv.data, 'media'))) {
    for (const f of readdirSync(join(srv.data, 'media', d))) assert.ok(!f.startsWith('.tmp'), f);
  }
});

test('the astronaut: one face covered', { skip: !existsSync(FACE) }, async () => {
  const r = await upload(bob, readFileSync(FACE), { type: 'image/png' });
  assert.equal(r.status, 201, r.text);
  const faces = r.data.covered.filter((c) => c.source !== 'mask');
  assert.equal(faces.length, 1, JSON.stringify(r.data.covered));
});

test('deleting an account removes its pictures and the files nobody else uploaded', async () => {
  const carol = await member('carol.media');
  const png = lesionPng(40, 30);
  let r = await upload(carol, png, { type: 'image/png', headers: { 'x-entraide-masks': '3,3,7,7' } });
  assert.equal(r.status, 201, r.text);
  const mine = r.data;
  const withMine = mediaFiles();
  r = await carol.req('DELETE', '/api/v1/me', { json: { password: PW, posts: 'delete' } });
  assert.equal(r.status, 204, r.text);
  // the file leaves the disk with the account, before any other request (R6)
  const after = mediaFiles();
  assert.equal(after.length, withMine.length - 1);
  assertProblem(await alice.req('GET', mine.url), 404, 'not-found');
});
