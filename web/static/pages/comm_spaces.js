// pages/comm_spaces.js - /c: the communities the reader may see (GET /api/v1/spaces).
import { h } from '../dom.js';
import { api } from '../api.js';
import './comm_i18n.js';
import { t, tn } from '../i18n.js';
import { stylesheet } from '../ui.js';

export const titleKey = 'nav.communities';

export async function render(ctx) {
  stylesheet('comm');
  ctx.setTitle(t('spaces.title'));
  const r = await api.get('/api/v1/spaces');
  return [
    h('h1', {}, t('spaces.title')),
    h('p', { class: 'lead' }, t('spaces.intro')),
    r.spaces.length ? h('ul', { class: 'comm-list' }, r.spaces.map((s) => h('li', { lang: s.language },
      h('h2', {}, h('a', { href: `/c/${encodeURIComponent(s.slug)}` }, s.name),
        h('span', { class: 'badge', lang: null }, t(`vis.${s.visibility}`))),
      s.description ? h('p', {}, s.description) : null,
      h('p', { class: 'meta' }, tn('spaces.threads', s.threads))))) : h('p', {}, t('spaces.none')),
  ];
}
