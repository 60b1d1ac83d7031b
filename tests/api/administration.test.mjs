// tests/api/administration.test.mjs - issue 17, administration: spaces created, edited and
// archived through the API (201, 409 slug-taken, 422 with the field, 403/401/csrf); institutions
// and their staff; institution administrators who decide the verification requests naming
// their institution and nobody else's; accounts found by handle, roles, suspensions with a
// reason and their lifting, all in the audit log.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client, assertProblem, newMember } from './helpers.mjs';

const DEMO_PW = 'demo-entraide-2026';
let srv;
let admin;
before(async () => {
  srv = await startServer({ demo: true });
  admin = new Client(srv.url);
  assert.equal((await admin.login('admin', DEMO_PW)).status, 200);
});
after(async () => { await srv.stop(); });

const SPACE = { slug: 'aidants-alzheimer', name: 'Aidants Alzheimer', description: 'Entre aidants.', visibility: 'members', language: 'fr' };

test('POST /api/v1/spaces: the administrator creates a space (201); every refusal is a problem', async () => {
  let r = await new Client(srv.url).req('POST', '/api/v1/spaces', { json: SPACE });
  assertProblem(r, 401, 'unauthenticated');
  const member = await newMember(srv.url, 'membre.espace');
  r = await member.req('POST', '/api/v1/spaces', { json: SPACE });
  assertProblem(r, 403, 'forbidden');
  r = await admin.req('POST', '/api/v1/spaces', { json: SPACE, csrf: false });
  assertProblem(r, 403, 'csrf');

  r = await admin.req('POST', '/api/v1/spaces', { json: SPACE });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.slug, SPACE.slug);
  assert.equal(r.data.visibility, 'members');
  assert.equal(r.data.archived, false);
  assert.equal(r.data.retention_days, 0);
  r = await admin.req('POST', '/api/v1/spaces', { json: { ...SPACE, name: 'Autre' } });
  assertProblem(r, 409, 'slug-taken');

  // bad input: 422 naming the field
  const bad = [
    [{ ...SPACE, slug: 'Aidants Alzheimer' }, 'slug', 'bad-slug'],
    [{ ...SPACE, slug: '-x-' }, 'slug', 'bad-slug'],
    [{ ...SPACE, slug: 'ab--c' }, 'slug', 'bad-slug'],
    [{ ...SPACE, slug: 'ok-slug', visibility: 'secret' }, 'visibility', 'not-allowed'],
    [{ ...SPACE, slug: 'ok-slug', language: 'de' }, 'language', 'not-allowed'],
    [{ ...SPACE, slug: 'ok-slug', name: 'x' }, 'name', 'too-short'],
    [{ ...SPACE, slug: 'ok-slug', retention_days: -1 }, 'retention_days', 'out-of-range'],
    [{ ...SPACE, slug: 'ok-slug', indexable: true }, 'indexable', 'public-only'],
    [{ ...SPACE, slug: 'ok-slug', color: 'blue' }, 'color', 'unknown-field'],
  ];
  for (const [json, field, reason] of bad) {
    r = await admin.req('POST', '/api/v1/spaces', { json });
    assertProblem(r, 422, 'validation');
    assert.deepEqual(r.data.errors, [{ field, reason }], JSON.stringify(json));
  }
  const { name, ...noName } = SPACE;
  r = await admin.req('POST', '/api/v1/spaces', { json: { ...noName, slug: 'ok-slug' } });
  assertProblem(r, 422, 'validation');
  assert.deepEqual(r.data.errors, [{ field: 'name', reason: 'required' }], name);

  // members see it, visitors do not list it
  r = await member.req('GET', '/api/v1/spaces');
  assert.ok(r.data.spaces.some((s) => s.slug === SPACE.slug));
  r = await new Client(srv.url).req('GET', '/api/v1/spaces');
  assert.ok(!r.data.spaces.some((s) => s.slug === SPACE.slug));
});

