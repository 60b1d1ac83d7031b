// tests/lib/server.mjs - starts an entraide server for a test file and stops it afterwards.
//
//   const srv = await startServer({ demo: true });   // fresh data dir, free loopback port
//   const res = await fetch(srv.url + '/healthz');
//   await srv.stop();                                // SIGTERM, waits for a clean exit
//   srv.log()                                        // stderr so far (with { captureLog: true })
//
// Each call gets its own temporary data directory, removed by stop().
//
// `entraide demo` takes seconds (an Argon2 hash per demo account). When ENTRAIDE_DEMO_CACHE
// names a directory (`make api-test` and `make e2e` empty one of the build tree before their
// run), the first demo server of the run makes the demo data there once, and every demo server
// starts from its own copy of it: a fresh data directory all the same.
//
// On PostgreSQL (`make pg-api-test`: inside scripts/pg-test-cluster.sh run, ENTRAIDE_PG_HOST set)
// each server also gets a fresh database of its own (`--database`, srv.database), dropped by
// stop(); the demo data is then a data directory plus a template database it names
// (pg-database), and each demo server's database is a copy of that template.
import { spawn, execFileSync } from 'node:child_process';
import {
  cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REAL_BIN = resolve(process.env.ENTRAIDE_BIN || 'build/entraide');
// On PostgreSQL, a wrapper that runs the binary on the database of the --data directory given.
export const BIN = process.env.ENTRAIDE_PG_HOST
  ? resolve(new URL('.', import.meta.url).pathname, 'pg_entraide.sh') : REAL_BIN;
if (process.env.ENTRAIDE_PG_HOST) process.env.ENTRAIDE_REAL_BIN = REAL_BIN;

// A test that cannot run on PostgreSQL says why: test(name, { skip: onPostgres('why') }, fn).
export function onPostgres(why) {
  return process.env.ENTRAIDE_PG_HOST ? why : false;
}

export function freePort() {
  return new Promise((ok, ko) => {
    const s = createServer();
    s.unref();
    s.on('error', ko);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

const PG = process.env.ENTRAIDE_PG_HOST ? {
  host: process.env.ENTRAIDE_PG_HOST,
  bin: process.env.ENTRAIDE_PG_BIN,
  uri: (name) => `postgresql:///${name}?host=${process.env.ENTRAIDE_PG_HOST}&user=entraide`,
} : null;
let pgSeq = 0;

// A new empty database (a copy of template when given) in the test cluster; its name.
function pgCreate(template) {
  const name = `t${process.pid}_${++pgSeq}_${Math.random().toString(36).slice(2, 8)}`;
  execFileSync(join(PG.bin, 'createdb'), ['-h', PG.host, '-U', 'entraide', ...(template ? ['-T', template] : []), name],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  return name;
}

function pgDrop(name) {
  try {
    execFileSync(join(PG.bin, 'dropdb'), ['-h', PG.host, '-U', 'entraide', '--force', '--if-exists', name],
      { stdio: ['ignore', 'ignore', 'ignore'] });
  } catch { /* the cluster goes away at the end of the run anyway */ }
}

function runDemo(data) {
  if (PG) writeFileSync(join(data, 'pg-database'), pgCreate());
  execFileSync(BIN, ['demo', '--data', data], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// Fills the empty directory `data` with the demo data: a copy of the run's demo directory, made
// first if needed (named after the binary, so a rebuilt one never gets an older binary's data).
// Two test files starting at once may both make it: one rename wins, the other copy is dropped.
function demoData(data) {
  const cache = process.env.ENTRAIDE_DEMO_CACHE;
  if (!cache) return runDemo(data);
  const bin = statSync(REAL_BIN);
  const made = join(resolve(cache), `demo-${bin.size}-${Math.floor(bin.mtimeMs)}`);
  try {
    statSync(join(made, PG ? 'pg-database' : 'entraide.db'));
  } catch {
    mkdirSync(cache, { recursive: true });
    const tmp = mkdtempSync(join(resolve(cache), 'making-'));
    runDemo(tmp);
    try {
      renameSync(tmp, made);
    } catch (e) {
      if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
      if (PG) pgDrop(readFileSync(join(tmp, 'pg-database'), 'utf8'));
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  cpSync(made, data, { recursive: true });
}

// nodeOf: another node of that server's instance (PostgreSQL only): its database, a copy of
// its keys and its media directory (a symbolic link); its stop() leaves the database.
export async function startServer({ demo = false, args = [], env = {}, captureLog = false, nodeOf = null } = {}) {
  const data = mkdtempSync(join(tmpdir(), 'entraide-test-'));
  if (nodeOf) {
    if (!PG) throw new Error('a second node needs PostgreSQL (make pg-api-test)');
    cpSync(join(nodeOf.data, 'keys'), join(data, 'keys'), { recursive: true });
    symlinkSync(join(nodeOf.data, 'media'), join(data, 'media'));
    writeFileSync(join(data, 'pg-database'), readFileSync(join(nodeOf.data, 'pg-database')));
  } else if (demo) demoData(data);
  let database = null;
  if (PG && !nodeOf) { // the wrapper (BIN) reads it: serve, and any command a test runs on this directory
    const template = demo ? readFileSync(join(data, 'pg-database'), 'utf8') : null;
    database = pgCreate(template);
    if (template && !process.env.ENTRAIDE_DEMO_CACHE) pgDrop(template); // made for this one
    writeFileSync(join(data, 'pg-database'), database);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(BIN, ['serve', '--data', data, '--listen', `127.0.0.1:${port}`, ...args], {
    stdio: ['ignore', 'ignore', captureLog ? 'pipe' : process.env.ENTRAIDE_TEST_LOG ? 'inherit' : 'ignore'],
    // Test suites sign up many accounts from one address: the sign-up limit is raised unless
    // a test sets it (flag or env) to check it.
    env: { ENTRAIDE_SIGNUP_LIMIT: '1000', ...process.env, ...env },
  });
  let log = '';
  if (captureLog) child.stderr.on('data', (d) => { log += d.toString('utf8'); });
  let exited = null;
  const exitPromise = new Promise((ok) => child.on('exit', (code, signal) => { exited = { code, signal }; ok(exited); }));
  const deadline = Date.now() + 15000;
  for (;;) {
    if (exited) throw new Error(`entraide serve exited early: ${JSON.stringify(exited)}`);
    try {
      const r = await fetch(url + '/healthz');
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error('entraide serve did not start'); }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url, port, data, child, database: database && PG.uri(database),
    log: () => log,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      const r = await exitPromise;
      rmSync(data, { recursive: true, force: true });
      if (database) pgDrop(database);
      return r;
    },
  };
}
