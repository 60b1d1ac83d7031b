// tests/api/pro_verification.test.mjs - issue 7: verification of professionals (RPPS check,
// approval, refusal, badge, revocation) and rule R2 (no private line from members to
// professionals).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client, assertProblem } from './helpers.mjs';

const PW = 'correct horse battery';
const DEMO_PW = 'demo-entraide-2026';
let srv;
before(async () => { srv = await startServer({ demo: true }); });
after(async () => { await srv.stop(); });

async function member(handle) {
  const c = new Client(srv.url);
  let r = await c.req('POST', '/api/v1/accounts', { json: { handle, email: `${handle}@example.org`, password: PW, handle_confirmed: true } });
  assert.equal(r.status, 201, r.text);
  r = await c.login(handle, PW);
  assert.equal(r.status, 200, r.text);
  return c;
}

async function as(handle) {
  const c = new Client(srv.url);
  const r = await c.login(handle, DEMO_PW);
  assert.equal(r.status, 200, r.text);
  return c;
}

test('a malformed RPPS number or a wrong check digit is refused at once (422)', async () => {
  const c = await member('nurse.one');
  const cases = [
    ['1000312345', 'not-11-digits'],
    ['100031234512', 'not-11-digits'],
    ['1000312345a', 'not-11-digits'],
    ['10003 23451', 'not-11-digits'],
    ['10003123452', 'bad-check-digit'],
    ['12345678901', 'bad-check-digit'],
  ];
  for (const [rpps, reason] of cases) {
    const r = await c.req('POST', '/api/v1/verifications', { json: { profession: 'infirmière', specialty: 'plaies', rpps } });
    assertProblem(r, 422, 'validation');
    assert.deepEqual(r.data.errors, [{ field: 'rpps', reason }], rpps);
  }
  let r = await c.req('POST', '/api/v1/verifications', { json: { profession: 'infirmière', rpps: 10003123451 } });
  assertProblem(r, 422, 'validation');
  r = await c.req('GET', '/api/v1/me/verification');
  assertProblem(r, 404, 'not-found');
});

