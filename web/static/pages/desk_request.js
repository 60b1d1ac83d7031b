// pages/desk_request.js - one desk request and its conversation (/desk/requests/:id). The
// requester sees the replies and documents and can write again; community managers of the
// institution also see internal notes and the ready reply of a flagged request, and work it:
// status, assignment, identity check (documents are delivered only after it, privately,
// inside entraide, with the document's file: PDF, JPEG or PNG, downloaded from the message),
// replies from canned templates with placeholders.
import { h } from '../dom.js';
import { confirmDialog, fileSize, stylesheet, dateTime } from '../ui.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { textField, radioGroup, checkbox, fileField, buildForm, submitButton } from '../forms.js';
import { textArea, select, guidancePanel, duration, STATUSES } from './desk_ui.js';

export const titleKey = 'desk.request.page';

function facts(r, manager) {
  const row = (k, v) => [h('dt', {}, t(k)), h('dd', {}, v)];
  return h('dl', { class: 'facts' },
    row('desk.fact.institution', r.institution_name),
    row('desk.fact.type', t(`desk.type.${r.type}`)),
    row('desk.fact.status', t(`desk.status.${r.status}`)),
    row('desk.fact.created', dateTime(r.created_at)),
    manager ? [
      row('desk.fact.requester', r.requester),
      row('desk.fact.assignee', r.assignee || t('desk.none')),
      row('desk.fact.identity', t(r.identity_checked ? 'desk.yes' : 'desk.no')),
      row('desk.fact.first', duration(r.first_response_seconds)),
      row('desk.fact.resolution', duration(r.resolution_seconds)),
    ] : null);
}

function details(d) {
  const keys = ['action', 'department', 'preferred_times', 'document'];
  const items = keys.filter((k) => typeof d[k] === 'string').map((k) => [
    h('dt', {}, t(`desk.detail.${k}`)),
    h('dd', {}, k === 'action' ? t(`desk.action.${d[k]}`) : k === 'document' ? t(`desk.document.${d[k]}`) : d[k])]);
  return [
    items.length ? h('dl', { class: 'facts' }, items) : null,
    typeof d.text === 'string' ? h('div', { class: 'desk-msg' }, h('p', {}, d.text)) : null,
  ];
}

function message(m) {
  const body = m.body || {};
  return h('li', { class: `desk-msg ${m.kind}` },
    h('p', { class: 'hint' }, t(`desk.kind.${m.kind}`), ' — ', m.author || t('desk.gone'), ' — ', dateTime(m.created_at)),
    typeof body.title === 'string' ? h('h3', {}, body.title) : null,
    h('p', {}, typeof body.text === 'string' ? body.text : ''),
    m.file && m.file.href ? h('p', {}, h('a', { class: 'button secondary', href: m.file.href, download: m.file.name },
      t('desk.file.download', { name: m.file.name, size: fileSize(m.file.size) }))) : null);
}

