// tests/migrate/migrate_db.test.mjs - `entraide admin migrate-db` (issue 16): the demo instance
// moved from SQLite into an empty PostgreSQL database serves the same pages. Run by
// `make pg-migrate-test` inside scripts/pg-test-cluster.sh (ENTRAIDE_PG_URL: an empty database);
// skipped, saying so, outside it.
// Two servers, one on the SQLite original, one on the PostgreSQL copy (the same keys and media:
// a copy of the data directory without entraide.db), answer the same requests: the JSON of the
// spaces, every space, every thread, the articles, a search, a member's own profile and
// notifications, and the desk queue of a community manager must be the same, ids and times
// included. Then the copy takes a new reply (its id follows the copied ones).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../lib/server.mjs';
import { Client } from '../api/helpers.mjs';

const BIN = resolve(process.env.ENTRAIDE_BIN || 'build/entraide');
const URL_PG = process.env.ENTRAIDE_PG_URL;
const DEMO_PW = 'demo-entraide-2026';
const skip = URL_PG ? false : 'needs ENTRAIDE_PG_URL (make pg-migrate-test)';
let dir, sqlite, pg;

function run(...args) {
  return spawnSync(BIN, args, { encoding: 'utf8', env: { ...process.env, ENTRAIDE_LOG_LEVEL: 'warn' } });
}

async function serve(data, extra = []) {
  const port = await freePort();
  const child = spawn(BIN, ['serve', '--data', data, '--listen', `127.0.0.1:${port}`, ...extra], {
    stdio: ['ignore', 'ignore', process.env.ENTRAIDE_TEST_LOG ? 'inherit' : 'ignore'],
  });
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.on('exit', () => { exited = true; });
  for (const end = Date.now() + 15000; ;) {
    assert.ok(!exited, 'entraide serve exited early');
    try { if ((await fetch(url + '/healthz')).ok) break; } catch { /* not yet */ }
    assert.ok(Date.now() < end, 'entraide serve did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, child };
}

async function stop(s) {
  if (!s) return;
  const gone = new Promise((ok) => s.child.on('exit', ok));
  s.child.kill('SIGTERM');
  await gone;
}

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'entraide-migrate-'));
  const src = join(dir, 'sqlite');
  const r = run('demo', '--data', src);
  assert.equal(r.status, 0, r.stderr);
});

after(async () => {
  await stop(sqlite);
  await stop(pg);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('migrate-db refuses bad input with a clear error', { skip }, () => {
  let r = run('admin', 'migrate-db', '--from', join(dir, 'sqlite'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /usage: entraide admin migrate-db/);
  r = run('admin', 'migrate-db', '--from', join(dir, 'sqlite'), '--to', join(dir, 'x.db'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /postgresql:\/\//);
  r = run('admin', 'migrate-db', '--from', join(dir, 'nothing'), '--to', URL_PG);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /no SQLite database at .*nothing\/entraide\.db/);
});

test('migrate-db copies the demo instance, counts checked, and refuses to copy twice', { skip }, () => {
  let r = run('admin', 'migrate-db', '--from', join(dir, 'sqlite'), '--to', URL_PG);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^ {2}posts +\d+ rows$/m);
  assert.match(r.stdout, /^ {2}posts_fts +\d+ rows$/m);
  assert.match(r.stdout, /^ {2}posts_fts_data +\d+ rows: FTS5/m);
  assert.match(r.stdout, /each count checked/);
  const posts = Number(r.stdout.match(/^ {2}posts +(\d+) rows$/m)[1]);
  assert.ok(posts > 10, r.stdout);
  r = run('admin', 'migrate-db', '--from', join(dir, 'sqlite'), '--to', URL_PG);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /not empty \(table \w+ has rows\)/);
});

// The same GET on both servers: the same status and the same JSON (but the session's own CSRF
// token, made at each log-in).
const own = (k, v) => (k === 'csrf_token' ? undefined : v);
async function same(a, b, path) {
  const [x, y] = [await a.req('GET', path), await b.req('GET', path)];
  assert.equal(y.status, x.status, `${path}: status`);
  assert.equal(x.status, 200, `${path}: ${x.text.slice(0, 200)}`);
  assert.deepEqual(JSON.parse(y.text, own), JSON.parse(x.text, own),
    `${path} differs between SQLite and PostgreSQL`);
  return x.data;
}

test('the moved instance serves the same pages', { skip }, async () => {
  const data = join(dir, 'pg');
  cpSync(join(dir, 'sqlite'), data, { recursive: true, filter: (p) => !/entraide\.db(-wal|-shm)?$/.test(p) });
  [sqlite, pg] = await Promise.all([serve(join(dir, 'sqlite')), serve(data, ['--database', URL_PG])]);
  const anon = [new Client(sqlite.url), new Client(pg.url)];
  const spaces = await same(...anon, '/api/v1/spaces');
  const list = spaces.spaces || spaces.items || spaces;
  assert.ok(Array.isArray(list) && list.length > 2, JSON.stringify(spaces).slice(0, 200));
  let threads = 0;
  for (const s of list) {
    const page = await same(...anon, `/api/v1/spaces/${s.slug}`);
    for (const t of page.threads || []) {
      await same(...anon, `/api/v1/threads/${t.id}`);
      threads++;
    }
  }
  assert.ok(threads > 2, 'threads read');
  const articles = await same(...anon, '/api/v1/articles');
  const arts = articles.articles || articles.items || [];
  assert.ok(arts.length > 0, 'articles');
  for (const a of arts) await same(...anon, `/api/v1/articles/${a.id}`);
  const found = await same(...anon, '/api/v1/search?q=pompe+insuline');
  assert.ok(JSON.stringify(found).length > 50);
  await same(...anon, '/api/v1/courses');
  // A member's own pages, and a community manager's desk queue.
  const alice = [new Client(sqlite.url), new Client(pg.url)];
  for (const c of alice) assert.equal((await c.login('alice', DEMO_PW)).status, 200);
  const me = await same(...alice, '/api/v1/me');
  assert.equal(me.handle || me.account?.handle, 'alice');
  await same(...alice, '/api/v1/notifications');
  await same(...alice, '/api/v1/desk/requests');
  const cm = [new Client(sqlite.url), new Client(pg.url)];
  for (const c of cm) assert.equal((await c.login('accueil.chu', DEMO_PW)).status, 200);
  const queue = await same(...cm, '/api/v1/institutions/chu-exemple/desk/queue');
  assert.ok(JSON.stringify(queue).length > 50);
  // The copy takes new rows: a reply gets the id after the copied ones on both.
  const tid = list.length && (await alice[0].req('GET', `/api/v1/spaces/${list[0].slug}`)).data.threads?.[0]?.id;
  if (tid) {
    const body = { body: 'Merci pour ces conseils, cela aide beaucoup.' };
    const [x, y] = [await alice[0].req('POST', `/api/v1/threads/${tid}/posts`, { json: body }),
      await alice[1].req('POST', `/api/v1/threads/${tid}/posts`, { json: body })];
    assert.equal(y.status, x.status, y.text);
    assert.equal(x.status, 201, x.text);
    assert.equal(y.data.id, x.data.id);
  }
});
