// pages/comm_search.js - /search?q=: full-text search in the communities the reader may see
// and in validated articles.
import { h } from '../dom.js';
import { api } from '../api.js';
import { textField, buildForm, submitButton } from '../forms.js';
import { checkRequired } from '../validate.js';
import './comm_i18n.js';
import { label } from './comm_ui.js';
import { t } from '../i18n.js';
import { stylesheet } from '../ui.js';

export const titleKey = 'nav.search';

export async function render(ctx) {
  stylesheet('comm');
  ctx.setTitle(t('search.title'));
  const q = ctx.query.get('q') || '';
  const input = textField({ name: 'q', type: 'search', label: t('search.label'), value: q, attrs: { maxlength: '200' } });
  const ctl = buildForm([input], submitButton(t('search.send')));
  ctl.form.classList.add('search-form');
  ctl.form.setAttribute('role', 'search');
  ctl.onSubmit(async () => {
    if (!ctl.check([[input, checkRequired(input.value().trim())]])) return;
    ctx.navigate(`/search?q=${encodeURIComponent(input.value().trim())}`);
  });
  const form = ctl.form;
  if (!q.trim()) return [h('h1', {}, t('search.title')), form];
  const r = await api.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
  return [
    h('h1', {}, t('search.title')),
    form,
    h('section', { 'aria-labelledby': 'search-articles' },
      h('h2', { id: 'search-articles' }, t('search.articles')),
      r.articles.length ? h('ul', { class: 'comm-list' }, r.articles.map((a) => h('li', {},
        label('validated'), ' ', h('a', { href: `/articles/${a.id}` }, a.title)))) : h('p', {}, t('search.none'))),
    h('section', { 'aria-labelledby': 'search-posts' },
      h('h2', { id: 'search-posts' }, t('search.posts')),
      r.posts.length ? h('ul', { class: 'comm-list' }, r.posts.map((p) => h('li', {},
        h('h3', {}, h('a', { href: `/t/${p.thread.id}#post-${p.post}` }, p.thread.title || t('thread.untitled'))),
        h('p', { class: 'meta' }, p.space.name, ' · ', label('testimony')),
        h('p', {}, p.excerpt)))) : h('p', {}, t('search.none'))),
  ];
}
