// pages/pro_ui.js - parts shared by the professional network's pages: multi-line and select
// fields built like forms.js's, field errors in this area's own strings, durations, and the
// mask editor (a canvas preview of the photo on which the author or a reviewer drags the
// rectangles to cover; a text field holds the same rectangles for keyboard users).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { ApiError } from '../api.js';
import { fieldMessage, problemMessage, textField, textArea as formTextArea } from '../forms.js';
import './pro_i18n.js';
import { quoted } from '../ui.js';

// Multi-line and select fields are forms.js's; case texts may be long.
export { select } from '../forms.js';
export function textArea(opts) {
  return formTextArea({ rows: 6, max: 20000, ...opts });
}

// Runs request; a problem becomes messages in the form (next to the fields it names).
export async function proSend(form, request) {
  try {
    return await request();
  } catch (err) {
    if (err instanceof ApiError && err.errors.length) {
      form.showErrors(err.errors.map((e) => ({
        field: form.fields.find((f) => f.name === e.field) || null,
        // the words the check found, so the author knows what to remove
        message: typeof e.found === 'string' && e.found
          ? `${fieldMessage(e.field, e.reason)} ${t('field.found', { words: quoted(e.found) })}`
          : fieldMessage(e.field, e.reason),
      })));
      return null;
    }
    if (err instanceof ApiError && err.status !== 401) {
      form.showErrors([{ message: problemMessage(err) }]);
      return null;
    }
    throw err;
  }
}

export function duration(seconds) {
  if (seconds < 3600) return t('duration.minutes', { n: Math.max(1, Math.round(seconds / 60)) });
  if (seconds < 86400 * 2) return t('duration.hours', { n: Math.round(seconds / 3600) });
  return t('duration.days', { n: Math.round(seconds / 86400) });
}

// Masks as the API takes them: "x,y,w,h;x,y,w,h".
export function masksText(rects) {
  return rects.map((r) => [r.x, r.y, r.w, r.h].map((v) => Math.round(v)).join(',')).join(';');
}

export function parseMasks(text) {
  const rects = [];
  for (const part of text.split(';').map((s) => s.trim()).filter(Boolean)) {
    const v = part.split(',').map((s) => Number.parseInt(s.trim(), 10));
    if (v.length !== 4 || v.some((n) => !Number.isFinite(n) || n < 0) || v[2] <= 0 || v[3] <= 0) return null;
    rects.push({ x: v[0], y: v[1], w: v[2], h: v[3] });
  }
  return rects;
}

// The mask editor. src: a data: URL or a same-origin URL of the picture. Returns
// { el, field (the text field, for forms), rects(), load(src) }.
export function maskEditor({ name = 'masks' } = {}) {
  const canvas = h('canvas', { class: 'pro-canvas', role: 'img', 'aria-label': t('masks.canvas'), width: 1, height: 1 });
  const text = textField({ name, label: t('masks.label'), hint: t('masks.hint'), autocomplete: 'off', attrs: { spellcheck: 'false' } });
  const clear = h('button', { type: 'button', class: 'button secondary' }, t('masks.clear'));
  const wrap = h('div', { class: 'pro-editor', hidden: true }, canvas, text.el, clear);
  let img = null;
  let rects = [];
  let start = null;

  function draw(extra) {
    const ctx = canvas.getContext('2d');
    if (!img) return;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    ctx.fillStyle = '#000';
    for (const r of extra ? [...rects, extra] : rects) ctx.fillRect(r.x, r.y, r.w, r.h);
  }
  function point(ev) {
    const box = canvas.getBoundingClientRect();
    return { x: ((ev.clientX - box.left) * canvas.width) / box.width, y: ((ev.clientY - box.top) * canvas.height) / box.height };
  }
  function rectOf(a, b) {
    return { x: Math.max(0, Math.min(a.x, b.x)), y: Math.max(0, Math.min(a.y, b.y)), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
  }
  canvas.addEventListener('pointerdown', (ev) => { start = point(ev); canvas.setPointerCapture(ev.pointerId); });
  canvas.addEventListener('pointermove', (ev) => { if (start) draw(rectOf(start, point(ev))); });
  canvas.addEventListener('pointerup', (ev) => {
    if (!start) return;
    const r = rectOf(start, point(ev));
    start = null;
    if (r.w >= 2 && r.h >= 2) rects.push(r);
    text.input.value = masksText(rects);
    draw();
  });
  text.input.addEventListener('input', () => {
    const parsed = parseMasks(text.input.value);
    if (parsed) { rects = parsed; draw(); }
  });
  clear.addEventListener('click', () => { rects = []; text.input.value = ''; draw(); });

  function load(src) {
    return new Promise((resolve, reject) => {
      const im = new Image();
      im.onload = () => {
        img = im;
        canvas.width = im.naturalWidth;
        canvas.height = im.naturalHeight;
        wrap.hidden = false;
        draw();
        resolve();
      };
      im.onerror = () => reject(new Error('image'));
      im.src = src;
    });
  }
  return { el: wrap, field: text, rects: () => parseMasks(text.input.value) || rects, load };
}
