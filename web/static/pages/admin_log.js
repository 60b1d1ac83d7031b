// pages/admin_log.js - /admin/log: the audit log (GET /api/v1/moderation/log), every action
// of the moderators and administrators with its note, newest first, by pages.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import * as session from '../session.js';
import { backLink, denied } from './admin_ui.js';
import { dateTime, stylesheet } from '../ui.js';

export const titleKey = 'log.title';

export async function render(ctx) {
  stylesheet('admin');
  if (!session.hasRole('administrator')) return denied('log.title');
  const before = ctx.query.get('before');
  const r = await api.get(`/api/v1/moderation/log${before && /^[0-9]+$/.test(before) ? `?before=${before}` : ''}`);
  const line = (a) => h('li', {},
    h('p', {}, t('log.line', { who: a.moderator || t('log.nobody'), action: a.action, target: `${a.target.kind} ${a.target.id}` })),
    a.note ? h('p', {}, a.note) : null,
    h('p', { class: 'hint' }, dateTime(a.at)));
  return [
    h('h1', {}, t('log.title')),
    backLink(),
    h('p', {}, t('log.intro')),
    r.actions.length ? h('ul', { class: 'admin-list' }, r.actions.map(line)) : h('p', {}, t('log.none')),
    r.next ? h('p', {}, h('a', { href: `/admin/log?before=${r.next}` }, t('log.more'))) : null,
  ];
}
