// pages/login.js - logging in with a handle or an e-mail address and a password (and the
// two-factor code, asked for when the account uses one; a member whose role needs it but has
// it off is sent to /settings/security). A wrong pair
// gets one message that does not say which half was wrong; too many attempts get the wait
// time from Retry-After. On success the page goes back to ?next= (a local path) or home.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { textField, buildForm, submitButton } from '../forms.js';
import { checkRequired } from '../validate.js';
import * as session from '../session.js';
import { afterLogin } from './learn_age.js';

export const titleKey = 'login.title';

let prefilled = '';

// The sign-up page hands over the new handle so the visitor only types the password.
export function prefill(handle) {
  prefilled = handle;
}

export function render(ctx) {
  const login = textField({
    name: 'login', label: t('login.login.label'), autocomplete: 'username',
    value: prefilled, attrs: { autocapitalize: 'none', spellcheck: 'false', maxlength: '254' },
  });
  prefilled = '';
  const password = textField({
    name: 'password', type: 'password', label: t('login.password.label'), autocomplete: 'current-password',
  });
  // two-factor code: shown once the server answers otp-required (issue 17)
  const otp = textField({
    name: 'otp', label: t('login.otp.label'), hint: t('login.otp.hint'), autocomplete: 'one-time-code',
    attrs: { inputmode: 'text', autocapitalize: 'none', spellcheck: 'false', maxlength: '32' },
  });
  otp.el.hidden = true;
  const fields = [login, password, otp];
  const next = ctx.safeNext(ctx.query.get('next'));
  const form = buildForm(fields, submitButton(t('login.submit')), { labelledBy: 'login-h1' });

  form.onSubmit(async () => {
    if (!form.check(fields.filter((f) => !f.el.hidden).map((f) => [f, checkRequired(f.value().trim())]))) return;
    let me = null;
    const code = otp.el.hidden ? '' : otp.value().replace(/\s+/g, '');
    const sent = await form.send(async () => { me = await session.logIn(login.value().trim(), password.value(), code); }, {
      'otp-required': { field: otp, message: t('login.otp.required') },
      'otp-invalid': { field: otp, message: t('login.otp.invalid') },
      401: { message: t('login.failed') }, 403: { message: t('login.suspended') },
    });
    if (!sent) {
      if (otp.el.hidden && !otp.error.hidden) otp.el.hidden = false; // the server asked for a code
      if (otp.el.hidden) password.input.value = '';
      else otp.input.value = '';
      return;
    }
    if (me && me.totp_missing) {
      ctx.navigate('/settings/security', { notice: t('login.otp.needed') });
      return;
    }
    ctx.navigate(afterLogin(me, next), { notice: t('login.done', { handle: me ? me.handle : '' }) });
  });

  return [
    h('h1', { id: 'login-h1' }, t('login.title')),
    form.form,
    h('p', {}, h('a', { href: '/password-reset' }, t('login.forgot'))),
    h('p', {}, t('login.no_account'), ' ', h('a', { href: next === '/' ? '/signup' : `/signup?next=${encodeURIComponent(next)}` }, t('login.signup_link'))),
  ];
}
