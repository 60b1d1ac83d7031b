// tests/api/probe.test.mjs - issue 17, "found when the instance was probed as an attacker
// would": staff act only on ranks below theirs; a moderator acts only where they can read;
// log-in failures lock an address out of an account, not the account; per-account budgets on
// writes and one report per member per post; requests the client abandoned are counted apart
// from 500. Each test failed before its fix.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { BIN, startServer } from '../lib/server.mjs';
import { randomHex } from '../lib/pg_sql.mjs';
import { Client, assertProblem, newMember } from './helpers.mjs';

const DEMO_PW = 'demo-entraide-2026';
let srv;
before(async () => { srv = await startServer({ demo: true, captureLog: true }); });
after(async () => { await srv.stop(); });

async function login(handle, url = srv.url) {
  const c = new Client(url);
  const r = await c.login(handle, DEMO_PW);
  assert.equal(r.status, 200, r.text);
  return c;
}

async function metrics(url = srv.url) {
  return (await fetch(url + '/metrics')).text();
}

function count(text, route, method, status) {
  const m = text.match(new RegExp(`^entraide_http_requests_total\\{route="${route.replace(/[{}]/g, '\\$&')}",method="${method}",status="${status}"\\} (\\d+)$`, 'm'));
  return m ? Number(m[1]) : 0;
}

test('staff act only on ranks below theirs; lifting works from a rank above', async () => {
  const modo = await login('modo');
  const admin = await login('admin');
  const reason = { reason: 'essai' };
  // a moderator cannot suspend the administrator (it answered 200) ...
  assertProblem(await modo.req('POST', '/api/v1/moderation/accounts/admin/suspend', { json: reason }), 403, 'forbidden');
  assert.equal((await new Client(srv.url).login('admin', DEMO_PW)).status, 200, 'the administrator still logs in');
  // ... nor another moderator
  await newMember(srv.url, 'modo.deux');
  execFileSync(BIN, ['admin', '--data', srv.data, 'grant', 'modo.deux', 'moderator'], { stdio: 'ignore' });
  assertProblem(await modo.req('POST', '/api/v1/moderation/accounts/modo.deux/suspend', { json: reason }), 403, 'forbidden');
  // the administrator can suspend a moderator, and only a rank above lifts it
  let r = await admin.req('POST', '/api/v1/moderation/accounts/modo.deux/suspend', { json: reason });
  assert.equal(r.status, 200, r.text);
  assertProblem(await modo.req('POST', '/api/v1/moderation/accounts/modo.deux/lift', { json: reason }), 403, 'forbidden');
  r = await admin.req('POST', '/api/v1/moderation/accounts/modo.deux/lift', { json: { reason: 'erreur' } });
  assert.deepEqual(r.data, { handle: 'modo.deux', suspended: false });
  // a moderator suspends a member and lifts it
  const m = await newMember(srv.url, 'probe.membre');
  r = await modo.req('POST', '/api/v1/moderation/accounts/probe.membre/suspend', { json: reason });
  assert.equal(r.status, 200, r.text);
  assertProblem(await m.req('GET', '/api/v1/me'), 401, 'unauthenticated');
  r = await modo.req('POST', '/api/v1/moderation/accounts/probe.membre/lift', { json: { reason: 'levée' } });
  assert.equal(r.status, 200, r.text);
  const back = new Client(srv.url);
  assert.equal((await back.login('probe.membre', 'correct horse battery')).status, 200);
  // nobody suspends themselves, an administrator not another administrator, members nobody
  assertProblem(await modo.req('POST', '/api/v1/moderation/accounts/modo/suspend', { json: reason }), 409, 'conflict');
  await newMember(srv.url, 'admin.deux');
  execFileSync(BIN, ['admin', '--data', srv.data, 'grant', 'admin.deux', 'administrator'], { stdio: 'ignore' });
  assertProblem(await admin.req('POST', '/api/v1/moderation/accounts/admin.deux/suspend', { json: reason }), 403, 'forbidden');
  assertProblem(await back.req('POST', '/api/v1/moderation/accounts/sam/lift', { json: reason }), 403, 'forbidden');
  // the log keeps both actions
  r = await modo.req('GET', '/api/v1/moderation/log');
  assert.ok(r.data.actions.some((e) => e.action === 'lift' && e.target.kind === 'account'), r.text.slice(0, 400));
});

