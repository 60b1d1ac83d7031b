// pages/mail_settings.js - the e-mail part of "My account" (/settings): whether the address
// is confirmed, and a button for a new confirmation link. Rendered by settings.js.
import { h } from '../dom.js';
import { t, extend } from '../i18n.js';
import { api } from '../api.js';
import { buildForm, submitButton } from '../forms.js';
import { mailStrings } from './mail_i18n.js';

extend(mailStrings);

export function mailSection(ctx, me) {
  const id = 'settings-mail';
  const body = [];
  if (me && me.email_confirmed) {
    body.push(h('p', {}, t('mailset.confirmed')));
  } else {
    const done = h('p', { class: 'notice success', hidden: true });
    const form = buildForm([], submitButton(t('mailset.resend'), 'button secondary'));
    form.onSubmit(async () => {
      await api.post('/api/v1/me/email-confirmation');
      done.textContent = t('mailset.sent');
      done.hidden = false;
      ctx.announce(t('mailset.sent'));
    });
    body.push(h('p', {}, t('mailset.unconfirmed')), form.form, done);
  }
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, t('mailset.heading')), body);
}
