// The embedded front end is revalidated by entity tag: no stale modules after an upgrade,
// and no body sent again when nothing changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { startServer } from '../lib/server.mjs';

// A GET whose body is read as sent (fetch would decompress it).
function raw(url, headers = {}) {
  return new Promise((ok, ko) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', ko).end();
  });
}

let srv;
before(async () => { srv = await startServer(); });
after(async () => { await srv.stop(); });

for (const path of ['/static/app.js', '/', '/settings']) {
  test(`${path} carries an ETag and answers 304 when it matches`, async () => {
    const first = await fetch(srv.url + path);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('cache-control'), 'no-cache');
    const etag = first.headers.get('etag');
    assert.match(etag, /^"[0-9a-f]{24}(-gz)?"$/);
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

// Static files are sent gzip-compressed (made at build time) to clients that accept it, with
// Vary: Accept-Encoding; other clients get the bytes as they are.
for (const path of ['/static/app.js', '/static/style.css', '/static/i18n/fr.js', '/']) {
  test(`${path} is sent compressed when the client accepts gzip`, async () => {
    const plain = await raw(srv.url + path, { 'Accept-Encoding': 'identity' });
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(plain.headers.vary || '', /Accept-Encoding/);
    for (const ae of ['gzip', 'gzip, deflate, br', 'br;q=1.0, gzip;q=0.8', '*']) {
      const gz = await raw(srv.url + path, { 'Accept-Encoding': ae });
      assert.equal(gz.status, 200, ae);
      assert.equal(gz.headers['content-encoding'], 'gzip', ae);
      assert.match(gz.headers.vary || '', /Accept-Encoding/);
      assert.ok(gz.body.length < plain.body.length * 0.9, `${path} ${gz.body.length} vs ${plain.body.length}`);
      assert.deepEqual(gunzipSync(gz.body), plain.body);
      assert.notEqual(gz.headers.etag, plain.headers.etag, 'each representation has its own tag');
      const again = await raw(srv.url + path, { 'Accept-Encoding': ae, 'If-None-Match': gz.headers.etag });
      assert.equal(again.status, 304);
    }
    for (const ae of ['gzip;q=0', 'deflate', 'br', 'gzip;q=0.000, br']) {
      const no = await raw(srv.url + path, { 'Accept-Encoding': ae });
      assert.equal(no.headers['content-encoding'], undefined, ae);
      assert.deepEqual(no.body, plain.body, ae);
    }
  });
}

// The shell is in the visitor's language from the first byte: <html lang> and the skip link
// follow Accept-Language (French by default), and the cache is told so.
test('the shell follows Accept-Language', async () => {
  const cases = [['en-US,en;q=0.9', 'en'], ['en-GB', 'en'], ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE', 'fr'], ['de-DE,en;q=0.5', 'en'], [null, 'fr']];
  for (const [al, lang] of cases) {
    for (const path of ['/', '/c/diabete-type-1', '/t/1']) {
      const r = await raw(srv.url + path, al ? { 'Accept-Language': al, 'Accept-Encoding': 'gzip' } : {});
      const body = r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body).toString() : r.body.toString();
      assert.match(body, new RegExp(`^<!doctype html>\\n<html lang="${lang}">`), `${al} ${path}`);
      assert.ok(body.includes(lang === 'en' ? 'Skip to main content' : 'Aller au contenu principal'), `${al}`);
      assert.match(r.headers.vary || '', /Accept-Language/);
      // only the catalogue of the page's language is preloaded (and fetched: i18n.js)
      const catalogues = [...body.matchAll(/<link rel="modulepreload" href="\/static\/i18n\/(\w+)\.js">/g)].map((m) => m[1]);
      assert.deepEqual(catalogues, [lang], `${al} ${path}`);
    }
  }
  // an English shell is rewritten per request: it has its own tag, and a 304 when it matches
  const en = await raw(srv.url + '/', { 'Accept-Language': 'en', 'Accept-Encoding': 'gzip' });
  const fr = await raw(srv.url + '/', { 'Accept-Encoding': 'gzip' });
  assert.match(en.headers.etag, /^"[0-9a-f]{24}-gz"$/);
  assert.notEqual(en.headers.etag, fr.headers.etag);
  const again = await raw(srv.url + '/', { 'Accept-Language': 'en', 'Accept-Encoding': 'gzip', 'If-None-Match': en.headers.etag });
  assert.equal(again.status, 304);
  assert.equal((await fetch(srv.url + '/static/i18n/en.js')).status, 200);
});

// The API's JSON is gzipped for clients that accept it (issue 15: Lighthouse found it sent
// as is), with Vary; small answers and clients that do not ask get it plain.
test('API JSON is gzip-compressed when Accept-Encoding allows, with Vary', async () => {
  const demo = await startServer({ demo: true });
  try {
    const url = `${demo.url}/api/v1/threads/1`;
    const plain = await raw(url);
    assert.equal(plain.status, 200);
    assert.ok(plain.body.length >= 1024, `a page worth compressing (${plain.body.length} bytes)`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers.vary, 'Accept-Encoding');
    const gz = await raw(url, { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gz.headers.vary, 'Accept-Encoding');
    assert.equal(gz.headers['cache-control'], 'no-store');
    assert.ok(gz.body.length * 2 < plain.body.length, `${gz.body.length} bytes gzipped, ${plain.body.length} plain`);
    assert.deepEqual(JSON.parse(gunzipSync(gz.body).toString()), JSON.parse(plain.body.toString()));
    const refused = await raw(url, { 'Accept-Encoding': 'gzip;q=0, identity' });
    assert.equal(refused.headers['content-encoding'], undefined);
    const small = await raw(`${demo.url}/healthz`, { 'Accept-Encoding': 'gzip' });
    assert.equal(small.headers['content-encoding'], undefined, 'under 1 KiB: as it is');
    assert.deepEqual(JSON.parse(small.body.toString()), { status: 'ok' });
  } finally {
    await demo.stop();
  }
});

// The shell says whether the request carried a live session, so that a visitor's page does
// not ask /api/v1/me (a 401 in the console): <html data-member> for members only.
test('the shell marks a member\'s page, never a visitor\'s', async () => {
  const demo = await startServer({ demo: true });
  try {
    const visitor = await raw(`${demo.url}/c`);
    assert.match(visitor.body.toString(), /^<!doctype html>\n<html lang="fr">/);
    const login = await fetch(`${demo.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'alice', password: 'demo-entraide-2026' }) });
    assert.equal(login.status, 200);
    const cookie = login.headers.get('set-cookie').split(';')[0];
    const member = await raw(`${demo.url}/c`, { Cookie: cookie, 'Accept-Encoding': 'gzip' });
    const html = member.headers['content-encoding'] === 'gzip' ? gunzipSync(member.body).toString() : member.body.toString();
    assert.match(html, /^<!doctype html>\n<html lang="fr" data-member>/);
    assert.match(member.headers.vary, /Cookie/);
    const stale = await raw(`${demo.url}/c`, { Cookie: 'entraide_session=AAAA' });
    assert.match(stale.body.toString(), /^<!doctype html>\n<html lang="fr">/, 'an unknown session is a visitor');
    // a members' page preloads its modules and first GETs for a member only (a visitor is sent to log in)
    const queue = '<link rel="preload" as="fetch" crossorigin href="/api/v1/institutions/chu-exemple/desk/queue?status=open">';
    const desk = await raw(`${demo.url}/desk/chu-exemple/queue`, { Cookie: cookie });
    assert.ok(desk.body.toString().includes(queue), 'a member\'s desk queue preloads its list');
    assert.ok(desk.body.toString().includes('<link rel="modulepreload" href="/static/pages/desk_queue.js">'));
    const away = (await raw(`${demo.url}/desk/chu-exemple/queue`)).body.toString();
    assert.ok(!away.includes('href="/static/pages/desk_queue.js"'), 'nothing preloaded for a visitor');
    assert.ok(!away.includes(queue));
  } finally {
    await demo.stop();
  }
});

// The first paint waits for no stylesheet (issue 15): the embedded shell holds style.css in
// one <style> element, allowed under the strict CSP by the hash of its text (made at build
// time); nothing else is inline (no script, no style attribute), in either language.
test('the shell\'s inline stylesheet is allowed by its hash, and nothing else inline', async () => {
  const { createHash } = await import('node:crypto');
  for (const al of ['fr', 'en']) {
    const r = await raw(srv.url + '/t/1', { 'Accept-Language': al, 'Accept-Encoding': 'gzip' });
    const html = r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body).toString() : r.body.toString();
    const styles = [...html.matchAll(/<style( [^>]*)?>([\s\S]*?)<\/style>/g)];
    assert.equal(styles.length, 1, al);
    assert.ok(styles[0][2].includes('.site-header'), 'style.css is inline');
    const hash = createHash('sha256').update(styles[0][2]).digest('base64');
    const csp = r.headers['content-security-policy'];
    assert.ok(csp.includes(`style-src 'self' 'sha256-${hash}';`), `${al}: ${csp}`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-hashes/);
    assert.doesNotMatch(html, /<link rel="stylesheet"/, 'no stylesheet to wait for');
    assert.doesNotMatch(html, /\sstyle=/, 'no style attribute');
    // scripts come from files; the one inline block is data (never run, see below)
    for (const s of html.matchAll(/<script([^>]*)>/g)) assert.match(s[1], /\ssrc="\/static\/|^ type="application\/json" id="module-graph"$/);
  }
  assert.equal((await fetch(srv.url + '/static/style.css')).status, 200, 'the file stays (serve --web keeps the link)');
});

// A page's modules, stylesheets and first GETs are asked as the shell arrives, not after
// app.js has run (issue 15): the server writes into the shell of a path the preloads of the
// first route of routes.js that matches it (scripts/embed.py's table), its first GETs only
// without a query string (which changes what the page asks) and with plain parameters.
test('the shell of a path preloads its page\'s modules, stylesheet and first GETs', async () => {
  const head = async (path) => {
    const html = await (await fetch(srv.url + path)).text();
    return html.replace(/<script type="application\/json" id="module-graph">[^<]*<\/script>/, '');
  };
  // the module graph and the preloads are in the head, not in a comment (one </head>)
  const whole = await (await fetch(srv.url + '/t/12')).text();
  const before = whole.slice(0, whole.indexOf('<link rel="modulepreload" href="/static/pages/comm_thread.js">'));
  assert.equal(before.split('<!--').length, before.split('-->').length, 'no comment left open');
  assert.equal(whole.split('</head>').length, 2);
  const thread = await head('/t/12');
  assert.ok(thread.includes('<link rel="modulepreload" href="/static/pages/comm_thread.js">'), thread);
  assert.ok(thread.includes('<link rel="modulepreload" href="/static/pages/comm_i18n.js">'), 'its imports too');
  assert.ok(thread.includes('<link rel="preload" as="style" href="/static/pages/comm.css">'), 'its stylesheet, not render-blocking');
  assert.ok(thread.includes('<link rel="preload" as="fetch" crossorigin href="/api/v1/threads/12">'), 'its first GET');
  assert.deepEqual(await head('/t/12/'), thread, 'one trailing slash, as routes.js');
  assert.ok(!(await head('/t/12?after=40')).includes('/api/v1/threads/'), 'no first GET with a query string');
  assert.ok(!(await head('/t/a%22b')).includes('/api/v1/threads/'), 'nor with a parameter that is not a plain name');
  assert.ok(thread.includes('<link rel="preload" as="fetch" crossorigin href="/api/v1/instance">'), 'what every page asks');
  const home = await head('/');
  assert.ok(home.includes('<link rel="modulepreload" href="/static/pages/home.js">'));
  assert.ok(home.includes('href="/api/v1/spaces">') && home.includes('href="/api/v1/campaigns/current">'));
  assert.ok(!(await head('/nowhere/at/all')).includes('pages/'), 'an unknown path preloads no page');
  assert.ok(!(await head('/settings')).includes('pages/settings.js'), 'a members\' page, to a visitor: nothing');
  assert.ok((await head('/login')).includes('pages/login.js'));
});

// A page's modules come in one round trip, not one level of imports per round trip: the shell
// lists, for every route, the modules its page needs beyond the shell's (app.js preloads them).
test('the shell lists each route\'s modules, and they exist', async () => {
  const html = await (await fetch(srv.url + '/')).text();
  const m = html.match(/<script type="application\/json" id="module-graph">([^<]*)<\/script>/);
  assert.ok(m, 'the module graph is in the shell');
  const graph = JSON.parse(m[1]);
  assert.ok(graph['/t/:id'].includes('pages/comm_thread.js'));
  assert.ok(graph['/t/:id'].includes('pages/comm_i18n.js'), 'the page\'s imports too');
  assert.ok(graph['/t/:id'].includes('pages/comm.css'), 'and the stylesheet it adds');
  assert.ok(graph['/desk/:slug/queue'].includes('pages/desk.css'));
  assert.ok(graph['/'].includes('pages/learn_offer.js'), 'imports of imports too');
  assert.ok(!graph['/'].includes('dom.js'), 'not what the shell preloads');
  for (const url of new Set(Object.values(graph).flat())) {
    assert.equal((await fetch(`${srv.url}/static/${url}`)).status, 200, url);
  }
});
