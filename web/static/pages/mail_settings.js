// pages/mail_settings.js - the e-mail part of "My account" (/settings): whether the address
// is confirmed, a button for a new confirmation link, and the opt-in digest (off by default;
// daily or weekly records the consent, "never" withdraws it). Rendered by settings.js.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { buildForm, submitButton, radioGroup } from '../forms.js';
import './mail_i18n.js';

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
  body.push(digestForm(ctx));
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, t('mailset.heading')), body);
}

// The link to two-factor authentication (/settings/security).
export function securitySection() {
  const id = 'settings-security';
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, t('totp.title')),
    h('p', {}, t('totp.offer')),
    h('p', {}, h('a', { href: '/settings/security' }, t('totp.manage'))));
}

function digestForm(ctx) {
  const choice = radioGroup({
    name: 'digest', legend: t('digest.legend'), hint: t('digest.hint'), value: 'off',
    options: ['off', 'daily', 'weekly'].map((v) => ({ value: v, label: t(`digest.${v}`) })),
  });
  const done = h('p', { class: 'notice success', hidden: true });
  const form = buildForm([choice], submitButton(t('digest.save'), 'button secondary'));
  api.get('/api/v1/me/email-digest').then((r) => {
    for (const i of choice.inputs) i.checked = i.value === (r.frequency || 'off');
  }, () => {});
  form.onSubmit(async () => {
    const v = choice.value();
    if (v === 'off') await api.del('/api/v1/me/email-digest');
    else await api.put('/api/v1/me/email-digest', { frequency: v });
    done.textContent = t('digest.saved');
    done.hidden = false;
    ctx.announce(t('digest.saved'));
  });
  return h('div', {}, form.form, done);
}
