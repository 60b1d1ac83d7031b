// pages/messages_report.js - reporting a conversation to the moderators (issue 20). The server
// cannot read a message: the member ticks the messages to forward, and for each one the page
// sends its message key (opened with this browser's keys). The server opens that one message
// with it and checks the sender's signature, so moderators read exactly what the sender's key
// signed, and nothing the member did not choose (docs/messages.md).
import { h } from '../dom.js';
import { api } from '../api.js';
import { select, textArea, buildForm, submitButton } from '../forms.js';
import { notice, dateTime } from '../ui.js';
import { messageKey } from '../messages/crypto.js';
import { t } from '../i18n.js';
import './messages_i18n.js';

const REASONS = ['harmful', 'danger', 'identifying', 'spam', 'medical-misinformation', 'other'];

// shown() gives the messages on the page (oldest first); those this browser could open carry
// .opened. The choices are drawn when the panel opens, from what is on the page then.
export function reportPanel(ctx, keys, conv, shown) {
  const choices = h('fieldset', { class: 'field msg-report-choices' });
  const reason = select({ name: 'reason', label: t('msg.report.reason'),
    options: REASONS.map((r) => ({ value: r, label: t(`msg.report.${r}`) })) });
  const note = textArea({ name: 'note', label: t('msg.report.note'), rows: 2, max: 1000 });
  const done = h('div', { role: 'status' });
  const form = buildForm([reason, note], submitButton(t('msg.report.send'), 'button danger'));
  form.form.insertBefore(choices, reason.el);
  let boxes = [];
  const draw = () => {
    boxes = shown().filter((m) => m.opened).map((m) => {
      const id = `msg-report-${m.id}`;
      const input = h('input', { type: 'checkbox', id, value: String(m.id) });
      const text = m.opened.t || t('msg.report.photo');
      return { m, input, el: h('div', { class: 'choice' }, input,
        h('label', { for: id }, h('strong', {}, m.sender), ` · ${dateTime(m.created_at)} : `, text.length > 140 ? `${text.slice(0, 140)}…` : text)) };
    });
    choices.replaceChildren(h('legend', {}, t('msg.report.choose')),
      h('p', { class: 'hint' }, t('msg.report.how')),
      ...(boxes.length ? boxes.map((b) => b.el) : [h('p', {}, t('msg.report.none'))]));
  };
  const panel = h('details', { class: 'msg-report' }, h('summary', {}, t('msg.report')), form.form, done);
  panel.addEventListener('toggle', () => { if (panel.open) draw(); });
  form.onSubmit(async () => {
    const picked = boxes.filter((b) => b.input.checked);
    if (!picked.length) {
      form.showErrors([{ message: t('msg.report.pick') }]);
      return;
    }
    const messages = await Promise.all(picked.map(async (b) => ({ id: b.m.id, key: await messageKey(keys, b.m) })));
    const body = { reason: reason.value(), messages };
    if (note.value().trim()) body.note = note.value().trim();
    await api.post(`/api/v1/conversations/${conv.id}/reports`, body);
    form.form.reset();
    form.form.hidden = true;
    done.replaceChildren(notice(t('msg.report.done')));
    ctx.announce(t('msg.report.done'));
  });
  return panel;
}
