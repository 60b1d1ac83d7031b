// pages/comm_space.js - /c/:slug: a space, who can read it, its threads (keyset "older"
// link), and the form to start a thread (with the audience shown before sending).
import { h } from '../dom.js';
import { colon } from '../format.js';
import { api } from '../api.js';
import * as session from '../session.js';
import { tc, tcn } from './comm_i18n.js';
import { commStyle, robots, composeForm, audienceText, when } from './comm_ui.js';
import { holdEmergency, dropEmergency } from './comm_emergency.js';

export const titleKey = 'nav.communities';

export async function render(ctx) {
  commStyle();
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
    h('p', { class: 'audience' }, h('strong', {}, colon(tc('audience.heading'))), audienceText(s.audience)),
    h('section', { 'aria-labelledby': 'space-threads' },
      h('h2', { id: 'space-threads' }, tc('space.threads')),
      s.threads.length ? h('ul', { class: 'comm-list' }, s.threads.map((th) => h('li', {},
        h('h3', { lang: s.language }, h('a', { href: `/t/${th.id}` }, th.title || tc('thread.untitled'))),
        h('p', { class: 'meta' }, tcn('thread.posts', th.posts), ' · ',
          tc('thread.by', { author: th.author || tc('thread.anonymous') }), ' · ', when(th.last_post_at))))) : h('p', {}, tc('space.none')),
      s.next ? h('p', {}, h('a', { href: `/c/${encodeURIComponent(slug)}?before=${s.next}` }, tc('space.more'))) : null),
    h('section', { 'aria-labelledby': 'space-new' },
      h('h2', { id: 'space-new' }, tc('space.new')),
      s.can_write ? composeForm({
        audience: s.audience,
        withTitle: true,
        path: `/api/v1/spaces/${encodeURIComponent(slug)}/threads`,
        checkPath: `/api/v1/spaces/${encodeURIComponent(slug)}/check`,
        // R3: an emergency goes first on the thread page, instead of the usual notice.
        onDone: (r, redacted) => {
          holdEmergency(r.emergency, r.thread);
          ctx.navigate(`/t/${r.thread}`, { notice: r.emergency ? null : tc(redacted ? 'compose.published.redacted' : 'compose.published') });
        },
      }) : h('p', {}, me ? '' : h('a', { href: `/login?next=${encodeURIComponent(`/c/${slug}`)}` }, tc('space.login')))),
  ];
}
