// pages/learn_courses.js - /learn: the courses (issue 21, R7) in the interface language, with
// the member's lessons passed, and a link to the courses in the other language.
import { h } from '../dom.js';
import { t, tn, locale } from '../i18n.js';
import { api } from '../api.js';
import { emptyState, stylesheet } from '../ui.js';
import * as session from '../session.js';
import './learn_i18n.js';

export const titleKey = 'courses.title';

export function courseItem(c, level = 2) {
  const me = session.current();
  return h('li', {},
    h(`h${level}`, { lang: c.language }, h('a', { href: `/learn/${encodeURIComponent(c.slug)}` }, c.title)),
    h('p', { lang: c.language }, c.summary),
    h('p', { class: 'meta' }, t('courses.minutes', { n: c.minutes }), ' · ', tn('courses.lessons', c.lessons_count),
      c.audience === 'professionals' ? [' · ', t('courses.for_pros')] : null,
      me && typeof c.passed === 'number' ? [' · ', t('courses.passed', { passed: c.passed, total: c.lessons_count })] : null));
}

export async function render(ctx) {
  stylesheet('learn');
  const lang = ctx.query.get('language') === 'en' || ctx.query.get('language') === 'fr' ? ctx.query.get('language') : locale();
  const other = lang === 'fr' ? 'en' : 'fr';
  const { courses } = await api.get(`/api/v1/courses?language=${lang}`);
  const editor = session.hasRole('editor') || session.hasRole('administrator');
  return [
    h('h1', {}, t('courses.title')),
    h('p', {}, t('courses.intro')),
    courses.length ? h('ul', { class: 'learn-list' }, courses.map((c) => courseItem(c))) : emptyState(t('courses.none')),
    h('p', {}, h('a', { href: `/learn?language=${other}`, hreflang: other }, t('courses.other_language'))),
    editor ? h('p', {}, h('a', { href: '/learn-edit' }, t('courses.edit'))) : null,
  ];
}
