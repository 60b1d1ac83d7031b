// privacy_wasm.test.mjs - the privacy engines in the browser (issue 19): the module
// /static/privacy/privacy.js, loaded in Chromium under the server's CSP, gives the native
// engine's answers. The native answers are computed here by the same binary
// (`entraide redact --jsonl --policy report`, `entraide classify --jsonl`), and compared text by
// text: spans in JavaScript string indices, intents and confidences.
//
// Texts: the project's own (tests/privacy/, tests/intent/, and a few written here for what the
// test sets lack: emoji, combining accents, other scripts), always; the shared development
// sets (../shared/data/phi-dev.jsonl, intent-dev.jsonl) when ../shared is present. Size and
// load time on a phone-sized page (CPU x4) are REPORTED (t.diagnostic), never judged: the
// machine is shared.
// test alone: the module's load time on a phone profile (CPU x4) is reported, and each step is
// bounded by 60 s: the same reason as pageload.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { BIN } from '../lib/server.mjs';
import { serverAndBrowser, newPage, assertNoProblems } from './lib.mjs';

const env = serverAndBrowser({ demo: false });
const SHARED = process.env.ENTRAIDE_SHARED || '../shared';

// The lines of a JSONL file that are texts ({id, text[, lang]}); golden.in.jsonl also holds
// lines that test the command line's errors (not JSON, no text): those are left out.
function readJsonl(path) {
  const items = [];
  for (const l of readFileSync(path, 'utf8').split('\n')) {
    let o;
    try {
      o = JSON.parse(l);
    } catch {
      continue;
    }
    if (o && typeof o.text === 'string') items.push(o);
  }
  return items;
}

// Texts written for this test: what the offsets and the Unicode tables must get right.
const OWN = [
  { id: 'w-emoji', lang: 'fr', text: '😀 Appelez Marie Dupont au 06 12 34 56 78 😷 ou marie.dupont@example.org 🙏' },
  { id: 'w-astral', lang: 'en', text: 'My son 𝐉𝐚𝐜𝐤 (7) saw Dr Patel at St Thomas’ Hospital 🏥 on 3 March 2021, NHS 943 476 5919.' },
  { id: 'w-combining', lang: 'fr', text: 'Ma fille Zoe\u0301 (13 ans) est suivie a\u0300 Nantes, te\u0301l 0612345678.' },
  { id: 'w-scripts', lang: 'auto', text: 'Привет, 我叫李雷, 전화 010-1234-5678, ﬁlle de Jean Martin, ½ dose, Ⅻ, ＡＢＣ' },
  { id: 'w-empty', lang: 'fr', text: '' },
  { id: 'w-blank', lang: 'en', text: ' \n\t ' },
];

