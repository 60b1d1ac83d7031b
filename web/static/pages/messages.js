// pages/messages.js - /messages: one's conversations (issue 20), newest activity first, with
// the other people's handles and unread marks (said in words, not by colour alone). The keys
// of this browser are made and published here on first use (messages/crypto.js), or restored
// from the key backup, which is offered here too (messages_backup.js).
import { h } from '../dom.js';
import { api } from '../api.js';
import * as session from '../session.js';
import { emptyState, stylesheet } from '../ui.js';
import { myKeys, hasKeys, backupExists } from '../messages/crypto.js';
import { others } from './messages_ui.js';
import { backupPanel, restorePage } from './messages_backup.js';
import { t, tn } from '../i18n.js';

export const titleKey = 'msg.title';

export async function render(ctx) {
  stylesheet('messages');
  const me = session.current().handle;
  const backup = await backupExists();
  // a browser without keys restores the backup first, if there is one (new keys would not
  // read the old messages); otherwise keys are made here, never in the member's way
  if (backup && !await hasKeys(me)) return restorePage(ctx, me);
  await myKeys(me);
  const r = await api.get('/api/v1/conversations?limit=50');
  const list = r.conversations.map((c) => h('li', { class: c.unread ? 'msg-unread' : null },
    h('a', { href: `/messages/${c.id}` }, t('msg.with', { handles: others(c).join(', ') || '—' })),
    c.unread ? [' — ', h('span', {}, tn('msg.unread', c.unread))] : null));
  return [
    h('h1', {}, t('msg.title')),
    h('p', { class: 'lead' }, t('msg.intro')),
    h('p', {}, h('a', { class: 'button', href: '/messages/new' }, t('msg.new'))),
    list.length ? h('ul', { class: 'msg-list' }, list) : emptyState(t('msg.none')),
    // offered once there is a conversation to keep
    list.length || backup ? backupPanel(ctx, me, backup, !backup) : null,
  ];
}
