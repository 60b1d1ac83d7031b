// pages/notifications.js - /notifications: the member's notifications (replies and
// moderation decisions in followed threads), newest first by pages, and the followed threads
// with their unread counts (GET /api/v1/notifications: reading it marks nothing read).
import { h } from '../dom.js';
import { t, tn } from '../i18n.js';
import { api } from '../api.js';
import { dateTime, stylesheet } from '../ui.js';
import './admin_i18n.js';

export const titleKey = 'adm.notif.title';

function notification(n) {
  const title = n.thread && n.thread.title ? n.thread.title : '…';
  const text = t(n.kind === 'moderation' ? 'adm.notif.kind.moderation' : 'adm.notif.kind.reply', { title });
  const href = n.thread ? `/t/${n.thread.id}${n.post ? `#post-${n.post}` : ''}` : null;
  return h('li', {},
    h('p', {}, href ? h('a', { href }, text) : text, n.read ? null : [' ', h('span', { class: 'admin-tag' }, t('adm.notif.new'))]),
    h('p', { class: 'hint' }, dateTime(n.created_at)));
}

export async function render(ctx) {
  stylesheet('admin');
  const before = ctx.query.get('before');
  const r = await api.get(`/api/v1/notifications${before && /^[0-9]+$/.test(before) ? `?before=${before}` : ''}`);
  return [
    h('h1', {}, t('adm.notif.title')),
    h('p', {}, t('adm.notif.intro'), ' ', h('strong', {}, tn('adm.notif.unread', r.unread))),
    r.notifications.length ? h('ul', { class: 'admin-list' }, r.notifications.map(notification)) : h('p', {}, t('adm.notif.none')),
    r.next ? h('p', {}, h('a', { href: `/notifications?before=${r.next}` }, t('adm.notif.more'))) : null,
    h('section', { class: 'panel', 'aria-labelledby': 'notif-following' },
      h('h2', { id: 'notif-following' }, t('adm.notif.following')),
      r.following.length
        ? h('ul', { class: 'admin-list' }, r.following.map((f) => h('li', {},
          h('a', { href: `/t/${f.thread}` }, f.title), f.unread ? [' — ', tn('adm.notif.thread.unread', f.unread)] : null)))
        : h('p', {}, t('adm.notif.following.none'))),
  ];
}
