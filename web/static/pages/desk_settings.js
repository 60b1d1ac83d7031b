// pages/desk_settings.js - /desk/:slug/settings: what the community managers of an
// institution set for their desk (issue 17): the forms the desk offers and the
// teleconsultation link offered to members who ask for medical advice (PUT .../desk/settings),
// and the canned replies (GET/POST .../desk/canned). The server lets only that institution's
// managers in.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api, ApiError } from '../api.js';
import { textField, textArea, checkboxGroup, buildForm, submitButton } from '../forms.js';
import { adminSend, denied } from './admin_ui.js';
import { stylesheet } from '../ui.js';

export const titleKey = 'desk.settings.title';

const FORMS = ['appointment', 'document', 'question', 'complaint', 'thanks', 'free'];

function formsForm(ctx, base, info) {
  const forms = checkboxGroup({ name: 'forms', legend: t('desk.settings.forms.legend'), hint: t('desk.settings.forms.hint'),
    values: info.forms, options: FORMS.map((f) => ({ value: f, label: t(`desk.form.${f}`) })) });
  const form = buildForm([forms], submitButton(t('desk.settings.forms.save')), { labelledBy: 'desk-forms' });
  form.onSubmit(async () => {
    if (!form.check([[forms, forms.value().length ? null : 'too-short']])) return;
    const r = await adminSend(form, () => api.put(`${base}/settings`, { forms: forms.value() }));
    if (!r) return;
    ctx.announce(t('desk.settings.forms.saved'));
    ctx.redraw();
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'desk-forms' },
    h('h2', { id: 'desk-forms' }, t('desk.settings.forms')), form.form);
}

function linkForm(ctx, base, info) {
  const url = textField({ name: 'teleconsult_url', type: 'url', label: t('desk.settings.link'), hint: t('inst.teleconsult.hint'),
    value: info.teleconsult_url || '', attrs: { maxlength: 512, inputmode: 'url' } });
  const form = buildForm([url], submitButton(t('inst.save')), { labelledBy: 'desk-link' });
  form.onSubmit(async () => {
    const link = url.value().trim();
    if (!form.check([[url, link && !/^https:\/\/\S+$/.test(link) ? 'not-https' : null]])) return;
    const r = await adminSend(form, () => api.put(`${base}/settings`, { teleconsult_url: link }));
    if (!r) return;
    ctx.announce(t('desk.settings.link.saved'));
    ctx.redraw();
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'desk-link' },
    h('h2', { id: 'desk-link' }, t('desk.settings.link')), form.form);
}

function cannedBlock(ctx, base, canned) {
  const title = textField({ name: 'title', label: t('desk.settings.canned.title'), attrs: { maxlength: 120 } });
  const body = textArea({ name: 'body', label: t('desk.settings.canned.body'), rows: 5, max: 4000 });
  const form = buildForm([title, body], submitButton(t('desk.settings.canned.submit')), { labelledBy: 'desk-canned-add' });
  form.onSubmit(async () => {
    const pairs = [[title, title.value().trim() ? null : 'required'], [body, body.value().trim() ? null : 'required']];
    if (!form.check(pairs)) return;
    const r = await adminSend(form, () => api.post(`${base}/canned`, { title: title.value().trim(), body: body.value().trim() }));
    if (!r) return;
    ctx.announce(t('desk.settings.canned.added', { title: title.value().trim() }));
    ctx.redraw();
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'desk-canned' },
    h('h2', { id: 'desk-canned' }, t('desk.settings.canned')),
    h('p', { class: 'hint' }, t('desk.settings.canned.placeholders', { list: canned.placeholders.join(', ') })),
    canned.canned.length
      ? h('ul', { class: 'admin-list' }, canned.canned.map((c) => h('li', {}, h('h3', {}, c.title), h('p', {}, c.body))))
      : h('p', {}, t('desk.settings.canned.none')),
    h('h3', { id: 'desk-canned-add' }, t('desk.settings.canned.add')),
    form.form);
}

export async function render(ctx) {
  stylesheet('admin');
  const base = `/api/v1/institutions/${encodeURIComponent(ctx.params.slug)}/desk`;
  let info;
  let canned;
  try {
    info = await api.get(base);
    canned = await api.get(`${base}/canned`);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 403 || err.status === 404)) {
      return denied('desk.settings.title', err.status === 404 ? 'problem.not-found' : 'desk.settings.denied');
    }
    throw err;
  }
  ctx.setTitle(`${t('desk.settings.title')} — ${info.name}`);
  return [
    h('h1', {}, `${t('desk.settings.title')} — ${info.name}`),
    h('p', {}, t('desk.settings.intro')),
    formsForm(ctx, base, info),
    linkForm(ctx, base, info),
    cannedBlock(ctx, base, canned),
  ];
}
