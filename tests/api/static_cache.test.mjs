// The embedded front end is revalidated by entity tag: no stale modules after an upgrade,
// and no body sent again when nothing changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../lib/server.mjs';

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

for (const path of ['/static/app.js', '/', '/settings']) {
  test(`${path} carries an ETag and answers 304 when it matches`, async () => {
    const first = await fetch(srv.url + path);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    const etag = first.headers.get('etag');
    assert.match(etag, /^"[0-9a-f]{24}"$/);
    await first.arrayBuffer();
    const again = await fetch(srv.url + path, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal((await again.arrayBuffer()).byteLength, 0);
    assert.ok(again.headers.get('content-security-policy'), 'security headers on a 304 too');
    const other = await fetch(srv.url + path, { headers: { 'If-None-Match': '"0000"' } });
    assert.equal(other.status, 200);
    assert.ok((await other.arrayBuffer()).byteLength > 0);
  });
}

test('an unknown static file is still 404', async () => {
  const r = await fetch(srv.url + '/static/nope.js');
  assert.equal(r.status, 404);
});
