// tests/api/backup.test.mjs - issue 18, backups honour deletion: a copy carries its expiry
// (restore refuses it afterwards), and restoring a copy made before an account was deleted
// deletes that account again (the tombstone list, keyed hashes only). On both engines (make
// api-test, make pg-api-test): a copy is an SQLite file either way, and one made on PostgreSQL
// restores onto a new SQLite data directory too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, freePort, BIN } from '../lib/server.mjs';
import { newMember } from './helpers.mjs';

const PW = 'correct horse battery';
let srv, tmp, again;
before(async () => {
  srv = await startServer();
  tmp = mkdtempSync(join(tmpdir(), 'entraide-backup-'));
});
after(async () => {
  if (again) again.child.kill('SIGTERM');
  await srv.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const run = (...args) => spawnSync(BIN, args, { encoding: 'utf8' });
// The binary itself, not the wrapper that points a data directory at its PostgreSQL database.
const REAL = process.env.ENTRAIDE_REAL_BIN || BIN;

// serve on the data directory again (after a restore); the child.
async function serveAgain(data) {
  const port = await freePort();
  const child = spawn(BIN, ['serve', '--data', data, '--listen', `127.0.0.1:${port}`], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try { if ((await fetch(url + '/healthz')).ok) return { child, url }; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('serve did not start again');
}

function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [readFileSync(p).toString('latin1')];
  });
}

test('a restored backup deletes again the accounts deleted since; an expired one is refused', async () => {
  const gone = await newMember(srv.url, 'bk.parti');
  const kept = await newMember(srv.url, 'bk.reste');
  const backup = join(tmp, 'old.db');
  let out = run('backup', '--data', srv.data, '--expires', '30', backup);
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /expires in 30 days/);
  assert.equal(statSync(backup).mode & 0o777, 0o600);
  assert.equal(readFileSync(backup).subarray(0, 15).toString(), 'SQLite format 3', 'one format on both engines');
  assert.equal(run('backup', '--data', srv.data, '--expires', '0', join(tmp, 'x.db')).status, 2);
  assert.ok(files(tmp).some((b) => b.includes('bk.parti')), 'the copy holds the account');
  const goneSession = gone.cookie; // the copy holds this session too
  assert.ok(goneSession);
  let r = await gone.req('DELETE', '/api/v1/me', { json: { password: PW, posts: 'delete' } });
  assert.equal(r.status, 204, r.text);
  assert.equal((await kept.req('GET', '/api/v1/me')).status, 200);
  srv.child.kill('SIGTERM');
  await new Promise((ok) => srv.child.once('exit', ok));

  const day = 86400, now = Math.floor(Date.now() / 1000);
  out = run('backup', 'restore', '--data', srv.data, `--now=${now + 31 * day}`, backup);
  assert.equal(out.status, 1, 'expired copies are refused');
  assert.match(out.stderr, /expired/);
  out = run('backup', 'restore', '--data', srv.data, backup);
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(JSON.parse(out.stdout), { restored: true, expired: false, accounts_deleted_again: 1 });
  const list = execFileSync(BIN, ['admin', '--data', srv.data, 'list']).toString();
  assert.match(list, /bk\.reste/);
  assert.doesNotMatch(list, /bk\.parti/);
  for (const f of files(srv.data)) assert.ok(!f.includes('bk.parti'), 'no file of the data directory holds the handle');
  // The tombstone stays in the restored database: a second restore deletes again.
  out = run('backup', 'restore', '--data', srv.data, backup);
  assert.equal(JSON.parse(out.stdout).accounts_deleted_again, 1);
  // The restored instance serves: the deleted member's session, restored with the copy, is
  // gone again with the account; the other member's still works.
  again = await serveAgain(srv.data);
  Object.assign(gone, { base: again.url, cookie: goneSession });
  kept.base = again.url;
  assert.equal((await gone.req('GET', '/api/v1/me')).status, 401);
  assert.equal((await kept.req('GET', '/api/v1/me')).status, 200);

  // The format is the engine's own on neither side: the copy restores onto a new SQLite data
  // directory too (made on PostgreSQL under make pg-api-test), with its own empty tombstones.
  const fresh = join(tmp, 'fresh');
  execFileSync(REAL, ['admin', '--data', fresh, 'list'], { stdio: 'ignore' });
  out = spawnSync(REAL, ['backup', 'restore', '--data', fresh, backup], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  assert.equal(JSON.parse(out.stdout).accounts_deleted_again, 0);
  const moved = execFileSync(REAL, ['admin', '--data', fresh, 'list']).toString();
  assert.match(moved, /bk\.parti/);
  assert.match(moved, /bk\.reste/);

  // Anything else is refused, saying so, and leaves nothing behind.
  const junk = join(tmp, 'junk.db');
  writeFileSync(junk, 'not a database');
  out = run('backup', 'restore', '--data', srv.data, junk);
  assert.equal(out.status, 2, out.stderr);
  assert.match(out.stderr, /not an SQLite database/);
  assert.ok(!readdirSync(srv.data).includes('entraide.db.restore'));
});
