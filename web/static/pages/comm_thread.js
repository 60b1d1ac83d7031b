// pages/comm_thread.js - /t/:id: a thread's posts, each labelled (R5), with reactions,
// quote, report, delete (own posts) and, for moderators, hide/restore; the reply form with
// its audience and the check's findings; the related validated articles panel.
import { h } from '../dom.js';
import { api } from '../api.js';
import * as session from '../session.js';
import { problemMessage, select, buildForm, submitButton } from '../forms.js';
import { confirmDialog, stylesheet, dateTime } from '../ui.js';
import './comm_i18n.js';
import { robots, composeForm, postBody, label, day } from './comm_ui.js';
import { holdEmergency, takeEmergency, emergencyPanel } from './comm_emergency.js';
import { t } from '../i18n.js';

export const titleKey = 'nav.communities';

// Reading a thread writes nothing on the server: once the page is visible, it says which
// posts were seen (the read marker and the thread's notifications up to the last one).
function markRead(threadId, posts) {
  if (!posts.length) return;
  const last = posts[posts.length - 1].id;
  const send = () => { api.post(`/api/v1/threads/${threadId}/read`, { last }).catch(() => {}); };
  if (document.visibilityState === 'visible') { send(); return; }
  const onVisible = () => {
    if (document.visibilityState !== 'visible') return;
    document.removeEventListener('visibilitychange', onVisible);
    send();
  };
  document.addEventListener('visibilitychange', onVisible);
}

const KINDS = ['soutien', 'merci', 'utile'];
const REASONS = ['identifying', 'harmful', 'spam', 'medical-misinformation', 'danger', 'other'];

// The report form: the design system's select and form (errors in its summary, the focus
// kept in order); a sent report replaces the form by its confirmation.
function reportForm(p, ctx, status) {
  const reason = select({ name: 'reason', label: t('post.report.reason'),
    options: REASONS.map((r) => ({ value: r, label: t(`post.report.${r}`) })) });
  const ctl = buildForm([reason], submitButton(t('post.report.send')));
  ctl.form.classList.add('comm-form');
  ctl.onSubmit(async () => {
    await api.post(`/api/v1/posts/${p.id}/reports`, { reason: reason.value() });
    ctx.announce(t('post.report.done'));
    status.replaceChildren(h('p', { class: 'notice success' }, t('post.report.done')));
    ctl.form.remove();
  });
  return ctl.form;
}

function postView(p, th, ctx, reply) {
  const me = session.current();
  const mod = session.hasRole('moderator');
  const status = h('div', { role: 'status' });
  const counts = { ...p.reactions };
  const reactButtons = KINDS.map((k) => {
    const given = ((th.me && th.me.reactions[p.id]) || []).includes(k);
    const b = h('button', { type: 'button', class: 'button secondary', 'aria-pressed': String(given) }, t('react.count', { label: t(`react.${k}`), n: counts[k] }));
    b.addEventListener('click', async () => {
      const on = b.getAttribute('aria-pressed') === 'true';
      try {
        const r = on ? await api.del(`/api/v1/posts/${p.id}/reactions/${k}`) : await api.put(`/api/v1/posts/${p.id}/reactions/${k}`);
        b.setAttribute('aria-pressed', on ? 'false' : 'true');
        b.textContent = t('react.count', { label: t(`react.${k}`), n: r.reactions[k] });
      } catch (err) {
        status.replaceChildren(h('p', { class: 'notice error' }, problemMessage(err)));
      }
    });
    return b;
  });
  const actions = [];
  if (me && !p.deleted && th.can_write) {
    actions.push(...reactButtons);
    actions.push(h('button', { type: 'button', class: 'button secondary', onclick: () => reply.quote(p) }, t('post.quote')));
    if (!p.mine) {
      actions.push(h('button', { type: 'button', class: 'button secondary', onclick: (e) => { e.target.after(reportForm(p, ctx, status)); e.target.remove(); } }, t('post.report')));
    }
  }
  if (p.mine && !p.deleted && typeof p.body === 'string' && th.can_write) {
    // Editing one's own post: the same check as a new one (PATCH /api/v1/posts/:id).
    actions.push(h('button', { type: 'button', class: 'button secondary', onclick: (e) => {
      const article = e.target.closest('article');
      const editor = composeForm({
        audience: th.audience, path: `/api/v1/posts/${p.id}`, method: 'PATCH', initial: p.body,
        checkPath: `/api/v1/spaces/${encodeURIComponent(th.space.slug)}/check`,
        submitLabel: t('post.edit.save'),
        onDone: (r, redacted) => { ctx.announce(t(redacted ? 'compose.published.redacted' : 'post.edit.done')); ctx.redraw(); },
      });
      const cancel = h('button', { type: 'button', class: 'button secondary', onclick: () => ctx.redraw() }, t('post.edit.cancel'));
      article.querySelector('.post-body').replaceWith(h('div', { class: 'post-edit' }, editor, cancel));
      article.querySelector('.actions').hidden = true;
      editor.bodyInput.focus();
    } }, t('post.edit')));
  }
  if (p.mine && !p.deleted) {
    actions.push(h('button', { type: 'button', class: 'button danger', onclick: async () => {
      const sure = await confirmDialog({ title: t('post.delete.confirm'), message: t('post.delete.confirm.body'),
        preview: postBody(p.html), confirmLabel: t('post.delete'), danger: true });
      if (!sure) return;
      try { await api.del(`/api/v1/posts/${p.id}`); ctx.announce(t('post.delete.done')); ctx.redraw(); } catch (err) { status.replaceChildren(h('p', { class: 'notice error' }, problemMessage(err))); }
    } }, t('post.delete')));
  }
  if (mod && !p.deleted) {
    const act = p.hidden ? 'restore' : 'hide';
    actions.push(h('button', { type: 'button', class: 'button danger', onclick: async () => {
      try { await api.post(`/api/v1/moderation/posts/${p.id}/${act}`, {}); ctx.announce(t('mod.done')); ctx.redraw(); } catch (err) { status.replaceChildren(h('p', { class: 'notice error' }, problemMessage(err))); }
    } }, t(`post.${act}`)));
  }
  return h('article', { class: 'post', id: `post-${p.id}`, 'aria-labelledby': `post-${p.id}-h` },
    h('header', {},
      h('h3', { id: `post-${p.id}-h`, class: 'meta' }, p.author || t('thread.anonymous'), ' · ', dateTime(p.created_at),
        p.edited ? ` · ${t('post.edited')}` : ''),
      label(p.label),
      p.hidden ? h('span', { class: 'badge' }, t('post.hidden')) : null),
    p.quote ? h('blockquote', { class: 'quote' }, t('post.quoting', { author: p.quote.author || t('thread.anonymous') }), ' ', p.quote.excerpt || '…') : null,
    p.deleted ? h('p', { class: 'meta' }, t('post.deleted')) : postBody(p.html),
    actions.length ? h('div', { class: 'actions' }, actions) : null,
    status);
}

