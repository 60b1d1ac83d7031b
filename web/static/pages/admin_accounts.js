// pages/admin_accounts.js - /admin/accounts: accounts found by the start of their handle
// (never an e-mail address), their roles and state; naming or withdrawing moderators and
// administrators, suspending with a reason and a length, lifting with a reason. Every action
// asks first and is written in the log (the server's).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { textField, buildForm, submitButton } from '../forms.js';
import * as session from '../session.js';
import { actionButton, backLink, denied } from './admin_ui.js';
import { day, colon, stylesheet } from '../ui.js';

export const titleKey = 'accounts.title';

const INSTANCE_ROLES = ['moderator', 'administrator'];

function stateText(a) {
  if (!a.suspended) return t('accounts.active');
  return a.suspended_until ? t('accounts.suspended.until', { date: day(a.suspended_until) }) : t('accounts.suspended.open');
}

function roleList(a) {
  const words = a.grants.map((g) => (g.institution ? `${t(`role.${g.role}`)} (${g.institution})` : t(`role.${g.role}`)));
  return words.length ? words.join(', ') : t('role.member');
}

function actions(ctx, a) {
  const base = `/api/v1/admin/accounts/${encodeURIComponent(a.handle)}`;
  const me = session.current();
  const out = [];
  for (const role of INSTANCE_ROLES) {
    const has = a.roles.includes(role);
    if (has && me && me.handle === a.handle && role === 'administrator') continue;
    const label = t(has ? 'accounts.revoke' : 'accounts.grant', { role: t(`role.${role}`) });
    out.push(actionButton(ctx, label, {
      danger: has,
      confirm: { title: t(has ? 'accounts.revoke.confirm' : 'accounts.grant.confirm', { handle: a.handle, role: t(`role.${role}`) }) },
      act: () => (has ? api.del(`${base}/roles/${role}`) : api.put(`${base}/roles/${role}`)),
      done: t('accounts.done'),
    }));
  }
  if (me && me.handle === a.handle) return out;
  const reason = () => textField({ name: 'reason', label: t('accounts.reason'), attrs: { maxlength: 500 } });
  if (a.suspended) {
    out.push(actionButton(ctx, t('accounts.lift'), {
      confirm: { title: t('accounts.lift.title', { handle: a.handle }), fields: [reason()], required: ['reason'] },
      act: (v) => api.post(`${base}/unsuspend`, { reason: v.reason.trim() }),
      done: t('accounts.done'),
    }));
  } else {
    const days = () => textField({ name: 'days', label: t('accounts.days'), attrs: { inputmode: 'numeric', maxlength: 3 } });
    out.push(actionButton(ctx, t('accounts.suspend'), {
      danger: true,
      confirm: { title: t('accounts.suspend.title', { handle: a.handle }), message: t('accounts.suspend.body'),
        fields: [reason(), days()], required: ['reason'] },
      act: (v) => api.post(`${base}/suspend`, { reason: v.reason.trim(), ...(v.days.trim() ? { days: Number(v.days.trim()) } : {}) }),
      done: t('accounts.done'),
    }));
  }
  return out;
}

function item(ctx, a) {
  return h('li', {},
    h('h3', {}, a.handle),
    h('p', {}, colon(t('accounts.roles')), roleList(a)),
    h('p', {}, stateText(a), ' — ', t('accounts.since', { date: day(a.created_at) })),
    h('p', { class: 'actions' }, actions(ctx, a)));
}

export async function render(ctx) {
  stylesheet('admin');
  if (!session.hasRole('administrator')) return denied('accounts.title');
  const q = (ctx.query.get('q') || '').trim();
  const after = ctx.query.get('after') || '';
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (after) params.set('after', after);
  const r = await api.get(`/api/v1/admin/accounts?${params}`);
  const search = textField({ name: 'q', type: 'search', label: t('accounts.search'), value: q,
    attrs: { maxlength: 32, autocapitalize: 'none', spellcheck: 'false', autocomplete: 'off' } });
  const form = buildForm([search], submitButton(t('accounts.search.submit')), { labelledBy: 'accounts-search' });
  form.onSubmit(async () => {
    const value = search.value().trim();
    ctx.navigate(value ? `/admin/accounts?q=${encodeURIComponent(value)}` : '/admin/accounts');
  });
  const next = r.next ? `/admin/accounts?${new URLSearchParams({ ...(q ? { q } : {}), after: r.next })}` : null;
  return [
    h('h1', {}, t('accounts.title')),
    backLink(),
    h('p', {}, t('accounts.intro')),
    h('h2', { id: 'accounts-search', class: 'visually-hidden' }, t('accounts.search.submit')),
    form.form,
    r.accounts.length ? h('ul', { class: 'admin-list' }, r.accounts.map((a) => item(ctx, a))) : h('p', {}, t('accounts.none')),
    next ? h('p', {}, h('a', { href: next }, t('accounts.more'))) : null,
  ];
}
