// pages/admin_spaces.js - /admin/spaces: every space, archived ones included, and the form
// that creates one (POST /api/v1/spaces): address, name, description, audience, language,
// retention, indexing. Administrators only; the server checks every value again.
import { h } from '../dom.js';
import { t, tn, localeName, LOCALES } from '../i18n.js';
import { api } from '../api.js';
import { textField, textArea, select, checkbox, buildForm, submitButton } from '../forms.js';
import * as session from '../session.js';
import { adminSend, backLink, denied } from './admin_ui.js';
import { stylesheet } from '../ui.js';

export const titleKey = 'adm.spaces.title';

export const VISIBILITIES = ['public', 'members', 'professionals'];

// The fields shared by the creation and edit forms, filled from a space when given.
export function spaceFields(space = null) {
  const v = (k, d = '') => (space ? String(space[k] ?? d) : d);
  const fields = {
    name: textField({ name: 'name', label: t('admin.name'), value: v('name'), attrs: { maxlength: 120, required: true } }),
    description: textArea({ name: 'description', label: t('space.description'), value: v('description'), rows: 3, max: 1000 }),
    visibility: select({ name: 'visibility', label: t('space.visibility'),
      options: VISIBILITIES.map((x) => ({ value: x, label: t(`space.visibility.${x}`) })) }),
    language: select({ name: 'language', label: t('space.language'),
      options: LOCALES.map((l) => ({ value: l, label: localeName(l) })) }),
    retention: textField({ name: 'retention_days', label: t('space.retention'), hint: t('space.retention.hint'),
      value: v('retention_days', '0'), attrs: { inputmode: 'numeric', maxlength: 5 } }),
    indexable: checkbox({ name: 'indexable', label: t('space.indexable') }),
  };
  fields.description.input.value = v('description');
  fields.visibility.input.value = v('visibility', 'members');
  fields.language.input.value = v('language', 'fr');
  fields.indexable.input.checked = Boolean(space && space.indexable);
  return fields;
}

// The body of those fields; null (errors shown) when a value is not acceptable here.
export function spaceBody(form, f) {
  const days = f.retention.value().trim() || '0';
  const pairs = [
    [f.name, f.name.value().trim().length < 2 ? 'too-short' : null],
    [f.retention, /^[0-9]{1,5}$/.test(days) && Number(days) <= 36500 ? null : 'out-of-range'],
    [f.indexable, f.indexable.value() && f.visibility.value() !== 'public' ? 'public-only' : null],
  ];
  if (!form.check(pairs)) return null;
  return {
    name: f.name.value().trim(), description: f.description.value().trim(), visibility: f.visibility.value(),
    language: f.language.value(), retention_days: Number(days), indexable: f.indexable.value(),
  };
}

function createForm(ctx) {
  const slug = textField({ name: 'slug', label: t('admin.slug'), hint: t('admin.slug.hint'),
    attrs: { maxlength: 63, autocapitalize: 'none', spellcheck: 'false', required: true } });
  const f = spaceFields();
  const form = buildForm([slug, ...Object.values(f)], submitButton(t('adm.spaces.create.submit')), { labelledBy: 'spaces-create' });
  form.onSubmit(async () => {
    const ok = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug.value().trim()) && slug.value().trim().length <= 63;
    if (!form.check([[slug, ok ? null : 'bad-slug']])) return;
    const body = spaceBody(form, f);
    if (!body) return;
    const r = await adminSend(form, () => api.post('/api/v1/spaces', { slug: slug.value().trim(), ...body }));
    if (!r) return;
    ctx.announce(t('adm.spaces.created', { name: r.name }));
    ctx.redraw();
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'spaces-create' },
    h('h2', { id: 'spaces-create' }, t('adm.spaces.create')), form.form);
}

function item(s) {
  return h('li', {},
    h('h3', {}, h('a', { href: `/admin/spaces/${encodeURIComponent(s.slug)}`, 'aria-label': t('adm.spaces.edit', { name: s.name }) }, s.name),
      s.archived ? [' ', h('span', { class: 'admin-tag' }, t('adm.spaces.archived'))] : null),
    h('p', {}, h('code', {}, `/c/${s.slug}`), ' — ', t(`space.visibility.${s.visibility}`), ' — ', localeName(s.language),
      ' — ', tn('adm.spaces.threads', s.threads)));
}

export async function render(ctx) {
  stylesheet('admin');
  if (!session.hasRole('administrator')) return denied('adm.spaces.title');
  const { spaces } = await api.get('/api/v1/admin/spaces');
  return [
    h('h1', {}, t('adm.spaces.title')),
    backLink(),
    h('p', {}, t('adm.spaces.intro')),
    createForm(ctx),
    h('section', { class: 'panel', 'aria-labelledby': 'spaces-list' },
      h('h2', { id: 'spaces-list' }, t('adm.spaces.list')),
      spaces.length ? h('ul', { class: 'admin-list' }, spaces.map(item)) : h('p', {}, t('adm.spaces.none'))),
  ];
}