export async function render(ctx) {
  stylesheet('comm');
  const id = ctx.params.id;
  const after = ctx.query.get('after');
  const th = await api.get(`/api/v1/threads/${encodeURIComponent(id)}${after ? `?after=${encodeURIComponent(after)}` : ''}`);
  robots(th.space.indexed === true);
  // A title is its author's words: it goes when they delete their first post or account.
  const title = th.title || t('thread.untitled');
  ctx.setTitle(title);
  const me = session.current();
  if (me) markRead(th.id, th.posts);
  let quoteId = null;
  const quoteNote = h('p', { class: 'meta', hidden: true });
  const form = th.can_write ? composeForm({
    audience: th.audience,
    path: `/api/v1/threads/${th.id}/posts`,
    checkPath: `/api/v1/spaces/${encodeURIComponent(th.space.slug)}/check`,
    submitLabel: t('thread.reply'),
    extra: () => (quoteId ? { quote: quoteId } : {}),
    onDone: (r, redacted) => {
      holdEmergency(r.emergency, th.id);
      if (!r.emergency) ctx.announce(t(redacted ? 'compose.published.redacted' : 'compose.published'));
      ctx.redraw();
    },
  }) : null;
  const reply = {
    quote(p) {
      quoteId = p.id;
      quoteNote.hidden = false;
      quoteNote.textContent = t('post.quoting', { author: p.author || t('thread.anonymous') });
      if (form) form.bodyInput.focus();
    },
  };
  let following = Boolean(th.me && th.me.following);
  const followButton = me ? h('button', { type: 'button', class: 'button secondary', 'aria-pressed': String(following) }, t(following ? 'thread.unfollow' : 'thread.follow')) : null;
  if (followButton) {
    followButton.addEventListener('click', async () => {
      following = !following;
      await (following ? api.put(`/api/v1/threads/${th.id}/follow`) : api.del(`/api/v1/threads/${th.id}/follow`));
      followButton.setAttribute('aria-pressed', String(following));
      followButton.textContent = t(following ? 'thread.unfollow' : 'thread.follow');
      ctx.announce(following ? t('thread.following') : t('thread.follow'));
    });
  }
  const related = th.related || [];
  // R3: the author of a post that reads as an emergency sees the numbers first.
  const emergency = takeEmergency(th.id);
  if (emergency) ctx.announce(`${emergency.heading}. ${emergency.message}`);
  return [
    emergency ? emergencyPanel(emergency) : null,
    h('p', { class: 'meta' }, h('a', { href: `/c/${encodeURIComponent(th.space.slug)}` }, th.space.name)),
    h('h1', {}, title),
    h('div', { class: 'thread-layout' },
      h('div', {},
        followButton,
        h('h2', { class: 'visually-hidden' }, t('thread.posts.heading')),
        th.posts.map((p) => postView(p, th, ctx, reply)),
        th.next ? h('p', {}, h('a', { href: `/t/${th.id}?after=${th.next}` }, t('thread.more'))) : null,
        form ? h('section', { 'aria-labelledby': 'reply-h' }, h('h2', { id: 'reply-h' }, t('thread.reply')), quoteNote, form) : null),
      h('aside', { class: 'panel related', 'aria-labelledby': 'related-h' },
        h('h2', { id: 'related-h' }, t('thread.related')),
        related.length ? h('ul', { class: 'comm-list' }, related.map((a) => h('li', {},
          label('validated'), ' ',
          h('a', { href: `/articles/${a.id}` }, a.title),
          h('p', { class: 'meta' }, t('articles.by', { institution: a.institution.name, date: day(a.reviewed) }))))) : h('p', {}, t('thread.related.none')))),
  ];
}
