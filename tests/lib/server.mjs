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
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BIN = resolve(process.env.ENTRAIDE_BIN || 'build/entraide');

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

function runDemo(data) {
  execFileSync(BIN, ['demo', '--data', data], { stdio: ['ignore', 'ignore', 'inherit'] });
}

// Fills the empty directory `data` with the demo data: a copy of the run's demo directory, made
// first if needed (named after the binary, so a rebuilt one never gets an older binary's data).
// Two test files starting at once may both make it: one rename wins, the other copy is dropped.
function demoData(data) {
  const cache = process.env.ENTRAIDE_DEMO_CACHE;
  if (!cache) return runDemo(data);
  const bin = statSync(BIN);
  const made = join(resolve(cache), `demo-${bin.size}-${Math.floor(bin.mtimeMs)}`);
  try {
    statSync(join(made, 'entraide.db'));
  } catch {
    mkdirSync(cache, { recursive: true });
    const tmp = mkdtempSync(join(resolve(cache), 'making-'));
    runDemo(tmp);
    try {
      renameSync(tmp, made);
    } catch (e) {
      if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  cpSync(made, data, { recursive: true });
}

export async function startServer({ demo = false, args = [], env = {}, captureLog = false } = {}) {
  const data = mkdtempSync(join(tmpdir(), 'entraide-test-'));
  if (demo) demoData(data);
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
    url, port, data, child,
    log: () => log,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      const r = await exitPromise;
      rmSync(data, { recursive: true, force: true });
      return r;
    },
  };
}
