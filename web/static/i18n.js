// i18n.js - the string catalogue: every visible string of the front end goes through t() or
// tn(). A visitor gets the browser's language (French or English, French otherwise) unless they
// chose one (kept in localStorage); a member gets the account setting. <html lang> follows the
// current language (the server already sends the shell in it). An instance may offer one
// language only (its administrator's setting, GET /api/v1/instance "locales"): setOffered()
// then keeps the choices, the switcher and the default to it.
//
// Only the page's language is fetched: the shared catalogue of a language (i18n/<lang>.js) is
// loaded by loadLocale(), which the start-up awaits before drawing (the server's shell already
// preloads the one of its <html lang>); switching language loads the other one then.
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
export const LOCALES = ['fr', 'en'];
// Each language's strings: its shared catalogue once loaded, and the areas' (extend()).
const catalogues = { fr: {}, en: {} };
const loading = {};
// The names of the languages, each written in its own language (the switcher shows the
// other one before its catalogue is loaded).
const NAMES = { fr: 'Français', en: 'English' };
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

// Fetches the shared catalogue of a language once; resolves when t() can use it.
export function loadLocale(value) {
  if (!isLocale(value)) return Promise.resolve();
  if (!loading[value]) {
    loading[value] = import(`./i18n/${value}.js`).then((m) => add(value, m.default), (err) => {
      delete loading[value];
      throw err;
    });
  }
  return loading[value];
}

// Changes the language of the interface (not of the account: the caller saves that); its
// catalogue must be loaded (loadLocale) first.
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

// The visitor's remembered choice when still offered, else `preferred` when offered (the
// shell's <html lang>: the server chose it from the account's setting or Accept-Language, and
// preloaded its catalogue), else the browser's language, else French.
export function storedLocale(preferred = null) {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    if (isOffered(v)) return v;
  } catch { /* storage disabled: fall back to the browser's language */ }
  return isOffered(preferred) ? preferred : browserLocale();
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

// Adds strings to a language. A key that already exists is kept and reported (console.error,
// which the browser tests treat as a failure).
function add(l, entries) {
  for (const [key, text] of Object.entries(entries || {})) {
    if (key in catalogues[l]) {
      if (catalogues[l][key] !== text) console.error(`i18n: key defined twice: ${key}`);
      continue;
    }
    catalogues[l][key] = text;
  }
}

// Adds an area's strings ({ fr, en }) to the catalogues (pages/<area>_i18n.js calls it).
export function extend(extra) {
  for (const l of LOCALES) add(l, extra && extra[l]);
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

// An Intl formatter (Intl.DateTimeFormat, Intl.NumberFormat) of the page's language, made
// once per language and options: making one costs far more than using it (ui.js formats
// dates and numbers with these).
const formatters = new Map();
export function formatter(Kind, options = {}) {
  const key = `${Kind.name} ${intlLocale()} ${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Kind(intlLocale(), options);
    formatters.set(key, f);
  }
  return f;
}

// Makes the formatters most pages use (ui.js dateTime, day, number; tn), for app.js to call
// in a task of its own while the first page's data is on its way: the first Intl object of a
// page costs the browser's locale data (tens of milliseconds on a phone), which would
// otherwise lengthen the task that draws the page.
export function prepareFormatters() {
  formatter(Intl.DateTimeFormat, { dateStyle: 'medium', timeStyle: 'short' });
  formatter(Intl.DateTimeFormat, { dateStyle: 'medium' });
  formatter(Intl.NumberFormat);
  tn('', 0);
}

// Plural: tn('home.count.members', 3) reads 'home.count.members.other' with {n} = "3".
// The plural rules are made once per language, the number format once (formatter).
const plurals = {};
export function tn(key, n, params) {
  const rules = plurals[current] || (plurals[current] = new Intl.PluralRules(current));
  const rule = rules.select(n);
  const k = has(`${key}.${rule}`) ? `${key}.${rule}` : `${key}.other`;
  return t(k, { ...params, n: formatter(Intl.NumberFormat).format(n) });
}

// The names of the languages, each written in its own language (shown in the switcher).
export function localeName(value) {
  return NAMES[value];
}
