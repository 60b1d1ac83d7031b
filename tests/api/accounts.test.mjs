// tests/api/accounts.test.mjs - the account contract of the foundation: sign-up, log-in,
// /me, language, password change, log-out, account deletion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client, assertProblem, assertSecurityHeaders } from './helpers.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

const PW = 'correct horse battery';

test('health, instance and metrics', async () => {
  const c = new Client(srv.url);
  let r = await c.req('GET', '/healthz');
  assert.equal(r.status, 200);
  assert.deepEqual(r.data, { status: 'ok' });
  assert.equal(r.headers.get('cache-control'), 'no-store');
  r = await c.req('GET', '/api/v1/instance');
  assert.equal(r.status, 200);
  assert.deepEqual(r.data.locales, ['fr', 'en']);
  assert.equal(r.data.registration_open, true);
  for (const k of ['members', 'spaces', 'threads', 'articles']) assert.equal(typeof r.data.counts[k], 'number');
  r = await c.req('GET', '/metrics');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/plain/);
  assert.match(r.text, /entraide_http_requests_total\{route="\/healthz",method="GET",status="200"\} \d+/);
  assert.match(r.text, /entraide_http_request_duration_seconds_bucket\{route="\/healthz",method="GET",le="\+Inf"\} \d+/);
  assert.match(r.text, /entraide_db_seconds_total \d/);
  assert.match(r.text, /entraide_sessions_open 0/);
});

test('sign up, then the handle and e-mail are taken', async () => {
  const c = new Client(srv.url);
  let r = await c.req('POST', '/api/v1/accounts', { json: { handle: 'Lea.M', email: 'Lea@Example.org', password: PW, handle_confirmed: true } });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.data, { handle: 'Lea.M', roles: ['member'], locale: 'fr', age_band: null });
  assert.equal(r.headers.get('set-cookie'), null, 'sign-up does not log in');
  r = await c.req('POST', '/api/v1/accounts', { json: { handle: 'lea.m', email: 'other@example.org', password: PW, handle_confirmed: true } });
  assertProblem(r, 409, 'handle-taken');
  r = await c.req('POST', '/api/v1/accounts', { json: { handle: 'someone', email: 'lea@example.ORG', password: PW } });
  assertProblem(r, 409, 'conflict');
  r = await c.req('POST', '/api/v1/accounts', { json: { handle: 'tom', email: 'tom@example.org', password: PW, locale: 'en', handle_confirmed: true } });
  assert.equal(r.status, 201);
  assert.equal(r.data.locale, 'en');
});

test('R1 at sign-up: a handle that identifies is refused, a first name alone needs confirming', async () => {
  const c = new Client(srv.url);
  const signUp = (handle, extra = {}, headers = {}) => c.req('POST', '/api/v1/accounts',
    { json: { handle, email: `${handle.replace(/[^a-z0-9]/gi, '')}@example.org`, password: PW, ...extra }, headers });
  // refused whatever the member says: a first name and a surname, a contact, a number
  for (const [handle, reason, found] of [
    ['lea.martin69', 'full-name', 'lea martin'], ['leamartin', 'full-name', 'lea martin'],
    ['velo.gmail', 'email', 'gmail'], ['chat0612345678', 'phone', '0612345678'],
    ['alice1985', 'name-and-number', 'alice 1985'],
  ]) {
    let r = await signUp(handle);
    assertProblem(r, 422, 'handle-identifying');
    assert.deepEqual(r.data.errors, [{ field: 'handle', reason, found }], handle);
    assert.ok(Array.isArray(r.data.suggestions) && r.data.suggestions.length >= 2, r.text);
    for (const s of r.data.suggestions) {
      assert.match(s, /^[a-z0-9_.]{3,32}$/);
      assert.ok(!s.includes('martin') && !s.includes('lea') && !/19\d\d/.test(s), s);
    }
    r = await signUp(handle, { handle_confirmed: true });
    assertProblem(r, 422, 'handle-identifying');
  }
  // the detail is in the request's language
  let r = await signUp('lea.martin69', {}, { 'accept-language': 'en' });
  assert.match(r.data.detail, /could tell people who you are/);
  // pointed out: a first name alone, kept once confirmed; the suggestion keeps the member's word
  r = await signUp('alice.media');
  assertProblem(r, 422, 'handle-confirm');
  assert.deepEqual(r.data.errors, [{ field: 'handle', reason: 'first-name', found: 'alice' }]);
  assert.match(r.data.suggestions[0], /^media\./);
  r = await signUp('alice.media', { handle_confirmed: true });
  assert.equal(r.status, 201, r.text);
  // a suggestion is free and passes
  r = await signUp('lea.martin69');
  const s = r.data.suggestions[0];
  r = await signUp(s);
  assert.equal(r.status, 201, r.text);
  // ordinary words pass without a word
  r = await signUp('petit.ange');
  assert.equal(r.status, 201, r.text);
  r = await signUp('handle_confirmed', { handle_confirmed: 'yes' });
  assertProblem(r, 422, 'validation');
});

