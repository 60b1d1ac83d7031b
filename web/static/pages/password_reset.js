// pages/password_reset.js - /password-reset: asking for a link to choose a new password. The
// answer is the same whether or not the account exists (the server says 202 in every case);
// too many requests from one connection get the wait time in the error summary.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { textField, buildForm, submitButton } from '../forms.js';
import { checkRequired } from '../validate.js';
import './mail_i18n.js';

export const titleKey = 'reset.title';

export function render(ctx) {
  const login = textField({
    name: 'login', label: t('reset.login.label'), autocomplete: 'username',
    attrs: { autocapitalize: 'none', spellcheck: 'false', maxlength: '254' },
  });
  const done = h('p', { class: 'notice success', hidden: true, role: 'status' });
  const form = buildForm([login], submitButton(t('reset.submit')), { labelledBy: 'reset-h1' });
  form.onSubmit(async () => {
    if (!form.check([[login, checkRequired(login.value().trim())]])) return;
    // a 429 lands in the error summary with its wait time (forms.js)
    await api.post('/api/v1/password-resets', { login: login.value().trim() });
    done.textContent = t('reset.sent');
    done.hidden = false;
    ctx.announce(t('reset.sent'));
  });
  return [
    h('h1', { id: 'reset-h1' }, t('reset.title')),
    h('p', {}, t('reset.intro')),
    form.form,
    done,
  ];
}
