// tests/api/privacy.test.mjs - issue 18: the register of processing as the instance runs it
// (administrators), and consents on the member's privacy page, each withdrawable (a member's
// own; a patient's consent recorded by a professional, whose withdrawal deletes the case).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client, assertProblem, newMember } from './helpers.mjs';

const DEMO_PW = 'demo-entraide-2026';
let srv;
before(async () => { srv = await startServer({ demo: true, args: ['--notification-days', '45'] }); });
after(async () => { await srv.stop(); });

async function login(handle) {
  const c = new Client(srv.url);
  assert.equal((await c.login(handle, DEMO_PW)).status, 200);
  return c;
}

test('the register is generated from the running settings, for administrators only', async () => {
  assertProblem(await (await login('alice')).req('GET', '/api/v1/admin/register'), 403, 'forbidden');
  assertProblem(await new Client(srv.url).req('GET', '/api/v1/admin/register'), 401, 'unauthenticated');
  const r = await (await login('admin')).req('GET', '/api/v1/admin/register');
  assert.equal(r.status, 200, r.text);
  const e = Object.fromEntries(r.data.entries.map((x) => [x.id, x]));
  assert.equal(e.email.form, 'sealed');
  assert.equal(e.password.form, 'hashed');
  assert.equal(e.desk.form, 'sealed');
  assert.equal(e.posts.form, 'plain');
  assert.equal(e.notifications.retention_days, 45, 'the configured period, not the default');
  assert.equal(r.data.settings.notification_days, 45);
  assert.equal(r.data.settings.moderation_log_days, 365);
  assert.ok(r.data.spaces.some((s) => s.slug === 'diabete-type-1' && s.retention_days === 0));
  assert.ok(r.data.desks.some((d) => d.slug === 'chu-exemple' && d.retention_days === 365));
  for (const x of r.data.entries) for (const k of ['what', 'where', 'form', 'retention', 'readers']) assert.ok(x[k], `${x.id}.${k}`);
});

test('a member gives and withdraws a consent; the history stays', async () => {
  const m = await newMember(srv.url, 'consent.moi');
  let r = await m.req('GET', '/api/v1/me/consents');
  assert.deepEqual(r.data, { purposes: ['email_digest'], consents: [], case_consents: [] });
  assertProblem(await m.req('PUT', '/api/v1/me/consents/research'), 404, 'not-found');
  assertProblem(await m.req('PUT', '/api/v1/me/consents/email_digest', { csrf: false }), 403, 'csrf');
  r = await m.req('PUT', '/api/v1/me/consents/email_digest');
  assert.equal(r.status, 200, r.text);
  r = await m.req('PUT', '/api/v1/me/consents/email_digest');
  assert.equal(r.data.consents.length, 1, 'giving twice keeps one open consent');
  assert.equal(r.data.consents[0].withdrawn_at, null);
  r = await m.req('DELETE', '/api/v1/me/consents/email_digest');
  assert.equal(r.status, 200, r.text);
  assert.match(r.data.consents[0].withdrawn_at, /^\d{4}-/);
  r = await m.req('PUT', '/api/v1/me/consents/email_digest');
  assert.equal(r.data.consents.length, 2);
  assert.equal(r.data.consents.filter((c) => !c.withdrawn_at).length, 1);
  const res = await fetch(srv.url + '/api/v1/me/export', { headers: { cookie: m.cookie } });
  const zip = Buffer.from(await res.arrayBuffer()).toString('utf8');
  assert.match(zip, /"consents":\[\{"purpose":"email_digest"/);
  const other = await newMember(srv.url, 'consent.autre');
  assert.deepEqual((await other.req('GET', '/api/v1/me/consents')).data.consents, []);
});

test('a patient\'s withdrawn consent deletes the case; only its recorder can withdraw it', async () => {
  const martin = await login('dr.martin');
  let r = await martin.req('GET', '/api/v1/me/consents');
  assert.ok(r.data.case_consents.length >= 1, r.text);
  const id = r.data.case_consents[0].case;
  const leroy = await login('dr.leroy');
  assertProblem(await leroy.req('DELETE', `/api/v1/me/case-consents/${id}`), 404, 'not-found');
  assert.equal((await leroy.req('GET', `/api/v1/cases/${id}`)).status, 200);
  r = await martin.req('DELETE', `/api/v1/me/case-consents/${id}`);
  assert.equal(r.status, 204, r.text);
  assertProblem(await leroy.req('GET', `/api/v1/cases/${id}`), 404, 'not-found');
  r = await martin.req('GET', '/api/v1/me/consents');
  assert.ok(!r.data.case_consents.some((c) => c.case === id));
});
