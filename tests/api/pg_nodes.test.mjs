// tests/api/pg_nodes.test.mjs - two nodes on one PostgreSQL database (issue 16; make
// pg-api-test): two `serve` processes share the database, keys/master.key and the media
// directory (tests/lib/server.mjs, startServer({ nodeOf })). A session made on one works on
// the other, a thread written through one is read and answered through the other, and a
// log-out on one ends the session on the other within the session cache's second.
// Skipped on SQLite, where a data directory has one node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client, assertProblem } from './helpers.mjs';

const DEMO_PW = 'demo-entraide-2026';
const skip = !process.env.ENTRAIDE_PG_HOST && 'two nodes need PostgreSQL (make pg-api-test)';
let one, two;

before(async () => {
  if (skip) return;
  one = await startServer({ demo: true });
  two = await startServer({ nodeOf: one });
});
after(async () => {
  await two?.stop();
  await one?.stop();
});

// The same browser on the other node: its cookie and CSRF token.
function onNode(c, srv) {
  const d = new Client(srv.url);
  d.cookie = c.cookie;
  d.csrf = c.csrf;
  return d;
}

test('a session made on one node works on the other', { skip }, async () => {
  const a = new Client(one.url);
  assert.equal((await a.login('alice', DEMO_PW)).status, 200);
  const r = await onNode(a, two).req('GET', '/api/v1/me');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.handle, 'alice');
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
  const b = onNode(a, two);
  r = await b.req('POST', `/api/v1/threads/${tid}/posts`, { json: { body: 'Réponse par le second noeud.' } });
  assert.equal(r.status, 201, r.text);
  r = await new Client(one.url).req('GET', `/api/v1/threads/${tid}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.posts.length, 2);
});

test('a log-out on one node ends the session on the other', { skip }, async () => {
  const a = new Client(one.url);
  assert.equal((await a.login('sam', DEMO_PW)).status, 200);
  const b = onNode(a, two);
  assert.equal((await b.req('GET', '/api/v1/me')).status, 200);
  assert.equal((await a.req('DELETE', '/api/v1/session')).status, 204);
  await new Promise((ok) => setTimeout(ok, 1100)); // the other node's session cache: 1 s
  assertProblem(await b.req('GET', '/api/v1/me'), 401, 'unauthenticated');
});
