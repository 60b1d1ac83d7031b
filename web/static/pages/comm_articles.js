// pages/comm_articles.js - /articles: validated articles, newest first; editors get the form
// to publish a signed article for their institution.
import { h, uid } from '../dom.js';
import { api } from '../api.js';
import * as session from '../session.js';
import { problemMessage } from '../forms.js';
import { tc } from './comm_i18n.js';
import { commStyle, label, day } from './comm_ui.js';

export const titleKey = 'nav.articles';

function publishForm(ctx) {
  const id = uid('article');
  const title = h('input', { type: 'text', id: `${id}-t`, name: 'title', required: true, maxlength: '200' });
  const body = h('textarea', { id: `${id}-b`, name: 'body', rows: '8', required: true });
  const status = h('div', { role: 'status' });
  return h('form', { class: 'compose stack', novalidate: true, onsubmit: async (e) => {
    e.preventDefault();
    try {
      const r = await api.post('/api/v1/articles', { title: title.value, body: body.value });
      ctx.navigate(`/articles/${r.id}`, { notice: tc('articles.new.done') });
    } catch (err) {
      status.replaceChildren(h('p', { class: 'notice error' }, problemMessage(err)));
    }
  } },
  h('div', { class: 'field' }, h('label', { for: `${id}-t` }, tc('articles.new.title')), title),
  h('div', { class: 'field' }, h('label', { for: `${id}-b` }, tc('articles.new.body')), body),
  h('button', { type: 'submit', class: 'button' }, tc('articles.new.send')), status);
}

export async function render(ctx) {
  commStyle();
  ctx.setTitle(tc('articles.title'));
  const before = ctx.query.get('before');
  const r = await api.get(`/api/v1/articles${before ? `?before=${encodeURIComponent(before)}` : ''}`);
  return [
    h('h1', {}, tc('articles.title')),
    h('p', { class: 'lead' }, tc('articles.intro')),
    r.articles.length ? h('ul', { class: 'comm-list' }, r.articles.map((a) => h('li', { lang: a.language },
      h('h2', {}, h('a', { href: `/articles/${a.id}` }, a.title)),
      h('p', { class: 'meta', lang: null }, label('validated'), ' ', tc('articles.by', { institution: a.institution.name, date: day(a.reviewed) }))))) : h('p', {}, tc('articles.none')),
    r.next ? h('p', {}, h('a', { href: `/articles?before=${r.next}` }, '→')) : null,
    session.hasRole('editor') ? h('section', { 'aria-labelledby': 'article-new' },
      h('h2', { id: 'article-new' }, tc('articles.new')), publishForm(ctx)) : null,
  ];
}
