// tests/api/http_balance.test.mjs - new connections are dealt out to the HTTP thread holding
// the fewest (issue 13, src/http/http_accept.h). With threads that all accepted, chance gave
// one thread 42 of 64 keep-alive connections and the other 23, and the first answered its
// connections about twice as late. Here a server with 3 HTTP threads gets 12 connections,
// kept open, and its /metrics gauges must show 4 + 4 + 4 (and 5 on one thread while /metrics
// is asked over a 13th connection); then, once 6 are closed, the next 6 go where room is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, onPostgres, startServer } from '../lib/server.mjs';

// An open keep-alive connection that has been answered once (so the server holds it).
function openConn(port) {
  return new Promise((ok, ko) => {
    const s = connect(port, '127.0.0.1');
    let got = '';
    s.setEncoding('latin1');
    s.on('error', ko);
    s.on('connect', () => s.write('GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n'));
    s.on('data', (d) => {
      got += d;
      if (/\r\n\r\n/.test(got)) { s.removeAllListeners('data'); ok(s); }
    });
  });
}

async function gauges(url) {
  const text = await (await fetch(url + '/metrics', { headers: { connection: 'close' } })).text();
  return [...text.matchAll(/^entraide_http_connections\{thread="(\d+)"\} (-?\d+)$/gm)]
    .map((m) => Number(m[2]));
}

async function settle(url, want) {
  let g = [];
  for (let t = 0; t < 200; t++) {
    g = await gauges(url);
    if (g.reduce((a, b) => a + b, 0) === want) return g;
    await new Promise((r) => setTimeout(r, 10));
  }
  return g;
}

test('connections are spread evenly over the HTTP threads', async () => {
  const srv = await startServer({ args: ['--threads', '3'] });
  const conns = [];
  try {
    const port = Number(new URL(srv.url).port);
    for (let i = 0; i < 12; i++) conns.push(await openConn(port));
    let g = await settle(srv.url, 13); // the 12, and the one asking for /metrics
    assert.equal(g.length, 3, `one gauge per HTTP thread: ${g}`);
    assert.deepEqual([...g].sort(), [4, 4, 5], `12 connections (+1) over 3 threads: ${g}`);
    for (const s of conns.splice(0, 6)) s.destroy();
    g = await settle(srv.url, 7);
    assert.equal(g.reduce((a, b) => a + b, 0), 7, `closed connections leave the gauges: ${g}`);
    for (let i = 0; i < 6; i++) conns.push(await openConn(port));
    g = await settle(srv.url, 13);
    assert.ok(Math.max(...g) - Math.min(...g) <= 1, `new connections fill the emptiest threads: ${g}`);
  } finally {
    for (const s of conns) s.destroy();
    await srv.stop();
  }
});

test('a port already in use is refused at start',
  { skip: onPostgres('the data directory alone names no database there') }, async () => {
  const a = await startServer({});
  const data = mkdtempSync(join(tmpdir(), 'entraide-port-'));
  try {
    const r = spawnSync(BIN, ['serve', '--data', data, '--listen', `127.0.0.1:${a.port}`],
      { timeout: 20000, encoding: 'utf8' });
    assert.equal(r.signal, null, 'serve stopped by itself');
    assert.notEqual(r.status, 0, 'serve fails when its port is taken');
    assert.equal((await fetch(a.url + '/healthz')).status, 200, 'the first server still answers');
  } finally {
    rmSync(data, { recursive: true, force: true });
    await a.stop();
  }
});
