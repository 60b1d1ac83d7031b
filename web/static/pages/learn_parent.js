// pages/learn_parent.js - a parent's agreement for an under-15 account (issue 21; loi
// Informatique et Libertés, art. 45): the form where the limited member gives a parent's
// address (the settings' age section), and /parent-confirm/:token, the page the parent's
// link opens. Confirming takes a button press, not the page's opening: mail scanners that
// open links must not confirm an account for a parent.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { textField, buildForm, submitButton } from '../forms.js';
import { checkEmail } from '../validate.js';
import './learn_i18n.js';

export const titleKey = 'parent.title';

// The form that sends the link to a parent (202: queued).
export function parentForm(ctx) {
  const email = textField({ name: 'parent_email', type: 'email', label: t('parent.email'), hint: t('parent.email.hint'), autocomplete: 'off' });
  const done = h('p', { class: 'notice success', hidden: true, role: 'status' });
  const form = buildForm([email], submitButton(t('parent.send'), 'button secondary'), { after: done });
  form.onSubmit(async () => {
    done.hidden = true;
    const value = email.value().trim();
    if (!form.check([[email, checkEmail(value)]])) return;
    if (!await form.send(() => api.post('/api/v1/me/parent-confirmation', { parent_email: value }))) return;
    email.input.value = '';
    done.textContent = t('parent.sent');
    done.hidden = false;
    ctx.announce(t('parent.sent'));
  });
  return form.form;
}

// /parent-confirm/:token
export function render(ctx) {
  const form = buildForm([], submitButton(t('parent.confirm')), { labelledBy: 'parent-h1' });
  const done = h('p', { class: 'notice success', hidden: true, role: 'status' });
  form.onSubmit(async () => {
    const token = encodeURIComponent(ctx.params.token);
    const sent = await form.send(() => api.post(`/api/v1/parent-confirmations/${token}`),
      { 'link-invalid': { message: t('parent.invalid') } });
    if (!sent) return;
    form.form.hidden = true;
    done.textContent = t('parent.confirmed');
    done.hidden = false;
    ctx.announce(t('parent.confirmed'));
  });
  return [
    h('h1', { id: 'parent-h1' }, t('parent.title')),
    h('p', {}, t('parent.intro')),
    h('p', {}, t('parent.kept')),
    form.form,
    done,
  ];
}
