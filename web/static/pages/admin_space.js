// pages/admin_space.js - /admin/spaces/:slug: a space's settings (PATCH /api/v1/spaces/{slug})
// its moderators (assigned by handle: they moderate this space only) and its state: archive it
// (still readable, nobody writes) or reopen it. Administrators only.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { buildForm, submitButton, textField } from '../forms.js';
import * as session from '../session.js';
import { adminSend, actionButton, denied } from './admin_ui.js';
import { spaceFields, spaceBody } from './admin_spaces.js';
import { stylesheet } from '../ui.js';

export const titleKey = 'adm.spaces.title';

function settingsForm(ctx, space) {
  const f = spaceFields(space);
  const form = buildForm(Object.values(f), submitButton(t('space.save')), { labelledBy: 'space-settings' });
  form.onSubmit(async () => {
    const body = spaceBody(form, f);
    if (!body) return;
    const r = await adminSend(form, () => api.patch(`/api/v1/spaces/${encodeURIComponent(space.slug)}`, body));
    if (!r) return;
    ctx.announce(t('admin.saved'));
    ctx.redraw();
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'space-settings' },
    h('h2', { id: 'space-settings' }, t('space.settings')), form.form);
}

function moderatorsBlock(ctx, space) {
  const path = `/api/v1/spaces/${encodeURIComponent(space.slug)}/moderators`;
  const handle = textField({ name: 'handle', label: t('space.mods.handle'), hint: t('space.mods.handle.hint'),
    attrs: { maxlength: 32, autocapitalize: 'none', spellcheck: 'false', autocomplete: 'off' } });
  const form = buildForm([handle], submitButton(t('space.mods.submit')), { labelledBy: 'space-mods-add' });
  form.onSubmit(async () => {
    const who = handle.value().trim();
    if (!form.check([[handle, who ? null : 'required']])) return;
    const r = await adminSend(form, () => api.put(`${path}/${encodeURIComponent(who)}`));
    if (!r) return;
    ctx.announce(t('space.mods.added', { handle: who }));
    ctx.redraw();
  });
  const row = (m) => h('li', {}, h('p', {}, h('strong', {}, m)), h('p', { class: 'actions' },
    actionButton(ctx, t('space.mods.remove', { handle: m }), {
      danger: true,
      confirm: { title: t('space.mods.remove.confirm', { handle: m, name: space.name }) },
      act: () => api.del(`${path}/${encodeURIComponent(m)}`),
      done: t('space.mods.removed'),
    })));
  return h('section', { class: 'panel', 'aria-labelledby': 'space-mods' },
    h('h2', { id: 'space-mods' }, t('space.mods')),
    h('p', {}, t('space.mods.intro')),
    space.moderators.length ? h('ul', { class: 'admin-list' }, space.moderators.map(row)) : h('p', {}, t('space.mods.none')),
    h('h3', { id: 'space-mods-add' }, t('space.mods.add')),
    form.form);
}

function stateBlock(ctx, space) {
  const path = `/api/v1/spaces/${encodeURIComponent(space.slug)}`;
  const button = space.archived
    ? actionButton(ctx, t('space.unarchive'), { act: () => api.post(`${path}/unarchive`), done: t('space.unarchive.done') })
    : actionButton(ctx, t('space.archive'), {
      danger: true,
      confirm: { title: t('space.archive.confirm', { name: space.name }), message: t('space.archive.body') },
      act: () => api.post(`${path}/archive`),
      done: t('space.archive.done'),
    });
  return h('section', { class: 'panel', 'aria-labelledby': 'space-state' },
    h('h2', { id: 'space-state' }, t('space.state')),
    h('p', {}, t(space.archived ? 'space.state.archived' : 'space.state.live')),
    h('p', { class: 'actions' }, button));
}

export async function render(ctx) {
  stylesheet('admin');
  if (!session.hasRole('administrator')) return denied('adm.spaces.title');
  const { spaces } = await api.get('/api/v1/admin/spaces');
  const space = spaces.find((s) => s.slug === ctx.params.slug);
  if (!space) return denied('adm.spaces.title', 'problem.not-found');
  ctx.setTitle(t('space.title', { name: space.name }));
  return [
    h('h1', {}, t('space.title', { name: space.name })),
    h('p', {}, h('a', { href: '/admin/spaces' }, t('adm.spaces.title')), ' · ', h('a', { href: `/c/${encodeURIComponent(space.slug)}` }, t('space.open'))),
    settingsForm(ctx, space),
    moderatorsBlock(ctx, space),
    stateBlock(ctx, space),
  ];
}