test('request, approval by an administrator, badge, then revocation', async () => {
  const c = await member('nurse.two');
  let r = await c.req('POST', '/api/v1/verifications', { json: { profession: 'infirmière', specialty: 'plaies et cicatrisation', rpps: '10101010105', institution: 'chu-exemple' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.status, 'pending');
  assert.equal(r.data.institution.name, 'CHU Exemple');
  assert.equal(r.data.badge, null);
  const id = r.data.id;
  r = await c.req('POST', '/api/v1/verifications', { json: { profession: 'infirmière', rpps: '10101010105' } });
  assertProblem(r, 409, 'conflict');
  // not an administrator: denied
  r = await c.req('POST', `/api/v1/verifications/${id}/approve`);
  assertProblem(r, 403, 'forbidden');
  r = await c.req('GET', '/api/v1/verifications');
  assertProblem(r, 403, 'forbidden');

  const admin = await as('admin');
  r = await admin.req('GET', '/api/v1/verifications');
  assert.equal(r.status, 200);
  const mine = r.data.verifications.find((v) => v.id === id);
  assert.equal(mine.status, 'pending');
  assert.equal(mine.rpps, '10101010105');
  r = await admin.req('POST', `/api/v1/verifications/${id}/approve`, { csrf: false });
  assertProblem(r, 403, 'csrf');
  r = await admin.req('POST', '/api/v1/verifications/99999/approve');
  assertProblem(r, 404, 'not-found');
  r = await admin.req('POST', '/api/v1/verifications/abc/approve');
  assertProblem(r, 404, 'not-found');
  r = await admin.req('POST', `/api/v1/verifications/${id}/approve`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.status, 'approved');
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(r.data.badge.label.fr, `infirmière — RPPS vérifié par CHU Exemple, ${today}`);
  assert.equal(r.data.badge.label.en, `infirmière — RPPS verified by CHU Exemple, ${today}`);
  r = await admin.req('POST', `/api/v1/verifications/${id}/approve`);
  assertProblem(r, 409, 'conflict');

  // the role is granted; the badge is visible to accounts, never the RPPS number
  r = await c.req('GET', '/api/v1/me');
  assert.ok(r.data.roles.includes('professional'));
  const other = await member('reader.one');
  r = await other.req('GET', '/api/v1/accounts/nurse.two/badge');
  assert.equal(r.status, 200);
  assert.equal(r.data.verified_by, 'CHU Exemple');
  assert.equal(r.data.verified_on, today);
  assert.ok(!r.text.includes('10101010105'));
  r = await other.req('GET', '/api/v1/accounts/reader.one/badge');
  assertProblem(r, 404, 'not-found');
  r = await new Client(srv.url).req('GET', '/api/v1/accounts/nurse.two/badge');
  assertProblem(r, 401, 'unauthenticated');

  // revocation needs a reason, is logged, withdraws the role
  r = await admin.req('POST', `/api/v1/verifications/${id}/revoke`, { json: {} });
  assertProblem(r, 422, 'validation');
  r = await admin.req('POST', `/api/v1/verifications/${id}/revoke`, { json: { reason: 'RPPS radié' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.status, 'revoked');
  assert.equal(r.data.reason, 'RPPS radié');
  r = await c.req('GET', '/api/v1/me');
  assert.ok(!r.data.roles.includes('professional'));
  r = await other.req('GET', '/api/v1/accounts/nurse.two/badge');
  assertProblem(r, 404, 'not-found');
  // a new request is possible after a revocation
  r = await c.req('POST', '/api/v1/verifications', { json: { profession: 'infirmière', rpps: '10101010105' } });
  assert.equal(r.status, 201);
});

test('refusal with a reason, seen by the person', async () => {
  const c = await member('doc.three');
  let r = await c.req('POST', '/api/v1/verifications', { json: { profession: 'médecin', specialty: 'dermatologie', rpps: '10000000009' } });
  assert.equal(r.status, 201);
  const admin = await as('admin');
  r = await admin.req('POST', `/api/v1/verifications/${r.data.id}/refuse`, { json: { reason: 'Numéro RPPS introuvable dans l\'annuaire' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.status, 'refused');
  r = await c.req('GET', '/api/v1/me/verification');
  assert.equal(r.status, 200);
  assert.equal(r.data.status, 'refused');
  assert.equal(r.data.reason, 'Numéro RPPS introuvable dans l\'annuaire');
  r = await c.req('GET', '/api/v1/me');
  assert.ok(!r.data.roles.includes('professional'));
  r = await c.req('POST', '/api/v1/verifications', { json: { profession: 'médecin', rpps: '10000000009', institution: 'nowhere' } });
  assertProblem(r, 422, 'validation');
  assert.deepEqual(r.data.errors, [{ field: 'institution', reason: 'unknown-institution' }]);
});

test('R2: a member cannot open a private conversation with a professional', async () => {
  const m = await member('member.r2');
  let r = await m.req('POST', '/api/v1/conversations', { json: { with: ['dr.martin'] } });
  assertProblem(r, 403, 'forbidden');
  assert.equal(r.data.rule, 'R2');
  assert.equal(r.data.reason, 'member-to-professional');
  assert.match(r.data.explanation, /guichet/);
  assert.match(r.data.desk.href, /^\/desk/);
  r = await m.req('POST', '/api/v1/conversations', { json: { with: ['alice'] } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.allowed, true);
  r = await m.req('POST', '/api/v1/conversations', { json: { with: ['nobody.here'] } });
  assertProblem(r, 404, 'not-found');
  r = await m.req('POST', '/api/v1/conversations', { json: { with: ['member.r2'] } });
  assertProblem(r, 422, 'validation');
  r = await new Client(srv.url).req('POST', '/api/v1/conversations', { json: { with: ['dr.martin'] } });
  assertProblem(r, 401, 'unauthenticated');
  // professionals may talk to each other
  const pro = await as('dr.martin');
  r = await pro.req('POST', '/api/v1/conversations', { json: { with: ['dr.martin'] } });
  assertProblem(r, 422, 'validation');
});