test('sign-up values are checked', async () => {
  const c = new Client(srv.url);
  const cases = [
    [{ handle: 'ab', email: 'a@example.org', password: PW }, 'handle', 'too-short'],
    [{ handle: 'a'.repeat(33), email: 'a@example.org', password: PW }, 'handle', 'too-long'],
    [{ handle: 'bad handle', email: 'a@example.org', password: PW }, 'handle', 'bad-characters'],
    [{ handle: 'okhandle', email: 'not-an-email', password: PW }, 'email', 'not-an-email'],
    [{ handle: 'okhandle', email: 'a@example.org', password: 'short' }, 'password', 'too-short'],
    [{ handle: 'okhandle', email: 'a@example.org', password: 'é'.repeat(9) }, 'password', 'too-short'],
    [{ handle: 'okhandle', email: 'a@example.org', password: 'x'.repeat(257) }, 'password', 'too-long'],
    [{ handle: 'okhandle', email: 'a@example.org', password: PW, locale: 'de' }, 'locale', 'not-allowed'],
  ];
  for (const [json, field, reason] of cases) {
    const r = await c.req('POST', '/api/v1/accounts', { json });
    assertProblem(r, 422, 'validation');
    assert.ok(r.data.errors.some((e) => e.field === field && e.reason === reason), `${field} ${reason}: ${r.text}`);
  }
});

