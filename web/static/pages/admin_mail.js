// pages/admin_mail.js - /admin/mail: the e-mail queue for administrators (GET
// /api/v1/admin/mail-queue): whether a mail server is configured, the counts by state, the
// latest messages with their template, state, tries and last error. No address nor link
// reaches this page: the server never sends them.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import './mail_i18n.js';
import { number, dateTime } from '../ui.js';

export const titleKey = 'mailqueue.title';

export async function render() {
  const r = await api.get('/api/v1/admin/mail-queue');
  const c = r.counts;
  const rows = r.messages.map((m) => h('tr', {},
    h('th', { scope: 'row' }, String(m.id)),
    h('td', {}, t(`mailqueue.template.${m.template}`)),
    h('td', {}, m.locale),
    h('td', {}, t(`mailqueue.status.${m.status}`)),
    h('td', {}, number(m.attempts)),
    h('td', {}, dateTime(m.created_at)),
    h('td', {}, m.last_error || '')));
  const cols = ['id', 'template', 'locale', 'status', 'attempts', 'created', 'error'];
  return [
    h('h1', {}, t('mailqueue.title')),
    h('p', {}, t('mailqueue.intro', { days: r.keep_days })),
    r.smtp_configured ? null : h('p', { class: 'notice' }, t('mailqueue.nosmtp')),
    h('p', {}, t('mailqueue.counts', { pending: number(c.pending), sent: number(c.sent), failed: number(c.failed) })),
    rows.length === 0 ? h('p', {}, t('mailqueue.empty'))
      : h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('mailqueue.table') },
        h('table', {},
          h('caption', {}, t('mailqueue.table')),
          h('thead', {}, h('tr', {}, cols.map((k) => h('th', { scope: 'col' }, t(`mailqueue.col.${k}`))))),
          h('tbody', {}, rows))),
  ];
}