// Native spans, converted from UTF-8 byte offsets to string indices.
function nativeScan(items) {
  const input = items.map((o) => JSON.stringify({ id: o.id, lang: o.lang, text: o.text })).join('\n') + '\n';
  const out = execFileSync(BIN, ['redact', '--jsonl', '--policy', 'report'], { input, maxBuffer: 1 << 28 })
    .toString('utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
  assert.equal(out.length, items.length, 'one native answer per text');
  return out.map((r, i) => {
    const bytes = Buffer.from(items[i].text, 'utf8');
    const at = (b) => bytes.subarray(0, b).toString('utf8').length;
    if (r.error) return { error: r.error };
    return r.spans.map((s) => ({ start: at(s.start), end: at(s.end), type: s.type }));
  });
}

function nativeClassify(items) {
  const input = items.map((o) => JSON.stringify({ id: o.id, lang: o.lang, text: o.text })).join('\n') + '\n';
  return execFileSync(BIN, ['classify', '--jsonl'], { input, maxBuffer: 1 << 28 })
    .toString('utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
}

async function modulePage() {
  const { page, problems, context } = await newPage(env.browser, env.srv.url, { phone: true });
  page.setDefaultTimeout(60000);
  await page.goto(`${env.srv.url}/`);
  return { page, problems, context };
}

// Runs scan or classify in the page over every item; returns the answers in order.
function inBrowser(page, what, items) {
  return page.evaluate(async ({ what, items }) => {
    const { loadPrivacy } = await import('/static/privacy/privacy.js');
    const p = await loadPrivacy();
    return items.map((o) => {
      try {
        return p[what](o.text, o.lang === 'fr' || o.lang === 'en' ? o.lang : 'auto');
      } catch (e) {
        return { error: String(e) };
      }
    });
  }, { what, items });
}

async function scanParity(t, label, items, minShare) {
  const { page, problems, context } = await modulePage();
  const got = await inBrowser(page, 'scan', items);
  const want = nativeScan(items);
  const differ = [];
  for (let i = 0; i < items.length; i++) {
    if (JSON.stringify(got[i]) !== JSON.stringify(want[i])) {
      differ.push(`${items[i].id}: browser ${JSON.stringify(got[i])} native ${JSON.stringify(want[i])}`);
    }
  }
  const same = items.length - differ.length;
  t.diagnostic(`${label}: ${same} of ${items.length} texts with the native spans`);
  assert.ok(same >= minShare * items.length, `${label}: ${same}/${items.length} identical\n${differ.slice(0, 10).join('\n')}`);
  assertNoProblems(problems);
  await context.close();
}

async function classifyParity(t, label, items) {
  const { page, problems, context } = await modulePage();
  const got = await inBrowser(page, 'classify', items);
  const want = nativeClassify(items);
  const differ = [];
  for (let i = 0; i < items.length; i++) {
    const g = got[i];
    const w = want[i];
    const ok = g.intent === w.intent && Math.abs(g.confidence - w.confidence) < 1e-4 && (g.rule ?? null) === (w.rule ?? null);
    if (!ok) differ.push(`${items[i].id}: browser ${JSON.stringify(g)} native ${JSON.stringify(w)}`);
  }
  const same = items.length - differ.length;
  t.diagnostic(`${label}: ${same} of ${items.length} messages with the native intent`);
  assert.ok(same >= 0.99 * items.length, `${label}: ${same}/${items.length} identical\n${differ.slice(0, 10).join('\n')}`);
  assertNoProblems(problems);
  await context.close();
}

test('the module and its WebAssembly are served compressed, with their types, under a CSP that allows only WebAssembly', async () => {
  for (const [path, type] of [['privacy.js', 'text/javascript; charset=utf-8'], ['snowball.js', 'text/javascript; charset=utf-8'],
    ['privacy.wasm', 'application/wasm']]) {
    const r = await fetch(`${env.srv.url}/static/privacy/${path}`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(r.status, 200, path);
    assert.equal(r.headers.get('content-type'), type, path);
    assert.equal(r.headers.get('content-encoding'), 'gzip', path);
    const csp = r.headers.get('content-security-policy');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
    await r.arrayBuffer();
  }
});

test('scan in the browser gives the native spans on the project\'s own texts', async (t) => {
  const items = [...OWN, ...readJsonl('tests/privacy/golden.in.jsonl'), ...readJsonl('tests/privacy/tuning-8.jsonl'),
    ...readJsonl('tests/privacy/tuning.jsonl')];
  await scanParity(t, 'own texts', items, 0.99);
});

test('scan in the browser gives the native spans on the shared dev set', async (t) => {
  const dev = `${SHARED}/data/phi-dev.jsonl`;
  if (!existsSync(dev)) {
    t.skip(`${dev} is absent: the dev-set parity is not checked (the project's own texts are)`);
    return;
  }
  await scanParity(t, 'phi-dev', readJsonl(dev), 0.99);
});

test('classify in the browser gives the native intents', async (t) => {
  const items = [...OWN, ...readJsonl('tests/intent/heldout.jsonl'), ...readJsonl('tests/intent/safety-tuning.jsonl')];
  const dev = `${SHARED}/data/intent-dev.jsonl`;
  if (existsSync(dev)) items.push(...readJsonl(dev));
  else t.diagnostic(`${dev} is absent: the project's own messages only`);
  await classifyParity(t, 'intent texts', items);
});

test('bad input gets a clear error, and the page goes on', async () => {
  const { page, problems, context } = await modulePage();
  const r = await page.evaluate(async () => {
    const { loadPrivacy } = await import('/static/privacy/privacy.js');
    const p = await loadPrivacy();
    const again = await loadPrivacy();
    const errs = [];
    for (const f of [() => p.scan(42), () => p.scan('x', 'de'), () => p.classify(null), () => p.scan('é'.repeat(600000))]) {
      try {
        f();
        errs.push(null);
      } catch (e) {
        errs.push(e.name);
      }
    }
    return { same: p === again, errs, after: p.scan('Appelez le 06 12 34 56 78') };
  });
  assert.equal(r.same, true, 'one instance per page');
  assert.deepEqual(r.errs, ['TypeError', 'TypeError', 'TypeError', 'RangeError']);
  assert.deepEqual(r.after, [{ start: 11, end: 25, type: 'CONTACT' }]);
  assertNoProblems(problems);
  await context.close();
});

test('size and load time on a phone-sized page (CPU x4): reported, not judged', async (t) => {
  const wasm = await (await fetch(`${env.srv.url}/static/privacy/privacy.wasm`)).arrayBuffer();
  const stem = await (await fetch(`${env.srv.url}/static/privacy/snowball.js`)).arrayBuffer();
  const js = await (await fetch(`${env.srv.url}/static/privacy/privacy.js`)).arrayBuffer();
  const gz = (b) => gzipSync(Buffer.from(b), { level: 9 }).length;
  const raw = wasm.byteLength + stem.byteLength + js.byteLength;
  const packed = gz(wasm) + gz(stem) + gz(js);
  t.diagnostic(`privacy.wasm ${wasm.byteLength} bytes (${gz(wasm)} gzip), snowball.js ${stem.byteLength} (${gz(stem)}), ` +
    `privacy.js ${js.byteLength} (${gz(js)}): ${raw} bytes, ${packed} gzip; at "fast 3G" (1.44 Mbit/s) ` +
    `the transfer alone takes ${Math.round(packed * 8 / 1.44e6)} s`);
  const { page, problems, context } = await modulePage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const m = await page.evaluate(async () => {
    const t0 = performance.now();
    const { loadPrivacy } = await import('/static/privacy/privacy.js');
    const p = await loadPrivacy();
    const t1 = performance.now();
    p.scan('Bonjour, je suis Marie Dupont, 06 12 34 56 78.');
    const t2 = performance.now();
    p.classify('Je voudrais un rendez-vous avec le Dr Martin.');
    const t3 = performance.now();
    return { load: Math.round(t1 - t0), scan: Math.round(t2 - t1), classify: Math.round(t3 - t2) };
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.ok(m.load > 0);
  t.diagnostic(`loopback, CPU x4, no cache: import + fetch + compile + instantiate ${m.load} ms; first scan ${m.scan} ms, first classify ${m.classify} ms`);
  assertNoProblems(problems);
  await context.close();
});
