// tests/api/password_threads.test.mjs - Argon2id runs on serve's hashing threads, not on the
// HTTP threads (issue 13): a thread page is answered while log-ins are being checked.
// The server has ONE HTTP thread (--threads 1). Six log-ins (about 0.1 s of Argon2id each) are
// sent, then, once they are in flight, a visitor's thread page. Had the HTTP thread hashed, the
// page would wait behind every log-in already read; with the hashing threads, it answers while
// log-ins are still waiting. Ordering, not timing, is what the test checks.
// test alone: several Argon2id hashes at once; the ordering it checks needs a quiet machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';

const LOGINS = 6;

async function inFlight(url) {
  const m = (await (await fetch(url + '/metrics')).text()).match(/^entraide_http_requests_in_flight (\d+)$/m);
  assert.ok(m, 'the in-flight gauge is in /metrics');
  return Number(m[1]) - 1; // not this request
}

test('a page is answered while log-ins are hashing', async () => {
  const srv = await startServer({ demo: true, args: ['--threads', '1'] });
  try {
    const spaces = await (await fetch(srv.url + '/api/v1/spaces')).json();
    const slug = spaces.spaces.find((s) => s.visibility === 'public' && s.threads > 0).slug;
    let done = 0;
    const logIns = [];
    for (let i = 0; i < LOGINS; i++) {
      logIns.push(fetch(srv.url + '/api/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'alice', password: i % 2 ? 'demo-entraide-2026' : 'wrong password!!' }),
      }).then(async (r) => { done++; return r.status; }));
    }
    // wait until the server holds them (suspended while they hash)
    for (let t = 0; t < 500 && (await inFlight(srv.url)) < LOGINS && done < LOGINS; t++)
      await new Promise((r) => setTimeout(r, 5));
    const page = await fetch(`${srv.url}/api/v1/spaces/${slug}`);
    const doneAtPage = done;
    assert.equal(page.status, 200);
    const statuses = await Promise.all(logIns);
    assert.deepEqual(statuses.sort(), [200, 200, 200, 401, 401, 401]);
    assert.ok(doneAtPage < LOGINS,
      `the page waited for all ${LOGINS} log-ins (answered after ${doneAtPage}): hashing ran on the HTTP thread`);
  } finally {
    await srv.stop();
  }
});

const send = (url, method, path, body, headers = {}) => fetch(url + path, {
  method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
});

test('a password change and a sign-up still work through the hashing threads', async () => {
  const srv = await startServer({ args: ['--threads', '1'] });
  try {
    const signUp = await send(srv.url, 'POST', '/api/v1/accounts',
      { handle: 'hibou_gris', email: 'h@example.org', password: 'first password here' });
    assert.equal(signUp.status, 201);
    const logIn = await send(srv.url, 'POST', '/api/v1/session', { login: 'hibou_gris', password: 'first password here' });
    assert.equal(logIn.status, 200);
    const { csrf_token: csrf } = await logIn.json();
    const cookie = logIn.headers.get('set-cookie').split(';')[0];
    const change = await send(srv.url, 'PUT', '/api/v1/me/password',
      { current_password: 'first password here', new_password: 'second password here' },
      { cookie, 'x-csrf-token': csrf });
    assert.equal(change.status, 204);
    const old = await send(srv.url, 'POST', '/api/v1/session', { login: 'hibou_gris', password: 'first password here' });
    assert.equal(old.status, 401);
    const again = await send(srv.url, 'POST', '/api/v1/session', { login: 'hibou_gris', password: 'second password here' });
    assert.equal(again.status, 200);
  } finally {
    await srv.stop();
  }
});
