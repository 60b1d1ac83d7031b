// pages/password_reset_token.js - /password-reset/:token, the link of the e-mail: choosing a
// new password. The server ends every session of the account; the page then sends the member
// to log in. A used or expired link (410 link-invalid) says so and offers a new one.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { textField, buildForm, submitButton } from '../forms.js';
import { checkPassword } from '../validate.js';
import * as session from '../session.js';
import './mail_i18n.js';

export const titleKey = 'reset.new.title';

export function render(ctx) {
  const password = textField({
    name: 'password', type: 'password', label: t('reset.new.password'),
    hint: t('reset.new.hint'), autocomplete: 'new-password',
  });
  const confirm = textField({
    name: 'confirm', type: 'password', label: t('reset.new.confirm'), autocomplete: 'new-password',
  });
  const fields = [password, confirm];
  const form = buildForm(fields, submitButton(t('reset.new.submit')), { labelledBy: 'reset-new-h1' });
  const again = h('p', { hidden: true }, h('a', { href: '/password-reset' }, t('reset.again')));
  form.onSubmit(async () => {
    const reason = checkPassword(password.value());
    if (!form.check([
      [password, reason],
      [confirm, !reason && confirm.value() !== password.value() ? 'mismatch' : null],
    ])) return;
    const token = encodeURIComponent(ctx.params.token);
    const sent = await form.send(() => api.post(`/api/v1/password-resets/${token}`, { password: password.value() }),
      { 'link-invalid': { message: t('reset.invalid') } });
    if (!sent) {
      again.hidden = false;
      return;
    }
    // every session ended, this browser's too
    if (session.current()) session.expire();
    ctx.navigate('/login', { notice: t('reset.new.done') });
  });
  return [
    h('h1', { id: 'reset-new-h1' }, t('reset.new.title')),
    h('p', {}, t('reset.new.intro')),
    form.form,
    again,
  ];
}