test('a moderator cannot see nor hide a post of a professionals-only space', async () => {
  const pro = await login('dr.martin');
  const space = await pro.req('GET', '/api/v1/spaces/pro-dermatologie');
  const tid = space.data.threads[0].id;
  const pid = (await pro.req('GET', `/api/v1/threads/${tid}`)).data.posts[0].id;
  let r = await pro.req('POST', `/api/v1/posts/${pid}/reports`, { json: { reason: 'other', note: 'zzqproreport' } });
  assert.equal(r.status, 201, r.text);
  const modo = await login('modo');
  assertProblem(await modo.req('POST', `/api/v1/moderation/posts/${pid}/hide`, { json: {} }), 404, 'not-found');
  assertProblem(await modo.req('POST', `/api/v1/moderation/posts/${pid}/dismiss`, { json: {} }), 404, 'not-found');
  r = await modo.req('GET', '/api/v1/moderation/reports');
  assert.ok(!r.text.includes('zzqproreport') && !r.data.reports.some((x) => x.post === pid), 'not in the queue either');
  assert.equal((await pro.req('GET', `/api/v1/threads/${tid}`)).data.posts[0].id, pid, 'still visible');
  // a moderator who is a verified professional can
  execFileSync(BIN, ['admin', '--data', srv.data, 'grant', 'modo', 'professional'], { stdio: 'ignore' });
  const modoPro = await login('modo');
  r = await modoPro.req('GET', '/api/v1/moderation/reports');
  assert.ok(r.data.reports.some((x) => x.post === pid));
  r = await modoPro.req('POST', `/api/v1/moderation/posts/${pid}/dismiss`, { json: {} });
  assert.equal(r.status, 200, r.text);
  execFileSync(BIN, ['admin', '--data', srv.data, 'revoke', 'modo', 'professional'], { stdio: 'ignore' });
});

test('log-in failures lock that address out of that account; the owner logs in from elsewhere', async () => {
  // the server trusts X-Forwarded-For only behind its TLS proxy (--trust-proxy-tls)
  const s = await startServer({ demo: true, args: ['--trust-proxy-tls'] });
  try {
    const from = (ip) => ({ 'x-forwarded-for': ip });
    const attempt = (ip, pw) => new Client(s.url).req('POST', '/api/v1/session', { json: { login: 'alice', password: pw }, headers: from(ip) });
    for (let i = 0; i < 10; i++) assert.equal((await attempt('198.51.100.7', `wrong password ${i}`)).status, 401);
    const r = await attempt('198.51.100.7', DEMO_PW);
    assertProblem(r, 429, 'rate-limited');
    assert.ok(Number(r.headers.get('retry-after')) > 0);
    // the owner, from another address, is not locked out (it was: 429 for everyone)
    assert.equal((await attempt('203.0.113.20', DEMO_PW)).status, 200);
    // and the address that failed is still refused, for that account
    assertProblem(await attempt('198.51.100.7', DEMO_PW), 429, 'rate-limited');
  } finally {
    await s.stop();
  }
});

test('per-account budgets: 429 with Retry-After on posts, desk requests, reports and draft checks', async () => {
  const m = await newMember(srv.url, 'probe.bavard');
  let r = await m.req('POST', '/api/v1/spaces/diabete-type-1/threads', { json: { title: 'Beaucoup de messages', body: 'Le premier.' } });
  assert.equal(r.status, 201, r.text);
  const tid = r.data.thread;
  // 30 posts in 10 minutes (the thread was one), then 429
  const codes = [];
  for (let i = 0; i < 31; i++) codes.push((await m.req('POST', `/api/v1/threads/${tid}/posts`, { json: { body: `Réponse ${i}.` } })).status);
  assert.deepEqual(codes, [...Array(29).fill(201), 429, 429]);
  r = await m.req('POST', `/api/v1/threads/${tid}/posts`, { json: { body: 'Encore.' } });
  assertProblem(r, 429, 'rate-limited');
  assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
  const wait = Number(r.headers.get('retry-after'));
  assert.ok(wait > 0 && wait <= 600, String(wait));
  // another member is not affected
  const other = await newMember(srv.url, 'probe.calme');
  assert.equal((await other.req('POST', `/api/v1/threads/${tid}/posts`, { json: { body: 'Bonjour.' } })).status, 201);
  // desk requests: 10 an hour
  const desk = [];
  for (let i = 0; i < 11; i++) desk.push((await other.req('POST', '/api/v1/institutions/chu-exemple/desk/requests', { json: { form: 'free', text: `Question numéro ${i} sur un rendez-vous.` } })).status);
  assert.deepEqual(desk, [...Array(10).fill(201), 429]);
  // draft checks: 60 a minute
  const checks = [];
  for (let i = 0; i < 61; i++) checks.push((await other.req('POST', '/api/v1/spaces/diabete-type-1/check', { json: { text: `brouillon ${i}` } })).status);
  assert.deepEqual(checks, [...Array(60).fill(200), 429]);
});