// The file as base64, for the JSON body of a document message.
function base64Of(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
const FILE_MAX = 2 * 1024 * 1024;
const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

function requesterForm(r, ctx) {
  const text = textArea({ name: 'text', label: t('desk.write.label') });
  const ctl = buildForm([text], submitButton(t('desk.write.submit')));
  ctl.onSubmit(async () => {
    if (!ctl.check([[text, text.value().trim() ? null : 'required']])) return;
    await api.post(`/api/v1/desk/requests/${r.id}/messages`, { text: text.value() });
    ctx.announce(t('desk.write.sent'));
    ctx.redraw();
  });
  return ctl.form;
}

function manageForm(r, ctx) {
  const status = select({ name: 'status', label: t('desk.fact.status'), value: r.status,
    options: STATUSES.map((s) => ({ value: s, label: t(`desk.status.${s}`) })) });
  const assign = checkbox({ name: 'assign_me', label: t('desk.manage.assign_me') });
  const identity = checkbox({ name: 'identity_checked', label: t('desk.manage.identity') });
  assign.input.checked = Boolean(r.assignee);
  identity.input.checked = r.identity_checked;
  const ctl = buildForm([status, assign, identity], submitButton(t('desk.manage.submit'), 'button secondary'));
  ctl.onSubmit(async () => {
    const body = { status: status.value(), identity_checked: identity.value() };
    if (assign.value() !== Boolean(r.assignee)) body.assignee = assign.value() ? 'me' : '';
    await api.patch(`/api/v1/desk/requests/${r.id}`, body);
    ctx.announce(t('desk.manage.saved'));
    ctx.redraw();
  });
  return ctl.form;
}

function replyForm(r, canned, ctx) {
  const kinds = ['reply', 'note', 'document'];
  const kind = radioGroup({ name: 'kind', legend: t('desk.reply.kind'), value: 'reply',
    options: kinds.map((k) => ({ value: k, label: t(`desk.kind.${k}`) })) });
  const template = select({ name: 'canned', label: t('desk.reply.canned'), hint: t('desk.reply.canned.hint'),
    options: [{ value: '', label: t('desk.reply.own') }, ...canned.map((c) => ({ value: String(c.id), label: c.title }))] });
  const title = textField({ name: 'title', label: t('desk.reply.title'), attrs: { maxlength: 120 } });
  const file = fileField({ name: 'file', label: t('desk.reply.file'), hint: t('desk.reply.file.hint'), accept: FILE_TYPES.join(',') });
  const text = textArea({ name: 'text', label: t('desk.reply.text'), hint: t('desk.reply.text.hint') });
  const sync = () => {
    title.el.hidden = kind.value() !== 'document';
    file.el.hidden = kind.value() !== 'document';
  };
  kind.group.addEventListener('change', sync);
  sync();
  const ready = r.ready_reply ? h('button', { type: 'button', class: 'button secondary',
    onclick: () => { text.input.value = r.ready_reply; text.input.focus(); } }, t('desk.reply.ready')) : null;
  const ctl = buildForm([kind, template, title, file, text], submitButton(t('desk.reply.submit')), { after: ready });
  ctl.onSubmit(async () => {
    const body = { kind: kind.value() };
    if (template.value()) {
      // A canned reply is read before it goes: the member gets exactly this text.
      const c = canned.find((x) => String(x.id) === template.value());
      const sure = await confirmDialog({ title: t('desk.reply.canned.confirm', { title: c ? c.title : '' }),
        message: t('desk.reply.canned.hint'), preview: c ? c.body : '', confirmLabel: t('desk.reply.submit') });
      if (!sure) return;
      body.canned = Number(template.value());
    } else if (!ctl.check([[text, text.value().trim() ? null : 'required']])) return;
    else body.text = text.value();
    if (body.kind === 'document' && title.value().trim()) body.title = title.value();
    if (body.kind === 'document') {
      const f = file.value();
      const why = !f ? 'required' : f.size > FILE_MAX ? 'too-long' : !FILE_TYPES.includes(f.type) ? 'not-a-document-type' : null;
      if (!ctl.check([[file, why]])) return;
      body.file = await base64Of(f);
      body.file_name = f.name;
    }
    await api.post(`/api/v1/desk/requests/${r.id}/messages`, body);
    ctx.announce(t('desk.reply.sent'));
    ctx.redraw();
  });
  return ctl.form;
}

export async function render(ctx) {
  stylesheet('desk');
  const r = await api.get(`/api/v1/desk/requests/${encodeURIComponent(ctx.params.id)}`);
  const manager = 'requester' in r;
  const heading = t('desk.request.title', { id: r.id });
  ctx.setTitle(heading);
  let canned = [];
  if (manager) canned = (await api.get(`/api/v1/institutions/${encodeURIComponent(r.institution)}/desk/canned`)).canned;
  const urgentFirst = r.type === 'urgent' && !manager ? guidancePanel(r.guidance, r.institution) : null;
  return [
    urgentFirst,
    h('h1', {}, heading),
    manager && r.flag ? h('p', { class: 'desk-flag' }, t(`desk.flag.${r.flag}`)) : null,
    !manager && r.type === 'consultation' ? guidancePanel(r.guidance, r.institution) : null,
    facts(r, manager),
    h('section', { 'aria-labelledby': 'desk-req-details' },
      h('h2', { id: 'desk-req-details' }, t('desk.request.details')),
      details(r.details || {})),
    h('section', { 'aria-labelledby': 'desk-req-conv' },
      h('h2', { id: 'desk-req-conv' }, t('desk.request.conversation')),
      r.messages.length ? h('ol', { class: 'desk-list' }, r.messages.map(message)) : h('p', {}, t('desk.request.empty'))),
    manager ? [
      r.ready_reply ? h('section', { 'aria-labelledby': 'desk-ready' },
        h('h2', { id: 'desk-ready' }, t('desk.reply.ready.heading')), h('p', {}, r.ready_reply)) : null,
      h('section', { 'aria-labelledby': 'desk-reply' }, h('h2', { id: 'desk-reply' }, t('desk.reply.heading')), replyForm(r, canned, ctx)),
      h('section', { 'aria-labelledby': 'desk-manage' }, h('h2', { id: 'desk-manage' }, t('desk.manage.heading')), manageForm(r, ctx)),
      h('p', {}, h('a', { href: `/desk/${encodeURIComponent(r.institution)}/queue` }, t('desk.queue.back'))),
    ] : h('section', { 'aria-labelledby': 'desk-write' }, h('h2', { id: 'desk-write' }, t('desk.write.heading')), requesterForm(r, ctx)),
  ];
}
