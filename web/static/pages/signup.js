// pages/signup.js - creating an account: a pseudonymous handle (with advice on choosing one
// that reveals nothing), an e-mail address (encrypted at rest, never shown) and a password.
// POST /api/v1/accounts does not log in: on success the page logs in with the same handle and
// password and goes back to ?next= (the page the visitor came from), signed in. Should that
// log-in fail (rate limit), the log-in page opens with the handle filled in.
import { h } from '../dom.js';
import { t, locale } from '../i18n.js';
import { api } from '../api.js';
import { textField, buildForm, fieldMessage, submitButton } from '../forms.js';
import { checkHandle, checkEmail, checkPassword } from '../validate.js';
import { prefill } from './login.js';
import { registrationOpen } from '../instance.js';
import * as session from '../session.js';

export const titleKey = 'signup.title';

function closed(ctx) {
  return [
    h('h1', {}, t('signup.title')),
    h('p', {}, t('home.registration_closed')),
    h('p', {}, t('signup.have_account'), ' ', h('a', { href: withNext('/login', ctx) }, t('signup.login_link'))),
  ];
}

export async function render(ctx) {
  if (!await registrationOpen()) return closed(ctx);
  const handle = textField({
    name: 'handle', label: t('signup.handle.label'), hint: t('signup.handle.hint'),
    autocomplete: 'username', attrs: { autocapitalize: 'none', spellcheck: 'false', maxlength: '64' },
  });
  const email = textField({
    name: 'email', type: 'email', label: t('signup.email.label'), hint: t('signup.email.hint'),
    autocomplete: 'email', attrs: { spellcheck: 'false', maxlength: '254' },
  });
  const password = textField({
    name: 'password', type: 'password', label: t('signup.password.label'),
    hint: t('signup.password.hint'), autocomplete: 'new-password',
  });
  const confirm = textField({
    name: 'confirm', type: 'password', label: t('signup.confirm.label'), autocomplete: 'new-password',
  });
  const fields = [handle, email, password, confirm];
  const form = buildForm(fields, submitButton(t('signup.submit')), { labelledBy: 'signup-h1' });

  form.onSubmit(async () => {
    const values = {
      handle: handle.value().trim().toLowerCase(),
      email: email.value().trim(),
      password: password.value(),
    };
    const passwordReason = checkPassword(values.password);
    const ok = form.check([
      [handle, checkHandle(values.handle)],
      [email, checkEmail(values.email)],
      [password, passwordReason],
      [confirm, !passwordReason && confirm.value() !== values.password ? 'mismatch' : null],
    ]);
    if (!ok) return;
    const sent = await form.send(() => api.post('/api/v1/accounts', { ...values, locale: locale() }), {
      'handle-taken': { field: handle, message: fieldMessage('handle', 'taken') },
      conflict: { field: email, message: fieldMessage('email', 'taken') },
      forbidden: { message: t('home.registration_closed') },
    });
    if (!sent) return;
    form.clear();
    const next = ctx.safeNext(ctx.query.get('next'));
    try {
      await session.logIn(values.handle, values.password);
    } catch {
      prefill(values.handle);
      ctx.navigate(`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`, { notice: t('signup.done', { handle: values.handle }) });
      return;
    }
    ctx.navigate(next, { notice: t('signup.welcome', { handle: values.handle }) });
  });

  return [
    h('h1', { id: 'signup-h1' }, t('signup.title')),
    h('p', {}, t('signup.intro')),
    form.form,
    h('p', {}, t('signup.have_account'), ' ', h('a', { href: withNext('/login', ctx) }, t('signup.login_link'))),
  ];
}

// A link to the log-in or sign-up page that keeps ?next= (the page the visitor came from).
export function withNext(path, ctx) {
  const next = ctx.safeNext(ctx.query.get('next'));
  return next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`;
}
