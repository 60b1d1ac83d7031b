// pages/comm_article.js - /articles/:id: a validated article, labelled, with the server's
// check of its signature, the last review date, and the signed export to verify offline.
import { h } from '../dom.js';
import { api } from '../api.js';
import './comm_i18n.js';
import { label, day, postBody } from './comm_ui.js';
import { t } from '../i18n.js';
import { stylesheet } from '../ui.js';

export const titleKey = 'nav.articles';

export async function render(ctx) {
  stylesheet('comm');
  const a = await api.get(`/api/v1/articles/${encodeURIComponent(ctx.params.id)}`);
  ctx.setTitle(a.title);
  const ok = a.signature && a.signature.verified === true;
  return [
    h('p', { class: 'meta' }, h('a', { href: '/articles' }, t('articles.title'))),
    h('article', { lang: a.language, 'aria-labelledby': 'article-h' },
      h('h1', { id: 'article-h' }, a.title),
      h('p', { lang: null }, label('validated'), ' ', a.institution_name),
      h('p', { class: `notice ${ok ? 'success signature-ok' : 'error'}`, lang: null, 'data-signature': ok ? 'verified' : 'invalid' },
        t(ok ? 'article.signature.ok' : 'article.signature.bad', { institution: a.institution_name })),
      h('p', { class: 'meta', lang: null }, t('article.reviewed', { date: day(a.reviewed) }), ' · ', t('article.version', { n: a.version })),
      postBody(a.html, 2)),
    h('p', {},
      h('a', { href: `/api/v1/articles/${a.id}/export`, download: `article-${a.id}.json` }, t('article.export')), ' · ',
      h('a', { href: a.signature.public_key_url }, t('article.key'))),
  ];
}
