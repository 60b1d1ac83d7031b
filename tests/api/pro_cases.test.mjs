// tests/api/pro_cases.test.mjs - issue 7: cases between verified professionals. Default deny
// for every other role, the de-identification check, the consent record (author only),
// photos sanitized with faces and masks covered, hidden until a second professional reviews
// them, answers, the helpful answer, closing, the median time to first answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { startServer } from '../lib/server.mjs';
import { Client, assertProblem } from './helpers.mjs';
import { lesionPng } from './pro_helpers.mjs';

const DEMO_PW = 'demo-entraide-2026';
const PW = 'correct horse battery';
const FACE = '../shared/data/faces/skimage_astronaut.png';
let srv;
before(async () => { srv = await startServer({ demo: true }); });
after(async () => { await srv.stop(); });

async function as(handle, password = DEMO_PW) {
  const c = new Client(srv.url);
  const r = await c.login(handle, password);
  assert.equal(r.status, 200, r.text);
  return c;
}

const CASE = {
  title: 'Lésion pigmentée du dos',
  body: 'Patient de la cinquantaine, lésion pigmentée asymétrique apparue récemment. Votre avis sur la dermoscopie ?',
  consent_who: 'patient', consent_how: 'oral', consent_on: '2026-11-20',
};

test('default deny: only verified professionals reach the case routes (every other role)', async () => {
  const anon = new Client(srv.url);
  const others = [];
  for (const who of ['alice', 'redaction.chu', 'accueil.chu', 'modo', 'admin']) others.push(await as(who));
  const routes = [['GET', '/api/v1/cases'], ['POST', '/api/v1/cases', CASE], ['GET', '/api/v1/cases/1'],
    ['POST', '/api/v1/cases/1/answers', { body: 'avis' }], ['POST', '/api/v1/cases/1/helpful', { answer_id: 1 }],
    ['POST', '/api/v1/cases/1/close'], ['POST', '/api/v1/cases/1/photos', { image: 'AAAA' }],
    ['GET', '/api/v1/photos/1'], ['GET', '/api/v1/photo-reviews'], ['GET', '/api/v1/photo-reviews/1/image'],
    ['POST', '/api/v1/photo-reviews/1', { decision: 'approve' }]];
  for (const [m, p, json] of routes) {
    assertProblem(await anon.req(m, p, { json }), 401, 'unauthenticated');
    for (const c of others) assertProblem(await c.req(m, p, { json }), 403, 'forbidden');
  }
});

