// pages/comm_space.js - /c/:slug: a space, who can read it, its threads (keyset "older"
// link), and the form to start a thread (with the audience shown before sending).
import { h } from '../dom.js';
import { api } from '../api.js';
import * as session from '../session.js';
import './comm_i18n.js';
import { robots, composeForm, audienceText } from './comm_ui.js';
import { holdEmergency, dropEmergency } from './comm_emergency.js';
import { t, tn } from '../i18n.js';
import { colon, stylesheet, dateTime } from '../ui.js';

export const titleKey = 'nav.communities';

export async function render(ctx) {
  stylesheet('comm');
  dropEmergency();
  const slug = ctx.params.slug;
  const before = ctx.query.get('before');
  const s = await api.get(`/api/v1/spaces/${encodeURIComponent(slug)}${before ? `?before=${encodeURIComponent(before)}` : ''}`);
  robots(s.audience.indexed === true);
  ctx.setTitle(s.name);
  const me = session.current();
  return [
    h('h1', { lang: s.language }, s.name),
    s.description ? h('p', { class: 'lead', lang: s.language }, s.description) : null,
    h('p', { class: 'audience' }, h('strong', {}, colon(t('audience.heading'))), audienceText(s.audience)),
    h('section', { 'aria-labelledby': 'space-threads' },
      h('h2', { id: 'space-threads' }, t('space.threads')),
      s.threads.length ? h('ul', { class: 'comm-list' }, s.threads.map((th) => h('li', {},
        h('h3', { lang: s.language }, h('a', { href: `/t/${th.id}` }, th.title || t('thread.untitled'))),
        h('p', { class: 'meta' }, tn('thread.posts', th.posts), ' · ',
          t('thread.by', { author: th.author || t('thread.anonymous') }), ' · ', dateTime(th.last_post_at))))) : h('p', {}, t('space.none')),
      s.next ? h('p', {}, h('a', { href: `/c/${encodeURIComponent(slug)}?before=${s.next}` }, t('space.more'))) : null),
    h('section', { 'aria-labelledby': 'space-new' },
      h('h2', { id: 'space-new' }, t('space.new')),
      s.can_write ? composeForm({
        audience: s.audience,
        withTitle: true,
        path: `/api/v1/spaces/${encodeURIComponent(slug)}/threads`,
        checkPath: `/api/v1/spaces/${encodeURIComponent(slug)}/check`,
        // R3: an emergency goes first on the thread page, instead of the usual notice.
        onDone: (r, redacted) => {
          holdEmergency(r.emergency, r.thread);
          ctx.navigate(`/t/${r.thread}`, { notice: r.emergency ? null : t(redacted ? 'compose.published.redacted' : 'compose.published') });
        },
      }) : h('p', {}, me ? '' : h('a', { href: `/login?next=${encodeURIComponent(`/c/${slug}`)}` }, t('space.login')))),
  ];
}
