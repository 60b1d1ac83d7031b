// tests/api/desk.test.mjs - the relation desk (issue 6): requests, the consultation guard
// (R2) and emergencies (R3), the community managers' queue (default deny), canned replies,
// notes, documents after an identity check, live events, dashboard, public criticism, and
// conversations sealed at rest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, BIN } from '../lib/server.mjs';
import { Client, assertProblem, newMember } from './helpers.mjs';

const DEMO_PW = 'demo-entraide-2026';
const PW = 'correct horse battery';
const INST = 'chu-exemple';
const DESK = `/api/v1/institutions/${INST}/desk`;
const PDF = Buffer.from('%PDF-1.4\n% CANARI-ORDONNANCE du 3 mars\n%%EOF\n');
let srv;
let alice, sam, cm, otherCm;

before(async () => {
  srv = await startServer({ demo: true });
  alice = new Client(srv.url);
  sam = new Client(srv.url);
  cm = new Client(srv.url);
  otherCm = new Client(srv.url);
  assert.equal((await alice.login('alice', DEMO_PW)).status, 200);
  assert.equal((await sam.login('sam', DEMO_PW)).status, 200);
  assert.equal((await cm.login('accueil.chu', DEMO_PW)).status, 200);
  // A community manager of another institution.
  const admin = (...a) => execFileSync(BIN, ['admin', '--data', srv.data, ...a], { input: PW + '\n' });
  admin('create-institution', 'clinique-autre', 'Clinique Autre');
  admin('create-account', 'cm.autre', 'cm.autre@example.org', 'fr');
  admin('grant', 'cm.autre', 'community_manager', 'clinique-autre');
  assert.equal((await otherCm.login('cm.autre', PW)).status, 200);
});
after(async () => { await srv.stop(); });

test('the desk is public; unknown institutions are 404', async () => {
  const anon = new Client(srv.url);
  let r = await anon.req('GET', DESK);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.slug, INST);
  assert.equal(r.data.is_manager, false);
  assert.ok(r.data.forms.includes('appointment'));
  r = await cm.req('GET', DESK);
  assert.equal(r.data.is_manager, true);
  r = await anon.req('GET', '/api/v1/institutions/nowhere/desk');
  assertProblem(r, 404, 'not-found');
  r = await anon.req('POST', `${DESK}/requests`, { json: { form: 'free', text: 'bonjour' } });
  assertProblem(r, 401, 'unauthenticated');
});

test('forms are validated', async () => {
  const cases = [
    [{ form: 'appointment', department: 'Cardiologie' }, 'action', 'required'],
    [{ form: 'document' }, 'document', 'required'],
    [{ form: 'free' }, 'text', 'required'],
    [{ form: 'letter', text: 'x' }, 'form', 'not-allowed'],
    [{ form: 'document', document: 'passport' }, 'document', 'not-allowed'],
    [{ form: 'free', text: 'x'.repeat(8001) }, 'text', 'too-long'],
  ];
  for (const [json, field, reason] of cases) {
    const r = await alice.req('POST', `${DESK}/requests`, { json });
    assertProblem(r, 422, 'validation');
    assert.ok(r.data.errors.some((e) => e.field === field && e.reason === reason), `${field}: ${r.text}`);
  }
});

let appt, consult, urgent, doc;

