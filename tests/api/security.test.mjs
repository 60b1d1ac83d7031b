// tests/api/security.test.mjs - bad input changes nothing and gets the right problem; roles,
// CSRF and rate limits; headers on every kind of response; logs free of personal data;
// graceful shutdown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BIN, startServer } from '../lib/server.mjs';
import { Client, assertProblem, assertSecurityHeaders } from './helpers.mjs';

const DEMO_PW = 'demo-entraide-2026';
let srv;
before(async () => { srv = await startServer({ demo: true, captureLog: true }); });
after(async () => {
  const r = await srv.stop();
  assert.equal(r.code, 0, 'SIGTERM: clean exit with status 0');
});

async function members() {
  return (await new Client(srv.url).req('GET', '/api/v1/instance')).data.counts.members;
}

test('bad input: 400, 413, 422, 404, 405 with problem+json, and nothing changes', async () => {
  const c = new Client(srv.url);
  const before = await members();
  const post = (body, headers = { 'content-type': 'application/json' }) => c.req('POST', '/api/v1/accounts', { body, headers });
  assertProblem(await post('{"handle":'), 400, 'malformed-json');
  assertProblem(await post('not json at all'), 400, 'malformed-json');
  assertProblem(await post(''), 400, 'malformed-json');
  assertProblem(await post('{"handle":"a","handle":"b"}'), 400, 'malformed-json');
  assertProblem(await post('[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]'), 400, 'malformed-json');
  assertProblem(await post(Buffer.from('{"handle":"\xff\xfe"}', 'latin1')), 400, 'malformed-json');
  const big = JSON.stringify({ handle: 'big', email: 'big@example.org', password: 'x'.repeat(100 * 1024) });
  assertProblem(await post(big), 413, 'body-too-large');
  let r = await post(JSON.stringify({ handle: 42, email: ['x'], password: null }));
  assertProblem(r, 422, 'validation');
  assert.deepEqual(r.data.errors.map((e) => e.reason), ['wrong-type', 'wrong-type', 'wrong-type']);
  r = await post(JSON.stringify({ handle: 'newone', email: 'n@example.org', password: 'long enough pw', admin: true }));
  assertProblem(r, 422, 'validation');
  assert.deepEqual(r.data.errors, [{ field: 'admin', reason: 'unknown-field' }]);
  assertProblem(await post('"just a string"'), 422, 'validation');
  const ok = JSON.stringify({ handle: 'typed', email: 'typed@example.org', password: 'long enough pw' });
  assertProblem(await post(ok, { 'content-type': 'text/plain' }), 415, 'unsupported-media-type');
  assertProblem(await post(ok, {}), 415, 'unsupported-media-type');
  assertProblem(await post(ok, { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type');
  assertProblem(await c.req('POST', '/api/v1/session', { body: '{"login":"alice","password":"demo-entraide-2026"}', headers: { 'content-type': 'text/plain' } }), 415, 'unsupported-media-type');
  assertProblem(await c.req('GET', '/api/v1/nothing-here'), 404, 'not-found');
  assertProblem(await c.req('GET', '/api/v2/me'), 404, 'not-found');
  assertProblem(await c.req('PUT', '/api/v1/me', { json: {} }), 405, 'method-not-allowed');
  assertProblem(await c.req('POST', '/healthz', { json: {} }), 405, 'method-not-allowed');
  assertProblem(await c.req('GET', '/api/v1/session'), 405, 'method-not-allowed');
  assertProblem(await c.req('POST', '/static/app.js'), 404, 'not-found');
  assertProblem(await c.req('GET', '/static/does-not-exist.js'), 404, 'not-found');
  assertProblem(await c.req('GET', '/static/a%2f..%2f..%2fetc%2fpasswd'), 404, 'not-found');
  assertProblem(await c.req('GET', '/static/.hidden'), 404, 'not-found');
  assert.equal(await members(), before, 'no account was created');
});

test('denials: 401 without a session, 403 for a wrong role, 403 without CSRF', async () => {
  const anon = new Client(srv.url);
  assertProblem(await anon.req('GET', '/api/v1/admin/accounts'), 401, 'unauthenticated');
  assertProblem(await anon.req('DELETE', '/api/v1/session'), 401, 'unauthenticated');
  assertProblem(await anon.req('PATCH', '/api/v1/me', { json: { locale: 'en' } }), 401, 'unauthenticated');
  const alice = new Client(srv.url);
  assert.equal((await alice.login('alice', DEMO_PW)).status, 200);
  assertProblem(await alice.req('GET', '/api/v1/admin/accounts'), 403, 'forbidden');
  assertProblem(await alice.req('PATCH', '/api/v1/me', { json: { locale: 'en' }, csrf: false }), 403, 'csrf');
  const admin = new Client(srv.url);
  assert.equal((await admin.login('admin', DEMO_PW)).status, 200);
  const r = await admin.req('GET', '/api/v1/admin/accounts');
  assert.equal(r.status, 200);
  const handles = r.data.accounts.map((a) => a.handle);
  for (const h of ['alice', 'dr.martin', 'redaction.chu', 'accueil.chu', 'modo', 'admin']) assert.ok(handles.includes(h), h);
  assert.ok(!r.text.includes('@'), 'no e-mail address in the list');
});

test('demo accounts hold their roles and institutions', async () => {
  const c = new Client(srv.url);
  let r = await c.login('accueil.chu', DEMO_PW);
  assert.deepEqual(r.data.roles, ['member', 'community_manager']);
  r = await c.req('GET', '/api/v1/me');
  assert.deepEqual(r.data.institutions, [{ slug: 'chu-exemple', name: 'CHU Exemple', role: 'community_manager' }]);
  r = await new Client(srv.url).login('dr.martin', DEMO_PW);
  assert.deepEqual(r.data.roles, ['member', 'professional']);
  r = await new Client(srv.url).login('sam', DEMO_PW);
  assert.equal(r.data.locale, 'en');
});

test('twenty wrong passwords in a row: 429 with Retry-After, and the right one waits too', async () => {
  const c = new Client(srv.url);
  const statuses = [];
  let last;
  for (let i = 0; i < 20; i++) {
    last = await c.login('modo', `wrong password ${i}`);
    statuses.push(last.status);
  }
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
  assert.deepEqual(statuses.slice(10), Array(10).fill(429));
  assertProblem(last, 429, 'rate-limited');
  const wait = Number(last.headers.get('retry-after'));
  assert.ok(wait > 0 && wait <= 900, `Retry-After ${wait}`);
  assertProblem(await c.login('modo', DEMO_PW), 429, 'rate-limited');
  assertProblem(await c.login('MODO@demo.entraide.invalid', DEMO_PW), 429, 'rate-limited');
  // another account is not locked out by it
  assert.equal((await new Client(srv.url).login('redaction.chu', DEMO_PW)).status, 200);
});

test('suspension from the CLI ends sessions and blocks log-in', async () => {
  const c = new Client(srv.url);
  assert.equal((await c.login('alice', DEMO_PW)).status, 200);
  execFileSync(BIN, ['admin', '--data', srv.data, 'suspend', 'alice'], { stdio: 'ignore' });
  assertProblem(await c.req('GET', '/api/v1/me'), 401, 'unauthenticated');
  assertProblem(await new Client(srv.url).login('alice', DEMO_PW), 403, 'forbidden');
  execFileSync(BIN, ['admin', '--data', srv.data, 'unsuspend', 'alice'], { stdio: 'ignore' });
  assert.equal((await new Client(srv.url).login('alice', DEMO_PW)).status, 200);
});

test('backup while serving', async () => {
  const out = `${srv.data}/backup-test.db`;
  execFileSync(BIN, ['backup', '--data', srv.data, out], { stdio: 'ignore' });
  // an SQLite file on both engines (PostgreSQL: one snapshot copied), holding the accounts
  assert.match(execFileSync('/usr/bin/sqlite3', [out, 'SELECT handle FROM accounts']).toString(), /alice/);
  const list = execFileSync(BIN, ['admin', '--data', srv.data, 'list']).toString();
  assert.match(list, /alice/);
});

test('security headers on every kind of response', async () => {
  const c = new Client(srv.url);
  const kinds = [
    ['GET', '/healthz'], ['GET', '/metrics'], ['GET', '/api/v1/instance'], ['GET', '/api/v1/me'],
    ['GET', '/api/v1/nope'], ['PUT', '/api/v1/me'], ['GET', '/'], ['GET', '/settings'],
    ['GET', '/static/nope.css'], ['POST', '/api/v1/session'],
  ];
  for (const [m, p] of kinds) {
    const r = await c.req(m, p, m === 'POST' ? { body: '{' } : {});
    assertSecurityHeaders(r.res);
    if (p.startsWith('/api/')) assert.equal(r.headers.get('cache-control'), 'no-store', p);
  }
});

test('the web shell: SPA paths get index.html (when built in), API paths never do', async () => {
  const c = new Client(srv.url);
  const home = await c.req('GET', '/');
  if (home.status === 200) {
    assert.match(home.headers.get('content-type'), /^text\/html/);
    // the same shell, but for the preloads of each path's page the server adds before </head>
    const shell = (text) => text.replace(/(<\/script>\n)(<link [^\n]*\n)*<\/head>/, '$1</head>');
    for (const p of ['/signup', '/login', '/settings', '/some/deep/link']) {
      const r = await c.req('GET', p);
      assert.equal(r.status, 200, p);
      assert.equal(shell(r.text), shell(home.text), p);
    }
  } else {
    assertProblem(home, 404, 'not-found'); // no web/index.html in this build
  }
  for (const p of ['/api/v1/unknown', '/healthz/x', '/.well-known/nothing', '/problems/csrf']) {
    const r = await c.req('GET', p);
    assert.equal(r.status, 404, p);
    assert.match(r.headers.get('content-type'), /problem\+json/, p);
  }
});

test('logs: one JSON line per request with the route pattern, no personal data', async () => {
  const c = new Client(srv.url);
  await c.req('POST', '/api/v1/accounts', { json: { handle: 'logcheck', email: 'secret.person@example.org', password: 'a long password' } });
  await c.login('logcheck', 'a long password');
  await c.req('GET', '/api/v1/me');
  // the request's line follows its answer: wait for it (a loaded machine may take more than
  // the 100 ms that used to be waited)
  const meLogged = () => srv.log().split('\n').some((l) => {
    try { const j = JSON.parse(l); return j.msg === 'request' && j.route === '/api/v1/me' && j.status === 200; } catch { return false; }
  });
  for (let i = 0; i < 100 && !meLogged(); i++) await new Promise((r) => setTimeout(r, 50));
  const lines = srv.log().trim().split('\n');
  const parsed = lines.map((l) => JSON.parse(l));
  const reqs = parsed.filter((l) => l.msg === 'request');
  assert.ok(reqs.length > 20);
  for (const l of reqs) {
    for (const k of ['ts', 'lvl', 'route', 'method', 'status', 'ms']) assert.ok(k in l, k);
  }
  assert.ok(reqs.some((l) => l.route === '/api/v1/me' && l.status === 200));
  const all = srv.log();
  for (const bad of ['secret.person', 'example.org', 'logcheck', 'alice', 'dr.martin', '127.0.0.1', 'a long password', 'nothing-here', 'etc/passwd', DEMO_PW]) {
    assert.ok(!all.includes(bad), `log contains ${bad}`);
  }
});
