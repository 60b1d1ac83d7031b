// pages/comm_moderation.js - /moderation: the open reports (moderators only), hide or restore
// the post, dismiss the report, suspend its author (a dialog asks the reason and the length;
// the report is closed with it); the reported private conversations (issue 20); the log of
// every moderator action with its note.
import { h } from '../dom.js';
import { api } from '../api.js';
import { problemMessage, textArea, select } from '../forms.js';
import { confirmDialog, quoted, dateTime, stylesheet } from '../ui.js';
import './comm_i18n.js';
import { t, has } from '../i18n.js';
import * as session from '../session.js';

export const titleKey = 'nav.moderation';

// A server code ("harmful", "hide", "post") said in words; an unknown one stays as it is.
function words(prefix, code) {
  return has(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : code;
}

// Reported private conversations (issue 20): the messages the reporter chose, opened by the
// server with the keys the reporter revealed and checked against their writers' signatures.
function messageReports(reports, act) {
  const resolve = (r, resolution) => act(() => api.post(`/api/v1/moderation/message-reports/${r.id}/resolve`, { resolution }));
  return h('section', { 'aria-labelledby': 'mod-msg' },
    h('h2', { id: 'mod-msg' }, t('mod.msg.queue')),
    reports.length ? [h('p', { class: 'hint' }, t('mod.msg.intro')), h('ul', { class: 'comm-list' }, reports.map((r) => h('li', { class: r.priority === 'danger' ? 'comm-danger' : null },
      r.priority === 'danger' ? h('p', {}, h('strong', { class: 'badge' }, t('mod.danger'))) : null,
      h('h3', {}, t('mod.msg.title', { id: r.conversation, reporter: r.reporter || '—' })),
      h('p', { class: 'meta' }, t('mod.msg.reason', { reason: words('post.report', r.reason) }), ' · ', dateTime(r.created_at)),
      r.note ? h('p', {}, t('mod.msg.note', { note: r.note })) : null,
      r.messages.map((m) => h('figure', {},
        h('blockquote', { class: 'quote' }, m.text),
        m.photo ? h('p', { class: 'meta' }, t('mod.msg.photo')) : null,
        h('figcaption', { class: 'meta' }, m.sender, ' · ', dateTime(m.sent_at), ' · ',
          t('mod.msg.verified', { sender: m.sender, version: m.check.key_version })))),
      r.steps ? h('details', { open: true }, h('summary', {}, t('mod.danger.steps')), h('ol', {}, r.steps.map((s) => h('li', {}, s)))) : null,
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'button', onclick: resolve(r, 'handled') }, t('mod.resolve')),
        h('button', { type: 'button', class: 'button secondary', onclick: resolve(r, 'dismissed') }, t('mod.dismiss'))),
      h('div', { role: 'status' }))))] : h('p', {}, t('mod.msg.none')));
}

