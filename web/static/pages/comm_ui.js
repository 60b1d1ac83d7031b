// pages/comm_ui.js - parts shared by the communities' pages: post HTML turned
// into DOM nodes through an allow-list (never innerHTML), the audience and retention of a
// space (R4), labels (R5), and the compose form with the publishing check's findings
// highlighted in the author's text (R1). The server enforces the check; this only shows it.
import { h, uid, fragment } from '../dom.js';
import { api, ApiError } from '../api.js';
import { locale, t } from '../i18n.js';
import { problemMessage, textField, textArea } from '../forms.js';
import './comm_i18n.js';
import { courseOffer } from './learn_offer.js';
import { colon, quoted, day as formatDay } from '../ui.js';

const ALLOWED = new Set(['P', 'EM', 'STRONG', 'A', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'CODE', 'PRE',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'BR', 'DEL']);

function copyNode(node, level) {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.nodeValue);
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const children = [...node.childNodes].map((c) => copyNode(c, level)).filter(Boolean);
  if (!ALLOWED.has(node.tagName)) return children.length ? h('span', {}, children) : null;
  let tag = node.tagName.toLowerCase();
  // headings inside a post never outrank the page's own
  if (/^h[1-6]$/.test(tag)) tag = `h${Math.min(6, Math.max(level, Number(tag[1]) + level - 1))}`;
  const attrs = {};
  if (tag === 'a') {
    const href = node.getAttribute('href') || '';
    if (/^(https?:|\/|#)/i.test(href)) attrs.href = href;
    attrs.rel = 'nofollow noopener ugc';
  }
  return h(tag, attrs, children);
}

// The server's cmark output (safe mode) as DOM nodes. level: the first heading level allowed.
export function postBody(html, level = 4) {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${html || ''}`, 'text/html');
  return h('div', { class: 'post-body' }, [...doc.body.childNodes].map((c) => copyNode(c, level)).filter(Boolean));
}

// Public spaces are not indexed by search engines unless they opt in (R4): the page says so
// to crawlers that run scripts (the API answers carry X-Robots-Tag: noindex too).
export function robots(indexed) {
  let meta = document.querySelector('meta[name="robots"]');
  if (!meta) {
    meta = h('meta', { name: 'robots' });
    document.head.append(meta);
  }
  meta.setAttribute('content', indexed ? 'index, follow' : 'noindex, nofollow');
}

export function day(date) {
  return formatDay(date, 'long') || date;
}

export function audienceText(a) {
  if (!a) return '';
  const who = a.visibility === 'public' ? (a.indexed ? 'audience.public.indexed' : 'audience.public')
    : a.visibility === 'members' ? 'audience.members' : 'audience.professionals';
  const keep = a.retention_days > 0 ? t('retention.days', { n: a.retention_days }) : t('retention.forever');
  return `${t(who)} ${keep}`;
}

export function label(kind) {
  return h('span', { class: `label label-${kind === 'validated' ? 'validated' : 'testimony'}` },
    t(kind === 'validated' ? 'label.validated' : 'label.testimony'));
}

// Sends a post; a 422 identifiers-found comes back as { findings: problem } instead of an
// error, because the page must show what was found. The CSRF token is read from /me (api.js
// keeps its own copy private).
async function postChecked(method, path, body) {
  const me = await api.get('/api/v1/me');
  const res = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json',
      'Accept-Language': locale(), 'X-CSRF-Token': me.csrf_token },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  let data = null;
  try { data = await res.json(); } catch { data = null; }
  if (res.status === 422 && data && typeof data.type === 'string' && data.type.endsWith('/identifiers-found')) {
    return { findings: data };
  }
  if (!res.ok) throw new ApiError(res.status, data, res.headers.get('Retry-After'));
  return { data };
}

// The text with each finding of `field` marked: offsets are UTF-8 bytes, so slice the bytes.
function highlighted(text, findings) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const parts = [];
  let at = 0;
  for (const f of findings) {
    if (f.start < at || f.end > bytes.length) continue;
    parts.push(dec.decode(bytes.subarray(at, f.start)));
    parts.push(h('mark', { class: `finding finding-${f.kind}` }, dec.decode(bytes.subarray(f.start, f.end)),
      h('span', { class: 'visually-hidden' }, ` (${t(`cat.${f.category}`)})`)));
    at = f.end;
  }
  parts.push(dec.decode(bytes.subarray(at)));
  return parts;
}

// What the publishing check would find in a draft, said while it is typed: asked once the
// member pauses (HINT_DELAY_MS), answers to older drafts ignored, announced politely and only
// when what was found changes. A failed check says nothing (the server checks again on send).
const HINT_DELAY_MS = 700;
function liveHints(checkPath, draft) {
  if (!checkPath) return null;
  const el = h('div', { class: 'compose-hints', 'aria-live': 'polite', 'aria-atomic': 'true' });
  // said: the findings the region shows now (null: it is empty); found: something was found
  // since "none" was last said, so that "none" is said once when it goes
  let timer = null, asked = 0, said = null, found = false;
  async function ask() {
    const text = draft();
    const n = ++asked;
    if (text.trim().length < 3) {
      el.replaceChildren();
      said = null;
      return;
    }
    let r;
    try { r = await api.post(checkPath, { text }); } catch { return; }
    if (n !== asked) return;
    const key = r.findings.map((f) => `${f.category}:${f.excerpt}`).join('|');
    if (key === said) return;
    if (!key) {
      if (!found) return;
      found = false;
      said = key;
      el.replaceChildren(h('p', { class: 'hint-ok' }, t('compose.live.none')));
      return;
    }
    found = true;
    said = key;
    el.replaceChildren(
      h('p', {}, t(r.direct ? 'compose.live.direct' : 'compose.live.quasi')),
      h('ul', {}, r.findings.map((f) => h('li', {}, colon(t(`cat.${f.category}`)), quoted(f.excerpt)))));
  }
  return {
    el,
    typed() {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, HINT_DELAY_MS);
    },
  };
}

// A compose form: optional title, body, the audience shown before sending, the findings and
// the two ways on (redact, or acknowledge when only quasi identifiers remain).
// send(body) returns the request's JSON; onDone(result, redacted) is called after success.
// checkPath: the space's draft check (POST {text}); with it, what the check would find is said
// as the member types (debounced, in a polite live region), before anything is sent.
export function composeForm({ audience, withTitle = false, submitLabel, path, method = 'POST', initial = '', extra = () => ({}), onDone, checkPath = null }) {
  const id = uid('compose');
  // The design system's fields (forms.js): label, hint, error under the label, aria-invalid.
  const title = withTitle ? textField({ name: 'title', label: t('compose.title'), attrs: { maxlength: '200', required: true } }) : null;
  const bodyField = textArea({ name: 'body', label: t('compose.body'), hint: t('compose.body.hint'), value: initial, max: 32768, attrs: { required: true } });
  const titleInput = title ? title.input : null;
  const bodyInput = bodyField.input;
  const status = h('div', { class: 'compose-status', role: 'status', 'aria-live': 'polite' });
  const findingsBox = h('div', { class: 'findings', hidden: true, tabindex: '-1' });
  const sendButton = h('button', { type: 'submit', class: 'button' }, submitLabel || t('compose.send'));
  // The body also names who will read it (R4): the audience line joins its description.
  function describeAudience() {
    const ids = (bodyInput.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== `${id}-aud`);
    bodyInput.setAttribute('aria-describedby', [...ids, `${id}-aud`].join(' '));
  }
  describeAudience();
  function showFieldErrors(errors) {
    if (title) title.setError(errors.title || null);
    bodyField.setError(errors.body || null);
    describeAudience();
    const list = Object.entries(errors).filter(([, m]) => m);
    if (!list.length) return false;
    status.replaceChildren(h('div', { class: 'error-summary', role: 'alert', tabindex: '-1' },
      h('p', {}, t('compose.errors')),
      h('ul', {}, list.map(([f, m]) => {
        const input = f === 'title' && titleInput ? titleInput : bodyInput;
        return h('li', {}, h('a', { href: `#${input.id}`, onclick: (e) => { e.preventDefault(); input.focus(); } }, m));
      }))));
    (errors.title && titleInput ? titleInput : bodyInput).focus();
    return true;
  }
  async function send(flags) {
    status.replaceChildren();
    const body = { ...(withTitle ? { title: titleInput.value } : {}), body: bodyInput.value, ...extra(), ...flags };
    // Empty fields are said next to each field before anything is sent.
    if (showFieldErrors({
      title: withTitle && !body.title.trim() ? t('compose.title.required') : null,
      body: !body.body.trim() ? t('compose.body.required') : null,
    })) return;
    let r;
    try {
      r = await postChecked(method, path, body);
    } catch (err) {
      const fields = err instanceof ApiError ? err.errors.filter((e) => e.field === 'title' || e.field === 'body') : [];
      if (fields.length) {
        showFieldErrors(Object.fromEntries(fields.map((e) => [e.field, t(`compose.${e.field}.invalid`)])));
        return;
      }
      status.replaceChildren(h('p', { class: 'notice error' }, problemMessage(err)));
      return;
    }
    if (r.findings) {
      showFindings(r.findings, body);
      return;
    }
    findingsBox.hidden = true;
    bodyInput.value = '';
    if (titleInput) titleInput.value = '';
    onDone(r.data, Boolean(r.data && r.data.redacted));
  }
  function showFindings(p, body) {
    const direct = p.direct > 0;
    const byField = (f) => p.findings.filter((x) => x.field === f);
    // (replaceChildren is the DOM's: it would write a null child as the text "null")
    findingsBox.replaceChildren(fragment(
      h('h3', {}, t('compose.found')),
      courseOffer('identifiers-found', { level: 4 }), // issue 21: a short lesson, offered
      h('p', {}, t(direct ? 'compose.found.direct' : 'compose.found.quasi')),
      h('ul', {}, p.findings.map((f) => h('li', {}, colon(t(`cat.${f.category}`)), quoted(f.excerpt)))),
      h('p', { class: 'audience' }, h('strong', {}, colon(t('audience.heading'))), audienceText(p.audience)),
      h('h4', {}, t('compose.preview')),
      withTitle && byField('title').length ? h('p', { class: 'preview' }, highlighted(body.title, byField('title'))) : null,
      h('p', { class: 'preview' }, highlighted(body.body, byField('body'))),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button', onclick: () => send({ redact: true }) }, t('compose.redact')),
        direct ? null : h('button', { type: 'button', class: 'button secondary', onclick: () => send({ acknowledge_quasi: true }) }, t('compose.ack')),
        h('button', { type: 'button', class: 'button secondary', onclick: () => { findingsBox.hidden = true; bodyInput.focus(); } }, t('compose.edit')))));
    findingsBox.hidden = false;
    findingsBox.focus();
  }
  const hints = liveHints(checkPath, () => `${titleInput ? `${titleInput.value}\n` : ''}${bodyInput.value}`);
  for (const input of [titleInput, bodyInput]) if (input && hints) input.addEventListener('input', hints.typed);
  // Issue 21's lesson offered before a member's first post comes after the button: its answer
  // arrives while the member types, and a box appearing above would move the fields and the
  // button under their finger (a tap then lands on the wrong thing).
  const form = h('form', { class: 'compose stack', novalidate: true, onsubmit: (e) => { e.preventDefault(); send({}); } },
    title ? title.el : null,
    bodyField.el,
    hints ? hints.el : null,
    h('p', { class: 'audience', id: `${id}-aud` }, h('strong', {}, colon(t('audience.heading'))), audienceText(audience)),
    sendButton, courseOffer('first-post'), findingsBox, status);
  form.bodyInput = bodyInput;
  return form;
}
