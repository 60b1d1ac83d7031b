// pages/messages_conv.js - /messages/:id: a conversation (issue 20). Messages are opened here
// with this browser's keys and their signatures checked; the composer checks the text before
// it is sealed (messages_ui.js). Also: a notice when a contact's keys changed, the safety
// numbers to compare, disappearing messages (hidden here once their time is up, deleted by
// the server's purge), blocking, reporting (messages_report.js), and the read marker posted
// once the messages are shown.
import { h } from '../dom.js';
import { api, postBytes } from '../api.js';
import { select, buildForm, submitButton } from '../forms.js';
import { confirmDialog, notice, emptyState, dateTime, stylesheet } from '../ui.js';
import * as session from '../session.js';
import { myKeys, hasKeys, backupExists, seal, open, signKeyOf, keyChanges, acknowledge, safetyNumber } from '../messages/crypto.js';
import { others, composer, refusalPanel } from './messages_ui.js';
import { reportPanel } from './messages_report.js';
import { t } from '../i18n.js';

export const titleKey = 'msg.title';

async function messageItem(keys, conv, m, cache, me) {
  const sender = conv.members.find((x) => x.handle === m.sender);
  const sign = await signKeyOf(cache, m.sender, m.sender_key, sender && sender.keys);
  const content = m.key && sign ? await open(keys, m, sign, conv.id) : null;
  const mine = m.sender === me;
  const mime = content && /^image\/(jpeg|png|webp)$/.test(content.mime) ? content.mime : 'image/jpeg';
  if (content) m.opened = content; // for a report (messages_report.js)
  return h('li', { class: mine ? 'msg-mine' : null },
    h('span', { class: 'msg-meta' }, h('strong', {}, mine ? t('msg.me') : m.sender), ' · ', dateTime(m.created_at),
      m.expires_at ? [' · ', t('msg.expires', { when: dateTime(m.expires_at) })] : null),
    content ? [
      content.t ? h('p', { class: 'msg-body' }, content.t) : null,
      content.img ? h('img', { src: `data:${mime};base64,${content.img}`, alt: t('msg.photo.alt', { handle: m.sender }) }) : null,
    ] : h('p', { class: 'msg-body' }, h('em', {}, t('msg.unreadable'))));
}

// The notices of contacts whose keys changed since this browser last saw them.
async function keyNotices(conv) {
  const changed = await keyChanges(conv.members);
  return changed.map((handle) => {
    const p = h('div', { class: 'notice msg-keychange', role: 'status' },
      h('p', {}, t('msg.keychange', { handle })),
      h('button', { type: 'button', class: 'button secondary', onclick: async () => { await acknowledge(handle); p.remove(); } }, t('msg.keychange.ok')));
    return p;
  });
}

async function safetyPanel(conv) {
  const mine = conv.members.find((x) => x.me);
  const rows = await Promise.all(conv.members.filter((m) => !m.me && m.keys && mine.keys).map(async (m) => h('div', {},
    h('p', {}, t('msg.safety.intro', { handle: m.handle })),
    h('p', {}, h('code', {}, await safetyNumber(mine.keys.sign, m.keys.sign))))));
  return h('details', { class: 'msg-safety' }, h('summary', {}, t('msg.safety')), rows);
}

function periodForm(ctx, conv) {
  const period = select({ name: 'disappear', label: t('msg.disappear'), hint: t('msg.disappear.hint'),
    options: ['off', '1d', '7d', '30d'].map((p) => ({ value: p, label: t(`msg.disappear.${p}`) })) });
  period.input.value = conv.disappear;
  const form = buildForm([period], submitButton(t('msg.disappear.save'), 'button secondary'));
  form.onSubmit(async () => {
    await api.patch(`/api/v1/conversations/${conv.id}`, { disappear: period.value() });
    ctx.announce(t('msg.disappear.saved'));
  });
  return form.form;
}

function blockButton(conv, status) {
  if (conv.members.length !== 2) return null;
  const handle = others(conv)[0];
  return h('p', {}, h('button', { type: 'button', class: 'button danger', onclick: async () => {
    const ok = await confirmDialog({ title: t('msg.block', { handle }), message: t('msg.blocked', { handle }), confirmLabel: t('msg.block', { handle }), danger: true });
    if (!ok) return;
    await api.put(`/api/v1/me/blocks/${encodeURIComponent(handle)}`);
    status.replaceChildren(notice(t('msg.blocked', { handle })));
  } }, t('msg.block', { handle })));
}

export async function render(ctx) {
  stylesheet('messages');
  const me = session.current().handle;
  if (!await hasKeys(me) && await backupExists()) { // restore first (/messages)
    ctx.navigate('/messages', { replace: true });
    return [];
  }
  const keys = await myKeys(me);
  const conv = await api.get(`/api/v1/conversations/${encodeURIComponent(ctx.params.id)}`);
  const names = others(conv).join(', ');
  ctx.setTitle(t('msg.conv.title', { handles: names }));
  const cache = new Map();
  const holder = h('div', {});
  let timers = [];
  let shown = []; // the messages on the page, oldest first
  // Draws the last messages (oldest first) and posts the read marker once they are shown (a
  // read never writes by itself). Disappearing messages go from the page when their time
  // comes, even if it stays open.
  async function drawList() {
    const page = await api.get(`/api/v1/conversations/${conv.id}/messages?limit=100`);
    const now = Date.now();
    const live = page.messages.filter((m) => !m.expires_at || Date.parse(m.expires_at) > now).reverse();
    const items = await Promise.all(live.map((m) => messageItem(keys, conv, m, cache, me)));
    shown = live;
    timers.forEach(clearTimeout);
    timers = [];
    live.forEach((m, i) => {
      const left = m.expires_at ? Date.parse(m.expires_at) - now : Infinity;
      if (left < 2 ** 31) timers.push(setTimeout(() => items[i].remove(), Math.max(0, left)));
    });
    holder.replaceChildren(items.length ? h('ol', { class: 'msg-thread', 'aria-label': t('msg.messages') }, items) : emptyState(t('msg.nomessages')));
    const last = page.messages.length ? page.messages[0].id : 0;
    if (last > conv.read) {
      conv.read = last;
      setTimeout(() => api.post(`/api/v1/conversations/${conv.id}/read`, { last }).catch(() => {}), 0);
    }
  }
  await drawList();

  const status = h('div', {});
  const missing = conv.members.filter((m) => !m.keys).map((m) => m.handle);
  const box = composer({
    announce: ctx.announce,
    sanitize: (file) => postBytes('/api/v1/media/sanitize', file, file.type || 'application/octet-stream'),
    send: async (content) => {
      const fresh = await api.get(`/api/v1/conversations/${conv.id}`);
      try {
        await api.post(`/api/v1/conversations/${conv.id}/messages`, await seal(keys, fresh, content));
      } catch (err) {
        if (err.status !== 403) throw err;
        status.replaceChildren(refusalPanel(err));
        return;
      }
      await drawList();
    },
  });
  return [
    h('h1', {}, t('msg.conv.title', { handles: names })),
    await keyNotices(conv),
    status,
    holder,
    missing.length ? notice(t('msg.nokeys', { handle: missing.join(', ') })) : box.node,
    await safetyPanel(conv),
    periodForm(ctx, conv),
    blockButton(conv, status),
    reportPanel(ctx, keys, conv, () => shown),
  ];
}