test('a space is edited, archived (readable, no new thread, off the list) and brought back', async () => {
  const slug = 'espace-a-archiver';
  let r = await admin.req('POST', '/api/v1/spaces', { json: { slug, name: 'Espace', visibility: 'public', language: 'fr' } });
  assert.equal(r.status, 201, r.text);
  r = await admin.req('PATCH', `/api/v1/spaces/${slug}`, { json: { name: 'Espace public', retention_days: 365, indexable: true, language: 'en' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.name, 'Espace public');
  assert.equal(r.data.retention_days, 365);
  assert.equal(r.data.indexable, true);
  assert.equal(r.data.language, 'en');
  r = await admin.req('PATCH', `/api/v1/spaces/${slug}`, { json: { visibility: 'members' } });
  assert.deepEqual(r.data.errors, [{ field: 'indexable', reason: 'public-only' }]);
  r = await admin.req('PATCH', '/api/v1/spaces/nope', { json: { name: 'Rien' } });
  assertProblem(r, 404, 'not-found');

  const member = await newMember(srv.url, 'membre.archive');
  const body = { title: 'Une question', body: 'Comment faites-vous pour dormir ?' };
  r = await member.req('POST', `/api/v1/spaces/${slug}/threads`, { json: body });
  assert.equal(r.status, 201, r.text);
  const { thread } = r.data;
  r = await admin.req('POST', `/api/v1/spaces/${slug}/archive`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.archived, true);
  assertProblem(await admin.req('POST', `/api/v1/spaces/${slug}/archive`), 409, 'conflict');
  r = await member.req('POST', `/api/v1/spaces/${slug}/threads`, { json: body });
  assertProblem(r, 409, 'space-archived');
  r = await member.req('POST', `/api/v1/threads/${thread}/posts`, { json: { body: 'Moi aussi, mal.' } });
  assertProblem(r, 409, 'space-archived');
  r = await member.req('GET', `/api/v1/spaces/${slug}`);
  assert.equal(r.status, 200);
  assert.equal(r.data.archived, true);
  assert.equal(r.data.can_write, false);
  r = await member.req('GET', '/api/v1/spaces');
  assert.ok(!r.data.spaces.some((s) => s.slug === slug));
  r = await admin.req('GET', '/api/v1/admin/spaces');
  assert.equal(r.data.spaces.find((s) => s.slug === slug).archived, true);
  r = await admin.req('POST', `/api/v1/spaces/${slug}/unarchive`);
  assert.equal(r.data.archived, false);
  r = await member.req('POST', `/api/v1/spaces/${slug}/threads`, { json: body });
  assert.equal(r.status, 201, r.text);
  r = await admin.req('GET', '/api/v1/moderation/log');
  const actions = r.data.actions.map((a) => a.action);
  for (const a of ['space-create', 'space-edit', 'space-archive', 'space-unarchive']) assert.ok(actions.includes(a), a);
});

async function verificationFor(handle, institution) {
  const c = await newMember(srv.url, handle);
  const r = await c.req('POST', '/api/v1/verifications', { json: { profession: 'infirmière', rpps: '10101010105', institution } });
  assert.equal(r.status, 201, r.text);
  return { c, id: r.data.id };
}

test('an institution administrator decides the requests naming their institution, and nobody else\'s', async () => {
  for (const [slug, name] of [['clinique-a', 'Clinique A'], ['clinique-b', 'Clinique B']]) {
    const r = await admin.req('POST', '/api/v1/institutions', { json: { slug, name } });
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(r.data.members, []);
  }
  assertProblem(await admin.req('POST', '/api/v1/institutions', { json: { slug: 'clinique-a', name: 'Encore' } }), 409, 'slug-taken');
  const r0 = await admin.req('POST', '/api/v1/institutions', { json: { slug: 'Clinique C', name: 'Clinique C' } });
  assert.deepEqual(r0.data.errors, [{ field: 'slug', reason: 'bad-slug' }]);

  const ia = await newMember(srv.url, 'admin.clinique.a');
  const ib = await newMember(srv.url, 'admin.clinique.b');
  let r = await admin.req('POST', '/api/v1/institutions/clinique-a/staff', { json: { handle: 'admin.clinique.a', role: 'institution_admin' } });
  assert.equal(r.status, 201, r.text);
  assert.deepEqual(r.data.members.map((m) => [m.handle, m.role]), [['admin.clinique.a', 'institution_admin']]);
  r = await admin.req('POST', '/api/v1/institutions/clinique-b/staff', { json: { handle: 'admin.clinique.b', role: 'institution_admin' } });
  assert.equal(r.status, 201, r.text);
  r = await admin.req('POST', '/api/v1/institutions/clinique-b/staff', { json: { handle: 'personne.inconnue', role: 'editor' } });
  assert.deepEqual(r.data.errors, [{ field: 'handle', reason: 'unknown-account' }]);
  r = await ia.req('GET', '/api/v1/me');
  assert.ok(r.data.roles.includes('institution_admin'));

  const pa = await verificationFor('inf.clinique.a', 'clinique-a');
  const pb = await verificationFor('inf.clinique.b', 'clinique-b');
  // each sees only the requests naming their own institution
  r = await ia.req('GET', '/api/v1/verifications');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.data.verifications.map((v) => v.id), [pa.id]);
  r = await ib.req('GET', '/api/v1/verifications');
  assert.deepEqual(r.data.verifications.map((v) => v.id), [pb.id]);
  // A cannot approve, refuse or revoke B's professional
  assertProblem(await ia.req('POST', `/api/v1/verifications/${pb.id}/approve`), 403, 'forbidden');
  assertProblem(await ia.req('POST', `/api/v1/verifications/${pb.id}/refuse`, { json: { reason: 'pas chez nous' } }), 403, 'forbidden');
  r = await pb.c.req('GET', '/api/v1/me/verification');
  assert.equal(r.data.status, 'pending');
  // B approves their own institution's professional: the role is granted
  r = await ib.req('POST', `/api/v1/verifications/${pb.id}/approve`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.status, 'approved');
  assert.equal(r.data.badge.verified_by, 'Clinique B');
  assertProblem(await ia.req('POST', `/api/v1/verifications/${pb.id}/revoke`, { json: { reason: 'erreur' } }), 403, 'forbidden');
  r = await pb.c.req('GET', '/api/v1/me');
  assert.ok(r.data.roles.includes('professional'));
  // A refuses theirs with a reason
  r = await ia.req('POST', `/api/v1/verifications/${pa.id}/refuse`, { json: { reason: 'numéro RPPS à un autre nom' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.status, 'refused');
  // a request naming no institution is the instance administrator's alone
  const pn = await verificationFor('inf.sans.lieu', undefined);
  assertProblem(await ia.req('POST', `/api/v1/verifications/${pn.id}/approve`), 403, 'forbidden');
  // an institution administrator never decides their own request
  r = await ia.req('POST', '/api/v1/verifications', { json: { profession: 'médecin', rpps: '10003123451', institution: 'clinique-a' } });
  assert.equal(r.status, 201, r.text);
  assertProblem(await ia.req('POST', `/api/v1/verifications/${r.data.id}/approve`), 403, 'forbidden');
});

test('an institution administrator manages their staff only, and names no institution administrator', async () => {
  const ia = new Client(srv.url);
  assert.equal((await ia.login('admin.clinique.a', 'correct horse battery')).status, 200);
  await newMember(srv.url, 'accueil.clinique.a');
  let r = await ia.req('GET', '/api/v1/institutions');
  assert.deepEqual(r.data.institutions.map((i) => i.slug), ['clinique-a']);
  assertProblem(await ia.req('GET', '/api/v1/institutions/clinique-b'), 403, 'forbidden');
  assertProblem(await ia.req('POST', '/api/v1/institutions/clinique-b/staff', { json: { handle: 'accueil.clinique.a', role: 'editor' } }), 403, 'forbidden');
  assertProblem(await ia.req('POST', '/api/v1/institutions/clinique-a/staff', { json: { handle: 'accueil.clinique.a', role: 'institution_admin' } }), 403, 'forbidden');
  assertProblem(await ia.req('POST', '/api/v1/institutions', { json: { slug: 'clinique-z', name: 'Z' } }), 403, 'forbidden');
  r = await ia.req('POST', '/api/v1/institutions/clinique-a/staff', { json: { handle: 'accueil.clinique.a', role: 'community_manager' } });
  assert.equal(r.status, 201, r.text);
  r = await ia.req('PATCH', '/api/v1/institutions/clinique-a', { json: { teleconsult_url: 'https://teleconsultation.example/clinique-a' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.teleconsult_url, 'https://teleconsultation.example/clinique-a');
  r = await ia.req('PATCH', '/api/v1/institutions/clinique-a', { json: { teleconsult_url: 'http://insecure.example' } });
  assert.deepEqual(r.data.errors, [{ field: 'teleconsult_url', reason: 'not-https' }]);
  const cm = new Client(srv.url);
  assert.equal((await cm.login('accueil.clinique.a', 'correct horse battery')).status, 200);
  r = await cm.req('GET', '/api/v1/institutions/clinique-a/desk/queue');
  assert.equal(r.status, 200, r.text);
  r = await ia.req('DELETE', '/api/v1/institutions/clinique-a/staff/accueil.clinique.a/community_manager');
  assert.equal(r.status, 200, r.text);
  assert.ok(!r.data.members.some((m) => m.handle === 'accueil.clinique.a'));
  r = await cm.req('GET', '/api/v1/institutions/clinique-a/desk/queue');
  assertProblem(r, 403, 'forbidden');
});

test('accounts: search by handle, roles, suspension with a reason and its lifting, in the audit log', async () => {
  await newMember(srv.url, 'cible.suspension');
  let r = await admin.req('GET', '/api/v1/admin/accounts?q=CIBLE');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.data.accounts.map((a) => a.handle), ['cible.suspension']);
  r = await admin.req('GET', '/api/v1/admin/accounts?q=accueil');
  assert.ok(r.data.accounts.some((a) => a.handle === 'accueil.chu' && a.grants.some((g) => g.role === 'community_manager' && g.institution === 'chu-exemple')));
  assert.ok(!JSON.stringify(r.data).includes('@'), 'no e-mail address');

  r = await admin.req('PUT', '/api/v1/admin/accounts/cible.suspension/roles/moderator');
  assert.equal(r.status, 200, r.text);
  assert.ok(r.data.roles.includes('moderator'));
  assertProblem(await admin.req('PUT', '/api/v1/admin/accounts/cible.suspension/roles/professional'), 404, 'not-found');
  r = await admin.req('DELETE', '/api/v1/admin/accounts/cible.suspension/roles/moderator');
  assert.deepEqual(r.data.roles, ['member']);
  assertProblem(await admin.req('DELETE', '/api/v1/admin/accounts/admin/roles/administrator'), 409, 'conflict');

  r = await admin.req('POST', '/api/v1/admin/accounts/cible.suspension/suspend', { json: { days: 3 } });
  assert.deepEqual(r.data.errors, [{ field: 'reason', reason: 'required' }]);
  r = await admin.req('POST', '/api/v1/admin/accounts/cible.suspension/suspend', { json: { reason: 'spam', days: 400 } });
  assert.deepEqual(r.data.errors, [{ field: 'days', reason: 'out-of-range' }]);
  assertProblem(await admin.req('POST', '/api/v1/admin/accounts/admin/suspend', { json: { reason: 'moi-même' } }), 409, 'conflict');
  r = await admin.req('POST', '/api/v1/admin/accounts/cible.suspension/suspend', { json: { reason: 'messages publicitaires', days: 3 } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.suspended, true);
  assert.ok(r.data.suspended_until);
  r = await new Client(srv.url).login('cible.suspension', 'correct horse battery');
  assertProblem(r, 403, 'forbidden');
  r = await admin.req('POST', '/api/v1/admin/accounts/cible.suspension/unsuspend', { json: { reason: 'erreur de ma part' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.suspended, false);
  assertProblem(await admin.req('POST', '/api/v1/admin/accounts/cible.suspension/unsuspend', { json: { reason: 'encore' } }), 409, 'conflict');
  r = await new Client(srv.url).login('cible.suspension', 'correct horse battery');
  assert.equal(r.status, 200, r.text);

  // one rank rule for the accounts page and the moderators' routes (policy_account_action):
  // an administrator acts on a moderator, never on another administrator
  await newMember(srv.url, 'second.admin');
  assert.equal((await admin.req('PUT', '/api/v1/admin/accounts/second.admin/roles/administrator')).status, 200);
  assertProblem(await admin.req('POST', '/api/v1/admin/accounts/second.admin/suspend', { json: { reason: 'rang égal' } }), 403, 'forbidden');
  assertProblem(await admin.req('POST', '/api/v1/admin/accounts/second.admin/unsuspend', { json: { reason: 'rang égal' } }), 403, 'forbidden');
  assertProblem(await admin.req('POST', '/api/v1/moderation/accounts/second.admin/suspend', { json: { reason: 'rang égal' } }), 403, 'forbidden');
  assert.equal((await admin.req('DELETE', '/api/v1/admin/accounts/second.admin/roles/administrator')).status, 200);
  assert.equal((await admin.req('PUT', '/api/v1/admin/accounts/second.admin/roles/moderator')).status, 200);
  r = await admin.req('POST', '/api/v1/admin/accounts/second.admin/suspend', { json: { reason: 'modérateur suspendu', days: 1 } });
  assert.equal(r.status, 200, r.text);
  assert.equal((await admin.req('POST', '/api/v1/admin/accounts/second.admin/unsuspend', { json: { reason: 'levée' } })).status, 200);

  r = await admin.req('GET', '/api/v1/moderation/log');
  const mine = r.data.actions.filter((a) => a.moderator === 'admin');
  const find = (action, note) => mine.find((a) => a.action === action && a.note === note);
  assert.ok(find('suspend', 'messages publicitaires'));
  assert.ok(find('lift', 'erreur de ma part'));
  assert.ok(find('role-grant', 'moderator'));
  assert.ok(find('role-grant', 'institution_admin clinique-a'));
  const member = await newMember(srv.url, 'curieux.log');
  assertProblem(await member.req('GET', '/api/v1/moderation/log'), 403, 'forbidden');
  assertProblem(await member.req('GET', '/api/v1/admin/accounts'), 403, 'forbidden');
});

test('space moderators: the administrator assigns one to a space, who moderates that space only', async () => {
  const base = '/api/v1/spaces/aidants-alzheimer/moderators';
  const mod = await newMember(srv.url, 'modo.aidants');
  assertProblem(await mod.req('GET', '/api/v1/moderation/reports'), 403, 'forbidden');
  assertProblem(await mod.req('PUT', `${base}/modo.aidants`), 403, 'forbidden');
  assertProblem(await admin.req('PUT', `${base}/modo.aidants`, { csrf: false }), 403, 'csrf');
  assertProblem(await admin.req('PUT', `${base}/personne.inconnue`), 404, 'not-found');
  assertProblem(await admin.req('PUT', '/api/v1/spaces/pas-un-espace/moderators/modo.aidants'), 404, 'not-found');
  let r = await admin.req('PUT', `${base}/modo.aidants`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.data.moderators, ['modo.aidants']);
  assertProblem(await admin.req('PUT', `${base}/modo.aidants`), 409, 'conflict');
  r = await admin.req('GET', '/api/v1/admin/spaces');
  assert.deepEqual(r.data.spaces.find((s) => s.slug === 'aidants-alzheimer').moderators, ['modo.aidants']);
  assert.deepEqual(r.data.spaces.find((s) => s.slug === 'diabete-type-1').moderators, []);
  assert.ok((await mod.req('GET', '/api/v1/me')).data.roles.includes('space_moderator'));

  // a reported post in their space and one elsewhere: they see and act on theirs only
  const author = await newMember(srv.url, 'auteur.aidants');
  const here = (await author.req('POST', '/api/v1/spaces/aidants-alzheimer/threads', { json: { title: 'Entre aidants', body: 'Un message à signaler ici.' } })).data.id;
  const there = (await author.req('POST', '/api/v1/spaces/diabete-type-1/threads', { json: { title: 'Ailleurs', body: 'Un message à signaler ailleurs.' } })).data.id;
  const reporter = await newMember(srv.url, 'signale.aidants');
  for (const post of [here, there]) assert.equal((await reporter.req('POST', `/api/v1/posts/${post}/reports`, { json: { reason: 'spam' } })).status, 201);
  r = await mod.req('GET', '/api/v1/moderation/reports?limit=100');
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.data.reports.map((x) => x.post), [here]);
  assertProblem(await mod.req('POST', `/api/v1/moderation/posts/${there}/hide`, { json: {} }), 403, 'forbidden');
  r = await mod.req('POST', `/api/v1/moderation/posts/${here}/hide`, { json: { note: 'hors sujet' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.hidden, true);
  // a space moderator suspends nobody: that stays with the instance's moderators
  assertProblem(await mod.req('POST', '/api/v1/moderation/accounts/auteur.aidants/suspend', { json: { reason: 'non' } }), 403, 'forbidden');
  const modo = new Client(srv.url);
  await modo.login('modo', DEMO_PW);
  assert.ok((await modo.req('GET', '/api/v1/moderation/reports?limit=100')).data.reports.some((x) => x.post === there), 'the instance moderator sees every space');

  r = await admin.req('DELETE', `${base}/modo.aidants`);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.data.moderators, []);
  assertProblem(await admin.req('DELETE', `${base}/modo.aidants`), 404, 'not-found');
  assertProblem(await mod.req('POST', `/api/v1/moderation/posts/${here}/restore`, { json: {} }), 403, 'forbidden');
  r = await admin.req('GET', '/api/v1/moderation/log');
  assert.ok(r.data.actions.some((a) => a.action === 'space-moderator-add' && a.note === 'aidants-alzheimer'));
});
