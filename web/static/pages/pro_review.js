// pages/pro_review.js - /pro/reviews/:id: a second professional reviews a colleague's photo
// before anyone else sees it: adds areas to cover on the preview, then approves, or refuses
// with a reason. The author never reaches this page for their own photo (the API refuses).
import { h } from '../dom.js';
import { api } from '../api.js';
import { textField, buildForm, submitButton } from '../forms.js';
import './pro_i18n.js';
import { proSend, maskEditor, masksText } from './pro_ui.js';
import { t } from '../i18n.js';
import { stylesheet } from '../ui.js';

export const titleKey = 'review.title';

export async function render(ctx) {
  stylesheet('pro');
  ctx.setTitle(t('review.title'));
  const id = encodeURIComponent(ctx.params.id);
  const list = await api.get('/api/v1/photo-reviews');
  const item = list.reviews.find((r) => String(r.id) === ctx.params.id);
  if (!item) {
    const err = new Error('not found');
    err.status = 404;
    throw err;
  }
  const editor = maskEditor();
  const reason = textField({ name: 'reason', label: t('review.reason'), attrs: { maxlength: 500 } });
  const ctl = buildForm([editor.field, reason], submitButton(t('review.approve')));
  ctl.form.insertBefore(editor.el, ctl.form.firstChild.nextSibling);
  ctl.form.insertBefore(reason.el, ctl.form.lastChild);
  const done = () => ctx.navigate('/pro', { notice: t('review.done') });
  ctl.onSubmit(async () => {
    const masks = masksText(editor.rects());
    const r = await proSend(ctl, () => api.post(`/api/v1/photo-reviews/${id}`, masks ? { decision: 'approve', masks } : { decision: 'approve' }));
    if (r) done();
  });
  const refuse = h('button', { type: 'button', class: 'button danger', onclick: async () => {
    if (reason.value().trim().length < 3) { ctl.showErrors([{ field: reason, message: t('field.reason.too-short') }]); return; }
    const r = await proSend(ctl, () => api.post(`/api/v1/photo-reviews/${id}`, { decision: 'refuse', reason: reason.value().trim() }));
    if (r) done();
  } }, t('review.refuse'));
  await editor.load(item.image);
  return [
    h('h1', {}, t('review.title')),
    h('p', {}, h('a', { href: `/pro/cases/${item.case_id}` }, item.case_title)),
    h('p', {}, t('review.intro')),
    ctl.form,
    refuse,
  ];
}