test('a case: check, consent, answers, helpful answer, closing, median', async () => {
  const dr = await as('dr.martin');
  const colleague = await as('dr.leroy');
  let r = await dr.req('POST', '/api/v1/cases', { json: { ...CASE, body: 'Mme Sophie Durand, 06 12 34 56 78, lésion du dos depuis mars.' } });
  assertProblem(r, 422, 'validation');
  assert.ok(r.data.errors.some((e) => e.field === 'body' && e.reason === 'contains-contact'), r.text);
  // issue 15: each error says which words were found, so the author knows what to remove
  assert.equal(r.data.errors.find((e) => e.reason === 'contains-contact').found, '06 12 34 56 78', r.text);
  assert.match(r.data.errors.find((e) => e.reason === 'contains-name').found, /Sophie Durand/, r.text);
  r = await dr.req('POST', '/api/v1/cases', { json: { ...CASE, consent_on: '2999-01-01' } });
  assertProblem(r, 422, 'validation');
  assert.deepEqual(r.data.errors, [{ field: 'consent_on', reason: 'not-a-past-date' }]);
  r = await dr.req('POST', '/api/v1/cases', { json: { ...CASE, consent_how: 'telepathy' } });
  assertProblem(r, 422, 'validation');
  r = await dr.req('POST', '/api/v1/cases', { json: { ...CASE, space: 'aidants' } });
  assertProblem(r, 422, 'validation');
  assert.deepEqual(r.data.errors, [{ field: 'space', reason: 'not-a-professional-space' }]);
  r = await dr.req('POST', '/api/v1/cases', { json: { ...CASE, space: 'pro-dermatologie' } });
  assert.equal(r.status, 201, r.text);
  const id = r.data.id;
  r = await dr.req('GET', `/api/v1/cases/${id}`);
  assert.equal(r.status, 200);
  assert.deepEqual(r.data.consent, { who: 'patient', how: 'oral', given_on: '2026-11-20' });
  assert.equal(r.data.space, 'pro-dermatologie');
  r = await colleague.req('GET', `/api/v1/cases/${id}`);
  assert.equal(r.status, 200);
  assert.equal(r.data.consent, undefined, 'the consent record is never shown to readers');
  assert.ok(!r.text.includes('2026-11-20'));
  r = await colleague.req('POST', `/api/v1/cases/${id}/answers`, { json: { body: 'Appelez-moi au 06 12 34 56 78' } });
  assertProblem(r, 422, 'validation');
  r = await colleague.req('POST', `/api/v1/cases/${id}/answers`, { json: { body: 'Critères ABCDE positifs : exérèse conseillée.' } });
  assert.equal(r.status, 201, r.text);
  const answer = r.data.id;
  r = await colleague.req('POST', `/api/v1/cases/${id}/helpful`, { json: { answer_id: answer } });
  assertProblem(r, 403, 'forbidden');
  r = await dr.req('POST', `/api/v1/cases/${id}/helpful`, { json: { answer_id: 999999 } });
  assertProblem(r, 422, 'validation');
  r = await dr.req('POST', `/api/v1/cases/${id}/helpful`, { json: { answer_id: answer } });
  assert.equal(r.status, 200);
  r = await colleague.req('GET', `/api/v1/cases/${id}`);
  assert.equal(r.data.helpful_answer_id, answer);
  assert.equal(r.data.answers[0].helpful, true);
  r = await colleague.req('GET', '/api/v1/cases');
  assert.equal(r.status, 200);
  assert.ok(r.data.n_answered >= 1);
  assert.equal(typeof r.data.median_first_answer_seconds, 'number');
  r = await colleague.req('POST', `/api/v1/cases/${id}/close`);
  assertProblem(r, 403, 'forbidden');
  r = await dr.req('POST', `/api/v1/cases/${id}/close`);
  assert.equal(r.status, 200);
  r = await colleague.req('POST', `/api/v1/cases/${id}/answers`, { json: { body: 'Un avis de plus.' } });
  assertProblem(r, 409, 'conflict');
  r = await dr.req('GET', '/api/v1/cases/999999');
  assertProblem(r, 404, 'not-found');
});