test('a member books an appointment', async () => {
  const r = await alice.req('POST', `${DESK}/requests`, {
    json: { form: 'appointment', action: 'book', department: 'Cardiologie', preferred_times: 'mardi matin', text: 'Je voudrais un rendez-vous de contrôle.' },
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.type, 'appointment');
  assert.equal(r.data.flag, '');
  assert.equal(r.data.guidance.kind, 'received');
  appt = r.data.id;
});

test('R2: a consultation question gets the alternatives at once, never queued as a question', async () => {
  let r = await cm.req('PUT', `${DESK}/settings`, { json: { teleconsult_url: 'javascript:alert(1)' } });
  assertProblem(r, 422, 'validation');
  r = await cm.req('PUT', `${DESK}/settings`, { json: { teleconsult_url: 'https://teleconsultation.chu-exemple.invalid/rdv' } });
  assert.equal(r.status, 200, r.text);
  r = await alice.req('POST', `${DESK}/requests`, {
    json: { form: 'question', text: 'Est-ce que je peux arrêter mon traitement, j’ai des vertiges ?' },
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.type, 'consultation');
  assert.equal(r.data.flag, 'consultation');
  const g = r.data.guidance;
  assert.equal(g.kind, 'consultation');
  assert.deepEqual(g.alternatives.map((a) => a.kind), ['appointment', 'teleconsultation', 'own_doctor']);
  assert.equal(g.alternatives[1].href, 'https://teleconsultation.chu-exemple.invalid/rdv');
  assert.match(g.message, /consultation/);
  consult = r.data.id;
  // The community manager sees it flagged, with a ready reply that gives no advice.
  r = await cm.req('GET', `/api/v1/desk/requests/${consult}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.flag, 'consultation');
  assert.match(r.data.ready_reply, /alice/);
  assert.match(r.data.ready_reply, /médecin traitant/);
  assert.match(r.data.ready_reply, /teleconsultation\.chu-exemple/);
});

test('R3: an urgent message shows the emergency numbers first, in the sender’s language', async () => {
  let r = await alice.req('POST', `${DESK}/requests`, {
    json: { form: 'free', text: 'Mon père a une douleur dans la poitrine en ce moment' },
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.type, 'urgent');
  assert.equal(r.data.guidance.kind, 'urgent');
  assert.deepEqual(r.data.guidance.numbers.map((n) => n.number), ['15', '112', '114', '3114']);
  assert.equal(r.data.guidance.numbers[2].sms, true);
  urgent = r.data.id;
  r = await sam.req('POST', `${DESK}/requests`, { json: { form: 'free', text: 'My father has chest pain right now' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.guidance.kind, 'urgent');
  const nums = r.data.guidance.numbers.map((n) => n.number);
  for (const n of ['999', '911', '988']) assert.ok(nums.includes(n), n);
  assert.match(r.data.guidance.message, /right to ask for help/);
  // Even inside a typed form, urgency wins.
  r = await sam.req('POST', `${DESK}/requests`, { json: { form: 'thanks', text: 'I want to kill myself tonight' } });
  assert.equal(r.data.type, 'urgent');
  assert.equal(r.data.guidance.numbers[0].number, '988');
});

test('the queue: managers of this institution only, urgent first, filters', async () => {
  const anon = new Client(srv.url);
  assertProblem(await anon.req('GET', `${DESK}/queue`), 401, 'unauthenticated');
  assertProblem(await alice.req('GET', `${DESK}/queue`), 403, 'forbidden');
  assertProblem(await otherCm.req('GET', `${DESK}/queue`), 403, 'forbidden');
  assertProblem(await otherCm.req('GET', `${DESK}/dashboard`), 403, 'forbidden');
  assertProblem(await otherCm.req('GET', `${DESK}/events`), 403, 'forbidden');
  assertProblem(await otherCm.req('GET', `/api/v1/desk/requests/${appt}`), 404, 'not-found');
  let r = await cm.req('GET', `${DESK}/queue`);
  assert.equal(r.status, 200, r.text);
  const q = r.data.requests.filter((x) => x.status !== 'resolved');
  assert.equal(q[0].type, 'urgent');
  assert.equal(q[0].flag, 'urgent');
  const types = q.map((x) => x.type);
  assert.ok(types.indexOf('consultation') < types.indexOf('appointment'));
  assert.equal(q.find((x) => x.id === urgent).first_response_seconds, null);
  // each card carries the start of what the requester wrote, on one line, cut at a word
  for (const x of q) assert.ok(x.excerpt === null || (typeof x.excerpt === 'string' && !/[\n\r\t]/.test(x.excerpt)), JSON.stringify(x));
  const long = 'Bonjour, je voudrais savoir si le service de cardiologie peut me recevoir un mardi matin. '.repeat(3);
  r = await alice.req('POST', `${DESK}/requests`, { json: { form: 'question', text: `${long}\nMerci` } });
  assert.equal(r.status, 201, r.text);
  const asked = r.data.id;
  r = await cm.req('GET', `${DESK}/queue`);
  const card = r.data.requests.find((x) => x.id === asked);
  assert.ok(card.excerpt.startsWith('Bonjour, je voudrais savoir si le service de cardiologie'), card.excerpt);
  assert.ok(card.excerpt.endsWith('…') && [...card.excerpt].length <= 141, card.excerpt);
  assert.ok(!card.excerpt.includes('  ') && !/\s…$/.test(card.excerpt), card.excerpt);
  const mine = (await alice.req('GET', '/api/v1/desk/requests')).data.requests;
  assert.ok(mine.every((x) => !('excerpt' in x)), 'the requester\'s own list has no excerpt (no need)');
  r = await cm.req('GET', `${DESK}/queue?type=appointment&status=new`);
  assert.ok(r.data.requests.length >= 1);
  assert.ok(r.data.requests.every((x) => typeof x.excerpt === 'string' && x.excerpt.length > 0), 'an appointment shows its department and times');
  assert.ok(r.data.requests.every((x) => x.type === 'appointment' && x.status === 'new'));
  r = await cm.req('GET', `${DESK}/queue?type=bogus`);
  assertProblem(r, 422, 'validation');
});

test('a request is visible to its requester and the managers only; notes stay internal', async () => {
  assertProblem(await sam.req('GET', `/api/v1/desk/requests/${appt}`), 404, 'not-found');
  let r = await alice.req('GET', '/api/v1/desk/requests');
  assert.equal(r.status, 200);
  assert.ok(r.data.requests.some((x) => x.id === appt));
  assert.ok(!('requester' in r.data.requests[0]));
  r = await cm.req('POST', `/api/v1/desk/requests/${appt}/messages`, { json: { kind: 'note', text: 'Voir le planning de cardiologie.' } });
  assert.equal(r.status, 201, r.text);
  r = await alice.req('POST', `/api/v1/desk/requests/${appt}/messages`, { json: { kind: 'note', text: 'x' } });
  assertProblem(r, 422, 'validation');
  r = await alice.req('GET', `/api/v1/desk/requests/${appt}`);
  assert.equal(r.data.details.department, 'Cardiologie');
  assert.equal(r.data.messages.filter((m) => m.kind === 'note').length, 0);
  r = await cm.req('GET', `/api/v1/desk/requests/${appt}`);
  assert.equal(r.data.messages.filter((m) => m.kind === 'note').length, 1);
  assertProblem(await sam.req('PATCH', `/api/v1/desk/requests/${appt}`, { json: { status: 'resolved' } }), 403, 'forbidden');
});

test('assign, canned reply with placeholders, statuses and times', async () => {
  let r = await cm.req('PATCH', `/api/v1/desk/requests/${appt}`, { json: { assignee: 'alice' } });
  assertProblem(r, 422, 'validation');
  r = await cm.req('PATCH', `/api/v1/desk/requests/${appt}`, { json: { assignee: 'me' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.assignee, 'accueil.chu');
  r = await cm.req('POST', `${DESK}/canned`, { json: { title: 'Rendez-vous proposé', body: 'Bonjour {handle}, {institution} vous propose un rendez-vous (demande {request}).' } });
  assert.equal(r.status, 201, r.text);
  const canned = r.data.id;
  r = await cm.req('GET', `${DESK}/canned`);
  assert.ok(r.data.placeholders.includes('{handle}'));
  r = await cm.req('POST', `/api/v1/desk/requests/${appt}/messages`, { json: { kind: 'reply', canned } });
  assert.equal(r.status, 201, r.text);
  r = await alice.req('GET', `/api/v1/desk/requests/${appt}`);
  const reply = r.data.messages.find((m) => m.kind === 'reply');
  assert.equal(reply.body.text, `Bonjour alice, CHU Exemple vous propose un rendez-vous (demande ${appt}).`);
  assert.equal(r.data.status, 'in_progress');
  r = await cm.req('PATCH', `/api/v1/desk/requests/${appt}`, { json: { status: 'resolved' } });
  assert.equal(r.data.status, 'resolved');
  assert.equal(typeof r.data.first_response_seconds, 'number');
  assert.equal(typeof r.data.resolution_seconds, 'number');
});

test('documents only after an identity check, and only to the requester', async () => {
  let r = await alice.req('POST', `${DESK}/requests`, { json: { form: 'document', document: 'prescription', text: 'Une copie de mon ordonnance, svp.' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.type, 'document_request');
  doc = r.data.id;
  r = await cm.req('POST', `/api/v1/desk/requests/${doc}/messages`, { json: { kind: 'document', title: 'Ordonnance', text: 'Ordonnance du 3 mars : copie conforme.' } });
  assertProblem(r, 422, 'validation');
  assert.equal(r.data.errors[0].reason, 'identity-not-checked');
  r = await cm.req('PATCH', `/api/v1/desk/requests/${doc}`, { json: { identity_checked: true } });
  assert.equal(r.data.identity_checked, true);
  // a document comes with its file: PDF, JPEG or PNG, 2 MiB at most; nothing else carries one
  const sendDoc = (extra) => cm.req('POST', `/api/v1/desk/requests/${doc}/messages`, { json: { kind: 'document', title: 'Ordonnance', text: 'Ordonnance du 3 mars : copie conforme.', ...extra } });
  r = await sendDoc({});
  assertProblem(r, 422, 'validation');
  assert.deepEqual(r.data.errors, [{ field: 'file', reason: 'required' }]);
  r = await sendDoc({ file: Buffer.from('MZ not a document').toString('base64') });
  assert.deepEqual(r.data.errors, [{ field: 'file', reason: 'not-a-document-type' }]);
  r = await sendDoc({ file: '***' });
  assert.deepEqual(r.data.errors, [{ field: 'file', reason: 'not-base64' }]);
  r = await sendDoc({ file: Buffer.alloc(2 * 1024 * 1024 + 1, 0x25).toString('base64') });
  assert.equal(r.status, 422, r.text.slice(0, 300));
  assert.equal(r.data.errors[0].field, 'file');
  r = await cm.req('POST', `/api/v1/desk/requests/${doc}/messages`, { json: { kind: 'reply', text: 'x', file: PDF.toString('base64') } });
  assert.deepEqual(r.data.errors, [{ field: 'file', reason: 'only-with-document' }]);
  r = await sendDoc({ file: PDF.toString('base64'), file_name: '../../ordonnance "mars".pdf' });
  assert.equal(r.status, 201, r.text);
  r = await alice.req('GET', `/api/v1/desk/requests/${doc}`);
  const d = r.data.messages.find((m) => m.kind === 'document');
  assert.equal(d.body.title, 'Ordonnance');
  assert.deepEqual(d.file, { name: 'ordonnance _mars_.pdf', type: 'application/pdf', size: PDF.length, href: `/api/v1/desk/requests/${doc}/messages/${d.id}/file` });
  r = await alice.req('GET', d.file.href);
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('content-type'), 'application/pdf');
  assert.equal(r.headers.get('cache-control'), 'private, no-store');
  assert.match(r.headers.get('content-disposition'), /^attachment; filename="ordonnance _mars_\.pdf"; filename\*=UTF-8''ordonnance%20_mars_\.pdf$/);
  assert.equal(r.text, PDF.toString());
  assert.equal((await cm.req('GET', d.file.href)).status, 200, 'the managers too');
  // a name that ends with an accented letter keeps it; the header spells it for every client
  r = await sendDoc({ file: PDF.toString('base64'), file_name: 'compte-rendu-été' });
  assert.equal(r.status, 201, r.text);
  const e = (await alice.req('GET', `/api/v1/desk/requests/${doc}`)).data.messages.filter((m) => m.file).pop();
  assert.equal(e.file.name, 'compte-rendu-été');
  r = await alice.req('GET', e.file.href);
  assert.equal(r.headers.get('content-disposition'), "attachment; filename=\"compte-rendu-__t__\"; filename*=UTF-8''compte-rendu-%C3%A9t%C3%A9");
  assertProblem(await sam.req('GET', d.file.href), 404, 'not-found');
  assertProblem(await otherCm.req('GET', d.file.href), 404, 'not-found');
  assertProblem(await new Client(srv.url).req('GET', d.file.href), 401, 'unauthenticated');
  assertProblem(await alice.req('GET', `/api/v1/desk/requests/${doc}/messages/${d.id - 1}/file`), 404, 'not-found');
  assertProblem(await sam.req('GET', `/api/v1/desk/requests/${doc}`), 404, 'not-found');
});

test('live updates as Server-Sent Events', async () => {
  let r = await cm.req('GET', `${DESK}/events`);
  assert.equal(r.status, 200, r.text);
  assert.match(r.headers.get('content-type'), /^text\/event-stream/);
  assert.match(r.text, /^retry: \d+/);
  const last = /id: (\d+)/.exec(r.text)[1];
  const n = await alice.req('POST', `${DESK}/requests`, { json: { form: 'question', text: 'Où se trouve le parking visiteurs ?' } });
  r = await cm.req('GET', `${DESK}/events`, { headers: { 'last-event-id': last } });
  assert.match(r.text, /event: desk/);
  assert.ok(r.text.includes(`"request":${n.data.id}`));
  assert.ok(!r.text.includes('parking'), 'events carry no content');
});

test('dashboard and CSV export', async () => {
  let r = await cm.req('GET', `${DESK}/dashboard`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.weeks.length, 8);
  assert.ok(r.data.total >= 5);
  assert.ok(r.data.redirected >= 1);
  assert.ok(r.data.redirected_share > 0);
  assert.equal(typeof r.data.median_first_response_seconds, 'number');
  assert.match(r.data.charts.weeks, /^<svg[^>]*role="img"/);
  assert.match(r.data.charts.weeks, /<title id="chart-weeks-title">/);
  assert.match(r.data.charts.response, /<desc/);
  r = await cm.req('GET', `${DESK}/dashboard.csv`);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/csv/);
  assert.match(r.headers.get('content-disposition'), /attachment/);
  assert.match(r.text, /^week,appointment,document_request,consultation,urgent,/);
  assert.match(r.text, /median_first_response_seconds,\d+/);
});

test('public criticism: answered publicly, private details offered the desk', async () => {
  const anon = new Client(srv.url);
  const url = `/api/v1/institutions/${INST}/complaints`;
  let r = await alice.req('POST', url, { json: { text: 'Deux heures d’attente aux urgences samedi, sans aucune information.' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.published, true);
  const id = r.data.id;
  const priv = 'Mon mari Jean Dupont, joignable au 06 12 34 56 78, attend toujours son compte rendu.';
  r = await alice.req('POST', url, { json: { text: priv } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.published, false);
  assert.equal(r.data.offer, 'desk');
  assert.ok(r.data.identifiers.length >= 1);
  r = await alice.req('POST', url, { json: { text: priv, move_to_desk: true } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.moved, true);
  assert.equal(r.data.request.type, 'complaint');
  r = await anon.req('GET', url);
  assert.equal(r.status, 200);
  assert.ok(!r.text.includes('Dupont'));
  assert.equal(r.data.complaints.length, 1);
  assertProblem(await alice.req('POST', `${url}/${id}/reply`, { json: { text: 'x' } }), 403, 'forbidden');
  r = await cm.req('POST', `${url}/${id}/reply`, { json: { text: 'Appelez Mme Martin au 06 11 22 33 44.' } });
  assertProblem(r, 422, 'validation');
  r = await cm.req('POST', `${url}/${id}/reply`, { json: { text: 'Nous sommes désolés de cette attente ; écrivez-nous à l’accueil pour en parler.' } });
  assert.equal(r.status, 200, r.text);
  r = await anon.req('GET', url);
  assert.match(r.data.complaints[0].reply.text, /désolés/);
});

test('desk conversations are sealed at rest', async () => {
  const files = ['entraide.db', 'entraide.db-wal'].map((f) => join(srv.data, f)).filter(existsSync);
  const all = Buffer.concat(files.map((f) => readFileSync(f)));
  // whole phrases of the messages: the shipped courses (content/courses/) quote shorter ones
  for (const s of ['arrêter mon traitement, j’ai des vertiges', 'Mon père a une douleur dans la poitrine', 'copie conforme', 'Cardiologie', 'planning de cardiologie', 'CANARI-ORDONNANCE']) {
    assert.equal(all.indexOf(Buffer.from(s, 'utf8')), -1, `"${s}" found in clear`);
  }
});

test('an institution chooses the forms its desk offers; a form not offered is refused in words', async () => {
  const base = '/api/v1/institutions/clinique-autre/desk';
  const ALL = ['appointment', 'document', 'question', 'complaint', 'thanks', 'free'];
  assert.deepEqual((await alice.req('GET', base)).data.forms, ALL, 'every form until the managers choose');
  assertProblem(await alice.req('PUT', `${base}/settings`, { json: { forms: ['question'] } }), 403, 'forbidden');
  assertProblem(await cm.req('PUT', `${base}/settings`, { json: { forms: ['question'] } }), 403, 'forbidden');
  for (const [forms, reason] of [[[], 'too-short'], [['question', 'question'], 'not-allowed'], [['visite'], 'not-allowed'], ['question', 'wrong-type']]) {
    const r = await otherCm.req('PUT', `${base}/settings`, { json: { forms } });
    assertProblem(r, 422, 'validation');
    assert.deepEqual(r.data.errors, [{ field: 'forms', reason }], JSON.stringify(forms));
  }
  let r = await otherCm.req('PUT', `${base}/settings`, { json: { forms: ['free', 'appointment', 'question'] } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.data.forms, ['appointment', 'question', 'free'], 'kept in the desk order');
  r = await otherCm.req('PUT', `${base}/settings`, { json: { teleconsult_url: 'https://visio.example/autre' } });
  assert.deepEqual(r.data, { teleconsult_url: 'https://visio.example/autre', forms: ['appointment', 'question', 'free'] }, 'the link alone leaves the forms');
  assert.deepEqual((await alice.req('GET', base)).data.forms, ['appointment', 'question', 'free']);
  const writer = await newMember(srv.url, 'ecrit.formulaires'); // alice spent her budget above
  r = await writer.req('POST', `${base}/requests`, { json: { form: 'document', document: 'prescription' } });
  assertProblem(r, 422, 'validation');
  assert.deepEqual(r.data.errors, [{ field: 'form', reason: 'not-offered' }]);
  r = await writer.req('POST', `${base}/requests`, { json: { form: 'question', text: 'Quels sont vos horaires de visite ?' } });
  assert.equal(r.status, 201, r.text);
  // the other institution keeps every form
  assert.deepEqual((await alice.req('GET', DESK)).data.forms, ALL);
});
