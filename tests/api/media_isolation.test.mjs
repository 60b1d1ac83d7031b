// tests/api/media_isolation.test.mjs - issue 11: no upload can stop the server.
// Every hostile picture we have (tests/image/hostile/, the fuzz corpora, ../shared's fixtures
// when present) is uploaded under every accepted Content-Type; after each, /healthz answers
// and the server is the same process. A worker killed in the middle of a job is replaced and
// the upload is sent again to its replacement (a picture that kills two workers is refused:
// tests/unit/privacy/image/test_img_pool.c). Several large pictures in the pool leave /healthz and a
// thread page answering within 100 ms. Budgets: 413 from the declared length before the
// body, 429 with Retry-After past the hourly upload and byte budgets.
// test alone: a latency bound (Makefile, api-test), and its uploads keep both cores busy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { Client, assertProblem, headOnly } from './helpers.mjs';
import { lesionPng } from './pro_helpers.mjs';

const PW = 'correct horse battery';
const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif',
  'application/octet-stream'];
const DIRS = ['tests/image/hostile', 'fuzz/corpus/image_decode', 'fuzz/corpus/img_jpeg',
  'fuzz/corpus/img_png', 'fuzz/corpus/img_webp', '../shared/data/image-fixtures'];

let srv;
before(async () => {
  srv = await startServer({
    demo: true,
    env: { ENTRAIDE_UPLOAD_LIMIT: '100000', ENTRAIDE_UPLOAD_MB: '100000' },
  });
});
after(async () => { await srv.stop(); });

async function member(base, handle) {
  const c = new Client(base);
  const json = { handle, email: `${handle}@example.org`, password: PW, handle_confirmed: true };
  assert.equal((await c.req('POST', '/api/v1/accounts', { json })).status, 201);
  assert.equal((await c.login(handle, PW)).status, 200);
  return c;
}

const upload = (c, bytes, type) =>
  c.req('POST', '/api/v1/media', { body: bytes, headers: { 'content-type': type } });

// The same process, still answering.
async function assertAlive(s, what) {
  assert.equal(s.child.exitCode, null, `server exited after ${what}`);
  assert.equal(s.child.signalCode, null, `server killed after ${what}`);
  const r = await fetch(s.url + '/healthz');
  assert.equal(r.status, 200, `healthz after ${what}`);
}

// Picture workers of the server: its children running `image-worker`.
function workers(pid) {
  const out = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== pid) continue;
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('image-worker')) out.push(Number(d));
    } catch { /* gone meanwhile */ }
  }
  return out;
}

async function metric(s, name) {
  const text = await (await fetch(s.url + '/metrics')).text();
  const m = text.match(new RegExp(`^${name.replace(/[{}"]/g, '\\$&')} (\\d+)`, 'm'));
  return m ? Number(m[1]) : NaN;
}

function hostileFiles() {
  const seen = new Set();
  const files = [];
  for (const dir of DIRS) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (!statSync(p).isFile() || /\.(md|jsonl|txt)$/.test(f)) continue;
      const bytes = readFileSync(p);
      const h = createHash('sha256').update(bytes).digest('hex');
      if (seen.has(h)) continue;
      seen.add(h);
      files.push({ name: p, bytes });
    }
  }
  return files;
}

test('every hostile picture, under every image type: 201 or 422, and the server lives on', async () => {
  const alice = await member(srv.url, 'hostile_uploader');
  const files = hostileFiles();
  assert.ok(files.length >= 60, `only ${files.length} files`);
  assert.ok(files.some((f) => f.name.endsWith('webp_odd_chunk_pad_past_riff.webp')));
  const pid = srv.child.pid;
  const counts = { 201: 0, 422: 0 };
  // two at a time, as many as there are workers
  const jobs = files.flatMap((f) => TYPES.map((type) => ({ ...f, type })));
  let next = 0;
  async function lane() {
    while (next < jobs.length) {
      const j = jobs[next++];
      const what = `${j.name} as ${j.type}`;
      const r = await upload(alice, j.bytes, j.type);
      assert.ok(r.status === 201 || r.status === 422, `${what}: ${r.status} ${r.text}`);
      if (r.status === 422) assert.equal(r.data.type, '/problems/image-rejected', what);
      counts[r.status]++;
      await assertAlive(srv, what);
      assert.equal(srv.child.pid, pid);
    }
  }
  await Promise.all([lane(), lane()]);
  assert.ok(counts[201] > 0 && counts[422] > 0, JSON.stringify(counts));
  assert.equal(workers(pid).length, 2, 'both workers still there');
});

