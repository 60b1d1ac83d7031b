// pages/signup.js - creating an account: a pseudonymous handle (with advice on choosing one
// that reveals nothing), an e-mail address (encrypted at rest, never shown) and a password.
// POST /api/v1/accounts does not log in: on success the page logs in with the same handle and
// password and goes back to ?next= (the page the visitor came from), signed in. Should that
// log-in fail (rate limit), the log-in page opens with the handle filled in.
// R1: the server checks the handle (422 handle-identifying: refused; 422 handle-confirm: a
// first name alone and the like, kept only once the member ticks "I keep it"); the page says
// what was found and offers the free handles the server suggests, one click each.
import { h, uid } from '../dom.js';
import { t, locale, has } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { textField, checkbox, buildForm, fieldMessage, submitButton } from '../forms.js';
import { checkHandle, checkEmail, checkPassword } from '../validate.js';
import { prefill } from './login.js';
import { registrationOpen, info } from '../instance.js';
import * as session from '../session.js';
import { ageBandField } from './learn_age.js';
import { quoted } from '../ui.js';

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
  // issue 17: by invitation, the code of the link the administrator handed out
  const invited = await info().then((i) => i && i.registration === 'invitation', () => false);
  const invitation = invited ? textField({ name: 'invitation', label: t('signup.invitation.label'),
    hint: t('signup.invitation.hint'), value: ctx.query.get('invitation') || '',
    attrs: { autocapitalize: 'none', spellcheck: 'false', autocomplete: 'off', maxlength: '64' } }) : null;
  const keep = checkbox({ name: 'handle_confirmed', label: t('signup.handle.keep') });
  keep.el.hidden = true;
  const suggestions = h('div', { class: 'handle-suggestions', hidden: true });
  handle.el.append(suggestions);
  handle.input.addEventListener('input', () => {
    keep.el.hidden = true;
    keep.input.checked = false;
  });
  const ageBand = ageBandField();
  const fields = [...(invitation ? [invitation] : []), handle, keep, email, password, confirm, ageBand];
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
      [ageBand, ageBand.value() ? null : 'required'],
    ]);
    if (!ok) return;
    const body = { ...values, locale: locale(), age_band: ageBand.value() };
    if (invitation) body.invitation = invitation.value().trim();
    if (!keep.el.hidden && keep.value()) body.handle_confirmed = true;
    suggestions.hidden = true;
    let sent;
    try {
      sent = await form.send(() => api.post('/api/v1/accounts', body), {
        'handle-taken': { field: handle, message: fieldMessage('handle', 'taken') },
        conflict: { field: email, message: fieldMessage('email', 'taken') },
        forbidden: { message: t('home.registration_closed') },
      });
    } catch (err) {
      if (!(err instanceof ApiError) || !['handle-identifying', 'handle-confirm'].includes(err.slug)) throw err;
      showHandleProblem(err);
      return;
    }
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

  // What the check found, said next to the handle, with the suggested handles as buttons.
  function showHandleProblem(err) {
    const found = (err.errors[0] && err.errors[0].found) || handle.value();
    const reason = (err.errors[0] && err.errors[0].reason) || 'full-name';
    const confirmable = err.slug === 'handle-confirm';
    const key = `signup.handle.found.${reason}`;
    let message = has(key) ? t(key, { found: quoted(found) }) : fieldMessage('handle', reason);
    if (confirmable) message += ` ${t('signup.handle.confirm')}`;
    keep.el.hidden = !confirmable;
    keep.input.checked = false;
    form.showErrors([{ field: handle, message }]);
    suggestions.replaceChildren();
    if (err.suggestions.length === 0) return;
    const headingId = uid('suggest');
    suggestions.append(
      h('p', { id: headingId, class: 'hint' }, t('signup.handle.suggestions')),
      h('ul', { class: 'inline-list', 'aria-labelledby': headingId }, err.suggestions.map((s) => h('li', {},
        h('button', {
          type: 'button', class: 'button secondary',
          onclick: () => {
            handle.input.value = s;
            handle.setError(null);
            keep.el.hidden = true;
            keep.input.checked = false;
            suggestions.hidden = true;
            ctx.announce(t('signup.handle.used', { handle: s }));
            handle.input.focus();
          },
        }, t('signup.handle.use', { handle: s }))))));
    suggestions.hidden = false;
  }

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
