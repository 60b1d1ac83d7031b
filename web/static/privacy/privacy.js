// privacy.js - the server's text de-identification engine and intent classifier, in the page:
// the same C sources compiled to WebAssembly (privacy.wasm, built by `make`: wasm/ and
// mk/privacy_wasm.mk), for text that must be checked where it is written, before it is sealed
// (end-to-end encrypted messages).
//
//   const privacy = await loadPrivacy();
//   privacy.scan('Appelez Marie au 06 12 34 56 78')   // [{start, end, type}, ...]
//   privacy.classify('Je ne peux plus respirer')        // {intent, confidence[, rule]}
//
// Offsets are JavaScript string indices (text.slice(start, end) is the span); types are the
// server's ("NAME", "CONTACT", "ID", "LOCATION", "DATE", "AGE"), intents too ("urgent",
// "consultation"...). The module is loaded once per page and shared; nothing leaves the page.
// Needs a CSP that allows 'wasm-unsafe-eval' (the server's does) and nothing else.

import { newStemmer } from './snowball.js';

const LANGS = { auto: 0, fr: 1, en: 2 };
const MAX_TEXT = 1 << 20; // bytes: ENT_PRIV_MAX_TEXT

let loading = null;

// Resolves to {scan(text, lang = 'auto'), classify(text, lang)}; rejects when the module
// cannot be fetched or compiled.
export function loadPrivacy() {
  if (!loading) {
    loading = instantiate().catch((e) => {
      loading = null; // a later call may try again (a network error)
      throw e;
    });
  }
  return loading;
}

async function instantiate() {
  const stemmers = [newStemmer('french'), newStemmer('english')];
  let exports = null;
  const imports = {
    env: {
      // The classifier's stems (wasm/wasm_stem.c): ASCII letters in, ASCII letters out.
      stem(lang, ptr, len, out, cap) {
        const stemmer = stemmers[lang];
        if (!stemmer) return -1;
        const bytes = new Uint8Array(exports.memory.buffer);
        let word = '';
        for (let i = 0; i < len; i++) word += String.fromCharCode(bytes[ptr + i]);
        const stem = stemmer.stem(word);
        if (stem.length > cap) return -1;
        for (let i = 0; i < stem.length; i++) {
          const c = stem.charCodeAt(i);
          if (c > 0x7f) return -1;
          bytes[out + i] = c;
        }
        return stem.length;
      },
    },
  };
  const url = new URL('./privacy.wasm', import.meta.url);
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`privacy.wasm: HTTP ${response.status}`);
  let instance;
  if (WebAssembly.instantiateStreaming && response.headers.get('content-type') === 'application/wasm') {
    ({ instance } = await WebAssembly.instantiateStreaming(response, imports));
  } else {
    ({ instance } = await WebAssembly.instantiate(await response.arrayBuffer(), imports));
  }
  exports = instance.exports;
  exports._initialize();
  const err = exports.pw_init();
  if (err !== 0) throw new Error(`privacy.wasm: ${cString(exports, exports.pw_error_name(err))}`);
  return makeApi(exports);
}

function cString(ex, ptr) {
  const bytes = new Uint8Array(ex.memory.buffer);
  let end = ptr;
  while (bytes[end] !== 0) end++;
  return new TextDecoder().decode(bytes.subarray(ptr, end));
}

function namesOf(ex, fn, count) {
  const names = [];
  for (let i = 0; i < count; i++) names.push(cString(ex, fn(i)));
  return names;
}

function makeApi(ex) {
  const types = namesOf(ex, ex.pw_type_name, 6);
  const intents = namesOf(ex, ex.pw_intent_name, 8);
  const rules = new Map();
  const encoder = new TextEncoder();

  // Writes text as UTF-8 into the module's input buffer; returns its length in bytes.
  function put(text) {
    if (typeof text !== 'string') throw new TypeError('text must be a string');
    // at most 3 bytes per UTF-16 unit
    const room = text.length * 3;
    if (text.length > MAX_TEXT) throw new RangeError('text too long');
    const ptr = ex.pw_input(room);
    if (ptr === 0) throw new Error('privacy.wasm: out of memory');
    const { written } = encoder.encodeInto(text, new Uint8Array(ex.memory.buffer, ptr, room));
    return written;
  }

  function fail(code) {
    const name = cString(ex, ex.pw_error_name(-code));
    if (name === 'ENT_ETOOBIG') throw new RangeError('text too long');
    throw new Error(`privacy.wasm: ${name}`);
  }

  function langCode(lang) {
    const code = LANGS[lang ?? 'auto'];
    if (code === undefined) throw new TypeError(`unknown language: ${lang}`);
    return code;
  }

  return {
    scan(text, lang = 'auto') {
      const code = langCode(lang);
      const n = ex.pw_scan(put(text), code);
      if (n < 0) fail(n);
      const v = new Int32Array(ex.memory.buffer, ex.pw_spans(), n * 3);
      const spans = [];
      for (let i = 0; i < n; i++) spans.push({ start: v[3 * i], end: v[3 * i + 1], type: types[v[3 * i + 2]] });
      return spans;
    },
    classify(text, lang = 'auto') {
      const code = langCode(lang);
      const i = ex.pw_classify(put(text), code);
      if (i < 0) fail(i);
      const out = { intent: intents[i], confidence: ex.pw_confidence() };
      const r = ex.pw_rule();
      if (r !== 0) {
        if (!rules.has(r)) rules.set(r, cString(ex, ex.pw_rule_name(r)));
        out.rule = rules.get(r);
      }
      return out;
    },
  };
}