export async function render(ctx) {
  stylesheet('comm');
  ctx.setTitle(t('mod.title'));
  let reports;
  try {
    reports = await api.get('/api/v1/moderation/reports');
  } catch (err) {
    if (err.status === 403) return [h('h1', {}, t('mod.title')), h('p', { class: 'notice' }, t('mod.denied'))];
    throw err;
  }
  // a space moderator (assigned to spaces by the administrator) sees the reports of their
  // spaces and suspends nobody; the log and suspensions are the instance moderators'
  const instance = session.hasRole('moderator') || session.hasRole('administrator');
  // reported private conversations are the instance moderators' (issue 20)
  const [log, convReports] = await Promise.all([instance ? api.get('/api/v1/moderation/log') : null,
    session.hasRole('moderator') ? api.get('/api/v1/moderation/message-reports') : null]);
  // fn returns what to announce (or nothing: "recorded"), or false when the dialog was cancelled.
  const act = (fn) => async (e) => {
    const status = e.target.closest('li').querySelector('[role="status"]');
    try {
      const said = await fn();
      if (said === false) return;
      ctx.announce(said || t('mod.done'));
      ctx.redraw();
    } catch (err) { status.replaceChildren(h('p', { class: 'notice error' }, problemMessage(err))); }
  };
  const dismiss = (r) => async () => {
    const note = textArea({ name: 'note', label: t('mod.dismiss.note'), rows: 2, max: 1000 });
    const v = await confirmDialog({ title: t('mod.dismiss.title'), message: t('mod.dismiss.message'), confirmLabel: t('mod.dismiss'), fields: [note] });
    if (!v) return false;
    await api.post(`/api/v1/moderation/posts/${r.post}/dismiss`, v.note.trim() ? { note: v.note.trim() } : {});
    return null;
  };
  const suspend = (r) => async () => {
    const reason = textArea({ name: 'reason', label: t('mod.suspend.reason'), hint: t('mod.suspend.reason.hint'), rows: 3, max: 500 });
    const length = select({
      name: 'days', label: t('mod.suspend.length'), value: '7',
      options: [...['1', '7', '30', '365'].map((d) => ({ value: d, label: t(`mod.suspend.d${d}`) })),
        { value: '', label: t('mod.suspend.lifted') }],
    });
    const v = await confirmDialog({
      title: t('mod.suspend.title', { author: r.author }), message: t('mod.suspend.message'),
      confirmLabel: t('mod.suspend.confirm'), danger: true, fields: [reason, length], required: ['reason'],
    });
    if (!v) return false;
    const body = { reason: v.reason.trim(), post: r.post };
    if (v.days) body.days = Number(v.days);
    const done = await api.post(`/api/v1/moderation/accounts/${encodeURIComponent(r.author)}/suspend`, body);
    return done.until ? t('mod.suspended.until', { author: r.author, date: dateTime(done.until) })
      : t('mod.suspended.lifted', { author: r.author });
  };
  return [
    h('h1', {}, t('mod.title')),
    h('section', { 'aria-labelledby': 'mod-queue' },
      h('h2', { id: 'mod-queue' }, t('mod.queue')),
      reports.reports.length ? h('ul', { class: 'comm-list' }, reports.reports.map((r) => h('li', { class: r.priority === 'danger' ? 'comm-danger' : null },
        r.priority === 'danger' ? h('p', {}, h('strong', { class: 'badge' }, t('mod.danger'))) : null,
        h('h3', {}, h('a', { href: `/t/${r.thread.id}#post-${r.post}` }, r.thread.title)),
        r.source === 'classifier' ? h('p', { class: 'meta' }, t('mod.danger.classifier'), ' · ', dateTime(r.created_at))
          : h('p', { class: 'meta' }, t('mod.reported', { reporter: r.reporter || '—', reason: words('post.report', r.reason) }), ' · ', dateTime(r.created_at)),
        h('p', { class: 'meta' }, t('mod.author', { author: r.author || t('thread.anonymous') })),
        h('blockquote', { class: 'quote' }, r.excerpt),
        r.steps ? h('details', { open: true }, h('summary', {}, t('mod.danger.steps')), h('ol', {}, r.steps.map((s) => h('li', {}, s)))) : null,
        h('div', { class: 'actions' },
          r.priority === 'danger' ? h('button', { type: 'button', class: 'button', onclick: act(() => api.post(`/api/v1/moderation/posts/${r.post}/resolve`, {})) }, t('mod.resolve')) : null,
          h('button', { type: 'button', class: 'button danger', onclick: act(() => api.post(`/api/v1/moderation/posts/${r.post}/${r.hidden ? 'restore' : 'hide'}`, {})) },
            t(r.hidden ? 'post.restore' : 'post.hide')),
          h('button', { type: 'button', class: 'button secondary', onclick: act(dismiss(r)) }, t('mod.dismiss')),
          r.author && instance ? h('button', { type: 'button', class: 'button secondary', onclick: act(suspend(r)) }, t('mod.suspend')) : null),
        h('div', { role: 'status' })))) : h('p', {}, t('mod.queue.none'))),
    convReports ? messageReports(convReports.reports, act) : null,
    log ? h('section', { 'aria-labelledby': 'mod-log' },
      h('h2', { id: 'mod-log' }, t('mod.log')),
      h('ul', {}, log.actions.map((a) => h('li', {}, t('mod.log.entry', { moderator: a.moderator || '—', action: words('mod.action', a.action), kind: words('mod.kind', a.target.kind), id: a.target.id }),
        a.note ? [' · ', quoted(a.note)] : null, ' · ', dateTime(a.at))))) : null,
  ];
}
