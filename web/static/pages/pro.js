// pages/pro.js - /pro: the professional space. Verified professionals see the cases (with
// the median time to first answer) and the photos of colleagues waiting for a review; anyone
// else is told the space is for verified professionals (the API refuses them anyway).
import { h } from '../dom.js';
import { api } from '../api.js';
import './pro_i18n.js';
import { duration } from './pro_ui.js';
import { t, tn } from '../i18n.js';
import { stylesheet, dateTime } from '../ui.js';

export const titleKey = 'pro.title';

function denied() {
  return [
    h('h1', {}, t('pro.title')),
    h('p', { class: 'notice' }, t('pro.denied')),
    h('p', {}, h('a', { href: '/verification' }, t('pro.denied.link'))),
  ];
}

export async function render(ctx) {
  stylesheet('pro');
  ctx.setTitle(t('pro.title'));
  let cases;
  try {
    cases = await api.get('/api/v1/cases');
  } catch (err) {
    if (err.status === 403) return denied();
    throw err;
  }
  const reviews = await api.get('/api/v1/photo-reviews');
  return [
    h('h1', {}, t('pro.title')),
    h('p', {}, t('pro.intro')),
    h('p', {}, cases.median_first_answer_seconds === null ? t('pro.median.none')
      : t('pro.median', { time: duration(cases.median_first_answer_seconds) })),
    h('p', {}, h('a', { class: 'button', href: '/pro/cases/new' }, t('pro.new'))),
    h('section', { class: 'panel', 'aria-labelledby': 'pro-reviews' },
      h('h2', { id: 'pro-reviews' }, t('pro.reviews')),
      reviews.reviews.length ? h('ul', { class: 'pro-list' }, reviews.reviews.map((r) => h('li', {},
        h('a', { href: `/pro/reviews/${r.id}` }, t('pro.review.open', { title: r.case_title })),
        ` — ${dateTime(r.created_at)}`))) : h('p', {}, t('pro.reviews.none'))),
    h('section', { class: 'panel', 'aria-labelledby': 'pro-cases' },
      h('h2', { id: 'pro-cases' }, t('pro.cases')),
      cases.cases.length ? h('ul', { class: 'pro-list' }, cases.cases.map((c) => h('li', {},
        h('a', { href: `/pro/cases/${c.id}` }, c.title),
        ` — ${t(`pro.case.status.${c.status}`)} — ${tn('pro.case.answers', c.n_answers)} — ${dateTime(c.created_at)}`)))
        : h('p', {}, t('pro.cases.none'))),
  ];
}
