// pages/instance_page.js - /terms and /privacy-policy: the terms of use and the privacy
// policy the administrator wrote (GET /api/v1/instance/pages/{page}), shown as plain text:
// paragraphs split on blank lines, nothing interpreted as HTML.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { day, stylesheet } from '../ui.js';
import './admin_i18n.js';

export const titleKey = 'page.terms';

export async function render(ctx) {
  stylesheet('admin');
  const page = window.location.pathname === '/privacy-policy' ? 'privacy' : 'terms';
  const title = t(`page.${page}`);
  ctx.setTitle(title);
  let r;
  try {
    r = await api.get(`/api/v1/instance/pages/${page}`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return [h('h1', {}, title), h('p', {}, t('page.none'))];
    throw err;
  }
  return [
    h('h1', {}, title),
    r.text.split(/\n\s*\n/).map((p) => h('p', { class: 'admin-page-text' }, p.trim())),
    h('p', { class: 'hint' }, t('page.updated', { date: day(r.updated_at) })),
  ];
}
