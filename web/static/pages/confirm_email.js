// pages/confirm_email.js - /confirm-email/:token, the link of the sign-up e-mail. Confirming
// takes a button press, not the page's opening: mail scanners that open links must not
// confirm an address for its owner.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { buildForm, submitButton } from '../forms.js';
import './mail_i18n.js';

export const titleKey = 'confirm.title';

export function render(ctx) {
  const form = buildForm([], submitButton(t('confirm.submit')), { labelledBy: 'confirm-h1' });
  const done = h('p', { class: 'notice success', hidden: true, role: 'status' });
  form.onSubmit(async () => {
    const token = encodeURIComponent(ctx.params.token);
    const sent = await form.send(() => api.post(`/api/v1/email-confirmations/${token}`),
      { 'link-invalid': { message: t('confirm.invalid') } });
    if (!sent) return;
    form.form.hidden = true;
    done.textContent = t('confirm.done');
    done.hidden = false;
    ctx.announce(t('confirm.done'));
  });
  return [
    h('h1', { id: 'confirm-h1' }, t('confirm.title')),
    h('p', {}, t('confirm.intro')),
    form.form,
    done,
  ];
}
