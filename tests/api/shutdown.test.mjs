// tests/api/shutdown.test.mjs - SIGTERM lets the request in flight finish, then exits 0 with
// the database closed cleanly (its WAL checkpointed).
// test alone: the log-in must reach the server within the 40 ms before SIGTERM (Makefile,
// api-test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';

test('SIGTERM during a log-in: the log-in completes, the exit is clean', async () => {
  const srv = await startServer({ demo: true });
  const pending = fetch(srv.url + '/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'alice', password: 'demo-entraide-2026' }),
  });
  await new Promise((r) => setTimeout(r, 40)); // the password hash takes longer than this
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
  await srv.stop();
});
