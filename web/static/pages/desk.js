// pages/desk.js - "my desk requests" (/desk): one's own requests to institutions, newest
// first, and for community managers the way to their institutions' queues and dashboards.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import * as session from '../session.js';
import { courseOffer } from './learn_offer.js';
import { colon, stylesheet, dateTime } from '../ui.js';

export const titleKey = 'desk.mine.title';

export async function render() {
  stylesheet('desk');
  const me = session.current();
  const managed = (me.institutions || []).filter((i) => i.role === 'community_manager');
  const { requests } = await api.get('/api/v1/desk/requests');
  const slugs = [...new Set(requests.map((r) => r.institution))];
  return [
    h('h1', {}, t('desk.mine.title')),
    courseOffer('desk', { level: 2 }), // issue 21: a short lesson, offered
    managed.length ? h('section', { 'aria-labelledby': 'desk-managed' },
      h('h2', { id: 'desk-managed' }, t('desk.managed.heading')),
      h('ul', {}, managed.map((i) => h('li', {}, colon(i.name),
        h('a', { href: `/desk/${encodeURIComponent(i.slug)}/queue` }, t('desk.queue.link')), ' · ',
        h('a', { href: `/desk/${encodeURIComponent(i.slug)}/dashboard` }, t('desk.dashboard.link')))))) : null,
    h('section', { 'aria-labelledby': 'desk-mine' },
      h('h2', { id: 'desk-mine' }, t('desk.mine.heading')),
      requests.length ? h('ul', { class: 'desk-list' }, requests.map((r) => h('li', {},
        h('a', { href: `/desk/requests/${r.id}` }, t('desk.request.title', { id: r.id })),
        ' — ', t(`desk.type.${r.type}`), ' — ', t(`desk.status.${r.status}`), ' — ', dateTime(r.created_at))))
        : h('p', {}, t('desk.mine.none')),
      slugs.length ? h('p', {}, slugs.map((s) => h('a', { href: `/desk/${encodeURIComponent(s)}` }, t('desk.mine.write', { slug: s })))) : null),
  ];
}
