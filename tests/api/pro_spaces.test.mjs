// tests/api/pro_spaces.test.mjs - issue 7: professional spaces (visibility professionals, from
// the communities of issue 5) are readable and writable by verified professionals only. Every
// route that touches a space, a thread or a post is walked with every role: the professional
// space is absent from GET /api/v1/spaces and search, and each of its objects answers 404 (401
// without a session on routes that need one) to anyone else: default deny.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client } from './helpers.mjs';

const DEMO_PW = 'demo-entraide-2026';
const SPACE = 'pro-dermatologie';
let srv;
before(async () => { srv = await startServer({ demo: true }); });
after(async () => { await srv.stop(); });

async function as(handle) {
  const c = new Client(srv.url);
  if (handle) assert.equal((await c.login(handle, DEMO_PW)).status, 200, handle);
  return c;
}

test('professional spaces: default deny for every role but verified professionals', async () => {
  const pro = await as('dr.martin');
  let r = await pro.req('GET', '/api/v1/spaces');
  assert.equal(r.status, 200);
  assert.ok(JSON.stringify(r.data).includes(SPACE), 'a professional sees the professional space');
  r = await pro.req('GET', `/api/v1/spaces/${SPACE}`);
  assert.equal(r.status, 200, r.text);
  const thread = (r.data.threads || [])[0];
  assert.ok(thread, r.text);
  r = await pro.req('GET', `/api/v1/threads/${thread.id}`);
  assert.equal(r.status, 200);
  const post = r.data.posts[0];
  assert.ok(post, r.text);
  const tid = thread.id;
  const pid = post.id;

  const routes = [
    ['GET', `/api/v1/spaces/${SPACE}`],
    ['POST', `/api/v1/spaces/${SPACE}/threads`, { title: 'Une question', body: 'Un avis sur ce cas ?' }],
    ['GET', `/api/v1/threads/${tid}`],
    ['POST', `/api/v1/threads/${tid}/posts`, { body: 'Un avis.' }],
    ['PUT', `/api/v1/threads/${tid}/follow`],
    ['DELETE', `/api/v1/threads/${tid}/follow`],
    ['PATCH', `/api/v1/posts/${pid}`, { body: 'Modifié.' }],
    ['DELETE', `/api/v1/posts/${pid}`],
    ['GET', `/api/v1/posts/${pid}/history`],
    ['PUT', `/api/v1/posts/${pid}/reactions/soutien`],
    ['DELETE', `/api/v1/posts/${pid}/reactions/soutien`],
    ['POST', `/api/v1/posts/${pid}/reports`, { reason: 'other' }],
  ];
  const others = [null, 'alice', 'redaction.chu', 'accueil.chu', 'modo', 'admin'];
  const leaks = [];
  for (const who of others) {
    const c = await as(who);
    r = await c.req('GET', '/api/v1/spaces');
    assert.equal(r.status, 200);
    assert.ok(!JSON.stringify(r.data).includes(SPACE), `${who}: the professional space is listed`);
    r = await c.req('GET', `/api/v1/search?q=${encodeURIComponent('lésion pigmentée')}`);
    assert.ok(!JSON.stringify(r.data || '').includes(`"thread":${tid}`) && !(r.text || '').includes('Lésion pigmentée atypique'), `${who}: search shows the professional thread`);
    for (const [m, p, json] of routes) {
      r = await c.req(m, p, { json });
      const ok = r.status === 404 || (who === null && r.status === 401);
      if (!ok) leaks.push(`${who || 'anonymous'} ${m} ${p} -> ${r.status}`);
    }
  }
  assert.deepEqual(leaks, []);

  // and the professionals may read and write
  const colleague = await as('dr.leroy');
  r = await colleague.req('GET', `/api/v1/threads/${tid}`);
  assert.equal(r.status, 200);
  r = await colleague.req('POST', `/api/v1/threads/${tid}/posts`, { json: { body: 'Critères ABCDE : exérèse conseillée.' } });
  assert.equal(r.status, 201, r.text);
});
