// i18n.test.mjs - the string catalogues (no browser): French and English hold the same keys
// with the same {parameters} and no empty text, in the shared catalogue and in every
// capability's own catalogue (web/static/**/*_i18n.js exporting { fr, en }); every literal key
// the front end asks for (t('...'), tn('...'), titleKey = '...') exists; and the shell and the
// modules hold nothing the CSP would block or that parses HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const STATIC = 'web/static';

// The modules are browser ES modules in .js files: import them from a copy that a package.json
// marks as ES modules, whatever the repository's package type.
let copy;
before(() => {
  copy = mkdtempSync(join(tmpdir(), 'entraide-i18n-'));
  cpSync(STATIC, join(copy, 'static'), { recursive: true });
  writeFileSync(join(copy, 'package.json'), '{"type":"module"}\n');
});
after(() => rmSync(copy, { recursive: true, force: true }));

function load(file) {
  return import(pathToFileURL(join(copy, 'static', relative(STATIC, file))).href);
}

function sources(dir, { withCatalogues = false } = {}) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'i18n' && !withCatalogues ? [] : sources(p, { withCatalogues });
    return name.endsWith('.js') ? [p] : [];
  });
}

const featureFiles = () => sources(STATIC).filter((f) => f.endsWith('_i18n.js'));

// Every { fr, en } pair a capability's catalogue module exports.
async function featureCatalogues() {
  const found = [];
  for (const file of featureFiles()) {
    const mod = await load(file);
    const pairs = Object.entries(mod).filter(([, v]) => v && typeof v === 'object' && v.fr && v.en);
    assert.ok(pairs.length > 0, `${file} exports no { fr, en } catalogue`);
    for (const [name, v] of pairs) found.push({ where: `${file} ${name}`, fr: v.fr, en: v.en });
  }
  return found;
}

function params(text) {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

function checkPair(where, fr, en) {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort(), `${where}: keys differ`);
  for (const key of Object.keys(fr)) {
    assert.equal(typeof fr[key], 'string', `${where}: ${key}`);
    assert.ok(fr[key].trim() !== '' && en[key].trim() !== '', `${where}: empty text for ${key}`);
    assert.deepEqual(params(en[key]), params(fr[key]), `${where}: parameters of ${key}`);
  }
}

test('French and English catalogues have the same keys and parameters', async () => {
  const fr = (await load(join(STATIC, 'i18n', 'fr.js'))).default;
  const en = (await load(join(STATIC, 'i18n', 'en.js'))).default;
  checkPair('shared catalogue', fr, en);
  for (const c of await featureCatalogues()) checkPair(c.where, c.fr, c.en);
});

test('every literal key used by the front end is in a catalogue', async () => {
  const fr = { ...(await load(join(STATIC, 'i18n', 'fr.js'))).default };
  for (const c of await featureCatalogues()) Object.assign(fr, c.fr);
  const known = (key) => key in fr || `${key}.one` in fr || `${key}.other` in fr;
  const missing = [];
  for (const file of sources(STATIC)) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\b(?:t|tn|titleKey = |key: )\(?'([a-z][a-z0-9_.-]*)'/g)) {
      if (!known(m[1])) missing.push(`${file}: ${m[1]}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('the shell has no inline script, inline style or style attribute', () => {
  const html = readFileSync('web/index.html', 'utf8');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'inline <script>');
  assert.doesNotMatch(html, /<style/i, 'inline <style>');
  assert.doesNotMatch(html, /\sstyle=/i, 'style attribute');
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'inline event handler');
  for (const file of sources(STATIC, { withCatalogues: true })) {
    const src = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    assert.doesNotMatch(src, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, file);
    assert.doesNotMatch(src, /setAttribute\('style'|\.style\./, file);
  }
});