test('a worker killed in the middle of a job: the upload is sent again to its replacement', async () => {
  const bob = await member(srv.url, 'killed_worker');
  const pid = srv.child.pid;
  const crashes = await metric(srv, 'entraide_image_worker_failures_total{kind="crash"}');
  const started = await metric(srv, 'entraide_image_workers_started_total');
  const retried = await metric(srv, 'entraide_image_jobs_retried_total');
  const big = lesionPng(2400, 1800);
  const pending = upload(bob, big, 'image/png');
  // wait until a worker has the job, then kill every worker
  for (let i = 0; i < 200 && (await metric(srv, 'entraide_image_jobs_waiting')) < 1; i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
  const before = workers(pid);
  assert.equal(before.length, 2);
  for (const w of before) process.kill(w, 'SIGKILL');
  // at once, while the killed workers may not be reaped yet: this one is retried as well
  // when it is handed to a dying worker
  const next = upload(bob, lesionPng(80, 60), 'image/png');
  const r = await pending;
  assert.equal(r.status, 201, r.text);
  const ok = await next;
  assert.equal(ok.status, 201, ok.text);
  await assertAlive(srv, 'the workers were killed');
  assert.equal(srv.child.pid, pid);
  let after = [];
  for (let i = 0; i < 300; i++) {
    after = workers(pid);
    if (after.length === 2 && await metric(srv, 'entraide_image_workers_started_total') >= started + 2) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(after.length, 2, 'both replaced');
  assert.ok(after.every((w) => !before.includes(w)));
  assert.ok(await metric(srv, 'entraide_image_worker_failures_total{kind="crash"}') >= crashes + 2);
  assert.ok(await metric(srv, 'entraide_image_jobs_retried_total') >= retried + 1);
  assert.ok(await metric(srv, 'entraide_image_workers_started_total') >= started + 2);
});

// One probe of each: /healthz and the thread page, timed (ms).
async function probe(base, thread) {
  let t = performance.now();
  const h = await fetch(base + '/healthz');
  await h.text();
  const dh = performance.now() - t;
  t = performance.now();
  const th = await fetch(`${base}/api/v1/threads/${thread}`);
  await th.text();
  const dt = performance.now() - t;
  assert.equal(h.status, 200);
  assert.equal(th.status, 200);
  return [dh, dt];
}

// The bound is on isolation, not on the machine: a decode inside the server held an HTTP thread
// for seconds. On a shared 2-core machine an idle server's own slowest probes reach ~90 ms, and
// other work on the machine comes and goes: so a second server with the same data and no
// picture to decode is probed in turn with the busy one, at the same moments. 95 % of the busy
// server's probes must answer within 100 ms (or as many as the quiet server's less 5 points, when
// the machine is noisier than that) and none may take a second; the figures are printed, with
// the busy server's own idle baseline measured before.
test('large pictures in the pool: /healthz and a thread page still answer within 100 ms', async () => {
  const quiet = await startServer({ demo: true });
  try {
    const threadOf = async (base) => {
      const c = await member(base, 'big_pictures');
      const space = await c.req('GET', '/api/v1/spaces/diabete-type-1');
      assert.equal(space.status, 200, space.text);
      return [c, space.data.threads[0].id];
    };
    const [carol, thread] = await threadOf(srv.url);
    const [, quietThread] = await threadOf(quiet.url);
    const idle = [];
    for (let i = 0; i < 30; i++) {
      idle.push(...await probe(srv.url, thread));
      await new Promise((r) => setTimeout(r, 20));
    }
    const big = [lesionPng(2400, 1800), lesionPng(2300, 1700), lesionPng(2200, 1650), lesionPng(2400, 1600)];
    let inFlight = big.length;
    const uploads = big.map((b) => upload(carol, b, 'image/png').then((r) => { inFlight--; return r; }));
    const lat = { healthz: [], thread: [] };
    const calm = { healthz: [], thread: [] };
    await new Promise((r) => setTimeout(r, 100)); // the jobs reach the workers
    while (inFlight > 0) {
      const [dh, dt] = await probe(srv.url, thread);
      const [qh, qt] = await probe(quiet.url, quietThread);
      if (inFlight > 0) {
        lat.healthz.push(dh); lat.thread.push(dt);
        calm.healthz.push(qh); calm.thread.push(qt);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const results = await Promise.all(uploads);
    // on a loaded machine a picture may pass image_timeout: 422 with that reason, as designed
    for (const r of results) {
      assert.ok(r.status === 201 || r.status === 503 || (r.status === 422 && /time/.test(r.text)),
        `${r.status} ${r.text}`);
    }
    assert.ok(results.some((r) => r.status !== 503), 'the pool took the pictures');
    const top = (a) => [...a].sort((x, y) => y - x).slice(0, 4).map((x) => x.toFixed(0)).join(' ');
    const within = (a) => a.filter((x) => x < 100).length / a.length;
    const pct = (a) => `${(100 * within(a)).toFixed(1)}% (slowest ${top(a)})`;
    const report = `busy: healthz n=${lat.healthz.length} ${pct(lat.healthz)} < 100 ms, thread ` +
      `${pct(lat.thread)}; quiet server meanwhile: healthz ${pct(calm.healthz)}, thread ` +
      `${pct(calm.thread)}; idle baseline before ${pct(idle)} ms`;
    console.log(`# ${report}`);
    assert.ok(lat.healthz.length >= 5, `too few probes while busy: ${report}`);
    // 95 %, or as good as the quiet server at the same moments less 5 points on a noisier machine
    const barH = Math.min(0.95, within(calm.healthz) - 0.05);
    const barT = Math.min(0.95, within(calm.thread) - 0.05);
    assert.ok(within(lat.healthz) >= barH && within(lat.thread) >= barT, `${report}; bars ${barH} ${barT}`);
    assert.ok(Math.max(...lat.healthz, ...lat.thread) < 1000, report);
  } finally {
    await quiet.stop();
  }
});

test('budgets: 413 from the declared length, 429 with Retry-After past the hourly budgets', async () => {
  const s = await startServer({ env: { ENTRAIDE_UPLOAD_LIMIT: '3', ENTRAIDE_UPLOAD_MB: '1' } });
  try {
    const dan = await member(s.url, 'budget_dan');
    const big = await headOnly(s.url, 'POST', '/api/v1/media', {
      'content-type': 'image/png', 'content-length': String(25 * 1024 * 1024),
      cookie: dan.cookie, 'x-csrf-token': dan.csrf,
    });
    assert.equal(big.status, 413, big.head);
    assert.match(big.body, /body-too-large/);
    const png = lesionPng(80, 60);
    for (let i = 0; i < 3; i++) assert.equal((await upload(dan, png, 'image/png')).status, 201);
    const r = await upload(dan, png, 'image/png');
    assertProblem(r, 429, 'rate-limited');
    const wait = Number(r.headers.get('retry-after'));
    assert.ok(wait > 0 && wait <= 3600, String(wait));
    // bytes: 1 MB an hour, another account
    const eve = await member(s.url, 'budget_eve');
    const noisy = Buffer.alloc(700 * 1024, 7);
    assert.equal((await upload(eve, noisy, 'image/png')).status, 422); // counted all the same
    const r2 = await upload(eve, noisy, 'image/png');
    assertProblem(r2, 429, 'rate-limited');
    assert.ok(Number(r2.headers.get('retry-after')) > 0);
    await assertAlive(s, 'the budgets');
  } finally {
    await s.stop();
  }
});

test('a picture past image_timeout kills its worker (422, replaced); a full pool is 503 with Retry-After', async () => {
  const s = await startServer({
    env: { ENTRAIDE_IMAGE_WORKERS: '1', ENTRAIDE_IMAGE_TIMEOUT: '1', ENTRAIDE_UPLOAD_LIMIT: '1000' },
  });
  try {
    const fay = await member(s.url, 'timeout_fay');
    const pid = s.child.pid;
    // 49 MP, just under the pixel cap: decoding, scaling to 16 MP, detection and encoding take
    // well over the 1 s budget even on a quiet machine (12 MP no longer did once faster)
    const big = lesionPng(7000, 7000);
    const r = await upload(fay, big, 'image/png');
    assertProblem(r, 422, 'image-rejected');
    assert.match(r.data.detail, /time/);
    assert.ok(await metric(s, 'entraide_image_worker_failures_total{kind="timeout"}') >= 1);
    await assertAlive(s, 'the overrun');
    // one worker, two waiting at most: the rest is refused at once
    const all = await Promise.all(Array.from({ length: 6 }, () => upload(fay, big, 'image/png')));
    const busy = all.filter((x) => x.status === 503);
    assert.ok(busy.length >= 1, all.map((x) => x.status).join(' '));
    for (const b of busy) {
      assertProblem(b, 503, 'unavailable');
      assert.equal(b.headers.get('retry-after'), '5');
    }
    assert.ok(await metric(s, 'entraide_image_refused_busy_total') >= busy.length);
    const ok = await upload(fay, lesionPng(80, 60), 'image/png');
    assert.equal(ok.status, 201, ok.text);
    assert.equal(s.child.pid, pid);
  } finally {
    await s.stop();
  }
});
