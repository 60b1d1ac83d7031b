// pageload.test.mjs - the page-load budget (issue 15): every module the shell needs is fetched
// in one round trip (modulepreload, checked against the imports), static files are compressed,
// and the first-content time of the home page, a thread and the desk on a phone profile
// (Chromium's CPU x4 slowdown, "fast 3G") is REPORTED (t.diagnostic), never pass/fail on time:
// this machine is shared and timings are not a test.
// test alone: page loads under Chromium's CPU x4 slowdown and fast 3G, each bounded by 60 s,
// time out when another browser test shares the two cores (CI run 52: a thread page over 60 s)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { serverAndBrowser, newPage, assertNoProblems, logIn } from './lib.mjs';

const env = serverAndBrowser();

// The modules app.js imports statically, transitively (paths under web/).
function staticImports(file, seen = new Set()) {
  const src = readFileSync(join('web', file), 'utf8');
  for (const m of src.matchAll(/^\s*import\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    const dep = normalize(join(dirname(file), m[1]));
    if (!seen.has(dep)) {
      seen.add(dep);
      staticImports(dep, seen);
    }
  }
  return seen;
}

// ...and the catalogue of the shell's language (i18n.js imports it when the page starts; the
// server writes i18n/en.js in an English shell).
test('the shell preloads every module app.js imports and its language\'s catalogue, nothing else', () => {
  const wanted = [...staticImports('static/app.js'), 'static/i18n/fr.js'].map((p) => `/${p}`).sort();
  const shell = readFileSync('web/index.html', 'utf8');
  const preloaded = [...shell.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();
  assert.ok(wanted.length > 5, 'the import graph was read');
  assert.deepEqual(preloaded, wanted);
});

test('in the browser, every module of the start-up, the page\'s and its first GETs are asked by the shell', async () => {
  const { page, problems, context } = await newPage(env.browser, env.srv.url);
  const order = [];
  page.on('request', (r) => { if (r.url().includes('/static/')) order.push(new URL(r.url()).pathname); });
  // who asked for each request: 'parser' is the shell's <link>s, 'script' a module's code
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const initiator = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    const u = new URL(e.request.url);
    if (!initiator.has(u.pathname + u.search)) initiator.set(u.pathname + u.search, e.initiator.type);
  });
  await page.goto(`${env.srv.url}/`);
  await page.locator('main h2').first().waitFor();
  const graph = [...staticImports('static/app.js')].map((p) => `/${p}`);
  // With modulepreload, the start-up modules are all asked for from the shell (initiator:
  // the parser), so each is in the list before the first request made by a script (/api/).
  for (const m of graph) assert.ok(order.includes(m), `${m} requested`);
  // ...and so are the home page's own modules and its first GETs (routes.js `data`, written
  // into the shell by the server), not one round trip later by app.js
  for (const u of ['/static/pages/home.js', '/static/pages/learn_ui.js', '/api/v1/instance', '/api/v1/spaces', '/api/v1/campaigns/current']) {
    assert.equal(initiator.get(u), 'parser', `${u} asked by the shell (${initiator.get(u)})`);
  }
  const compressed = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/static/') && e.name.endsWith('.js'))
    .map((e) => ({ name: e.name, transfer: e.encodedBodySize, decoded: e.decodedBodySize })));
  for (const c of compressed.filter((x) => x.decoded > 2000)) {
    assert.ok(c.transfer < c.decoded, `${c.name} sent compressed (${c.transfer} of ${c.decoded} bytes)`);
  }
  assertNoProblems(problems);
  await context.close();
});

// Chromium DevTools' "Fast 3G" preset, and a CPU four times slower.
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000 / 8) * 0.9, uploadThroughput: (750 * 1000 / 8) * 0.9 };

async function phoneLoad(path, waitFor, login = null) {
  const { page, problems, context } = await newPage(env.browser, env.srv.url, { phone: true });
  if (login) {
    await logIn(page, login, 'demo-entraide-2026', { baseUrl: env.srv.url });
    await page.waitForURL((u) => u.pathname === '/');
  }
  const fresh = await context.newPage(); // the cache is disabled below: a first visit
  const cdp = await context.newCDPSession(fresh);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  fresh.setDefaultTimeout(60000);
  const gets = [];
  fresh.on('request', (r) => { if (r.method() === 'GET' && r.url().includes('/api/')) gets.push(r.url()); });
  await fresh.goto(env.srv.url + path);
  await fresh.locator(waitFor).first().waitFor();
  // the GETs asked early (routes.js `data`) are the ones the page makes: nothing asked twice
  assert.deepEqual(gets.filter((u, i) => gets.indexOf(u) !== i), [], `${path}: ${gets.join(' ')}`);
  const m = await fresh.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const nav = performance.getEntriesByType('navigation')[0];
    const bytes = performance.getEntriesByType('resource').reduce((s, e) => s + e.transferSize, nav.transferSize);
    return { fcp: fcp ? Math.round(fcp.startTime) : null, dcl: Math.round(nav.domContentLoadedEventEnd), bytes };
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.close();
  assertNoProblems(problems);
  await context.close();
  return m;
}

test('first content on a phone profile (CPU x4, fast 3G): reported, not judged', async (t) => {
  const pages = [
    ['home', '/', 'main h2', null],
    ['thread', '/t/1', 'main article.post', null],
    ['desk queue', '/desk/chu-exemple/queue', 'main h1', 'accueil.chu'],
  ];
  for (const [name, path, waitFor, login] of pages) {
    const m = await phoneLoad(path, waitFor, login);
    assert.ok(m.fcp > 0, `${name}: a first contentful paint was recorded`);
    t.diagnostic(`${name} (${path}): first contentful paint ${m.fcp} ms, DOMContentLoaded ${m.dcl} ms, ${m.bytes} bytes transferred`);
  }
});
