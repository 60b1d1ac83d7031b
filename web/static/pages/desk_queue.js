// pages/desk_queue.js - the community managers' queue (/desk/:slug/queue): urgent first,
// then flagged, then oldest; filters by type and status; live updates by Server-Sent Events
// (the list reloads and a polite announcement says so). Each card starts with the first words
// the requester wrote (the server opens them for the institution's managers only). Only the institution's community
// managers get the data; anyone else sees the server's refusal.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { buildForm, submitButton } from '../forms.js';
import { select, duration, TYPES, STATUSES } from './desk_ui.js';
import { colon, stylesheet, dateTime } from '../ui.js';

export const titleKey = 'desk.queue.title';

function item(r) {
  return h('li', {},
    h('a', { href: `/desk/requests/${r.id}` }, t('desk.request.title', { id: r.id })),
    r.flag ? [' ', h('span', { class: 'desk-flag' }, t(`desk.flag.${r.flag}`))] : null,
    r.excerpt ? h('p', { class: 'desk-excerpt' }, r.excerpt) : null,
    h('p', {}, t(`desk.type.${r.type}`), ' — ', t(`desk.status.${r.status}`), ' — ', r.requester,
      ' — ', dateTime(r.created_at)),
    h('p', { class: 'hint' }, colon(t('desk.fact.assignee')), r.assignee || t('desk.none'), ' · ',
      colon(t('desk.fact.first')), duration(r.first_response_seconds)));
}

export async function render(ctx) {
  stylesheet('desk');
  const slug = ctx.params.slug;
  const base = `/api/v1/institutions/${encodeURIComponent(slug)}/desk`;
  const type = select({ name: 'type', label: t('desk.filter.type'), value: ctx.query.get('type') || '',
    options: [{ value: '', label: t('desk.filter.all') }, ...TYPES.map((v) => ({ value: v, label: t(`desk.type.${v}`) }))] });
  const status = select({ name: 'status', label: t('desk.filter.status'), value: ctx.query.get('status') || 'open',
    options: [{ value: '', label: t('desk.filter.all') }, { value: 'open', label: t('desk.status.open') },
      ...STATUSES.map((v) => ({ value: v, label: t(`desk.status.${v}`) }))] });
  const list = h('div', { 'aria-live': 'off' });
  const live = h('p', { class: 'hint', 'aria-live': 'polite' });
  async function load() {
    const q = new URLSearchParams();
    if (type.value()) q.set('type', type.value());
    if (status.value()) q.set('status', status.value());
    const { requests } = await api.get(`${base}/queue?${q}`);
    list.replaceChildren(requests.length
      ? h('ul', { class: 'desk-list' }, requests.map(item))
      : h('p', {}, t('desk.queue.empty')));
    return requests.length;
  }
  const ctl = buildForm([type, status], submitButton(t('desk.filter.submit'), 'button secondary'));
  ctl.form.classList.add('desk-filters');
  ctl.onSubmit(async () => {
    const n = await load();
    ctx.announce(t('desk.queue.count', { n }));
  });
  await load();
  // Live updates: the server sends short event streams; EventSource reconnects by itself.
  const events = new EventSource(`${base}/events`);
  events.addEventListener('desk', async () => {
    if (!list.isConnected) { events.close(); return; }
    await load();
    live.textContent = t('desk.queue.updated');
  });
  events.onerror = () => { if (!list.isConnected) events.close(); };
  return [
    h('h1', {}, t('desk.queue.title')),
    h('p', {}, h('a', { href: `/desk/${encodeURIComponent(slug)}/dashboard` }, t('desk.dashboard.link')), ' · ',
      h('a', { href: `/desk/${encodeURIComponent(slug)}/avis` }, t('desk.public.link'))),
    ctl.form,
    live,
    list,
  ];
}
