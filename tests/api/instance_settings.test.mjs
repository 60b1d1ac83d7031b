// tests/api/instance_settings.test.mjs - issue 17: the instance's settings set by the
// administrator in the browser win over the configuration: name, languages, sign-up open,
// closed or by invitation (an invitation works once), terms and privacy pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client, assertProblem } from './helpers.mjs';

const DEMO_PW = 'demo-entraide-2026';
let srv;
let admin;
before(async () => {
  srv = await startServer({ demo: true });
  admin = new Client(srv.url);
  assert.equal((await admin.login('admin', DEMO_PW)).status, 200);
});
after(async () => { await srv.stop(); });

const signup = (handle, extra = {}) => new Client(srv.url).req('POST', '/api/v1/accounts', {
  json: { handle, email: `${handle}@example.org`, password: 'correct horse battery', handle_confirmed: true, ...extra },
});

test('settings: defaults from the configuration, then the administrator\'s values win', async () => {
  let r = await admin.req('GET', '/api/v1/admin/settings');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.registration, 'open');
  assert.equal(r.data.locales, 'fr,en');
  assert.equal(r.data.terms, null);
  r = await new Client(srv.url).req('GET', '/api/v1/instance');
  assert.deepEqual(r.data.pages, { terms: false, privacy: false });
  assert.equal(r.data.registration, 'open');

  r = await admin.req('PATCH', '/api/v1/admin/settings', { json: { registration: 'everyone' } });
  assertProblem(r, 422, 'validation');
  assert.deepEqual(r.data.errors, [{ field: 'registration', reason: 'not-allowed' }]);
  r = await admin.req('PATCH', '/api/v1/admin/settings', { json: { name: 'x' } });
  assert.deepEqual(r.data.errors, [{ field: 'name', reason: 'too-short' }]);
  const member = new Client(srv.url);
  await member.login('alice', DEMO_PW);
  assertProblem(await member.req('PATCH', '/api/v1/admin/settings', { json: { name: 'Piratée' } }), 403, 'forbidden');
  assertProblem(await member.req('GET', '/api/v1/admin/settings'), 403, 'forbidden');

  r = await admin.req('PATCH', '/api/v1/admin/settings', {
    json: { name: 'Réseau des Lilas', locales: 'fr', terms: 'Article 1.\n\nArticle 2.', privacy: 'Nous gardons peu.' },
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.name, 'Réseau des Lilas');
  assert.equal(r.data.terms, 'Article 1.\n\nArticle 2.');
  r = await new Client(srv.url).req('GET', '/api/v1/instance');
  assert.equal(r.data.name, 'Réseau des Lilas');
  assert.deepEqual(r.data.locales, ['fr']);
  assert.deepEqual(r.data.pages, { terms: true, privacy: true });
  r = await new Client(srv.url).req('GET', '/api/v1/instance/pages/terms');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.text, 'Article 1.\n\nArticle 2.');
  assertProblem(await new Client(srv.url).req('GET', '/api/v1/instance/pages/secrets'), 404, 'not-found');
  r = await admin.req('PATCH', '/api/v1/admin/settings', { json: { privacy: '' } });
  assert.equal(r.data.privacy, null);
  assertProblem(await new Client(srv.url).req('GET', '/api/v1/instance/pages/privacy'), 404, 'not-found');
});

test('sign-up closed, then by invitation: a code works once, and only a live one', async () => {
  let r = await admin.req('PATCH', '/api/v1/admin/settings', { json: { registration: 'closed' } });
  assert.equal(r.data.registration, 'closed');
  assertProblem(await signup('ferme.un'), 403, 'forbidden');
  r = await new Client(srv.url).req('GET', '/api/v1/instance');
  assert.equal(r.data.registration_open, false);

  r = await admin.req('PATCH', '/api/v1/admin/settings', { json: { registration: 'invitation' } });
  assert.equal(r.data.registration, 'invitation');
  r = await signup('invite.sans');
  assertProblem(r, 422, 'validation');
  assert.deepEqual(r.data.errors, [{ field: 'invitation', reason: 'required' }]);
  r = await signup('invite.faux', { invitation: 'pas-un-code' });
  assert.deepEqual(r.data.errors, [{ field: 'invitation', reason: 'not-valid' }]);
  r = await admin.req('POST', '/api/v1/admin/invitations');
  assert.equal(r.status, 201, r.text);
  const { code } = r.data;
  assert.match(code, /^[A-Za-z0-9_-]{43}$/);
  // a failed sign-up (e-mail taken) does not spend the invitation
  r = await signup('invite.un', { invitation: code, email: 'alice@demo.entraide.invalid' });
  assert.equal(r.status, 409, r.text);
  r = await signup('invite.un', { invitation: code });
  assert.equal(r.status, 201, r.text);
  r = await signup('invite.deux', { invitation: code });
  assert.deepEqual(r.data.errors, [{ field: 'invitation', reason: 'not-valid' }]);
  r = await new Client(srv.url).req('GET', '/api/v1/admin/invitations');
  assertProblem(r, 405, 'method-not-allowed');
  r = await admin.req('GET', '/api/v1/moderation/log');
  assert.ok(r.data.actions.some((a) => a.action === 'invitation-create'));
  assert.ok(r.data.actions.some((a) => a.action === 'settings-edit' && a.note === 'invitation'));
  await admin.req('PATCH', '/api/v1/admin/settings', { json: { registration: 'open' } });
  assert.equal((await signup('ouvert.un')).status, 201);
});
