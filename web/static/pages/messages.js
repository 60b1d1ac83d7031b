// pages/messages.js - /messages: one's conversations (issue 20), newest activity first, with
// the other people's handles and unread marks (said in words, not by colour alone). The keys
// of this browser are made and published here on first use (messages/crypto.js).
import { h } from '../dom.js';
import { api } from '../api.js';
import * as session from '../session.js';
import { emptyState } from '../ui.js';
import { myKeys } from '../messages/crypto.js';
import { t, tn, messagesStyle, others } from './messages_ui.js';

export const titleKey = 'msg.title';

export async function render() {
  messagesStyle();
  await myKeys(session.current().handle);
  const r = await api.get('/api/v1/conversations?limit=50');
  const list = r.conversations.map((c) => h('li', { class: c.unread ? 'msg-unread' : null },
    h('a', { href: `/messages/${c.id}` }, t('msg.with', { handles: others(c).join(', ') || '—' })),
    c.unread ? [' — ', h('span', {}, tn('msg.unread', c.unread))] : null));
  return [
    h('h1', {}, t('msg.title')),
    h('p', { class: 'lead' }, t('msg.intro')),
    h('p', {}, h('a', { class: 'button', href: '/messages/new' }, t('msg.new'))),
    list.length ? h('ul', { class: 'msg-list' }, list) : emptyState(t('msg.none')),
  ];
}
