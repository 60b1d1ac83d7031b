// pages/settings.js - the member's account: the interface language (kept in the account),
// a new password (other sessions are ended by the server), and deleting the account for
// good, with the choice between keeping one's posts anonymised and deleting them; a copy of
// one's data (GET /api/v1/me/export).
import { h } from '../dom.js';
import { t, locale, offeredLocales, localeName } from '../i18n.js';
import { api } from '../api.js';
import { textField, radioGroup, checkbox, buildForm, fieldMessage, submitButton } from '../forms.js';
import { checkPassword, checkRequired } from '../validate.js';
import * as session from '../session.js';
import { mailSection, securitySection } from './mail_settings.js';
import { ageSection } from './learn_age.js';
import { day } from '../ui.js';

export const titleKey = 'settings.title';

function section(id, heading, ...content) {
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, heading), content);
}

// A success line under a form, announced through the live region by the caller.
function successLine() {
  return h('p', { class: 'notice success', hidden: true });
}

function showSuccess(line, message, ctx) {
  line.textContent = message;
  line.hidden = false;
  ctx.announce(message);
}

// The server answers 401 when the password typed to confirm an action is wrong.
function wrongPassword(field) {
  return { 401: { field, message: fieldMessage('current_password', 'wrong') } };
}

function accountSummary(me) {
  const roles = (Array.isArray(me.roles) ? me.roles : []).map((r) => t(`role.${r}`));
  const created = Date.parse(me.created_at || '');
  const institutions = Array.isArray(me.institutions) ? me.institutions : [];
  return h('dl', { class: 'facts' },
    h('dt', {}, t('settings.account.handle')), h('dd', {}, me.handle),
    h('dt', {}, t('settings.account.roles')), h('dd', {}, roles.join(', ')),
    Number.isFinite(created) ? [
      h('dt', {}, t('settings.account.since')),
      h('dd', {}, day(me.created_at, 'long')),
    ] : null,
    institutions.length ? [
      h('dt', {}, t('settings.account.institutions')),
      h('dd', {}, institutions.map((i) => `${i.name} (${t(`role.${i.role}`)})`).join(', ')),
    ] : null);
}

function languageForm(ctx) {
  const choice = radioGroup({
    name: 'locale', legend: t('settings.lang.legend'), value: locale(),
    options: offeredLocales().map((l) => ({ value: l, label: h('span', { lang: l }, localeName(l)) })),
  });
  const submit = submitButton(t('settings.lang.submit'));
  submit.setAttribute('data-focus-key', 'settings-lang');
  const form = buildForm([choice], submit);
  form.onSubmit(async () => {
    const value = choice.value();
    if (value === locale()) {
      ctx.announce(t('lang.changed'));
      return;
    }
    await ctx.changeLocale(value);
  });
  return form.form;
}

function passwordForm(ctx) {
  const current = textField({
    name: 'current_password', type: 'password', label: t('settings.password.current'),
    autocomplete: 'current-password',
  });
  const next = textField({
    name: 'new_password', type: 'password', label: t('settings.password.new'),
    hint: t('signup.password.hint'), autocomplete: 'new-password',
  });
  const confirm = textField({
    name: 'confirm', type: 'password', label: t('settings.password.confirm'), autocomplete: 'new-password',
  });
  const fields = [current, next, confirm];
  const done = successLine();
  const form = buildForm(fields, submitButton(t('settings.password.submit')), { after: done });
  form.onSubmit(async () => {
    done.hidden = true;
    const nextReason = checkPassword(next.value());
    const ok = form.check([
      [current, checkRequired(current.value())],
      [next, nextReason],
      [confirm, !nextReason && confirm.value() !== next.value() ? 'mismatch' : null],
    ]);
    if (!ok) return;
    const body = { current_password: current.value(), new_password: next.value() };
    if (!await form.send(() => api.put('/api/v1/me/password', body), wrongPassword(current))) return;
    form.clear();
    for (const f of fields) f.input.value = '';
    showSuccess(done, t('settings.password.done'), ctx);
  });
  return form.form;
}

function deleteForm(ctx) {
  const posts = radioGroup({
    name: 'posts', legend: t('settings.delete.posts.legend'), hint: t('settings.delete.posts.hint'),
    options: [
      { value: 'anonymise', label: t('settings.delete.posts.anonymise') },
      { value: 'delete', label: t('settings.delete.posts.delete') },
    ],
  });
  const password = textField({
    name: 'password', type: 'password', label: t('settings.delete.password'), autocomplete: 'current-password',
  });
  const sure = checkbox({ name: 'confirm_delete', label: t('settings.delete.confirm') });
  const fields = [posts, password, sure];
  const form = buildForm(fields, submitButton(t('settings.delete.submit'), 'button danger'));
  form.onSubmit(async () => {
    if (!form.check(fields.map((f) => [f, checkRequired(f.value())]))) return;
    const body = { password: password.value(), posts: posts.value() };
    if (!await form.send(() => api.del('/api/v1/me', body), wrongPassword(password))) return;
    session.forget();
    ctx.navigate('/', { notice: t('settings.delete.done') });
  });
  return form.form;
}

export function render(ctx) {
  const me = session.current();
  return [
    h('h1', {}, t('settings.title')),
    accountSummary(me),
    // an instance that offers one language has nothing to choose
    offeredLocales().length > 1 ? section('settings-lang', t('settings.lang.heading'), languageForm(ctx)) : null,
    ageSection(ctx),
    section('settings-password', t('settings.password.heading'), passwordForm(ctx)),
    mailSection(ctx, me),
    securitySection(),
    // GDPR art. 15 and 20: a plain download link (the session cookie goes with it; the app's
    // router leaves links with `download` to the browser).
    section('settings-export', t('settings.export.heading'),
      h('p', {}, t('settings.export.intro')),
      h('p', {}, h('a', { class: 'button', href: '/api/v1/me/export', download: 'entraide-export.zip' },
        t('settings.export.button'))),
      h('p', {}, h('a', { href: '/privacy' }, t('settings.privacy.link')))),
    section('settings-delete', t('settings.delete.heading'),
      h('p', {}, t('settings.delete.intro')),
      deleteForm(ctx)),
  ];
}
