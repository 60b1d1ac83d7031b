// tests/api/totp.test.mjs - two-factor authentication (TOTP): offered to every member, required
// of staff on a new instance (their staff rights wait until it is on), codes and recovery
// codes at log-in (each once), off on the demo instance (`entraide demo` says so).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, BIN } from '../lib/server.mjs';
import { totpCode, enrolTotp } from '../lib/totp.mjs';
import { Client, assertProblem } from './helpers.mjs';

const PW = 'une phrase de passe solide';
let srv;
before(async () => {
  srv = await startServer();
  const admin = (...a) => execFileSync(BIN, ['admin', '--data', srv.data, ...a], { input: PW + '\n' });
  admin('create-account', 'veilleur', 'veilleur@example.org');
  admin('grant', 'veilleur', 'administrator');
  admin('create-account', 'lanterne', 'lanterne@example.org');
});
after(async () => { await srv.stop(); });

test('an administrator acts as one only once two-factor authentication is on', async () => {
  const c = new Client(srv.url);
  let r = await c.login('veilleur', PW);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.totp_missing, true);
  assert.deepEqual(r.data.roles, ['member']);
  assertProblem(await c.req('GET', '/api/v1/admin/accounts'), 403, 'forbidden');
  r = await c.req('GET', '/api/v1/me/totp');
  assert.deepEqual(r.data, { enabled: false, required: true });
  assertProblem(await c.req('DELETE', '/api/v1/me/totp', { json: { code: '123456' } }), 403, 'forbidden');

  const other = new Client(srv.url);
  assert.equal((await other.login('veilleur', PW)).status, 200);
  const e = await c.req('POST', '/api/v1/me/totp/enrolment');
  assert.equal(e.status, 200);
  assert.match(e.data.secret, /^[A-Z2-7]{32}$/);
  assert.equal(e.data.uri, `otpauth://totp/entraide:veilleur?secret=${e.data.secret}&issuer=entraide&algorithm=SHA1&digits=6&period=30`);
  assertProblem(await c.req('POST', '/api/v1/me/totp', { json: { code: '000000' === totpCode(e.data.secret) ? '111111' : '000000' } }), 422, 'validation');
  const enrolledAt = Date.now() / 1000;
  r = await c.req('POST', '/api/v1/me/totp', { json: { code: totpCode(e.data.secret, enrolledAt) } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.recovery_codes.length, 10);
  assert.equal(new Set(r.data.recovery_codes).size, 10);
  const recovery = r.data.recovery_codes;
  assert.equal((await c.req('GET', '/api/v1/admin/accounts')).status, 200, 'staff rights now');
  assert.equal((await c.req('GET', '/api/v1/me')).data.totp_missing, false);
  assertProblem(await other.req('GET', '/api/v1/me'), 401, 'unauthenticated'); // a session without the second factor ends
  assertProblem(await c.req('POST', '/api/v1/me/totp/enrolment'), 409, 'conflict');

  // log-in: the password alone is not enough; a code, once; a recovery code, once
  const d = new Client(srv.url);
  assertProblem(await d.login('veilleur', PW), 401, 'otp-required');
  assertProblem(await d.login('veilleur', 'pas le bon mot de passe'), 401, 'unauthenticated');
  assertProblem(await d.req('POST', '/api/v1/session', { json: { login: 'veilleur', password: PW, otp: '12345' } }), 401, 'otp-invalid');
  // the code that enrolled is spent (its step is used, or past the window by now)
  const used = totpCode(e.data.secret, enrolledAt);
  r = await d.req('POST', '/api/v1/session', { json: { login: 'veilleur', password: PW, otp: used } });
  assertProblem(r, 401, 'otp-invalid');
  r = await d.req('POST', '/api/v1/session', { json: { login: 'veilleur', password: PW, otp: recovery[0] } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.data.roles, ['member', 'administrator']);
  assert.equal(r.data.totp_missing, false);
  assertProblem(await new Client(srv.url).req('POST', '/api/v1/session', { json: { login: 'veilleur', password: PW, otp: recovery[0] } }), 401, 'otp-invalid');
  r = await new Client(srv.url).req('POST', '/api/v1/session', { json: { login: 'veilleur', password: PW, otp: recovery[1].toUpperCase().replace('-', ' ') } });
  assert.equal(r.status, 200, 'case, spaces and dashes do not matter');
});

test('a member may turn it on and off; the code is checked', async () => {
  const c = new Client(srv.url);
  assert.equal((await c.login('lanterne', PW)).status, 200);
  assert.deepEqual((await c.req('GET', '/api/v1/me/totp')).data, { enabled: false, required: false });
  assertProblem(await c.req('POST', '/api/v1/me/totp', { json: { code: '123456' } }), 409, 'conflict');
  const { secret, recovery } = await enrolTotp(c);
  assert.equal((await c.req('GET', '/api/v1/me/totp')).data.enabled, true);
  assertProblem(await c.req('DELETE', '/api/v1/me/totp', { json: { code: 'zzzzz-zzzzz' } }), 422, 'validation');
  assert.equal((await c.req('DELETE', '/api/v1/me/totp', { json: { code: recovery[3] } })).status, 204);
  assert.equal((await new Client(srv.url).login('lanterne', PW)).status, 200, 'the password alone again');
  assert.ok(secret);
});

test('entraide admin totp-required off|on changes the instance setting', async () => {
  const s = await startServer();
  try {
    const admin = (...a) => execFileSync(BIN, ['admin', '--data', s.data, ...a], { input: PW + '\n' });
    admin('create-account', 'balise', 'balise@example.org');
    admin('grant', 'balise', 'moderator');
    admin('totp-required', 'off');
    let r = await new Client(s.url).login('balise', PW);
    assert.deepEqual(r.data.roles, ['member', 'moderator']);
    admin('totp-required', 'on');
    r = await new Client(s.url).login('balise', PW);
    assert.deepEqual(r.data.roles, ['member']);
    assert.equal(r.data.totp_missing, true);
  } finally { await s.stop(); }
});

test('the demo instance does not require it, and says so', async () => {
  const data = mkdtempSync(join(tmpdir(), 'entraide-totp-'));
  try {
    const out = execFileSync(BIN, ['demo', '--data', data]).toString();
    assert.match(out, /Two-factor authentication is not required on this demo instance/);
  } finally { rmSync(data, { recursive: true, force: true }); }
  const demo = await startServer({ demo: true });
  try {
    const c = new Client(demo.url);
    const r = await c.login('admin', 'demo-entraide-2026');
    assert.equal(r.status, 200);
    assert.equal(r.data.totp_missing, false);
    assert.equal((await c.req('GET', '/api/v1/admin/accounts')).status, 200);
    assert.deepEqual((await c.req('GET', '/api/v1/me/totp')).data, { enabled: false, required: false });
  } finally { await demo.stop(); }
});
