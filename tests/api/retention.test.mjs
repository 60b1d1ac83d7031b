// tests/api/retention.test.mjs - issue 18, the retention purge: `entraide admin purge
// --now=WHEN` moves the purge's clock (the server's stays), and each step checks what is gone
// and what stays: posts past their space's retention, resolved desk requests past their
// institution's, expired sessions, old notifications.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { startServer, BIN } from '../lib/server.mjs';
import { Client, newMember } from './helpers.mjs';

const PW = 'correct horse battery';
const DEMO_PW = 'demo-entraide-2026';
const DAY = 86400;
let srv;
before(async () => { srv = await startServer({ demo: true }); });
after(async () => { await srv.stop(); });

const admin = (...args) => execFileSync(BIN, ['admin', '--data', srv.data, ...args],
  { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
// Runs the purge as if it were `days` days from now; returns its counts.
const purgeAt = (days) => JSON.parse(admin('purge', `--now=${Math.floor(Date.now() / 1000) + days * DAY}`));
// The server caches sessions for GET requests up to one second, and thread pages up to ten
// seconds when the write comes from another process (this purge): wait that long where a
// thread page was read before.
const settle = (ms = 1100) => new Promise((r) => setTimeout(r, ms));

const member = (handle) => newMember(srv.url, handle);

let m, follower, cm, shortThread, keptThread, resolved, open;

test('set up: a space kept 30 days, a desk kept 30 days after resolution', async () => {
  admin('space-retention', 'diabete-type-1', '30');
  admin('desk-retention', 'chu-exemple', '30');
  assert.throws(() => admin('space-retention', 'nowhere', '30'));
  assert.throws(() => admin('desk-retention', 'chu-exemple', '-1'));
  let r = await new Client(srv.url).req('GET', '/api/v1/spaces/diabete-type-1');
  assert.equal(r.data.audience.retention_days, 30, 'the page states the retention');
  m = await member('purge.moi');
  follower = await member('purge.suivi');
  r = await m.req('POST', '/api/v1/spaces/diabete-type-1/threads', { json: { title: 'Court zzqpurgecourt', body: 'Gardé trente jours zzqpurgecourt.' } });
  assert.equal(r.status, 201, r.text);
  shortThread = r.data.thread;
  r = await m.req('POST', '/api/v1/spaces/long-covid/threads', { json: { title: 'Kept thread zzqpurgekept', body: 'Kept until deleted zzqpurgekept.' } });
  assert.equal(r.status, 201, r.text);
  keptThread = r.data.thread;
  assert.ok((await follower.req('PUT', `/api/v1/threads/${keptThread}/follow`)).status < 300);
  r = await m.req('POST', `/api/v1/threads/${keptThread}/posts`, { json: { body: 'A reply that notifies.' } });
  assert.equal(r.status, 201, r.text);
  r = await follower.req('GET', '/api/v1/notifications');
  assert.ok(r.data.notifications.length >= 1, r.text);
  r = await m.req('POST', '/api/v1/institutions/chu-exemple/desk/requests', { json: { form: 'free', text: 'Une demande close.' } });
  resolved = r.data.id;
  r = await m.req('POST', '/api/v1/institutions/chu-exemple/desk/requests', { json: { form: 'free', text: 'Une demande ouverte.' } });
  open = r.data.id;
  cm = new Client(srv.url);
  assert.equal((await cm.login('accueil.chu', DEMO_PW)).status, 200);
  r = await cm.req('PATCH', `/api/v1/desk/requests/${resolved}`, { json: { status: 'resolved' } });
  assert.equal(r.status, 200, r.text);
});

test('10 days on: nothing of ours is due (older demo posts may be)', async () => {
  const c = purgeAt(10);
  assert.equal(c.notifications, 0);
  assert.ok(c.email_queue >= 1, 'the sign-ups\' confirmation e-mails are kept 7 days: ' + JSON.stringify(c));
  await settle();
  assert.equal((await new Client(srv.url).req('GET', `/api/v1/threads/${shortThread}`)).status, 200);
  assert.equal((await m.req('GET', `/api/v1/desk/requests/${resolved}`)).status, 200);
  assert.equal((await m.req('GET', '/api/v1/me')).status, 200, 'sessions last 14 days');
  assert.ok((await follower.req('GET', '/api/v1/notifications')).data.notifications.length >= 1);
});

test('31 days on: the space\'s posts, the resolved request and the sessions are gone', async () => {
  const c = purgeAt(31);
  assert.ok(c.posts >= 1 && c.threads >= 1, JSON.stringify(c));
  assert.ok(c.desk_requests >= 1, JSON.stringify(c));
  assert.ok(c.sessions >= 3, JSON.stringify(c));
  assert.equal(c.notifications, 0);
  assert.equal(c.email_queue, 0);
  await settle(10500);
  assert.equal((await m.req('GET', '/api/v1/me')).status, 401, 'expired sessions are purged');
  assert.equal((await m.login('purge.moi', PW)).status, 200);
  assert.equal((await new Client(srv.url).req('GET', `/api/v1/threads/${shortThread}`)).status, 404);
  let r = await new Client(srv.url).req('GET', `/api/v1/threads/${keptThread}`);
  assert.equal(r.status, 200, 'a space without retention keeps its threads');
  r = await new Client(srv.url).req('GET', '/api/v1/search?q=zzqpurgecourt');
  assert.equal(r.data.posts.length, 0);
  assert.equal((await m.req('GET', `/api/v1/desk/requests/${resolved}`)).status, 404);
  assert.equal((await m.req('GET', `/api/v1/desk/requests/${open}`)).status, 200, 'open requests stay');
  assert.equal((await follower.login('purge.suivi', PW)).status, 200);
  assert.ok((await follower.req('GET', '/api/v1/notifications')).data.notifications.length >= 1);
});

test('91 days on: notifications older than 90 days are gone', async () => {
  const c = purgeAt(91);
  assert.ok(c.notifications >= 1, JSON.stringify(c));
  assert.equal((await follower.login('purge.suivi', PW)).status, 200);
  const r = await follower.req('GET', '/api/v1/notifications');
  assert.equal(r.data.notifications.length, 0, r.text);
  assert.equal((await new Client(srv.url).req('GET', `/api/v1/threads/${keptThread}`)).status, 200);
});

test('bad clocks are refused', () => {
  assert.throws(() => admin('purge', '--now=yesterday'));
  assert.throws(() => admin('purge', '--later'));
});
