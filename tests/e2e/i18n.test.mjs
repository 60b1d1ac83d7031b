// i18n.test.mjs - the string catalogues (no browser): French and English hold the same keys
// with the same {parameters}, no text is empty, and every literal key the front end asks
// for (t('...'), tn('...'), titleKey = '...') exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const STATIC = 'web/static';

// The catalogues are browser modules (.js with `export default`): load them as data URLs so
// Node reads them as ES modules whatever the package type.
async function catalogue(locale) {
  const src = readFileSync(join(STATIC, 'i18n', `${locale}.js`), 'utf8');
  const mod = await import(`data:text/javascript;base64,${Buffer.from(src).toString('base64')}`);
  return mod.default;
}

function params(text) {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'i18n' ? [] : sources(p);
    return name.endsWith('.js') ? [p] : [];
  });
}

test('French and English catalogues have the same keys and parameters', async () => {
  const fr = await catalogue('fr');
  const en = await catalogue('en');
  assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort());
  for (const key of Object.keys(fr)) {
    assert.equal(typeof fr[key], 'string', key);
    assert.ok(fr[key].trim() !== '' && en[key].trim() !== '', `empty text for ${key}`);
    assert.deepEqual(params(en[key]), params(fr[key]), `parameters of ${key}`);
  }
});

test('every literal key used by the front end is in the catalogue', async () => {
  const fr = await catalogue('fr');
  const missing = [];
  for (const file of sources(STATIC)) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\b(?:t|tn)\('([a-z][a-z0-9_.-]*)'/g)) {
      const key = m[1];
      const ok = key in fr || `${key}.one` in fr || `${key}.other` in fr;
      if (!ok) missing.push(`${file}: ${key}`);
    }
    for (const m of src.matchAll(/\b(?:titleKey = |key: )'([a-z][a-z0-9_.-]*)'/g)) {
      if (!(m[1] in fr)) missing.push(`${file}: ${m[1]}`);
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
  for (const file of sources(STATIC)) {
    const src = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
    assert.doesNotMatch(src, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/, file);
    assert.doesNotMatch(src, /setAttribute\('style'|\.style\./, file);
  }
});
