// tests/api/config.test.mjs - settings precedence (flag > environment > config file) and the
// cookie behind a TLS-terminating proxy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../lib/server.mjs';
import { Client } from './helpers.mjs';

test('flag wins over environment, environment over config file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'entraide-conf-'));
  const file = join(dir, 'entraide.conf');
  writeFileSync(file, '# test\nname = Depuis le fichier\ndescription = "Fichier"\nregistration_open = false\n');
  try {
    let srv = await startServer({ args: ['--config', file], env: { ENTRAIDE_NAME: 'Depuis l\'environnement' } });
    let r = await new Client(srv.url).req('GET', '/api/v1/instance');
    assert.equal(r.data.name, 'Depuis l\'environnement');
    assert.equal(r.data.description, 'Fichier');
    assert.equal(r.data.registration_open, false);
    r = await new Client(srv.url).req('POST', '/api/v1/accounts', { json: { handle: 'closed', email: 'c@example.org', password: 'long enough pw' } });
    assert.equal(r.status, 403);
    assert.equal((await srv.stop()).code, 0);
    srv = await startServer({ args: ['--config', file, '--name', 'Depuis le drapeau'], env: { ENTRAIDE_NAME: 'env' } });
    r = await new Client(srv.url).req('GET', '/api/v1/instance');
    assert.equal(r.data.name, 'Depuis le drapeau');
    await srv.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('behind a TLS proxy the session cookie is Secure and __Host- prefixed', async () => {
  const srv = await startServer({ demo: true, args: ['--trust-proxy-tls'] });
  try {
    const c = new Client(srv.url);
    const r = await c.login('alice', 'demo-entraide-2026');
    assert.equal(r.status, 200);
    const cookie = r.headers.get('set-cookie');
    assert.match(cookie, /^__Host-entraide_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+; Secure$/);
    assert.equal((await c.req('GET', '/api/v1/me')).status, 200);
    // the plain name is not accepted there
    const plain = new Client(srv.url);
    plain.cookie = c.cookie.replace('__Host-', '');
    assert.equal((await plain.req('GET', '/api/v1/me')).status, 401);
  } finally {
    await srv.stop();
  }
});

test('sign-ups are limited per client address', async () => {
  const srv = await startServer({ args: ['--signup-limit', '2'] });
  try {
    const c = new Client(srv.url);
    const signup = (h) => c.req('POST', '/api/v1/accounts', { json: { handle: h, email: `${h}@example.org`, password: 'long enough pw' } });
    assert.equal((await signup('first')).status, 201);
    assert.equal((await signup('second')).status, 201);
    const r = await signup('third');
    assert.equal(r.status, 429);
    assert.equal(r.data.type, '/problems/rate-limited');
    assert.ok(Number(r.headers.get('retry-after')) > 0);
  } finally {
    await srv.stop();
  }
});

test('behind a TLS proxy, log-in limits count per forwarded client address', async () => {
  const srv = await startServer({ demo: true, args: ['--trust-proxy-tls'] });
  try {
    const from = (ip) => ({ 'x-forwarded-for': `203.0.113.9, ${ip}` });
    const login = (who, ip, pw = 'wrong password!') => new Client(srv.url).req('POST', '/api/v1/session', { json: { login: who, password: pw }, headers: from(ip) });
    // 30 failures from one client (on unknown logins, so no account limit is reached) ...
    for (let i = 0; i < 30; i++) assert.equal((await login(`nobody${i}`, '198.51.100.7')).status, 401);
    assert.equal((await login('alice', '198.51.100.7', 'demo-entraide-2026')).status, 429);
    // ... do not lock out another client behind the same proxy
    assert.equal((await login('alice', '198.51.100.8', 'demo-entraide-2026')).status, 200);
  } finally {
    await srv.stop();
  }
});
