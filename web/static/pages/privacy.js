// pages/privacy.js - /privacy: the member's consents, each withdrawable (their own, and the
// patients' consents a professional recorded for cases), a copy of their data, and what the
// hourly purge deletes (issue 18).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { problemMessage } from '../forms.js';
import * as session from '../session.js';
import './privacy_i18n.js';
import { day as formatDay } from '../ui.js';

const day = (iso) => formatDay(iso, 'long');

export const titleKey = 'privacy.title';

function section(id, heading, ...content) {
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, heading), content);
}

// A button that runs action, then redraws with a message; a failure is shown next to it.
function actionButton(label, action, done, ctx, cls = 'button secondary') {
  const error = h('p', { class: 'notice error', hidden: true });
  const button = h('button', {
    type: 'button', class: cls,
    onclick: async () => {
      button.disabled = true;
      try {
        await action();
        ctx.announce(done);
        ctx.redraw();
      } catch (err) {
        error.textContent = problemMessage(err);
        error.hidden = false;
        button.disabled = false;
      }
    },
  }, label);
  return [button, error];
}

function ownConsents(data, ctx) {
  const items = data.purposes.map((purpose) => {
    const history = data.consents.filter((c) => c.purpose === purpose);
    const open = history.find((c) => !c.withdrawn_at);
    const path = `/api/v1/me/consents/${encodeURIComponent(purpose)}`;
    return h('li', {},
      h('p', {}, h('strong', {}, t(`privacy.purpose.${purpose}`))),
      history.length ? h('ul', {}, history.map((c) => h('li', {},
        t('privacy.consent.given', { date: day(c.given_at) }),
        c.withdrawn_at ? ` — ${t('privacy.consent.withdrawn', { date: day(c.withdrawn_at) })}` : ''))) : null,
      open
        ? actionButton(t('privacy.consent.withdraw'), () => api.del(path), t('privacy.consent.done.withdraw'), ctx)
        : actionButton(t('privacy.consent.give'), () => api.put(path), t('privacy.consent.done.give'), ctx));
  });
  return [data.consents.length ? null : h('p', {}, t('privacy.consents.none')), h('ul', {}, items)];
}

function caseConsents(data, ctx) {
  return [
    h('p', {}, t('privacy.cases.intro')),
    h('ul', {}, data.case_consents.map((c) => h('li', {},
      h('p', {}, t('privacy.cases.item', {
        title: c.title, who: t(`privacy.who.${c.who}`), how: t(`privacy.how.${c.how}`), date: c.given_on,
      })),
      actionButton(t('privacy.cases.withdraw'), () => api.del(`/api/v1/me/case-consents/${c.case}`),
        t('privacy.cases.done'), ctx, 'button danger')))),
  ];
}

export async function render(ctx) {
  const data = await api.get('/api/v1/me/consents');
  return [
    h('h1', {}, t('privacy.title')),
    h('p', {}, t('privacy.intro')),
    section('privacy-consents', t('privacy.consents.heading'), ownConsents(data, ctx)),
    data.case_consents.length ? section('privacy-cases', t('privacy.cases.heading'), caseConsents(data, ctx)) : null,
    section('privacy-copy', t('privacy.copy.heading'),
      h('p', {}, t('settings.export.intro')),
      h('p', {}, h('a', { class: 'button', href: '/api/v1/me/export', download: 'entraide-export.zip' }, t('privacy.copy.link')))),
    section('privacy-keep', t('privacy.keep.heading'),
      h('p', {}, t('privacy.keep.intro')),
      h('ul', {}, ['posts', 'desk', 'sessions', 'notifications', 'moderation'].map((k) => h('li', {}, t(`privacy.keep.${k}`)))),
      h('p', {}, t('privacy.keep.account')),
      session.hasRole('administrator') ? h('p', {}, h('a', { href: '/admin/register' }, t('privacy.register.link'))) : null),
  ];
}