test('log in by handle or e-mail; /me; wrong password is 401', async () => {
  const c = new Client(srv.url);
  let r = await c.req('GET', '/api/v1/me');
  assertProblem(r, 401, 'unauthenticated');
  r = await c.login('lea.m', 'wrong password!');
  assertProblem(r, 401, 'unauthenticated');
  r = await c.login('nobody-here', 'wrong password!');
  assertProblem(r, 401, 'unauthenticated');
  r = await c.login('LEA@example.org', PW);
  assert.equal(r.status, 200, r.text);
  const cookie = r.headers.get('set-cookie');
  assert.match(cookie, /^entraide_session=[A-Za-z0-9_-]{43}; /);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  assert.match(cookie, /Path=\//);
  assert.doesNotMatch(cookie, /Secure/);
  assert.equal(r.data.handle, 'Lea.M');
  assert.deepEqual(r.data.roles, ['member']);
  assert.equal(r.data.locale, 'fr');
  assert.equal(typeof r.data.csrf_token, 'string');
  r = await c.req('GET', '/api/v1/me');
  assert.equal(r.status, 200);
  assert.equal(r.data.handle, 'Lea.M');
  assert.deepEqual(r.data.roles, ['member']);
  assert.deepEqual(r.data.institutions, []);
  assert.equal(r.data.csrf_token, c.csrf);
  assert.match(r.data.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(r.headers.get('cache-control'), 'no-store');
  assertSecurityHeaders(r.res);
  assert.ok(!('email' in r.data));
});

test('language: PATCH /me needs CSRF, then problems come in English', async () => {
  const c = new Client(srv.url);
  await c.login('lea.m', PW);
  let r = await c.req('PATCH', '/api/v1/me', { json: { locale: 'en' }, csrf: false });
  assertProblem(r, 403, 'csrf');
  assert.equal(r.data.title, 'Jeton CSRF manquant ou invalide');
  r = await c.req('PATCH', '/api/v1/me', { json: { locale: 'en' }, headers: { 'x-csrf-token': 'A'.repeat(43) }, csrf: false });
  assertProblem(r, 403, 'csrf');
  r = await c.req('PATCH', '/api/v1/me', { json: { locale: 'en' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.locale, 'en');
  r = await c.req('PATCH', '/api/v1/me', { json: { locale: 'it' } });
  assertProblem(r, 422, 'validation');
  assert.equal(r.data.title, 'Invalid data');
  r = await c.req('PATCH', '/api/v1/me', { json: { locale: 'fr' } });
  assert.equal(r.data.locale, 'fr');
  // without a session, Accept-Language decides
  const anon = new Client(srv.url);
  r = await anon.req('GET', '/api/v1/me', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
  assert.equal(r.data.title, 'Authentication required');
});

test('password change ends the other sessions', async () => {
  const a = new Client(srv.url);
  const b = new Client(srv.url);
  await a.login('tom', PW);
  await b.login('tom', PW);
  // b's session is now in the server's short-lived cache of sessions read by GET ...
  for (let i = 0; i < 4; i++) assert.equal((await b.req('GET', '/api/v1/me')).status, 200);
  let r = await a.req('PUT', '/api/v1/me/password', { json: { current_password: 'not the one', new_password: 'new password 123' } });
  assertProblem(r, 401, 'unauthenticated');
  r = await a.req('PUT', '/api/v1/me/password', { json: { current_password: PW, new_password: 'short' } });
  assertProblem(r, 422, 'validation');
  r = await a.req('PUT', '/api/v1/me/password', { json: { current_password: PW, new_password: 'new password 123' }, csrf: false });
  assertProblem(r, 403, 'csrf');
  r = await a.req('PUT', '/api/v1/me/password', { json: { current_password: PW, new_password: 'new password 123' } });
  assert.equal(r.status, 204, r.text);
  assert.equal((await a.req('GET', '/api/v1/me')).status, 200);
  // ... and still ends at once: any state-changing request invalidates that cache
  assert.equal((await b.req('GET', '/api/v1/me')).status, 401);
  assert.equal((await new Client(srv.url).login('tom', PW)).status, 401);
  assert.equal((await new Client(srv.url).login('tom', 'new password 123')).status, 200);
});

test('logging in again replaces the previous session of the browser', async () => {
  const c = new Client(srv.url);
  await c.login('lea.m', PW);
  const first = c.cookie;
  await c.login('lea.m', PW);
  assert.notEqual(c.cookie, first);
  const old = new Client(srv.url);
  old.cookie = first;
  assert.equal((await old.req('GET', '/api/v1/me')).status, 401);
  assert.equal((await c.req('GET', '/api/v1/me')).status, 200);
});

test('log out needs CSRF and ends the session', async () => {
  const c = new Client(srv.url);
  await c.login('lea.m', PW);
  const cookie = c.cookie;
  let r = await c.req('DELETE', '/api/v1/session', { csrf: false });
  assertProblem(r, 403, 'csrf');
  r = await c.req('DELETE', '/api/v1/session');
  assert.equal(r.status, 204);
  assert.match(r.headers.get('set-cookie'), /^entraide_session=; .*Max-Age=0/);
  const old = new Client(srv.url);
  old.cookie = cookie;
  assertProblem(await old.req('GET', '/api/v1/me'), 401, 'unauthenticated');
});

test('delete one\'s account for real', async () => {
  const c = new Client(srv.url);
  let r = await c.req('POST', '/api/v1/accounts', { json: { handle: 'gone', email: 'gone@example.org', password: PW } });
  assert.equal(r.status, 201);
  await c.login('gone', PW);
  r = await c.req('DELETE', '/api/v1/me', { json: { password: 'not the one!', posts: 'delete' } });
  assertProblem(r, 401, 'unauthenticated');
  r = await c.req('DELETE', '/api/v1/me', { json: { password: PW, posts: 'keep' } });
  assertProblem(r, 422, 'validation');
  r = await c.req('DELETE', '/api/v1/me', { json: { password: PW, posts: 'anonymise' }, csrf: false });
  assertProblem(r, 403, 'csrf');
  r = await c.req('DELETE', '/api/v1/me', { json: { password: PW, posts: 'anonymise' } });
  assert.equal(r.status, 204, r.text);
  assert.match(r.headers.get('set-cookie'), /Max-Age=0/);
  assert.equal((await c.req('GET', '/api/v1/me')).status, 401);
  assert.equal((await new Client(srv.url).login('gone', PW)).status, 401);
  // handle and e-mail are free again: nothing of the account is left
  r = await c.req('POST', '/api/v1/accounts', { json: { handle: 'gone', email: 'gone@example.org', password: PW } });
  assert.equal(r.status, 201);
});
