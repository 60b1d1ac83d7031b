// i18n.js - the string catalogue: every visible string of the front end goes through t() or
// tn(). A visitor gets the browser's language (French or English, French otherwise) unless they
// chose one (kept in localStorage); a member gets the account setting. <html lang> follows the
// current language (the server already sends the shell in it). An instance may offer one
// language only (its administrator's setting, GET /api/v1/instance "locales"): setOffered()
// then keeps the choices, the switcher and the default to it.
//
// Catalogues are flat objects { 'page.key': 'text with {param}' }. Plural forms are keys with
// a CLDR suffix ('.one', '.other', ...), chosen with Intl.PluralRules.
//
// One pattern for every area: an area keeps its strings beside its pages in
// pages/<area>_i18n.js, which exports `strings = { fr: {...}, en: {...} }` and registers them
// itself, last line `extend(strings);`. A page that shows them imports that file (for its
// effect: `import './comm_i18n.js';`) and reads every string, shared or not, through t() and
// tn() from this module; there is no area-specific t(). The catalogue test checks every such
// file for the same keys in both languages, and no key may be defined twice.
import fr from './i18n/fr.js';
import en from './i18n/en.js';

const catalogues = { fr, en };
export const LOCALES = ['fr', 'en'];
export const DEFAULT_LOCALE = 'fr';
const STORAGE_KEY = 'entraide.locale';

let current = DEFAULT_LOCALE;
let offered = LOCALES.slice();

export function isLocale(value) {
  return typeof value === 'string' && LOCALES.includes(value);
}

export function locale() {
  return current;
}

// The languages the instance offers (GET /api/v1/instance "locales"); anything unknown or an
// empty list leaves both.
export function setOffered(list) {
  const known = Array.isArray(list) ? LOCALES.filter((l) => list.includes(l)) : [];
  offered = known.length ? known : LOCALES.slice();
}

export function offeredLocales() {
  return offered.slice();
}

export function isOffered(value) {
  return offered.includes(value);
}

// The language of an instance that does not speak the visitor's: French when offered.
function fallbackLocale() {
  return offered.includes(DEFAULT_LOCALE) ? DEFAULT_LOCALE : offered[0];
}

// Changes the language of the interface (not of the account: the caller saves that).
export function setLocale(value) {
  if (!isLocale(value)) return;
  current = value;
  document.documentElement.lang = value;
}

// The first of the browser's languages (navigator.languages, the same list as its
// Accept-Language) that the instance offers, or French (the offered one when French is not).
export function browserLocale(languages = navigator.languages || [navigator.language]) {
  for (const tag of languages || []) {
    const base = String(tag || '').toLowerCase().split('-')[0];
    if (isOffered(base)) return base;
  }
  return fallbackLocale();
}

// The visitor's remembered choice when still offered, else the browser's language, else French.
export function storedLocale() {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    if (isOffered(v)) return v;
  } catch { /* storage disabled: fall back to the browser's language */ }
  return browserLocale();
}

export function storeLocale(value) {
  try {
    window.localStorage.setItem(STORAGE_KEY, value);
  } catch { /* storage disabled: the choice lasts for this page only */ }
}

function lookup(key) {
  const own = catalogues[current][key];
  if (own !== undefined) return own;
  const fallback = catalogues[DEFAULT_LOCALE][key];
  return fallback !== undefined ? fallback : key;
}

function fill(text, params) {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

// Adds a capability's strings ({ fr, en }) to the catalogues. A key that already exists is
// kept and reported (console.error, which the browser tests treat as a failure).
export function extend(extra) {
  for (const l of LOCALES) {
    for (const [key, text] of Object.entries((extra && extra[l]) || {})) {
      if (key in catalogues[l]) {
        if (catalogues[l][key] !== text) console.error(`i18n: key defined twice: ${key}`);
        continue;
      }
      catalogues[l][key] = text;
    }
  }
}

export function has(key) {
  return catalogues[current][key] !== undefined || catalogues[DEFAULT_LOCALE][key] !== undefined;
}

export function t(key, params) {
  return fill(lookup(key), params);
}

// The Intl tag of the page's language: fr-FR, or en-GB (day before month, like the French
// pages and the server's charts). ui.js formats dates and numbers with it.
const TAGS = { fr: 'fr-FR', en: 'en-GB' };

export function intlLocale() {
  return TAGS[current] || TAGS[DEFAULT_LOCALE];
}

// Plural: tn('home.count.members', 3) reads 'home.count.members.other' with {n} = "3".
export function tn(key, n, params) {
  const rule = new Intl.PluralRules(current).select(n);
  const k = has(`${key}.${rule}`) ? `${key}.${rule}` : `${key}.other`;
  return t(k, { ...params, n: new Intl.NumberFormat(intlLocale()).format(n) });
}

// The names of the languages, each written in its own language (shown in the switcher).
export function localeName(value) {
  return catalogues[value]['lang.self'];
}
