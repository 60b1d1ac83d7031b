// pages/desk_ui.js - parts shared by the desk's pages: a multi-line text field and a select
// (forms.js's), the guidance a sender sees at once (emergency numbers first
// for urgent messages, rule R3; the allowed alternatives for a consultation, rule R2), labels
// for types and statuses, and durations.
import { h } from '../dom.js';
import { textArea as formTextArea } from '../forms.js';
import { t } from '../i18n.js';
import { duration as formatDuration } from '../ui.js';

// Multi-line and select fields are forms.js's; the desk keeps shorter messages.
export { select } from '../forms.js';
export function textArea(opts) {
  return formTextArea({ rows: 5, max: 8000, ...opts });
}

export const TYPES = ['appointment', 'document_request', 'consultation', 'urgent', 'complaint', 'praise', 'info', 'other'];
export const STATUSES = ['new', 'in_progress', 'waiting', 'resolved'];

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return t('desk.none');
  return formatDuration(seconds);
}

function numberLink(n) {
  const href = n.sms ? `sms:${n.number}` : `tel:${n.number}`;
  return h('li', {},
    h('a', { class: 'desk-number', href }, n.sms ? t('desk.urgent.sms', { number: n.number }) : t('desk.urgent.call', { number: n.number })),
    ' ', h('span', {}, n.label));
}

// The emergency numbers, first thing on the page, as a labelled alert region.
export function urgentPanel(g) {
  return h('section', { class: 'desk-urgent', role: 'alert', 'aria-labelledby': 'desk-urgent-h' },
    h('h2', { id: 'desk-urgent-h' }, t('desk.urgent.heading')),
    h('ul', { class: 'desk-numbers' }, (g.numbers || []).map(numberLink)),
    h('p', {}, t('desk.urgent.support')),
    h('p', {}, t('desk.urgent.sent')));
}

export function consultationPanel(g, slug) {
  const items = (g.alternatives || []).map((a) => {
    if (a.kind === 'appointment') {
      const local = typeof a.href === 'string' && a.href.startsWith('/') && !a.href.startsWith('//');
      return h('li', {}, h('a', { href: local ? a.href : `/desk/${encodeURIComponent(slug)}?form=appointment` }, t('desk.consult.appointment')));
    }
    if (a.kind === 'teleconsultation' && /^https:\/\//.test(a.href || '')) {
      return h('li', {}, h('a', { href: a.href, rel: 'noopener noreferrer' }, t('desk.consult.tele')));
    }
    if (a.kind === 'own_doctor') return h('li', {}, t('desk.consult.doctor'));
    return null;
  });
  return h('section', { class: 'desk-consult', 'aria-labelledby': 'desk-consult-h' },
    h('h2', { id: 'desk-consult-h' }, t('desk.consult.heading')),
    h('p', {}, t('desk.consult.why')),
    h('ul', {}, items),
    h('p', { class: 'hint' }, t('desk.consult.worse')));
}

// The panel for a guidance object from the server, or null for a plain acknowledgement.
export function guidancePanel(g, slug) {
  if (!g) return null;
  if (g.kind === 'urgent') return urgentPanel(g);
  if (g.kind === 'consultation') return consultationPanel(g, slug);
  return null;
}
