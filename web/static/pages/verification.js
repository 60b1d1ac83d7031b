// pages/verification.js - /verification: a member asks to be verified as a health
// professional (profession, specialty, RPPS number checked at once in the browser and again
// by the server: 11 digits, Luhn key) and follows the request; an administrator sees the
// requests and approves, refuses or revokes them with a reason; an institution administrator
// sees and decides only those naming their institution (the server filters and checks).
import { h } from '../dom.js';
import { api } from '../api.js';
import { textField, buildForm, submitButton } from '../forms.js';
import * as session from '../session.js';
import './pro_i18n.js';
import { proSend } from './pro_ui.js';
import { confirmDialog, stylesheet, dateTime } from '../ui.js';
import { t } from '../i18n.js';

export const titleKey = 'verif.title';
export const title = () => t('verif.title');

// The same check as the server's (src/pro/pro_rpps.c), so a typo is refused at once.
export function rppsReason(value) {
  if (!/^[0-9]{11}$/.test(value)) return 'not-11-digits';
  let sum = 0;
  for (let k = 0; k < 11; k++) {
    let d = value.charCodeAt(10 - k) - 48;
    if (k % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0 ? null : 'bad-check-digit';
}

function statusBlock(v) {
  return h('section', { class: 'panel', 'aria-labelledby': 'verif-status' },
    h('h2', { id: 'verif-status' }, t('verif.status')),
    h('p', { class: 'notice' }, t(`verif.status.${v.status}`)),
    v.badge ? h('p', {}, h('span', { class: 'pro-badge' }, v.badge.label[document.documentElement.lang === 'en' ? 'en' : 'fr'])) : null,
    v.reason ? h('p', {}, t('verif.reason', { reason: v.reason })) : null);
}

function requestForm(ctx) {
  const profession = textField({ name: 'profession', label: t('verif.profession'), hint: t('verif.profession.hint'), attrs: { maxlength: 64 } });
  const specialty = textField({ name: 'specialty', label: t('verif.specialty'), attrs: { maxlength: 64 } });
  const rpps = textField({ name: 'rpps', label: t('verif.rpps'), hint: t('verif.rpps.hint'), attrs: { inputmode: 'numeric', maxlength: 11, autocomplete: 'off' } });
  const institution = textField({ name: 'institution', label: t('verif.institution'), hint: t('verif.institution.hint'), attrs: { maxlength: 63, autocomplete: 'off' } });
  const fields = [profession, specialty, rpps, institution];
  const form = buildForm(fields, submitButton(t('verif.submit')));
  form.onSubmit(async () => {
    const number = rpps.value().trim();
    const reason = rppsReason(number);
    const errors = [];
    if (profession.value().trim().length < 2) errors.push({ field: profession, message: t('field.profession.too-short') });
    if (reason) errors.push({ field: rpps, message: t(`field.rpps.${reason}`) });
    if (errors.length) { form.showErrors(errors); return; }
    const body = { profession: profession.value().trim(), rpps: number };
    if (specialty.value().trim()) body.specialty = specialty.value().trim();
    if (institution.value().trim()) body.institution = institution.value().trim();
    const r = await proSend(form, () => api.post('/api/v1/verifications', body));
    if (!r) return;
    ctx.announce(t('verif.sent'));
    ctx.redraw();
  });
  return form.form;
}

function decisionRow(v, ctx) {
  const reason = textField({ name: `reason-${v.id}`, label: t('verif.decision.reason'), attrs: { maxlength: 500 } });
  const act = async (what) => {
    const text = reason.value().trim();
    if (what !== 'approve' && text.length < 3) { reason.setError(t('field.reason.too-short')); reason.input.focus(); return; }
    const sure = await confirmDialog({
      title: t(`verif.${what}.confirm`, { handle: v.handle }),
      message: t(`verif.${what}.confirm.body`, { handle: v.handle, profession: v.profession, rpps: v.rpps }),
      confirmLabel: t(`verif.${what}`), danger: what !== 'approve' });
    if (!sure) return;
    await api.post(`/api/v1/verifications/${v.id}/${what}`, what === 'approve' ? undefined : { reason: text });
    ctx.announce(t('verif.done'));
    ctx.redraw();
  };
  const button = (what, cls = 'button') => h('button', { type: 'button', class: cls, onclick: () => act(what) }, t(`verif.${what}`));
  return h('li', {},
    h('p', {}, h('strong', {}, v.handle), ` — ${v.profession}${v.specialty ? `, ${v.specialty}` : ''} — RPPS ${v.rpps}`,
      v.institution ? ` — ${v.institution.name}` : '', ` — ${dateTime(v.created_at)}`),
    h('p', {}, t(`verif.status.${v.status}`)),
    v.status === 'pending' || v.status === 'approved' ? reason.el : null,
    v.status === 'pending' ? [button('approve'), ' ', button('refuse', 'button secondary')] : null,
    v.status === 'approved' ? button('revoke', 'button danger') : null);
}

async function adminBlock(ctx) {
  const list = await api.get('/api/v1/verifications');
  const open = list.verifications.filter((v) => v.status === 'pending' || v.status === 'approved');
  return h('section', { class: 'panel', 'aria-labelledby': 'verif-admin' },
    h('h2', { id: 'verif-admin' }, t('verif.admin')),
    session.hasRole('administrator') ? null : h('p', {}, t('verif.admin.institution')),
    open.length ? h('ul', { class: 'pro-list' }, open.map((v) => decisionRow(v, ctx))) : h('p', {}, t('verif.admin.none')));
}

export async function render(ctx) {
  stylesheet('pro');
  ctx.setTitle(t('verif.title'));
  let mine = null;
  try {
    mine = await api.get('/api/v1/me/verification');
  } catch (err) {
    if (err.status !== 404) throw err;
  }
  const open = mine && (mine.status === 'pending' || mine.status === 'approved');
  return [
    h('h1', {}, t('verif.title')),
    h('p', {}, t('verif.intro')),
    mine ? statusBlock(mine) : null,
    open || session.hasRole('professional') ? null : requestForm(ctx),
    session.hasRole('administrator') || session.hasRole('institution_admin') ? await adminBlock(ctx) : null,
  ];
}
