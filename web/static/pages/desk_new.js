// pages/desk_new.js - writing to an institution's desk (/desk/:slug): a typed form
// (appointment, copy of a document, practical question, complaint, thanks) or free text, among
// the forms the institution offers.
// The answer comes at once: for an emergency the numbers fill the top of the page before
// anything else (R3); for a consultation, the allowed alternatives (R2); otherwise a
// confirmation with a link to the conversation.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { textField, radioGroup, buildForm, submitButton } from '../forms.js';
import { textArea, select, guidancePanel } from './desk_ui.js';
import { stylesheet } from '../ui.js';

export const titleKey = 'desk.new.title';

const SHOWN = {
  action: ['appointment'], department: ['appointment'], preferred_times: ['appointment'],
  document: ['document'],
};

export async function render(ctx) {
  stylesheet('desk');
  const slug = ctx.params.slug;
  const desk = await api.get(`/api/v1/institutions/${encodeURIComponent(slug)}/desk`);
  ctx.setTitle(t('desk.new.heading', { name: desk.name }));
  // only the forms the institution offers (its managers choose them: /desk/:slug/settings)
  const offered = desk.forms;
  const asked = ctx.query.get('form');
  const initial = offered.includes(asked) ? asked : offered.includes('free') ? 'free' : offered[0];
  const form = radioGroup({
    name: 'form', legend: t('desk.form.legend'), value: initial,
    options: offered.map((f) => ({ value: f, label: t(`desk.form.${f}`) })),
  });
  const action = select({
    name: 'action', label: t('desk.field.action'),
    options: ['book', 'move', 'cancel'].map((a) => ({ value: a, label: t(`desk.action.${a}`) })),
  });
  const department = textField({ name: 'department', label: t('desk.field.department'), hint: t('desk.field.department.hint'), attrs: { maxlength: 100 } });
  const times = textField({ name: 'preferred_times', label: t('desk.field.times'), hint: t('desk.field.times.hint'), attrs: { maxlength: 200 } });
  const documentField = select({
    name: 'document', label: t('desk.field.document'),
    options: desk.documents.map((d) => ({ value: d, label: t(`desk.document.${d}`) })),
  });
  const text = textArea({ name: 'text', label: t('desk.field.text'), hint: t('desk.field.text.hint') });
  const fields = [form, action, department, times, documentField, text];
  const byName = { action, department, preferred_times: times, document: documentField };
  const sync = () => {
    const f = form.value();
    for (const [name, field] of Object.entries(byName)) field.el.hidden = !SHOWN[name].includes(f);
  };
  form.group.addEventListener('change', sync);
  sync();
  const result = h('div', { tabindex: '-1', class: 'desk-result' });
  const ctl = buildForm(fields, submitButton(t('desk.new.submit')));
  ctl.onSubmit(async () => {
    const f = form.value();
    const body = { form: f };
    if (text.value().trim()) body.text = text.value();
    for (const [name, field] of Object.entries(byName)) {
      if (SHOWN[name].includes(f) && field.value().trim()) body[name] = field.value();
    }
    const needsText = ['free', 'question', 'complaint', 'thanks'].includes(f);
    if (!ctl.check([[text, needsText && !body.text ? 'required' : null]])) return;
    const r = await api.post(`/api/v1/institutions/${encodeURIComponent(slug)}/desk/requests`, body);
    const panel = guidancePanel(r.guidance, slug);
    result.replaceChildren(
      panel,
      // The urgent panel already says the message went to the top of the desk's queue.
      h('p', { class: 'notice success' }, r.guidance.kind === 'urgent' ? null
        : [t(r.guidance.kind === 'received' ? 'desk.new.received' : 'desk.new.flagged'), ' '],
      h('a', { href: `/desk/requests/${r.id}` }, t('desk.new.follow', { id: r.id }))));
    ctl.form.hidden = true;
    another.hidden = false;
    result.focus();
    ctx.announce(r.guidance.kind === 'urgent' ? t('desk.urgent.heading') : t('desk.new.received'));
  });
  const another = h('p', { hidden: true }, h('a', { href: `/desk/${encodeURIComponent(slug)}`, onclick: (ev) => { ev.preventDefault(); ctx.redraw(); } }, t('desk.new.another')));
  return [
    result,
    h('h1', {}, t('desk.new.heading', { name: desk.name })),
    h('p', { class: 'lead' }, t('desk.new.intro')),
    h('p', { class: 'hint' }, t('desk.new.limit')),
    ctl.form,
    another,
    h('ul', { class: 'actions' },
      h('li', {}, h('a', { href: '/desk' }, t('desk.mine.link'))),
      h('li', {}, h('a', { href: `/desk/${encodeURIComponent(slug)}/avis` }, t('desk.public.link'))),
      desk.is_manager ? h('li', {}, h('a', { href: `/desk/${encodeURIComponent(slug)}/queue` }, t('desk.queue.link'))) : null),
  ];
}