test('one report per member per post: reporting again is idempotent; 20 reports an hour', async () => {
  const author = await newMember(srv.url, 'probe.auteur');
  let r = await author.req('POST', '/api/v1/spaces/diabete-type-1/threads', { json: { title: 'Signalements', body: 'Message zéro.' } });
  const tid = r.data.thread;
  const posts = [r.data.id];
  for (let i = 1; i < 22; i++) posts.push((await author.req('POST', `/api/v1/threads/${tid}/posts`, { json: { body: `Message ${i}.` } })).data.id);
  const m = await newMember(srv.url, 'probe.signale');
  r = await m.req('POST', `/api/v1/posts/${posts[0]}/reports`, { json: { reason: 'spam' } });
  assert.equal(r.status, 201, r.text);
  const first = r.data.id;
  for (let i = 0; i < 11; i++) {
    r = await m.req('POST', `/api/v1/posts/${posts[0]}/reports`, { json: { reason: 'spam' } });
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.data, { id: first, post: posts[0], status: 'open', already_reported: true });
  }
  const modo = await login('modo');
  const queue = (await modo.req('GET', '/api/v1/moderation/reports?limit=100')).data.reports;
  assert.equal(queue.filter((x) => x.post === posts[0]).length, 1, 'one report in the queue, not twelve');
  // the idempotent answers took from the budget too: 12 so far, 8 more, then 429
  const codes = [];
  for (let i = 1; i <= 9; i++) codes.push((await m.req('POST', `/api/v1/posts/${posts[i]}/reports`, { json: { reason: 'spam' } })).status);
  assert.deepEqual(codes, [...Array(8).fill(201), 429]);
});

test('a request the client abandoned is logged and counted apart from 500', async () => {
  const before = await metrics();
  const m = await newMember(srv.url, 'probe.abandon');
  // a picture upload that stops halfway: the client closes the connection
  await new Promise((ok, ko) => {
    const sock = connect(srv.port, '127.0.0.1', () => {
      sock.write(`POST /api/v1/media HTTP/1.1\r\nHost: x\r\nCookie: ${m.cookie}\r\nX-CSRF-Token: ${m.csrf}\r\n` +
        'Content-Type: image/png\r\nContent-Length: 100000\r\n\r\n' + 'x'.repeat(1000));
      setTimeout(() => { sock.destroy(); ok(); }, 200);
    });
    sock.on('error', ko);
  });
  // an export that the client stops reading after its first bytes
  const r = await m.req('POST', '/api/v1/spaces/diabete-type-1/threads', { json: { title: 'Long', body: 'Début.' } });
  execFileSync('sqlite3', [join(srv.data, 'entraide.db'), `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
    INSERT INTO posts (thread_id, author_id, body, html, created_at)
    SELECT ${r.data.thread}, (SELECT id FROM accounts WHERE handle = 'probe.abandon'), ${randomHex(12000, 'i')}, '', 1764806400 + i FROM n`]);
  const ac = new AbortController();
  const res = await fetch(srv.url + '/api/v1/me/export', { headers: { cookie: m.cookie }, signal: ac.signal });
  const reader = res.body.getReader();
  await reader.read();
  ac.abort();
  await reader.cancel().catch(() => {});
  let after;
  for (let i = 0; i < 100; i++) {
    after = await metrics();
    if (count(after, '/api/v1/me/export', 'GET', '499') > count(before, '/api/v1/me/export', 'GET', '499')) break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  for (const [route, method] of [['/api/v1/media', 'POST'], ['/api/v1/me/export', 'GET']]) {
    assert.equal(count(after, route, method, '499') - count(before, route, method, '499'), 1, `${method} ${route} abandoned once:\n${after}`);
    assert.equal(count(after, route, method, '500'), count(before, route, method, '500'), `${method} ${route}: no 500`);
  }
  const lines = srv.log().split('\n').filter((l) => l.includes('"aborted":"client"'));
  assert.ok(lines.some((l) => l.includes('"route":"/api/v1/media"') && l.includes('"status":499')), srv.log().slice(-2000));
  assert.ok(lines.some((l) => l.includes('"route":"/api/v1/me/export"')));
});