test('photos: sanitized, masked, hidden until a second professional reviews them', async () => {
  const dr = await as('dr.martin');
  const colleague = await as('dr.leroy');
  let r = await dr.req('POST', '/api/v1/cases', { json: CASE });
  const id = r.data.id;
  r = await dr.req('POST', `/api/v1/cases/${id}/photos`, { json: { image: 'not base64!' } });
  assertProblem(r, 422, 'validation');
  r = await dr.req('POST', `/api/v1/cases/${id}/photos`, { json: { image: Buffer.from('GIF89a....').toString('base64') } });
  assertProblem(r, 422, 'validation');
  r = await dr.req('POST', `/api/v1/cases/${id}/photos`, { json: { image: lesionPng().toString('base64'), masks: '1,2,3' } });
  assertProblem(r, 422, 'validation');
  assert.deepEqual(r.data.errors, [{ field: 'masks', reason: 'not-rectangles' }]);
  r = await colleague.req('POST', `/api/v1/cases/${id}/photos`, { json: { image: lesionPng().toString('base64') } });
  assertProblem(r, 403, 'forbidden');

  const face = existsSync(FACE);
  const img = face ? readFileSync(FACE) : lesionPng();
  r = await dr.req('POST', `/api/v1/cases/${id}/photos`, { json: { image: `data:image/png;base64,${img.toString('base64')}`, masks: '0,0,20,10' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.status, 'pending');
  assert.equal(r.data.metadata_removed, face ? r.data.metadata_removed : true);
  assert.ok(r.data.regions.some((g) => g.source === 'mask'));
  if (face) assert.ok(r.data.faces >= 1, 'the astronaut\'s face is covered');
  const photo = r.data.id;

  // hidden from everyone but the author
  r = await dr.req('GET', `/api/v1/photos/${photo}`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^image\//);
  r = await colleague.req('GET', `/api/v1/photos/${photo}`);
  assertProblem(r, 404, 'not-found');
  r = await colleague.req('GET', `/api/v1/cases/${id}`);
  assert.deepEqual(r.data.photos, []);
  // the author cannot review their own photo
  r = await dr.req('GET', '/api/v1/photo-reviews');
  assert.ok(!r.data.reviews.some((p) => p.id === photo));
  r = await dr.req('POST', `/api/v1/photo-reviews/${photo}`, { json: { decision: 'approve' } });
  assertProblem(r, 403, 'forbidden');
  // a second professional reviews: refusing needs a reason; masks then approve
  r = await colleague.req('GET', '/api/v1/photo-reviews');
  assert.ok(r.data.reviews.some((p) => p.id === photo));
  r = await colleague.req('GET', `/api/v1/photo-reviews/${photo}/image`);
  assert.equal(r.status, 200);
  r = await colleague.req('POST', `/api/v1/photo-reviews/${photo}`, { json: { decision: 'refuse' } });
  assertProblem(r, 422, 'validation');
  r = await colleague.req('POST', `/api/v1/photo-reviews/${photo}`, { json: { decision: 'approve', masks: '5,5,10,10' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.status, 'approved');
  assert.equal(r.data.masks_added, 1);
  r = await colleague.req('GET', `/api/v1/photos/${photo}`);
  assert.equal(r.status, 200);
  r = await colleague.req('GET', `/api/v1/cases/${id}`);
  assert.equal(r.data.photos.length, 1);
  r = await colleague.req('POST', `/api/v1/photo-reviews/${photo}`, { json: { decision: 'approve' } });
  assertProblem(r, 404, 'not-found');

  // a refused photo stays hidden; its author sees the reason
  r = await dr.req('POST', `/api/v1/cases/${id}/photos`, { json: { image: lesionPng().toString('base64') } });
  const second = r.data.id;
  r = await colleague.req('POST', `/api/v1/photo-reviews/${second}`, { json: { decision: 'refuse', reason: 'Tatouage reconnaissable' } });
  assert.equal(r.data.status, 'refused');
  r = await colleague.req('GET', `/api/v1/photos/${second}`);
  assertProblem(r, 404, 'not-found');
  r = await dr.req('GET', `/api/v1/cases/${id}`);
  assert.equal(r.data.photos.find((p) => p.id === second).reason, 'Tatouage reconnaissable');
});

test('deleting an account deletes or anonymises its cases', async () => {
  const admin = await as('admin');
  const colleague = await as('dr.leroy');
  const ids = {};
  // anonymise first: SQLite may give a deleted case's id to the next case
  for (const [handle, rpps, posts] of [['pro.anon', '10000000009', 'anonymise'], ['pro.gone', '12345678903', 'delete']]) {
    const c = new Client(srv.url);
    let r = await c.req('POST', '/api/v1/accounts', { json: { handle, email: `${handle}@example.org`, password: PW, handle_confirmed: true } });
    assert.equal(r.status, 201, r.text);
    await c.login(handle, PW);
    r = await c.req('POST', '/api/v1/verifications', { json: { profession: 'médecin', rpps } });
    assert.equal(r.status, 201, r.text);
    r = await admin.req('POST', `/api/v1/verifications/${r.data.id}/approve`);
    assert.equal(r.status, 200, r.text);
    r = await c.req('POST', '/api/v1/cases', { json: CASE });
    assert.equal(r.status, 201, r.text);
    ids[posts] = r.data.id;
    r = await colleague.req('POST', `/api/v1/cases/${r.data.id}/answers`, { json: { body: 'Un avis de collègue.' } });
    assert.equal(r.status, 201);
    r = await c.req('DELETE', '/api/v1/me', { json: { password: PW, posts } });
    assert.ok(r.status === 204 || r.status === 200, r.text);
  }
  let r = await colleague.req('GET', `/api/v1/cases/${ids.delete}`);
  assertProblem(r, 404, 'not-found');
  r = await colleague.req('GET', `/api/v1/cases/${ids.anonymise}`);
  assert.equal(r.status, 200);
  assert.equal(r.data.author, null);
  assert.equal(r.data.answers.length, 1);
});
