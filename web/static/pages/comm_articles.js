// pages/comm_articles.js - /articles: validated articles, newest first; editors get the form
// to publish a signed article for their institution.
import { h } from '../dom.js';
import { api } from '../api.js';
import * as session from '../session.js';
import { textField, textArea, buildForm, submitButton } from '../forms.js';
import { checkRequired } from '../validate.js';
import './comm_i18n.js';
import { label, day } from './comm_ui.js';
import { t } from '../i18n.js';
import { stylesheet } from '../ui.js';

export const titleKey = 'nav.articles';

// The editor's form: the design system's fields and form (empty fields said next to them and
// in the summary, server problems too).
function publishForm(ctx) {
  const title = textField({ name: 'title', label: t('articles.new.title'), attrs: { maxlength: '200' } });
  const body = textArea({ name: 'body', label: t('articles.new.body'), rows: 8, max: 131072 });
  const ctl = buildForm([title, body], submitButton(t('articles.new.send')));
  ctl.onSubmit(async () => {
    if (!ctl.check([[title, checkRequired(title.value().trim())], [body, checkRequired(body.value().trim())]])) return;
    const r = await api.post('/api/v1/articles', { title: title.value(), body: body.value() });
    ctx.navigate(`/articles/${r.id}`, { notice: t('articles.new.done') });
  });
  return ctl.form;
}

export async function render(ctx) {
  stylesheet('comm');
  ctx.setTitle(t('articles.title'));
  const before = ctx.query.get('before');
  const r = await api.get(`/api/v1/articles${before ? `?before=${encodeURIComponent(before)}` : ''}`);
  return [
    h('h1', {}, t('articles.title')),
    h('p', { class: 'lead' }, t('articles.intro')),
    r.articles.length ? h('ul', { class: 'comm-list' }, r.articles.map((a) => h('li', { lang: a.language },
      h('h2', {}, h('a', { href: `/articles/${a.id}` }, a.title)),
      h('p', { class: 'meta', lang: null }, label('validated'), ' ', t('articles.by', { institution: a.institution.name, date: day(a.reviewed) }))))) : h('p', {}, t('articles.none')),
    r.next ? h('p', {}, h('a', { href: `/articles?before=${r.next}` }, '→')) : null,
    session.hasRole('editor') ? h('section', { 'aria-labelledby': 'article-new' },
      h('h2', { id: 'article-new' }, t('articles.new')), publishForm(ctx)) : null,
  ];
}
