// pages/comm_moderation.js - /moderation: the open reports (moderators only), hide or restore
// the post, suspend its author; the log of every moderator action.
import { h } from '../dom.js';
import { api } from '../api.js';
import { problemMessage } from '../forms.js';
import { tc, has } from './comm_i18n.js';
import { commStyle, when } from './comm_ui.js';

export const titleKey = 'nav.moderation';

// A server code ("harmful", "hide", "post") said in words; an unknown one stays as it is.
function words(prefix, code) {
  return has(`${prefix}.${code}`) ? tc(`${prefix}.${code}`) : code;
}

export async function render(ctx) {
  commStyle();
  ctx.setTitle(tc('mod.title'));
  let reports;
  try {
    reports = await api.get('/api/v1/moderation/reports');
  } catch (err) {
    if (err.status === 403) return [h('h1', {}, tc('mod.title')), h('p', { class: 'notice' }, tc('mod.denied'))];
    throw err;
  }
  const log = await api.get('/api/v1/moderation/log');
  const act = (fn) => async (e) => {
    const status = e.target.closest('li').querySelector('[role="status"]');
    try { await fn(); ctx.announce(tc('mod.done')); ctx.redraw(); } catch (err) { status.replaceChildren(h('p', { class: 'notice error' }, problemMessage(err))); }
  };
  return [
    h('h1', {}, tc('mod.title')),
    h('section', { 'aria-labelledby': 'mod-queue' },
      h('h2', { id: 'mod-queue' }, tc('mod.queue')),
      reports.reports.length ? h('ul', { class: 'comm-list' }, reports.reports.map((r) => h('li', { class: r.priority === 'danger' ? 'comm-danger' : null },
        r.priority === 'danger' ? h('p', {}, h('strong', { class: 'badge' }, tc('mod.danger'))) : null,
        h('h3', {}, h('a', { href: `/t/${r.thread.id}#post-${r.post}` }, r.thread.title)),
        r.source === 'classifier' ? h('p', { class: 'meta' }, tc('mod.danger.classifier'), ' · ', when(r.created_at))
          : h('p', { class: 'meta' }, tc('mod.reported', { reporter: r.reporter || '—', reason: words('post.report', r.reason) }), ' · ', when(r.created_at)),
        h('p', { class: 'meta' }, tc('mod.author', { author: r.author || tc('thread.anonymous') })),
        h('blockquote', { class: 'quote' }, r.excerpt),
        r.steps ? h('details', { open: true }, h('summary', {}, tc('mod.danger.steps')), h('ol', {}, r.steps.map((s) => h('li', {}, s)))) : null,
        h('div', { class: 'actions' },
          r.priority === 'danger' ? h('button', { type: 'button', class: 'button', onclick: act(() => api.post(`/api/v1/moderation/posts/${r.post}/resolve`, {})) }, tc('mod.resolve')) : null,
          h('button', { type: 'button', class: 'button danger', onclick: act(() => api.post(`/api/v1/moderation/posts/${r.post}/${r.hidden ? 'restore' : 'hide'}`, {})) },
            tc(r.hidden ? 'post.restore' : 'post.hide')),
          r.author ? h('button', { type: 'button', class: 'button secondary', onclick: act(() => api.post(`/api/v1/moderation/accounts/${encodeURIComponent(r.author)}/suspend`, {})) }, tc('mod.suspend')) : null),
        h('div', { role: 'status' })))) : h('p', {}, tc('mod.queue.none'))),
    h('section', { 'aria-labelledby': 'mod-log' },
      h('h2', { id: 'mod-log' }, tc('mod.log')),
      h('ul', {}, log.actions.map((a) => h('li', {}, tc('mod.log.entry', { moderator: a.moderator || '—', action: words('mod.action', a.action), kind: words('mod.kind', a.target.kind), id: a.target.id }), ' · ', when(a.at))))),
  ];
}
