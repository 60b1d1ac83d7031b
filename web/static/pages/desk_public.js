// pages/desk_public.js - public criticism on an institution's page (/desk/:slug/avis):
// anyone reads the complaints and the institution's public replies; a member posts one; when
// the check finds identifiers or health details, the page offers to move it to the private
// desk instead (and shows the emergency numbers first when it describes an emergency).
// Community managers answer publicly.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { buildForm, submitButton } from '../forms.js';
import * as session from '../session.js';
import { textArea, guidancePanel } from './desk_ui.js';
import { stylesheet, dateTime } from '../ui.js';

export const titleKey = 'desk.public.title';

function replyForm(base, c, ctx) {
  const text = textArea({ name: 'text', label: t('desk.public.reply.label'), max: 4000 });
  const ctl = buildForm([text], submitButton(t('desk.public.reply.submit'), 'button secondary'));
  ctl.onSubmit(async () => {
    if (!ctl.check([[text, text.value().trim() ? null : 'required']])) return;
    await api.post(`${base}/${c.id}/reply`, { text: text.value() });
    ctx.announce(t('desk.public.reply.done'));
    ctx.redraw();
  });
  return ctl.form;
}

function postForm(base, slug, ctx) {
  const text = textArea({ name: 'text', label: t('desk.public.post.label'), hint: t('desk.public.post.hint'), max: 4000 });
  const offer = h('div', { tabindex: '-1' });
  const ctl = buildForm([text], submitButton(t('desk.public.post.submit')), { after: offer });
  const move = async () => {
    const r = await api.post(base, { text: text.value(), move_to_desk: true });
    offer.replaceChildren(h('p', { class: 'notice success' }, t('desk.public.moved'), ' ',
      h('a', { href: `/desk/requests/${r.request.id}` }, t('desk.new.follow', { id: r.request.id }))));
    text.input.value = '';
    offer.focus();
  };
  ctl.onSubmit(async () => {
    if (!ctl.check([[text, text.value().trim() ? null : 'required']])) return;
    const r = await api.post(base, { text: text.value() });
    if (r.published) {
      ctx.announce(t('desk.public.published'));
      ctx.redraw();
      return;
    }
    offer.replaceChildren(
      guidancePanel(r.guidance, slug),
      h('div', { class: 'notice' },
        h('p', {}, t(r.identifiers.length ? 'desk.public.found.ids' : 'desk.public.found.health')),
        h('button', { type: 'button', class: 'button', onclick: move }, t('desk.public.move'))));
    offer.focus();
  });
  return ctl.form;
}

export async function render(ctx) {
  stylesheet('desk');
  const slug = ctx.params.slug;
  const base = `/api/v1/institutions/${encodeURIComponent(slug)}/complaints`;
  const d = await api.get(base);
  const heading = t('desk.public.heading', { name: d.institution });
  ctx.setTitle(heading);
  return [
    h('h1', {}, heading),
    h('p', {}, t('desk.public.intro')),
    session.current() ? h('section', { 'aria-labelledby': 'desk-pub-post' },
      h('h2', { id: 'desk-pub-post' }, t('desk.public.post.heading')), postForm(base, slug, ctx))
      : h('p', {}, h('a', { href: `/login?next=${encodeURIComponent(`/desk/${slug}/avis`)}` }, t('desk.public.login'))),
    h('section', { 'aria-labelledby': 'desk-pub-list' },
      h('h2', { id: 'desk-pub-list' }, t('desk.public.list')),
      d.complaints.length ? h('ul', { class: 'desk-list' }, d.complaints.map((c) => h('li', {},
        h('p', { class: 'hint' }, c.author || t('desk.gone'), ' — ', dateTime(c.created_at)),
        h('p', {}, c.text),
        c.reply ? h('div', { class: 'desk-msg' },
          h('p', { class: 'hint' }, t('desk.public.answer', { name: d.institution }), ' — ', dateTime(c.reply.at)),
          h('p', {}, c.reply.text))
          : d.can_reply ? replyForm(base, c, ctx) : null)))
        : h('p', {}, t('desk.public.none'))),
    h('p', {}, h('a', { href: `/desk/${encodeURIComponent(slug)}` }, t('desk.public.desk'))),
  ];
}
