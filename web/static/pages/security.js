// pages/security.js - /settings/security: two-factor authentication (TOTP). Turning it on
// shows the secret as text and as an otpauth:// link (for an authenticator app on this
// device; no QR code is drawn), asks for a first code, then shows the ten recovery codes once.
// Staff whose instance requires it are sent here after logging in.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { textField, buildForm, submitButton } from '../forms.js';
import * as session from '../session.js';
import './mail_i18n.js';

export const titleKey = 'totp.title';

function enrolment(ctx, box) {
  const start = buildForm([], submitButton(t('totp.start')));
  start.onSubmit(async () => {
    const e = await api.post('/api/v1/me/totp/enrolment');
    const code = textField({
      name: 'code', label: t('totp.code.label'), hint: t('totp.code.hint'), autocomplete: 'one-time-code',
      attrs: { inputmode: 'numeric', maxlength: '6', autocapitalize: 'none', spellcheck: 'false' },
    });
    const form = buildForm([code], submitButton(t('totp.confirm')));
    form.onSubmit(async () => {
      const sent = await form.send(() => api.post('/api/v1/me/totp', { code: code.value().trim() }).then((r) => {
        box.replaceChildren(
          h('p', { class: 'notice success', role: 'status' }, t('totp.on')),
          h('h2', { id: 'totp-codes' }, t('totp.codes.heading')),
          h('p', {}, t('totp.codes.intro')),
          h('ul', { class: 'recovery-codes', 'aria-labelledby': 'totp-codes' }, r.recovery_codes.map((c) => h('li', {}, h('code', {}, c)))));
        ctx.announce(t('totp.on'));
        return session.refresh();
      }), { validation: { field: code, message: t('totp.code.wrong') } });
      if (!sent) code.input.value = '';
    });
    box.replaceChildren(
      h('p', {}, t('totp.secret.intro')),
      h('dl', { class: 'facts' },
        h('dt', {}, t('totp.secret.label')), h('dd', {}, h('code', { id: 'totp-secret' }, e.secret)),
        h('dt', {}, t('totp.uri.label')), h('dd', {}, h('a', { href: e.uri }, t('totp.uri.link')))),
      form.form);
    code.input.focus();
  });
  return start.form;
}

export async function render(ctx) {
  const st = await api.get('/api/v1/me/totp');
  const box = h('div', {});
  if (st.enabled) box.append(h('p', {}, t('totp.enabled')));
  else box.append(h('p', {}, t(st.required ? 'totp.required' : 'totp.offer')), enrolment(ctx, box));
  return [h('h1', {}, t('totp.title')), box];
}
