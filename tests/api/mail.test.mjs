// tests/api/mail.test.mjs - e-mail through a real SMTP conversation (tests/lib/smtp_sink.mjs):
// confirmation at sign-up, password reset end to end (single use, every session ended), the
// limits, the administrator's view of the queue (no address nor link), SMTP credentials.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, BIN } from '../lib/server.mjs';
import { startSmtpSink, linkIn } from '../lib/smtp_sink.mjs';
import { Client, assertProblem } from './helpers.mjs';

const DEMO_PASSWORD = 'demo-entraide-2026';
let srv, sink;

before(async () => {
  sink = await startSmtpSink();
  srv = await startServer({ demo: true, args: ['--smtp', sink.url] });
});
after(async () => { await srv.stop(); await sink.stop(); });

const to = (addr) => (m) => m.to.includes(addr);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function signUp(handle, email, locale = 'fr') {
  const c = new Client(srv.url);
  const r = await c.req('POST', '/api/v1/accounts', { json: { handle, email, password: 'un mot de passe long', locale } });
  assert.equal(r.status, 201, r.text);
  return c;
}

async function confirm(email) {
  const m = await sink.waitFor((x) => to(email)(x) && x.body.includes('/confirm-email/'));
  const link = linkIn(m, srv.url);
  assert.ok(link, m.body);
  const r = await new Client(srv.url).req('POST', '/api/v1/email-confirmations/' + link.split('/').pop());
  assert.equal(r.status, 204, r.text);
  return m;
}

test('sign-up sends a confirmation link in the account language; it works once', async () => {
  await signUp('ardoise.one', 'camille@example.org');
  const m = await sink.waitFor(to('camille@example.org'));
  assert.equal(m.subject, 'Confirmez votre adresse e-mail');
  assert.match(m.headers['content-type'], /text\/plain; charset=UTF-8/);
  assert.match(m.headers.from, /noreply@/);
  const link = linkIn(m, srv.url);
  assert.match(link, /\/confirm-email\/[A-Za-z0-9_-]{43}$/);
  const c = new Client(srv.url);
  assert.equal((await c.login('ardoise.one', 'un mot de passe long')).status, 200, 'the account works at once');
  assert.equal((await c.req('GET', '/api/v1/me')).data.email_confirmed, false);
  const token = link.split('/').pop();
  assert.equal((await new Client(srv.url).req('POST', '/api/v1/email-confirmations/' + token)).status, 204);
  assertProblem(await new Client(srv.url).req('POST', '/api/v1/email-confirmations/' + token), 410, 'link-invalid');
  assert.equal((await c.req('GET', '/api/v1/me')).data.email_confirmed, true);
  // an English account gets English words
  await signUp('heron.two', 'robin@example.org', 'en');
  const e = await sink.waitFor(to('robin@example.org'));
  assert.equal(e.subject, 'Confirm your e-mail address');
  assert.match(e.body, /To confirm the e-mail address/);
});

test('password reset end to end: link by e-mail, new password, every session ended, once', async () => {
  const a = await signUp('galet.three', 'galet@example.org');
  // before the address is confirmed: 202 and no reset e-mail
  assert.equal((await new Client(srv.url).req('POST', '/api/v1/password-resets', { json: { login: 'galet.three' } })).status, 202);
  await confirm('galet@example.org');
  assert.equal((await a.login('galet.three', 'un mot de passe long')).status, 200);
  const b = new Client(srv.url);
  assert.equal((await b.login('galet@example.org', 'un mot de passe long')).status, 200);
  const before = sink.messages.length;
  const r = await new Client(srv.url).req('POST', '/api/v1/password-resets', { json: { login: 'Galet@Example.org' } });
  assert.equal(r.status, 202);
  assert.equal(r.text, '');
  const m = await sink.waitFor((x) => to('galet@example.org')(x) && x.body.includes('/password-reset/'));
  assert.equal(sink.messages.filter((x) => to('galet@example.org')(x) && x.body.includes('/password-reset/')).length, 1,
    'no reset e-mail was sent while the address was unconfirmed');
  assert.ok(sink.messages.length > before);
  assert.equal(m.subject, 'Choisir un nouveau mot de passe');
  assert.match(m.body, /30 minutes/);
  const link = linkIn(m, srv.url);
  assert.match(link, new RegExp('^' + srv.url + '/password-reset/[A-Za-z0-9_-]{43}$'));
  const token = link.split('/').pop();
  const anon = new Client(srv.url);
  const short = await anon.req('POST', `/api/v1/password-resets/${token}`, { json: { password: 'court' } });
  assertProblem(short, 422, 'validation');
  const ok = await anon.req('POST', `/api/v1/password-resets/${token}`, { json: { password: 'un tout nouveau secret' } });
  assert.equal(ok.status, 204, ok.text);
  assertProblem(await a.req('GET', '/api/v1/me'), 401, 'unauthenticated');
  assertProblem(await b.req('GET', '/api/v1/me'), 401, 'unauthenticated');
  assert.equal((await new Client(srv.url).login('galet.three', 'un mot de passe long')).status, 401);
  assert.equal((await new Client(srv.url).login('galet.three', 'un tout nouveau secret')).status, 200);
  assertProblem(await anon.req('POST', `/api/v1/password-resets/${token}`, { json: { password: 'encore un autre secret' } }), 410, 'link-invalid');
  assertProblem(await anon.req('POST', '/api/v1/password-resets/not-a-token', { json: { password: 'encore un autre secret' } }), 410, 'link-invalid');
});

