// pages/pro_profile.js - /u/:handle: an account's public face. A verified professional shows
// the badge (what was verified, by whom, when; never the RPPS number). Rule R2: a member who
// tries to write privately to a professional is told why it is not possible and pointed to
// the institution's desk.
import { h } from '../dom.js';
import { api } from '../api.js';
import { locale, t } from '../i18n.js';
import './pro_i18n.js';
import { stylesheet } from '../ui.js';

export const titleKey = 'profile.title';

export async function render(ctx) {
  stylesheet('pro');
  const handle = ctx.params.handle;
  ctx.setTitle(t('profile.title', { handle }));
  let badge = null;
  try {
    badge = await api.get(`/api/v1/accounts/${encodeURIComponent(handle)}/badge`);
  } catch (err) {
    if (err.status !== 404) throw err;
  }
  const out = h('div', { 'aria-live': 'polite' });
  const write = h('button', { type: 'button', class: 'button', onclick: async () => {
    out.replaceChildren();
    try {
      const r = await api.post('/api/v1/conversations', { with: [handle] });
      ctx.navigate(`/messages/${r.conversation.id}`);
    } catch (err) {
      if (err.status !== 403) throw err;
      const desk = badge && badge.institution ? `/desk/${encodeURIComponent(badge.institution)}` : '/desk';
      out.append(h('section', { class: 'pro-r2', 'aria-labelledby': 'r2-title' },
        h('h2', { id: 'r2-title' }, t('r2.title')),
        h('p', {}, t('r2.text')),
        h('p', {}, h('a', { class: 'button', href: desk }, t('r2.desk')))));
      out.querySelector('h2').setAttribute('tabindex', '-1');
      out.querySelector('h2').focus();
    }
  } }, t('profile.message'));
  return [
    h('h1', {}, t('profile.title', { handle })),
    badge ? h('p', {}, h('span', { class: 'pro-badge' }, t('profile.badge')), ' ',
      badge.label[locale() === 'en' ? 'en' : 'fr']) : h('p', {}, t('profile.nobadge')),
    h('p', {}, write),
    out,
  ];
}
