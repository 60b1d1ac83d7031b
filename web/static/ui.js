// ui.js - the design system's parts that are not form fields (those are in forms.js):
// everything shown that is not a word (dates, numbers, durations, sizes, punctuation around
// quotes and colons, through Intl in the page's language), an area's stylesheet, the
// confirmation dialog (a native <dialog>), notices and empty states. docs/ui.md says when to
// use each; /dev/ui shows them all. Never build a date or a decimal by hand in a page: "73.1 h"
// in French or a US month/day order in a British-English page come from doing so.
//
//   const ok = await confirmDialog({ title: t('...'), message: t('...'), confirmLabel: t('...'), danger: true });
//   if (!ok) return;                                   // cancelled: nothing happened
//   const v = await confirmDialog({ ..., fields: [textArea({ name: 'note', label: t('...') })], required: ['note'] });
//   if (v) await api.post(..., { note: v.note });      // v: each field's value by name
import { h, uid } from './dom.js';
import { t, locale, formatter } from './i18n.js';

// --- dates and numbers (fr-FR, or en-GB: day before month in both languages) ---

// Formatters are made once per language and options (i18n.js formatter).
export function number(n, options = {}) {
  return formatter(Intl.NumberFormat, options).format(n);
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
  return d ? formatter(Intl.DateTimeFormat, { dateStyle: 'medium', timeStyle: 'short' }).format(d) : '';
}

// "2 nov. 2026" / "2 Nov 2026" (style: 'long' gives "2 novembre 2026").
export function day(value, style = 'medium') {
  const d = toDate(value);
  return d ? formatter(Intl.DateTimeFormat, { dateStyle: style }).format(d) : '';
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

// --- stylesheets ---

// An area's own stylesheet (web/static/pages/<name>.css: layout only), added to <head> once
// (style-src 'self' allows it). stylesheet('comm') from every page of the communities. For
// the first page, app.js has usually added it already, with the page's modules.
export function stylesheet(name) {
  const href = `/static/pages/${name}.css`;
  if ([...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.getAttribute('href') === href)) return;
  document.head.append(h('link', { rel: 'stylesheet', href }));
}

// --- dialog, notices, empty states ---

// Asks before an act that cannot be undone, or that acts on someone else. The dialog is modal
// (showModal: the rest of the page is inert, Escape cancels), labelled by its title, and gives
// the focus back to what had it. preview: nodes shown as they will be sent (a canned reply).
// fields: forms.js fields (textField, textArea, select...); required: names that must be
// filled. Resolves to the fields' values ({} without fields) or null when cancelled.
export function confirmDialog({ title, message = null, preview = null, confirmLabel, cancelLabel = t('dialog.cancel'),
  danger = false, fields = [], required = [] }) {
  return new Promise((resolve) => {
    const id = uid('dialog');
    const opener = document.activeElement;
    const confirm = h('button', { type: 'submit', class: danger ? 'button danger' : 'button', value: 'confirm' }, confirmLabel);
    const cancel = h('button', { type: 'button', class: 'button secondary' }, cancelLabel);
    const form = h('form', { class: 'stack', novalidate: true },
      preview ? h('div', { class: 'dialog-preview', id: `${id}-preview` }, preview) : null,
      fields.map((f) => f.el),
      h('div', { class: 'actions' }, confirm, cancel));
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': `${id}-h`, 'aria-describedby': message ? `${id}-msg` : null },
      h('h2', { id: `${id}-h` }, title),
      message ? h('p', { id: `${id}-msg` }, message) : null,
      form);
    let result = null;
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const values = {};
      let firstBad = null;
      for (const f of fields) {
        const v = f.value();
        values[f.name] = v;
        const missing = required.includes(f.name) && !String(v).trim();
        f.setError(missing ? t('reason.required') : null);
        if (missing && !firstBad) firstBad = f;
      }
      if (firstBad) {
        firstBad.focusTarget.focus();
        return;
      }
      result = values;
      dialog.close();
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener && opener.isConnected && typeof opener.focus === 'function') opener.focus();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
    (fields.length ? fields[0].focusTarget : cancel).focus();
  });
}

// A message in the page: kind 'info' (default), 'success' or 'error'. Errors are alerts.
export function notice(text, kind = 'info') {
  return h('p', { class: kind === 'info' ? 'notice' : `notice ${kind}`, role: kind === 'error' ? 'alert' : null }, text);
}

// What an empty list says, and the way on (an optional link or button).
export function emptyState(text, action = null) {
  return h('div', { class: 'empty-state' }, h('p', {}, text), action);
}
