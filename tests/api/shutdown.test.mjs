// tests/api/shutdown.test.mjs - SIGTERM lets the request in flight finish, then exits 0 with
// the database closed cleanly (its WAL checkpointed).
// test alone (Makefile, api-test): it sends a signal. SIGTERM is sent once the server counts the
// log-in in flight (entraide_http_requests_in_flight in /metrics, the metrics request included),
// not after a fixed delay, which a loaded machine can outrun.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';

test('SIGTERM during a log-in: the log-in completes, the exit is clean', async () => {
  const srv = await startServer({ demo: true });
  try {
    await drainedLogIn(srv);
  } finally {
    await srv.stop(); // also when an assertion failed: a live server would keep the test waiting
  }
});

async function drainedLogIn(srv) {
  const logIn = () => fetch(srv.url + '/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'alice', password: 'demo-entraide-2026' }),
  });
  // The password hash runs on a server thread: a /metrics request the server gives to that same
  // thread waits for the log-in, then finds it answered. Such a try proves nothing about the
  // drain, so another log-in is sent.
  let pending = null;
  for (let attempt = 0; attempt < 10 && !pending; attempt++) {
    let done = false;
    const p = logIn().then((r) => { done = true; return r; });
    for (;;) {
      const m = (await (await fetch(srv.url + '/metrics')).text()).match(/^entraide_http_requests_in_flight (\d+)$/m);
      assert.ok(m, 'the in-flight gauge is in /metrics');
      if (Number(m[1]) >= 2 && !done) { pending = p; break; } // the log-in and this request
      if (done) { await p; break; }
      await new Promise((r) => setTimeout(r, 2));
    }
  }
  assert.ok(pending, 'a log-in was seen in flight');
  srv.child.kill('SIGTERM');
  const res = await pending;
  assert.equal(res.status, 200);
  assert.ok((await res.json()).csrf_token);
  const data = srv.data;
  const wal = join(data, 'entraide.db-wal');
  const exit = srv.child.exitCode !== null ? srv.child.exitCode
    : await new Promise((ok) => srv.child.on('exit', (code) => ok(code)));
  assert.equal(exit, 0);
  assert.ok(!existsSync(wal) || statSync(wal).size === 0, 'WAL checkpointed on close');
  await assert.rejects(fetch(srv.url + '/healthz'));
}
