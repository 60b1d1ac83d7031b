// tests/api/pg_nodes.test.mjs - two nodes on one PostgreSQL database behind nginx (issue 16;
// make pg-api-test, in make check). Two `serve` processes share the database, keys/master.key
// and the media directory (tests/lib/server.mjs, startServer({ nodeOf })); Debian's nginx
// sends requests to both in turn (tests/lib/nginx.mjs). Parts that need a given node ask it
// directly. A thread written through one node is read and answered through the other; a
// session made on one works on the other and a log-out ends it on both; a page cached by one
// node is fresh after a reply through the other (LISTEN/NOTIFY, store_watch); the log-in limit
// counts the tries made on both (rate_limits, store_limit.c); a desk event raised on one
// reaches a manager streaming from the other. Skipped on SQLite, where a data directory has
// one node, and without nginx.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { nginxAvailable, startNginx } from '../lib/nginx.mjs';
import { Client, assertProblem } from './helpers.mjs';

const DEMO_PW = 'demo-entraide-2026';
const skip = (!process.env.ENTRAIDE_PG_HOST && 'two nodes need PostgreSQL (make pg-api-test)') ||
  (!nginxAvailable() && 'nginx is not installed (scripts/install-deps.sh --check)');
let one, two, lb;

before(async () => {
  if (skip) return;
  one = await startServer({ demo: true });
  two = await startServer({ nodeOf: one });
  lb = await startNginx([one, two]);
});
after(async () => {
  await lb?.stop();
  await two?.stop();
  await one?.stop();
});

// The same browser on another node (or the balancer): its cookie and CSRF token.
function onNode(c, srv) {
  const d = new Client(srv.url);
  d.cookie = c.cookie;
  d.csrf = c.csrf;
  return d;
}

const wait = (ms) => new Promise((ok) => setTimeout(ok, ms));

test('a session made on one node works on the other and behind the balancer', { skip }, async () => {
  const a = new Client(one.url);
  assert.equal((await a.login('alice', DEMO_PW)).status, 200);
  const r = await onNode(a, two).req('GET', '/api/v1/me');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.handle, 'alice');
  const viaLb = onNode(a, lb);
  for (let i = 0; i < 4; i++) { // both nodes, in turn
    const m = await viaLb.req('GET', '/api/v1/me');
    assert.equal(m.status, 200, m.text);
    assert.equal(m.data.handle, 'alice');
  }
});

test('a thread written through one node is read and answered through the other', { skip }, async () => {
  const a = new Client(one.url);
  assert.equal((await a.login('alice', DEMO_PW)).status, 200);
  let r = await a.req('POST', '/api/v1/spaces/diabete-type-1/threads',
    { json: { title: 'Deux noeuds, une base', body: 'Écrit par le premier noeud.' } });
  assert.equal(r.status, 201, r.text);
  const tid = r.data.thread;
  r = await new Client(two.url).req('GET', `/api/v1/threads/${tid}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.title, 'Deux noeuds, une base');
  r = await onNode(a, two).req('POST', `/api/v1/threads/${tid}/posts`, { json: { body: 'Réponse par le second noeud.' } });
  assert.equal(r.status, 201, r.text);
  for (let i = 0; i < 2; i++) { // each node, through the balancer
    r = await new Client(lb.url).req('GET', `/api/v1/threads/${tid}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.data.posts.length, 2);
  }
});

test('a page cached by one node is fresh after a reply through the other (LISTEN/NOTIFY)', { skip }, async () => {
  const a = new Client(one.url);
  assert.equal((await a.login('alice', DEMO_PW)).status, 200);
  let r = await a.req('POST', '/api/v1/spaces/diabete-type-1/threads',
    { json: { title: 'Une page en cache', body: 'Premier message.' } });
  assert.equal(r.status, 201, r.text);
  const tid = r.data.thread;
  const anon = new Client(one.url);
  for (let i = 0; i < 2; i++) assert.equal((await anon.req('GET', `/api/v1/threads/${tid}`)).data.posts.length, 1);
  r = await onNode(a, two).req('POST', `/api/v1/threads/${tid}/posts`, { json: { body: 'Une réponse ailleurs.' } });
  assert.equal(r.status, 201, r.text);
  // The page lives 10 s in the cache (API_THREAD_PAGE_TTL): 2 s is the notification, not it.
  let n = 0;
  for (let i = 0; i < 40 && n !== 2; i++) {
    if (i) await wait(50);
    n = (await anon.req('GET', `/api/v1/threads/${tid}`)).data.posts.length;
  }
  assert.equal(n, 2, 'the first node still serves its cached page');
});

test('the log-in limit counts the tries made on both nodes', { skip }, async () => {
  // 10 failures per account and address in 15 minutes: 5 on each node, in turn.
  const c = new Client(lb.url);
  for (let i = 0; i < 10; i++) assertProblem(await c.login('modo', 'not the password'), 401, 'unauthenticated');
  for (const srv of [one, two]) {
    const r = await new Client(srv.url).login('modo', DEMO_PW);
    assertProblem(r, 429, 'rate-limited');
    assert.ok(Number(r.headers.get('retry-after')) > 0);
  }
});

test('a desk event raised on one node reaches a manager streaming from the other', { skip }, async () => {
  const DESK = '/api/v1/institutions/chu-exemple/desk';
  const cm = new Client(two.url);
  assert.equal((await cm.login('accueil.chu', DEMO_PW)).status, 200);
  let r = await cm.req('GET', `${DESK}/events`);
  assert.equal(r.status, 200, r.text);
  const last = /id: (\d+)/.exec(r.text)[1];
  const alice = new Client(one.url);
  assert.equal((await alice.login('alice', DEMO_PW)).status, 200);
  const n = await alice.req('POST', `${DESK}/requests`, { json: { form: 'question', text: 'Où se trouve le parking ?' } });
  assert.equal(n.status, 201, n.text);
  r = await cm.req('GET', `${DESK}/events`, { headers: { 'last-event-id': last } });
  assert.equal(r.status, 200, r.text);
  assert.match(r.text, /event: desk/);
  assert.ok(r.text.includes(`"request":${n.data.id}`), r.text);
});

test('a log-out on one node ends the session on the other', { skip }, async () => {
  const a = new Client(one.url);
  assert.equal((await a.login('sam', DEMO_PW)).status, 200);
  const b = onNode(a, two);
  assert.equal((await b.req('GET', '/api/v1/me')).status, 200);
  assert.equal((await a.req('DELETE', '/api/v1/session')).status, 204);
  await wait(1100); // the other node's session cache: 1 s
  assertProblem(await b.req('GET', '/api/v1/me'), 401, 'unauthenticated');
});
