// pages/pro_case.js - /pro/cases/:id: one case. Readers see the text, the reviewed photos and
// the answers; the author also sees the consent record and the photos waiting for review,
// marks the answer that helped and closes the case.
import { h } from '../dom.js';
import { api } from '../api.js';
import { buildForm, submitButton } from '../forms.js';
import './pro_i18n.js';
import { proSend, textArea } from './pro_ui.js';
import { t } from '../i18n.js';
import { stylesheet, dateTime } from '../ui.js';

export const titleKey = 'case.page';

function photo(p, c) {
  return h('li', {},
    p.status === 'approved' || c.is_author
      ? h('img', { class: 'pro-photo', src: p.url, alt: t('case.photo.alt'), width: p.width, height: p.height }) : null,
    p.status === 'pending' ? h('p', { class: 'notice' }, t('case.photo.pending')) : null,
    p.status === 'refused' ? h('p', { class: 'notice' }, t('case.photo.refused', { reason: p.reason })) : null);
}

function answer(a, c, ctx) {
  const mark = c.is_author && c.status === 'open' && !a.helpful
    ? h('button', { type: 'button', class: 'button secondary', onclick: async () => {
      await api.post(`/api/v1/cases/${c.id}/helpful`, { answer_id: a.id });
      ctx.redraw();
    } }, t('case.mark.helpful')) : null;
  return h('li', { class: a.helpful ? 'pro-helpful' : null },
    h('p', { class: 'hint' }, `${a.author || '—'} — ${dateTime(a.created_at)}`),
    a.helpful ? h('p', {}, h('strong', {}, t('case.helpful'))) : null,
    h('p', {}, a.body), mark);
}

function answerForm(c, ctx) {
  const body = textArea({ name: 'body', label: t('case.answer'), hint: t('case.body.hint') });
  const ctl = buildForm([body], submitButton(t('case.answer.submit')));
  ctl.onSubmit(async () => {
    if (body.value().trim().length < 2) { body.setError(t('field.reason.too-short')); return; }
    if (!await proSend(ctl, () => api.post(`/api/v1/cases/${c.id}/answers`, { body: body.value().trim() }))) return;
    ctx.redraw();
  });
  return ctl.form;
}

export async function render(ctx) {
  stylesheet('pro');
  const c = await api.get(`/api/v1/cases/${encodeURIComponent(ctx.params.id)}`);
  ctx.setTitle(c.title);
  const close = c.is_author && c.status === 'open'
    ? h('button', { type: 'button', class: 'button secondary', onclick: async () => {
      await api.post(`/api/v1/cases/${c.id}/close`);
      ctx.redraw();
    } }, t('case.close')) : null;
  return [
    h('h1', {}, c.title),
    h('p', { class: 'hint' }, t('case.by', { author: c.author || '—' }), ` — ${dateTime(c.created_at)}`,
      c.space ? [' — ', h('a', { href: `/c/${encodeURIComponent(c.space)}` }, t('case.in.space'))] : null),
    c.status === 'closed' ? h('p', { class: 'notice' }, t('case.closed')) : null,
    c.consent ? h('p', { class: 'hint' }, t('case.consent.recorded', {
      who: t(`case.consent.who.${c.consent.who}`), how: t(`case.consent.how.${c.consent.how}`), on: c.consent.given_on })) : null,
    h('div', { class: 'panel' }, h('p', {}, c.body)),
    c.photos.length ? h('section', { 'aria-labelledby': 'case-photos' },
      h('h2', { id: 'case-photos' }, t('case.photos')),
      h('ul', { class: 'pro-list' }, c.photos.map((p) => photo(p, c)))) : null,
    h('section', { 'aria-labelledby': 'case-answers' },
      h('h2', { id: 'case-answers' }, t('case.answers')),
      c.answers.length ? h('ul', { class: 'pro-list' }, c.answers.map((a) => answer(a, c, ctx))) : h('p', {}, t('case.answers.none')),
      c.status === 'open' ? answerForm(c, ctx) : null),
    close,
  ];
}
