// format.js - numbers, dates, durations and punctuation in the page's language, through Intl
// (part of the design system, docs/ui.md). Never build a date or a decimal by hand in a page:
// "73.1 h" in French or a US month/day order in a British-English page come from doing so.
//
// French pages use fr-FR; English pages use en-GB (day before month, like the French pages and
// the server's charts).
import { locale } from './i18n.js';

const TAGS = { fr: 'fr-FR', en: 'en-GB' };

export function intlLocale() {
  return TAGS[locale()] || TAGS.fr;
}

export function number(n, options = {}) {
  return new Intl.NumberFormat(intlLocale(), options).format(n);
}

// 0.42 -> "42 %" (fr) / "42%" (en).
export function percent(share) {
  return number(share, { style: 'percent', maximumFractionDigits: 0 });
}

function toDate(value) {
  if (value instanceof Date) return value;
  // a bare day (2026-11-02) is read at noon UTC so that no time zone moves it to another day
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? `${value}T12:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? null : d;
}

// "2 nov. 2026, 14:05" / "2 Nov 2026, 14:05"; '' for no date.
export function dateTime(value) {
  const d = toDate(value);
  return d ? new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d) : '';
}

// "2 nov. 2026" / "2 Nov 2026" (style: 'long' gives "2 novembre 2026").
export function day(value, style = 'medium') {
  const d = toDate(value);
  return d ? new Intl.DateTimeFormat(intlLocale(), { dateStyle: style }).format(d) : '';
}

// A duration in seconds as minutes under an hour, else hours with at most one decimal:
// "45 min", "73,1 h" (fr), "73.1 hr" (en).
export function duration(seconds) {
  if (seconds < 3600) return number(Math.max(1, Math.round(seconds / 60)), { style: 'unit', unit: 'minute' });
  return number(seconds / 3600, { style: 'unit', unit: 'hour', maximumFractionDigits: 1 });
}

// A file's size: "120 ko" / "120 kB", "1,4 Mo" / "1.4 MB".
export function fileSize(bytes) {
  if (bytes < 1000 * 1000) return number(Math.max(1, Math.round(bytes / 1000)), { style: 'unit', unit: 'kilobyte' });
  return number(bytes / 1e6, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
}

// "Qui pourra lire : " (fr, with a no-break space) / "Who will be able to read: " (en).
export function colon(label) {
  return locale() === 'fr' ? `${label}\u00a0: ` : `${label}: `;
}

// « texte » (fr) / “text” (en).
export function quoted(text) {
  return locale() === 'fr' ? `«\u00a0${text}\u00a0»` : `“${text}”`;
}
