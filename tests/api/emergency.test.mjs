// tests/api/emergency.test.mjs - rule R3 in communities (issue 12): a thread or a reply that
// reads as an emergency is published, and its author gets the "emergency" object with the
// numbers of the message's language; calm posts get none; such posts, and "someone may be in
// danger" reports, come first in the moderators' queue, marked, with the steps to follow, and
// the moderators are notified.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';
import { Client, assertProblem } from './helpers.mjs';

const DEMO_PW = 'demo-entraide-2026';
let srv;
before(async () => { srv = await startServer({ demo: true }); });
after(async () => { await srv.stop(); });

async function login(handle) {
  const c = new Client(srv.url);
  assert.equal((await c.login(handle, DEMO_PW)).status, 200);
  return c;
}

const numbers = (e) => e.numbers.map((n) => n.number);

test('a crisis thread in a French community is published, its author sees the French numbers', async () => {
  const alice = await login('alice');
  let r = await alice.req('POST', '/api/v1/spaces/diabete-type-1/threads', {
    json: { title: 'jen peux plus', body: "jai plus envie de vivre, ce soir je veux en finir avec tout ca" },
  });
  assert.equal(r.status, 201, r.text);
  const e = r.data.emergency;
  assert.ok(e, 'emergency object present');
  assert.equal(e.kind, 'suicide');
  assert.equal(e.language, 'fr');
  assert.equal(e.numbers[0].number, '3114', 'suicide prevention first');
  for (const n of ['15', '112', '114', '3114']) assert.ok(numbers(e).includes(n), n);
  assert.equal(e.numbers.find((n) => n.number === '114').sms, true);
  assert.match(e.message, /Merci d’avoir écrit ici/);
  assert.match(e.message, /publié/);
  // Published: anyone reads it.
  const t = await new Client(srv.url).req('GET', `/api/v1/threads/${r.data.thread}`);
  assert.equal(t.status, 200);
  assert.ok(t.data.posts.some((p) => p.id === r.data.id), 'the post is published');
});

test('an emergency reply in an English community shows the English numbers, Samaritans included', async () => {
  const sam = await login('sam');
  let r = await sam.req('GET', '/api/v1/spaces/long-covid');
  assert.equal(r.status, 200, r.text);
  const tid = r.data.threads[0].id;
  r = await sam.req('POST', `/api/v1/threads/${tid}/posts`, {
    json: { body: 'my husband has crushing chest pain right now and his left arm is numb' },
  });
  assert.equal(r.status, 201, r.text);
  const e = r.data.emergency;
  assert.ok(e, 'emergency object present');
  assert.equal(e.kind, 'urgent');
  assert.equal(e.language, 'en');
  for (const n of ['999', '911', '112', '988', '116 123']) assert.ok(numbers(e).includes(n), n);
  assert.ok(!numbers(e).includes('15'));
  assert.match(e.message, /Thank you for writing here/);
  r = await sam.req('POST', `/api/v1/threads/${tid}/posts`, { json: { body: 'i dont want to be alive anymore, i want to kill myself' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.emergency.kind, 'suicide');
  assert.equal(r.data.emergency.numbers[0].number, '988');
});

test('a calm post has no emergency object; neither does a past emergency told as a testimony', async () => {
  const alice = await login('alice');
  let r = await alice.req('POST', '/api/v1/spaces/diabete-type-1/threads', {
    json: { title: 'Capteur et sport', body: 'Vous gardez votre capteur pendant la natation ? Le mien se décolle.' },
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.emergency, undefined);
  r = await alice.req('POST', `/api/v1/threads/${r.data.thread}/posts`, {
    json: { body: "Merci à tous pour votre soutien après mon hypo sévère de l'an dernier, je vais mieux." },
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.emergency, undefined);
});

test('emergency posts and danger reports come first in the moderators queue, marked, with steps', async () => {
  const alice = await login('alice');
  const modo = await login('modo');
  // An ordinary report first, then a calm post reported for danger, then a crisis post.
  let r = await alice.req('POST', '/api/v1/spaces/diabete-type-1/threads', { json: { title: 'Pub', body: 'Achetez ma cannelle miracle contre le diabète.' } });
  const spam = r.data.id;
  r = await alice.req('POST', '/api/v1/spaces/diabete-type-1/threads', { json: { title: 'Nouvelles', body: 'Je ne vois plus de raison de continuer, tout est noir.' } });
  const worrying = r.data.id;
  const sam = await login('sam');
  r = await sam.req('POST', `/api/v1/posts/${spam}/reports`, { json: { reason: 'spam' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.priority, 'normal');
  const before = (await modo.req('GET', '/api/v1/notifications')).data.unread;
  r = await sam.req('POST', `/api/v1/posts/${worrying}/reports`, { json: { reason: 'danger', note: 'elle semble en détresse' } });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.priority, 'danger');
  assertProblem(await sam.req('POST', `/api/v1/posts/${worrying}/reports`, { json: { reason: 'panic' } }), 422, 'validation');
  // The moderators on duty are notified.
  r = await modo.req('GET', '/api/v1/notifications');
  assert.ok(r.data.unread > before, 'moderator notified');
  assert.ok(r.data.notifications.some((n) => n.kind === 'moderation' && n.post === worrying));
  r = await alice.req('POST', '/api/v1/spaces/diabete-type-1/threads', { json: { title: 'aide', body: 'jai avale toute la boite de doliprane il y a une heure' } });
  assert.equal(r.status, 201, r.text);
  assert.ok(r.data.emergency);
  const crisis = r.data.id;

  r = await modo.req('GET', '/api/v1/moderation/reports', { headers: { 'accept-language': 'en' } });
  assert.equal(r.status, 200, r.text);
  const q = r.data.reports;
  const at = (post) => q.findIndex((x) => x.post === post);
  assert.ok(at(worrying) >= 0 && at(crisis) >= 0 && at(spam) >= 0);
  assert.ok(at(worrying) < at(spam), 'a danger report comes before an older ordinary report');
  assert.ok(at(crisis) < at(spam), 'an emergency post comes before an older ordinary report');
  const firstNormal = q.findIndex((x) => x.priority === 'normal');
  assert.ok(q.slice(0, firstNormal).every((x) => x.priority === 'danger'), 'all danger items on top');
  const d = q[at(worrying)];
  assert.equal(d.source, 'member');
  assert.equal(d.reporter, 'sam');
  assert.ok(Array.isArray(d.steps) && d.steps.length >= 3);
  const c = q[at(crisis)];
  assert.equal(c.source, 'classifier');
  assert.equal(c.reporter, null);
  assert.equal(c.rule, 'overdose');
  assert.equal(q[at(spam)].steps, undefined);
  // Handled without hiding: the post stays published, the item leaves the queue.
  r = await modo.req('POST', `/api/v1/moderation/posts/${crisis}/resolve`, { json: { note: 'répondu avec les numéros' } });
  assert.equal(r.status, 200, r.text);
  r = await modo.req('GET', '/api/v1/moderation/reports');
  assert.equal(r.data.reports.findIndex((x) => x.post === crisis), -1);
  assertProblem(await alice.req('POST', `/api/v1/moderation/posts/${crisis}/resolve`, { json: {} }), 403, 'forbidden');
  r = await modo.req('GET', '/api/v1/moderation/log');
  assert.ok(r.data.actions.some((a) => a.action === 'resolve' && a.target.id === crisis));
});
