// pages/admin_institution.js - /admin/institutions/:slug: an institution's name and
// teleconsultation link, and its team: who holds which of its roles, adding someone by handle
// and withdrawing a role. Institution administrators manage editors and community managers;
// only the administrator names institution administrators (the server decides).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { textField, select, buildForm, submitButton } from '../forms.js';
import * as session from '../session.js';
import { adminSend, actionButton, denied } from './admin_ui.js';
import { stylesheet } from '../ui.js';

export const titleKey = 'inst.title';

function settingsForm(ctx, inst, base) {
  const name = textField({ name: 'name', label: t('admin.name'), value: inst.name, attrs: { maxlength: 120 } });
  const url = textField({ name: 'teleconsult_url', type: 'url', label: t('inst.teleconsult'), hint: t('inst.teleconsult.hint'),
    value: inst.teleconsult_url || '', attrs: { maxlength: 512, inputmode: 'url' } });
  const form = buildForm([name, url], submitButton(t('inst.save')), { labelledBy: 'inst-settings' });
  form.onSubmit(async () => {
    const link = url.value().trim();
    const pairs = [[name, name.value().trim().length < 2 ? 'too-short' : null],
      [url, link && !/^https:\/\/\S+$/.test(link) ? 'not-https' : null]];
    if (!form.check(pairs)) return;
    const r = await adminSend(form, () => api.patch(base, { name: name.value().trim(), teleconsult_url: link }));
    if (!r) return;
    ctx.announce(t('admin.saved'));
    ctx.redraw();
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'inst-settings' },
    h('h2', { id: 'inst-settings' }, t('inst.settings')), form.form);
}

function staffBlock(ctx, inst, base) {
  const roles = ['community_manager', 'editor', ...(session.hasRole('administrator') ? ['institution_admin'] : [])];
  const handle = textField({ name: 'handle', label: t('inst.staff.handle'), hint: t('inst.staff.handle.hint'),
    attrs: { maxlength: 32, autocapitalize: 'none', spellcheck: 'false', autocomplete: 'off' } });
  const role = select({ name: 'role', label: t('inst.staff.role'), options: roles.map((r) => ({ value: r, label: t(`role.${r}`) })) });
  const form = buildForm([handle, role], submitButton(t('inst.staff.submit')), { labelledBy: 'inst-staff-add' });
  form.onSubmit(async () => {
    if (!form.check([[handle, handle.value().trim() ? null : 'required']])) return;
    const body = { handle: handle.value().trim(), role: role.value() };
    const r = await adminSend(form, () => api.post(`${base}/staff`, body));
    if (!r) return;
    ctx.announce(t('inst.staff.added', { handle: body.handle, role: t(`role.${body.role}`) }));
    ctx.redraw();
  });
  const member = (m) => {
    const label = t('inst.staff.remove', { role: t(`role.${m.role}`), handle: m.handle });
    return h('li', {},
      h('p', {}, h('strong', {}, m.handle), ' — ', t(`role.${m.role}`)),
      m.role === 'institution_admin' && !session.hasRole('administrator') ? null : h('p', { class: 'actions' },
        actionButton(ctx, label, {
          danger: true,
          confirm: { title: t('inst.staff.remove.confirm', { role: t(`role.${m.role}`), handle: m.handle }) },
          act: () => api.del(`${base}/staff/${encodeURIComponent(m.handle)}/${m.role}`),
          done: t('inst.staff.removed'),
        })));
  };
  return h('section', { class: 'panel', 'aria-labelledby': 'inst-staff' },
    h('h2', { id: 'inst-staff' }, t('inst.staff')),
    inst.members.length ? h('ul', { class: 'admin-list' }, inst.members.map(member)) : h('p', {}, t('inst.staff.none')),
    h('h3', { id: 'inst-staff-add' }, t('inst.staff.add')),
    form.form);
}

export async function render(ctx) {
  stylesheet('admin');
  if (!session.hasRole('administrator') && !session.hasRole('institution_admin')) return denied('inst.title');
  const base = `/api/v1/institutions/${encodeURIComponent(ctx.params.slug)}`;
  let inst;
  try {
    inst = await api.get(base);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 403 || err.status === 404)) return denied('inst.title', err.status === 404 ? 'problem.not-found' : 'problem.forbidden');
    throw err;
  }
  ctx.setTitle(t('inst.page', { name: inst.name }));
  const desk = `/desk/${encodeURIComponent(inst.slug)}`;
  return [
    h('h1', {}, t('inst.page', { name: inst.name })),
    h('p', {}, h('a', { href: '/admin/institutions' }, t('inst.title'))),
    settingsForm(ctx, inst, base),
    staffBlock(ctx, inst, base),
    h('section', { class: 'panel', 'aria-labelledby': 'inst-more' },
      h('h2', { id: 'inst-more' }, t('inst.desk')),
      h('ul', {},
        h('li', {}, h('a', { href: `${desk}/settings` }, t('inst.desk.settings'))),
        h('li', {}, h('a', { href: '/verification' }, t('inst.verifications'))))),
  ];
}
