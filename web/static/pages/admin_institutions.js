// pages/admin_institutions.js - /admin/institutions: the institutions the caller administers
// (every one for the administrator, who also adds them here: POST /api/v1/institutions).
import { h } from '../dom.js';
import { t, tn } from '../i18n.js';
import { api } from '../api.js';
import { textField, buildForm, submitButton } from '../forms.js';
import * as session from '../session.js';
import { adminSend, backLink, denied } from './admin_ui.js';
import { stylesheet } from '../ui.js';

export const titleKey = 'inst.title';

function createForm(ctx) {
  const slug = textField({ name: 'slug', label: t('admin.slug'), hint: t('admin.slug.hint'),
    attrs: { maxlength: 63, autocapitalize: 'none', spellcheck: 'false' } });
  const name = textField({ name: 'name', label: t('admin.name'), attrs: { maxlength: 120 } });
  const form = buildForm([slug, name], submitButton(t('inst.create.submit')), { labelledBy: 'inst-create' });
  form.onSubmit(async () => {
    const s = slug.value().trim();
    const ok = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(s) && s.length <= 63;
    if (!form.check([[slug, ok ? null : 'bad-slug'], [name, name.value().trim().length < 2 ? 'too-short' : null]])) return;
    const r = await adminSend(form, () => api.post('/api/v1/institutions', { slug: s, name: name.value().trim() }));
    if (!r) return;
    ctx.announce(t('inst.created', { name: r.name }));
    ctx.navigate(`/admin/institutions/${encodeURIComponent(r.slug)}`);
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'inst-create' },
    h('h2', { id: 'inst-create' }, t('inst.create')), form.form);
}

function item(i) {
  return h('li', {},
    h('h3', {}, h('a', { href: `/admin/institutions/${encodeURIComponent(i.slug)}` }, i.name)),
    h('p', {}, h('code', {}, i.slug), ' — ', tn('inst.staff.count', i.staff),
      i.pending ? [' — ', h('a', { href: '/verification' }, tn('inst.pending', i.pending))] : null));
}

export async function render(ctx) {
  stylesheet('admin');
  const admin = session.hasRole('administrator');
  if (!admin && !session.hasRole('institution_admin')) return denied('inst.title');
  const { institutions } = await api.get('/api/v1/institutions');
  return [
    h('h1', {}, t('inst.title')),
    backLink(),
    h('p', {}, t(admin ? 'inst.intro' : 'inst.intro.own')),
    admin ? createForm(ctx) : null,
    h('section', { class: 'panel', 'aria-labelledby': 'inst-list' },
      h('h2', { id: 'inst-list' }, t('inst.title')),
      institutions.length ? h('ul', { class: 'admin-list' }, institutions.map(item)) : h('p', {}, t('inst.none'))),
  ];
}
