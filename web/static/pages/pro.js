// pages/pro.js - /pro: the professional space. Verified professionals see the cases (with
// the median time to first answer) and the photos of colleagues waiting for a review; anyone
// else is told the space is for verified professionals (the API refuses them anyway).
import { h } from '../dom.js';
import { api } from '../api.js';
import { tp, tpn } from './pro_i18n.js';
import { proStyle, duration, when } from './pro_ui.js';

export const titleKey = 'pro.title';

function denied() {
  return [
    h('h1', {}, tp('pro.title')),
    h('p', { class: 'notice' }, tp('pro.denied')),
    h('p', {}, h('a', { href: '/verification' }, tp('pro.denied.link'))),
  ];
}

export async function render(ctx) {
  proStyle();
  ctx.setTitle(tp('pro.title'));
  let cases;
  try {
    cases = await api.get('/api/v1/cases');
  } catch (err) {
    if (err.status === 403) return denied();
    throw err;
  }
  const reviews = await api.get('/api/v1/photo-reviews');
  return [
    h('h1', {}, tp('pro.title')),
    h('p', {}, tp('pro.intro')),
    h('p', {}, cases.median_first_answer_seconds === null ? tp('pro.median.none')
      : tp('pro.median', { time: duration(cases.median_first_answer_seconds) })),
    h('p', {}, h('a', { class: 'button', href: '/pro/cases/new' }, tp('pro.new'))),
    h('section', { class: 'panel', 'aria-labelledby': 'pro-reviews' },
      h('h2', { id: 'pro-reviews' }, tp('pro.reviews')),
      reviews.reviews.length ? h('ul', { class: 'pro-list' }, reviews.reviews.map((r) => h('li', {},
        h('a', { href: `/pro/reviews/${r.id}` }, tp('pro.review.open', { title: r.case_title })),
        ` — ${when(r.created_at)}`))) : h('p', {}, tp('pro.reviews.none'))),
    h('section', { class: 'panel', 'aria-labelledby': 'pro-cases' },
      h('h2', { id: 'pro-cases' }, tp('pro.cases')),
      cases.cases.length ? h('ul', { class: 'pro-list' }, cases.cases.map((c) => h('li', {},
        h('a', { href: `/pro/cases/${c.id}` }, c.title),
        ` — ${tp(`pro.case.status.${c.status}`)} — ${tpn('pro.case.answers', c.n_answers)} — ${when(c.created_at)}`)))
        : h('p', {}, tp('pro.cases.none'))),
  ];
}
