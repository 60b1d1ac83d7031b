// pages/admin_settings.js - /admin/settings: the instance's name, the languages it offers,
// whether sign-up is open, closed or by invitation (with the invitations to hand out), its
// terms of use and privacy policy (GET/PATCH /api/v1/admin/settings). What is saved here wins
// over the configuration file. Administrators only.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { textField, textArea, select, radioGroup, buildForm, submitButton } from '../forms.js';
import * as session from '../session.js';
import { adminSend, backLink, denied } from './admin_ui.js';
import { dateTime, stylesheet } from '../ui.js';

export const titleKey = 'settings.admin.title';

function settingsForm(ctx, s) {
  const name = textField({ name: 'name', label: t('settings.admin.name'), value: s.name, attrs: { maxlength: 120 } });
  const locales = select({ name: 'locales', label: t('settings.admin.locales'),
    options: ['fr,en', 'fr', 'en'].map((v) => ({ value: v, label: t(`settings.admin.locales.${v.replace(',', '-')}`) })) });
  locales.input.value = s.locales;
  const registration = radioGroup({ name: 'registration', legend: t('settings.admin.registration'), value: s.registration,
    options: ['open', 'invitation', 'closed'].map((v) => ({ value: v, label: t(`settings.admin.registration.${v}`) })) });
  const terms = textArea({ name: 'terms', label: t('settings.admin.terms'), hint: t('settings.admin.pages.hint'), value: s.terms || '', rows: 8, max: 32768 });
  const privacy = textArea({ name: 'privacy', label: t('settings.admin.privacy'), hint: t('settings.admin.pages.hint'), value: s.privacy || '', rows: 8, max: 32768 });
  const fields = [name, locales, registration, terms, privacy];
  const form = buildForm(fields, submitButton(t('inst.save')), { labelledBy: 'settings-admin-form' });
  form.onSubmit(async () => {
    if (!form.check([[name, name.value().trim().length < 2 ? 'too-short' : null]])) return;
    const body = { name: name.value().trim(), locales: locales.value(), registration: registration.value(),
      terms: terms.value().trim(), privacy: privacy.value().trim() };
    const r = await adminSend(form, () => api.patch('/api/v1/admin/settings', body));
    if (!r) return;
    ctx.announce(t('admin.saved'));
    ctx.redraw();
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'settings-admin-form' },
    h('h2', { id: 'settings-admin-form' }, t('settings.admin.form')), form.form);
}

function invitations() {
  const out = h('div', { role: 'status' });
  const button = h('button', {
    type: 'button', class: 'button secondary',
    onclick: async () => {
      const r = await api.post('/api/v1/admin/invitations');
      const link = `${window.location.origin}/signup?invitation=${encodeURIComponent(r.code)}`;
      out.replaceChildren(
        h('p', {}, t('settings.admin.invitation.made', { date: dateTime(r.expires_at) })),
        h('p', {}, h('code', { class: 'admin-code' }, link)));
    },
  }, t('settings.admin.invitation.create'));
  return h('section', { class: 'panel', 'aria-labelledby': 'settings-invitations' },
    h('h2', { id: 'settings-invitations' }, t('settings.admin.invitations')),
    h('p', {}, t('settings.admin.invitations.intro')),
    h('p', { class: 'actions' }, button), out);
}

export async function render(ctx) {
  stylesheet('admin');
  if (!session.hasRole('administrator')) return denied('settings.admin.title');
  const s = await api.get('/api/v1/admin/settings');
  return [
    h('h1', {}, t('settings.admin.title')),
    backLink(),
    h('p', {}, t('settings.admin.intro')),
    settingsForm(ctx, s),
    invitations(),
  ];
}
