// tests/api/mail_content.test.mjs - R6 for e-mail: a run with posts, replies, notifications,
// digests and desk requests and replies, with every e-mail read from a real SMTP conversation
// (tests/lib/smtp_sink.mjs): none holds a word of a post, a thread title, a desk message, a
// space or institution name, or a handle. Only "something new" and a link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { startSmtpSink, linkIn } from '../lib/smtp_sink.mjs';
import { Client } from './helpers.mjs';

const DEMO_PW = 'demo-entraide-2026';
const PW = 'un mot de passe long';
let srv, sink;
before(async () => {
  sink = await startSmtpSink();
  srv = await startServer({ demo: true, args: ['--smtp', sink.url] });
});
after(async () => { await srv.stop(); await sink.stop(); });

async function member(handle, email) {
  const c = new Client(srv.url);
  let r = await c.req('POST', '/api/v1/accounts', { json: { handle, email, password: PW, handle_confirmed: true } });
  assert.equal(r.status, 201, r.text);
  const m = await sink.waitFor((x) => x.to.includes(email) && x.body.includes('/confirm-email/'));
  r = await c.req('POST', '/api/v1/email-confirmations/' + linkIn(m, srv.url).split('/').pop());
  assert.equal(r.status, 204);
  assert.equal((await c.login(handle, PW)).status, 200);
  return c;
}

test('no e-mail of a run with posts, desk requests and notifications carries their words', async () => {
  const said = [];  // everything written during the run that must never reach an e-mail
  const a = await member('ardoise_canari', 'ardoise@example.org');
  const b = await member('peuplier_canari', 'peuplier@example.org');
  const alice = new Client(srv.url);
  assert.equal((await alice.login('alice', DEMO_PW)).status, 200);

  // community: a thread, a follow, replies that notify, in two spaces
  const title = 'Zzqtitre glycémie nocturne et pompe';
  const body = 'Zzqcorps mon insuline rapide fait chuter la glycémie vers trois heures.';
  let r = await a.req('POST', '/api/v1/spaces/diabete-type-1/threads', { json: { title, body } });
  assert.equal(r.status, 201, r.text);
  const tid = r.data.thread;
  said.push(title, body);
  const reply = 'Zzqreponse essayez de noter les hypoglycémies dans un carnet.';
  r = await b.req('POST', `/api/v1/threads/${tid}/posts`, { json: { body: reply } });
  assert.equal(r.status, 201, r.text);
  said.push(reply);
  r = await b.req('PUT', `/api/v1/threads/${tid}/follow`);
  const reply2 = 'Zzqsuite pensez au capteur de glucose en continu.';
  r = await a.req('POST', `/api/v1/threads/${tid}/posts`, { json: { body: reply2 } });
  assert.equal(r.status, 201, r.text);
  said.push(reply2);
  const t2 = 'Zzqaidant fatigue du soir';
  r = await alice.req('POST', '/api/v1/spaces/aidants/threads', { json: { title: t2, body: 'Zzqcorps deux épuisement et sommeil haché.' } });
  assert.equal(r.status, 201, r.text);
  said.push(t2, 'Zzqcorps deux épuisement et sommeil haché.');
  r = await a.req('PUT', `/api/v1/threads/${r.data.thread}/follow`);
  r = await alice.req('POST', `/api/v1/threads/${tid}/posts`, { json: { body: 'Zzqalice courage pour les nuits.' } });
  said.push('Zzqalice courage pour les nuits.');

  // the desk: a request and the institution's answer
  const deskText = 'Zzqdesk je voudrais un rendez-vous en endocrinologie pour ma pompe.';
  r = await a.req('POST', '/api/v1/institutions/chu-exemple/desk/requests', { json: { form: 'free', text: deskText } });
  assert.ok(r.status === 201 || r.status === 200, r.text);
  said.push(deskText);
  const cm = new Client(srv.url);
  assert.equal((await cm.login('accueil.chu', DEMO_PW)).status, 200);
  const deskReply = 'Zzqguichet le service de diabétologie vous rappellera jeudi.';
  r = await cm.req('POST', `/api/v1/desk/requests/${r.data.id}/messages`, { json: { kind: 'reply', text: deskReply } });
  assert.ok(r.status === 201 || r.status === 200, r.text);
  said.push(deskReply);

  // both members have unread notifications; digests turned on, then a password reset too
  assert.ok((await b.req('GET', '/api/v1/notifications')).data.unread >= 1);
  r = await b.req('PUT', '/api/v1/me/email-digest', { json: { frequency: 'daily' } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.data.frequency, 'daily');
  assert.ok((await b.req('GET', '/api/v1/me/consents')).data.consents.some((c) => c.purpose === 'email_digest' && !c.withdrawn_at));
  r = await a.req('PUT', '/api/v1/me/email-digest', { json: { frequency: 'weekly' } });
  assert.equal(r.status, 200, r.text);
  const digestB = await sink.waitFor((m) => m.to.includes('peuplier@example.org') && m.body.includes('/notifications'));
  assert.equal(digestB.subject, 'Du nouveau sur entraide');
  await sink.waitFor((m) => m.to.includes('ardoise@example.org') && m.body.includes('/notifications'));
  // daily means once a day: a new reply does not bring a second one now
  await a.req('POST', `/api/v1/threads/${tid}/posts`, { json: { body: 'Zzqtrois encore une mesure à deux heures.' } });
  said.push('Zzqtrois encore une mesure à deux heures.');
  await new Promise((ok) => setTimeout(ok, 6500));
  assert.equal(sink.messages.filter((m) => m.to.includes('peuplier@example.org') && m.body.includes('/notifications')).length, 1);
  // withdrawn: off
  r = await b.req('DELETE', '/api/v1/me/email-digest');
  assert.equal(r.data.frequency, null);
  assert.ok((await b.req('GET', '/api/v1/me/consents')).data.consents.some((c) => c.purpose === 'email_digest' && c.withdrawn_at));
  assert.equal((await new Client(srv.url).req('POST', '/api/v1/password-resets', { json: { login: 'ardoise_canari' } })).status, 202);
  await sink.waitFor((m) => m.to.includes('ardoise@example.org') && m.body.includes('/password-reset/'));

  // what may not appear: the words of everything written, space and institution names, handles
  const spaces = (await alice.req('GET', '/api/v1/spaces')).data.spaces;
  assert.ok(spaces.length >= 2);
  const banned = new Set();
  for (const text of said)
    for (const w of text.toLowerCase().split(/[^\p{L}\p{N}-]+/u)) if (w.length >= 5) banned.add(w);
  for (const s of spaces) { banned.add(s.slug.toLowerCase()); banned.add(s.name.toLowerCase()); }
  for (const x of ['chu exemple', 'chu-exemple', 'ardoise_canari', 'peuplier_canari', 'alice', 'accueil.chu', 'diabète', 'diabete', 'glycémie', 'insuline']) banned.add(x);
  // words our own templates use are not banned by coincidence: none of the above is one of them
  assert.ok(sink.messages.length >= 5, `${sink.messages.length} e-mails`);
  for (const m of sink.messages) {
    const text = (m.subject + '\n' + m.body).toLowerCase();
    for (const w of banned) assert.ok(!text.includes(w), `"${w}" in an e-mail:\n${m.subject}\n${m.body}`);
    assert.ok(m.body.length < 800, 'short');
    assert.match(m.headers['content-type'], /^text\/plain/);
  }
});