test('an unknown login gets the same 202 and no e-mail; a new link replaces the previous one', async () => {
  const n = sink.messages.length;
  const r = await new Client(srv.url).req('POST', '/api/v1/password-resets', { json: { login: 'personne@example.org' } });
  assert.equal(r.status, 202);
  assert.equal(r.text, '');
  await signUp('sapin.four', 'eden@example.org');
  await confirm('eden@example.org');
  for (let i = 0; i < 2; i++)
    assert.equal((await new Client(srv.url).req('POST', '/api/v1/password-resets', { json: { login: 'sapin.four' } })).status, 202);
  await sink.waitFor(() => sink.messages.filter((x) => to('eden@example.org')(x) && x.body.includes('/password-reset/')).length === 2);
  await sleep(300);
  assert.equal(sink.messages.slice(n).filter(to('personne@example.org')).length, 0);
  const links = sink.messages.filter((x) => to('eden@example.org')(x) && x.body.includes('/password-reset/')).map((x) => linkIn(x, srv.url).split('/').pop());
  const c = new Client(srv.url);
  assertProblem(await c.req('POST', `/api/v1/password-resets/${links[0]}`, { json: { password: 'un tout nouveau secret' } }), 410, 'link-invalid');
  assert.equal((await c.req('POST', `/api/v1/password-resets/${links[1]}`, { json: { password: 'un tout nouveau secret' } })).status, 204);
});

test('the administrator sees the queue without any address or link; the database keeps neither once sent', async () => {
  const admin = new Client(srv.url);
  assert.equal((await admin.login('admin', DEMO_PASSWORD)).status, 200);
  const r = await admin.req('GET', '/api/v1/admin/mail-queue');
  assert.equal(r.status, 200);
  assert.equal(r.data.smtp_configured, true);
  assert.ok(r.data.counts.sent >= 5, JSON.stringify(r.data.counts));
  const m = r.data.messages[0];
  for (const k of ['id', 'template', 'locale', 'status', 'attempts', 'created_at', 'next_at', 'done_at', 'last_error']) assert.ok(k in m, k);
  assert.ok(r.data.messages.some((x) => x.template === 'password_reset' && x.status === 'sent'));
  assert.doesNotMatch(r.text, /@example\.org|confirm-email|password-reset\//);
  for (const x of sink.messages) assert.ok(!r.text.includes(linkIn(x, srv.url).split('/').pop()));
  const member = new Client(srv.url);
  await member.login('alice', DEMO_PASSWORD);
  assertProblem(await member.req('GET', '/api/v1/admin/mail-queue'), 403, 'forbidden');
  const db = join(srv.data, 'entraide.db');
  const left = execFileSync('sqlite3', [db, "SELECT count(*) FROM mail_queue WHERE status <> 'pending' AND (to_enc IS NOT NULL OR link_enc IS NOT NULL)"]).toString().trim();
  assert.equal(left, '0');
  const tokens = execFileSync('sqlite3', [db, 'SELECT count(*) FROM email_tokens']).toString().trim();
  assert.ok(Number(tokens) >= 1, 'unused confirmation links stay until they expire');
});

test('reset requests are limited per account (quietly) and per client address (429)', async () => {
  await signUp('comete.five', 'flo@example.org');
  await confirm('flo@example.org');
  const codes = [];
  for (let i = 0; i < 12; i++) {
    const r = await new Client(srv.url).req('POST', '/api/v1/password-resets', { json: { login: 'comete.five' } });
    codes.push(r.status);
    if (r.status === 429) {
      assertProblem(r, 429, 'rate-limited');
      assert.ok(Number(r.headers.get('retry-after')) > 0);
    }
  }
  assert.ok(codes.includes(429), codes.join(','));
  await sleep(1500);
  const resets = sink.messages.filter((x) => to('flo@example.org')(x) && x.body.includes('/password-reset/'));
  assert.equal(resets.length, 3, 'three reset e-mails per account per hour');
});

test('SMTP credentials: the password from the environment or a file, never a flag', async () => {
  const authSink = await startSmtpSink({ user: 'entraide', password: 's3cret pass' });
  const s1 = await startServer({ args: ['--smtp', authSink.url, '--smtp-user', 'entraide'], env: { ENTRAIDE_SMTP_PASSWORD: 's3cret pass' } });
  try {
    assert.equal((await new Client(s1.url).req('POST', '/api/v1/accounts', { json: { handle: 'loutre.six', email: 'gael@example.org', password: 'un mot de passe long' } })).status, 201);
    const m = await authSink.waitFor(to('gael@example.org'));
    assert.equal(m.auth, 'entraide');
  } finally { await s1.stop(); }
  const file = join(srv.data, 'smtp-password');
  writeFileSync(file, 's3cret pass\n', { mode: 0o600 });
  const s2 = await startServer({ args: ['--smtp', authSink.url, '--smtp-user', 'entraide', '--smtp-password-file', file] });
  try {
    assert.equal((await new Client(s2.url).req('POST', '/api/v1/accounts', { json: { handle: 'nuage.seven', email: 'hana@example.org', password: 'un mot de passe long' } })).status, 201);
    assert.equal((await authSink.waitFor(to('hana@example.org'))).auth, 'entraide');
  } finally { await s2.stop(); await authSink.stop(); }
  const flag = spawnSync(BIN, ['serve', '--data', srv.data, '--smtp', 'smtp://127.0.0.1:1', '--smtp-password', 'x']);
  assert.equal(flag.status, 2, 'no --smtp-password flag');
  const clear = spawnSync(BIN, ['serve', '--data', srv.data, '--smtp', 'smtp://mail.example.org:25', '--smtp-user', 'u'], { env: { ...process.env, ENTRAIDE_SMTP_PASSWORD: 'x' } });
  assert.equal(clear.status, 2);
  assert.match(clear.stderr.toString(), /in clear/);
});
